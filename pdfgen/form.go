package pdfgen

import (
	"errors"
	"fmt"
	"time"

	"chuding/model"
	"chuding/model/calendar"
	"chuding/model/opinion"
	"chuding/model/policy"
)

// FormOptions are the batch-wide facts a 申报表 needs besides the person.
type FormOptions struct {
	// Unit is the employer or agency that signs the form.
	Unit model.Unit
	// Policy supplies titles, 见习期 length, licensed series and the
	// opinion rules; nil means the built-in 2025年上半年 policy.
	Policy *model.Policy
	// Publicity, when known, fills the 公示情况 section; nil leaves its
	// lines blank to be written by hand.
	Publicity *model.Publicity
	// Copies is 1 or 2; 0 means 2, the 一式两份 of notice 四(一).
	Copies int
	// FillDate is the 填表日期; the zero date leaves it blank.
	FillDate model.Date
	// Fonts to draw with; nil means DefaultFonts().
	Fonts *Fonts
	// Draft forces the 草稿 watermark even on a form that passes.
	Draft bool
	// Now is written as the PDF creation date (inject a fixed time for
	// byte-stable output); the zero time leaves it out.
	Now time.Time
	// Calendar counts the publicity's working days; nil means the
	// embedded calendar.
	Calendar *calendar.Calendar
}

// Form layout in points. The front has the title, the cover lines and the
// applicant's data; the back has the 鉴定意见, 公示情况 and 审核意见.
const (
	formLabelW   = 26   // vertical section labels, one character per line
	formPhotoW   = 78   // 1-inch photo box (25×35 mm) with its border
	formPhotoH   = 100  // four rows of 25 pt
	opinionFloor = 8.0  // the smallest opinion font (points)
	opinionStep  = 0.5  // shrink step from 五号 down to the floor
	signBlockH   = 54.0 // 负责人签字/单位盖章/date under the opinion
)

// ErrOpinionTooLong is returned when the 鉴定意见 does not fit the back of
// the sheet even at the smallest font with every other box at its minimum.
var ErrOpinionTooLong = errors.New("鉴定意见太长，申报表背面在最小字号下也放不下")

// Form draws the 专业技术资格初定申报表 of p: exactly two A4 portrait pages
// per copy — the front bound on the left, the back on the right, for
// double-sided printing (四(一)) — with Copies copies in one file.
//
// A person who is not eligible, whose opinion fails the checker or whose
// ID number is invalid still gets a form, marked 草稿 on every page.
func Form(p *model.Person, r model.Result, opt FormOptions) ([]byte, error) {
	if p == nil {
		return nil, errors.New("没有申报人")
	}
	pol := opt.Policy
	if pol == nil {
		b := policy.Builtin2025H1()
		pol = &b
	}
	copies := opt.Copies
	if copies == 0 {
		copies = 2
	}
	if copies != 1 && copies != 2 {
		return nil, fmt.Errorf("份数应为 1 或 2，现为 %d", copies)
	}
	f := newFormData(p, r, pol, opt)
	docOpt := Options{Fonts: opt.Fonts, Created: opt.Now,
		Title: p.Name + " 专业技术资格初定申报表", Subject: pol.Name + "专业技术资格初定"}
	if len(f.draft) > 0 {
		docOpt.Watermark = "草稿"
	}
	d, err := New(docOpt)
	if err != nil {
		return nil, err
	}
	for i := 0; i < copies && d.Err() == nil; i++ {
		d.AddPage(BindLeft)
		f.front(d)
		d.AddPage(BindRight)
		f.back(d)
	}
	b, err := d.Bytes()
	if err != nil {
		return nil, fmt.Errorf("%s的申报表：%w", p.Name, err)
	}
	return b, nil
}

// DraftReasons says why p's form would be printed as a 草稿, in Chinese;
// empty when the form is ready to sign.
func DraftReasons(p *model.Person, r model.Result, pol *model.Policy) []string {
	var out []string
	if _, err := model.ParseID(p.IDNumber); err != nil {
		out = append(out, "身份证号码有误："+err.Error())
	}
	if !r.Eligible {
		msg := "申报人不符合初定条件"
		if len(r.Reasons) > 0 {
			msg += "：" + r.Reasons[0].Message
		}
		out = append(out, msg)
	}
	if rep := opinion.Check(p.Opinion, p, &r, pol); !rep.OK {
		msg := "鉴定意见未通过检查"
		if len(rep.Problems) > 0 {
			msg += "：" + rep.Problems[0].Message
		}
		out = append(out, msg)
	}
	return out
}
