package pdfgen

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"chuding/model"
	"chuding/model/publicity"
)

// NoObjection is the result of a publicity nobody objected to.
const NoObjection = "无异议"

// PublicityOutcome is what the 公示情况说明 reports after the period: when
// and where the unit publicised whom, and the result — 无异议, or the
// objections raised and how they were handled. The unit signs and stamps it
// (notice 五(三)).
type PublicityOutcome struct {
	Unit string
	// Recipient heads the letter, e.g. 连云港市人才服务中心 (Policy.Centre.Name).
	Recipient string
	Rows      []publicity.Row // the people publicised
	Plan      publicity.PlanResult
	// Place is where the notice was posted; empty means 本单位公示栏.
	Place string
	// Objections is empty or NoObjection when nobody objected; otherwise
	// what was raised (model.Publicity.Result).
	Objections string
	// Handled is how the objections were dealt with; required with them.
	Handled     string
	Phone       string // the HR officer's phone, printed beside 经办人
	NoticeTitle string // Policy.NoticeTitle
	// Date is the day signed; zero leaves 年 月 日 blank to be written by hand.
	Date    model.Date
	Created time.Time
}

// HasObjections reports whether anyone objected.
func (o PublicityOutcome) HasObjections() bool {
	s := strings.TrimSpace(o.Objections)
	return s != "" && s != NoObjection
}

func (o PublicityOutcome) check() error {
	switch {
	case strings.TrimSpace(o.Unit) == "":
		return errors.New("公示情况说明缺少单位名称，请填写后再生成")
	case len(o.Rows) == 0:
		return errors.New("公示情况说明没有公示人员")
	case o.Plan.End.IsZero():
		return errors.New("公示期没有算出，无法生成公示情况说明：请检查公示开始日期")
	case o.HasObjections() && strings.TrimSpace(o.Handled) == "":
		return errors.New("公示期间有异议时，请填写异议的处理情况")
	case !o.Date.IsZero() && !o.Date.After(o.Plan.End):
		return fmt.Errorf("说明日期%s不晚于公示期最后一天%s：公示情况说明应在公示期满后出具",
			o.Date.Chinese(), o.Plan.End.Chinese())
	}
	return nil
}

// PublicityNote draws the 公示情况说明 on one page (a very long list of
// names continues on a second).
func PublicityNote(o PublicityOutcome, fonts *Fonts) ([]byte, error) {
	if err := o.check(); err != nil {
		return nil, err
	}
	d, err := New(Options{Fonts: fonts, Margins: publicityMargins, Created: o.Created,
		Title: "公示情况说明", Subject: o.Unit})
	if err != nil {
		return nil, err
	}
	f := newFlow(d, 0)
	f.heading("公示情况说明", SizeXiaoEr)
	f.gap(14)
	if r := strings.TrimSpace(o.Recipient); r != "" {
		f.line(r+"：", SizeSiHao)
	}
	for _, p := range o.paragraphs() {
		f.para(p, SizeSiHao)
		f.gap(4)
	}
	f.gap(8)
	names := publicity.Names(o.Rows)
	f.para(fmt.Sprintf("公示人员名单（共%d名）：%s。", len(names), strings.Join(names, "、")), SizeWuHao)
	f.gap(8)
	f.para("特此说明。", SizeSiHao)
	f.gap(24)
	f.blank("单位负责人（签字）：", "")
	f.blank("经办人（签字）：", phoneNote(o.Phone))
	date := "　　年　　月　　日"
	if !o.Date.IsZero() {
		date = o.Date.Chinese()
	}
	f.signature([]string{o.Unit + "（盖章）", date})
	if d.Pages() > 2 {
		return nil, errors.New("公示情况说明超过两页：请缩短异议及处理情况的文字")
	}
	return d.Bytes()
}

func phoneNote(phone string) string {
	if strings.TrimSpace(phone) == "" {
		return ""
	}
	return "联系电话：" + phone
}

func (o PublicityOutcome) paragraphs() []string {
	place := strings.TrimSpace(o.Place)
	if place == "" {
		place = "本单位公示栏"
	}
	basis := "根据专业技术资格初定工作有关要求"
	if t := strings.TrimSpace(o.NoticeTitle); t != "" {
		basis = "根据《" + t + "》关于单位审核公示的要求"
	}
	who := publicity.Who(publicity.Names(o.Rows)...)
	first := fmt.Sprintf("%s，我单位于%s，在%s对拟申报专业技术资格初定的%s的学历、资历、工作业绩、年度考核等有关情况进行了公示。",
		basis, o.Plan.Period(), place, who)
	if note := o.Plan.Note(); note != "" {
		first += "（注：" + note + "，公示期按周一至周五计算。）"
	}
	if !o.HasObjections() {
		return []string{first, "公示期间，我单位未收到任何单位或个人对公示人员提出的异议。", "公示结果：" + NoObjection + "。"}
	}
	return []string{first,
		"公示期间，我单位收到以下异议：" + endSentence(o.Objections),
		"处理情况：" + endSentence(o.Handled),
		"公示结果：有异议，已按上述情况核实处理。"}
}

// endSentence trims s and closes it with 。 unless it already ends a sentence.
func endSentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsAny(s[len(s)-1:], ".!?") || strings.HasSuffix(s, "。") ||
		strings.HasSuffix(s, "！") || strings.HasSuffix(s, "？") {
		return s
	}
	return s + "。"
}

// line draws one unindented line of text.
func (f *flow) line(s string, size float64) {
	d := f.d
	d.SetFontSize(size)
	c := d.Content()
	for _, l := range d.Wrap(s, c.W) {
		f.room(d.LineHeight())
		d.Text(c.X, f.y, l)
		f.y += d.LineHeight()
	}
}

// blank draws "label ____________ after": a line to sign on by hand.
func (f *flow) blank(label, after string) {
	d := f.d
	d.SetFontSize(SizeXiaoSi)
	lh := d.LineHeight() * 1.8
	f.room(lh)
	c := d.Content()
	x := c.X + 2*d.FontSize()
	d.Text(x, f.y, label)
	x += d.Width(label)
	const signWidth = 120
	d.LineWidth(0.6)
	d.Line(x, f.y+d.LineHeight()-2, x+signWidth, f.y+d.LineHeight()-2)
	if after != "" {
		d.Text(x+signWidth+2*d.FontSize(), f.y, after)
	}
	f.y += lh
}
