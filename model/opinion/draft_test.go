package opinion_test

import (
	"regexp"
	"strings"
	"testing"

	"chuding/model"
	"chuding/model/opinion"
	"chuding/model/peoplefile"
	"chuding/model/policy"
	"chuding/model/rules"
)

func samplePeople(t *testing.T) []model.Person {
	t.Helper()
	people, err := peoplefile.ReadFile("../../testdata/people-sample.json")
	if err != nil {
		t.Fatal(err)
	}
	return people
}

func samplePerson(t *testing.T, name string) model.Person {
	t.Helper()
	for _, p := range samplePeople(t) {
		if p.Name == name {
			return p
		}
	}
	t.Fatalf("%s not in the sample", name)
	return model.Person{}
}

var spot = regexp.MustCompile(`【请(?:填写|核实)：([^】]*)】`)

// fillSpots replaces each spot the way an officer would, with real text
// chosen by what the prompt asks for.
func fillSpots(t *testing.T, draft string) string {
	t.Helper()
	answers := []struct{ prompt, text string }{
		{"政治思想和职业道德", "拥护党的路线方针政策，遵纪守法，爱岗敬业，团结同事，具有良好的职业道德"},
		{"专业知识和技能", "熟练掌握本专业的基础理论和常用软件，能独立承担一般性技术工作"},
		{"主要工作和取得的成果", "参与完成了两项设备技术改造项目，负责图纸绘制和现场调试，项目均按期投入使用"},
		{"出勤和遵守劳动纪律", "出勤良好，遵守劳动纪律"},
		{"见习期考察结果", "合格"},
		{"年度继续教育情况", "该年度继续教育已补学并考核合格"},
		{"每年参加继续教育", "每年参加继续教育公共科目学习并考核合格"},
		{"历年年度考核结果", "参加工作当年考核为不定等次"},
		{"公示结果", "无异议"},
		{"拟初定的职称", "相应级别职称"},
	}
	return spot.ReplaceAllStringFunc(draft, func(s string) string {
		prompt := spot.FindStringSubmatch(s)[1]
		for _, a := range answers {
			if strings.Contains(prompt, a.prompt) {
				return a.text
			}
		}
		t.Fatalf("no answer for the spot %s", s)
		return ""
	})
}

// Every sample person's draft fails the checker until its spots are filled
// with real text, and passes once they are; deleting the spots is not
// enough.
func TestDraftFailsUntilFilled(t *testing.T) {
	pol := policy.Builtin2025H1()
	pub := &model.Publicity{Start: model.NewDate(2025, 6, 9), End: model.NewDate(2025, 6, 13)}
	for _, p := range samplePeople(t) {
		t.Run(p.Name, func(t *testing.T) {
			r := rules.Evaluate(&p, &pol)
			draft := opinion.Draft(&p, &r, pub)
			rep := opinion.Check(draft, &p, &r, &pol)
			if rep.OK || !rep.Has(opinion.CodePlaceholder) {
				t.Fatalf("an unfilled draft passed: %+v\n%s", rep, draft)
			}
			for _, pr := range rep.Problems {
				switch pr.Code {
				case opinion.CodePlaceholder, opinion.CodeTooShort, opinion.CodeDimensionMissing:
				default:
					t.Errorf("the draft itself is wrong: %s %s\n%s", pr.Code, pr.Message, draft)
				}
			}
			filled := fillSpots(t, draft)
			if rep := opinion.Check(filled, &p, &r, &pol); !rep.OK {
				t.Errorf("the filled draft fails: %+v\n%s", rep.Problems, filled)
			}
			emptied := spot.ReplaceAllString(draft, "")
			if rep := opinion.Check(emptied, &p, &r, &pol); rep.OK {
				t.Errorf("the draft with its spots deleted passes:\n%s", emptied)
			}
		})
	}
}

