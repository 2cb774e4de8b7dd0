package pdfgen

import (
	"context"
	"errors"
	"testing"

	"chuding/model"
	"chuding/pdfgen/pdftest"
)

func formJobs(t testing.TB, n int) []FormJob {
	people := samplePeople(t)
	fonts, err := DefaultFonts()
	if err != nil {
		t.Fatal(err)
	}
	jobs := make([]FormJob, n)
	for i := range jobs {
		p := people[0]
		p.Name = []string{"陈晓雨", "刘子涵", "周敏", "孙浩然", "吴佳琪"}[i%5]
		opt := formOptions()
		opt.Fonts = fonts
		opt.Copies = 1
		jobs[i] = FormJob{Person: &p, Result: eligible(), Options: opt}
	}
	return jobs
}

func TestFormsEmitsInOrder(t *testing.T) {
	jobs := formJobs(t, 7)
	jobs[3].Person = &model.Person{Name: "缺字𠀀"}
	var got []int
	err := Forms(context.Background(), jobs, 2, func(i int, pdf []byte, err error) error {
		got = append(got, i)
		if i == 3 {
			if err == nil {
				t.Error("缺字的人应返回错误")
			}
			return nil
		}
		if err != nil {
			t.Fatalf("第 %d 份：%v", i, err)
		}
		pdftest.Contains(t, pdftest.Text(t, pdf)[0], jobs[i].Person.Name)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for i, v := range got {
		if v != i {
			t.Fatalf("交付顺序应与输入一致：%v", got)
		}
	}
	if len(got) != len(jobs) {
		t.Fatalf("交付了 %d 份，应为 %d 份", len(got), len(jobs))
	}
}

func TestFormsStopsOnEmitError(t *testing.T) {
	stop := errors.New("磁盘已满")
	n := 0
	err := Forms(context.Background(), formJobs(t, 20), 2, func(i int, pdf []byte, err error) error {
		n++
		if i == 2 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 3 {
		t.Fatalf("应在第 3 份停下并返回其错误：n=%d err=%v", n, err)
	}
}

func TestFormsCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := Forms(ctx, formJobs(t, 10), 2, func(int, []byte, error) error { return nil })
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("取消后应返回 context.Canceled，得到 %v", err)
	}
}
