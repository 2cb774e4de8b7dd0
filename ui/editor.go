package ui

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"chuding/model"
	"chuding/model/rules"
	"chuding/model/store"
)

// Options offered for free-text fields (the officer may type others).
var (
	politicalOptions = []string{"中共党员", "中共预备党员", "共青团员", "民主党派", "无党派人士", "群众"}
	traineeOptions   = []string{"合格", "不合格"}
)

// editor is the 人员编辑 screen: one person in sections, checked as the
// officer types, with the live verdict beside the form.
type editor struct {
	u *UI

	p       model.Person // the working copy every input writes into
	oldID   string       // ID number the person is stored under; "" for a new person
	dirty   bool
	gen     int  // counts edit() calls, so late background results go to the right person
	loading bool // set while inputs are filled from p, so their OnChanged is ignored
	showAll bool // after a save attempt every problem is shown, not only touched ones
	touched map[string]bool
	typed   map[string]string // field → parse error of text that is not a date/number yet

	title     *widget.Label
	savedNote *widget.Label
	saveBtn   *widget.Button

	name, id, phone, unitName, specialty, post, cert *widget.Entry
	political, series, trainee                       *widget.SelectEntry
	relation                                         *widget.Select
	civil, retired                                   *widget.Check
	sanction, workStart                              *widget.Entry
	birth, gender, traineeEnd                        *widget.Label
	degrees                                          *widget.CheckGroup
	fields                                           []*field

	edu       *eduList
	years     *yearGrid
	materials *materialsList
	verdict   *verdictView
	scroll    *container.Scroll

	root fyne.CanvasObject
}

func newEditor(u *UI) *editor {
	e := &editor{u: u, touched: map[string]bool{}, typed: map[string]string{}}
	e.build()
	return e
}

func (e *editor) content() fyne.CanvasObject { return e.root }

