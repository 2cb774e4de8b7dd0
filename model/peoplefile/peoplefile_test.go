package peoplefile

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"chuding/model"
)

const samplePath = "../../testdata/people-sample.json"

func TestSampleLoads(t *testing.T) {
	people, err := ReadFile(samplePath)
	if err != nil {
		t.Fatal(err)
	}
	names := make([]string, len(people))
	for i, p := range people {
		names[i] = p.Name
	}
	if want := []string{"陈晓雨", "刘子涵", "周敏", "孙浩然", "吴佳琪"}; !reflect.DeepEqual(names, want) {
		t.Fatalf("names %v, want %v", names, want)
	}
	p := people[0]
	if p.WorkStart != model.NewDate(2023, 7, 3) || p.Appraisals[2023] != "不定等次" || !p.ContinuingEd[2024] ||
		len(p.Education) != 1 || p.Education[0].Level != "本科" || !p.Education[0].FullTime || !p.HasDegree("学士") {
		t.Errorf("first person read wrongly: %+v", p)
	}
	if len(people[3].Education) != 2 || len(people[3].Appraisals) != 0 {
		t.Errorf("孙浩然 read wrongly: %+v", people[3])
	}
}

func TestRoundTrip(t *testing.T) {
	people, err := ReadFile(samplePath)
	if err != nil {
		t.Fatal(err)
	}
	people[1].WorkStart = model.MustDate("2022-07") // month precision survives
	people[1].Phone = "13800000000"
	people[1].Education[0].Years = 3
	var first bytes.Buffer
	if err := Write(&first, people); err != nil {
		t.Fatal(err)
	}
	again, err := Read(bytes.NewReader(first.Bytes()))
	if err != nil {
		t.Fatalf("reading what Write wrote: %v", err)
	}
	if !reflect.DeepEqual(again, people) {
		t.Errorf("round trip changed the people:\n got %+v\nwant %+v", again, people)
	}
	var second bytes.Buffer
	Write(&second, again)
	if first.String() != second.String() {
		t.Errorf("writing twice gives different bytes")
	}
	if !strings.Contains(first.String(), `"work_start": "2022-07"`) {
		t.Errorf("month-only date not kept as 2022-07")
	}
}

func TestWriteIsCanonical(t *testing.T) {
	p := model.Person{
		Name:         "张三",
		Appraisals:   map[int]string{2024: "合格", 2019: "优秀", 2023: "良好"},
		ContinuingEd: map[int]bool{2024: true, 2020: false},
	}
	var buf bytes.Buffer
	if err := Write(&buf, []model.Person{p}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if !strings.HasPrefix(out, "{\n  \"format\": \"chuding-people/1\",\n  \"people\": [") {
		t.Errorf("header: %q", out[:min(60, len(out))])
	}
	order := []string{`"2019"`, `"2023"`, `"2024"`}
	for i := 1; i < len(order); i++ {
		if strings.Index(out, order[i-1]) > strings.Index(out, order[i]) {
			t.Errorf("years not ascending: %s", out)
		}
	}
	for _, want := range []string{`"education": []`, `"degrees": []`, `"name": "张三"`} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %s:\n%s", want, out)
		}
	}
	if strings.Contains(out, "null") || strings.Contains(out, `\u`) {
		t.Errorf("output has null or escapes:\n%s", out)
	}
	keys := []string{`"name"`, `"id_number"`, `"relation"`, `"series"`, `"education"`, `"work_start"`, `"appraisals"`, `"opinion"`}
	for i := 1; i < len(keys); i++ {
		if strings.Index(out, keys[i-1]) > strings.Index(out, keys[i]) {
			t.Errorf("key %s after %s", keys[i-1], keys[i])
		}
	}
}

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "people.json")
	os.WriteFile(path, []byte("old"), 0o644)
	people := []model.Person{{Name: "张三", WorkStart: model.NewDate(2024, 7, 1)}}
	if err := WriteFile(path, people); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", info.Mode().Perm())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary file left behind: %v", entries)
	}
	got, err := ReadFile(path)
	if err != nil || len(got) != 1 || got[0].Name != "张三" {
		t.Errorf("read back %v, %v", got, err)
	}
	err = WriteFile(filepath.Join(dir, "missing", "p.json"), people)
	if err == nil || !strings.Contains(err.Error(), "不存在") {
		t.Errorf("missing folder: %v", err)
	}
}

