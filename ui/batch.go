package ui

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"chuding/model"
	"chuding/model/atomicfile"
	"chuding/model/policy"
)

// batchScreen is 单位与批次: the unit profile, the batch being prepared and
// its policy (the built-in 2025年上半年 policy or an edited copy), with the
// days left in the application window.
type batchScreen struct {
	u *UI

	unitName, unitAddr, unitContact, unitPhone *widget.Entry
	unitKind                                   *widget.Select
	unitFields                                 []*field

	batchSel  *widget.Select
	batchName *widget.Entry
	cutoff    *widget.Entry
	winStart  *widget.Entry
	winEnd    *widget.Entry
	trainee   *widget.Entry
	pubDays   *widget.Entry
	minHan    *widget.Entry
	exam      *widget.Entry
	examSpec  *widget.Entry
	licensed  *widget.Entry
	titles    *widget.Entry
	centre    *widget.Entry
	centreTel *widget.Entry
	days      *widget.Label
	polFields []*field
	unitNote  *widget.Label
	batchNote *widget.Label
	base      model.Policy // the policy the form shows; fields not on the form come from it

	root fyne.CanvasObject
}

func newBatchScreen(u *UI) *batchScreen {
	s := &batchScreen{u: u}
	s.build()
	return s
}

func (s *batchScreen) content() fyne.CanvasObject { return s.root }

func (s *batchScreen) build() {
	s.unitName = newEntry("如 连云港示例机械有限公司")
	s.unitKind = widget.NewSelect(model.UnitKinds, nil)
	s.unitKind.PlaceHolder = "请选择"
	s.unitAddr = newEntry("单位地址")
	s.unitContact = newEntry("负责职称申报的经办人")
	s.unitPhone = newEntry("经办人联系电话")
	for _, e := range []*widget.Entry{s.unitName, s.unitAddr, s.unitContact, s.unitPhone} {
		e.OnSubmitted = func(string) { s.save() }
	}
	s.unitFields = []*field{
		newField("单位名称", "单位名称", s.unitName),
		newField("", "单位类型", s.unitKind),
		newField("", "单位地址", s.unitAddr),
		newField("", "经办人", s.unitContact),
		newField("", "联系电话", s.unitPhone),
	}
	saveUnit := widget.NewButtonWithIcon("保存单位信息", theme.DocumentSaveIcon(), func() { s.saveUnit() })
	s.unitNote = successLabel()
	unitCard := widget.NewCard("单位信息", "公示、申报表和汇总表上使用这些信息",
		container.NewVBox(formGrid(s.unitFields...), container.NewHBox(saveUnit), s.unitNote))

	s.batchSel = widget.NewSelect(nil, s.switchBatch)
	newBtn := widget.NewButtonWithIcon("新建批次…", theme.ContentAddIcon(), s.newBatch)
	delBtn := widget.NewButtonWithIcon("删除批次", theme.DeleteIcon(), s.deleteBatch)
	delBtn.Importance = widget.LowImportance

	s.batchName = newEntry("如 2025年上半年")
	s.cutoff = newDateEntry("如 2025-06-30")
	s.winStart = newDateEntry("如 2025-06-03")
	s.winEnd = newDateEntry("如 2025-06-27")
	s.trainee = newEntry("12")
	s.pubDays = newEntry("5")
	s.minHan = newEntry("150")
	s.exam = newEntry("用顿号分隔")
	s.examSpec = newEntry("用顿号分隔，如 人力资源管理、知识产权、农业经济")
	s.licensed = newEntry("用顿号分隔")
	s.titles = widget.NewMultiLineEntry()
	s.titles.SetPlaceHolder("每行一个系列：员级/助理级/中级，如 工程：技术员/助理工程师/工程师")
	s.titles.SetMinRowsVisible(5)
	s.titles.Wrapping = fyne.TextWrapOff
	s.centre = newEntry("受理地址")
	s.centreTel = newEntry("受理电话")
	s.days = widget.NewLabel("")
	s.days.Importance = widget.HighImportance
	s.polFields = []*field{
		newField("批次名称", "批次名称", s.batchName),
		newField("资历计算截止日期", "资历计算截止（二(一)5）", s.cutoff),
		newField("申报开始日期", "申报开始（六）", s.winStart),
		newField("申报截止日期", "申报截止（六）", s.winEnd),
		newField("见习期（月）", "见习期（月）", s.trainee),
		newField("公示工作日数", "公示工作日数（五(三)）", s.pubDays),
		newField("鉴定意见最少字数", "鉴定意见最少汉字数", s.minHan),
		newField("考试系列", "考试系列（不初定）", s.exam),
		newField("考试专业", "考试专业（属经济系列）", s.examSpec),
		newField("职业准入系列", "职业准入系列（二(五)）", s.licensed),
		newField("职称名称表", "职称名称表（员级/助理级/中级）", s.titles),
		newField("", "受理地址", s.centre),
		newField("", "受理电话", s.centreTel),
	}
	for _, f := range s.polFields {
		if e, ok := f.input.(*widget.Entry); ok {
			e.OnSubmitted = func(string) { s.save() }
		}
	}
	s.batchNote = successLabel()
	saveBatch := widget.NewButtonWithIcon("保存批次与政策", theme.DocumentSaveIcon(), s.saveBatch)
	saveBatch.Importance = widget.HighImportance
	builtin := widget.NewButton("恢复为内置政策", s.resetPolicy)
	imp := widget.NewButton("导入政策文件…", s.importPolicy)
	exp := widget.NewButton("导出政策文件…", s.exportPolicy)
	batchCard := widget.NewCard("申报批次与政策", "通知的条件都来自这里；换了年度只需新建批次并修改日期",
		container.NewVBox(
			container.NewBorder(nil, nil, widget.NewLabel("当前批次"), container.NewHBox(newBtn, delBtn), s.batchSel),
			s.days,
			formGrid(s.polFields...),
			container.NewHBox(saveBatch, builtin, imp, exp), s.batchNote))

	s.root = container.NewVScroll(container.NewPadded(container.NewGridWithColumns(2,
		container.NewVBox(unitCard), batchCard)))
}

