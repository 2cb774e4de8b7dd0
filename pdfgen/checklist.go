package pdfgen

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"chuding/model"
	"chuding/model/policy"
)

// ChecklistOptions are the batch-wide facts of a 材料清单.
type ChecklistOptions struct {
	Unit   model.Unit
	Policy *model.Policy // nil means the built-in 2025年上半年 policy
	Fonts  *Fonts        // nil means DefaultFonts()
	Now    time.Time     // PDF creation date; zero leaves it out
	Draft  bool          // mark 草稿 even for an eligible person (a draft bundle)
}

// Checklist draws the 申报材料清单 of p: every material the rules engine
// listed in r.Materials (notice 四), with the copies required and where each
// comes from, and tick boxes for the officer who checks the originals
// (五(三)). A person who is not eligible, or any list with opt.Draft, is
// marked 草稿.
func Checklist(p *model.Person, r model.Result, opt ChecklistOptions) ([]byte, error) {
	if p == nil {
		return nil, errors.New("没有申报人")
	}
	if len(r.Materials) == 0 {
		return nil, fmt.Errorf("%s没有材料清单：请先核查该人员（规则引擎列出应交材料）", p.Name)
	}
	pol := opt.Policy
	if pol == nil {
		b := policy.Builtin2025H1()
		pol = &b
	}
	docOpt := Options{Fonts: opt.Fonts, Created: opt.Now, Title: p.Name + " 申报材料清单"}
	if !r.Eligible || opt.Draft {
		docOpt.Watermark = "草稿"
	}
	d, err := New(docOpt)
	if err != nil {
		return nil, err
	}
	d.AddPage(BindNone)
	c := d.Content()
	y := c.Y + d.Title(c.Y, "专业技术资格初定申报材料清单") + 14

	info := d.NewTable(y, 64, 120, 64, 120)
	info.Row(C("姓    名"), C(p.Name), C("身份证号码"), C(p.IDNumber))
	info.Row(C("工作单位"), Cell{Text: firstNonEmpty(p.Unit, opt.Unit.Name), Span: 3, Align: AlignCenter})
	title := r.Title
	if !r.Eligible {
		title = "（不符合初定条件）"
	}
	info.Row(C("申报系列及专业"), C(strings.TrimSpace(p.Series+"  "+p.Specialty)), C("拟初定资格"), C(title))
	y = info.Y() + 12

	t := d.NewTable(y, 30, 126, 84, 118, 34, 40, 40, 40)
	t.Size, t.MinRow = SizeXiaoWu, 30
	t.NextPage = func() float64 { d.AddPage(BindNone); return d.Content().Y }
	t.Header(bold(C("序号"), C("材料名称"), C("份数及要求"), C("来源"), C("依据"), C("扫描件"), C("原件\n已核对"), C("材料\n已收齐"))...)
	for i, m := range r.Materials {
		original := "—" // no original to check
		if strings.Contains(m.Copies, "原件") {
			original = "□"
		}
		t.Row(C(fmt.Sprint(i+1)), L(m.Name), L(m.Copies), L(m.Source), C("通知"+m.Clause),
			C(scans(p.Attachments, m.Code)), Cell{Text: original, Align: AlignCenter, Size: SizeSiHao},
			Cell{Text: "□", Align: AlignCenter, Size: SizeSiHao})
	}
	notes := checklistNotes(pol)
	d.SetFontSize(SizeXiaoWu)
	y = t.Y() + 10
	h := d.TextHeight(notes, c.W)
	if y+h+60 > d.Content().Bottom() {
		d.AddPage(BindNone)
		y = d.Content().Y
	}
	d.TextIn(Rect{X: c.X, Y: y, W: c.W, H: h}, notes, AlignLeft, true)
	y += h + 30
	d.SetFontSize(SizeWuHao)
	d.Text(c.X, y, "申报人签名：")
	d.Text(c.X+c.W*0.36, y, "单位经办人核对签名：")
	d.TextIn(Rect{X: c.X, Y: y, W: c.W, H: d.LineHeight()}, "年    月    日", AlignRight, true)
	return d.Bytes()
}

// scans says how many scanned files are attached for a material code.
func scans(atts []model.Attachment, code string) string {
	n := 0
	for _, a := range atts {
		if a.Material == code {
			n++
		}
	}
	if n == 0 {
		return ""
	}
	return fmt.Sprintf("已附%d份", n)
}

// checklistNotes are the notice's rules about the papers, from the policy.
func checklistNotes(pol *model.Policy) string {
	lines := []string{
		"说明：",
		"1．单位须认真审核申报材料的真实性、完整性和时效性，仔细核对原件，核对后在“原件已核对”栏打“√”（通知五（三））。",
		"2．除材料原件和《专业技术资格初定申报表》外，其他材料不予退还（通知五（四））。",
	}
	if pol.PublicityWorkdays > 0 {
		lines = append(lines, fmt.Sprintf("3．单位公示不少于%d个工作日，公示无异议后在申报表上签字盖章（通知五（三））。", pol.PublicityWorkdays))
	}
	if c := pol.Centre; c.Name != "" {
		s := fmt.Sprintf("%d．纸质材料报送至%s", len(lines), c.Name)
		if !pol.WindowStart.IsZero() && !pol.WindowEnd.IsZero() {
			s += fmt.Sprintf("，时间：%s至%s", pol.WindowStart.Chinese(), pol.WindowEnd.Chinese())
		}
		if c.Hours != "" {
			s += "（" + c.Hours + "，双休日、法定节假日休息）"
		}
		if c.Address != "" {
			s += "，地址：" + c.Address
		}
		if c.Phone != "" {
			s += "，电话：" + c.Phone
		}
		lines = append(lines, s+"（通知六）。")
	}
	return strings.Join(lines, "\n")
}
