package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"chuding/model/peoplefile"
	"chuding/model/policy"
	"chuding/model/rules"
)

const convertSample = "../../testdata/people-sample.json"

// convertCanonical is the sample as chuding writes a people file.
func convertCanonical(t *testing.T) []byte {
	t.Helper()
	people, err := peoplefile.ReadFile(convertSample)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := peoplefile.Write(&buf, people); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestConvertRoundTrip: json → xlsx → json and json → csv → json give the
// same people file.
func TestConvertRoundTrip(t *testing.T) {
	want := convertCanonical(t)
	for _, ext := range []string{".xlsx", ".csv"} {
		dir := t.TempDir()
		mid, back := filepath.Join(dir, "名单"+ext), filepath.Join(dir, "back.json")
		for _, args := range [][]string{{convertSample, mid}, {mid, back}} {
			stdout, stderr, code := runCLI(t, "", append([]string{"convert"}, args...)...)
			if code != 0 || !strings.Contains(stdout, "已转换5人") {
				t.Fatalf("convert %v: code %d\n%s%s", args, code, stdout, stderr)
			}
		}
		got, err := os.ReadFile(back)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("json → %s → json changed the people:\n%s", ext, got)
		}
		for _, p := range []string{mid, back} {
			if st, _ := os.Stat(p); st.Mode().Perm() != 0o600 {
				t.Errorf("%s mode %v", p, st.Mode())
			}
		}
	}
}

// TestConvertToXLSXAddsResults: the workbook carries each person's verdict
// as the rules give it under the built-in policy.
func TestConvertToXLSXAddsResults(t *testing.T) {
	out := filepath.Join(t.TempDir(), "名单.xlsx")
	if _, stderr, code := runCLI(t, "", "convert", convertSample, out); code != 0 {
		t.Fatal(stderr)
	}
	people, _ := peoplefile.ReadFile(convertSample)
	pol := policy.Builtin2025H1()
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("人员")
	verdict, title := slices.Index(rows[0], "审核结果"), slices.Index(rows[0], "拟初定资格")
	if verdict < 0 || title < 0 {
		t.Fatalf("no result columns in %v", rows[0])
	}
	for i := range people {
		r := rules.Evaluate(&people[i], &pol)
		want := map[bool]string{true: "可申报", false: "不可申报"}[r.Eligible]
		row := rows[i+1]
		if row[verdict] != want || (r.Title != "" && row[title] != r.Title) {
			t.Errorf("%s: %q %q, want %q %q", people[i].Name, row[verdict], row[title], want, r.Title)
		}
	}
}

// TestConvertRefusesBadRows: a spreadsheet with errors gives exit 2, the
// row-level report on stderr, and no output file.
func TestConvertRefusesBadRows(t *testing.T) {
	dir := t.TempDir()
	in, out := filepath.Join(dir, "名单.csv"), filepath.Join(dir, "名单.json")
	csv := "姓名,身份证号,人事关系,申报系列,参加工作时间\n" +
		"张三,320706199904121238,劳动合同,工程,2023-07-03\n" +
		"李四,320706199904121230,劳动合同,工程,2023-07-03\n" +
		"王五,320703199803052043,临时工,工程,2099-01-01\n"
	os.WriteFile(in, []byte(csv), 0o600)
	stdout, stderr, code := runCLI(t, "", "convert", in, out)
	if code != 2 || stdout != "" {
		t.Fatalf("code %d stdout %q", code, stdout)
	}
	for _, want := range []string{"共3行，其中2行有问题（3处）", "第3行（李四）B列“身份证号”：身份证号码校验位错误",
		"第4行（王五）C列“人事关系”：“临时工”不在初定范围内", "第4行（王五）E列“参加工作时间”"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("output written despite errors: %v", err)
	}
}

func TestConvertArguments(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"convert", convertSample}, 2, "需要输入和输出两个文件"},
		{[]string{"convert", convertSample, filepath.Join(dir, "a.pdf")}, 2, "无法识别文件“a.pdf”的格式"},
		{[]string{"convert", convertSample, filepath.Join(dir, "a.xls")}, 2, "另存为 .xlsx"},
		{[]string{"convert", convertSample, "../../testdata/./people-sample.json"}, 2, "同一个文件"},
		{[]string{"convert", filepath.Join(dir, "none.xlsx"), filepath.Join(dir, "b.json")}, 2, "找不到文件"},
		{[]string{"convert", convertSample, filepath.Join(dir, "没有", "b.xlsx")}, 1, "不存在"},
		{[]string{"convert", "--policy", filepath.Join(dir, "none.json"), convertSample, filepath.Join(dir, "b.xlsx")}, 2, "none.json"},
	}
	for _, tt := range tests {
		_, stderr, code := runCLI(t, "", tt.args...)
		if code != tt.code || !strings.Contains(stderr, tt.want) {
			t.Errorf("%v: code %d stderr %q, want %d and %q", tt.args, code, stderr, tt.code, tt.want)
		}
	}
	// Flags may also follow the paths.
	if _, stderr, code := runCLI(t, "", "convert", convertSample, filepath.Join(dir, "c.xlsx"), "--policy", ""); code != 0 {
		t.Errorf("flag after paths: %d %s", code, stderr)
	}
}

// TestConvertTemplateNotes: converting the untouched template gives nobody,
// and says the example row was skipped.
func TestConvertTemplateNotes(t *testing.T) {
	dir := t.TempDir()
	tpl, out := filepath.Join(dir, "模板.xlsx"), filepath.Join(dir, "空.json")
	if _, stderr, code := runCLI(t, "", "template", "--out", tpl); code != 0 {
		t.Fatal(stderr)
	}
	stdout, stderr, code := runCLI(t, "", "convert", tpl, out)
	if code != 0 || !strings.Contains(stdout, "已转换0人") || !strings.Contains(stderr, "示例行") {
		t.Errorf("code %d\n%s%s", code, stdout, stderr)
	}
}
