package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chuding/pdfgen/pdftest"
)

func TestChecklistWritesOnePerPerson(t *testing.T) {
	dir := t.TempDir()
	out, stderr, code := runCLI(t, "", "checklist", formSample, "--out", dir)
	if code != 0 {
		t.Fatalf("code %d: %s", code, stderr)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 5 {
		t.Fatalf("应为 5 人各生成一份清单：%v", entries)
	}
	pdf, err := os.ReadFile(filepath.Join(dir, "02_刘子涵_材料清单.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	page := pdftest.RequirePages(t, pdf, 1, false)[0]
	pdftest.Contains(t, page, "申报材料清单", "刘子涵", "劳动合同或单位聘书", "三方协议")
	if !strings.Contains(out, "已生成 01_陈晓雨_材料清单.pdf") {
		t.Errorf("stdout: %s", out)
	}
}

func TestChecklistOnePerson(t *testing.T) {
	dir := t.TempDir()
	_, stderr, code := runCLI(t, "", "checklist", formSample, "--out", dir, "--id", "320706199904120227")
	if code != 0 {
		t.Fatalf("code %d: %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "01_陈晓雨_材料清单.pdf")); err != nil {
		t.Error(err)
	}
}
