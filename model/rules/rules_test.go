package rules

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"chuding/model"
	"chuding/model/peoplefile"
	"chuding/model/policy"
)

var d = model.MustDate

// engineer is eligible for 助理工程师 under the 2025 policy with no warnings.
func engineer() model.Person {
	return model.Person{
		Name: "测试", IDNumber: "320706199904120227", Unit: "连云港示例机械有限公司",
		Relation: model.RelationLabour, Series: "工程", Specialty: "机械工程",
		Education: []model.Education{{Level: "本科", Type: model.EduNational, School: "江苏海洋大学",
			Graduated: d("2023-06-20"), FullTime: true}},
		Degrees:      []string{"学士"},
		WorkStart:    d("2023-07-03"),
		Appraisals:   map[int]string{2023: "不定等次", 2024: "合格"},
		ContinuingEd: map[int]bool{2023: true, 2024: true, 2025: true},
	}
}

// only replaces the education with one record and no degree.
func only(level, typ string, fullTime bool) func(*model.Person) {
	return func(p *model.Person) {
		p.Education = []model.Education{{Level: level, Type: typ, School: "某校", Graduated: d("2020-06-30"), FullTime: fullTime}}
		p.Degrees = nil
	}
}

// started sets the work start and fills appraisals and continuing
// education from its year to 2025 so only the date matters.
func started(date string) func(*model.Person) {
	return func(p *model.Person) {
		p.WorkStart = d(date)
		p.Appraisals, p.ContinuingEd = map[int]string{}, map[int]bool{}
		for y := p.WorkStart.Year; y <= 2025; y++ {
			p.Appraisals[y] = "合格"
			p.ContinuingEd[y] = true
		}
	}
}

func all(edits ...func(*model.Person)) func(*model.Person) {
	return func(p *model.Person) {
		for _, e := range edits {
			e(p)
		}
	}
}

type ruleCase struct {
	name     string
	edit     func(*model.Person)
	reasons  []string // exact reason codes, in order
	level    string   // when eligible
	title    string
	warnings []string // warning codes that must be present
	as       string   // RecognisedAs, when checked
}

