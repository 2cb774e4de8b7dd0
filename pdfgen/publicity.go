package pdfgen

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"chuding/model"
	"chuding/model/publicity"
)

// PublicityNotice is the notice a unit posts on its board before it signs
// (notice 五(三)). It shows the publicity columns and nothing else: the rows
// come from publicity.Rows, which never carry ID or phone numbers.
type PublicityNotice struct {
	// Unit posts the notice: it is named in the heading and signs it.
	Unit string
	Rows []publicity.Row
	Plan publicity.PlanResult
	// Contact and Phone are the unit's HR officer who receives objections.
	Contact, Phone string
	// Address, when given, is where written objections are handed in.
	Address string
	// NoticeTitle is the centre's notice the publicity follows
	// (Policy.NoticeTitle); without it the intro speaks generally.
	NoticeTitle string
	// Date is printed under the signature; zero means the first day of
	// the publicity period.
	Date model.Date
	// Created is the PDF creation date; fixed, it makes output byte-stable.
	Created time.Time
}

// Publicity draws one notice. Its table continues on further pages with
// the header repeated; pages are then numbered "第1页 共N页".
func Publicity(n PublicityNotice, fonts *Fonts) ([]byte, error) {
	return PublicityNotices([]PublicityNotice{n}, fonts)
}

// PublicityNotices draws several notices into one PDF, each starting on a
// new page with its own page numbers — for a personnel agency that posts
// one notice at each employer (see publicity.ByUnit).
func PublicityNotices(ns []PublicityNotice, fonts *Fonts) ([]byte, error) {
	if len(ns) == 0 {
		return nil, errors.New("没有要生成的公示")
	}
	for _, n := range ns {
		if err := n.check(); err != nil {
			return nil, err
		}
	}
	// Page totals are known only after layout: draw once to count, and a
	// second time with the totals when any notice runs over one page.
	counts := make([]int, len(ns))
	for i, n := range ns {
		d, err := newPublicityDoc(n.Created, n.Unit, fonts)
		if err != nil {
			return nil, err
		}
		drawNotice(d, n, 0)
		if err := d.Err(); err != nil {
			return nil, err
		}
		counts[i] = d.Pages()
		if len(ns) == 1 && counts[0] == 1 {
			return d.Bytes()
		}
	}
	d, err := newPublicityDoc(ns[0].Created, ns[0].Unit, fonts)
	if err != nil {
		return nil, err
	}
	for i, n := range ns {
		drawNotice(d, n, counts[i])
	}
	return d.Bytes()
}

func (n PublicityNotice) check() error {
	var missing []string
	if strings.TrimSpace(n.Unit) == "" {
		missing = append(missing, "公示单位名称")
	}
	if strings.TrimSpace(n.Contact) == "" {
		missing = append(missing, "联系人")
	}
	if strings.TrimSpace(n.Phone) == "" {
		missing = append(missing, "联系电话")
	}
	if len(missing) > 0 {
		return fmt.Errorf("公示缺少%s，请填写后再生成", strings.Join(missing, "、"))
	}
	if len(n.Rows) == 0 {
		return fmt.Errorf("“%s”没有可公示的人员（只列入符合初定条件的人员）", n.Unit)
	}
	if n.Plan.End.IsZero() {
		return errors.New("公示期没有算出，无法生成公示：请检查公示开始日期和政策中的公示工作日数")
	}
	return nil
}

// publicityMargins: a posted notice is not bound, so both sides match.
var publicityMargins = Margins{Top: 56, Bottom: 54, Binding: 56, Outer: 56}

func newPublicityDoc(created time.Time, unit string, fonts *Fonts) (*Doc, error) {
	return New(Options{Fonts: fonts, Margins: publicityMargins, Created: created,
		Title: "专业技术资格初定公示", Subject: unit})
}

// Relative column widths of the notice table (A4 portrait, 小五).
var publicityWidths = []float64{26, 44, 26, 44, 66, 110, 44, 60, 63}

