package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"chuding/model"
	"chuding/model/peoplefile"
	"chuding/model/policy"
)

var checkSample = filepath.Join("..", "..", "testdata", "people-sample.json")

func TestCheckTable(t *testing.T) {
	out, stderr, code := runCLI(t, "", "check", checkSample)
	if code != 0 || stderr != "" {
		t.Fatalf("code %d, stderr %q", code, stderr)
	}
	for _, want := range []string{
		"批次政策：2025年上半年", "资历计算截止：2025年6月30日",
		"陈晓雨", "助理工程师", "技术员", "工程师", "不可申报",
		"原因 [一] “会计”系列", "原因 [二(五)]", "提示 [二(四)]",
		"派遣工作证明及三方协议", "共5人：可申报3人，不可申报2人。",
		"320706********0227",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "320706199904120227") {
		t.Errorf("table shows a full ID number")
	}
}

// TestCheckTableAligned checks that every person row starts its 结论 column
// at the same screen column as the header, counting Chinese as two.
func TestCheckTableAligned(t *testing.T) {
	out, _, _ := runCLI(t, "", "check", checkSample)
	col := -1
	for _, line := range strings.Split(out, "\n") {
		i := strings.Index(line, "可申报")
		if strings.HasPrefix(line, "序号") {
			i = strings.Index(line, "结论")
		} else if j := strings.Index(line, "不可申报"); j >= 0 {
			i = j
		}
		if i < 0 || strings.HasPrefix(line, " ") || strings.HasPrefix(line, "共") {
			continue
		}
		w := checkDisplayWidth(line[:i])
		if col < 0 {
			col = w
		} else if w != col {
			t.Errorf("column at %d, header at %d: %q", w, col, line)
		}
	}
	if col < 0 {
		t.Fatal("no header found")
	}
}

func TestCheckJSON(t *testing.T) {
	out, _, code := runCLI(t, "", "check", "--json", checkSample)
	if code != 0 {
		t.Fatalf("code %d", code)
	}
	var raw map[string][]map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &raw); err != nil || len(raw) != 1 {
		t.Fatalf("output is not {\"results\":[...]}: %v\n%s", err, out)
	}
	keys := []string{"eligible", "id_number", "level", "materials", "name", "reasons", "title", "warnings"}
	for i, r := range raw["results"] {
		got := make([]string, 0, len(r))
		for k := range r {
			got = append(got, k)
		}
		slices.Sort(got)
		if !slices.Equal(got, keys) {
			t.Errorf("result %d keys %v, want %v", i, got, keys)
		}
		for _, k := range []string{"reasons", "warnings", "materials"} {
			if !bytes.HasPrefix(r[k], []byte("[")) {
				t.Errorf("result %d %s is %s, want an array", i, k, r[k])
			}
		}
	}
	var res struct {
		Results []checkResultJSON `json:"results"`
	}
	json.Unmarshal([]byte(out), &res)
	want := []struct {
		name, title string
		eligible    bool
		reasons     []string
	}{
		{"陈晓雨", "助理工程师", true, nil},
		{"刘子涵", "技术员", true, nil},
		{"周敏", "", false, []string{"EXAM_SERIES"}},
		{"孙浩然", "工程师", true, nil},
		{"吴佳琪", "", false, []string{"CONTINUING_ED_MISSING", "QUALIFICATION_MISSING"}},
	}
	if len(res.Results) != len(want) {
		t.Fatalf("%d results", len(res.Results))
	}
	for i, w := range want {
		r := res.Results[i]
		var codes []string
		for _, f := range r.Reasons {
			codes = append(codes, f.Code)
			if f.Clause == "" || f.Message == "" {
				t.Errorf("%s: finding without clause or message", r.Name)
			}
		}
		if r.Name != w.name || r.Title != w.title || r.Eligible != w.eligible || !slices.Equal(codes, w.reasons) {
			t.Errorf("result %d: %s %q %v %v, want %+v", i, r.Name, r.Title, r.Eligible, codes, w)
		}
	}
	if r := res.Results[1]; r.IDNumber != "320722200109080313" || !slices.Equal(r.Materials, []string{"FORM", "CE_SUMMARY", "CONTRACT", "EDU_RECORD", "DISPATCH_PROOF"}) {
		t.Errorf("刘子涵: id %s materials %v", r.IDNumber, r.Materials)
	}
}