var ruleCases = []ruleCase{
	{name: "base engineer", level: model.LevelAssistant, title: "助理工程师", as: "本科"},

	// 二(一)1-2: trainee period boundary for cutoff 2025-06-30.
	{name: "trainee full on the last day", edit: started("2024-07-01"), level: model.LevelAssistant, title: "助理工程师"},
	{name: "trainee one day short", edit: started("2024-07-02"), reasons: []string{ReasonTraineePeriodShort}},
	{name: "trainee short at 员级", edit: all(only("大专", model.EduNational, true), started("2024-12-01")), reasons: []string{ReasonTraineePeriodShort}},
	{name: "month-only start decided strictly", edit: started("2024-07"), reasons: []string{ReasonTraineePeriodShort}, warnings: []string{WarnApproxDate}},
	{name: "month-only start clearly full", edit: started("2024-06"), level: model.LevelAssistant},

	// 二(一)5: work start against the cutoff.
	{name: "master starting on the cutoff", edit: all(only("硕士", model.EduNational, true), started("2025-06-30")), level: model.LevelAssistant, title: "助理工程师"},
	{name: "master starting after the cutoff", edit: all(only("硕士", model.EduNational, true), started("2025-07-01")), reasons: []string{ReasonNotStarted}},
	{name: "no work start", edit: func(p *model.Person) { p.WorkStart = model.Date{} }, reasons: []string{ReasonNotStarted}},

	// 二(一)1-4: levels.
	{name: "中专 → 员级", edit: only("中专", model.EduNational, false), level: model.LevelJunior, title: "技术员", as: "中专"},
	{name: "大专 → 员级", edit: only("大专", model.EduNational, true), level: model.LevelJunior, title: "技术员"},
	{name: "学士 degree lifts 大专", edit: all(only("大专", model.EduNational, true), func(p *model.Person) { p.Degrees = []string{"学士"} }), level: model.LevelAssistant},
	{name: "second bachelor without trainee", edit: all(started("2025-03-01"), func(p *model.Person) { p.Degrees = []string{"学士", "第二学士"} }), level: model.LevelAssistant},
	{name: "master degree without trainee", edit: all(started("2025-03-01"), func(p *model.Person) { p.Degrees = []string{"硕士"} }), level: model.LevelAssistant},
	{name: "doctor degree → 中级", edit: all(only("博士", model.EduNational, true), started("2025-06-01"), func(p *model.Person) { p.Degrees = []string{"博士"} }), level: model.LevelMiddle, title: "工程师"},
	{name: "doctor record without the degree", edit: all(only("博士", model.EduNational, true), started("2025-06-01")), level: model.LevelAssistant, warnings: []string{WarnDoctorDegreeMissing}},
	{name: "高中 only", edit: only("高中", model.EduNational, true), reasons: []string{ReasonEducationInsufficient}, as: "高中"},
	{name: "no education", edit: func(p *model.Person) { p.Education, p.Degrees = nil, nil }, reasons: []string{ReasonEducationInsufficient}},
	{name: "highest record counts", edit: func(p *model.Person) {
		p.Degrees = nil
		p.Education = append([]model.Education{{Level: "大专", Type: model.EduNational, Graduated: d("2018-06-30")}}, p.Education...)
	}, level: model.LevelAssistant, as: "本科"},

	// 二(二)2: 技工院校.
	{name: "中级工班 = 中专", edit: only("中级工班", model.EduTechnical, true), level: model.LevelJunior, as: "中专", warnings: []string{WarnEduRecordAlternative}},
	{name: "高级工班 = 大专", edit: only("高级工班", model.EduTechnical, true), level: model.LevelJunior, as: "大专"},
	{name: "预备技师班 = 本科", edit: only("预备技师班", model.EduTechnical, true), level: model.LevelAssistant, as: "本科"},
	{name: "技师班 = 本科", edit: only("技师班", model.EduTechnical, true), level: model.LevelAssistant, as: "本科"},
	{name: "unknown technical class", edit: only("本科", model.EduTechnical, true), reasons: []string{ReasonEducationInsufficient}, warnings: []string{WarnEducationNotRecognised}},

	// 二(二)3: 结业 one level lower.
	{name: "本科结业 → 大专", edit: only("本科", model.EduUnfinished, true), level: model.LevelJunior, as: "大专"},
	{name: "大专结业 → 中专", edit: only("大专", model.EduUnfinished, true), level: model.LevelJunior, as: "中专"},
	{name: "中专结业 not recognised", edit: only("中专", model.EduUnfinished, true), reasons: []string{ReasonEducationInsufficient}, warnings: []string{WarnEducationNotRecognised}},
	{name: "part-time 结业 not recognised", edit: only("本科", model.EduUnfinished, false), reasons: []string{ReasonEducationInsufficient}, warnings: []string{WarnEducationNotRecognised}},
	{name: "硕士结业 not recognised", edit: only("硕士", model.EduUnfinished, true), reasons: []string{ReasonEducationInsufficient}, warnings: []string{WarnEducationNotRecognised}},

	// 二(二)1: 部队院校 and 党校.
	{name: "部队院校 certified", edit: all(only("本科", model.EduMilitary, true), func(p *model.Person) { p.Education[0].Certified = true }), level: model.LevelAssistant, as: "本科"},
	{name: "部队院校 not certified", edit: only("本科", model.EduMilitary, true), reasons: []string{ReasonEducationInsufficient}, warnings: []string{WarnEducationNotRecognised}},
	{name: "部队院校 certified but part-time", edit: all(only("本科", model.EduMilitary, false), func(p *model.Person) { p.Education[0].Certified = true }), reasons: []string{ReasonEducationInsufficient}, warnings: []string{WarnEducationNotRecognised}},
	{name: "党校 provincial two years", edit: all(only("本科", model.EduParty, false), func(p *model.Person) { p.Education[0].Certified, p.Education[0].Years = true, 2 }), level: model.LevelAssistant, warnings: []string{WarnEduRecordAlternative}},
	{name: "党校 short class", edit: all(only("本科", model.EduParty, false), func(p *model.Person) { p.Education[0].Certified, p.Education[0].Years = true, 1.5 }), reasons: []string{ReasonEducationInsufficient}, warnings: []string{WarnEducationNotRecognised}},
	{name: "党校 below provincial level", edit: all(only("本科", model.EduParty, false), func(p *model.Person) { p.Education[0].Years = 3 }), reasons: []string{ReasonEducationInsufficient}, warnings: []string{WarnEducationNotRecognised}},

	// 二(二)4: 培训 never counts.
	{name: "training certificate only", edit: only("大专", model.EduTraining, true), reasons: []string{ReasonEducationInsufficient}, warnings: []string{WarnTrainingCertIgnored}},
	{name: "training beside a diploma", edit: func(p *model.Person) {
		p.Education = append(p.Education, model.Education{Level: "硕士", Type: model.EduTraining, Graduated: d("2024-01-01")})
	}, level: model.LevelAssistant, as: "本科", warnings: []string{WarnTrainingCertIgnored}},
	{name: "record after the cutoff does not count", edit: func(p *model.Person) {
		p.Education = append(p.Education, model.Education{Level: "硕士", Type: model.EduNational, Graduated: d("2025-07-01")})
	}, level: model.LevelAssistant, as: "本科", warnings: []string{WarnEducationAfterCutoff}},
	{name: "graduation date missing", edit: func(p *model.Person) { p.Education[0].Graduated = model.Date{} }, level: model.LevelAssistant, warnings: []string{WarnGraduationDateMissing}},
	{name: "worked before graduating", edit: all(started("2020-07-01"), func(p *model.Person) { p.Education[0].Graduated = d("2025-01-10") }), level: model.LevelAssistant, warnings: []string{WarnTraineeBeforeGraduation}},
	{name: "trainee assessment failed", edit: func(p *model.Person) { p.TraineeResult = "不合格" }, level: model.LevelAssistant, warnings: []string{WarnTraineeResult}},

	// 一: scope.
	{name: "dispatch is in scope", edit: func(p *model.Person) { p.Relation = model.RelationDispatch }, level: model.LevelAssistant},
	{name: "agency is in scope", edit: func(p *model.Person) { p.Relation = model.RelationAgency }, level: model.LevelAssistant},
	{name: "relation out of scope", edit: func(p *model.Person) { p.Relation = "劳务合同" }, reasons: []string{ReasonOutOfScope}},
	{name: "relation missing", edit: func(p *model.Person) { p.Relation = "" }, reasons: []string{ReasonOutOfScope}},
	{name: "civil servant", edit: func(p *model.Person) { p.CivilServant = true }, reasons: []string{ReasonCivilServant}},
	{name: "retired", edit: func(p *model.Person) { p.Retired = true }, reasons: []string{ReasonRetired}},
	{name: "sanction reaching the window start", edit: func(p *model.Person) { p.SanctionUntil = d("2025-06-03") }, reasons: []string{ReasonSanctionInEffect}},
	{name: "sanction ending the day before", edit: func(p *model.Person) { p.SanctionUntil = d("2025-06-02") }, level: model.LevelAssistant},
	{name: "month-only sanction read strictly", edit: func(p *model.Person) { p.SanctionUntil = d("2025-06") }, reasons: []string{ReasonSanctionInEffect}, warnings: []string{WarnApproxDate}},
	{name: "month-only sanction clearly over", edit: func(p *model.Person) { p.SanctionUntil = d("2025-05") }, level: model.LevelAssistant},

	// 一: exam series and specialties.
	{name: "accounting", edit: func(p *model.Person) { p.Series, p.Specialty = "会计", "会计" }, reasons: []string{ReasonExamSeries}},
	{name: "economics HR specialty", edit: func(p *model.Person) { p.Series, p.Specialty = "经济", "人力资源管理" }, reasons: []string{ReasonExamSeries}},
	{name: "农业经济 under 农业", edit: func(p *model.Person) { p.Series, p.Specialty = "农业", "农业经济" }, reasons: []string{ReasonExamSeries}},
	{name: "知识产权 filed as a series", edit: func(p *model.Person) { p.Series, p.Specialty = "知识产权", "" }, reasons: []string{ReasonExamSeries}},
	{name: "loose series name 卫生", edit: func(p *model.Person) { p.Series = "卫生" }, reasons: []string{ReasonExamSeries}},
	{name: "agriculture is not an exam series", edit: func(p *model.Person) { p.Series, p.Specialty = "农业", "农学" }, level: model.LevelAssistant, title: "助理农艺师"},

	// 二(五): licensed series.
	{name: "teacher without certificate", edit: func(p *model.Person) { p.Series = "中小学教师" }, reasons: []string{ReasonQualificationMissing}},
	{name: "teacher with certificate", edit: func(p *model.Person) {
		p.Series, p.QualificationCert = "中小学教师", "高级中学教师资格 20233200000000"
	}, level: model.LevelAssistant, title: "二级教师"},
	{name: "lawyer without certificate", edit: func(p *model.Person) { p.Series = "律师系列" }, reasons: []string{ReasonQualificationMissing}},
	{name: "university 员级 has no title name", edit: all(only("大专", model.EduNational, true), func(p *model.Person) { p.Series, p.QualificationCert = "高校教师", "教师资格" }),
		level: model.LevelJunior, title: model.LevelJunior, warnings: []string{WarnTitleNotInTable}},

	// titles table.
	{name: "series written with 系列", edit: func(p *model.Person) { p.Series = "工程系列" }, level: model.LevelAssistant, title: "助理工程师"},
	{name: "series missing", edit: func(p *model.Person) { p.Series = " " }, level: model.LevelAssistant, title: model.LevelAssistant, warnings: []string{WarnTitleNotInTable}},
	{name: "series not in the table", edit: func(p *model.Person) { p.Series = "艺术" }, level: model.LevelAssistant, title: model.LevelAssistant, warnings: []string{WarnTitleNotInTable}},

	// 二(三): appraisals.
	{name: "first-year 不定等次 accepted", edit: func(p *model.Person) { p.Appraisals = map[int]string{2023: "不定等次", 2024: "优秀"} }, level: model.LevelAssistant},
	{name: "second-year 不定等次 fails", edit: func(p *model.Person) { p.Appraisals = map[int]string{2023: "合格", 2024: "不定等次"} }, reasons: []string{ReasonAppraisalFailed}},
	{name: "称职 passes", edit: func(p *model.Person) { p.Appraisals = map[int]string{2023: "称职", 2024: "称职"} }, level: model.LevelAssistant},
	{name: "基本合格 fails", edit: func(p *model.Person) { p.Appraisals[2024] = "基本合格" }, reasons: []string{ReasonAppraisalFailed}},
	{name: "不称职 fails", edit: func(p *model.Person) { p.Appraisals[2024] = "不称职" }, reasons: []string{ReasonAppraisalFailed}},
	{name: "appraisal year missing", edit: func(p *model.Person) { delete(p.Appraisals, 2024) }, reasons: []string{ReasonAppraisalMissing}},
	{name: "missing and failed together", edit: all(started("2021-07-01"), func(p *model.Person) { delete(p.Appraisals, 2022); p.Appraisals[2023] = "不合格" }),
		reasons: []string{ReasonAppraisalMissing, ReasonAppraisalFailed}},
	{name: "cutoff year appraisal not needed", edit: func(p *model.Person) { p.Appraisals[2025] = "不合格" }, level: model.LevelAssistant},

	// 二(四): continuing education.
	{name: "continuing education gap", edit: func(p *model.Person) { p.ContinuingEd[2024] = false }, reasons: []string{ReasonContinuingEdMissing}},
	{name: "first year counts too", edit: func(p *model.Person) { delete(p.ContinuingEd, 2023) }, reasons: []string{ReasonContinuingEdMissing}},
	{name: "cutoff year only warns", edit: func(p *model.Person) { delete(p.ContinuingEd, 2025) }, level: model.LevelAssistant, warnings: []string{WarnContinuingEdCurrentYear}},

	// identity and several reasons at once.
	{name: "bad check digit", edit: func(p *model.Person) { p.IDNumber = "320706199904120228" }, reasons: []string{ReasonInvalidID}},
	{name: "every reason reported", edit: func(p *model.Person) {
		p.IDNumber, p.CivilServant, p.Series = "123", true, "中小学教师"
		p.ContinuingEd[2024] = false
		p.Appraisals[2024] = "基本合格"
	}, reasons: []string{ReasonInvalidID, ReasonCivilServant, ReasonAppraisalFailed, ReasonContinuingEdMissing, ReasonQualificationMissing}},
	{name: "exam series and short trainee", edit: all(started("2025-01-02"), func(p *model.Person) { p.Series = "统计" }),
		reasons: []string{ReasonExamSeries, ReasonTraineePeriodShort}},
	{name: "insufficient and not started", edit: all(only("高中", model.EduNational, true), started("2025-08-01")),
		reasons: []string{ReasonNotStarted, ReasonEducationInsufficient}},
}

