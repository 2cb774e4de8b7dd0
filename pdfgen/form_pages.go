package pdfgen

import (
	"fmt"
	"strings"
)

// frontStyle is one density of the front page. The first that fits is
// used; the person's data decides (five education records and ten years
// of appraisals need the compact ones).
type frontStyle struct{ size, minRow, padY float64 }

var frontStyles = []frontStyle{
	{SizeWuHao, 24, 3},
	{SizeWuHao, 20, 2},
	{SizeXiaoWu, 17, 1.5},
}

// The 申报人承诺 box at the foot of the front page takes the room the data
// leaves: at least promiseMinH; beyond promisePrefH the rows above are
// opened up instead, so a short record still fills the page evenly.
const (
	promiseMinH  = 66
	promisePrefH = 110
	maxRowGrowth = 8 // points a row may grow to fill the page
)

// front draws the front of the sheet (bound on the left).
func (f *formData) front(d *Doc) {
	c := d.Content()
	measure := func(st frontStyle) (end float64) {
		d.Measure(func() { end = f.frontBody(d, st) })
		return end
	}
	st := frontStyles[len(frontStyles)-1]
	for _, s := range frontStyles {
		if measure(s)+promiseMinH <= c.Bottom() {
			st = s
			break
		}
	}
	for grow, limit := st, st.minRow+maxRowGrowth; grow.minRow < limit && d.Err() == nil; {
		grow.minRow++
		if measure(grow)+promisePrefH > c.Bottom() {
			break
		}
		st = grow
	}
	y := f.frontBody(d, st)
	f.promise(d, st, y, max(promiseMinH, c.Bottom()-y))
}

// frontBody draws everything above the 承诺 box and returns its bottom.
func (f *formData) frontBody(d *Doc, st frontStyle) float64 {
	c := d.Content()
	f.draftNote(d)
	y := c.Y
	y += d.Title(y, "专业技术资格初定申报表") + 10
	y = f.coverLines(d, y) + 8
	y = f.basics(d, st, y)
	y = f.education(d, st, y)
	y = f.work(d, st, y)
	y = f.appraisals(d, st, y)
	t := f.table(d, st, y, 90, c.W-90)
	t.Row(C("职业资格证书"), L(f.qualification()))
	return t.Y()
}

// draftNote says in the top margin why the page carries 草稿, so nobody
// signs it by mistake. The full reasons are in the check report.
func (f *formData) draftNote(d *Doc) {
	if len(f.draft) == 0 {
		return
	}
	c := d.Content()
	d.SetFontSize(SizeXiaoWu)
	d.TextIn(Rect{X: c.X, Y: 10, W: c.W, H: c.Y - 14}, "草稿，不能报送："+shorten(f.draft[0], 70), AlignLeft, false)
}

func (f *formData) table(d *Doc, st frontStyle, y float64, widths ...float64) *Table {
	c := d.Content()
	t := d.NewTableAt(c.X, y, c.W, widths...)
	t.Size, t.MinRow, t.PadY = st.size, st.minRow, st.padY
	return t
}

// coverLines are the underlined 申报系列 … 填表日期 lines under the title.
func (f *formData) coverLines(d *Doc, y float64) float64 {
	c := d.Content()
	const lineH = 24
	half := c.W / 2
	f.field(d, c.X, y, half-12, "申报系列", f.p.Series)
	f.field(d, c.X+half, y, half, "申报专业", f.p.Specialty)
	y += lineH
	f.field(d, c.X, y, half-12, "拟初定资格", f.title)
	f.field(d, c.X+half, y, half, "填表日期", f.fillDate)
	y += lineH
	f.field(d, c.X, y, c.W, "工作单位", f.unit)
	return y + lineH
}

