package opinion

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chuding/model"
)

// testPolicy carries the title names of a few series, as a batch policy does.
var testPolicy = model.Policy{
	OpinionMinHan: 150,
	Titles: map[string]model.Titles{
		"工程":    {Junior: "技术员", Assistant: "助理工程师", Middle: "工程师"},
		"农业":    {Junior: "农业技术员", Assistant: "助理农艺师", Middle: "农艺师"},
		"中小学教师": {Junior: "三级教师", Assistant: "二级教师", Middle: "一级教师"},
		"群众文化":  {Assistant: "助理馆员", Middle: "馆员"},
		"实验技术":  {Junior: "实验员", Assistant: "助理实验师", Middle: "实验师"},
	},
	DefaultTitles: model.Titles{Junior: "技术员", Assistant: "助理级专业技术人员", Middle: "中级专业技术人员"},
}

func years(from, to int, grade string) map[int]string {
	m := map[int]string{}
	for y := from; y <= to; y++ {
		m[y] = grade
	}
	return m
}

func with(m map[int]string, y int, grade string) map[int]string {
	m[y] = grade
	return m
}

func readOpinion(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", path))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Hand-written opinions in different styles and series, each checked
// against its applicant's data; all must pass.
func TestGoodOpinionsPass(t *testing.T) {
	cases := []struct {
		file, name   string
		apps         map[int]string
		title, level string
	}{
		{"01-engineer-mechanical.txt", "陈晓雨", with(years(2024, 2024, "合格"), 2023, "不定等次"), "助理工程师", model.LevelAssistant},
		{"02-teacher-primary.txt", "吴佳琪", with(years(2023, 2024, "合格"), 2022, "不定等次"), "二级教师", model.LevelAssistant},
		{"03-agronomist.txt", "王建军", with(years(2021, 2024, "合格"), 2023, "优秀"), "助理农艺师", model.LevelAssistant},
		{"04-technician-electrical.txt", "刘子涵", with(years(2022, 2023, "合格"), 2024, "优秀"), "技术员", model.LevelJunior},
		{"05-culture-resume.txt", "张婷", years(2020, 2024, "合格"), "助理馆员", model.LevelAssistant},
		{"06-construction-agency.txt", "赵磊", years(2019, 2024, "合格"), "技术员", model.LevelJunior},
		{"07-lab-technician-short-sentences.txt", "周倩", years(2020, 2024, "合格"), "助理实验师", model.LevelAssistant},
		{"08-engineer-long.txt", "李文博", with(years(2021, 2024, "合格"), 2020, "不定等次"), "助理工程师", model.LevelAssistant},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			text := readOpinion(t, filepath.Join("good", c.file))
			p := &model.Person{Name: c.name, Appraisals: c.apps}
			r := &model.Result{Eligible: true, Title: c.title, Level: c.level}
			rep := Check(text, p, r, &testPolicy)
			if !rep.OK || len(rep.Problems) != 0 {
				t.Fatalf("a good opinion failed: %+v", rep.Problems)
			}
			if len(rep.Covered) < MinDimensions {
				t.Errorf("covered %v", rep.Covered)
			}
			if rep.Length < 150 {
				t.Errorf("length %d", rep.Length)
			}
			// Without any context the same text passes too.
			if rep := Check(text, nil, nil, nil); !rep.OK {
				t.Errorf("without context: %+v", rep.Problems)
			}
		})
	}
}

// Realistic bad opinions; each must fail with exactly the listed codes.
func TestBadOpinionsFail(t *testing.T) {
	chen := &model.Person{Name: "陈晓雨", Appraisals: with(years(2024, 2024, "合格"), 2023, "不定等次")}
	chenResult := &model.Result{Eligible: true, Title: "助理工程师", Level: model.LevelAssistant}
	cases := []struct {
		file  string
		p     *model.Person
		r     *model.Result
		codes []string
	}{
		{"01-blank.txt", chen, chenResult, []string{CodeEmpty}},
		{"02-bare-agree.txt", chen, chenResult, []string{CodeBoilerplateOnly}},
		{"03-boilerplate-combo.txt", chen, chenResult, []string{CodeBoilerplateOnly}},
		{"04-too-short.txt", chen, chenResult, []string{CodeTooShort}},
		{"05-only-conduct.txt", chen, chenResult, []string{CodeDimensionMissing, CodeDimensionMissing, CodeDimensionMissing, CodeDimensionMissing}},
		{"06-padded-repeat.txt", chen, chenResult, []string{CodePadded}},
		{"07-padded-clause.txt", &model.Person{Name: "刘子涵", Appraisals: years(2022, 2024, "合格")},
			&model.Result{Title: "技术员", Level: model.LevelJunior}, []string{CodePadded}},
		{"08-draft-unfilled.txt", chen, chenResult, []string{CodePlaceholder}},
		{"09-xxx-placeholder.txt", chen, chenResult, []string{CodePlaceholder, CodePlaceholder}},
		{"10-copied-other-name.txt", chen, chenResult, []string{CodeOtherName}},
		{"11-all-excellent.txt", &model.Person{Name: "刘子涵", Appraisals: with(years(2022, 2023, "合格"), 2024, "优秀")},
			&model.Result{Title: "技术员", Level: model.LevelJunior}, []string{CodeContradictAppraisal}},
		{"12-wrong-title.txt", chen, chenResult, []string{CodeContradictTitle}},
		{"13-name-label.txt", &model.Person{Name: "周倩", Appraisals: years(2021, 2024, "合格")},
			&model.Result{Title: "助理实验师", Level: model.LevelAssistant}, []string{CodeOtherName}},
		{"14-consecutive-excellent.txt", &model.Person{Name: "王建军", Appraisals: with(years(2021, 2023, "合格"), 2024, "优秀")},
			&model.Result{Title: "助理农艺师", Level: model.LevelAssistant}, []string{CodeContradictAppraisal}},
		{"15-wrong-level.txt", &model.Person{Name: "吴佳琪", Appraisals: with(years(2023, 2024, "合格"), 2022, "不定等次")},
			&model.Result{Title: "二级教师", Level: model.LevelAssistant}, []string{CodeContradictTitle, CodeContradictTitle}},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			rep := Check(readOpinion(t, filepath.Join("bad", c.file)), c.p, c.r, &testPolicy)
			if rep.OK {
				t.Fatal("a bad opinion passed")
			}
			if got := codes(rep); strings.Join(got, " ") != strings.Join(c.codes, " ") {
				t.Errorf("codes %v, want %v", got, c.codes)
				for _, p := range rep.Problems {
					t.Log(p.Message)
				}
			}
			for _, p := range rep.Problems {
				if !strings.Contains(p.Message, "请") {
					t.Errorf("%s message does not say what to do: %s", p.Code, p.Message)
				}
			}
		})
	}
}

func codes(r Report) []string {
	out := make([]string, len(r.Problems))
	for i, p := range r.Problems {
		out[i] = p.Code
	}
	return out
}