func TestEvaluate(t *testing.T) {
	pol := policy.Builtin2025H1()
	for _, c := range ruleCases {
		t.Run(c.name, func(t *testing.T) {
			p := engineer()
			if c.edit != nil {
				c.edit(&p)
			}
			r := Evaluate(&p, &pol)
			checkResult(t, r, c)
		})
	}
}

func checkResult(t *testing.T, r model.Result, c ruleCase) {
	t.Helper()
	if got := codes(r.Reasons); !slices.Equal(got, c.reasons) && !(len(got) == 0 && len(c.reasons) == 0) {
		t.Errorf("reasons %v, want %v\n%s", got, c.reasons, messages(r))
	}
	if r.Eligible != (len(c.reasons) == 0) {
		t.Errorf("eligible %v with reasons %v", r.Eligible, codes(r.Reasons))
	}
	if r.Eligible && r.Level != c.level {
		t.Errorf("level %q, want %q", r.Level, c.level)
	}
	if !r.Eligible && (r.Level != "" || r.Title != "") {
		t.Errorf("ineligible but level %q title %q", r.Level, r.Title)
	}
	if c.title != "" && r.Title != c.title {
		t.Errorf("title %q, want %q", r.Title, c.title)
	}
	if c.as != "" && r.RecognisedAs != c.as {
		t.Errorf("recognised as %q, want %q", r.RecognisedAs, c.as)
	}
	for _, w := range c.warnings {
		if !slices.Contains(codes(r.Warnings), w) {
			t.Errorf("warnings %v lack %s\n%s", codes(r.Warnings), w, messages(r))
		}
	}
	for _, f := range append(r.Reasons, r.Warnings...) {
		if f.Clause == "" || f.Message == "" {
			t.Errorf("finding without clause or message: %+v", f)
		}
	}
	if r.Reasons == nil || r.Warnings == nil || r.Materials == nil {
		t.Errorf("nil slices in %+v", r)
	}
}