// refresh shows the stored unit and the current batch.
func (s *batchScreen) refresh() {
	u := s.u
	s.unitName.SetText(u.unit.Name)
	if u.unit.Kind == "" {
		s.unitKind.ClearSelected()
	} else {
		s.unitKind.SetSelected(u.unit.Kind)
	}
	s.unitAddr.SetText(u.unit.Address)
	s.unitContact.SetText(u.unit.Contact)
	s.unitPhone.SetText(u.unit.Phone)

	names := make([]string, len(u.batches))
	for i, b := range u.batches {
		names[i] = batchLabel(b, u.batches)
	}
	s.batchSel.OnChanged = nil
	s.batchSel.SetOptions(names)
	s.batchSel.SetSelected(batchLabel(u.batch, u.batches))
	s.batchSel.OnChanged = s.switchBatch
	s.showPolicy(u.batch.Name, u.batch.Policy)
}

// batchLabel is the batch's name; the internal ID is added only when two
// batches share a name, so that the officer can still tell them apart.
func batchLabel(b model.Batch, all []model.Batch) string {
	for _, o := range all {
		if o.ID != b.ID && o.Name == b.Name {
			return b.Name + "（" + b.ID + "）"
		}
	}
	return b.Name
}

func (s *batchScreen) showPolicy(name string, p model.Policy) {
	s.base = p
	s.batchName.SetText(name)
	s.cutoff.SetText(p.Cutoff.String())
	s.winStart.SetText(p.WindowStart.String())
	s.winEnd.SetText(p.WindowEnd.String())
	s.trainee.SetText(strconv.Itoa(p.TraineeMonths))
	s.pubDays.SetText(strconv.Itoa(p.PublicityWorkdays))
	s.minHan.SetText(strconv.Itoa(p.OpinionMinHan))
	s.exam.SetText(strings.Join(p.ExamSeries, "、"))
	s.examSpec.SetText(strings.Join(p.ExamSpecialties, "、"))
	s.licensed.SetText(strings.Join(p.LicensedSeries, "、"))
	s.titles.SetText(policy.TitlesText(p.Titles))
	s.centre.SetText(p.Centre.Address)
	s.centreTel.SetText(p.Centre.Phone)
	s.days.SetText(p.Name + "：" + windowText(&p, s.u.today()))
	for _, f := range s.polFields {
		setErrLabel(f.err, "")
	}
}

