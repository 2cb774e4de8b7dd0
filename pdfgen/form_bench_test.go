package pdfgen

import (
	"context"
	"testing"
)

// BenchmarkForm is one two-page 申报表 with the font already loaded
// (target ≤ 40 ms, < 300 KB).
func BenchmarkForm(b *testing.B) {
	job := formJobs(b, 1)[0]
	b.ReportAllocs()
	size := 0
	for b.Loop() {
		pdf, err := Form(job.Person, job.Result, job.Options)
		if err != nil {
			b.Fatal(err)
		}
		size = len(pdf)
	}
	b.ReportMetric(float64(size)/1024, "KB/form")
}

// BenchmarkFormCrowded is the densest form: five education records, eight
// years and a 1,500-character opinion, two copies.
func BenchmarkFormCrowded(b *testing.B) {
	p, r := crowded(b)
	opt := formOptions()
	for b.Loop() {
		if _, err := Form(&p, r, opt); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkForms200 builds 200 forms on both cores (target ≤ 8 s).
func BenchmarkForms200(b *testing.B) {
	jobs := formJobs(b, 200)
	for b.Loop() {
		total := 0
		err := Forms(context.Background(), jobs, 0, func(i int, pdf []byte, err error) error {
			total += len(pdf)
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkChecklist is one person's 材料清单.
func BenchmarkChecklist(b *testing.B) {
	people, results, pol := rosterInput(b, 2)
	for b.Loop() {
		if _, err := Checklist(&people[1], results[1], ChecklistOptions{Policy: pol}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRoster200 is the 汇总表 of a 200-person batch (landscape, ~14 pages).
func BenchmarkRoster200(b *testing.B) {
	people, results, pol := rosterInput(b, 200)
	for b.Loop() {
		if _, err := Roster(people, results, RosterOptions{Policy: pol}); err != nil {
			b.Fatal(err)
		}
	}
}
