package model

import (
	"strings"
	"testing"
)

func TestParseID(t *testing.T) {
	r, err := ParseID("320706199904120227")
	if err != nil {
		t.Fatal(err)
	}
	if r.Birth.String() != "1999-04-12" || r.Gender != "女" {
		t.Errorf("derived %v %s", r.Birth, r.Gender)
	}
	r, err = ParseID("11010519491231002x")
	if err != nil {
		t.Fatalf("lower-case x check digit: %v", err)
	}
	if r.Number != "11010519491231002X" || r.Gender != "女" {
		t.Errorf("got %+v", r)
	}
	bad := []struct{ in, want string }{
		{"", "不能为空"},
		{"320706990412022", "15位旧号码"},
		{"32070619990412022", "应为18位"},
		{"32070619990412022A", "只能由数字"},
		{"320706199904120228", "校验位错误"},
		{"320706199902300225", "出生日期"},
		{"000706199904120227", "行政区划"},
	}
	for _, b := range bad {
		_, err := ParseID(b.in)
		if err == nil || !strings.Contains(err.Error(), b.want) {
			t.Errorf("ParseID(%q) = %v, want error containing %q", b.in, err, b.want)
		}
	}
}

func TestMaskID(t *testing.T) {
	if got := MaskID("320706199904120227"); got != "320706********0227" {
		t.Errorf("MaskID = %s", got)
	}
	if strings.Contains(MaskID("320706990412022"), "990412") {
		t.Error("15-digit number leaks its birth date")
	}
}

func TestValidatePerson(t *testing.T) {
	today := MustDate("2025-06-01")
	p := Person{
		Name: "张三", IDNumber: "320706199904120227", Relation: RelationLabour, Series: "工程",
		WorkStart:  MustDate("2023-07-03"),
		Education:  []Education{{Level: "本科", Type: EduNational, Graduated: MustDate("2023-06-20"), FullTime: true}},
		Appraisals: map[int]string{2023: "合格"},
	}
	if errs := p.ValidateOn(today); len(errs) != 0 {
		t.Fatalf("valid person rejected: %v", errs)
	}
	p.Name = ""
	p.IDNumber = "320706199904120228"
	p.Relation = "临时工"
	p.Education[0].Level = "研究生班"
	p.Education[0].Graduated = MustDate("1998-01-01")
	p.WorkStart = MustDate("2026-01-01")
	p.Appraisals[2023] = "很好"
	p.Degrees = []string{"学土"}
	errs := p.ValidateOn(today)
	fields := map[string]bool{}
	for _, e := range errs {
		fields[e.Field] = true
	}
	for _, f := range []string{"姓名", "身份证号码", "人事关系", "学历[1].层次", "参加工作时间", "年度考核[2023]", "学位[1]"} {
		if !fields[f] {
			t.Errorf("no error for %s; got %v", f, errs)
		}
	}
	p.IDNumber = "320706199904120227"
	errs = p.ValidateOn(today)
	found := false
	for _, e := range errs {
		if e.Field == "学历[1].毕业时间" && strings.Contains(e.Message, "早于出生日期") {
			found = true
		}
	}
	if !found {
		t.Errorf("graduation before birth not reported: %v", errs)
	}
}
