package opinion

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"chuding/model"
	"chuding/model/policy"
)

// good is a complete opinion the detectors below vary one part of.
const good = "该同志拥护党的路线方针政策，遵纪守法，职业道德良好。在设计部从事机械结构设计工作，业务基础扎实，" +
	"能熟练运用CAD等专业软件，独立完成了港口装卸设备零部件设计二十余项，参与完成的输送机改造项目按期投产，" +
	"解决了皮带跑偏等现场技术问题。工作认真负责，出勤良好，2023年度考核为不定等次，2024年度考核为合格。" +
	"按要求完成继续教育公共科目学习并考核合格，业余时间自学了有限元分析软件。经考察，该同志已具备助理工程师的" +
	"专业技术水平和能力，同意申报初定助理工程师资格。"

func chen() *model.Person {
	return &model.Person{Name: "陈晓雨", Appraisals: map[int]string{2023: "不定等次", 2024: "合格"}}
}

func chenResult() *model.Result {
	return &model.Result{Eligible: true, Title: "助理工程师", Level: model.LevelAssistant}
}

func TestGoodBaseline(t *testing.T) {
	rep := Check(good, chen(), chenResult(), &testPolicy)
	if !rep.OK {
		t.Fatalf("%+v", rep.Problems)
	}
	if !slices.Equal(rep.Covered, Dimensions()) {
		t.Errorf("covered %v", rep.Covered)
	}
}

func TestDimensionsAreTheFiveAspects(t *testing.T) {
	want := []string{"政治思想/职业道德", "业务能力", "工作业绩", "考核与出勤", "学习与继续教育"}
	if got := Dimensions(); !slices.Equal(got, want) {
		t.Errorf("Dimensions() = %v", got)
	}
}

func TestEmptyAndBoilerplate(t *testing.T) {
	cases := []struct {
		text string
		want string
	}{
		{"", CodeEmpty},
		{" \n\t", CodeEmpty},
		{"。，、！", CodeEmpty},
		{"同意申报", CodeBoilerplateOnly},
		{"同意申报。同意申报。同意申报。", CodeBoilerplateOnly},
		{"情况属实，同意推荐", CodeBoilerplateOnly},
		{"无异议，符合条件，同意。", CodeBoilerplateOnly},
		{"符合条件 无异议 情况属实 同意推荐", CodeBoilerplateOnly},
		{"经审核，该同志申报材料真实有效，符合申报条件，同意申报。2025年3月1日（盖章）", CodeBoilerplateOnly},
		{"陈晓雨同志情况属实，同意申报。", CodeBoilerplateOnly}, // the applicant's own name adds nothing
	}
	for _, c := range cases {
		rep := Check(c.text, chen(), nil, nil)
		if got := codes(rep); len(got) != 1 || got[0] != c.want {
			t.Errorf("%q: codes %v, want [%s]", c.text, got, c.want)
		}
		if rep.OK || rep.Problems == nil || rep.Covered == nil {
			t.Errorf("%q: %+v", c.text, rep)
		}
	}
	// A short opinion with real content is too short, not boilerplate.
	rep := Check("同意申报。该同志工作认真。", nil, nil, nil)
	if rep.Has(CodeBoilerplateOnly) || !rep.Has(CodeTooShort) {
		t.Errorf("short real text: %v", codes(rep))
	}
}

func TestLengthCountsHanOnly(t *testing.T) {
	cases := []struct {
		text string
		want int
	}{
		{"同意 CAD 2024年。", 3},
		{"　该同志，ABC！", 3},
		{"【请填写：近年完成的主要工作】同意", 2}, // prompts inside placeholders do not count
		{"𠀀字", 2}, // Han outside the basic block
	}
	for _, c := range cases {
		if got := Check(c.text, nil, nil, nil).Length; got != c.want {
			t.Errorf("%q: Length %d, want %d", c.text, got, c.want)
		}
	}
}

