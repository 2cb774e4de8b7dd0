package ui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"chuding/model"
)

// eduList edits the person's education records (二(二)): one block per
// record, added and removed with buttons.
type eduList struct {
	e    *editor
	box  *fyne.Container
	rows []*eduRow
	add  *widget.Button
}

type eduRow struct {
	typ, level                 *widget.Select
	school, major, start, grad *widget.Entry
	years                      *widget.Entry
	fullTime, certified        *widget.Check
	remove                     *widget.Button
	err                        *widget.Label
}

func newEduList(e *editor) *eduList {
	l := &eduList{e: e, box: container.NewVBox()}
	l.add = widget.NewButtonWithIcon("添加学历", theme.ContentAddIcon(), func() {
		e.p.Education = append(e.p.Education, model.Education{Type: model.EduNational, FullTime: true})
		l.rebuild()
		e.changed("学历")
	})
	return l
}

func (l *eduList) content() fyne.CanvasObject {
	return container.NewVBox(l.box, container.NewHBox(l.add))
}

func eduKey(i int) string { return fmt.Sprintf("学历[%d]", i+1) }

// rebuild recreates the blocks from the person's records (after loading,
// adding or removing one).
func (l *eduList) rebuild() {
	for k := range l.e.typed {
		if strings.HasPrefix(k, "学历[") {
			delete(l.e.typed, k)
		}
	}
	l.rows = l.rows[:0]
	objs := make([]fyne.CanvasObject, 0, len(l.e.p.Education))
	for i := range l.e.p.Education {
		r := l.newRow(i)
		l.rows = append(l.rows, r)
		objs = append(objs, l.layoutRow(i, r))
	}
	if len(objs) == 0 {
		hint := widget.NewLabel("尚未填写学历。请按“添加学历”逐条填写，全日制、结业、党校、部队院校、技工院校、培训都可以填，软件按通知二(二)认定。")
		hint.Wrapping = fyne.TextWrapWord
		objs = append(objs, hint)
	}
	l.box.Objects = objs
	l.box.Refresh()
}

func (l *eduList) newRow(i int) *eduRow {
	e := l.e
	rec := &e.p.Education[i]
	key := eduKey(i)
	r := &eduRow{err: newErrLabel()}
	loading := e.loading
	e.loading = true
	defer func() { e.loading = loading }()

	r.level = widget.NewSelect(levelsFor(rec.Type), func(s string) {
		if !e.loading {
			e.p.Education[i].Level = s
			e.changed(key)
		}
	})
	r.level.PlaceHolder = "请选择"
	r.typ = widget.NewSelect(model.EducationTypes, func(s string) {
		if e.loading {
			return
		}
		e.p.Education[i].Type = s
		r.level.SetOptions(levelsFor(s))
		showCertified(r.certified, s)
		e.changed(key)
	})
	r.typ.SetSelected(rec.Type)
	if rec.Level != "" {
		r.level.SetSelected(rec.Level)
	}
	r.school = l.entry(key, "毕业院校", rec.School, func(s string) { e.p.Education[i].School = trimmed(s) })
	r.major = l.entry(key, "所学专业", rec.Major, func(s string) { e.p.Education[i].Major = trimmed(s) })
	r.start = l.date(key+".入学时间", rec.Start, func(d model.Date) { e.p.Education[i].Start = d })
	r.grad = l.date(key+".毕业时间", rec.Graduated, func(d model.Date) { e.p.Education[i].Graduated = d })
	r.years = newEntry("如 4")
	if rec.Years > 0 {
		r.years.SetText(strconv.FormatFloat(rec.Years, 'f', -1, 64))
	}
	yk := key + ".学制"
	e.text(r.years, yk, func(s string) {
		s = trimmed(s)
		if s == "" {
			delete(e.typed, yk)
			e.p.Education[i].Years = 0
			return
		}
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			e.typed[yk] = "学制“" + s + "”不是数字，请填写年数，如 4 或 2.5"
			return
		}
		delete(e.typed, yk)
		e.p.Education[i].Years = v
	})
	r.fullTime = widget.NewCheck("全日制", func(b bool) {
		if !e.loading {
			e.p.Education[i].FullTime = b
			e.changed(key)
		}
	})
	r.fullTime.SetChecked(rec.FullTime)
	r.certified = widget.NewCheck("已认定（部队院校经教育行政部门认定／中央或省级党校两年以上长期班）", func(b bool) {
		if !e.loading {
			e.p.Education[i].Certified = b
			e.changed(key)
		}
	})
	r.certified.SetChecked(rec.Certified)
	showCertified(r.certified, rec.Type)
	r.remove = widget.NewButtonWithIcon("删除此条", theme.DeleteIcon(), func() {
		e.p.Education = append(e.p.Education[:i:i], e.p.Education[i+1:]...)
		l.rebuild()
		e.changed("学历")
	})
	r.remove.Importance = widget.LowImportance
	return r
}

func (l *eduList) entry(key, placeholder, value string, set func(string)) *widget.Entry {
	en := newEntry(placeholder)
	en.SetText(value)
	l.e.text(en, key, set)
	return en
}

func (l *eduList) date(key string, value model.Date, set func(model.Date)) *widget.Entry {
	en := newDateEntry("")
	en.SetText(value.String())
	l.e.dateText(en, key, set)
	return en
}

func (l *eduList) layoutRow(i int, r *eduRow) fyne.CanvasObject {
	head := container.NewBorder(nil, nil,
		widget.NewLabelWithStyle(fmt.Sprintf("学历 %d", i+1), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		r.remove)
	left := container.New(layout.NewFormLayout(),
		widget.NewLabel("类型"), r.typ,
		widget.NewLabel("院校"), r.school,
		widget.NewLabel("入学时间"), r.start,
		widget.NewLabel("学制（年）"), r.years)
	right := container.New(layout.NewFormLayout(),
		widget.NewLabel("层次"), r.level,
		widget.NewLabel("专业"), r.major,
		widget.NewLabel("毕业时间"), r.grad,
		widget.NewLabel(""), r.fullTime)
	return container.NewVBox(head, container.NewGridWithColumns(2, left, right), r.certified, r.err, widget.NewSeparator())
}

// showErrors puts every message about record i under its block.
func (l *eduList) showErrors(byField map[string]string) {
	for i, r := range l.rows {
		prefix := eduKey(i) + "."
		var msgs []string
		for _, k := range sortedKeys(byField) {
			if strings.HasPrefix(k, prefix) {
				if m := l.e.visible(k, byField[k]); m != "" {
					msgs = append(msgs, strings.TrimPrefix(k, prefix)+"："+m)
				}
			}
		}
		setErrLabel(r.err, strings.Join(msgs, "\n"))
	}
}

func levelsFor(typ string) []string {
	if typ == model.EduTechnical {
		return model.TechnicalClasses
	}
	return model.EducationLevels
}

// showCertified offers the 认定 tick only where the notice (二(二)1) asks for it.
func showCertified(c *widget.Check, typ string) {
	if typ == model.EduMilitary || typ == model.EduParty {
		c.Show()
	} else {
		c.Hide()
	}
}
