package ui

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"chuding/model"
	"chuding/model/peoplefile"
	"chuding/model/policy"
	"chuding/model/store"
)

func names(rows []*row) string {
	var s []string
	for _, r := range rows {
		s = append(s, r.p.Name)
	}
	return strings.Join(s, ",")
}

func TestPeopleSearchFilterAndSort(t *testing.T) {
	u := newSampleUI(t)
	u.shell.show(screenPeople)
	s := u.people

	// Ctrl+F puts the cursor in the search box, typing filters the table.
	pressShortcut(t, u, fyne.KeyF)
	if u.win.Canvas().Focused() != s.search {
		t.Fatal("Ctrl+F did not focus the search box")
	}
	typeInto(s.search, "子涵")
	if got := names(u.view.shown); got != "刘子涵" {
		t.Fatalf("search 子涵 shows %q", got)
	}
	assertShows(t, u, "显示1人，共5人")
	s.search.SetText("中小学")
	if got := names(u.view.shown); got != "吴佳琪" {
		t.Errorf("search by series shows %q", got)
	}
	s.search.SetText("")

	s.filter.SetSelected("不可申报")
	for _, r := range u.view.shown {
		if r.status != statusBlocked {
			t.Errorf("filter 不可申报 shows %s (%s)", r.p.Name, r.status)
		}
	}
	if len(u.view.shown) != 2 {
		t.Errorf("不可申报 = %d people, want 2 (周敏: 会计 is an exam series; 吴佳琪: no teacher certificate)", len(u.view.shown))
	}
	s.filter.SetSelected("全部状态")

	// Tapping the 参加工作 header sorts ascending, tapping again descending.
	u.view.sortOn(colWork)
	s.refresh()
	first := u.view.shown[0].p.WorkStart
	for _, r := range u.view.shown {
		if r.p.WorkStart.Before(first) {
			t.Fatal("not sorted ascending by work start")
		}
	}
	u.view.sortOn(colWork)
	if !u.view.shown[0].p.WorkStart.After(u.view.shown[4].p.WorkStart) {
		t.Error("second tap did not reverse the order")
	}
}

func TestPeopleTableMasksIDNumbers(t *testing.T) {
	u := newSampleUI(t)
	u.shell.show(screenPeople)
	all := allText(t, u)
	for _, r := range u.view.all {
		if strings.Contains(all, r.p.IDNumber) {
			t.Errorf("full ID number of %s shown in the table", r.p.Name)
		}
		if !strings.Contains(all, model.MaskID(r.p.IDNumber)) {
			t.Errorf("masked ID of %s not shown", r.p.Name)
		}
	}
	// Hovering the cell reveals the number.
	l := newHoverLabel()
	l.setTexts("320706********0227", "320706199904120227")
	l.MouseIn(nil)
	if l.Text != "320706199904120227" {
		t.Error("hover does not reveal the full number")
	}
	l.MouseOut()
	if l.Text != "320706********0227" {
		t.Error("leaving the cell does not mask the number again")
	}
}

func TestPeopleDeleteAsksFirst(t *testing.T) {
	u := newSampleUI(t)
	u.shell.show(screenPeople)
	victim := u.view.shown[0]
	u.people.table.Select(widgetCell(0))
	tapButton(t, u, "删除")
	assertShows(t, u, "确定从本批次删除“"+victim.p.Name+"”")
	tapButton(t, u, "取消")
	if len(u.view.all) != 5 {
		t.Fatal("cancel still deleted")
	}
	tapButton(t, u, "删除")
	findDialogButton(t, u, "删除")
	if len(u.view.all) != 4 || u.rowByID(victim.p.IDNumber) != nil {
		t.Fatal("person not deleted")
	}
	if ps, _ := u.st.People(u.batch.ID); len(ps) != 4 {
		t.Errorf("store still holds %d people", len(ps))
	}
}

// findDialogButton taps the button with label in the topmost dialog.
func findDialogButton(t *testing.T, u *UI, label string) {
	t.Helper()
	tapButton(t, u, label) // dialogs come last in the walk, so the last match is the dialog's
}