func codes(fs []model.Finding) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.Code
	}
	return out
}

func messages(r model.Result) string {
	var b strings.Builder
	for _, f := range append(r.Reasons, r.Warnings...) {
		b.WriteString("  " + f.Code + " " + f.Clause + " " + f.Message + "\n")
	}
	return b.String()
}

// TestEveryCodeIsTested keeps the table honest: each reason and warning
// code must be expected by at least one case.
func TestEveryCodeIsTested(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range ruleCases {
		for _, code := range append(slices.Clone(c.reasons), c.warnings...) {
			seen[code] = true
		}
	}
	for _, code := range append(slices.Clone(ReasonCodes), WarningCodes...) {
		if !seen[code] {
			t.Errorf("no test case expects %s", code)
		}
	}
}

func TestClausesAndMessages(t *testing.T) {
	pol := policy.Builtin2025H1()
	cases := []struct {
		name   string
		edit   func(*model.Person)
		code   string
		clause string
		says   []string
	}{
		{"trainee at 助理级", started("2024-07-02"), ReasonTraineePeriodShort, "二(一)2", []string{"2024年7月2日", "2025年7月1日", "2025年6月30日"}},
		{"trainee at 员级", all(only("大专", model.EduNational, true), started("2024-07-02")), ReasonTraineePeriodShort, "二(一)1", []string{"见习期未满"}},
		{"appraisal first year only", func(p *model.Person) { p.Appraisals[2024] = "不定等次" }, ReasonAppraisalFailed, "二(三)", []string{"2024年度为“不定等次”", "2023年"}},
		{"continuing education years", func(p *model.Person) { p.ContinuingEd[2023], p.ContinuingEd[2024] = false, false }, ReasonContinuingEdMissing, "二(四)", []string{"2023、2024年度"}},
		{"exam series", func(p *model.Person) { p.Series = "审计" }, ReasonExamSeries, "一", []string{"“审计”", "职称考试"}},
		{"sanction", func(p *model.Person) { p.SanctionUntil = d("2025-12-31") }, ReasonSanctionInEffect, "一", []string{"2025年12月31日", "2025年6月3日"}},
		{"qualification", func(p *model.Person) { p.Series = "播音" }, ReasonQualificationMissing, "二(五)", []string{"“播音”", "资格"}},
		{"bad ID", func(p *model.Person) { p.IDNumber = "32070619990412022" }, ReasonInvalidID, "三(二)", []string{"18位"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := engineer()
			c.edit(&p)
			r := Evaluate(&p, &pol)
			var f *model.Finding
			for i := range r.Reasons {
				if r.Reasons[i].Code == c.code {
					f = &r.Reasons[i]
				}
			}
			if f == nil {
				t.Fatalf("no %s:\n%s", c.code, messages(r))
			}
			if f.Clause != c.clause {
				t.Errorf("clause %q, want %q", f.Clause, c.clause)
			}
			for _, s := range c.says {
				if !strings.Contains(f.Message, s) {
					t.Errorf("message %q lacks %q", f.Message, s)
				}
			}
		})
	}
}

