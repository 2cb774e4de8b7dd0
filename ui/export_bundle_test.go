package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"chuding/pdfgen/bundle"
)

// tinyPDF is a scanned file as far as the store's content check goes.
var tinyPDF = []byte("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")

func TestExportBundleDraftThenCleanBundle(t *testing.T) {
	u := newSampleUI(t)

	// The publicity is recorded first (the bundle checks its dates).
	u.shell.show(screenPublicity)
	u.publicity.start.SetText("2025-05-29")
	tapButton(t, u, "记录公示期")
	u.publicity.outcome.SetSelected(outcomeNone)
	tapButton(t, u, "记录结果")

	u.shell.show(screenExport)
	b := u.export.bundle
	if b.report.OK() {
		t.Fatal("the sample batch should not pass the pre-flight (ineligible people, missing scans)")
	}
	assertShows(t, u, "导出前检查：", "缺少")
	// Selecting a row shows that person's problems in full.
	b.list.Select(len(b.batch))
	if !strings.Contains(b.detail.Text, b.checks[0].Label()) || !strings.Contains(b.detail.Text, "·") {
		t.Errorf("detail of the first row = %q", b.detail.Text)
	}

	// Without 草稿 the export is refused and says what to do.
	dir := t.TempDir()
	draftZip := filepath.Join(dir, "草稿.zip")
	u.picker().save = draftZip
	tapButton(t, u, "导出上报包…")
	assertShows(t, u, "还不能导出上报包")
	if _, err := os.Stat(draftZip); err == nil {
		t.Fatal("a refused export wrote a file")
	}

	// As 草稿 it is written and verifies.
	b.draft.SetChecked(true)
	tapButton(t, u, "导出上报包…")
	res := verifyBundle(t, draftZip)
	if !res.Manifest.Draft || res.Manifest.Counts.People != 5 {
		t.Errorf("draft manifest: draft=%v people=%d", res.Manifest.Draft, res.Manifest.Counts.People)
	}
	assertShows(t, u, "这是草稿，不能直接上报")

	// A clean bundle: 陈晓雨 gets her scans through the editor, everyone
	// else is excluded.
	chen := u.view.all[0]
	u.shell.show(screenPeople)
	u.people.table.Select(widgetCell(indexOf(u, chen.p.IDNumber)))
	tapButton(t, u, "编辑")
	u.picker().open = writeTemp(t, "扫描件.pdf", tinyPDF)
	var adds []*widget.Button
	for _, o := range visible(t, u) {
		if b, ok := o.(*widget.Button); ok && b.Text == "添加扫描件…" {
			adds = append(adds, b)
		}
	}
	if len(adds) < 3 {
		t.Fatalf("%d add-scan buttons, want one per scanned material", len(adds))
	}
	for _, b := range adds {
		test.Tap(b)
	}
	if n := len(u.editor.p.Attachments); n != len(adds) {
		t.Fatalf("attachments = %d after %d taps", n, len(adds))
	}
	assertShows(t, u, "扫描件.pdf")
	tapButton(t, u, "保存（Ctrl+S）")
	if r := u.rowByID(chen.p.IDNumber); r.matHave != r.matNeed {
		t.Fatalf("materials %d/%d after attaching", r.matHave, r.matNeed)
	}

	u.shell.show(screenExport)
	for _, r := range u.view.all {
		if r.p.IDNumber != chen.p.IDNumber {
			b.excluded[r.p.IDNumber] = true
		}
	}
	b.draft.SetChecked(false)
	b.check()
	if !b.report.OK() {
		t.Fatalf("pre-flight still fails: %v", b.report.Lines())
	}
	assertShows(t, u, "导出前检查通过：1人可以导出")
	clean := filepath.Join(dir, "上报包.zip")
	u.picker().save = clean
	tapButton(t, u, "导出上报包…")
	res = verifyBundle(t, clean)
	if res.Manifest.Draft {
		t.Fatalf("clean bundle marked draft: %v", res.Manifest.DraftReasons)
	}
	if res.Manifest.Counts.People != 1 || res.Manifest.Counts.Excluded != 4 || res.Manifest.Counts.Attachments < 3 {
		t.Errorf("counts = %+v", res.Manifest.Counts)
	}
	if u.export.progress.Value != 1 || !strings.Contains(u.export.status.Text, "已导出上报包") {
		t.Errorf("progress %v, status %q", u.export.progress.Value, u.export.status.Text)
	}
	if findButton(t, u, "打开文件夹").Disabled() {
		t.Error("打开文件夹 not offered after the export")
	}
}

func indexOf(u *UI, id string) int {
	for i, r := range u.view.shown {
		if r.p.IDNumber == id {
			return i
		}
	}
	return -1
}

// verifyBundle re-reads an exported archive: every file the manifest lists
// must be there with its size and SHA-256.
func verifyBundle(t *testing.T, path string) bundle.Result {
	t.Helper()
	res, err := bundle.Verify(path)
	if err != nil || res.Manifest == nil {
		t.Fatalf("%s: %v", path, err)
	}
	if len(res.Manifest.Files) == 0 || res.Checked != len(res.Manifest.Files) {
		t.Fatalf("%s: %d of %d files verify: %v", path, res.Checked, len(res.Manifest.Files), res.Problems)
	}
	if !res.OK() {
		t.Errorf("%s does not verify: %v", path, res.Problems)
	}
	return res
}
