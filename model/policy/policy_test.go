package policy

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"chuding/model"
)

func TestBuiltinFollowsTheNotice(t *testing.T) {
	p := Builtin2025H1()
	if errs := Validate(p); len(errs) > 0 {
		t.Fatalf("built-in policy invalid: %v", errs)
	}
	checks := []struct {
		what string
		got  any
		want any
	}{
		{"cutoff 二(一)5", p.Cutoff.String(), "2025-06-30"},
		{"window start 六", p.WindowStart.String(), "2025-06-03"},
		{"window end 六", p.WindowEnd.String(), "2025-06-27"},
		{"trainee months", p.TraineeMonths, 12},
		{"exam series count 一", len(p.ExamSeries), 9},
		{"publicity 五(三)", p.PublicityWorkdays, 5},
		{"opinion chars", p.OpinionMinHan, 150},
		{"engineering assistant", p.TitleFor("工程", model.LevelAssistant), "助理工程师"},
		{"teacher junior", p.TitleFor("中小学教师", model.LevelJunior), "三级教师"},
		{"teacher middle", p.TitleFor("中小学教师", model.LevelMiddle), "一级教师"},
		{"university assistant", p.TitleFor("高校教师", model.LevelAssistant), "助教"},
		{"unknown series falls back", p.TitleFor("不存在的系列", model.LevelAssistant), model.LevelAssistant},
		{"centre phone 六", p.Centre.Phone, "0518-85812002"},
		{"centre hours 六", p.Centre.Hours, "上午8:30-12:00 下午1:30-5:00"},
	}
	for _, c := range checks {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s: got %v, want %v", c.what, c.got, c.want)
		}
	}
	if len(Builtins()) == 0 || Builtins()[0].Name != p.Name {
		t.Errorf("Builtins() does not start with the 2025 policy")
	}
}

func TestCopyIsDeep(t *testing.T) {
	orig := Builtin2025H1()
	c := Copy(orig, "2027年上半年")
	c.ExamSeries[0] = "改动"
	c.Relations = append(c.Relations[:1], "x")
	c.Titles["工程"] = model.Titles{Junior: "改动"}
	c.FirstYearOnly[0] = "改动"
	if orig.ExamSeries[0] != "经济" || orig.Relations[1] != model.RelationHire ||
		orig.Titles["工程"].Junior != "技术员" || orig.FirstYearOnly[0] != "不定等次" {
		t.Errorf("editing the copy changed the original: %+v", orig)
	}
	if c.Name != "2027年上半年" || Copy(orig, "").Name != orig.Name {
		t.Errorf("names: copy %q, unnamed copy %q", c.Name, Copy(orig, "").Name)
	}
}

func TestRoundTrip(t *testing.T) {
	p2027 := Copy(Builtin2025H1(), "2027年上半年")
	p2027.Cutoff = model.NewDate(2027, 6, 30)
	p2027.WindowStart = model.NewDate(2027, 6, 1)
	p2027.WindowEnd = model.NewDate(2027, 6, 25)
	for _, p := range []model.Policy{Builtin2025H1(), p2027} {
		var buf bytes.Buffer
		if err := Write(&buf, p); err != nil {
			t.Fatal(err)
		}
		got, err := Read(bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatalf("%s: %v\n%s", p.Name, err, buf.String())
		}
		if !reflect.DeepEqual(got, p) {
			t.Errorf("%s: round trip changed the policy:\n got %+v\nwant %+v", p.Name, got, p)
		}
		var again bytes.Buffer
		Write(&again, got)
		if again.String() != buf.String() {
			t.Errorf("%s: second write differs: output is not canonical", p.Name)
		}
	}
}

func TestWriteIsReadable(t *testing.T) {
	var buf bytes.Buffer
	Write(&buf, Builtin2025H1())
	out := buf.String()
	for _, want := range []string{`"format": "chuding-policy/1"`, `"cutoff": "2025-06-30"`, "\n  \"name\"", "连云港市人才服务中心"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if strings.Index(out, `"format"`) > strings.Index(out, `"name"`) {
		t.Errorf("format key should come first")
	}
}

// policyJSON returns the built-in policy as JSON with edit applied to the text.
func policyJSON(t *testing.T, edit func(string) string) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, Builtin2025H1()); err != nil {
		t.Fatal(err)
	}
	return edit(buf.String())
}