func TestDraftUsesThePersonsData(t *testing.T) {
	pol := policy.Builtin2025H1()
	p := samplePerson(t, "陈晓雨")
	p.Post = "设计部机械设计员"
	p.Political = "中共党员"
	r := rules.Evaluate(&p, &pol)
	if !r.Eligible || r.Title != "助理工程师" {
		t.Fatalf("sample assumption broken: %+v", r)
	}
	pub := &model.Publicity{Start: model.NewDate(2025, 6, 9), End: model.NewDate(2025, 6, 13), Result: "无异议"}
	draft := opinion.Draft(&p, &r, pub)
	for _, want := range []string{
		"陈晓雨同志，2023年7月参加工作，现在连云港示例机械有限公司设计部机械设计员岗位从事机械工程专业技术工作。",
		"2023年6月毕业于江苏海洋大学机械设计制造及其自动化专业，本科学历，获学士学位。",
		"见习期于2024年7月2日期满，见习期考察结果【请核实：", // the sample has no trainee result
		"该同志系中共党员，【请填写：政治思想和职业道德表现",
		"【请填写：近年完成的主要工作和取得的成果",
		"2023年度考核为不定等次（参加工作当年），2024年度考核为合格，【请填写：出勤和遵守劳动纪律的情况】。",
		"该同志2023、2024年均按规定参加继续教育公共科目学习并考核合格。",
		"已具备助理工程师的专业技术水平和能力",
		"于2025年6月9日至2025年6月13日在本单位公示，公示期间无异议，同意申报初定助理工程师资格。",
	} {
		if !strings.Contains(draft, want) {
			t.Errorf("draft lacks %q:\n%s", want, draft)
		}
	}
	if strings.Contains(draft, "优秀") {
		t.Errorf("draft claims 优秀 the data does not have:\n%s", draft)
	}
	p.TraineeResult = "合格"
	if d := opinion.Draft(&p, &r, pub); !strings.Contains(d, "见习期于2024年7月2日期满，经考察合格。") {
		t.Errorf("trainee result not used:\n%s", d)
	}
}

func TestDraftMarksMissingFacts(t *testing.T) {
	pol := policy.Builtin2025H1()
	wu := samplePerson(t, "吴佳琪") // no continuing education in 2024
	r := rules.Evaluate(&wu, &pol)
	d := opinion.Draft(&wu, &r, nil)
	for _, want := range []string{
		"2022年度考核为不定等次（参加工作当年），2023、2024年度考核均为合格",
		"该同志2022、2023年均按规定参加继续教育公共科目学习并考核合格，【请核实：2024年度继续教育情况】。",
	} {
		if !strings.Contains(d, want) {
			t.Errorf("draft lacks %q:\n%s", want, d)
		}
	}
	if r.Eligible || !strings.Contains(d, "【请填写：拟初定的职称】") {
		t.Errorf("an ineligible person's draft must leave the title to the officer:\n%s", d)
	}
	if strings.Contains(d, "公示") {
		t.Errorf("no publicity given, yet the draft mentions one:\n%s", d)
	}
	zhou := samplePerson(t, "周敏")
	if d := opinion.Draft(&zhou, nil, nil); !strings.Contains(d, "2018至2024年度考核均为合格") || !strings.Contains(d, "2018至2024年均按规定参加继续教育") {
		t.Errorf("seven years not summarised:\n%s", d)
	}
}

func TestDraftPublicityStates(t *testing.T) {
	start, end := model.NewDate(2025, 6, 9), model.NewDate(2025, 6, 13)
	cases := []struct {
		pub  *model.Publicity
		want string
	}{
		{nil, "能力，同意申报"},
		{&model.Publicity{}, "能力，同意申报"},
		{&model.Publicity{Start: start}, "自2025年6月9日起在本单位公示，公示结果【请核实："},
		{&model.Publicity{Start: start, End: end}, "于2025年6月9日至2025年6月13日在本单位公示，公示结果【请核实："},
		{&model.Publicity{Start: start, End: end, Result: "无异议"}, "公示，公示期间无异议，同意申报"},
		{&model.Publicity{Start: start, End: end, Result: "有职工反映其参加工作时间有误", Handled: "经核实无误"},
			"公示期间收到意见：有职工反映其参加工作时间有误，经核实无误，同意申报"},
		{&model.Publicity{Start: start, End: end, Result: "有职工反映其参加工作时间有误"}, "【请填写：异议的核实和处理情况】"},
	}
	for _, c := range cases {
		if d := opinion.Draft(&model.Person{Name: "李娜"}, &model.Result{Title: "助理工程师"}, c.pub); !strings.Contains(d, c.want) {
			t.Errorf("%+v: draft lacks %q:\n%s", c.pub, c.want, d)
		}
	}
}

func TestDraftWithoutData(t *testing.T) {
	for _, p := range []*model.Person{nil, {}} {
		d := opinion.Draft(p, nil, nil)
		rep := opinion.Check(d, p, nil, nil)
		if rep.OK || !rep.Has(opinion.CodePlaceholder) {
			t.Errorf("%+v", rep)
		}
		if !strings.HasPrefix(d, "该同志，参加工作时间【请核实：参加工作时间】") {
			t.Errorf("draft: %s", d)
		}
	}
}
