package pdfgen

import (
	"context"
	"fmt"
	"runtime"
	"sync"

	"chuding/model"
)

// FormJob is one person's 申报表 to build.
type FormJob struct {
	Person  *model.Person
	Result  model.Result
	Options FormOptions
}

// Forms builds many 申报表 in parallel on up to workers goroutines (0 means
// one per CPU) and hands each to emit in job order, on the calling
// goroutine, together with its build error. At most 2×workers PDFs are
// built ahead of emit, so memory stays bounded for any batch size. The
// font must already be loaded (Options.Fonts, or DefaultFonts). Forms
// stops when emit returns an error or ctx is cancelled, and returns that
// error once every worker has finished.
func Forms(ctx context.Context, jobs []FormJob, workers int, emit func(i int, pdf []byte, err error) error) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, max(len(jobs), 1))
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type built struct {
		pdf []byte
		err error
	}
	slots := make([]chan built, len(jobs))
	for i := range slots {
		slots[i] = make(chan built, 1)
	}
	window := make(chan struct{}, 2*workers) // PDFs built but not yet emitted
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				pdf, err := buildForm(jobs[i])
				slots[i] <- built{pdf, err}
			}
		}()
	}
	go func() {
		defer close(next)
		for i := range jobs {
			select {
			case window <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case next <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	var err error
	for i := range jobs {
		var b built
		select {
		case b = <-slots[i]:
		case <-ctx.Done():
			err = ctx.Err()
		}
		if err != nil {
			break
		}
		<-window
		if err = emit(i, b.pdf, b.err); err != nil {
			break
		}
	}
	cancel()
	wg.Wait()
	return err
}

// buildForm runs Form, turning a layout panic into an error so that one
// bad record cannot take a batch (or the app) down.
func buildForm(j FormJob) (pdf []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			name := ""
			if j.Person != nil {
				name = j.Person.Name
			}
			err = fmt.Errorf("生成%s的申报表时出错（程序缺陷，请报告）：%v", name, r)
		}
	}()
	return Form(j.Person, j.Result, j.Options)
}