func (e *editor) build() {
	e.title = widget.NewLabelWithStyle("新增人员", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	e.title.SizeName = theme.SizeNameSubHeadingText
	e.savedNote = widget.NewLabel("")
	e.savedNote.Importance = widget.SuccessImportance
	e.saveBtn = widget.NewButtonWithIcon("保存（Ctrl+S）", theme.DocumentSaveIcon(), e.save)
	e.saveBtn.Importance = widget.HighImportance
	back := widget.NewButtonWithIcon("返回人员列表", theme.NavigateBackIcon(), func() { e.u.shell.show(screenPeople) })
	top := container.NewBorder(nil, nil, e.title, container.NewHBox(e.savedNote, back, e.saveBtn))

	sections := []fyne.CanvasObject{
		e.buildBasic(),
		e.buildApplication(),
		e.buildEducation(),
		e.buildWork(),
		e.buildYears(),
		e.buildCert(),
		e.buildMaterials(),
	}
	form := container.NewVBox(sections...)
	scroll := container.NewVScroll(container.NewPadded(form))
	e.scroll = scroll
	e.verdict = newVerdictView()
	split := container.NewHSplit(scroll, e.verdict.content())
	split.Offset = 0.62
	e.root = container.NewBorder(container.NewVBox(top, e.jumpBar(scroll, sections), widget.NewSeparator()), nil, nil, nil, split)
}

// sectionNames label the jump bar, in the order of the form's sections.
var sectionNames = []string{"基本信息", "申报信息", "学历学位", "工作与见习", "年度考核与继续教育", "资格证书", "材料与附件"}

// jumpBar scrolls the long form to a section.
func (e *editor) jumpBar(scroll *container.Scroll, sections []fyne.CanvasObject) fyne.CanvasObject {
	bar := container.NewHBox(widget.NewLabel("跳到："))
	for i, name := range sectionNames {
		sec := sections[i]
		b := widget.NewButton(name, func() {
			scroll.Offset = fyne.NewPos(0, sec.Position().Y)
			scroll.Refresh()
		})
		b.Importance = widget.LowImportance
		bar.Add(b)
	}
	return bar
}

// text wires an entry so that typing updates the person.
func (e *editor) text(en *widget.Entry, key string, set func(string)) {
	en.OnChanged = func(s string) {
		if e.loading {
			return
		}
		set(s)
		e.changed(key)
	}
	en.OnSubmitted = func(string) { e.save() }
}

func (e *editor) buildBasic() fyne.CanvasObject {
	e.name = newEntry("如 陈晓雨")
	e.text(e.name, "姓名", func(s string) { e.p.Name = trimmed(s) })
	e.id = newEntry("18位居民身份证号码")
	e.text(e.id, "身份证号码", func(s string) { e.p.IDNumber = strings.ToUpper(trimmed(s)) })
	e.birth = widget.NewLabel("—")
	e.gender = widget.NewLabel("—")
	e.political = widget.NewSelectEntry(politicalOptions)
	e.political.SetPlaceHolder("如 中共党员、群众")
	e.text(&e.political.Entry, "政治面貌", func(s string) { e.p.Political = trimmed(s) })
	e.phone = newEntry("申请人联系电话")
	e.text(e.phone, "联系电话", func(s string) { e.p.Phone = trimmed(s) })
	fs := []*field{
		newField("姓名", "姓名", e.name),
		newField("身份证号码", "身份证号码", e.id),
		newField("", "出生日期", e.birth),
		newField("", "性别", e.gender),
		newField("政治面貌", "政治面貌", e.political),
		newField("联系电话", "联系电话", e.phone),
	}
	e.fields = append(e.fields, fs...)
	return section("基本信息", formGrid(fs...))
}

func (e *editor) buildApplication() fyne.CanvasObject {
	e.unitName = newEntry("工作单位全称")
	e.text(e.unitName, "工作单位", func(s string) { e.p.Unit = trimmed(s) })
	e.relation = widget.NewSelect(model.Relations, func(s string) {
		if e.loading {
			return
		}
		e.p.Relation = s
		e.changed("人事关系")
	})
	e.relation.PlaceHolder = "请选择"
	e.civil = widget.NewCheck("是公务员或参照公务员法管理人员", func(b bool) {
		if !e.loading {
			e.p.CivilServant = b
			e.changed("公务员")
		}
	})
	e.retired = widget.NewCheck("已退休", func(b bool) {
		if !e.loading {
			e.p.Retired = b
			e.changed("退休")
		}
	})
	e.sanction = newDateEntry("无处分请留空")
	e.dateText(e.sanction, "处分影响期至", func(d model.Date) { e.p.SanctionUntil = d })
	e.series = widget.NewSelectEntry(nil)
	e.series.SetPlaceHolder("如 工程")
	e.text(&e.series.Entry, "申报系列", func(s string) { e.p.Series = trimmed(s) })
	e.specialty = newEntry("如 机械工程")
	e.text(e.specialty, "申报专业", func(s string) { e.p.Specialty = trimmed(s) })
	e.post = newEntry("如 设计部 机械设计岗")
	e.text(e.post, "工作部门及岗位", func(s string) { e.p.Post = trimmed(s) })
	fs := []*field{
		newField("工作单位", "工作单位", e.unitName),
		newField("人事关系", "人事关系", e.relation),
		newField("", "身份", container.NewVBox(e.civil, e.retired)),
		newField("处分影响期至", "处分影响期至", e.sanction),
		newField("申报系列", "申报系列", e.series),
		newField("申报专业", "申报专业", e.specialty),
		newField("工作部门及岗位", "工作部门及岗位", e.post),
	}
	e.fields = append(e.fields, fs...)
	return section("申报信息", formGrid(fs...))
}

func (e *editor) buildEducation() fyne.CanvasObject {
	e.edu = newEduList(e)
	e.degrees = widget.NewCheckGroup(model.Degrees, func(s []string) {
		if e.loading {
			return
		}
		e.p.Degrees = slices.Clone(s)
		e.changed("学位")
	})
	e.degrees.Horizontal = true
	deg := newField("学位", "已获学位", e.degrees)
	e.fields = append(e.fields, deg)
	return section("学历学位", e.edu.content(), formGrid(deg))
}

func (e *editor) buildWork() fyne.CanvasObject {
	e.workStart = newDateEntry("如 2023-07-03")
	e.dateText(e.workStart, "参加工作时间", func(d model.Date) {
		e.p.WorkStart = d
		e.years.rebuild()
	})
	e.trainee = widget.NewSelectEntry(traineeOptions)
	e.trainee.SetPlaceHolder("见习期满考察结果，如 合格")
	e.text(&e.trainee.Entry, "见习期考察结果", func(s string) { e.p.TraineeResult = trimmed(s) })
	e.traineeEnd = widget.NewLabel("—")
	fs := []*field{
		newField("参加工作时间", "参加工作时间", e.workStart),
		newField("", "见习期满", e.traineeEnd),
		newField("见习期考察结果", "见习期考察结果", e.trainee),
	}
	e.fields = append(e.fields, fs...)
	return section("工作与见习", formGrid(fs...))
}

func (e *editor) buildYears() fyne.CanvasObject {
	e.years = newYearGrid(e)
	return section("年度考核与继续教育", e.years.content())
}

func (e *editor) buildCert() fyne.CanvasObject {
	e.cert = newEntry("证书名称及编号；非职业准入系列可不填")
	e.text(e.cert, "资格证书", func(s string) { e.p.QualificationCert = trimmed(s) })
	f := newField("资格证书", "资格证书", e.cert)
	e.fields = append(e.fields, f)
	return section("资格证书", formGrid(f))
}

func (e *editor) buildMaterials() fyne.CanvasObject {
	e.materials = newMaterialsList(e)
	return section("材料与附件", e.materials.content())
}

// dateText wires a date entry: a date that does not parse yet is reported
// under the entry and keeps the person's old value out of the way.
func (e *editor) dateText(en *widget.Entry, key string, set func(model.Date)) {
	e.text(en, key, func(s string) {
		d, err := model.ParseDate(s)
		if err != nil {
			e.typed[key] = err.Error() // shown under the field, which names it
			set(model.Date{})
			return
		}
		delete(e.typed, key)
		set(d)
	})
}

// edit loads p into the form. isNew marks a person not stored yet.
func (e *editor) edit(p model.Person, isNew bool) {
	e.loading = true
	defer func() { e.loading = false }()
	e.gen++
	e.p = clonePerson(p)
	e.oldID = ""
	if !isNew {
		e.oldID = p.IDNumber
	}
	e.dirty, e.showAll = false, !isNew
	clear(e.touched)
	clear(e.typed)
	e.savedNote.SetText("")
	e.series.SetOptions(seriesOptions(e.u.policy()))

	e.name.SetText(p.Name)
	e.id.SetText(p.IDNumber)
	e.political.SetText(p.Political)
	e.phone.SetText(p.Phone)
	e.unitName.SetText(p.Unit)
	if p.Relation == "" {
		e.relation.ClearSelected()
	} else {
		e.relation.SetSelected(p.Relation)
	}
	e.civil.SetChecked(p.CivilServant)
	e.retired.SetChecked(p.Retired)
	e.sanction.SetText(p.SanctionUntil.String())
	e.series.SetText(p.Series)
	e.specialty.SetText(p.Specialty)
	e.post.SetText(p.Post)
	e.degrees.SetSelected(slices.Clone(p.Degrees))
	e.workStart.SetText(p.WorkStart.String())
	e.trainee.SetText(p.TraineeResult)
	e.cert.SetText(p.QualificationCert)
	e.edu.rebuild()
	e.years.rebuild()
	e.update()
	e.scroll.ScrollToTop() // another person starts at the top of the form
}

// refresh reloads the stored person when the form holds no unsaved change
// (the opinion screen or another batch may have changed what is stored).
func (e *editor) refresh() {
	if e.dirty || e.oldID == "" {
		return
	}
	if r := e.u.rowByID(e.oldID); r != nil {
		e.edit(r.p, false)
	} else {
		e.newPerson()
	}
}

// newPerson starts a blank person in the current unit.
func (e *editor) newPerson() {
	e.edit(model.Person{Unit: e.u.unit.Name, Relation: model.RelationLabour}, true)
}

// changed is called after every edit of field key.
func (e *editor) changed(key string) {
	e.dirty = true
	e.touched[key] = true
	e.savedNote.SetText("")
	e.update()
}

// update re-validates and re-evaluates the working copy and refreshes every
// message and the verdict; it is cheap enough to run on each keystroke.
func (e *editor) update() {
	pol := e.u.policy()
	res := rules.Evaluate(&e.p, pol)
	errs := e.problems()
	byField := errorsByField(errs)
	for _, f := range e.fields {
		if f.key != "" {
			setErrLabel(f.err, e.visible(f.key, byField[f.key]))
		}
	}
	e.edu.showErrors(byField)
	e.years.showErrors(byField)
	e.materials.update(res)

	if r, err := model.ParseID(e.p.IDNumber); err == nil {
		e.birth.SetText(r.Birth.Chinese())
		e.gender.SetText(r.Gender)
	} else {
		e.birth.SetText("—（由身份证号码自动得出）")
		e.gender.SetText("—（由身份证号码自动得出）")
	}
	e.traineeEnd.SetText(orDash(res.TraineeEnd.Chinese()))
	name := e.p.Name
	if name == "" {
		name = "（未填姓名）"
	}
	if e.oldID == "" {
		e.title.SetText("新增人员：" + name)
	} else {
		e.title.SetText("编辑人员：" + name)
	}
	e.verdict.show(&e.p, res, errs)
}

// problems is Person.ValidateOn plus text that does not parse yet; a parse
// error replaces the "please fill in" message of its field.
func (e *editor) problems() []model.FieldError {
	errs := e.p.ValidateOn(e.u.today())
	for _, k := range sortedKeys(e.typed) {
		errs = slices.DeleteFunc(errs, func(fe model.FieldError) bool { return fe.Field == k })
		errs = append(errs, model.FieldError{Field: k, Message: e.typed[k]})
	}
	return errs
}

// visible hides a message for a field the officer has not reached yet
// (a new, empty form should not open full of red).
func (e *editor) visible(key, msg string) string {
	if msg == "" || e.showAll {
		return msg
	}
	for k := range e.touched {
		if k == key || strings.HasPrefix(key, k+"[") || strings.HasPrefix(key, k+".") {
			return msg
		}
	}
	return ""
}

// save stores the person (Ctrl+S, Enter, or the button). A failed save keeps
// every typed value in the form and says in a dialog why and what to do.
func (e *editor) save() {
	e.showAll = true
	e.update()
	if blocking := e.saveBlockers(); len(blocking) > 0 {
		e.u.showMessage("暂时无法保存", "请先改正以下内容（其余未填的信息可以以后补充）：\n"+strings.Join(blocking, "\n"), theme.WarningIcon())
		return
	}
	p := clonePerson(e.p)
	if r := e.u.rowByID(e.oldID); r != nil {
		// The opinion is written on its own screen; keep what is stored.
		p.Opinion, p.OpinionDone = r.p.Opinion, r.p.OpinionDone
	}
	if err := e.u.savePerson(e.oldID, p); err != nil {
		e.u.showError("保存失败", saveErrorText(err))
		return
	}
	e.oldID = p.IDNumber
	e.dirty = false
	e.savedNote.SetText("已保存")
	e.update()
}

// saveBlockers lists what must be right before a person can be stored at
// all: the name, the ID number (people are keyed by it) and typed text that
// is not a date yet. Everything else may be completed later (待完善).
func (e *editor) saveBlockers() []string {
	var out []string
	if e.p.Name == "" {
		out = append(out, "·姓名：请填写姓名")
	}
	if _, err := model.ParseID(e.p.IDNumber); err != nil {
		out = append(out, "·身份证号码："+err.Error())
	}
	for _, k := range sortedKeys(e.typed) {
		out = append(out, "·"+k+"："+e.typed[k])
	}
	return out
}

func saveErrorText(err error) error {
	if errors.Is(err, store.ErrDuplicateID) {
		return fmt.Errorf("%v。请核对号码；如是同一人，请回到人员列表编辑原记录。已填写的内容仍保留在窗口中", err)
	}
	return fmt.Errorf("%v。已填写的内容仍保留在窗口中，改正后可再按 Ctrl+S 保存", err)
}

// confirmLeave asks what to do with unsaved changes before going elsewhere.
func (e *editor) confirmLeave(leave func()) {
	if !e.dirty {
		leave()
		return
	}
	msg := widget.NewLabel("“" + orDash(e.p.Name) + "”的修改尚未保存。")
	var d *dialog.CustomDialog
	saveBtn := widget.NewButton("保存后离开", func() {
		d.Hide()
		e.save()
		if !e.dirty {
			leave()
		}
	})
	saveBtn.Importance = widget.HighImportance
	discard := widget.NewButton("放弃修改", func() {
		d.Hide()
		e.dirty = false
		leave()
	})
	stay := widget.NewButton("继续编辑", func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons("尚未保存", msg, e.u.win)
	d.SetButtons([]fyne.CanvasObject{stay, discard, saveBtn})
	d.Show()
}

func seriesOptions(pol *model.Policy) []string {
	seen := map[string]bool{}
	var out []string
	add := func(s string) {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	keys := make([]string, 0, len(pol.Titles))
	for k := range pol.Titles {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		add(k)
	}
	for _, k := range pol.LicensedSeries {
		add(k)
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// clonePerson deep-copies p so the editor's working copy shares no slices or
// maps with the stored rows.
func clonePerson(p model.Person) model.Person {
	q := p
	q.Education = slices.Clone(p.Education)
	q.Degrees = slices.Clone(p.Degrees)
	q.Attachments = slices.Clone(p.Attachments)
	q.Appraisals = make(map[int]string, len(p.Appraisals))
	for k, v := range p.Appraisals {
		q.Appraisals[k] = v
	}
	q.ContinuingEd = make(map[int]bool, len(p.ContinuingEd))
	for k, v := range p.ContinuingEd {
		q.ContinuingEd[k] = v
	}
	return q
}