func TestPeopleImportPreviewsAndImportsOnlyWhenAccepted(t *testing.T) {
	u := newSampleUI(t)
	u.shell.show(screenPeople)
	// A people file with one new person, one already in the batch and one
	// with a broken ID number.
	newP := u.view.all[0].p
	newP.Name, newP.IDNumber = "钱新人", validID("32070619960101002")
	dup := u.view.all[1].p
	bad := u.view.all[2].p
	bad.Name, bad.IDNumber = "号码错", "320706199601010021"
	var buf bytes.Buffer
	if err := peoplefile.Write(&buf, []model.Person{newP, dup, bad}); err != nil {
		t.Fatal(err)
	}
	u.picker().open = writeTemp(t, "people.json", buf.Bytes())

	tapButton(t, u, "导入…")
	u.jobs.wait()
	assertShows(t, u, "导入预览", "共3行：1行可以导入", "已在本批次中", "号码错")
	if len(u.view.all) != 5 {
		t.Fatal("the preview imported before it was accepted")
	}
	tapButton(t, u, "取消")
	if ps, _ := u.st.People(u.batch.ID); len(ps) != 5 {
		t.Fatal("cancelled import wrote people")
	}

	tapButton(t, u, "导入…")
	u.jobs.wait()
	tapButton(t, u, "导入1名无误人员")
	u.jobs.wait()
	if len(u.view.all) != 6 || u.rowByID(newP.IDNumber) == nil {
		t.Fatalf("after accepting: %s", names(u.view.all))
	}
	assertShows(t, u, "已从“people.json”导入1人")
}

func TestPeopleExportExcelRoundTrips(t *testing.T) {
	u := newSampleUI(t)
	u.shell.show(screenPeople)
	out := filepath.Join(t.TempDir(), "人员.xlsx")
	u.picker().save = out
	tapButton(t, u, "导出Excel…")
	u.jobs.wait()
	assertShows(t, u, "已把5人导出到")
	fi, err := os.Stat(out)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("export not written 0600: %v", err)
	}
	// Re-importing the export into the same batch finds every row a duplicate.
	u.picker().open = out
	tapButton(t, u, "导入…")
	u.jobs.wait()
	assertShows(t, u, "0行可以导入")
	if !findButton(t, u, "导入0名无误人员").Disabled() {
		t.Error("import button enabled with nothing to import")
	}
}

func TestPeopleTemplateIsSaved(t *testing.T) {
	u := newSampleUI(t)
	u.shell.show(screenPeople)
	out := filepath.Join(t.TempDir(), "模板.xlsx")
	u.picker().save = out
	tapButton(t, u, "下载模板…")
	if fi, err := os.Stat(out); err != nil || fi.Size() == 0 {
		t.Fatalf("template not written: %v", err)
	}
}

// manyPeople makes n distinct, realistic people (valid ID numbers).
func manyPeople(n int) []model.Person {
	tmpl, err := peoplefile.Read(bytes.NewReader(samplePeople))
	if err != nil {
		panic(err)
	}
	out := make([]model.Person, n)
	for i := range out {
		p := clonePerson(tmpl[i%len(tmpl)])
		p.Name = fmt.Sprintf("%s%04d", p.Name, i)
		p.IDNumber = validID(fmt.Sprintf("3207061990%02d%02d%03d", 1+i%12, 1+i%28, i%1000))
		out[i] = p
	}
	return out
}

func TestPeopleTableWithTenThousandRows(t *testing.T) {
	test.NewTempApp(t)
	pol := policy.Builtin2025H1()
	rows := make([]*row, 0, 10000)
	for _, p := range manyPeople(10000) {
		rows = append(rows, newRow(p, &pol, testToday))
	}
	v := newPeopleView()
	v.setRows(rows)
	v.search("0427")
	for _, r := range v.shown {
		if !strings.Contains(r.index, "0427") {
			t.Fatalf("%s does not match 0427", r.p.Name)
		}
	}
	if len(v.shown) == 0 || len(v.shown) == len(rows) {
		t.Errorf("search 0427 matched %d of %d", len(v.shown), len(rows))
	}
}

