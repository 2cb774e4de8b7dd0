package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chuding/pdfgen/pdftest"
)

func TestRosterWritesLandscapeTable(t *testing.T) {
	path := filepath.Join(t.TempDir(), "汇总表.pdf")
	out, stderr, code := runCLI(t, "", "roster", formSample, "--out", path, "--contact", "王芳", "--date", "2025-06-12")
	if code != 0 {
		t.Fatalf("code %d: %s", code, stderr)
	}
	pdf, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	page := pdftest.RequirePages(t, pdf, 1, true)[0]
	pdftest.Contains(t, page, "申报人员汇总表", "陈晓雨", "吴佳琪", "王芳", "2025年6月12日")
	if !strings.Contains(out, "共 5 人") {
		t.Errorf("stdout: %s", out)
	}
}

func TestRosterArgumentErrors(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"roster", formSample, "--out", filepath.Join(dir, "x.txt")}, ".pdf"},
		{[]string{"roster", formSample}, "--out"},
		{[]string{"roster", formSample, "--out", filepath.Join(dir, "x.pdf"), "--date", "昨天"}, "--date"},
	} {
		_, stderr, code := runCLI(t, "", c.args...)
		if code != 2 || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: code %d, stderr %q", c.args, code, stderr)
		}
	}
}
