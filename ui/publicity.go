package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"chuding/model"
	"chuding/model/calendar"
	"chuding/model/publicity"
	"chuding/pdfgen"
)

// publicityScreen is 公示 (五(三)): choose the people, pick a start date and
// see the end date and the earliest signing date counted in working days
// with holidays; save the notice as PDF; afterwards record the result and
// print the 公示情况说明.
type publicityScreen struct {
	u *UI

	list     *widget.List
	rows     []*row
	chosen   map[string]bool
	count    *widget.Label
	start    *widget.Entry
	startErr *widget.Label
	plan     publicity.PlanResult
	planText *widget.Label
	warnings *widget.Label
	perUnit  *widget.Check
	contact  *widget.Entry
	phone    *widget.Entry
	place    *widget.Entry
	outcome  *widget.RadioGroup
	objects  *widget.Entry
	handled  *widget.Entry
	preview  *pdfPreview
	planNote *widget.Label // says the period was recorded
	resNote  *widget.Label // says the result was recorded

	root fyne.CanvasObject
}

const (
	outcomeNone = "无异议"
	outcomeSome = "有异议"
)

func newPublicityScreen(u *UI) *publicityScreen {
	s := &publicityScreen{u: u, chosen: map[string]bool{}}
	s.build()
	return s
}

func (s *publicityScreen) content() fyne.CanvasObject { return s.root }

func (s *publicityScreen) build() {
	s.list = widget.NewList(func() int { return len(s.rows) },
		func() fyne.CanvasObject {
			return container.NewBorder(nil, nil, nil, newChip("", toneNeutral), widget.NewCheck("", nil))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			c := o.(*fyne.Container)
			r := s.rows[i]
			ch := c.Objects[0].(*widget.Check)
			ch.OnChanged = nil
			ch.SetText(r.p.Name + "  " + r.res.Title)
			ch.SetChecked(s.chosen[r.p.IDNumber])
			id := r.p.IDNumber
			ch.OnChanged = func(b bool) { s.choose(id, b) }
			c.Objects[1].(*chip).set(r.status.String(), r.status.tone())
		})
	s.count = widget.NewLabel("")
	all := widget.NewButton("选中全部可申报人员", func() { s.selectEligible() })
	none := widget.NewButton("全不选", func() {
		clear(s.chosen)
		s.list.Refresh()
		s.updateCount()
	})
	left := container.NewBorder(container.NewVBox(bold("公示人员"), s.count, container.NewHBox(all, none)), nil, nil, nil, s.list)

	s.start = newDateEntry("如 2025-06-03")
	s.startErr = newErrLabel()
	s.start.OnChanged = func(string) { s.compute() }
	s.planText = wrapLabel("")
	s.planText.TextStyle.Bold = true
	s.warnings = wrapLabel("")
	s.warnings.Importance = widget.WarningImportance
	s.perUnit = widget.NewCheck("按用人单位分别出具公示（人事代理机构）", nil)
	s.contact = newEntry("受理异议的经办人")
	s.phone = newEntry("经办人电话")
	s.place = newEntry("本单位公示栏")
	s.planNote = successLabel()
	s.resNote = successLabel()
	savePlan := widget.NewButtonWithIcon("记录公示期", theme.DocumentSaveIcon(), s.savePlan)
	prev := widget.NewButtonWithIcon("预览公示", theme.VisibilityIcon(), func() { s.previewNotice() })
	savePDF := widget.NewButtonWithIcon("保存公示PDF…", theme.DocumentPrintIcon(), s.saveNotice)
	savePDF.Importance = widget.HighImportance
	period := widget.NewCard("公示期", "不少于规定的工作日数，节假日不计（通知五(三)）", container.NewVBox(
		container.New(layout.NewFormLayout(), widget.NewLabel("公示开始日期"), container.NewVBox(s.start, s.startErr)),
		s.planText, s.warnings,
		container.New(layout.NewFormLayout(),
			widget.NewLabel("经办人"), s.contact,
			widget.NewLabel("电话"), s.phone,
			widget.NewLabel("公示地点"), s.place),
		s.perUnit,
		container.NewHBox(savePlan, prev, savePDF), s.planNote))

	s.outcome = widget.NewRadioGroup([]string{outcomeNone, outcomeSome}, func(string) { s.showOutcome() })
	s.outcome.Horizontal = true
	s.objects = widget.NewMultiLineEntry()
	s.objects.SetPlaceHolder("反映的问题（实名书面反映的内容）")
	s.objects.SetMinRowsVisible(2)
	s.handled = widget.NewMultiLineEntry()
	s.handled.SetPlaceHolder("处理情况")
	s.handled.SetMinRowsVisible(2)
	saveResult := widget.NewButtonWithIcon("记录结果", theme.DocumentSaveIcon(), s.saveResult)
	saveNote := widget.NewButtonWithIcon("保存公示情况说明PDF…", theme.DocumentPrintIcon(), s.saveNote)
	result := widget.NewCard("公示结果", "公示期满后填写，再打印公示情况说明由单位盖章", container.NewVBox(
		s.outcome, s.objects, s.handled, container.NewHBox(saveResult, saveNote), s.resNote))

	s.preview = newPDFPreview(s.u, 380)
	right := container.NewVScroll(container.NewVBox(period, result))
	split := container.NewHSplit(container.NewPadded(left), container.NewHSplit(right, s.preview.content()))
	split.Offset = 0.24
	s.root = split
}

