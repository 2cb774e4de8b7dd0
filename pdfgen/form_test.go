package pdfgen

import (
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"

	"chuding/model"
	"chuding/pdfgen/pdftest"
)

// samplePeople reads the repository's sample people file.
func samplePeople(t testing.TB) []model.Person {
	t.Helper()
	b, err := os.ReadFile("../testdata/people-sample.json")
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		People []model.Person `json:"people"`
	}
	if err := json.Unmarshal(b, &f); err != nil {
		t.Fatal(err)
	}
	return f.People
}

// eligible is a hand-made verdict for 陈晓雨 (本科 2023, 见习 ends 2024-07-02).
func eligible() model.Result {
	return model.Result{Eligible: true, Level: model.LevelAssistant, Title: "助理工程师",
		Recognised: 0, RecognisedAs: "本科", TraineeEnd: model.MustDate("2024-07-02")}
}

func formOptions() FormOptions {
	return FormOptions{
		Unit:      model.Unit{Name: "连云港示例机械有限公司"},
		FillDate:  model.MustDate("2025-06-10"),
		Publicity: &model.Publicity{Start: model.MustDate("2025-06-03"), End: model.MustDate("2025-06-09"), Result: "无异议"},
		Now:       testCreated,
	}
}

func TestFormTwoPagesPerCopy(t *testing.T) {
	p := samplePeople(t)[0]
	for _, copies := range []int{1, 2} {
		opt := formOptions()
		opt.Copies = copies
		pdf, err := Form(&p, eligible(), opt)
		if err != nil {
			t.Fatal(err)
		}
		pages := pdftest.RequirePages(t, pdf, 2*copies, false)
		look(t, "form-copies"+string(rune('0'+copies)), pdf)
		for i := 0; i < len(pages); i += 2 {
			pdftest.Contains(t, pages[i], "专业技术资格初定申报表", "申报系列", "工程", "机械工程", "助理工程师",
				"2025年6月10日", "陈晓雨", "320706199904120227", "女", "1999.04", "江苏海洋大学", "机械设计制造及其自动化",
				"全日制", "学士", "■劳动合同", "2023年7月3日", "2024年7月2日", "2023年", "2024年", "不定等次", "合格")
			pdftest.Contains(t, pages[i+1], p.Opinion, "负责人签字", "单位（盖章）", "公示情况",
				"2025年6月3日至2025年6月9日", "无异议", "审核意见")
			if strings.Contains(pages[i]+pages[i+1], "草稿") {
				t.Error("符合条件且意见合格的申报表不应有草稿水印")
			}
		}
		if len(pdf) >= 300<<10 {
			t.Errorf("两页申报表 %d KB，应小于 300 KB", len(pdf)>>10)
		}
	}
}

// crowded is 孙浩然 with five education records, eight years of records
// and a 1,500-character opinion: the densest form the tests know.
func crowded(t testing.TB) (model.Person, model.Result) {
	p := samplePeople(t)[3]
	p.Education = []model.Education{
		{Level: "中专", Type: model.EduNational, School: "连云港工贸高等职业技术学校", Major: "机电技术应用", Start: model.MustDate("2010-09"), Graduated: model.MustDate("2013-06-30"), FullTime: true},
		{Level: "高级工班", Type: model.EduTechnical, School: "江苏省连云港中等专业学校（技工部）", Major: "数控加工", Start: model.MustDate("2013-09"), Graduated: model.MustDate("2016-06-30"), FullTime: true},
		{Level: "大专", Type: model.EduUnfinished, School: "南京工业职业技术大学", Major: "机械制造及自动化", Start: model.MustDate("2016-09"), Graduated: model.MustDate("2019-06-30"), FullTime: true},
		{Level: "本科", Type: model.EduNational, School: "江苏海洋大学", Major: "机械设计制造及其自动化（专升本）", Start: model.MustDate("2019-09"), Graduated: model.MustDate("2021-06-30")},
		{Level: "本科", Type: model.EduParty, School: "中共江苏省委党校", Major: "经济管理", Start: model.MustDate("2021-03"), Graduated: model.MustDate("2023-01-15"), Certified: true},
	}
	p.Degrees = []string{"学士"}
	p.Appraisals = map[int]string{}
	p.ContinuingEd = map[int]bool{}
	for y := 2017; y <= 2024; y++ {
		p.Appraisals[y] = "合格"
		p.ContinuingEd[y] = true
	}
	p.Opinion = longOpinion(p.Name, 1500)
	r := model.Result{Eligible: true, Level: model.LevelJunior, Title: "技术员", Recognised: 1, RecognisedAs: "大专"}
	return p, r
}