func TestRecognisedAndTraineeEnd(t *testing.T) {
	pol := policy.Builtin2025H1()
	p := engineer()
	p.Education = []model.Education{
		{Level: "大专", Type: model.EduNational, Graduated: d("2019-06-30")},
		{Level: "本科", Type: model.EduUnfinished, FullTime: true, Graduated: d("2021-06-30")}, // counts as 大专
		{Level: "本科", Type: model.EduNational, Graduated: d("2023-06-20")},
	}
	r := Evaluate(&p, &pol)
	if r.Recognised != 2 || r.RecognisedAs != "本科" {
		t.Errorf("recognised %d as %q, want 2 as 本科", r.Recognised, r.RecognisedAs)
	}
	if r.TraineeEnd != d("2024-07-02") {
		t.Errorf("trainee end %s, want 2024-07-02", r.TraineeEnd)
	}
	p.Education = []model.Education{{Level: "中专", Type: model.EduTraining}}
	if r := Evaluate(&p, &pol); r.Recognised != -1 || r.RecognisedAs != "" {
		t.Errorf("nothing recognised: got %d %q", r.Recognised, r.RecognisedAs)
	}
}

func TestMaterials(t *testing.T) {
	pol := policy.Builtin2025H1()
	cases := []struct {
		name string
		edit func(*model.Person)
		want []string
	}{
		{"everyone", nil, []string{MaterialForm, MaterialCESummary, MaterialContract, MaterialEduRecord}},
		{"licensed", func(p *model.Person) { p.Series, p.QualificationCert = "中小学教师", "x" },
			[]string{MaterialForm, MaterialCESummary, MaterialContract, MaterialEduRecord, MaterialQualification}},
		{"dispatched", func(p *model.Person) { p.Relation = model.RelationDispatch },
			[]string{MaterialForm, MaterialCESummary, MaterialContract, MaterialEduRecord, MaterialDispatchProof}},
		{"ineligible still told", func(p *model.Person) { p.Series = "新闻"; p.Relation = model.RelationDispatch },
			[]string{MaterialForm, MaterialCESummary, MaterialContract, MaterialEduRecord, MaterialQualification, MaterialDispatchProof}},
	}
	for _, c := range cases {
		p := engineer()
		if c.edit != nil {
			c.edit(&p)
		}
		r := Evaluate(&p, &pol)
		got := make([]string, len(r.Materials))
		for i, m := range r.Materials {
			got[i] = m.Code
			if m.Name == "" || m.Copies == "" || m.Source == "" || !strings.HasPrefix(m.Clause, "四(") {
				t.Errorf("%s: incomplete material %+v", c.name, m)
			}
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: materials %v, want %v", c.name, got, c.want)
		}
	}
	if m := MaterialFor(MaterialForm); m.Copies != "一式两份（A4纸正反面打印，单独装订）" || m.Clause != "四(一)" {
		t.Errorf("FORM: %+v", m)
	}
	if m := MaterialFor(MaterialContract); m.Copies != "原件及复印件" {
		t.Errorf("CONTRACT: %+v", m)
	}
	if m := MaterialFor("NOPE"); m.Code != "NOPE" {
		t.Errorf("unknown code: %+v", m)
	}
	all := Materials()
	all[0].Name = "changed"
	if MaterialFor(MaterialForm).Name == "changed" || len(Materials()) != 6 {
		t.Errorf("Materials() must return a copy of all six")
	}
}