func TestReadErrors(t *testing.T) {
	cases := []struct {
		name string
		edit func(string) string
		want []string
	}{
		{"unknown top key", func(s string) string {
			return strings.Replace(s, `"name":`, `"nmae": "x", "name":`, 1)
		}, []string{"未知的键", "“nmae”"}},
		{"unknown key in titles", func(s string) string {
			return strings.Replace(s, `"助理级": "助理工程师"`, `"助理": "助理工程师"`, 1)
		}, []string{"未知的键", "titles.工程.助理"}},
		{"unknown key in centre", func(s string) string {
			return strings.Replace(s, `"hours":`, `"fax": "1", "hours":`, 1)
		}, []string{"centre.fax"}},
		{"wrong type", func(s string) string {
			return strings.Replace(s, `"trainee_months": 12`, `"trainee_months": "12"`, 1)
		}, []string{"trainee_months", "应为整数", "现为文字"}},
		{"bad date", func(s string) string {
			return strings.Replace(s, `"cutoff": "2025-06-30"`, `"cutoff": "2025-06-31"`, 1)
		}, []string{"cutoff", "不存在"}},
		{"unquoted date", func(s string) string {
			return strings.Replace(s, `"cutoff": "2025-06-30"`, `"cutoff": 20250630`, 1)
		}, []string{"cutoff", "应为日期文字", "现为数字"}},
		{"number in a list", func(s string) string {
			return strings.Replace(s, `"会计",`, `1,`, 1)
		}, []string{"exam_series", "每项为文字", "现为数字"}},
		{"syntax", func(s string) string {
			return strings.Replace(s, `"name": "2025年上半年",`, `"name": "2025年上半年",,`, 1)
		}, []string{"第3行", "语法错误"}},
		{"truncated", func(s string) string { return s[:len(s)/2] }, []string{"意外结束"}},
		{"wrong format", func(s string) string {
			return strings.Replace(s, Format, "chuding-policy/9", 1)
		}, []string{"chuding-policy/9", "无法识别"}},
		{"fails validation", func(s string) string {
			return strings.Replace(s, `"trainee_months": 12`, `"trainee_months": 0`, 1)
		}, []string{"见习期（月）", "0个月"}},
		{"empty", func(string) string { return "  \n" }, []string{"文件是空的"}},
		{"not an object", func(string) string { return `["x"]` }, []string{"应为 JSON 对象"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Read(strings.NewReader(policyJSON(t, c.edit)))
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
}

func TestReadAcceptsBOMAndMissingFormat(t *testing.T) {
	s := policyJSON(t, func(s string) string {
		return "\uFEFF" + strings.Replace(s, `"format": "chuding-policy/1",`, "", 1)
	})
	p, err := Read(strings.NewReader(s))
	if err != nil || p.Name != "2025年上半年" {
		t.Fatalf("got %q, %v", p.Name, err)
	}
}

func TestValidate(t *testing.T) {
	cases := []struct {
		name  string
		edit  func(*model.Policy)
		field string
	}{
		{"no name", func(p *model.Policy) { p.Name = " " }, "批次名称"},
		{"no cutoff", func(p *model.Policy) { p.Cutoff = model.Date{} }, "资历计算截止日期"},
		{"month-only cutoff", func(p *model.Policy) { p.Cutoff = model.MustDate("2025-06") }, "资历计算截止日期"},
		{"window backwards", func(p *model.Policy) { p.WindowEnd = model.NewDate(2025, 6, 1) }, "申报截止日期"},
		{"no relations", func(p *model.Policy) { p.Relations = nil }, "人事关系"},
		{"duplicate exam series", func(p *model.Policy) { p.ExamSeries = append(p.ExamSeries, "会计") }, "考试系列[10]"},
		{"unknown appraisal", func(p *model.Policy) { p.PassingAppraisals = []string{"及格"} }, "合格以上的考核结果[1]"},
		{"overlap first year", func(p *model.Policy) { p.FirstYearOnly = []string{"合格"} }, "仅首年可接受的考核结果"},
		{"no publicity", func(p *model.Policy) { p.PublicityWorkdays = 0 }, "公示工作日数"},
		{"empty series in titles", func(p *model.Policy) { p.Titles[""] = model.Titles{} }, "职称名称表"},
		{"no centre", func(p *model.Policy) { p.Centre.Name = "" }, "受理机构名称"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := Copy(Builtin2025H1(), "")
			c.edit(&p)
			errs := Validate(p)
			found := false
			for _, e := range errs {
				found = found || e.Field == c.field
			}
			if !found {
				t.Errorf("want a problem with %s, got %v", c.field, errs)
			}
		})
	}
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "p.json")
	var buf bytes.Buffer
	Write(&buf, Builtin2025H1())
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadFile(path); err != nil {
		t.Fatal(err)
	}
	_, err := ReadFile(filepath.Join(dir, "missing.json"))
	if err == nil || !strings.Contains(err.Error(), "文件不存在") {
		t.Errorf("missing file: %v", err)
	}
}