func longOpinion(name string, n int) string {
	base := []rune("该同志拥护党的路线方针政策，思想政治素质好，遵纪守法，职业道德良好。参加工作以来从事机械设计与工艺工作，业务基础扎实，" +
		"能独立完成零部件设计和工艺编制，参与完成的多项技术改造按期投产，工作业绩突出。工作认真负责，出勤良好，历年年度考核均为合格以上，" +
		"按要求完成继续教育公共科目学习并考核合格。经考察，" + name + "同志已具备技术员的专业技术水平和能力，同意申报。")
	out := make([]rune, 0, n)
	for len(out) < n {
		out = append(out, base...)
	}
	return string(out[:n])
}

func TestFormLongOpinionAndManyRecordsStayOnTwoPages(t *testing.T) {
	p, r := crowded(t)
	pdf, err := Form(&p, r, formOptions())
	if err != nil {
		t.Fatal(err)
	}
	look(t, "form-crowded", pdf)
	pages := pdftest.RequirePages(t, pdf, 4, false)
	pdftest.Contains(t, pages[0], "连云港工贸高等职业技术学校", "中共江苏省委党校", "技工院校", "结业", "党校",
		"视同大专", "2017年", "2024年")
	pdftest.Contains(t, pages[1], p.Opinion) // in full: never cut
}

func TestFormOpinionTooLongForTheSheetFails(t *testing.T) {
	p, r := crowded(t)
	p.Opinion = longOpinion(p.Name, 4000)
	_, err := Form(&p, r, formOptions())
	if !errors.Is(err, ErrOpinionTooLong) {
		t.Fatalf("放不下的鉴定意见应报错，得到 %v", err)
	}
	if !strings.Contains(err.Error(), "4000") {
		t.Errorf("错误应说明现有字数：%v", err)
	}
}

func TestFormDraftWatermark(t *testing.T) {
	people := samplePeople(t)
	cases := []struct {
		name string
		p    model.Person
		r    model.Result
		opt  func(*FormOptions)
		why  string
	}{
		{"不符合条件", people[0], model.Result{Eligible: false, Reasons: []model.Finding{{Code: "TRAINEE", Message: "见习期未满一年"}}}, nil, "见习期未满一年"},
		{"意见为空", people[1], model.Result{Eligible: true, Title: "技术员"}, nil, "鉴定意见"},
		{"强制草稿", people[0], eligible(), func(o *FormOptions) { o.Draft = true }, "草稿"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			opt := formOptions()
			opt.Copies = 1
			if c.opt != nil {
				c.opt(&opt)
			}
			pdf, err := Form(&c.p, c.r, opt)
			if err != nil {
				t.Fatal(err)
			}
			for i, page := range pdftest.RequirePages(t, pdf, 2, false) {
				pdftest.Contains(t, page, "草稿，不能报送", c.why)
				// One 草 is the note in the margin; the watermark is another.
				if n := strings.Count(page, "草"); n < 2 {
					t.Errorf("第 %d 页没有草稿水印（“草”只出现 %d 次）", i+1, n)
				}
			}
		})
	}
}

func TestFormMissingGlyphFails(t *testing.T) {
	p := samplePeople(t)[0]
	p.Name = "陈𠀀雨" // a rare character outside the embedded font
	_, err := Form(&p, eligible(), formOptions())
	var mg *MissingGlyphError
	if !errors.As(err, &mg) {
		t.Fatalf("字体缺字应报错，得到 %v", err)
	}
}

func TestFormIsByteStable(t *testing.T) {
	p := samplePeople(t)[0]
	a, err := Form(&p, eligible(), formOptions())
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Form(&p, eligible(), formOptions())
	if string(a) != string(b) {
		t.Error("同一申报表两次生成的字节不同")
	}
}

func TestFormRejectsBadCopies(t *testing.T) {
	p := samplePeople(t)[0]
	opt := formOptions()
	opt.Copies = 3
	if _, err := Form(&p, eligible(), opt); err == nil {
		t.Error("份数 3 应报错")
	}
}
