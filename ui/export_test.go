package ui

import (
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

func TestExportPreviewForm(t *testing.T) {
	u := newSampleUI(t)
	u.shell.show(screenExport)
	s := u.export
	if !strings.HasPrefix(s.person.Selected, "1. 陈晓雨") {
		t.Fatalf("first person not preselected: %q", s.person.Selected)
	}
	s.copies.SetSelected(copiesOne)
	tapButton(t, u, "预览申报表")
	u.jobs.wait()
	if n := countPages(s.preview.pdf); n != 2 {
		t.Fatalf("one copy of the form has %d pages, want 2", n)
	}
	if _, err := exec.LookPath("pdftoppm"); err == nil {
		assertShows(t, u, "共2页")
		if len(s.preview.pages.Objects) != 2 {
			t.Errorf("preview shows %d page images", len(s.preview.pages.Objects))
		}
	} else {
		assertShows(t, u, "无法在窗口内预览")
	}
	out := filepath.Join(t.TempDir(), "form.pdf")
	u.picker().save = out
	tapButton(t, u, "保存PDF…")
	if b, err := os.ReadFile(out); err != nil || countPages(b) != 2 {
		t.Fatalf("saved PDF: %v", err)
	}
}

func TestExportAllFormsToFolder(t *testing.T) {
	u := newSampleUI(t)
	u.shell.show(screenExport)
	dir := t.TempDir()
	u.picker().folder = dir
	tapButton(t, u, "保存全部申报表到文件夹…")
	u.jobs.wait()
	files, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
	sort.Strings(files)
	if len(files) != 5 {
		t.Fatalf("forms written = %d, want 5", len(files))
	}
	if filepath.Base(files[0]) != "01_陈晓雨_申报表.pdf" {
		t.Errorf("first file = %s", filepath.Base(files[0]))
	}
	for _, f := range files {
		fi, _ := os.Stat(f)
		if fi.Mode().Perm() != 0o600 {
			t.Errorf("%s mode %v, want 0600", f, fi.Mode().Perm())
		}
	}
	if u.export.progress.Value != 1 {
		t.Errorf("progress = %v at the end", u.export.progress.Value)
	}
	assertShows(t, u, "已把5份申报表保存到")
	if findButton(t, u, "取消").Disabled() == false {
		t.Error("cancel still enabled after the run")
	}
}

func TestExportPreviewChecklistAndRoster(t *testing.T) {
	u := newSampleUI(t)
	u.shell.show(screenExport)
	tapButton(t, u, "预览材料清单")
	if n := countPages(u.export.preview.pdf); n < 1 {
		t.Fatal("材料清单 has no pages")
	}
	assertShows(t, u, "预览：陈晓雨_材料清单")
	tapButton(t, u, "预览汇总表")
	if n := countPages(u.export.preview.pdf); n < 1 {
		t.Fatal("汇总表 has no pages")
	}
	assertShows(t, u, "预览：2025年上半年_汇总表")
}
