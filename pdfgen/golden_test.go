package pdfgen

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chuding/model"
	"chuding/model/policy"
	"chuding/model/rules"
	"chuding/pdfgen/pdftest"
)

// -update rewrites the golden files from the current output.
var update = flag.Bool("update", false, "rewrite pdfgen/testdata/*.golden")

// TestGolden compares each document's text against a golden file kept in
// pdftotext's layout form, so a change in what the centre reads shows up
// as a readable diff. The comparison ignores white space: poppler versions
// differ in how they space columns, not in the text or its order. (The PDF
// bytes themselves are compared run against run in the byte-stability
// tests.)
func TestGolden(t *testing.T) {
	pol := policy.Builtin2025H1()
	people := samplePeople(t)
	chen := people[0]
	r := rules.Evaluate(&chen, &pol)
	docs := map[string]func() ([]byte, error){
		"form-chen": func() ([]byte, error) {
			opt := formOptions()
			opt.Copies = 1
			return Form(&chen, r, opt)
		},
		"checklist-chen": func() ([]byte, error) {
			return Checklist(&chen, r, ChecklistOptions{Policy: &pol, Now: testCreated})
		},
		"roster-sample": func() ([]byte, error) {
			results := make([]model.Result, len(people))
			for i := range people {
				results[i] = rules.Evaluate(&people[i], &pol)
			}
			return Roster(people, results, RosterOptions{Policy: &pol, Now: testCreated, Date: model.MustDate("2025-06-12"),
				Unit: model.Unit{Name: "连云港示例机械有限公司", Contact: "王芳", Phone: "0518-85550000"}})
		},
	}
	for name, build := range docs {
		t.Run(name, func(t *testing.T) {
			pdf, err := build()
			if err != nil {
				t.Fatal(err)
			}
			got := strings.Join(pdftest.Layout(t, pdf), "\f")
			path := filepath.Join("testdata", name+".golden")
			if *update {
				if err := os.MkdirAll("testdata", 0o700); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(got), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v（首次运行请加 -update 生成）", err)
			}
			if pdftest.Squeeze(got) != pdftest.Squeeze(string(want)) {
				t.Errorf("%s 的文字与 %s 不同；若改动是有意的，用 -update 更新。\n得到：\n%s", name, path, got)
			}
		})
	}
}