func TestSummary(t *testing.T) {
	pol := policy.Builtin2025H1()
	p := engineer()
	if got := Summary(Evaluate(&p, &pol)); got != "可申报 助理工程师" {
		t.Errorf("eligible summary %q", got)
	}
	p.WorkStart = d("2024-07-02")
	p.ContinuingEd[2024] = false
	if got := Summary(Evaluate(&p, &pol)); got != "不可申报：见习期未满、缺继续教育记录" {
		t.Errorf("ineligible summary %q", got)
	}
	if ShortName("WHATEVER") != "WHATEVER" {
		t.Errorf("unknown short name")
	}
	for _, m := range Materials() {
		if ShortName(m.Code) == m.Code {
			t.Errorf("%s has no short name", m.Code)
		}
	}
	for _, c := range append(slices.Clone(ReasonCodes), WarningCodes...) {
		if ShortName(c) == c {
			t.Errorf("%s has no short name", c)
		}
	}
}

// TestSampleVerdicts checks the five people of the shared sample file.
func TestSampleVerdicts(t *testing.T) {
	people, err := peoplefile.ReadFile("../../testdata/people-sample.json")
	if err != nil {
		t.Fatal(err)
	}
	pol := policy.Builtin2025H1()
	want := []struct {
		name    string
		summary string
		reasons []string
		extra   string // a material beyond the four everyone brings
	}{
		{"陈晓雨", "可申报 助理工程师", nil, ""},
		{"刘子涵", "可申报 技术员", nil, MaterialDispatchProof},
		{"周敏", "不可申报：考试系列不进行初定", []string{ReasonExamSeries}, ""},
		{"孙浩然", "可申报 工程师", nil, ""},
		{"吴佳琪", "不可申报：缺继续教育记录、未取得准入资格", []string{ReasonContinuingEdMissing, ReasonQualificationMissing}, MaterialQualification},
	}
	if len(people) != len(want) {
		t.Fatalf("%d people, want %d", len(people), len(want))
	}
	for i, w := range want {
		r := Evaluate(&people[i], &pol)
		if people[i].Name != w.name || Summary(r) != w.summary || !slices.Equal(codes(r.Reasons), w.reasons) {
			t.Errorf("%s: %s %v, want %s %s %v", people[i].Name, Summary(r), codes(r.Reasons), w.name, w.summary, w.reasons)
		}
		if w.extra != "" && r.Materials[len(r.Materials)-1].Code != w.extra {
			t.Errorf("%s: last material %s, want %s", w.name, r.Materials[len(r.Materials)-1].Code, w.extra)
		}
	}
}

