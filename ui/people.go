package ui

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// peopleScreen is the 人员 screen: the batch's people in a virtualised table
// with search (Ctrl+F), a status filter, sorting by column, and the actions
// add, edit, delete, import and export.
type peopleScreen struct {
	u        *UI
	search   *widget.Entry
	filter   *widget.Select
	table    *widget.Table
	footer   *widget.Label
	edit     *widget.Button
	del      *widget.Button
	selected *row
	root     fyne.CanvasObject
}

var colWidths = [numCols]float32{130, 210, 150, 90, 130, 120, 130, 110}

func newPeopleScreen(u *UI) *peopleScreen {
	s := &peopleScreen{u: u}
	s.build()
	return s
}

func (s *peopleScreen) content() fyne.CanvasObject { return s.root }

func (s *peopleScreen) build() {
	s.search = newEntry("搜索姓名、身份证号、系列、专业、单位（Ctrl+F）")
	s.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	s.search.OnChanged = func(q string) {
		s.u.view.search(q)
		s.refresh()
		s.table.ScrollToTop() // the matches start at the top
	}
	opts := []string{statusAll.String(), statusReady.String(), statusBlocked.String(), statusIncomplete.String()}
	s.filter = widget.NewSelect(opts, func(v string) {
		for st, name := range statusNames {
			if name == v {
				s.u.view.setFilter(st)
			}
		}
		s.refresh()
		s.table.ScrollToTop()
	})

	add := widget.NewButtonWithIcon("新增", theme.ContentAddIcon(), s.add)
	add.Importance = widget.HighImportance
	s.edit = widget.NewButtonWithIcon("编辑", theme.DocumentCreateIcon(), s.editSelected)
	s.del = widget.NewButtonWithIcon("删除", theme.DeleteIcon(), s.deleteSelected)
	imp := widget.NewButtonWithIcon("导入…", theme.UploadIcon(), s.importFile)
	exp := widget.NewButtonWithIcon("导出Excel…", theme.DownloadIcon(), s.exportExcel)
	tpl := widget.NewButtonWithIcon("下载模板…", theme.FileIcon(), s.saveTemplate)

	s.table = widget.NewTableWithHeaders(s.size, s.createCell, s.updateCell)
	s.table.ShowHeaderColumn = false
	s.table.CreateHeader = func() fyne.CanvasObject {
		b := widget.NewButton("", nil)
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		return b
	}
	s.table.UpdateHeader = s.updateHeader
	for c, w := range colWidths {
		s.table.SetColumnWidth(c, w)
	}
	s.table.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(s.u.view.shown) {
			s.selected = s.u.view.shown[id.Row]
		}
		s.updateButtons()
		s.table.Refresh() // repaint the row highlight
	}
	s.footer = widget.NewLabel("")
	s.filter.Selected = statusAll.String()

	bar := container.NewBorder(nil, nil, nil,
		container.NewHBox(s.filter, add, s.edit, s.del, widget.NewSeparator(), imp, exp, tpl),
		s.search)
	s.root = container.NewBorder(container.NewPadded(bar), s.footer, nil, nil, s.table)
	s.updateButtons()
}

func (s *peopleScreen) size() (int, int) { return len(s.u.view.shown), numCols }

// createCell makes one reusable cell: a text label (whose ID column reveals
// the full number while hovered) and a chip for the status columns.
func (s *peopleScreen) createCell() fyne.CanvasObject {
	l := newHoverLabel()
	l.onPress = func(row int) {
		s.u.win.Canvas().Focus(s.table) // arrow keys move the selection from here
		s.table.Select(widget.TableCellID{Row: row, Col: colName})
	}
	l.onOpen = func(row int) {
		s.table.Select(widget.TableCellID{Row: row, Col: colName})
		s.editSelected()
	}
	c := newChip("", toneNeutral)
	c.Hide()
	// The background marks the selected person's whole row (the table
	// itself highlights one cell).
	bg := canvas.NewRectangle(color.Transparent)
	return container.NewStack(bg, l, container.NewHBox(c))
}

func (s *peopleScreen) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	stack := o.(*fyne.Container)
	bg := stack.Objects[0].(*canvas.Rectangle)
	l := stack.Objects[1].(*hoverLabel)
	c := stack.Objects[2].(*fyne.Container).Objects[0].(*chip)
	if id.Row >= len(s.u.view.shown) {
		return
	}
	r := s.u.view.shown[id.Row]
	fill := color.Color(color.Transparent)
	if r == s.selected && id.Col != colName { // the table highlights the selected cell itself
		fill = s.u.app.Settings().Theme().Color(theme.ColorNameSelection, s.u.app.Settings().ThemeVariant())
	}
	if bg.FillColor != fill {
		bg.FillColor = fill
		bg.Refresh()
	}
	l.row = id.Row
	chipText, chipTone := "", toneNeutral
	text, full := "", ""
	switch id.Col {
	case colName:
		text = r.p.Name
	case colID:
		text, full = r.masked, r.p.IDNumber
	case colSeries:
		text = r.p.Series
	case colEdu:
		text = r.edu
	case colWork:
		text = r.p.WorkStart.String()
	case colStatus:
		chipText, chipTone = r.status.String(), r.status.tone()
	case colOpinion:
		chipText, chipTone = r.opinion.String(), r.opinion.tone()
	case colMaterials:
		text = fmt.Sprintf("%d/%d", r.matHave, r.matNeed)
		if r.matNeed == 0 {
			text = "—"
		}
	}
	l.setTexts(text, full)
	if chipText == "" {
		c.Hide()
	} else {
		c.set(chipText, chipTone)
		c.Show()
	}
}