// save is Ctrl+S on this screen: unit and batch.
func (s *batchScreen) save() {
	if s.saveUnit() {
		s.saveBatch()
	}
}

func (s *batchScreen) saveUnit() bool {
	unit := model.Unit{
		Name:    trimmed(s.unitName.Text),
		Kind:    s.unitKind.Selected,
		Address: trimmed(s.unitAddr.Text),
		Contact: trimmed(s.unitContact.Text),
		Phone:   trimmed(s.unitPhone.Text),
	}
	if unit.Name == "" {
		setErrLabel(s.unitFields[0].err, "请填写单位名称，公示和申报表上要用")
		return false
	}
	setErrLabel(s.unitFields[0].err, "")
	if err := s.u.st.SaveUnit(unit); err != nil {
		s.u.showError("保存单位信息失败", err)
		return false
	}
	s.u.unit = unit
	s.u.shell.refreshHeader()
	setNote(s.unitNote, "已保存单位信息")
	return true
}

// formPolicy reads the policy fields over the current policy; problems are
// returned per field.
func (s *batchScreen) formPolicy() (model.Policy, []model.FieldError) {
	p := policy.Copy(s.base, trimmed(s.batchName.Text))
	var errs []model.FieldError
	date := func(field, text string, dst *model.Date) {
		d, err := model.ParseDate(text)
		if err != nil {
			errs = append(errs, model.FieldError{Field: field, Message: err.Error()})
			return
		}
		*dst = d
	}
	num := func(field, text string, dst *int) {
		n, err := strconv.Atoi(trimmed(text))
		if err != nil {
			errs = append(errs, model.FieldError{Field: field, Message: "请填写整数，如 " + strconv.Itoa(*dst)})
			return
		}
		*dst = n
	}
	date("资历计算截止日期", s.cutoff.Text, &p.Cutoff)
	date("申报开始日期", s.winStart.Text, &p.WindowStart)
	date("申报截止日期", s.winEnd.Text, &p.WindowEnd)
	num("见习期（月）", s.trainee.Text, &p.TraineeMonths)
	num("公示工作日数", s.pubDays.Text, &p.PublicityWorkdays)
	num("鉴定意见最少字数", s.minHan.Text, &p.OpinionMinHan)
	p.ExamSeries = splitList(s.exam.Text)
	p.ExamSpecialties = splitList(s.examSpec.Text)
	p.LicensedSeries = splitList(s.licensed.Text)
	titles, terrs := policy.ParseTitlesText(s.titles.Text)
	p.Titles = titles
	errs = append(errs, terrs...)
	p.Centre.Address = trimmed(s.centre.Text)
	p.Centre.Phone = trimmed(s.centreTel.Text)
	if len(errs) == 0 {
		errs = policy.Validate(p)
	}
	return p, errs
}

// saveBatch validates and stores the batch; every person is re-checked
// under the new policy.
func (s *batchScreen) saveBatch() {
	p, errs := s.formPolicy()
	byField := errorsByField(errs)
	for _, f := range s.polFields {
		if f.key != "" {
			setErrLabel(f.err, byField[f.key])
			delete(byField, f.key)
		}
	}
	if len(errs) > 0 {
		var rest []string
		for _, k := range sortedKeys(byField) {
			rest = append(rest, k+"："+byField[k])
		}
		msg := "政策有误，未保存。请按各栏下方的红字改正。"
		if len(rest) > 0 {
			msg += "\n" + strings.Join(rest, "\n")
		}
		s.u.showMessage("未保存", msg, theme.WarningIcon())
		return
	}
	b := s.u.batch
	b.Name, b.Policy = p.Name, p
	if err := s.u.st.SaveBatch(&b); err != nil {
		s.u.showError("保存批次失败", err)
		return
	}
	s.u.replaceBatch(b)
	s.u.reevaluate()
	s.refresh()
	setNote(s.batchNote, fmt.Sprintf("已保存“%s”，已按新政策重新审核本批次%d人", b.Name, len(s.u.view.all)))
}

