package ui

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"chuding/model"
	"chuding/model/opinion"
	"chuding/model/rules"
)

// opinionScreen is 鉴定意见: the opinion of one person written beside their
// facts, checked live against 五(二); it cannot be marked done while the
// checker finds problems.
type opinionScreen struct {
	u *UI

	filter *widget.Entry
	list   *widget.List
	listed []*row

	current *row
	text    *widget.Entry
	dirty   bool
	loading bool

	title    *widget.Label
	state    *chip
	dims     *fyne.Container
	length   *widget.Label
	problems *widget.Label
	facts    *widget.Label
	draftBtn *widget.Button
	saveBtn  *widget.Button
	doneBtn  *widget.Button
	report   opinion.Report

	root fyne.CanvasObject
}

func newOpinionScreen(u *UI) *opinionScreen {
	s := &opinionScreen{u: u}
	s.build()
	return s
}

func (s *opinionScreen) content() fyne.CanvasObject { return s.root }

func (s *opinionScreen) build() {
	s.filter = newEntry("按姓名筛选")
	s.filter.OnChanged = func(string) { s.refreshList() }
	s.list = widget.NewList(func() int { return len(s.listed) },
		func() fyne.CanvasObject {
			return container.NewBorder(nil, nil, nil, newChip("", toneNeutral), widget.NewLabel(""))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			c := o.(*fyne.Container)
			r := s.listed[i]
			c.Objects[0].(*widget.Label).SetText(r.p.Name)
			c.Objects[1].(*chip).set(r.opinion.String(), r.opinion.tone())
		})
	s.list.OnSelected = func(i widget.ListItemID) {
		if i < len(s.listed) && (s.current == nil || s.listed[i].p.IDNumber != s.current.p.IDNumber) {
			s.open(s.listed[i].p.IDNumber)
		}
	}
	left := container.NewBorder(s.filter, nil, nil, nil, s.list)

	s.title = widget.NewLabelWithStyle("请在左侧选择人员", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.state = newChip("", toneNeutral)
	s.state.Hide()
	s.text = widget.NewMultiLineEntry()
	s.text.Wrapping = fyne.TextWrapWord
	s.text.SetPlaceHolder("在这里写鉴定意见，或按“生成草稿”从申报人的资料起草，再把【请填写：…】处换成具体内容。")
	s.text.OnChanged = func(string) {
		if s.loading || s.current == nil {
			return
		}
		s.dirty = true
		s.check()
	}
	s.draftBtn = widget.NewButtonWithIcon("生成草稿", theme.DocumentCreateIcon(), s.draft)
	s.saveBtn = widget.NewButtonWithIcon("保存（Ctrl+S）", theme.DocumentSaveIcon(), s.save)
	s.doneBtn = widget.NewButtonWithIcon("标记为完成", theme.ConfirmIcon(), s.markDone)
	s.doneBtn.Importance = widget.HighImportance

	s.dims = container.NewHBox()
	s.length = widget.NewLabel("")
	s.problems = wrapLabel("")
	s.problems.Importance = widget.DangerImportance
	checker := container.NewVBox(
		container.NewHBox(bold("已涉及的方面"), s.dims),
		s.length,
		s.problems,
	)
	top := container.NewBorder(nil, nil, container.NewHBox(s.title, s.state), container.NewHBox(s.draftBtn, s.saveBtn, s.doneBtn))
	// The checker gets a pane of its own under the text, so its findings
	// stay readable however long the opinion grows.
	body := container.NewVSplit(s.text, container.NewVScroll(container.NewPadded(checker)))
	body.Offset = 0.6
	editor := container.NewBorder(top, nil, nil, nil, body)

	s.facts = wrapLabel("")
	factsPane := container.NewBorder(bold("申报人情况"), nil, nil, nil, container.NewVScroll(s.facts))

	inner := container.NewHSplit(editor, container.NewPadded(factsPane))
	inner.Offset = 0.64
	outer := container.NewHSplit(container.NewPadded(left), inner)
	outer.Offset = 0.18
	s.root = outer
	s.setEnabled(false)
}

// refresh reloads the people list (on show and after other screens changed people).
func (s *opinionScreen) refresh() {
	s.refreshList()
	if s.current != nil {
		if r := s.u.rowByID(s.current.p.IDNumber); r != nil {
			if !s.dirty {
				s.open(r.p.IDNumber)
			} else {
				s.current = r
			}
			return
		}
		s.current = nil
		s.show(nil)
	}
	if s.current == nil && len(s.listed) > 0 {
		s.open(s.listed[0].p.IDNumber)
	}
}

func (s *opinionScreen) refreshList() {
	q := strings.ToLower(trimmed(s.filter.Text))
	s.listed = s.listed[:0]
	for _, r := range s.u.view.all {
		if q == "" || strings.Contains(strings.ToLower(r.p.Name), q) {
			s.listed = append(s.listed, r)
		}
	}
	s.list.Refresh()
}

// open shows person id's opinion; unsaved text of the previous person is
// saved first so nothing typed is lost.
func (s *opinionScreen) open(id string) {
	if s.dirty && s.current != nil && s.current.p.IDNumber != id {
		s.save()
		if s.dirty {
			return // the save failed and said why; stay on this person
		}
	}
	r := s.u.rowByID(id)
	s.current = r
	s.dirty = false
	s.show(r)
	for i, x := range s.listed {
		if x.p.IDNumber == id {
			s.list.Select(i)
		}
	}
}

func (s *opinionScreen) show(r *row) {
	s.loading = true
	defer func() { s.loading = false }()
	if r == nil {
		s.title.SetText("请在左侧选择人员")
		s.text.SetText("")
		s.facts.SetText("")
		s.state.Hide()
		s.setEnabled(false)
		return
	}
	s.setEnabled(true)
	s.title.SetText(r.p.Name + " 的鉴定意见")
	s.text.SetText(r.p.Opinion)
	s.facts.SetText(personFacts(&r.p, r.res, s.u.batch.Publicity))
	s.check()
}

func (s *opinionScreen) setEnabled(on bool) {
	for _, w := range []fyne.Disableable{s.text, s.draftBtn, s.saveBtn} {
		if on {
			w.Enable()
		} else {
			w.Disable()
		}
	}
	if !on {
		s.doneBtn.Disable()
	}
}

// check runs the checker on the text as typed and shows its findings.
func (s *opinionScreen) check() {
	r := s.current
	s.report = opinion.Check(s.text.Text, &r.p, &r.res, s.u.policy())
	rep := s.report
	dims := opinion.Dimensions()
	objs := make([]fyne.CanvasObject, len(dims))
	for i, d := range dims {
		t := toneNeutral
		if slices.Contains(rep.Covered, d) {
			t = toneGood
		}
		objs[i] = newChip(d, t)
	}
	s.dims.Objects = objs
	s.dims.Refresh()
	s.length.SetText(fmt.Sprintf("汉字数：%d（至少%d）", rep.Length, minHan(s.u.policy())))
	lines := make([]string, len(rep.Problems))
	for i, p := range rep.Problems {
		lines[i] = "·" + p.Message
	}
	s.problems.SetText(strings.Join(lines, "\n"))

	done := r.p.OpinionDone && !s.dirty
	switch {
	case strings.TrimSpace(s.text.Text) == "":
		s.state.set("未填写", toneNeutral)
	case !rep.OK:
		s.state.set("未通过检查", toneBad)
	case done:
		s.state.set("已完成", toneGood)
	default:
		s.state.set("通过检查，待确认", toneWarn)
	}
	s.state.Show()
	if rep.OK && !done {
		s.doneBtn.Enable()
	} else {
		s.doneBtn.Disable()
	}
}

func minHan(pol *model.Policy) int {
	if pol.OpinionMinHan > 0 {
		return pol.OpinionMinHan
	}
	return opinion.DefaultMinHan
}

// draft fills the editor with a draft from the person's data; existing text
// is replaced only after confirmation.
func (s *opinionScreen) draft() {
	if s.current == nil {
		return
	}
	r := s.current
	pub := s.u.batch.Publicity
	var pp *model.Publicity
	if !pub.Start.IsZero() {
		pp = &pub
	}
	text := opinion.Draft(&r.p, &r.res, pp)
	apply := func() {
		s.text.SetText(text)
		s.dirty = true
		s.check()
	}
	if strings.TrimSpace(s.text.Text) == "" {
		apply()
		return
	}
	s.u.confirm("生成草稿", "用草稿替换已写的鉴定意见吗？已写的内容将被覆盖。", "替换", apply)
}

// save stores the text; changing the text withdraws 已完成.
func (s *opinionScreen) save() { s.store(false) }

// markDone stores the text as final. The button is disabled while the
// checker finds problems; the check is repeated here all the same.
func (s *opinionScreen) markDone() {
	if s.current == nil {
		return
	}
	s.check()
	if !s.report.OK {
		s.u.showMessage("还不能标记为完成", "鉴定意见还有问题，请按提示修改：\n"+s.problems.Text, theme.WarningIcon())
		return
	}
	s.store(true)
}

func (s *opinionScreen) store(done bool) {
	if s.current == nil {
		return
	}
	p := clonePerson(s.current.p)
	if p.Opinion != s.text.Text {
		p.OpinionDone = false
	}
	p.Opinion = s.text.Text
	if done {
		p.OpinionDone = true
	}
	if err := s.u.savePerson(p.IDNumber, p); err != nil {
		s.u.showError("保存鉴定意见失败", fmt.Errorf("%v。文字仍保留在编辑框中，可稍后再保存", err))
		return
	}
	s.dirty = false
	s.current = s.u.rowByID(p.IDNumber)
	s.refreshList()
	s.check()
}

// leave saves unsaved text when the officer goes to another screen.
func (s *opinionScreen) leave() {
	if s.dirty {
		s.save()
	}
}

// personFacts is the side panel: what the opinion should agree with.
func personFacts(p *model.Person, res model.Result, pub model.Publicity) string {
	var b strings.Builder
	line := func(k, v string) {
		if v != "" {
			fmt.Fprintf(&b, "%s：%s\n", k, v)
		}
	}
	line("姓名", p.Name)
	line("工作单位", p.Unit)
	line("部门及岗位", p.Post)
	line("申报系列", strings.TrimSpace(p.Series+" "+p.Specialty))
	line("审核结论", rules.Summary(res))
	if res.Recognised >= 0 && res.Recognised < len(p.Education) {
		e := p.Education[res.Recognised]
		line("认定学历", fmt.Sprintf("%s（%s，%s，%s毕业）", orDefault(res.RecognisedAs, e.Level), e.School, e.Major, e.Graduated.YearMonth()))
	}
	line("学位", strings.Join(p.Degrees, "、"))
	line("参加工作", p.WorkStart.Chinese())
	line("见习期满", res.TraineeEnd.Chinese())
	line("见习期考察", p.TraineeResult)
	if ys := model.Years(p.Appraisals); len(ys) > 0 {
		parts := make([]string, len(ys))
		for i, y := range ys {
			parts[i] = fmt.Sprintf("%d年%s", y, p.Appraisals[y])
		}
		line("年度考核", strings.Join(parts, "，"))
	}
	var ce []string
	for _, y := range model.Years(p.ContinuingEd) {
		if p.ContinuingEd[y] {
			ce = append(ce, fmt.Sprint(y))
		}
	}
	if len(ce) > 0 {
		line("继续教育合格年度", strings.Join(ce, "、"))
	}
	line("资格证书", p.QualificationCert)
	if !pub.Start.IsZero() {
		line("公示期", pub.Start.Chinese()+"至"+pub.End.Chinese())
	}
	return strings.TrimRight(b.String(), "\n")
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
