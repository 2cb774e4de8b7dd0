package pdfgen

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"chuding/model"
	"chuding/model/policy"
	"chuding/model/rules"
)

// RosterOptions are the batch-wide facts of the 申报人员汇总表.
type RosterOptions struct {
	Unit   model.Unit
	Policy *model.Policy // nil means the built-in 2025年上半年 policy
	Date   model.Date    // 填报日期; zero leaves it blank
	Fonts  *Fonts        // nil means DefaultFonts()
	Now    time.Time     // PDF creation date; zero leaves it out
}

// rosterColumns are the 汇总表's columns and their widths in points
// (landscape A4 content width, 746 pt).
var rosterColumns = []struct {
	title string
	width float64
}{
	{"序号", 26}, {"姓名", 42}, {"性别", 24}, {"出生\n年月", 42}, {"身份证号码", 104},
	{"学历\n（认定）", 46}, {"毕业院校及专业", 98}, {"毕业\n时间", 42}, {"参加工\n作时间", 42},
	{"人事关系", 46}, {"申报\n系列", 34}, {"申报专业", 54}, {"拟初定\n资格", 54},
	{"审核\n结果", 32}, {"备注", 60},
}

// Roster draws the 申报人员汇总表 of a batch: one landscape table, one row
// per person in the given order (序号 = position + 1, as in the form file
// names), the header repeated on every page, 第 N 页 共 M 页 at the foot and
// the totals and signatures after the last row. results[i] belongs to
// people[i].
func Roster(people []model.Person, results []model.Result, opt RosterOptions) ([]byte, error) {
	if len(people) == 0 {
		return nil, errors.New("没有申报人员，无法生成汇总表")
	}
	if len(results) != len(people) {
		return nil, fmt.Errorf("汇总表：%d 名人员只有 %d 个核查结果", len(people), len(results))
	}
	pol := opt.Policy
	if pol == nil {
		b := policy.Builtin2025H1()
		pol = &b
	}
	title := pol.Name + "专业技术资格初定申报人员汇总表"
	d, err := New(Options{Fonts: opt.Fonts, Created: opt.Now, Landscape: true, Title: title,
		Margins: Margins{Top: 40, Bottom: 44, Binding: 48, Outer: 48}})
	if err != nil {
		return nil, err
	}
	d.AddPage(BindNone)
	c := d.Content()
	y := c.Y + d.Title(c.Y, title) + 8
	y = rosterHeading(d, y, opt) + 6

	widths := make([]float64, len(rosterColumns))
	header := make([]Cell, len(rosterColumns))
	for i, col := range rosterColumns {
		widths[i] = col.width
		header[i] = Cell{Text: col.title, Align: AlignCenter, Bold: true}
	}
	t := d.NewTable(y, widths...)
	t.Size, t.MinRow, t.PadX, t.PadY = SizeXiaoWu, 24, 2, 2
	t.NextPage = func() float64 { d.AddPage(BindNone); return d.Content().Y }
	t.Header(header...)
	eligible := 0
	for i := range people {
		if results[i].Eligible {
			eligible++
		}
		t.Row(rosterRow(i, &people[i], results[i])...)
	}
	rosterFooter(d, t, len(people), eligible)
	d.EachPage(func(page, total int) {
		d.SetFontSize(SizeXiaoWu)
		d.TextIn(Rect{X: c.X, Y: c.Bottom() + 14, W: c.W, H: d.LineHeight()},
			fmt.Sprintf("第 %d 页  共 %d 页", page, total), AlignCenter, true)
	})
	return d.Bytes()
}

// rosterHeading is the line under the title: unit, officer, phone, date.
func rosterHeading(d *Doc, y float64, opt RosterOptions) float64 {
	c := d.Content()
	d.SetFontSize(SizeWuHao)
	date := blankDate
	if !opt.Date.IsZero() {
		date = opt.Date.Chinese()
	}
	cols := []string{"填报单位（盖章）：" + opt.Unit.Name, "经办人：" + opt.Unit.Contact,
		"联系电话：" + opt.Unit.Phone, "填报日期：" + date}
	weights := []float64{0.42, 0.16, 0.2, 0.22}
	x := c.X
	h := 0.0
	for i, s := range cols {
		w := c.W * weights[i]
		r := Rect{X: x, Y: y, W: w - 6, H: d.TextHeight(s, w-6)}
		d.TextIn(r, s, AlignLeft, true)
		h = max(h, r.H)
		x += w
	}
	return y + h
}

func rosterRow(i int, p *model.Person, r model.Result) []Cell {
	gender, birth := "", ""
	if id, err := model.ParseID(p.IDNumber); err == nil {
		gender, birth = id.Gender, id.Birth.YearMonth()
	}
	level, school, graduated := "", "", ""
	if r.Recognised >= 0 && r.Recognised < len(p.Education) {
		e := p.Education[r.Recognised]
		level = firstNonEmpty(r.RecognisedAs, e.Level)
		if r.RecognisedAs != "" && r.RecognisedAs != e.Level {
			level = e.Level + "（视同" + r.RecognisedAs + "）"
		}
		school = strings.TrimSpace(e.School + " " + e.Major)
		graduated = e.Graduated.YearMonth()
	}
	verdict, title := "符合", r.Title
	if !r.Eligible {
		verdict, title = "不符合", ""
	}
	var notes []string
	for _, f := range r.Reasons {
		notes = append(notes, rules.ShortName(f.Code))
	}
	return []Cell{C(fmt.Sprint(i + 1)), C(p.Name), C(gender), C(birth), C(p.IDNumber), C(level),
		C(school), C(graduated), C(p.WorkStart.YearMonth()), C(p.Relation), C(p.Series), C(p.Specialty),
		C(title), C(verdict), L(strings.Join(notes, "；"))}
}

// rosterFooter writes the totals and the signature line after the table.
func rosterFooter(d *Doc, t *Table, total, eligible int) {
	d.SetFontSize(SizeWuHao)
	lh := d.LineHeight()
	y := t.Y() + 8
	if y+3*lh > d.Content().Bottom() {
		d.AddPage(BindNone)
		y = d.Content().Y
	}
	c := d.Content()
	d.Text(c.X, y, fmt.Sprintf("合计：共 %d 人，其中符合初定条件 %d 人，不符合 %d 人。", total, eligible, total-eligible))
	y += 2 * lh
	d.Text(c.X, y, "单位负责人：")
	d.Text(c.X+c.W*0.3, y, "经办人：")
	d.TextIn(Rect{X: c.X, Y: y, W: c.W, H: lh}, "年    月    日", AlignRight, true)
}