func TestMinimumLengthComesFromPolicy(t *testing.T) {
	if rep := Check(good, nil, nil, nil); rep.Has(CodeTooShort) {
		t.Fatalf("default minimum: %v", rep.Problems)
	}
	strict := testPolicy
	strict.OpinionMinHan = 400
	rep := Check(good, nil, nil, &strict)
	if !rep.Has(CodeTooShort) || !strings.Contains(rep.Problems[0].Message, "至少需要400个汉字") {
		t.Errorf("policy minimum 400: %+v", rep.Problems)
	}
	short := good[:strings.Index(good, "工作认真负责")]
	if rep := Check(short, nil, nil, nil); !rep.Has(CodeTooShort) {
		t.Errorf("%d Han characters passed the default minimum", rep.Length)
	}
}

func TestDimensionMissing(t *testing.T) {
	// Four of five aspects are enough (五(二) 较全面, not 全面).
	noLearning := strings.Replace(good, "按要求完成继续教育公共科目学习并考核合格，业余时间自学了有限元分析软件。",
		"平时注意总结设计经验，积累了较多的现场资料，对同类设备的结构特点有了较深的认识。", 1)
	rep := Check(noLearning, nil, nil, nil)
	if !rep.OK || slices.Contains(rep.Covered, "学习与继续教育") {
		t.Fatalf("four aspects: %+v covered %v", rep.Problems, rep.Covered)
	}
	// Three are not: one problem per missing aspect, saying what to add.
	noResults := strings.Replace(noLearning, "独立完成了港口装卸设备零部件设计二十余项，参与完成的输送机改造项目按期投产，解决了皮带跑偏等现场技术问题。",
		"平时工作认真细致，待人热情，与同事相处融洽，在班组中威信较高，大家都愿意与他一起工作和交流。", 1)
	rep = Check(noResults, nil, nil, nil)
	var msgs []string
	for _, p := range rep.Problems {
		if p.Code == CodeDimensionMissing {
			msgs = append(msgs, p.Message)
		}
	}
	if rep.OK || len(msgs) != 2 || !strings.Contains(msgs[0], "工作业绩") || !strings.Contains(msgs[1], "继续教育") {
		t.Errorf("three aspects: %v, covered %v", msgs, rep.Covered)
	}
}

func TestSetPhrasesDoNotCoverAspects(t *testing.T) {
	// Naming the title, the post or the closing formula is not an appraisal
	// of ability; "学习并考核合格" is continuing education, not the annual
	// appraisal; "完成继续教育" is not an achievement.
	cases := []struct{ text, aspect string }{
		{"从事机械工程专业技术工作", "业务能力"},
		{"已具备助理工程师的专业技术水平和能力", "业务能力"},
		{"同意申报初定专业技术资格", "业务能力"},
		{"按规定参加继续教育公共科目学习并考核合格", "考核与出勤"},
		{"按要求完成继续教育", "工作业绩"},
	}
	for _, c := range cases {
		if covered, _ := coverage(c.text); slices.Contains(covered, c.aspect) {
			t.Errorf("%q covered %s", c.text, c.aspect)
		}
	}
	if covered, _ := coverage("按规定参加继续教育公共科目学习并考核合格"); !slices.Contains(covered, "学习与继续教育") {
		t.Error("continuing education not recognised")
	}
}

func TestPadding(t *testing.T) {
	bad := []string{
		good + good,
		strings.Replace(good, "工作认真负责，", "工作认真负责，工作认真负责，工作认真负责，", 1),
		// no punctuation to split on: the run comparison still sees it
		good + strings.Repeat("该同志工作认真负责业务能力强", 6),
	}
	for i, text := range bad {
		if rep := Check(text, chen(), chenResult(), &testPolicy); !rep.Has(CodePadded) {
			t.Errorf("case %d not flagged: %v", i, codes(rep))
		}
	}
	fine := []string{
		good,
		// per-year statements share words but are not repeats
		strings.Replace(good, "2023年度考核为不定等次，2024年度考核为合格。",
			"2022年度考核合格，2023年度考核合格，2024年度考核合格。", 1),
	}
	for i, text := range fine {
		if rep := Check(text, nil, nil, nil); rep.Has(CodePadded) {
			t.Errorf("fine case %d flagged: %+v", i, rep.Problems)
		}
	}
}