// field draws "label：" and the value centred on an underline that runs to
// x+w. A long value is set smaller, down to 7.5 pt; beyond that the form
// fails rather than run the text past the line.
func (f *formData) field(d *Doc, x, y, w float64, label, value string) {
	d.SetFontSize(SizeXiaoSi)
	label += "："
	lw := d.Width(label)
	h := d.LineHeight()
	d.Text(x, y, label)
	d.LineWidth(0.6)
	d.Line(x+lw, y+h, x+w, y+h)
	size := SizeXiaoSi
	d.SetFontSize(size)
	for d.Width(value) > w-lw-4 && size > 7.5 {
		size -= 0.5
		d.SetFontSize(size)
	}
	d.BoldIn(Rect{X: x + lw, Y: y, W: w - lw, H: h}, value, AlignCenter)
}

// basics is 基本情况 with the 1-inch photo box beside its first four rows.
func (f *formData) basics(d *Doc, st frontStyle, y float64) float64 {
	c := d.Content()
	p := f.p
	a := d.NewTableAt(c.X+formLabelW, y, c.W-formLabelW-formPhotoW, 72, 58, 62, 56, 62, 62)
	a.Size, a.MinRow, a.PadY = st.size, formPhotoH/4, st.padY
	a.Row(C("姓    名"), C(p.Name), C("性别"), C(f.gender), C("出生年月"), C(f.birth))
	a.Row(C("身份证号码"), Cell{Text: p.IDNumber, Span: 3, Align: AlignCenter}, C("政治面貌"), C(p.Political))
	a.Row(C("参加工作时间"), C(p.WorkStart.YearMonth()), C("现从事专业"), Cell{Text: p.Specialty, Span: 3, Align: AlignCenter})
	a.Row(C("联系电话"), C(p.Phone), C("工作部门\n及岗位"), Cell{Text: p.Post, Span: 3, Align: AlignCenter})
	a.CellAt(Rect{X: c.Right() - formPhotoW, Y: y, W: formPhotoW, H: a.Y() - y}, Cell{Text: "照片\n（1寸）", Align: AlignCenter})
	b := d.NewTableAt(c.X+formLabelW, a.Y(), c.W-formLabelW, 64, c.W-formLabelW-64)
	b.Size, b.MinRow, b.PadY = st.size, st.minRow, st.padY
	b.Row(C("人事关系"), L(f.relation()))
	b.CellAt(Rect{X: c.X, Y: y, W: formLabelW, H: b.Y() - y}, Cell{Text: "基本情况", Align: AlignCenter, Bold: true})
	return b.Y()
}

// education is 学历学位: every record, the recognised one marked (二(二)).
func (f *formData) education(d *Doc, st frontStyle, y float64) float64 {
	t := f.table(d, st, y, formLabelW, 70, 100, 82, 50, 52, 36, 60)
	rows := [][]Cell{bold(C("起止年月"), C("毕业院校"), C("所学专业"), C("学历"), C("类型"), C("学位"), C("初定依据"))}
	rows = append(rows, f.edu...)
	if len(f.edu) == 0 {
		rows = append(rows, []Cell{{Text: "未填写学历", Span: 7, Align: AlignCenter}})
	}
	if f.eduNote != "" {
		rows = append(rows, []Cell{{Text: f.eduNote, Span: 7}})
	}
	t.Group("学历学位", rows...)
	return t.Y()
}

// work is 工作经历 and the 见习期 (二(一)1-2).
func (f *formData) work(d *Doc, st frontStyle, y float64) float64 {
	t := f.table(d, st, y, formLabelW, 64, 100, 100, 64, 122)
	t.Group("工作经历",
		[]Cell{C("工作经历"), {Text: f.workHistory(), Span: 4}},
		[]Cell{C("见习期"), C("自 " + f.trainee[0]), C("至 " + f.trainee[1]), C("考察结果"), C(f.p.TraineeResult)},
	)
	return t.Y()
}