// TestCheckJSONIsOneDocument compares the streamed output with encoding
// the whole result list at once.
func TestCheckJSONIsOneDocument(t *testing.T) {
	out, _, _ := runCLI(t, "", "check", "--json", checkSample)
	var res struct {
		Results []checkResultJSON `json:"results"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	var whole bytes.Buffer
	enc := json.NewEncoder(&whole)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	enc.Encode(res)
	if whole.String() != out {
		t.Errorf("streamed output differs from one Encode:\n%s\n---\n%s", out, whole.String())
	}
}

func TestCheckFlagsAfterFile(t *testing.T) {
	out, _, code := runCLI(t, "", "check", checkSample, "--json")
	if code != 0 || !strings.HasPrefix(out, "{") {
		t.Errorf("code %d, output %.40q", code, out)
	}
}

// checkVerdicts runs check --json with args and returns name → reason codes.
func checkVerdicts(t *testing.T, args ...string) map[string][]string {
	t.Helper()
	out, stderr, code := runCLI(t, "", append([]string{"check", "--json"}, args...)...)
	if code != 0 {
		t.Fatalf("code %d: %s", code, stderr)
	}
	var res struct {
		Results []checkResultJSON `json:"results"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	v := map[string][]string{}
	for _, r := range res.Results {
		v[r.Name] = []string{}
		for _, f := range r.Reasons {
			v[r.Name] = append(v[r.Name], f.Code)
		}
	}
	return v
}

func TestCheckOtherCutoff(t *testing.T) {
	pol := policy.Copy(policy.Builtin2025H1(), "2027年上半年")
	pol.Cutoff = model.NewDate(2027, 6, 30)
	pol.WindowStart, pol.WindowEnd = model.NewDate(2027, 6, 1), model.NewDate(2027, 6, 25)
	path := filepath.Join(t.TempDir(), "2027.json")
	var buf bytes.Buffer
	policy.Write(&buf, pol)
	os.WriteFile(path, buf.Bytes(), 0o600)

	byFlag := checkVerdicts(t, "--cutoff", "2027-06-30", checkSample)
	byFile := checkVerdicts(t, "--policy", path, checkSample)
	want := []string{"APPRAISAL_MISSING", "CONTINUING_ED_MISSING"}
	if !slices.Equal(byFlag["陈晓雨"], want) || !slices.Equal(byFile["陈晓雨"], want) {
		t.Errorf("陈晓雨 under 2027: flag %v, file %v, want %v", byFlag["陈晓雨"], byFile["陈晓雨"], want)
	}
	out, _, _ := runCLI(t, "", "check", "--policy", path, checkSample)
	if !strings.Contains(out, "批次政策：2027年上半年") || !strings.Contains(out, "2027年6月30日") {
		t.Errorf("table header does not show the policy file:\n%.200s", out)
	}
}

func TestCheckErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(content), 0o600)
		return p
	}
	badJSON := write("bad.json", "{\"format\": \"chuding-people/1\",\n\"people\": [{\"name\": \"张三\",}]}")
	badFormat := write("format.json", `{"format": "chuding-people/7", "people": []}`)
	unknownKey := write("key.json", "{\"format\": \"chuding-people/1\",\n\"people\": [\n{\"name\": \"张三\", \"sereis\": \"工程\"}]}")
	badPolicy := write("policy.json", `{"name": "x", "cutof": "2027-06-30"}`)
	cases := []struct {
		name string
		args []string
		want []string
	}{
		{"no file", nil, []string{"缺少人员文件"}},
		{"two files", []string{checkSample, checkSample}, []string{"只能检查一个人员文件"}},
		{"missing file", []string{filepath.Join(dir, "none.json")}, []string{"无法打开人员文件", "不存在"}},
		{"bad JSON", []string{badJSON}, []string{"bad.json", "第2行第26列", "语法错误"}},
		{"unknown format", []string{badFormat}, []string{"chuding-people/7", "无法识别"}},
		{"unknown key", []string{unknownKey}, []string{"第3行", "第1人（张三）", "sereis", "series"}},
		{"bad cutoff", []string{"--cutoff", "2027-02-30", checkSample}, []string{"--cutoff", "不存在"}},
		{"month cutoff", []string{"--cutoff", "2027-06", checkSample}, []string{"须精确到日"}},
		{"bad policy", []string{"--policy", badPolicy, checkSample}, []string{"政策文件", "cutof"}},
		{"unknown flag", []string{"--verbose", checkSample}, []string{"没有参数 -verbose"}},
		{"flag without value", []string{checkSample, "--policy"}, []string{"-policy 后面需要一个值"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, stderr, code := runCLI(t, "", append([]string{"check"}, c.args...)...)
			if code != 2 || out != "" {
				t.Errorf("code %d, stdout %q", code, out)
			}
			for _, w := range c.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr %q lacks %q", stderr, w)
				}
			}
		})
	}
}

func TestCheckEmptyFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "empty.json")
	os.WriteFile(path, []byte(`{"format": "chuding-people/1", "people": []}`), 0o600)
	out, _, code := runCLI(t, "", "check", "--json", path)
	if code != 0 || strings.TrimSpace(out) != "{\n  \"results\": []\n}" {
		t.Errorf("code %d, out %q", code, out)
	}
}

// checkBigFile writes n people cycling through the sample, as a batch of
// a large personnel agency would look.
func checkBigFile(b *testing.B, n int) string {
	sample, err := peoplefile.ReadFile(checkSample)
	if err != nil {
		b.Fatal(err)
	}
	people := make([]model.Person, n)
	for i := range people {
		people[i] = sample[i%len(sample)]
		people[i].Name = fmt.Sprintf("%s%d", people[i].Name, i)
	}
	path := filepath.Join(b.TempDir(), "big.json")
	if err := peoplefile.WriteFile(path, people); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkCheck10k is chuding-cli check on a 10,000-person file, end to
// end in-process (read, evaluate, print); the target is ≤ 1 s.
func BenchmarkCheck10k(b *testing.B) {
	path := checkBigFile(b, 10000)
	for _, mode := range [][]string{{"check", path}, {"check", "--json", path}} {
		b.Run(strings.Join(mode[:len(mode)-1], " "), func(b *testing.B) {
			for b.Loop() {
				e := &env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard}
				if code := run(e, mode); code != 0 {
					b.Fatalf("exit %d", code)
				}
			}
		})
	}
}