func drawNotice(d *Doc, n PublicityNotice, total int) {
	f := newFlow(d, total)
	who := publicity.Who(publicity.Names(n.Rows)...)

	f.heading(n.Unit, SizeSanHao)
	f.heading("关于"+who+"专业技术资格初定的公示", SizeXiaoEr)
	f.gap(10)

	basis := "根据专业技术资格初定工作有关要求"
	if t := strings.TrimSpace(n.NoticeTitle); t != "" {
		basis = "根据《" + t + "》要求"
	}
	f.para(basis+"，经个人申报、单位审核，现将我单位拟申报专业技术资格初定的"+who+
		"的有关情况予以公示（见下表），接受群众监督。", SizeXiaoSi)
	f.gap(6)

	paras, sign := n.closing()
	closing := closingGap + f.parasHeight(paras, SizeXiaoSi) + f.signatureHeight(sign)
	f.y = noticeTable(f, n.Rows, closing)
	f.gap(closingGap)

	// The period, the way to object and the signature stay together on
	// one page, so no page holds a stray line or a lone signature.
	f.room(closing - closingGap)
	for _, p := range paras {
		f.para(p, SizeXiaoSi)
	}
	f.signature(sign)
	f.finish()
}

const closingGap = 10

// closing is the text below the table: the period, how to object, whom to
// contact, and the signature lines.
func (n PublicityNotice) closing() (paras, sign []string) {
	period := "公示时间：" + n.Plan.Period() + "。"
	if note := n.Plan.Note(); note != "" {
		period += "（注：" + note + "，公示期按周一至周五计算。）"
	}
	paras = []string{period,
		"公示期间，任何单位和个人对公示人员的学历、资历、工作业绩、年度考核等情况有异议的，" +
			"请于公示期内以书面形式实名向我单位反映，写明本人真实姓名和联系方式，并提供相关证明材料；" +
			"匿名或超过公示期反映的不予受理。",
		"联系人：" + n.Contact + "　　联系电话：" + n.Phone}
	if a := strings.TrimSpace(n.Address); a != "" {
		paras = append(paras, "书面意见送达地点："+a)
	}
	date := n.Date
	if date.IsZero() {
		date = n.Plan.Start
	}
	return paras, []string{n.Unit + "（盖章）", date.Chinese()}
}

// keepWithClosing is how many of the last rows go onto the closing
// block's page when the block does not fit under the table.
const keepWithClosing = 2

// noticeTable draws the table from f.y and returns its bottom. When the
// closing block (closing points high) will not fit under the last row, the
// last rows move to the next page with it, so that page still shows part
// of the table.
func noticeTable(f *flow, rows []publicity.Row, closing float64) float64 {
	d := f.d
	tb := d.NewTable(f.y, publicityWidths...)
	tb.Size, tb.PadX, tb.MinRow = SizeXiaoWu, 3, 20
	tb.NextPage = f.nextPage
	header := make([]Cell, len(publicity.Columns))
	for i, c := range publicity.Columns {
		header[i] = Cell{Text: c, Align: AlignCenter, Bold: true}
	}
	tb.Header(header...)
	cells := make([][]Cell, len(rows))
	for i, r := range rows {
		cells[i] = rowCells(d, tb, r)
	}
	for i, c := range cells {
		if tail := len(cells) - i; tail == keepWithClosing && i >= keepWithClosing {
			h := closing
			for _, rest := range cells[i:] {
				h += tb.RowHeight(rest...)
			}
			fresh := d.Content().H - tb.RowHeight(header...)
			if tb.Y()+h > d.Content().Bottom() && h <= fresh {
				tb.SetY(f.nextPage())
				tb.Row(header...)
			}
		}
		tb.Row(c...)
	}
	return tb.Y()
}

// rowCells are the row's cells, with school and major on lines of their
// own when together they do not fit on one.
func rowCells(d *Doc, tb *Table, r publicity.Row) []Cell {
	texts := r.Cells()
	d.SetFontSize(tb.Size)
	if d.Width(texts[5]) > tb.Columns()[5]-2*tb.PadX {
		texts[5] = strings.Replace(texts[5], " ", "\n", 1)
	}
	cells := make([]Cell, len(texts))
	for i, s := range texts {
		cells[i] = C(s)
	}
	return cells
}