func TestPlaceholders(t *testing.T) {
	flagged := map[string]string{
		"XXX同志":     "XXX",
		"××同志":      "××",
		"xx年度考核合格":  "xx",
		"某某同志":      "某某",
		"于某年某月参加工作": "某年某月",
		"在【部门】工作":   "【部门】",
		"完成了{项目名称}": "{项目名称}",
		"完成了｛项目｝":   "｛项目｝",
		"负责____的设计": "____",
		"【请填写：近年完成的主要工作和取得的成果】": "【请填写：近年完成的主要工作和取得的成果】",
	}
	for text, want := range flagged {
		text = strings.ReplaceAll(text, "\\n", "\n")
		rep := Check(good+text, nil, nil, nil)
		found := false
		for _, p := range rep.Problems {
			found = found || p.Code == CodePlaceholder && strings.Contains(p.Message, "“"+strings.ReplaceAll(want, "\\n", "")+"”")
		}
		if !found {
			t.Errorf("%q: %+v", text, rep.Problems)
		}
	}
	// An unclosed bracket runs to the end of its line.
	if rep := Check(good+"在【请填写 部门\n以下照常。", nil, nil, nil); !strings.Contains(fmt.Sprint(rep.Problems), "“【请填写 部门”") {
		t.Errorf("unclosed: %+v", rep.Problems)
	}
	for _, text := range []string{"熟练使用Excel和AutoCAD", "服装尺码XXL", "二〇〇八年", "某型设备"} {
		if rep := Check(good+text, nil, nil, nil); rep.Has(CodePlaceholder) {
			t.Errorf("%q flagged: %+v", text, rep.Problems)
		}
	}
}

func TestReportJSONShape(t *testing.T) {
	for _, text := range []string{"", "同意申报", good} {
		b, err := json.Marshal(Check(text, nil, nil, nil))
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatal(err)
		}
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		if !slices.Equal(keys, []string{"covered", "length", "ok", "problems"}) {
			t.Errorf("%q: keys %v", text, keys)
		}
		if _, ok := m["problems"].([]any); !ok {
			t.Errorf("%q: problems is %T, want an array: %s", text, m["problems"], b)
		}
		if _, ok := m["covered"].([]any); !ok {
			t.Errorf("%q: covered is %T, want an array: %s", text, m["covered"], b)
		}
	}
	b, _ := json.Marshal(Problem{CodeEmpty, "x"})
	if string(b) != `{"code":"EMPTY","message":"x"}` {
		t.Errorf("problem JSON %s", b)
	}
}

func TestOtherName(t *testing.T) {
	flagged := map[string]string{
		"王磊同志工作认真。":      "王磊",
		"经考察，张伟同志工作认真。":  "张伟",
		"同意王小明同志申报。":     "王小明",
		"推荐李明同志初定。":      "李明",
		"经审核欧阳明月同志情况属实。": "欧阳明月",
		"姓名：刘洋\n":        "刘洋",
		"申报人: 赵一鸣，男。":    "赵一鸣",
	}
	for text, want := range flagged {
		rep := Check(good+text, chen(), nil, nil)
		if !rep.Has(CodeOtherName) || !strings.Contains(fmt.Sprint(rep.Problems), "“"+want+"”") {
			t.Errorf("%q: want %s flagged, got %+v", text, want, rep.Problems)
		}
	}
	// A résumé-style opening with another name.
	if rep := Check("孙浩然，男，"+good, chen(), nil, nil); !rep.Has(CodeOtherName) {
		t.Errorf("opening name not flagged: %+v", rep.Problems)
	}
	if rep := Check("该同志，女，"+good, chen(), nil, nil); rep.Has(CodeOtherName) {
		t.Errorf("该同志 taken for a name: %+v", rep.Problems)
	}
	fine := []string{
		"陈晓雨同志工作认真。",
		"经考察，陈晓雨同志工作认真。",
		"同意陈晓雨同志申报。",
		"陈晓雨，女，1999年4月出生。",
		"姓名：陈晓雨\n",
		"该同志工作认真。", "该名同志工作认真。", "这位同志工作认真。", "青年同志中表现突出。",
		"党员同志带头攻关。", "与其他同志团结协作。", "经审查该同志材料。", "老同志的传帮带。",
		"向身边的优秀同志学习。", "对新入职的同志耐心指导。",
		"申报人：该同志，现任技术员。", "姓名：本人\n",
	}
	for _, text := range fine {
		if rep := Check(good+text, chen(), nil, nil); rep.Has(CodeOtherName) {
			t.Errorf("%q flagged: %+v", text, rep.Problems)
		}
	}
	// With no applicant name there is nothing to compare.
	if rep := Check(good+"王磊同志工作认真。", nil, nil, nil); rep.Has(CodeOtherName) {
		t.Error("flagged without a name")
	}
}

