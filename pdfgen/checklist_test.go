package pdfgen

import (
	"strings"
	"testing"

	"chuding/model"
	"chuding/model/policy"
	"chuding/model/rules"
	"chuding/pdfgen/pdftest"
)

func TestChecklistListsTheRulesMaterials(t *testing.T) {
	pol := policy.Builtin2025H1()
	people := samplePeople(t)
	dispatched := people[1] // 劳务派遣: needs the dispatch proof (四(六))
	r := rules.Evaluate(&dispatched, &pol)
	dispatched.Attachments = []model.Attachment{{Material: rules.MaterialContract, Name: "合同.pdf"}}
	pdf, err := Checklist(&dispatched, r, ChecklistOptions{Policy: &pol, Now: testCreated})
	if err != nil {
		t.Fatal(err)
	}
	look(t, "checklist", pdf)
	page := pdftest.RequirePages(t, pdf, 1, false)[0]
	pdftest.Contains(t, page, "专业技术资格初定申报材料清单", dispatched.Name, dispatched.IDNumber,
		"劳动合同或单位聘书", "原件及复印件", "教育部学历证书电子注册备案表", "三方协议", "通知四(六)", "已附1份",
		"原件已核对", "单位经办人核对签名", "0518-85812002")
	if len(r.Materials) == 0 || !strings.Contains(pdftest.Squeeze(page), "实际工作单位的工作证明") {
		t.Error("劳务派遣人员的清单应有实际工作单位的工作证明")
	}
	if r.Eligible == strings.Contains(page, "草") {
		t.Errorf("符合条件=%v，草稿水印应相反", r.Eligible)
	}
}

func TestChecklistDraftOption(t *testing.T) {
	pol := policy.Builtin2025H1()
	p := samplePeople(t)[0] // 陈晓雨: eligible
	r := rules.Evaluate(&p, &pol)
	if !r.Eligible {
		t.Fatal("sample person 0 should be eligible")
	}
	pdf, err := Checklist(&p, r, ChecklistOptions{Policy: &pol, Now: testCreated, Draft: true})
	if err != nil {
		t.Fatal(err)
	}
	if page := pdftest.RequirePages(t, pdf, 1, false)[0]; !strings.Contains(page, "草") {
		t.Error("a checklist printed for a draft bundle is not marked 草稿")
	}
}

func TestChecklistNeedsMaterials(t *testing.T) {
	p := samplePeople(t)[0]
	if _, err := Checklist(&p, model.Result{Eligible: true}, ChecklistOptions{}); err == nil {
		t.Error("没有材料时应报错")
	}
}