// refresh shows the batch's people and the recorded publicity.
func (s *publicityScreen) refresh() {
	s.rows = append(s.rows[:0], s.u.view.all...)
	known := map[string]bool{}
	for _, r := range s.rows {
		known[r.p.IDNumber] = true
	}
	for id := range s.chosen {
		if !known[id] {
			delete(s.chosen, id)
		}
	}
	if len(s.chosen) == 0 {
		s.selectEligible()
	}
	s.list.Refresh()
	pub := s.u.batch.Publicity
	if s.contact.Text == "" {
		s.contact.SetText(s.u.unit.Contact)
		s.phone.SetText(s.u.unit.Phone)
	}
	if !pub.Start.IsZero() {
		s.start.SetText(pub.Start.String())
	} else if s.start.Text == "" {
		s.start.SetText(s.u.calendar().FirstWorkdayFrom(defaultStart(s.u.policy(), s.u.today())).String())
	}
	switch pub.Result {
	case "":
		s.outcome.SetSelected("")
	case outcomeNone:
		s.outcome.SetSelected(outcomeNone)
	default:
		s.outcome.SetSelected(outcomeSome)
		s.objects.SetText(pub.Result)
		s.handled.SetText(pub.Handled)
	}
	s.showOutcome()
	s.compute()
}

func (s *publicityScreen) selectEligible() {
	clear(s.chosen)
	for _, r := range s.rows {
		if r.res.Eligible {
			s.chosen[r.p.IDNumber] = true
		}
	}
	s.list.Refresh()
	s.updateCount()
}

func (s *publicityScreen) choose(id string, on bool) {
	if on {
		s.chosen[id] = true
	} else {
		delete(s.chosen, id)
	}
	s.updateCount()
}

func (s *publicityScreen) updateCount() {
	n, bad := 0, 0
	for _, r := range s.rows {
		if s.chosen[r.p.IDNumber] {
			n++
			if !r.res.Eligible {
				bad++
			}
		}
	}
	t := fmt.Sprintf("已选%d人", n)
	if bad > 0 {
		t += fmt.Sprintf("（其中%d人不可申报，将按“%s”列出）", bad, publicity.Pending)
	}
	s.count.SetText(t)
}