func TestAppraisalContradiction(t *testing.T) {
	mixed := map[int]string{2022: "合格", 2023: "优秀", 2024: "优秀"}
	cases := []struct {
		claim string
		apps  map[int]string
		bad   bool
	}{
		{"历年年度考核均为优秀", mixed, true},
		{"参加工作以来每年考核都是优秀", mixed, true},
		{"年度考核一直为优秀等次", mixed, true},
		{"2022年至2024年年度考核均为优秀", mixed, true},
		{"2022—2024年度考核均为优秀", mixed, true},
		{"2022年、2023年年度考核为优秀", mixed, true},
		{"2022年度考核为优秀", mixed, true},
		{"２０２２年度考核为优秀", mixed, true}, // full-width digits
		{"连续三年年度考核优秀", mixed, true},
		{"近三年考核均为优秀", mixed, true},
		{"2022年至2024年，年度考核均为优秀", mixed, true},
		{"年度考核均为优秀", map[int]string{2023: "不定等次", 2024: "优秀"}, true},
		// true statements
		{"连续两年年度考核优秀", mixed, false},
		{"近两年考核均为优秀", mixed, false},
		{"2023年、2024年年度考核均为优秀", mixed, false},
		{"2023—2024年度考核均为优秀", mixed, false},
		{"2022年度考核为合格，2023年、2024年考核均为优秀", mixed, false},
		{"历年年度考核均为优秀", map[int]string{2022: "优秀", 2023: "优秀"}, false},
		{"自2023年7月参加工作以来，年度考核均为优秀", map[int]string{2023: "优秀", 2024: "优秀"}, false},
		// not a claim about every year, or not the appraisal grade
		{"年度考核均为合格以上，其中2023年为优秀", mixed, false},
		{"年度考核均为合格或优秀", mixed, false},
		{"年度考核中多次被评为优秀员工", mixed, false},
		{"考核期间获优秀论文奖", mixed, false},
		{"均为优秀", mixed, false}, // no mention of the appraisal
	}
	for _, c := range cases {
		text := strings.Replace(good, "2023年度考核为不定等次，2024年度考核为合格。", c.claim+"。", 1)
		rep := Check(text, &model.Person{Name: "陈晓雨", Appraisals: c.apps}, nil, nil)
		if rep.Has(CodeContradictAppraisal) != c.bad {
			t.Errorf("%q with %v: flagged %v, want %v (%+v)", c.claim, c.apps, !c.bad, c.bad, rep.Problems)
		}
	}
	// The message names the year and the real grade and suggests the truth.
	text := strings.Replace(good, "2023年度考核为不定等次，2024年度考核为合格。", "历年考核均为优秀。", 1)
	rep := Check(text, &model.Person{Name: "陈晓雨", Appraisals: mixed}, nil, nil)
	msg := fmt.Sprint(rep.Problems)
	for _, w := range []string{"2022年度考核结果为合格", "2022年度考核为合格，2023、2024年度考核均为优秀"} {
		if !strings.Contains(msg, w) {
			t.Errorf("message lacks %q: %s", w, msg)
		}
	}
	// Without appraisal data nothing can be contradicted.
	if rep := Check(text, &model.Person{Name: "陈晓雨"}, nil, nil); rep.Has(CodeContradictAppraisal) {
		t.Error("flagged without data")
	}
}

