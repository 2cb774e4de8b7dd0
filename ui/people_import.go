package ui

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"chuding/model"
	"chuding/model/atomicfile"
	"chuding/model/sheet"
)

// importPlan is what an import would add: the good people, and one line
// per bad row. Nothing is stored until the officer accepts it.
type importPlan struct {
	file     string
	people   []model.Person
	problems []string
	notes    []string
	total    int
}

// importFile asks for a file and previews it.
func (s *peopleScreen) importFile() {
	s.u.files.openFile("选择要导入的人员表格", []string{".xlsx", ".csv", ".json"}, s.importPath)
}

// importPath reads path in the background and then shows the preview.
func (s *peopleScreen) importPath(path string) {
	existing := make(map[string]bool, len(s.u.view.all))
	for _, r := range s.u.view.all {
		existing[r.p.IDNumber] = true
	}
	today := s.u.today()
	busy := s.u.busy("正在读取 " + filepath.Base(path) + " …")
	s.u.jobs.run(func() {
		plan, err := readImport(path, existing, today)
		fyne.Do(func() {
			busy.Hide()
			if err != nil {
				s.u.showError("无法导入 "+filepath.Base(path), err)
				return
			}
			s.previewImport(plan)
		})
	})
}

// readImport reads a spreadsheet (with its row-level checks) or a people
// file, leaving out people already in the batch or repeated in the file.
func readImport(path string, existing map[string]bool, today model.Date) (*importPlan, error) {
	people, pv, err := sheet.ReadPeopleFile(path, sheet.Existing(existing), sheet.AsOf(today))
	if err != nil {
		return nil, err
	}
	plan := &importPlan{file: filepath.Base(path)}
	if pv != nil {
		plan.people, plan.total, plan.notes = pv.People, pv.Total, pv.Notes
		for _, p := range pv.Problems {
			plan.problems = append(plan.problems, p.String())
		}
		return plan, nil
	}
	// A people file is read whole; check what a spreadsheet import checks
	// per row that the store would otherwise refuse for the whole file.
	plan.total = len(people)
	seen := map[string]int{}
	for i, p := range people {
		id := strings.ToUpper(strings.TrimSpace(p.IDNumber))
		switch _, idErr := model.ParseID(id); {
		case idErr != nil:
			plan.problems = append(plan.problems, fmt.Sprintf("第%d人（%s）：%v", i+1, p.Name, idErr))
		case existing[id]:
			plan.problems = append(plan.problems, fmt.Sprintf("第%d人（%s）：身份证号码 %s 已在本批次中，不再重复导入", i+1, p.Name, model.MaskID(id)))
		case seen[id] > 0:
			plan.problems = append(plan.problems, fmt.Sprintf("第%d人（%s）：身份证号码 %s 与第%d人重复", i+1, p.Name, model.MaskID(id), seen[id]))
		default:
			seen[id] = i + 1
			p.IDNumber = id
			plan.people = append(plan.people, p)
		}
	}
	return plan, nil
}

// previewImport shows every problem row and imports the good rows only when
// the officer accepts.
func (s *peopleScreen) previewImport(plan *importPlan) {
	summary := fmt.Sprintf("“%s”共%d行：%d行可以导入", plan.file, plan.total, len(plan.people))
	if n := len(plan.problems); n > 0 {
		summary += fmt.Sprintf("，%d处问题（所在行不会导入，可在表格中改正后再导入这些行）", n)
	}
	summary += "。"
	lines := append(append([]string{}, plan.problems...), prefixAll("提示：", plan.notes)...)
	list := widget.NewList(func() int { return len(lines) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(lines[i]) })
	var body fyne.CanvasObject = wrapLabel(summary)
	if len(lines) > 0 {
		body = container.NewBorder(wrapLabel(summary), nil, nil, nil, list)
	}
	var d *dialog.CustomDialog
	ok := widget.NewButton(fmt.Sprintf("导入%d名无误人员", len(plan.people)), func() {
		d.Hide()
		s.acceptImport(plan)
	})
	ok.Importance = widget.HighImportance
	if len(plan.people) == 0 {
		ok.Disable()
	}
	d = dialog.NewCustomWithoutButtons("导入预览", body, s.u.win)
	d.SetButtons([]fyne.CanvasObject{widget.NewButton("取消", func() { d.Hide() }), ok})
	size := s.u.win.Canvas().Size()
	d.Resize(fyne.NewSize(size.Width*0.8, size.Height*0.7))
	d.Show()
}

func prefixAll(p string, ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = p + s
	}
	return out
}

// acceptImport stores the good rows in one transaction and evaluates them.
func (s *peopleScreen) acceptImport(plan *importPlan) {
	u := s.u
	batchID, pol, today := u.batch.ID, u.batch.Policy, u.today()
	busy := u.busy(fmt.Sprintf("正在导入%d人…", len(plan.people)))
	u.jobs.run(func() {
		err := u.st.ImportPeople(batchID, plan.people)
		var rows []*row
		if err == nil {
			rows = make([]*row, len(plan.people))
			for i, p := range plan.people {
				rows[i] = newRow(p, &pol, today)
			}
		}
		fyne.Do(func() {
			busy.Hide()
			if err != nil {
				u.showError("导入失败，未写入任何人员", err)
				return
			}
			if u.batch.ID == batchID {
				u.view.setRows(append(u.view.all, rows...))
				u.peopleChanged()
			}
			u.showInfo("导入完成", fmt.Sprintf("已从“%s”导入%d人。", plan.file, len(rows)))
		})
	})
}

// busy shows a modal progress note while background work runs.
func (u *UI) busy(msg string) dialog.Dialog {
	bar := widget.NewProgressBarInfinite()
	d := dialog.NewCustomWithoutButtons("请稍候", container.NewVBox(widget.NewLabel(msg), bar), u.win)
	d.Show()
	return d
}

// exportExcel writes the batch with its check results to .xlsx in the
// template's shape, so that a re-import gives the same people.
func (s *peopleScreen) exportExcel() {
	u := s.u
	people := make([]model.Person, len(u.view.all))
	results := make([]model.Result, len(u.view.all))
	for i, r := range u.view.all {
		people[i], results[i] = r.p, r.res
	}
	u.files.saveFile("导出Excel", safeName(u.batch.Name+"人员.xlsx"), []string{".xlsx"}, func(path string) {
		busy := u.busy(fmt.Sprintf("正在导出%d人…", len(people)))
		u.jobs.run(func() {
			err := atomicfile.Write(path, func(w io.Writer) error { return sheet.Export(w, people, results) })
			fyne.Do(func() {
				busy.Hide()
				if err != nil {
					removeIfEmpty(path)
					u.showError("导出Excel失败", err)
					return
				}
				u.showInfo("已导出", fmt.Sprintf("已把%d人导出到 %s", len(people), path))
			})
		})
	})
}

// saveTemplate writes the empty import template with one column per year
// from the policy's years.
func (s *peopleScreen) saveTemplate() {
	u := s.u
	years := sheet.YearsFor(u.policy())
	u.files.saveFile("保存导入模板", "人员导入模板.xlsx", []string{".xlsx"}, func(path string) {
		if err := atomicfile.Write(path, func(w io.Writer) error { return sheet.TemplateYears(w, years) }); err != nil {
			removeIfEmpty(path)
			u.showError("保存模板失败", err)
			return
		}
		u.showInfo("已保存模板", "模板已保存到 "+path+"。按说明页填写后用“导入…”导入。")
	})
}