// compute counts the period from the typed start date.
func (s *publicityScreen) compute() {
	d, err := model.ParseDate(s.start.Text)
	if err != nil || d.IsZero() {
		msg := "请填写公示开始日期"
		if err != nil {
			msg = err.Error()
		}
		setErrLabel(s.startErr, msg)
		s.plan = publicity.PlanResult{}
		s.planText.SetText("")
		s.warnings.SetText("")
		return
	}
	setErrLabel(s.startErr, "")
	s.plan = publicity.Plan(s.u.calendar(), d, s.u.policy())
	s.planText.SetText(planText(s.plan, s.u.calendar()))
	var w []string
	for _, f := range s.plan.Warnings {
		w = append(w, "【"+f.Clause+"】"+f.Message)
	}
	s.warnings.SetText(strings.Join(w, "\n"))
	if len(w) == 0 {
		s.warnings.Hide()
	} else {
		s.warnings.Show()
	}
}

func planText(p publicity.PlanResult, cal *calendar.Calendar) string {
	if p.End.IsZero() {
		return ""
	}
	days := make([]string, len(p.Days))
	for i, d := range p.Days {
		days[i] = fmt.Sprintf("%d月%d日%s", d.Month, d.Day, calendar.WeekdayName(d))
	}
	t := fmt.Sprintf("公示期：%s\n期满后最早签字盖章日期：%s\n公示的工作日：%s",
		p.Period(), cal.Day(p.SignFrom).Describe(), strings.Join(days, "、"))
	if h := skippedHolidays(p, cal); h != "" {
		t += "\n期间不计的节假日：" + h
	}
	if !p.LatestStart.IsZero() {
		t += "\n最晚开始公示日期（保证在申报截止前签字）：" + p.LatestStart.Chinese()
	}
	return t
}

// chosenPeople returns the chosen people and their verdicts in batch order.
func (s *publicityScreen) chosenPeople() ([]model.Person, []model.Result) {
	var ps []model.Person
	var rs []model.Result
	for _, r := range s.u.view.all {
		if s.chosen[r.p.IDNumber] {
			ps = append(ps, r.p)
			rs = append(rs, r.res)
		}
	}
	return ps, rs
}

// notices builds the notice (or one per employer) from the form.
func (s *publicityScreen) notices() ([]pdfgen.PublicityNotice, error) {
	if s.plan.End.IsZero() {
		return nil, fmt.Errorf("请先填写公示开始日期，算出公示期")
	}
	ps, rs := s.chosenPeople()
	if len(ps) == 0 {
		return nil, fmt.Errorf("请在左侧勾选要公示的人员")
	}
	base := pdfgen.PublicityNotice{
		Unit: s.u.unit.Name, Plan: s.plan, Contact: trimmed(s.contact.Text), Phone: trimmed(s.phone.Text),
		Address: trimmed(s.place.Text), NoticeTitle: s.u.policy().NoticeTitle,
	}
	if base.Unit == "" {
		return nil, fmt.Errorf("请先在“单位与批次”中填写单位名称")
	}
	if !s.perUnit.Checked {
		base.Rows = publicity.Rows(ps, rs, true)
		return []pdfgen.PublicityNotice{base}, nil
	}
	var out []pdfgen.PublicityNotice
	for _, g := range publicity.ByUnit(ps, rs, true) {
		n := base
		if g.Unit != "" {
			n.Unit = g.Unit
		}
		n.Rows = g.Rows
		out = append(out, n)
	}
	return out, nil
}

func (s *publicityScreen) noticePDF() ([]byte, error) {
	ns, err := s.notices()
	if err != nil {
		return nil, err
	}
	fonts, err := s.u.pdfFonts()
	if err != nil {
		return nil, err
	}
	return pdfgen.PublicityNotices(ns, fonts)
}

func (s *publicityScreen) previewNotice() {
	pdf, err := s.noticePDF()
	if err != nil {
		s.u.showError("无法生成公示", err)
		return
	}
	s.preview.show("公示", pdf)
}

func (s *publicityScreen) saveNotice() {
	pdf, err := s.noticePDF()
	if err != nil {
		s.u.showError("无法生成公示", err)
		return
	}
	s.u.savePDF("保存公示", s.u.batch.Name+"公示.pdf", pdf)
}

