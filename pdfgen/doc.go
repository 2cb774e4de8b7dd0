// Package pdfgen draws chuding's printed papers — the 申报表, the 材料清单,
// the 申报人员汇总表 and the publicity notice — with gopdf and the embedded
// Chinese font.
//
// The shared engine is Doc (a page-aware wrapper around one gopdf document:
// A4 pages, binding margins, wrapped text, a draft watermark, byte-stable
// output) and Table (bordered rows whose cells wrap and grow, with a
// repeated header row across page breaks). Every document function takes
// plain model values and returns the PDF bytes.
//
// Coordinates are PDF points (1/72 inch) measured from the top-left corner
// of the page, as gopdf does.
package pdfgen

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"time"

	"github.com/signintech/gopdf"
)

// A4 in points. The issue speaks of 595×842; gopdf's exact size is used.
const (
	A4Width  = 595.28
	A4Height = 841.89
)

// Binding says on which side of a page the sheets are bound; that side
// gets the wider margin. A form printed double-sided binds its front on the
// left and its back on the right (gopdf has no duplex: we mirror by hand).
type Binding int

const (
	BindNone  Binding = iota // both sides get the outer margin
	BindLeft                 // front of a sheet
	BindRight                // back of a sheet
)

// Margins of a page in points. Binding is used on the bound side, Outer on
// the other, and on both sides when the page is not bound.
type Margins struct {
	Top, Bottom, Binding, Outer float64
}

// DefaultMargins suit Chinese government forms: 25 mm binding margin,
// about 17 mm elsewhere.
var DefaultMargins = Margins{Top: 48, Bottom: 42, Binding: 71, Outer: 48}

// Rect is an area of the page, X/Y at its top-left corner, in points.
type Rect struct{ X, Y, W, H float64 }

// Right is the x of the rectangle's right edge.
func (r Rect) Right() float64 { return r.X + r.W }

// Bottom is the y of the rectangle's bottom edge.
func (r Rect) Bottom() float64 { return r.Y + r.H }

// Options configure a new document.
type Options struct {
	// Fonts to draw with; nil means DefaultFonts().
	Fonts *Fonts
	// Landscape turns the A4 page sideways (the roster).
	Landscape bool
	// Margins; the zero value means DefaultMargins.
	Margins Margins
	// Created is written as the PDF creation date. Inject a fixed time:
	// with it the output is byte-identical between runs (golden tests).
	// The zero time leaves the date out.
	Created time.Time
	// Title and Subject go into the PDF's document information.
	Title, Subject string
	// Watermark, when not empty (e.g. "草稿"), is drawn large, light and
	// diagonally beneath everything else on every page.
	Watermark string
}

// Doc is one PDF being drawn. Drawing methods record the first error and
// then do nothing (like bufio.Writer); Bytes, WriteTo and WriteFile return
// it, so a document with a missing glyph or clipped text is never produced.
// A Doc is not safe for concurrent use; different Docs are.
type Doc struct {
	gp        *gopdf.GoPdf
	fonts     *Fonts
	opt       Options
	pageW     float64
	pageH     float64
	content   Rect
	binding   Binding
	pages     int
	size      float64
	widths    map[rune]float64 // advance width at 1 pt
	err       error
	unchecked int64
	dry       bool // inside Measure: measure and check, draw nothing
}

// New starts an empty document; call AddPage before drawing.
func New(opt Options) (*Doc, error) {
	if opt.Fonts == nil {
		f, err := DefaultFonts()
		if err != nil {
			return nil, err
		}
		opt.Fonts = f
	}
	if opt.Margins == (Margins{}) {
		opt.Margins = DefaultMargins
	}
	d := &Doc{gp: &gopdf.GoPdf{}, fonts: opt.Fonts, opt: opt, pageW: A4Width, pageH: A4Height,
		widths: make(map[rune]float64, 512), unchecked: opt.Fonts.unchecked.Load()}
	if opt.Landscape {
		d.pageW, d.pageH = d.pageH, d.pageW
	}
	d.gp.Start(gopdf.Config{Unit: gopdf.UnitPT, PageSize: gopdf.Rect{W: d.pageW, H: d.pageH}})
	d.gp.SetInfo(gopdf.PdfInfo{Title: opt.Title, Subject: opt.Subject, Creator: "职称初定助手",
		Producer: "chuding (gopdf)", CreationDate: opt.Created})
	if err := opt.Fonts.attach(d.gp); err != nil {
		return nil, fmt.Errorf("字体无法载入 PDF：%w", err)
	}
	d.SetFontSize(10.5)
	return d, nil
}

