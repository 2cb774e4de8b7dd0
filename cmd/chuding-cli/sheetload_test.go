package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sheetloadWrite writes a CSV people list (the template's headers) to dir.
func sheetloadWrite(t *testing.T, name string, rows ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	text := "姓名,身份证号码,人事关系,申报系列,参加工作时间,学历1层次,学历1类型,学历1毕业时间,学历1是否全日制,2024年度考核,2024年继续教育\n" +
		strings.Join(rows, "\n") + "\n"
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestLoadPeopleSpreadsheets: every subcommand that reads people also reads
// the officers' .xlsx and .csv lists.
func TestLoadPeopleSpreadsheets(t *testing.T) {
	csv := sheetloadWrite(t, "名单.csv", "张三,320706199904121238,劳动合同,工程,2023-07-03,本科,国民教育,2023-06-20,是,合格,是")
	people, err := loadPeople(csv)
	if err != nil || len(people) != 1 || people[0].Name != "张三" || people[0].Education[0].Level != "本科" {
		t.Fatalf("csv: %+v %v", people, err)
	}
	xlsx := filepath.Join(t.TempDir(), "名单.xlsx")
	if _, stderr, code := runCLI(t, "", "convert", csv, xlsx); code != 0 {
		t.Fatal(stderr)
	}
	if people, err := loadPeople(xlsx); err != nil || len(people) != 1 || people[0].IDNumber != "320706199904121238" {
		t.Errorf("xlsx: %+v %v", people, err)
	}
}

// TestCheckReportsBadRows: check on a list with bad rows exits 2 and
// prints the row-level report, judging nobody.
func TestCheckReportsBadRows(t *testing.T) {
	csv := sheetloadWrite(t, "名单.csv",
		"张三,320706199904121238,劳动合同,工程,2023-07-03,本科,国民教育,2023-06-20,是,合格,是",
		"李四,320706199904121238,劳动合同,工程,2023-07-03,大学,国民教育,2023-06-20,是,良,是")
	stdout, stderr, code := runCLI(t, "", "check", csv)
	if code != 2 || stdout != "" {
		t.Fatalf("code %d stdout %q", code, stdout)
	}
	for _, want := range []string{csv + " 有问题", "第2行（张三）B列“身份证号码”：身份证号码320706********1238与第3行重复",
		"第3行（李四）F列“学历1层次”：“大学”不是国民教育的学历层次", "第3行（李四）J列“2024年度考核”：考核结果“良”无法识别"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
}
