package pdfgen

import (
	"fmt"
	"strings"
	"testing"

	"chuding/model"
	"chuding/model/policy"
	"chuding/model/rules"
	"chuding/pdfgen/pdftest"
)

func rosterInput(t testing.TB, n int) ([]model.Person, []model.Result, *model.Policy) {
	pol := policy.Builtin2025H1()
	sample := samplePeople(t)
	people := make([]model.Person, n)
	results := make([]model.Result, n)
	for i := range people {
		people[i] = sample[i%len(sample)]
		results[i] = rules.Evaluate(&people[i], &pol)
	}
	return people, results, &pol
}

func TestRosterOnePage(t *testing.T) {
	people, results, pol := rosterInput(t, 5)
	pdf, err := Roster(people, results, RosterOptions{Policy: pol, Now: testCreated, Date: model.MustDate("2025-06-12"),
		Unit: model.Unit{Name: "连云港示例机械有限公司", Contact: "王芳", Phone: "0518-85550000"}})
	if err != nil {
		t.Fatal(err)
	}
	look(t, "roster", pdf)
	page := pdftest.RequirePages(t, pdf, 1, true)[0]
	pdftest.Contains(t, page, "2025年上半年专业技术资格初定申报人员汇总表", "连云港示例机械有限公司", "王芳",
		"2025年6月12日", "身份证号码", "拟初定资格", "第 1 页 共 1 页")
	eligible := 0
	for i, p := range people {
		pdftest.Contains(t, page, p.Name, p.IDNumber)
		if results[i].Eligible {
			eligible++
		}
	}
	pdftest.Contains(t, page, fmt.Sprintf("共 %d 人，其中符合初定条件 %d 人", len(people), eligible))
}

func TestRosterPaginatesWithHeaderAndPageCount(t *testing.T) {
	people, results, pol := rosterInput(t, 60)
	pdf, err := Roster(people, results, RosterOptions{Policy: pol, Now: testCreated})
	if err != nil {
		t.Fatal(err)
	}
	pages := pdftest.Pages(t, pdf)
	if len(pages) < 2 {
		t.Fatalf("60 人应不止一页，只有 %d 页", len(pages))
	}
	text := pdftest.RequirePages(t, pdf, len(pages), true)
	for i, p := range text {
		pdftest.Contains(t, p, "身份证号码", "拟初定资格", fmt.Sprintf("第 %d 页 共 %d 页", i+1, len(pages)))
	}
	if !strings.Contains(pdftest.Squeeze(text[len(text)-1]), "共60人") {
		t.Error("最后一页应有合计")
	}
}

func TestRosterRejectsMismatchedResults(t *testing.T) {
	people, results, _ := rosterInput(t, 3)
	if _, err := Roster(people, results[:2], RosterOptions{}); err == nil {
		t.Error("结果数与人数不符应报错")
	}
}
