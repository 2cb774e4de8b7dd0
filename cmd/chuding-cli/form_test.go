package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chuding/pdfgen/pdftest"
)

const formSample = "../../testdata/people-sample.json"

func TestFormWritesOnePDFPerPerson(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "申报表")
	out, stderr, code := runCLI(t, "", "form", formSample, "--out", dir, "--fill-date", "2025-06-10",
		"--publicity-start", "2025-06-03", "--publicity-result", "无异议")
	if code != 0 {
		t.Fatalf("code %d: %s", code, stderr)
	}
	want := []string{"01_陈晓雨_申报表.pdf", "02_刘子涵_申报表.pdf", "03_周敏_申报表.pdf", "04_孙浩然_申报表.pdf", "05_吴佳琪_申报表.pdf"}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(want) {
		t.Fatalf("应生成 %d 个文件，实际 %v", len(want), entries)
	}
	for _, name := range want {
		if !strings.Contains(out, "已生成 "+name) {
			t.Errorf("输出中没有“已生成 %s”：\n%s", name, out)
		}
		path := filepath.Join(dir, name)
		st, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if st.Mode().Perm() != 0o600 {
			t.Errorf("%s 权限 %v，应为 0600", name, st.Mode().Perm())
		}
		pdf, _ := os.ReadFile(path)
		pages := formTestPages(t, pdf, 4) // two copies by default (四(一) 一式两份)
		pdftest.Contains(t, pages[0], strings.Split(name, "_")[1], "专业技术资格初定申报表")
		pdftest.Contains(t, pages[1], "2025年6月3日至2025年6月9日", "无异议")
	}
	// 周敏 is in an exam series (一): printed, but as a draft with the reason.
	if !strings.Contains(out, "03_周敏_申报表.pdf（草稿：") {
		t.Errorf("不符合条件的人应标明草稿：\n%s", out)
	}
	if st, _ := os.Stat(dir); st.Mode().Perm() != 0o700 {
		t.Errorf("输出文件夹权限 %v，应为 0700", st.Mode().Perm())
	}
}

func formTestPages(t *testing.T, pdf []byte, n int) []string {
	t.Helper()
	return pdftest.RequirePages(t, pdf, n, false)
}

func TestFormOnePersonOneCopy(t *testing.T) {
	dir := t.TempDir()
	_, stderr, code := runCLI(t, "", "form", "--id", "320706199904120227", "--copies", "1", formSample, "--out", dir)
	if code != 0 {
		t.Fatalf("code %d: %s", code, stderr)
	}
	pdf, err := os.ReadFile(filepath.Join(dir, "01_陈晓雨_申报表.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	formTestPages(t, pdf, 2)
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("--id 只应生成一人的申报表：%v", entries)
	}
}

func TestFormArgumentErrors(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"form", formSample}, "--out"},
		{[]string{"form", "--out", dir}, "缺少人员文件"},
		{[]string{"form", formSample, "--out", dir, "--copies", "3"}, "--copies 只能是 1 或 2"},
		{[]string{"form", formSample, "--out", dir, "--id", "320706199904129999"}, "320706********9999"},
		{[]string{"form", formSample, "--out", dir, "--fill-date", "2025-13-01"}, "--fill-date"},
		{[]string{"form", formSample, "--out", dir, "--font", "../../assets/icon.png"}, ".ttf"},
		{[]string{"form", "nosuch.json", "--out", dir}, "nosuch.json"},
	}
	for _, c := range cases {
		_, stderr, code := runCLI(t, "", c.args...)
		if code != 2 || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: code %d, stderr %q, want %q", c.args, code, stderr, c.want)
		}
	}
}

func TestFormBadPersonIsReportedOthersWritten(t *testing.T) {
	b, err := os.ReadFile(formSample)
	if err != nil {
		t.Fatal(err)
	}
	// A name with a character the embedded font lacks cannot be printed.
	bad := strings.Replace(string(b), `"陈晓雨"`, `"陈𠀀雨"`, 1)
	people := filepath.Join(t.TempDir(), "people.json")
	if err := os.WriteFile(people, []byte(bad), 0o600); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	out, stderr, code := runCLI(t, "", "form", people, "--out", dir, "--copies", "1")
	if code != 2 || !strings.Contains(stderr, "第 1 人") || !strings.Contains(stderr, "U+20000") {
		t.Fatalf("code %d, stderr %q", code, stderr)
	}
	if !strings.Contains(out, "02_刘子涵_申报表.pdf") {
		t.Errorf("其他人的申报表应照常生成：%s", out)
	}
}

func TestFormFileName(t *testing.T) {
	for _, c := range []struct {
		no         int
		name, want string
	}{
		{1, "陈晓雨", "01_陈晓雨_申报表.pdf"},
		{12, "a/b", "12_a_b_申报表.pdf"},
		{120, " ", "120_未填姓名_申报表.pdf"},
	} {
		if got := formFileName(c.no, c.name, "申报表"); got != c.want {
			t.Errorf("formFileName(%d, %q) = %q, want %q", c.no, c.name, got, c.want)
		}
	}
}
