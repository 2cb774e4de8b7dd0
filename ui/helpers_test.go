package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"chuding/model"
	"chuding/model/store"
)

// testToday is inside the 2025年上半年 application window.
var testToday = model.NewDate(2025, 6, 10)

// given a fresh database, newTestUI builds the app window on the test
// driver with the app theme applied; the first-start dialog is left open.
func newTestUI(t *testing.T) *UI {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, "config"))
	t.Setenv("XDG_CACHE_HOME", filepath.Join(dir, "cache"))
	a := test.NewTempApp(t)
	test.ApplyTheme(t, NewTheme(nil))
	path := filepath.Join(dir, "chuding.db")
	st, err := store.Open(path, store.Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	u := New(a, Config{Store: st, DBPath: path, Today: func() model.Date { return testToday }, inlineJobs: true})
	u.files = &fixedPicker{}
	u.win.Resize(fyne.NewSize(1280, 800))
	u.jobs.wait()
	t.Cleanup(func() { u.win.Close() })
	return u
}

// newSampleUI is newTestUI with the sample people loaded through the
// first-start dialog.
func newSampleUI(t *testing.T) *UI {
	t.Helper()
	u := newTestUI(t)
	tapButton(t, u, "载入示例数据")
	u.jobs.wait()
	if len(u.view.all) != 5 {
		t.Fatalf("sample people = %d, want 5", len(u.view.all))
	}
	return u
}

// fixedPicker answers file dialogs with preset paths, as an officer would.
type fixedPicker struct {
	open, save, folder string
}

func (p *fixedPicker) openFile(_ string, _ []string, done func(string)) {
	if p.open != "" {
		done(p.open)
	}
}

func (p *fixedPicker) saveFile(_ string, name string, _ []string, done func(string)) {
	if p.save != "" {
		done(p.save)
	}
}

func (p *fixedPicker) openFolder(_ string, done func(string)) {
	if p.folder != "" {
		done(p.folder)
	}
}

func (u *UI) picker() *fixedPicker { return u.files.(*fixedPicker) }

// visible returns every visible object in the window and its overlays
// (dialogs), walking widget renderers.
func visible(t *testing.T, u *UI) []fyne.CanvasObject {
	t.Helper()
	c := u.win.Canvas()
	roots := append([]fyne.CanvasObject{c.Content()}, c.Overlays().List()...)
	var out []fyne.CanvasObject
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		out = append(out, o)
		switch x := o.(type) {
		case *fyne.Container:
			for _, ch := range x.Objects {
				walk(ch)
			}
		case fyne.Widget:
			for _, ch := range test.TempWidgetRenderer(t, x).Objects() {
				walk(ch)
			}
		}
	}
	for _, r := range roots {
		walk(r)
	}
	return out
}

// findButton finds a visible, enabled-or-not button whose text is label.
func findButton(t *testing.T, u *UI, label string) *widget.Button {
	t.Helper()
	var found *widget.Button
	for _, o := range visible(t, u) {
		if b, ok := o.(*widget.Button); ok && b.Text == label {
			found = b // the last one wins: dialogs are drawn after the window
		}
	}
	if found == nil {
		t.Fatalf("no visible button %q; texts: %s", label, allText(t, u))
	}
	return found
}

func tapButton(t *testing.T, u *UI, label string) {
	t.Helper()
	b := findButton(t, u, label)
	if b.Disabled() {
		t.Fatalf("button %q is disabled", label)
	}
	test.Tap(b)
}

// allText is every text shown: labels, entries and canvas texts.
func allText(t *testing.T, u *UI) string {
	t.Helper()
	var b strings.Builder
	for _, o := range visible(t, u) {
		switch x := o.(type) {
		case *widget.Label:
			b.WriteString(x.Text)
		case *canvas.Text:
			b.WriteString(x.Text)
		default:
			continue
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func assertShows(t *testing.T, u *UI, want ...string) {
	t.Helper()
	all := allText(t, u)
	for _, w := range want {
		if !strings.Contains(all, w) {
			t.Errorf("window does not show %q; it shows:\n%s", w, all)
		}
	}
}

func assertNotShows(t *testing.T, u *UI, unwanted string) {
	t.Helper()
	if all := allText(t, u); strings.Contains(all, unwanted) {
		t.Errorf("window shows %q but should not", unwanted)
	}
}

// dismissDialogs closes every open dialog by its dismiss button.
func dismissDialog(t *testing.T, u *UI, label string) {
	t.Helper()
	tapButton(t, u, label)
}

// pressShortcut is what the desktop driver does with a key combination:
// main-menu shortcuts run first, whichever widget has focus.
func pressShortcut(t *testing.T, u *UI, key fyne.KeyName) {
	t.Helper()
	for _, m := range u.win.MainMenu().Items {
		for _, it := range m.Items {
			if sc, ok := it.Shortcut.(interface{ Key() fyne.KeyName }); ok && sc.Key() == key {
				it.Action()
				return
			}
		}
	}
	t.Fatalf("no menu shortcut for %s", key)
}

func writeTemp(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func widgetCell(row int) widget.TableCellID { return widget.TableCellID{Row: row, Col: colName} }

// lastEntry is the last visible entry (the one in the top dialog).
func lastEntry(t *testing.T, u *UI) *widget.Entry {
	t.Helper()
	var e *widget.Entry
	for _, o := range visible(t, u) {
		if x, ok := o.(*widget.Entry); ok {
			e = x
		}
	}
	if e == nil {
		t.Fatal("no entry visible")
	}
	return e
}