// savePlan records the period in the batch (the form, the opinion draft
// and the bundle use it).
func (s *publicityScreen) savePlan() {
	if s.plan.End.IsZero() {
		s.u.showError("无法记录公示期", fmt.Errorf("请先填写有效的公示开始日期"))
		return
	}
	b := s.u.batch
	rec := s.plan.Record()
	rec.Result, rec.Handled = b.Publicity.Result, b.Publicity.Handled
	b.Publicity = rec
	if err := s.u.st.SaveBatch(&b); err != nil {
		s.u.showError("记录公示期失败", err)
		return
	}
	s.u.replaceBatch(b)
	setNote(s.planNote, "已记录公示期："+s.plan.Period())
}

func (s *publicityScreen) showOutcome() {
	if s.outcome.Selected == outcomeSome {
		s.objects.Show()
		s.handled.Show()
	} else {
		s.objects.Hide()
		s.handled.Hide()
	}
}

// saveResult records 无异议 or the objections and their handling.
func (s *publicityScreen) saveResult() {
	b := s.u.batch
	if b.Publicity.End.IsZero() {
		s.u.showError("无法记录结果", fmt.Errorf("请先按“记录公示期”记下公示期"))
		return
	}
	switch s.outcome.Selected {
	case outcomeNone:
		b.Publicity.Result, b.Publicity.Handled = outcomeNone, ""
	case outcomeSome:
		if trimmed(s.objects.Text) == "" || trimmed(s.handled.Text) == "" {
			s.u.showError("无法记录结果", fmt.Errorf("有异议时请写明反映的问题和处理情况"))
			return
		}
		b.Publicity.Result, b.Publicity.Handled = trimmed(s.objects.Text), trimmed(s.handled.Text)
	default:
		s.u.showError("无法记录结果", fmt.Errorf("请选择“无异议”或“有异议”"))
		return
	}
	if err := s.u.st.SaveBatch(&b); err != nil {
		s.u.showError("记录公示结果失败", err)
		return
	}
	s.u.replaceBatch(b)
	setNote(s.resNote, "已记录公示结果："+b.Publicity.Result)
}

func (s *publicityScreen) saveNote() {
	ps, rs := s.chosenPeople()
	pub := s.u.batch.Publicity
	o := pdfgen.PublicityOutcome{
		Unit: s.u.unit.Name, Recipient: s.u.policy().Centre.Name, Rows: publicity.Rows(ps, rs, true),
		Plan: s.plan, Place: trimmed(s.place.Text), Objections: pub.Result, Handled: pub.Handled,
		Phone: trimmed(s.phone.Text), NoticeTitle: s.u.policy().NoticeTitle,
	}
	fonts, err := s.u.pdfFonts()
	var pdf []byte
	if err == nil {
		pdf, err = pdfgen.PublicityNote(o, fonts)
	}
	if err != nil {
		s.u.showError("无法生成公示情况说明", err)
		return
	}
	s.u.savePDF("保存公示情况说明", s.u.batch.Name+"公示情况说明.pdf", pdf)
}

// defaultStart proposes today, or the window's first day when looking at a
// batch whose window has already closed.
func defaultStart(pol *model.Policy, today model.Date) model.Date {
	if !pol.WindowStart.IsZero() && !pol.WindowEnd.IsZero() && today.After(pol.WindowEnd) {
		return pol.WindowStart
	}
	return today
}

// skippedHolidays names the holidays inside the period that were not
// counted, e.g. 端午节（5月31日至6月2日）.
func skippedHolidays(p publicity.PlanResult, cal *calendar.Calendar) string {
	var out []string
	name, from, to := "", model.Date{}, model.Date{}
	flush := func() {
		if name != "" {
			span := fmt.Sprintf("%d月%d日", from.Month, from.Day)
			if !to.Equal(from) {
				span += fmt.Sprintf("至%d月%d日", to.Month, to.Day)
			}
			out = append(out, name+"（"+span+"）")
		}
		name = ""
	}
	for d := p.Start; !d.After(p.End); d = d.AddDays(1) {
		h := cal.Day(d).Holiday
		switch {
		case h == "":
			flush()
		case h == name:
			to = d
		default:
			flush()
			name, from, to = h, d, d
		}
	}
	flush()
	return strings.Join(out, "、")
}
