package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestTemplateWritesWorkbook(t *testing.T) {
	out := filepath.Join(t.TempDir(), "模板.xlsx")
	stdout, stderr, code := runCLI(t, "", "template", "--out", out)
	if code != 0 || !strings.Contains(stdout, out) || !strings.Contains(stdout, "2020—2024年度考核") {
		t.Fatalf("code %d\nstdout %s\nstderr %s", code, stdout, stderr)
	}
	st, err := os.Stat(out)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("%v mode %v, want 0600", err, st.Mode())
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); !slices.Equal(got, []string{"人员", "填写说明"}) {
		t.Errorf("sheets %v", got)
	}
	rows, _ := f.GetRows("人员")
	// The built-in policy counts seniority to 2025-06-30 (二(一)5): the
	// template offers the five appraisal years before.
	for _, h := range []string{"姓名", "身份证号码", "2020年度考核", "2024年度考核", "2024年继续教育"} {
		if !slices.Contains(rows[0], h) {
			t.Errorf("no column %s in %v", h, rows[0])
		}
	}
	if slices.Contains(rows[0], "2025年度考核") {
		t.Error("the 2025 appraisal is not done by the 2025-06-30 cutoff")
	}
}

func TestTemplateArguments(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"template"}, 2, "请用 --out 指定"},
		{[]string{"template", "--out", filepath.Join(dir, "模板.csv")}, 2, "应以 .xlsx 结尾"},
		{[]string{"template", "--out", filepath.Join(dir, "a.xlsx"), "extra"}, 2, "多余的参数"},
		{[]string{"template", "--outt", "a.xlsx"}, 2, "用法"},
		{[]string{"template", "--out", filepath.Join(dir, "没有", "模板.xlsx")}, 1, "不存在"},
	}
	for _, tt := range tests {
		_, stderr, code := runCLI(t, "", tt.args...)
		if code != tt.code || !strings.Contains(stderr, tt.want) {
			t.Errorf("%v: code %d stderr %q, want %d and %q", tt.args, code, stderr, tt.code, tt.want)
		}
	}
}
