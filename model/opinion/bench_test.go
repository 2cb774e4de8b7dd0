package opinion

import (
	"os"
	"strings"
	"testing"

	"chuding/model"
	"chuding/model/policy"
)

// BenchmarkCheck600 checks a realistic opinion of about 600 Han characters
// (654) with the applicant's data, a result and the built-in policy's full
// titles table: every test runs. Target: ≤ 50 µs per check.
func BenchmarkCheck600(b *testing.B) {
	data, err := os.ReadFile("testdata/good/08-engineer-long.txt")
	if err != nil {
		b.Fatal(err)
	}
	text := string(data)
	p := &model.Person{Name: "李文博", Appraisals: with(years(2021, 2024, "合格"), 2020, "不定等次")}
	r := &model.Result{Eligible: true, Title: "助理工程师", Level: model.LevelAssistant}
	pol := policy.Builtin2025H1()
	if rep := Check(text, p, r, &pol); !rep.OK || rep.Length < 600 {
		b.Fatalf("benchmark text: %+v", rep)
	}
	b.ReportAllocs()
	for b.Loop() {
		Check(text, p, r, &pol)
	}
}

// BenchmarkDraft drafts an opinion from a person's data.
func BenchmarkDraft(b *testing.B) {
	p := &model.Person{Name: "李文博", Unit: "连云港示例港口工程设计院有限公司", Specialty: "港口与航道工程",
		WorkStart: model.NewDate(2020, 8, 3), Appraisals: with(years(2021, 2024, "合格"), 2020, "不定等次"),
		ContinuingEd: map[int]bool{2020: true, 2021: true, 2022: true, 2023: true, 2024: true}}
	r := &model.Result{Eligible: true, Title: "助理工程师", Level: model.LevelAssistant, Recognised: -1}
	b.ReportAllocs()
	for b.Loop() {
		Draft(p, r, nil)
	}
}

// BenchmarkCheckPasted checks 100 opinions pasted together (65,400 Han
// characters): the checker stays linear on text far longer than any form box.
func BenchmarkCheckPasted(b *testing.B) {
	data, err := os.ReadFile("testdata/good/08-engineer-long.txt")
	if err != nil {
		b.Fatal(err)
	}
	text := strings.Repeat(string(data), 100)
	p := &model.Person{Name: "李文博", Appraisals: with(years(2021, 2024, "合格"), 2020, "不定等次")}
	r := &model.Result{Eligible: true, Title: "助理工程师", Level: model.LevelAssistant}
	pol := policy.Builtin2025H1()
	if rep := Check(text, p, r, &pol); !rep.Has(CodePadded) {
		b.Fatalf("pasted text not padded: %+v", rep.Problems)
	}
	b.ReportAllocs()
	for b.Loop() {
		Check(text, p, r, &pol)
	}
}
