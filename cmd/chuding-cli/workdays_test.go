package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestWorkdaysPrintsEndDate(t *testing.T) {
	tests := []struct {
		name, start, days, out, stderr string
	}{
		{"2025 first-half publicity", "2025-06-03", "5", "2025-06-09\n", ""},
		{"across 端午 5/31–6/2", "2025-05-29", "4", "2025-06-04\n", ""},
		{"start on a holiday", "2025-10-01", "5", "2025-10-14\n", "不是工作日"},
		{"make-up Saturday 2026-02-14 counts", "2026-02-12", "3", "2026-02-14\n", ""},
		{"other date forms", "2025年6月3日", "1", "2025-06-03\n", ""},
		{"year without data", "2027-10-01", "5", "2027-10-07\t未收录该年节假日安排\n", "未收录该年节假日安排"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, stderr, code := runCLI(t, "", "workdays", "--start", tt.start, "--days", tt.days)
			if code != 0 || out != tt.out {
				t.Errorf("code %d out %q, want %q (stderr %q)", code, out, tt.out, stderr)
			}
			if tt.stderr == "" && stderr != "" || !strings.Contains(stderr, tt.stderr) {
				t.Errorf("stderr %q, want %q", stderr, tt.stderr)
			}
		})
	}
}

func TestWorkdaysJSON(t *testing.T) {
	out, _, code := runCLI(t, "", "workdays", "--start", "2025-05-31", "--days", "5", "--json")
	if code != 0 {
		t.Fatalf("code %d", code)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"start":     "2025-06-03",
		"end":       "2025-06-09",
		"days":      []any{"2025-06-03", "2025-06-04", "2025-06-05", "2025-06-06", "2025-06-09"},
		"sign_from": "2025-06-10",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("json %v, want exactly %v", got, want)
	}
}

func TestWorkdaysBadArguments(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--days", "5"}, "缺少 --start"},
		{[]string{"--start", "2025-06", "--days", "5"}, "须精确到日"},
		{[]string{"--start", "2025-02-30", "--days", "5"}, "不存在"},
		{[]string{"--start", "2025-06-03"}, "--days 应为1到366之间的整数"},
		{[]string{"--start", "2025-06-03", "--days", "0"}, "--days 应为1到366之间的整数"},
		{[]string{"--start", "2025-06-03", "--days", "5", "--weekends"}, "没有参数 -weekends"},
		{[]string{"--start", "2025-06-03", "--days", "5", "extra"}, "不需要参数“extra”"},
		{[]string{"--start", "2025-06-03", "--days", "5", "--holidays", "/nonexistent/2027.json"}, "文件不存在"},
	}
	for _, tt := range tests {
		_, stderr, code := runCLI(t, "", append([]string{"workdays"}, tt.args...)...)
		if code != 2 || !strings.Contains(stderr, tt.want) {
			t.Errorf("%v: code %d stderr %q, want %q", tt.args, code, stderr, tt.want)
		}
	}
}

func TestWorkdaysHolidaysFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "2027.json")
	data := `{
  "format": "chuding-holidays/1",
  "year": 2027,
  "source": {"title": "国务院办公厅关于2027年部分节假日安排的通知", "number": "", "published": "2026-11-10"},
  "holidays": [{"name": "国庆节", "from": "2027-10-01", "to": "2027-10-07"}],
  "makeup_workdays": [{"name": "国庆节", "date": "2027-10-09"}]
}`
	if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	out, stderr, code := runCLI(t, "", "workdays", "--start", "2027-10-01", "--days", "3", "--holidays", path)
	if code != 0 || out != "2027-10-11\n" || strings.Contains(stderr, "未收录") {
		t.Errorf("code %d out %q stderr %q, want 2027-10-11 (10/8, 10/9 make-up Saturday, 10/11)", code, out, stderr)
	}
	bad := filepath.Join(t.TempDir(), "bad.json")
	os.WriteFile(bad, []byte(strings.Replace(data, `"2027-10-09"`, `"2027-10-11"`, 1)), 0o600)
	if _, stderr, code := runCLI(t, "", "workdays", "--start", "2027-10-01", "--days", "3", "--holidays", bad); code != 2 || !strings.Contains(stderr, "星期一") {
		t.Errorf("code %d stderr %q", code, stderr)
	}
}