func splitList(s string) []string {
	f := strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune("、,，;；\n ", r) })
	if len(f) == 0 {
		return nil
	}
	return f
}

func (s *batchScreen) switchBatch(label string) {
	for _, b := range s.u.batches {
		if batchLabel(b, s.u.batches) == label && b.ID != s.u.batch.ID {
			s.u.openBatch(b)
			s.refresh()
		}
	}
}

// newBatch creates a batch from a copy of the current or the built-in policy.
func (s *batchScreen) newBatch() {
	name := newEntry("如 2026年上半年")
	from := widget.NewRadioGroup([]string{"复制当前批次的政策", "使用内置2025年上半年政策"}, nil)
	from.SetSelected("复制当前批次的政策")
	note := wrapLabel("新批次建好后，请核对并修改资历计算截止日期和申报时间。")
	items := []*widget.FormItem{widget.NewFormItem("批次名称", name), widget.NewFormItem("政策", from), widget.NewFormItem("", note)}
	d := dialog.NewForm("新建批次", "新建", "取消", items, func(ok bool) {
		if !ok {
			return
		}
		base := s.u.batch.Policy
		if from.Selected != "复制当前批次的政策" {
			base = policy.Builtin2025H1()
		}
		b := model.Batch{Name: trimmed(name.Text), Policy: policy.Copy(base, trimmed(name.Text))}
		if err := s.u.st.SaveBatch(&b); err != nil {
			s.u.showError("新建批次失败", err)
			return
		}
		s.u.batches = append(s.u.batches, b)
		s.u.openBatch(b)
		s.refresh()
	}, s.u.win)
	d.Resize(fyne.NewSize(480, 0))
	d.Show()
}

func (s *batchScreen) deleteBatch() {
	u := s.u
	if len(u.batches) <= 1 {
		u.showInfo("不能删除", "这是唯一的批次。请先新建另一个批次，再删除这个。")
		return
	}
	b := u.batch
	u.confirm("删除批次", fmt.Sprintf("确定删除批次“%s”及其全部%d名人员吗？删除后不能撤销（可在“设置”中从备份恢复）。", b.Name, len(u.view.all)), "删除", func() {
		if err := u.st.DeleteBatch(b.ID); err != nil {
			u.showError("删除批次失败", err)
			return
		}
		var rest []model.Batch
		for _, x := range u.batches {
			if x.ID != b.ID {
				rest = append(rest, x)
			}
		}
		u.batches = rest
		u.openBatch(rest[len(rest)-1])
		s.refresh()
	})
}

// resetPolicy fills the form with the built-in policy (not saved until 保存).
func (s *batchScreen) resetPolicy() {
	s.showPolicy(trimmed(s.batchName.Text), policy.Copy(policy.Builtin2025H1(), trimmed(s.batchName.Text)))
}

func (s *batchScreen) importPolicy() {
	s.u.files.openFile("选择政策文件", []string{".json"}, func(path string) {
		p, err := policy.ReadFile(path)
		if err != nil {
			s.u.showError("无法读取政策文件", err)
			return
		}
		s.showPolicy(p.Name, p)
		s.u.showInfo("已读入政策", "已把“"+p.Name+"”的政策填入表单，核对后请按“保存批次与政策”。")
	})
}

func (s *batchScreen) exportPolicy() {
	p := s.u.batch.Policy
	s.u.files.saveFile("导出政策文件", p.Name+"政策.json", []string{".json"}, func(path string) {
		if err := atomicfile.Write(path, func(w io.Writer) error { return policy.Write(w, p) }); err != nil {
			removeIfEmpty(path)
			s.u.showError("导出政策文件失败", err)
		}
	})
}

// replaceBatch updates the cached batch list after a save.
func (u *UI) replaceBatch(b model.Batch) {
	for i := range u.batches {
		if u.batches[i].ID == b.ID {
			u.batches[i] = b
		}
	}
	u.batch = b
	u.shell.refreshHeader()
}