// appraisals are 年度考核 (二(三)) and 继续教育公需科目 (二(四)) year by
// year, six years to a block.
func (f *formData) appraisals(d *Doc, st frontStyle, y float64) float64 {
	c := d.Content()
	if len(f.years) == 0 {
		t := f.table(d, st, y, 90, c.W-90)
		t.Row(C("年度考核\n继续教育"), C("未填写"))
		return t.Y()
	}
	for start := 0; start < len(f.years); start += 6 {
		block := f.years[start:min(start+6, len(f.years))]
		widths := []float64{90}
		head := []Cell{C("年    度")}
		appr := []Cell{C("年度考核结果")}
		cont := []Cell{C("继续教育\n公需科目")}
		for _, yr := range block {
			widths = append(widths, (c.W-90)/float64(len(block)))
			head = append(head, C(fmt.Sprintf("%d年", yr)))
			appr = append(appr, C(orDash(f.p.Appraisals[yr])))
			cont = append(cont, C(continuing(f.p.ContinuingEd, yr)))
		}
		t := f.table(d, st, y, widths...)
		t.Row(bold(head...)...)
		t.Row(appr...)
		t.Row(cont...)
		y = t.Y()
	}
	return y
}

func continuing(m map[int]bool, year int) string {
	done, ok := m[year]
	switch {
	case !ok:
		return "—"
	case done:
		return "已完成"
	}
	return "未完成"
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func bold(cells ...Cell) []Cell {
	for i := range cells {
		cells[i].Bold = true
	}
	return cells
}

// promise is the applicant's declaration and signature, filling the rest
// of the front page.
func (f *formData) promise(d *Doc, st frontStyle, y, h float64) {
	c := d.Content()
	t := f.table(d, st, y, 90, c.W-90)
	t.Row(Cell{Text: "申报人承诺", Align: AlignCenter, MinHeight: h},
		Cell{Text: "本人承诺：以上所填信息及提交的材料真实、准确、完整，如有虚假，本人愿承担相应责任。", Top: true})
	d.SetFontSize(st.size)
	signLine(d, c.X+96, t.Y()-6-d.LineHeight(), c.W-102, "申报人签名：", "年    月    日")
}

// signLine writes a signature label at x and a blank date ending at x+w,
// on the line whose top is y.
func signLine(d *Doc, x, y, w float64, label, date string) {
	d.Text(x, y, label)
	d.TextIn(Rect{X: x, Y: y, W: w - 12, H: d.LineHeight()}, date, AlignRight, true)
}

// back draws the back of the sheet (bound on the right): 鉴定意见, 公示情况
// and the centre's 审核意见. The opinion is printed in full: it starts at
// 五号 and shrinks by half points to opinionFloor; if it still does not
// fit, its box grows into the 审核意见 box (down to auditMinH) and the 公示
// rows close up. Only then does the form fail with ErrOpinionTooLong — the
// two pages are one sheet and never become three.
func (f *formData) back(d *Doc) {
	const (
		auditPrefH = 180.0
		auditMinH  = 90.0
		noteH      = 18.0
		pad        = 6.0
	)
	c := d.Content()
	f.draftNote(d)
	text := indent(f.p.Opinion)
	textW := c.W - formLabelW - 2*pad
	pubRow := 22.0
	pubH := f.publicityHeight(d, pubRow)
	boxH := c.H - pubH - auditPrefH - noteH
	size := 0.0
	for s := SizeWuHao; s >= opinionFloor; s -= opinionStep {
		d.SetFontSize(s)
		if d.TextHeight(text, textW)+signBlockH+2*pad <= boxH {
			size = s
			break
		}
	}
	if size == 0 {
		size = opinionFloor
		d.SetFontSize(size)
		boxH = d.TextHeight(text, textW) + signBlockH + 2*pad
		if c.H-boxH-pubH-noteH < auditMinH {
			pubRow = 17
			pubH = f.publicityHeight(d, pubRow)
		}
		if c.H-boxH-pubH-noteH < auditMinH {
			d.Fail(fmt.Errorf("%w：现有 %d 字，请精简到约 %d 字以内", ErrOpinionTooLong,
				len([]rune(f.p.Opinion)), f.opinionCapacity(d, textW, c.H-pubH-noteH-auditMinH-signBlockH-2*pad)))
			return
		}
	}
	y := c.Y
	t := d.NewTableAt(c.X, y, c.W, formLabelW, c.W-formLabelW)
	t.CellAt(Rect{X: c.X, Y: y, W: formLabelW, H: boxH}, Cell{Text: "工作单位或人事档案管理部门鉴定意见", Align: AlignCenter, Bold: true, Size: labelSize(d, boxH)})
	t.CellAt(Rect{X: c.X + formLabelW, Y: y, W: c.W - formLabelW, H: boxH}, Cell{})
	d.SetFontSize(size)
	d.TextIn(Rect{X: c.X + formLabelW + pad, Y: y + pad, W: textW, H: boxH - signBlockH - 2*pad}, text, AlignLeft, true)
	d.SetFontSize(SizeWuHao)
	x := c.X + formLabelW + 20
	d.Text(x, y+boxH-signBlockH+6, "负责人签字：")
	d.Text(x+(c.W-formLabelW)/2, y+boxH-signBlockH+6, "单位（盖章）")
	signLine(d, x, y+boxH-6-d.LineHeight(), c.W-formLabelW-20, "", "年    月    日")
	y += boxH
	y = f.publicity(d, y, pubRow)
	auditH := c.Bottom() - noteH - y
	t.CellAt(Rect{X: c.X, Y: y, W: formLabelW, H: auditH}, Cell{Text: "审核意见", Align: AlignCenter, Bold: true})
	t.CellAt(Rect{X: c.X + formLabelW, Y: y, W: c.W - formLabelW, H: auditH}, Cell{})
	d.SetFontSize(SizeXiaoWu)
	d.Text(c.X+formLabelW+pad, y+pad, "（由市人才服务中心填写）")
	d.SetFontSize(SizeWuHao)
	d.Text(x, y+auditH-6-2*d.LineHeight(), "审核人：")
	d.Text(x+(c.W-formLabelW)/3, y+auditH-6-2*d.LineHeight(), "复核人：")
	d.Text(x+2*(c.W-formLabelW)/3, y+auditH-6-2*d.LineHeight(), "（盖章）")
	signLine(d, x, y+auditH-6-d.LineHeight(), c.W-formLabelW-20, "", "年    月    日")
	d.SetFontSize(SizeXiaoWu)
	d.TextIn(Rect{X: c.X, Y: c.Bottom() - noteH + 4, W: c.W, H: noteH - 4},
		"注：本表一式两份，A4纸正反面打印、单独装订（通知四（一））；公示无异议后签字盖章（通知五（三））。", AlignLeft, false)
}

// labelSize fits the long vertical opinion label into a box h tall.
func labelSize(d *Doc, h float64) float64 {
	const label = 17 // characters in 工作单位或人事档案管理部门鉴定意见
	for s := SizeWuHao; s > 7; s -= 0.5 {
		if label*round(s*Leading)+6 <= h {
			return s
		}
	}
	return 7
}

// opinionCapacity estimates how many characters fit in h at the floor size.
func (f *formData) opinionCapacity(d *Doc, w, h float64) int {
	d.SetFontSize(opinionFloor)
	perLine := int(w / d.Width("国"))
	return perLine * int(h/d.LineHeight()) * 9 / 10
}

// indent starts each paragraph with two full-width spaces, as Chinese
// official writing does.
func indent(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	paras := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	for i, p := range paras {
		if p = strings.TrimSpace(p); p != "" {
			paras[i] = "\u3000\u3000" + p
		}
	}
	return strings.Join(paras, "\n")
}

func (f *formData) publicityRows() [][]Cell {
	return [][]Cell{
		{C("公示时间"), L(f.publicityPeriod())},
		{C("公示结果"), L(f.publicityResult())},
		{C("签    字"), L("单位负责人：                                    年    月    日")},
	}
}

func (f *formData) publicityHeight(d *Doc, row float64) float64 {
	c := d.Content()
	t := d.NewTableAt(c.X, 0, c.W, formLabelW, 64, c.W-formLabelW-64)
	t.MinRow = row
	return t.GroupHeight("公示情况", f.publicityRows()...)
}

// publicity is 公示情况 (五(三)): the period, its result, a signature.
func (f *formData) publicity(d *Doc, y, row float64) float64 {
	c := d.Content()
	t := d.NewTableAt(c.X, y, c.W, formLabelW, 64, c.W-formLabelW-64)
	t.MinRow = row
	t.Group("公示情况", f.publicityRows()...)
	return t.Y()
}
