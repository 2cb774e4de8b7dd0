// Package pdftest reads PDFs back for tests, the way a user would see
// them: the text on each page (poppler's pdftotext) and each page's size
// and count (pdfinfo). The Makefile installs poppler-utils; a test run on a
// machine without it is skipped with a message saying so, never passed.
package pdftest

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// Page is one page's size in points.
type Page struct{ W, H float64 }

// Portrait reports whether the page is A4 portrait (595×842 pt, ±1 pt).
func (p Page) Portrait() bool { return near(p.W, 595.28) && near(p.H, 841.89) }

// Landscape reports whether the page is A4 landscape (842×595 pt, ±1 pt).
func (p Page) Landscape() bool { return near(p.W, 841.89) && near(p.H, 595.28) }

func near(a, b float64) bool { return a > b-1 && a < b+1 }

func tool(t testing.TB, name string) string {
	t.Helper()
	return RequireTool(t, name, "poppler-utils")
}

// RequireTool returns the path of an external program a test reads its
// output back with. Where it is missing the test is skipped on a developer's
// machine but fails under CI (CI=true), where `make deps` must have
// installed it: a read-back test that silently did not run proves nothing.
func RequireTool(t testing.TB, name, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err == nil {
		return p
	}
	msg := fmt.Sprintf("%s 未安装（%s）：运行 make deps 安装", name, pkg)
	if os.Getenv("CI") != "" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

func save(t testing.TB, pdf []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// Text returns the text of every page in reading order, one string per
// page. pdftotext keeps each table cell's wrapped lines together, so a
// phrase that wraps inside a cell can be found with Contains.
func Text(t testing.TB, pdf []byte) []string {
	t.Helper()
	return text(t, pdf)
}

// Layout is like Text but keeps the physical layout (pdftotext -layout):
// useful to print a page's look in a failure message.
func Layout(t testing.TB, pdf []byte) []string {
	t.Helper()
	return text(t, pdf, "-layout")
}

func text(t testing.TB, pdf []byte, flags ...string) []string {
	t.Helper()
	bin := tool(t, "pdftotext")
	args := append(flags, "-enc", "UTF-8", save(t, pdf), "-")
	out, err := exec.Command(bin, args...).Output()
	if err != nil {
		t.Fatalf("pdftotext 无法读取 PDF: %v", err)
	}
	pages := strings.Split(string(out), "\f")
	if n := len(pages); n > 0 && strings.TrimSpace(pages[n-1]) == "" {
		pages = pages[:n-1]
	}
	return pages
}

// Squeeze removes all white space, so tests can look for phrases that the
// layout may have spread over columns or wrapped lines.
func Squeeze(s string) string {
	return strings.Join(strings.Fields(s), "")
}

var sizeRe = regexp.MustCompile(`(?m)^Page\s+\d+\s+size:\s+([\d.]+) x ([\d.]+) pts`)

// Pages returns the size of every page.
func Pages(t testing.TB, pdf []byte) []Page {
	t.Helper()
	bin := tool(t, "pdfinfo")
	var stderr bytes.Buffer
	cmd := exec.Command(bin, "-f", "1", "-l", "100000", save(t, pdf))
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdfinfo 无法读取 PDF: %v %s", err, stderr.String())
	}
	var pages []Page
	for _, m := range sizeRe.FindAllStringSubmatch(string(out), -1) {
		w, _ := strconv.ParseFloat(m[1], 64)
		h, _ := strconv.ParseFloat(m[2], 64)
		pages = append(pages, Page{W: w, H: h})
	}
	if len(pages) == 0 {
		t.Fatalf("pdfinfo 没有列出页面:\n%s", out)
	}
	return pages
}

// RequirePages fails the test unless the PDF has n pages, all A4 portrait
// (or all landscape), and returns each page's text.
func RequirePages(t testing.TB, pdf []byte, n int, landscape bool) []string {
	t.Helper()
	pages := Pages(t, pdf)
	if len(pages) != n {
		t.Fatalf("PDF 有 %d 页，应为 %d 页", len(pages), n)
	}
	for i, p := range pages {
		if (landscape && !p.Landscape()) || (!landscape && !p.Portrait()) {
			t.Errorf("第 %d 页大小 %.2f×%.2f 磅，不是 A4%s", i+1, p.W, p.H, map[bool]string{true: "横向", false: "纵向"}[landscape])
		}
	}
	text := Text(t, pdf)
	if len(text) != n {
		t.Fatalf("pdftotext 读出 %d 页，应为 %d 页", len(text), n)
	}
	return text
}

// Contains fails the test for each phrase not found in text (white space
// ignored on both sides).
func Contains(t testing.TB, text string, phrases ...string) {
	t.Helper()
	flat := Squeeze(text)
	for _, p := range phrases {
		if !strings.Contains(flat, Squeeze(p)) {
			t.Errorf("PDF 中没有“%s”", p)
		}
	}
}

// Render writes PNGs of every page to dir at dpi for a person to look at
// (pdftoppm), returning their paths. Used by tests run with -look.
func Render(t testing.TB, pdf []byte, dir, name string, dpi int) []string {
	t.Helper()
	bin := tool(t, "pdftoppm")
	prefix := filepath.Join(dir, name)
	if out, err := exec.Command(bin, "-png", "-r", fmt.Sprint(dpi), save(t, pdf), prefix).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v %s", err, out)
	}
	files, _ := filepath.Glob(prefix + "*.png")
	return files
}