// BenchmarkFilter10000 is the search box on a 10,000-person batch: one
// keystroke re-filters the cached rows (target ≤ 50 ms).
func BenchmarkFilter10000(b *testing.B) {
	pol := policy.Builtin2025H1()
	rows := make([]*row, 0, 10000)
	for _, p := range manyPeople(10000) {
		rows = append(rows, newRow(p, &pol, testToday))
	}
	v := newPeopleView()
	v.setRows(rows)
	queries := []string{"陈", "陈晓", "工程", "320706", "不可申报", ""}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		v.search(queries[i%len(queries)])
		v.setFilter(status(i%3) - 1)
	}
}

// BenchmarkSort10000 is a header tap on a 10,000-person batch.
func BenchmarkSort10000(b *testing.B) {
	pol := policy.Builtin2025H1()
	rows := make([]*row, 0, 10000)
	for _, p := range manyPeople(10000) {
		rows = append(rows, newRow(p, &pol, testToday))
	}
	v := newPeopleView()
	v.setRows(rows)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		v.sortOn(i % numCols)
	}
}

// BenchmarkEvaluateRows10000 is opening a 10,000-person batch: rules,
// validation, opinion check and search index per person.
func BenchmarkEvaluateRows10000(b *testing.B) {
	pol := policy.Builtin2025H1()
	people := manyPeople(10000)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, p := range people {
			newRow(p, &pol, testToday)
		}
	}
}

// BenchmarkSearchBox10000 is typing in the search box of a 10,000-person
// batch on the test driver: filter, then the virtualised table refreshes
// the rows in view (target ≤ 50 ms per keystroke).
func BenchmarkSearchBox10000(b *testing.B) {
	a := test.NewTempApp(b)
	a.Settings().SetTheme(NewTheme(nil))
	dir := b.TempDir()
	path := filepath.Join(dir, "chuding.db")
	st, err := store.Open(path, store.Options{NoBackup: true})
	if err != nil {
		b.Fatal(err)
	}
	u := New(a, Config{Store: st, DBPath: path, Today: func() model.Date { return testToday }, inlineJobs: true})
	defer u.win.Close()
	u.win.Resize(fyne.NewSize(1280, 800))
	pol := policy.Builtin2025H1()
	rows := make([]*row, 0, 10000)
	for _, p := range manyPeople(10000) {
		rows = append(rows, newRow(p, &pol, testToday))
	}
	u.view.setRows(rows)
	u.shell.show(screenPeople)
	queries := []string{"陈", "陈晓", "工程", "320706", "不可申报", ""}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		u.people.search.SetText(queries[i%len(queries)])
	}
}

func TestPeopleSelectionFollowsTheFilter(t *testing.T) {
	u := newSampleUI(t)
	u.shell.show(screenPeople)
	s := u.people
	chen := u.view.shown[0]
	s.table.Select(widgetCell(0))
	if s.edit.Disabled() {
		t.Fatal("编辑 disabled with a person selected")
	}
	typeInto(s.search, "陈晓")
	if s.selected == nil || s.selected.p.IDNumber != chen.p.IDNumber || s.edit.Disabled() {
		t.Fatal("selection lost although the person is still shown")
	}
	s.search.SetText("吴佳琪")
	if s.selected != nil || !s.edit.Disabled() || !s.del.Disabled() {
		t.Error("a person hidden by the search can still be edited or deleted")
	}
}

func TestPeopleDoubleClickOpensThePerson(t *testing.T) {
	u := newSampleUI(t)
	u.shell.show(screenPeople)
	var cell *hoverLabel
	for _, o := range visible(t, u) {
		if l, ok := o.(*hoverLabel); ok && l.Text == u.view.shown[2].p.Name {
			cell = l
		}
	}
	if cell == nil {
		t.Fatal("name cell of the third row not found")
	}
	cell.MouseDown(nil)
	if u.people.selected != u.view.shown[2] {
		t.Fatal("pressing a cell does not select its row")
	}
	test.DoubleTap(cell)
	if u.shell.current != screenEditor || u.editor.oldID != u.view.shown[2].p.IDNumber {
		t.Fatalf("double click did not open %s", u.view.shown[2].p.Name)
	}
}
