package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"chuding/model"
)

// validID completes a 17-digit prefix with its GB 11643 check digit.
func validID(prefix string) string {
	w := []int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i, c := range prefix {
		sum += int(c-'0') * w[i]
	}
	return prefix + string("10X98765432"[sum%11])
}

func typeInto(e fyne.Focusable, s string) { test.Type(e, s) }

func TestEditorAddPersonByTypingAndVerdictFollows(t *testing.T) {
	u := newSampleUI(t)
	u.shell.show(screenPeople)
	tapButton(t, u, "新增")
	e := u.editor
	if u.shell.current != screenEditor || e.oldID != "" {
		t.Fatal("新增 did not open an empty editor")
	}

	// When the officer types a name and a short ID number, the ID is
	// explained right under the field.
	typeInto(e.name, "赵一鸣")
	typeInto(e.id, "3207061995031512")
	assertShows(t, u, "身份证号码应为18位，现为16位")
	id := validID("32070619950315123")
	e.id.SetText("")
	typeInto(e.id, id)
	assertNotShows(t, u, "身份证号码应为18位")
	assertShows(t, u, "1995年3月15日", "男")

	typeInto(&e.series.Entry, "工程")
	typeInto(e.specialty, "机械工程")
	if e.verdict.status.Text == statusReady.String() {
		t.Fatal("a person without education or work start must not be 可申报")
	}

	// Education and work start: the year grid appears and the verdict asks
	// for the appraisals with the clause it cites.
	tapButton(t, u, "添加学历")
	row := e.edu.rows[0]
	row.level.SetSelected("本科")
	typeInto(row.school, "江苏海洋大学")
	typeInto(row.grad, "2018-06-30")
	e.degrees.SetSelected([]string{"学士"})
	typeInto(e.workStart, "2018-07-01")
	if got := e.years.years; len(got) != 8 || got[0] != 2018 || got[7] != 2025 {
		t.Fatalf("year grid = %v, want 2018…2025", got)
	}
	assertShows(t, u, "【二(三)】")
	if e.verdict.status.Text != statusIncomplete.String() {
		t.Errorf("status before appraisals = %q, want 待完善", e.verdict.status.Text)
	}

	for y := 2018; y <= 2024; y++ {
		e.years.sel[y].SetSelected("合格")
		test.Tap(e.years.ce[y])
	}
	if e.verdict.status.Text != statusReady.String() {
		t.Fatalf("status after appraisals = %q, want 可申报; shown:\n%s", e.verdict.status.Text, allText(t, u))
	}
	assertShows(t, u, "可初定助理级：助理工程师")

	// Ctrl+S stores the person and the table gains a row.
	pressShortcut(t, u, fyne.KeyS)
	assertShows(t, u, "已保存")
	stored, err := u.st.People(u.batch.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(stored) != 6 || stored[5].Name != "赵一鸣" || stored[5].IDNumber != id {
		t.Fatalf("stored people = %d, last %+v", len(stored), stored[len(stored)-1].Name)
	}
	if stored[5].Appraisals[2020] != "合格" || !stored[5].ContinuingEd[2024] {
		t.Errorf("year grid not stored: %v %v", stored[5].Appraisals, stored[5].ContinuingEd)
	}
	r := u.rowByID(id)
	if r == nil || r.status != statusReady {
		t.Fatalf("row of the new person = %+v", r)
	}
}

func TestEditorFailedSaveKeepsTypingAndSaysWhy(t *testing.T) {
	u := newSampleUI(t)
	u.shell.show(screenEditor)
	e := u.editor
	existing := u.view.all[0].p
	typeInto(e.name, "重复录入")
	typeInto(e.id, existing.IDNumber)
	typeInto(e.specialty, "电气工程")

	tapButton(t, u, "保存（Ctrl+S）")

	assertShows(t, u, "保存失败", "已在本批次中", "已填写的内容仍保留在窗口中")
	if e.name.Text != "重复录入" || e.specialty.Text != "电气工程" || !e.dirty {
		t.Errorf("typed values lost after a failed save: %q %q dirty=%v", e.name.Text, e.specialty.Text, e.dirty)
	}
	if len(u.view.all) != 5 {
		t.Errorf("people = %d after a refused save, want 5", len(u.view.all))
	}
}

func TestEditorRefusesToSaveWithoutValidID(t *testing.T) {
	u := newSampleUI(t)
	u.shell.show(screenEditor)
	typeInto(u.editor.name, "无号码")
	typeInto(u.editor.workStart, "2023年13月1日")
	pressShortcut(t, u, fyne.KeyS)
	assertShows(t, u, "暂时无法保存", "身份证号码：身份证号码不能为空", "参加工作时间：日期“2023年13月1日”")
	if n, _ := u.st.People(u.batch.ID); len(n) != 5 {
		t.Errorf("a person without an ID number was stored")
	}
}

func TestEditorEditExistingPersonUpdatesOnlyThatRow(t *testing.T) {
	u := newSampleUI(t)
	u.shell.show(screenPeople)
	target := u.view.shown[0]
	other := u.view.shown[1]
	u.people.table.Select(widgetCell(0))
	tapButton(t, u, "编辑")
	e := u.editor
	if e.oldID != target.p.IDNumber || e.name.Text != target.p.Name {
		t.Fatalf("editor shows %q, want %q", e.name.Text, target.p.Name)
	}
	// The birth date comes from the ID number, the ID is shown in full here.
	res, _ := model.ParseID(target.p.IDNumber)
	assertShows(t, u, res.Birth.Chinese())
	if e.id.Text != target.p.IDNumber {
		t.Errorf("editor must show the full ID number, shows %q", e.id.Text)
	}

	e.relation.SetSelected(model.RelationDispatch)
	assertShows(t, u, "【") // materials for 劳务派遣 appear in the list
	tapButton(t, u, "保存（Ctrl+S）")

	after := u.rowByID(target.p.IDNumber)
	if after == target || after.p.Relation != model.RelationDispatch {
		t.Fatal("the edited row was not re-evaluated")
	}
	if u.rowByID(other.p.IDNumber) != other {
		t.Error("another person's row was rebuilt; only the edited person should be")
	}
	if !strings.Contains(fmt.Sprint(after.res.Materials), "DISPATCH_PROOF") {
		t.Errorf("materials after switching to 劳务派遣 = %v", after.res.Materials)
	}
}

func TestEditorLeavingWithUnsavedChangesAsks(t *testing.T) {
	u := newSampleUI(t)
	u.shell.show(screenEditor)
	typeInto(u.editor.name, "未保存的人")
	u.shell.show(screenPeople)
	if u.shell.current != screenEditor {
		t.Fatal("left the editor without asking about unsaved changes")
	}
	assertShows(t, u, "尚未保存")
	tapButton(t, u, "继续编辑")
	if u.editor.name.Text != "未保存的人" {
		t.Error("continuing to edit lost the text")
	}
	u.shell.show(screenPeople)
	tapButton(t, u, "放弃修改")
	if u.shell.current != screenPeople {
		t.Error("放弃修改 did not leave the editor")
	}
}

func TestEditorKeepsOpinionWrittenElsewhere(t *testing.T) {
	u := newSampleUI(t)
	target := u.view.all[1]
	u.shell.show(screenPeople)
	u.people.table.Select(widgetCell(indexOf(u, target.p.IDNumber)))
	tapButton(t, u, "编辑")

	// The opinion is changed on its own screen while the editor holds the person…
	u.shell.show(screenOpinion)
	u.opinion.open(target.p.IDNumber)
	typeInto(u.opinion.text, "新写的鉴定意见")
	pressShortcut(t, u, fyne.KeyS)

	// …and a later save in the editor must not bring the old opinion back.
	u.shell.show(screenEditor)
	typeInto(u.editor.post, "技术部")
	pressShortcut(t, u, fyne.KeyS)
	p, _ := u.st.Person(u.batch.ID, target.p.IDNumber)
	if !strings.HasSuffix(p.Opinion, "新写的鉴定意见") || p.Post != "技术部" {
		t.Errorf("after both saves: opinion %q, post %q", p.Opinion, p.Post)
	}
}

func TestCtrlNAsksBeforeDroppingUnsavedPerson(t *testing.T) {
	u := newSampleUI(t)
	pressShortcut(t, u, fyne.KeyN)
	if u.shell.current != screenEditor {
		t.Fatal("Ctrl+N did not open the editor")
	}
	typeInto(u.editor.name, "写了一半")
	pressShortcut(t, u, fyne.KeyN)
	assertShows(t, u, "尚未保存")
	tapButton(t, u, "继续编辑")
	if u.editor.name.Text != "写了一半" {
		t.Error("Ctrl+N dropped the unsaved person")
	}
}

func TestEditorRefusesAScanWhoseContentDoesNotMatch(t *testing.T) {
	u := newSampleUI(t)
	u.shell.show(screenPeople)
	u.people.table.Select(widgetCell(0))
	tapButton(t, u, "编辑")
	// PDF content under a .png name: the store checks the content.
	u.picker().open = writeTemp(t, "合同.png", []byte("%PDF-1.4\n%%EOF\n"))
	tapButton(t, u, "添加扫描件…")
	assertShows(t, u, "无法添加扫描件", "扩展名")
	if len(u.editor.p.Attachments) != 0 || u.editor.dirty {
		t.Error("a refused scan was attached")
	}
}

func TestEditorJumpBarScrollsToSection(t *testing.T) {
	u := newSampleUI(t)
	u.shell.show(screenEditor)
	var scroll *container.Scroll
	for _, o := range visible(t, u) {
		if s, ok := o.(*container.Scroll); ok && scroll == nil {
			scroll = s
		}
	}
	tapButton(t, u, "材料与附件")
	if scroll == nil || scroll.Offset.Y <= 0 {
		t.Fatal("jumping to 材料与附件 did not scroll the form")
	}
	tapButton(t, u, "基本信息")
	if scroll.Offset.Y != 0 {
		t.Errorf("back to 基本信息: offset %v", scroll.Offset.Y)
	}
}

func TestEditorOpensEachPersonAtTheTop(t *testing.T) {
	u := newSampleUI(t)
	u.shell.show(screenEditor)
	tapButton(t, u, "材料与附件")
	if u.editor.scroll.Offset.Y == 0 {
		t.Fatal("form did not scroll")
	}
	u.editor.edit(u.view.all[0].p, false)
	if u.editor.scroll.Offset.Y != 0 {
		t.Error("the next person opened scrolled down")
	}
}