// person wraps one person's JSON members in a valid file.
func person(members string) string {
	return "{\n  \"format\": \"chuding-people/1\",\n  \"people\": [\n    {\"name\": \"张三\",\n     " + members + "}\n  ]\n}\n"
}

func TestReadErrors(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want []string
	}{
		{"unknown key with suggestion", person(`"seris": "工程"`), []string{"第5行第6列", "第1人（张三）", "键“seris”", "是否应为“series”"}},
		{"unknown key far from any", person(`"salary": 1`), []string{"键“salary”", "无法识别的键", "docs/people-format.md"}},
		{"unknown key in education", person(`"education": [{"level": "本科", "grade": 1}]`), []string{"键“education[1].grade”", "无法识别"}},
		{"bad date", person(`"work_start": "2024-02-30"`), []string{"第5行第20列", "work_start", "参加工作时间", "不存在"}},
		{"unquoted date", person(`"work_start": 20240701`), []string{"work_start", "应为日期文字", "现为数字"}},
		{"bad date in education", person(`"education": [{"level": "本科", "graduated": "去年"}]`), []string{"education[1].graduated", "学历[1].毕业时间", "无法识别"}},
		{"bool as text", person(`"retired": "否"`), []string{"retired", "true 或 false", "现为文字"}},
		{"number as text", person(`"education": [{"years": "三"}]`), []string{"education[1].years", "应为数字"}},
		{"year key", person(`"appraisals": {"2023年": "合格"}`), []string{"appraisals", "年度“2023年”", "四位数字"}},
		{"year value", person(`"continuing_ed": {"2023": "是"}`), []string{"continuing_ed[2023]", "继续教育[2023]", "true 或 false"}},
		{"degrees not a list", person(`"degrees": "学士"`), []string{"degrees", "应为列表"}},
		{"null person", "{\"format\":\"chuding-people/1\",\"people\":[null]}", []string{"第1人", "应为 JSON 对象"}},
		{"person not an object", "{\"format\":\"chuding-people/1\",\"people\":[\"张三\"]}", []string{"第1人", "应为 JSON 对象"}},
		{"syntax", "{\"format\": \"chuding-people/1\",\n\"people\": [{\"name\": \"张三\" \"unit\": \"x\"}]}", []string{"第2行第26列", "语法错误", "“\"”"}},
		{"full-width quote", "{\"format\": \"chuding-people/1\",\n\"people\": [{“name”: \"张三\"}]}", []string{"第2行第13列", "““”", "英文半角"}},
		{"truncated", "{\"format\": \"chuding-people/1\",\n\"people\": [{\"name\": \"张三\"}", []string{"意外结束"}},
		{"trailing garbage", "{\"format\": \"chuding-people/1\", \"people\": []}\n{}", []string{"第2行第1列", "多余内容"}},
		{"missing format", `{"people": []}`, []string{"缺少“format”键"}},
		{"wrong format", "{\"people\": [],\n \"format\": \"chuding-people/2\"}", []string{"第2行第2列", "chuding-people/2", "无法识别"}},
		{"format not text", `{"format": 1, "people": []}`, []string{"“format”应为文字"}},
		{"missing people", `{"format": "chuding-people/1"}`, []string{"缺少“people”键"}},
		{"people not a list", `{"format": "chuding-people/1", "people": {}}`, []string{"“people”应为列表"}},
		{"unknown top key", `{"format": "chuding-people/1", "people": [], "unit": "x"}`, []string{"第1行第46列", "“unit”", "顶层只能有"}},
		{"duplicate top key", `{"format": "chuding-people/1", "format": "chuding-people/1", "people": []}`, []string{"出现了两次"}},
		{"top is a list", `[{"name": "张三"}]`, []string{"应为 JSON 对象"}},
		{"empty", " \n", []string{"文件是空的"}},
		{"GBK", "{\"format\": \"chuding-people/1\",\n\"people\": [{\"name\": \"\xd5\xc5\xc8\xfd\"}]}", []string{"第2行第22列", "UTF-8"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Read(strings.NewReader(c.in))
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

func TestErrorFields(t *testing.T) {
	in := "{\"format\":\"chuding-people/1\",\"people\":[{\"name\":\"甲\"},\n{\"name\":\"乙\",\n\"series\":1}]}"
	_, err := Read(strings.NewReader(in))
	var fe *Error
	if !errors.As(err, &fe) {
		t.Fatalf("error %v is not *Error", err)
	}
	if fe.Person != 2 || fe.Name != "乙" || fe.Key != "series" || fe.Line != 3 || fe.Column != 10 {
		t.Errorf("got %+v", *fe)
	}
}

func TestReadLenient(t *testing.T) {
	cases := []struct {
		name  string
		in    string
		check func([]model.Person) bool
	}{
		{"BOM", "\uFEFF" + person(`"unit": "x"`), func(p []model.Person) bool { return p[0].Unit == "x" }},
		{"missing keys are empty", person(`"series": "工程"`), func(p []model.Person) bool {
			return p[0].Series == "工程" && p[0].Education == nil && !p[0].Retired && p[0].WorkStart.IsZero()
		}},
		{"null lists", person(`"education": null, "appraisals": null`), func(p []model.Person) bool { return p[0].Education == nil }},
		{"empty date", person(`"sanction_until": ""`), func(p []model.Person) bool { return p[0].SanctionUntil.IsZero() }},
		{"Chinese date forms", person(`"work_start": "2024年7月1日"`), func(p []model.Person) bool { return p[0].WorkStart == model.NewDate(2024, 7, 1) }},
		{"optional form keys", person(`"phone": "1", "political": "群众", "post": "设计部", "trainee_result": "合格", "education": [{"start": "2019-09-01", "years": 4, "certified": true}]`),
			func(p []model.Person) bool {
				return p[0].Post == "设计部" && p[0].TraineeResult == "合格" && p[0].Education[0].Years == 4 && p[0].Education[0].Certified
			}},
		{"no people", `{"format": "chuding-people/1", "people": []}`, func(p []model.Person) bool { return p != nil && len(p) == 0 }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := Read(strings.NewReader(c.in))
			if err != nil {
				t.Fatal(err)
			}
			if !c.check(got) {
				t.Errorf("read %+v", got)
			}
		})
	}
}

func TestReadFileMissing(t *testing.T) {
	dir := t.TempDir()
	_, err := ReadFile(filepath.Join(dir, "none.json"))
	if err == nil || !strings.Contains(err.Error(), "无法打开人员文件") || !strings.Contains(err.Error(), "不存在") {
		t.Errorf("got %v", err)
	}
	if _, err := ReadFile(dir); err == nil || !strings.Contains(err.Error(), "文件夹") {
		t.Errorf("folder: %v", err)
	}
}

func TestLabel(t *testing.T) {
	if Label("work_start") != "参加工作时间" || Label("nope") != "" {
		t.Errorf("labels wrong")
	}
	if got := labelOf("education[2].graduated"); got != "学历[2].毕业时间" {
		t.Errorf("labelOf = %q", got)
	}
}

// TestFastAndCarefulAgree: the streaming reader is only a shortcut, so on
// a good file it must give exactly what the careful reader gives.
func TestFastAndCarefulAgree(t *testing.T) {
	data, err := os.ReadFile(samplePath)
	if err != nil {
		t.Fatal(err)
	}
	fast, ok := readFast(data)
	careful, err := readCareful(data)
	if !ok || err != nil || !reflect.DeepEqual(fast, careful) {
		t.Errorf("fast ok=%v, careful err=%v, equal=%v", ok, err, reflect.DeepEqual(fast, careful))
	}
	for _, bad := range []string{
		`{"format":"chuding-people/1","people":[],"people":[]}`,
		`{"people":[],"format":"chuding-people/2"}`,
		`{"format":"chuding-people/1","people":[{"x":1}]}`,
		`{"format":"chuding-people/1","people":[]} 1`,
	} {
		if _, ok := readFast([]byte(bad)); ok {
			t.Errorf("fast reader accepted %s", bad)
		}
		if _, err := readCareful([]byte(bad)); err == nil {
			t.Errorf("careful reader accepted %s", bad)
		}
	}
}

// BenchmarkRead10k reads a 10,000-person file (about 10 MB).
func BenchmarkRead10k(b *testing.B) {
	sample, err := ReadFile(samplePath)
	if err != nil {
		b.Fatal(err)
	}
	people := make([]model.Person, 10000)
	for i := range people {
		people[i] = sample[i%len(sample)]
	}
	var buf bytes.Buffer
	Write(&buf, people)
	b.SetBytes(int64(buf.Len()))
	for b.Loop() {
		if _, err := Read(bytes.NewReader(buf.Bytes())); err != nil {
			b.Fatal(err)
		}
	}
}