// flow lays text out top to bottom across pages: headings, paragraphs
// with the customary two-character indent, and a right-aligned signature
// block with room above it for the stamp. With total > 1 every page gets
// "第i页 共N页" at the bottom.
type flow struct {
	d     *Doc
	y     float64
	total int
	first int // number of this document's first page within the PDF
}

func newFlow(d *Doc, total int) *flow {
	f := &flow{d: d, total: total}
	d.AddPage(BindNone)
	f.first = d.Pages()
	f.y = d.Content().Y
	f.footer()
	return f
}

func (f *flow) nextPage() float64 {
	f.d.AddPage(BindNone)
	f.y = f.d.Content().Y
	f.footer()
	return f.y
}

func (f *flow) footer() {
	if f.total < 2 {
		return
	}
	d := f.d
	_, h := d.PageSize()
	old := d.FontSize()
	d.SetFontSize(SizeXiaoWu)
	c := d.Content()
	s := fmt.Sprintf("第%d页 共%d页", d.Pages()-f.first+1, f.total)
	d.TextIn(Rect{X: c.X, Y: h - publicityMargins.Bottom + 16, W: c.W, H: d.LineHeight()}, s, AlignCenter, true)
	d.SetFontSize(old)
}

// room turns the page when h does not fit below y.
func (f *flow) room(h float64) {
	if f.y+h > f.d.Content().Bottom()+0.01 {
		f.nextPage()
	}
}

func (f *flow) gap(h float64) { f.y += h }

// heading draws one centred bold line, shrinking it until it fits the width.
func (f *flow) heading(s string, size float64) {
	d := f.d
	c := d.Content()
	d.SetFontSize(size)
	for d.Width(s) > c.W && d.FontSize() > SizeXiaoSi {
		d.SetFontSize(d.FontSize() - 1)
	}
	if d.Width(s) > c.W {
		// Still too long (a very long unit name): wrap it, centred.
		for _, l := range d.Wrap(s, c.W) {
			f.heading(l, d.FontSize())
		}
		return
	}
	h := d.LineHeight()
	f.room(h)
	d.BoldIn(Rect{X: c.X, Y: f.y, W: c.W, H: h}, s, AlignCenter)
	f.y += h
}

// para draws a paragraph with a two-character first-line indent; it may
// break across pages between lines.
func (f *flow) para(s string, size float64) {
	d := f.d
	d.SetFontSize(size)
	c := d.Content()
	lh := d.LineHeight()
	for _, l := range d.Wrap("　　"+s, c.W) {
		f.room(lh)
		d.Text(c.X, f.y, l)
		f.y += lh
	}
}

// parasHeight is the height para would use for each of paras.
func (f *flow) parasHeight(paras []string, size float64) float64 {
	d := f.d
	d.SetFontSize(size)
	n := 0
	for _, p := range paras {
		n += len(d.Wrap("　　"+p, d.Content().W))
	}
	return float64(n) * d.LineHeight()
}

const stampSpace = 40 // blank above the signature for the unit's stamp

// signatureHeight is the height signature would use.
func (f *flow) signatureHeight(lines []string) float64 {
	f.d.SetFontSize(SizeXiaoSi)
	return stampSpace + f.d.LineHeight()*float64(len(lines))
}

// signature draws lines right-aligned under a blank space for the stamp;
// the block is never split across pages.
func (f *flow) signature(lines []string) {
	d := f.d
	d.SetFontSize(SizeXiaoSi)
	lh := d.LineHeight()
	w := 0.0
	for _, l := range lines {
		w = max(w, d.Width(l))
	}
	f.room(f.signatureHeight(lines))
	f.y += stampSpace
	c := d.Content()
	x := c.Right() - w - 2*d.FontSize()
	for _, l := range lines {
		d.TextIn(Rect{X: x, Y: f.y, W: w, H: lh}, l, AlignCenter, true)
		f.y += lh
	}
}

// finish checks that the document used no more pages than announced.
func (f *flow) finish() {
	if f.total > 0 && f.d.Pages()-f.first+1 != f.total {
		f.d.Fail(fmt.Errorf("公示分页不一致：预计%d页，实际%d页", f.total, f.d.Pages()-f.first+1))
	}
}