func (s *peopleScreen) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	b := o.(*widget.Button)
	if id.Col < 0 || id.Col >= numCols {
		b.SetText("")
		return
	}
	t := colTitles[id.Col]
	if s.u.view.sortBy == id.Col {
		if s.u.view.desc {
			t += " ▼"
		} else {
			t += " ▲"
		}
	}
	col := id.Col
	b.OnTapped = func() {
		s.u.view.sortOn(col)
		s.refresh()
	}
	b.SetText(t)
}

// refresh redraws the table after the rows, the query or the filter changed.
func (s *peopleScreen) refresh() {
	if s.selected != nil && s.u.rowByID(s.selected.p.IDNumber) == nil {
		s.selected = nil
	}
	s.table.UnselectAll()
	if s.selected != nil {
		// Keep the selection on the same person if still shown; a person
		// the filter hides cannot be edited or deleted by mistake.
		sel := s.selected
		s.selected = nil
		for i, r := range s.u.view.shown {
			if r.p.IDNumber == sel.p.IDNumber {
				s.table.Select(widget.TableCellID{Row: i, Col: colName})
			}
		}
	}
	s.table.Refresh()
	v := s.u.view
	switch {
	case s.u.loading:
		s.footer.SetText("正在读取人员…")
	case len(v.all) == 0:
		s.footer.SetText("本批次还没有人员。可以按“新增”逐个录入，或按“导入…”从Excel/CSV表格导入。")
	default:
		s.footer.SetText(fmt.Sprintf("显示%d人，共%d人。双击一行编辑；点击列标题排序；身份证号鼠标悬停时显示完整号码。", len(v.shown), len(v.all)))
	}
	s.updateButtons()
}

func (s *peopleScreen) updateButtons() {
	if s.selected == nil {
		s.edit.Disable()
		s.del.Disable()
	} else {
		s.edit.Enable()
		s.del.Enable()
	}
}

func (s *peopleScreen) focusSearch() { s.u.win.Canvas().Focus(s.search) }

// add opens the editor on a blank person (Ctrl+N works from any screen;
// unsaved changes in the editor are asked about first).
func (s *peopleScreen) add() {
	s.u.editor.confirmLeave(func() {
		s.u.shell.switchTo(screenEditor)
		s.u.editor.newPerson()
	})
}

func (s *peopleScreen) editSelected() {
	if s.selected == nil {
		return
	}
	r := s.selected
	s.u.shell.show(screenEditor)
	s.u.editor.edit(r.p, false)
}

// deleteSelected removes the selected person after confirmation.
func (s *peopleScreen) deleteSelected() {
	if s.selected == nil {
		return
	}
	r := s.selected
	s.u.confirm("删除人员", fmt.Sprintf("确定从本批次删除“%s”（%s）吗？其鉴定意见和附件记录也一并删除，删除后不能撤销。", r.p.Name, r.masked), "删除", func() {
		if err := s.u.st.DeletePerson(s.u.batch.ID, r.p.IDNumber); err != nil {
			s.u.showError("删除失败", err)
			return
		}
		s.u.view.remove(r.p.IDNumber)
		s.selected = nil
		s.u.peopleChanged()
	})
}

// hoverLabel is a table cell's label. While the pointer is over it, it can
// show other text (the masked ID number turns into the full one); pressing
// it selects its row at once and a double click opens the person.
type hoverLabel struct {
	widget.Label
	short, full string
	row         int
	onPress     func(row int)
	onOpen      func(row int)
}

func newHoverLabel() *hoverLabel {
	l := &hoverLabel{}
	l.Truncation = fyne.TextTruncateEllipsis
	l.ExtendBaseWidget(l)
	return l
}

func (l *hoverLabel) setTexts(short, full string) {
	l.short, l.full = short, full
	l.SetText(short)
}

// MouseIn reveals the full text.
func (l *hoverLabel) MouseIn(*desktop.MouseEvent) {
	if l.full != "" {
		l.SetText(l.full)
	}
}

// MouseMoved does nothing; needed for desktop.Hoverable.
func (l *hoverLabel) MouseMoved(*desktop.MouseEvent) {}

// MouseOut hides the full text again.
func (l *hoverLabel) MouseOut() { l.SetText(l.short) }

// MouseDown selects the row without waiting to see if a double click follows.
func (l *hoverLabel) MouseDown(*desktop.MouseEvent) {
	if l.onPress != nil {
		l.onPress(l.row)
	}
}

// MouseUp does nothing; needed for desktop.Mouseable.
func (l *hoverLabel) MouseUp(*desktop.MouseEvent) {}

// DoubleTapped opens the row's person in the editor.
func (l *hoverLabel) DoubleTapped(*fyne.PointEvent) {
	if l.onOpen != nil {
		l.onOpen(l.row)
	}
}