func TestTitleContradiction(t *testing.T) {
	base := strings.Replace(good, "经考察，该同志已具备助理工程师的专业技术水平和能力，同意申报初定助理工程师资格。", "%s", 1)
	cases := []struct {
		ending string
		want   []string // wrong names flagged, in order
	}{
		{"同意申报初定助理工程师资格。", nil},
		{"经考察，同意申报初定工程师资格。", []string{"工程师"}},
		{"已具备技术员的水平，同意推荐。", []string{"技术员"}},
		{"同意申报初定助理农艺师。", []string{"助理农艺师"}},
		{"同意申报中级职称。", []string{"中级"}},
		{"同意申报助理级职称，初定助理工程师。", nil},
		{"同意申报员级职称。", []string{"员级"}},
		{"同意推荐初定工程师，已具备工程师水平。", []string{"工程师"}},
		// not claims, or not a title of the applicant
		{"在高级工程师指导下参与项目，同意申报初定助理工程师资格。", nil},
		{"协助工程师完成了调试工作，同意申报初定助理工程师资格。", nil},
		{"在技工院校就读中级工班，同意申报初定助理工程师资格。", nil},
	}
	for _, c := range cases {
		text := strings.Replace(base, "%s", c.ending, 1)
		rep := Check(text, chen(), chenResult(), &testPolicy)
		var got []string
		for _, p := range rep.Problems {
			if p.Code == CodeContradictTitle {
				got = append(got, p.Message)
			}
		}
		if len(got) != len(c.want) {
			t.Errorf("%q: %v, want %v", c.ending, got, c.want)
			continue
		}
		for i, w := range c.want {
			if !strings.Contains(got[i], "“"+w+"”") || !strings.Contains(got[i], "助理工程师") {
				t.Errorf("%q: message %q does not name %s and the right title", c.ending, got[i], w)
			}
		}
	}
	// The built-in policy's default titles are the level names themselves.
	builtin := policy.Builtin2025H1()
	junior := &model.Result{Eligible: true, Title: "技术员", Level: model.LevelJunior}
	for ending, bad := range map[string]bool{
		"同意申报员级职称，初定技术员。": false,
		"同意申报助理级职称。":      true,
		"同意申报初定助理工程师。":    true,
	} {
		text := strings.Replace(base, "%s", ending, 1)
		if rep := Check(text, chen(), junior, &builtin); rep.Has(CodeContradictTitle) != bad {
			t.Errorf("built-in policy, %q: %+v", ending, rep.Problems)
		}
	}
	if rep := Check(strings.Replace(base, "%s", "同意申报初定助理级职称。", 1), chen(),
		&model.Result{Title: model.LevelAssistant, Level: model.LevelAssistant}, &builtin); rep.Has(CodeContradictTitle) {
		t.Errorf("a level used as the title: %+v", rep.Problems)
	}
	wrong := strings.Replace(base, "%s", "同意申报初定工程师资格。", 1)
	// No result, or an ineligible one without a title: nothing to compare.
	for _, r := range []*model.Result{nil, {Eligible: false}} {
		if rep := Check(wrong, chen(), r, &testPolicy); rep.Has(CodeContradictTitle) {
			t.Errorf("result %+v: flagged", r)
		}
	}
	// Without a policy the level names and the applicant's own title are
	// still known.
	if rep := Check(strings.Replace(base, "%s", "同意申报中级职称。", 1), chen(), chenResult(), nil); !rep.Has(CodeContradictTitle) {
		t.Error("level not checked without a policy")
	}
}