// TestPolicyIsData changes the policy, never the code, and sees the verdicts move.
func TestPolicyIsData(t *testing.T) {
	p2027 := policy.Copy(policy.Builtin2025H1(), "2027年上半年")
	p2027.Cutoff = d("2027-06-30")
	p2027.WindowStart, p2027.WindowEnd = d("2027-06-01"), d("2027-06-25")

	cases := []struct {
		name    string
		pol     model.Policy
		person  func(*model.Person)
		reasons []string
		warn    string
	}{
		{"2027: trainee boundary full", p2027, started27("2026-07-01"), nil, ""},
		{"2027: trainee boundary short", p2027, started27("2026-07-02"), []string{ReasonTraineePeriodShort}, ""},
		{"2027: earlier years now required", p2027, func(p *model.Person) {}, []string{ReasonAppraisalMissing, ReasonContinuingEdMissing}, ""},
		{"2027: current-year warning moves", p2027, all(started27("2026-01-01"), func(p *model.Person) { delete(p.ContinuingEd, 2027) }), nil, WarnContinuingEdCurrentYear},
		{"2027: sanction judged against the new window", p2027, func(p *model.Person) {
			*p = withYears(*p, 2023, 2026)
			p.SanctionUntil = d("2026-12-31")
		}, nil, ""},
		{"six-month trainee", func() model.Policy {
			q := policy.Copy(policy.Builtin2025H1(), "")
			q.TraineeMonths = 6
			return q
		}(), started("2025-01-01"), nil, ""},
		{"accounting no longer an exam series", func() model.Policy {
			q := policy.Copy(policy.Builtin2025H1(), "")
			q.ExamSeries = slices.DeleteFunc(q.ExamSeries, func(s string) bool { return s == "会计" })
			return q
		}(), func(p *model.Person) { p.Series = "会计" }, nil, WarnTitleNotInTable},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := engineer()
			c.person(&p)
			r := Evaluate(&p, &c.pol)
			if got := codes(r.Reasons); !slices.Equal(got, c.reasons) && len(got)+len(c.reasons) > 0 {
				t.Errorf("reasons %v, want %v\n%s", got, c.reasons, messages(r))
			}
			if c.warn != "" && !slices.Contains(codes(r.Warnings), c.warn) {
				t.Errorf("warnings %v lack %s", codes(r.Warnings), c.warn)
			}
		})
	}
}