// AddPage starts a new page bound on side b and resets the content area.
func (d *Doc) AddPage(b Binding) {
	if d.err != nil {
		return
	}
	d.gp.AddPage()
	d.pages++
	d.binding = b
	m := d.opt.Margins
	left, right := m.Outer, m.Outer
	switch b {
	case BindLeft:
		left = m.Binding
	case BindRight:
		right = m.Binding
	}
	d.content = Rect{X: left, Y: m.Top, W: d.pageW - left - right, H: d.pageH - m.Top - m.Bottom}
	if d.opt.Watermark != "" {
		d.watermark(d.opt.Watermark)
	}
	d.gp.SetStrokeColor(0, 0, 0)
	d.gp.SetTextColor(0, 0, 0)
}

// EachPage runs f once on every page added so far, in order, drawing onto
// that page; use it for footers that need the page count (第 1 页 共 3 页).
// Drawing continues on the last page afterwards.
func (d *Doc) EachPage(f func(page, total int)) {
	if d.err != nil {
		return
	}
	for i := 1; i <= d.pages && d.err == nil; i++ {
		if err := d.gp.SetPage(i); err != nil {
			d.Fail(fmt.Errorf("第 %d 页：%w", i, err))
			return
		}
		f(i, d.pages)
	}
}

// Content is the printable area of the current page inside the margins.
func (d *Doc) Content() Rect { return d.content }

// Binding is the bound side of the current page.
func (d *Doc) Binding() Binding { return d.binding }

// Pages is the number of pages added so far.
func (d *Doc) Pages() int { return d.pages }

// PageSize is the page's width and height in points.
func (d *Doc) PageSize() (w, h float64) { return d.pageW, d.pageH }

// Err is the first error met while drawing, or nil.
func (d *Doc) Err() error { return d.err }

// Fail records err as the document's error unless one is already set.
// Document builders use it for their own layout failures.
func (d *Doc) Fail(err error) {
	if d.err == nil && err != nil {
		d.err = err
	}
}

// Bytes finishes the document and returns the PDF.
func (d *Doc) Bytes() ([]byte, error) {
	var buf bytes.Buffer
	if _, err := d.WriteTo(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// WriteTo finishes the document and writes the PDF to w.
func (d *Doc) WriteTo(w io.Writer) (int64, error) {
	if err := d.finish(); err != nil {
		return 0, err
	}
	return d.gp.WriteTo(w)
}

func (d *Doc) finish() error {
	if d.err != nil {
		return d.err
	}
	if d.pages == 0 {
		return errors.New("文档没有页面")
	}
	if d.fonts.unchecked.Load() != d.unchecked {
		return errors.New("字体缺少某些字符，PDF 中会出现空白：请更换字体")
	}
	return nil
}

// Measure runs f with drawing switched off: text is still measured and
// checked and tables still advance their y, but nothing reaches the page
// and tables never turn or overflow it. Builders use it to try a layout
// (how tall is this section at 五号?) before drawing it for real.
func (d *Doc) Measure(f func()) {
	old := d.dry
	d.dry = true
	f()
	d.dry = old
}

// Line draws a straight line with the current line width.
func (d *Doc) Line(x1, y1, x2, y2 float64) {
	if d.err == nil && !d.dry {
		d.gp.Line(x1, y1, x2, y2)
	}
}

// LineWidth sets the stroke width in points for following lines and boxes.
func (d *Doc) LineWidth(w float64) {
	if d.err == nil && !d.dry {
		d.gp.SetLineWidth(w)
	}
}

// Box strokes the outline of r.
func (d *Doc) Box(r Rect) {
	if d.err == nil && !d.dry {
		d.gp.RectFromUpperLeftWithStyle(r.X, r.Y, r.W, r.H, "D")
	}
}

// CheckBox draws an empty square tick box of side s at (x, y).
func (d *Doc) CheckBox(x, y, s float64) {
	d.Box(Rect{X: x, Y: y, W: s, H: s})
}

// watermark draws text diagonally across the middle of the page in light
// grey. It is drawn first, so the form's lines and text stay on top and the
// page still reads; it needs no transparency.
func (d *Doc) watermark(text string) {
	const size = 150.0
	cx, cy := d.pageW/2, d.pageH/2
	d.SetFontSize(size)
	w := d.Width(text)
	d.gp.SetTextColor(222, 222, 222)
	d.gp.Rotate(45, cx, cy)
	d.cell(cx-w/2, cy-size*0.6, w, size*1.2, text, AlignCenter)
	d.gp.RotateReset()
	d.gp.SetTextColor(0, 0, 0)
}

// round keeps coordinates to 0.01 pt so layout arithmetic never differs
// in the last bit between runs or machines.
func round(v float64) float64 { return math.Round(v*100) / 100 }