// started27 is started for the 2027 policy: records up to 2027.
func started27(date string) func(*model.Person) {
	return func(p *model.Person) {
		p.WorkStart = d(date)
		*p = withYears(*p, p.WorkStart.Year, 2027)
	}
}

func withYears(p model.Person, from, to int) model.Person {
	p.Appraisals, p.ContinuingEd = map[int]string{}, map[int]bool{}
	for y := from; y <= to; y++ {
		p.Appraisals[y], p.ContinuingEd[y] = "合格", true
	}
	return p
}

func TestEvaluateDoesNotChangeInputs(t *testing.T) {
	pol := policy.Builtin2025H1()
	before := policy.Copy(pol, "")
	p := engineer()
	p.Series = "卫生"
	orig := engineer()
	orig.Series = "卫生"
	Evaluate(&p, &pol)
	if !reflect.DeepEqual(pol, before) || !reflect.DeepEqual(p, orig) {
		t.Errorf("Evaluate modified its inputs")
	}
}

// TestEvaluateConcurrently backs the promise that one policy can serve
// several goroutines (the UI re-checks in the background); run with -race.
func TestEvaluateConcurrently(t *testing.T) {
	pol := policy.Builtin2025H1()
	people := benchPeople()
	want := make([]string, len(people))
	for i := range people {
		want[i] = Summary(Evaluate(&people[i], &pol))
	}
	done := make(chan bool)
	for g := 0; g < 4; g++ {
		go func() {
			ok := true
			for n := 0; n < 200; n++ {
				i := n % len(people)
				ok = ok && Summary(Evaluate(&people[i], &pol)) == want[i]
			}
			done <- ok
		}()
	}
	for g := 0; g < 4; g++ {
		if !<-done {
			t.Error("a goroutine saw a different verdict")
		}
	}
}
