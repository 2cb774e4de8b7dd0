package pdfgen

import (
	"fmt"
	"strings"

	"github.com/signintech/gopdf"
)

// Align is the horizontal alignment of text in its box.
type Align int

const (
	AlignLeft Align = iota
	AlignCenter
	AlignRight
)

// Chinese font sizes by their traditional names, in points.
const (
	SizeXiaoEr float64 = 18   // 小二: form titles
	SizeSanHao float64 = 16   // 三号
	SizeSiHao  float64 = 14   // 四号: section titles
	SizeXiaoSi float64 = 12   // 小四
	SizeWuHao  float64 = 10.5 // 五号: form body
	SizeXiaoWu float64 = 9    // 小五: dense tables
)

// Leading is the line height as a multiple of the font size.
const Leading = 1.35

// OverflowError reports text that does not fit its box. chuding never
// clips text silently: a document builder must make the box bigger or the
// text smaller, and if it cannot, the document fails with this error.
type OverflowError struct {
	Text       string
	Need, Have float64 // heights in points
}

func (e *OverflowError) Error() string {
	return fmt.Sprintf("文字“%s”放不下：需要 %.0f 磅高，只有 %.0f 磅", shorten(e.Text, 20), e.Need, e.Have)
}

// SetFontSize sets the size in points for following text.
func (d *Doc) SetFontSize(pt float64) {
	if d.err != nil || pt == d.size {
		return
	}
	if err := d.gp.SetFont(d.fonts.family, "", pt); err != nil {
		d.Fail(err)
		return
	}
	d.size = pt
}

// FontSize is the current font size in points.
func (d *Doc) FontSize() float64 { return d.size }

// LineHeight is the height of one line of text at the current size.
func (d *Doc) LineHeight() float64 { return round(d.size * Leading) }

// Width measures s on one line at the current size. A rune the font lacks
// makes the document fail with a *MissingGlyphError.
func (d *Doc) Width(s string) float64 {
	w := 0.0
	for _, r := range s {
		w += d.advance(r, s)
	}
	return w * d.size
}

// advance is the width of r at 1 pt, measured once per document. Every
// rune is checked against the font here before gopdf sees it, because
// gopdf would draw a missing glyph as a blank.
func (d *Doc) advance(r rune, context string) float64 {
	if w, ok := d.widths[r]; ok {
		return w
	}
	if d.err != nil {
		return 0
	}
	if ok, err := d.gp.IsCurrFontContainGlyph(r); err != nil || !ok {
		d.Fail(&MissingGlyphError{Rune: r, Text: context})
		return 0
	}
	w, err := d.gp.MeasureTextWidth(string(r))
	if err != nil {
		d.Fail(err)
		return 0
	}
	w /= d.size
	d.widths[r] = w
	return w
}

// Lines that must not start with these runes (closing punctuation), nor
// end with the opening ones — the usual Chinese line-breaking rules.
const (
	noLineStart = "，。、；：？！）》」』”’…—%·,.;:?!)]}"
	noLineEnd   = "（《「『“‘([{"
)

// Wrap breaks s into lines no wider than width at the current size. Runes
// are measured one by one, so Chinese breaks between any two characters;
// "\n" starts a new line. An empty s gives no lines. A single rune wider
// than width still gets a line of its own rather than being dropped.
func (d *Doc) Wrap(s string, width float64) []string {
	s = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\t", " ").Replace(s)
	if s == "" {
		return nil
	}
	var lines []string
	for _, para := range strings.Split(s, "\n") {
		lines = append(lines, d.wrapParagraph(para, width/d.size, s)...)
	}
	return lines
}

func (d *Doc) wrapParagraph(para string, limit float64, context string) []string {
	if para == "" {
		return []string{""}
	}
	var lines []string
	var line []rune
	used := 0.0
	for _, r := range para {
		w := d.advance(r, context)
		if used+w > limit+1e-9 && len(line) > 0 {
			carry := 0
			// Pull characters down with a closing mark (all of a run like
			// "）。"), and never leave an opening mark at the end of a line.
			if strings.ContainsRune(noLineStart, r) {
				for carry < len(line)-1 {
					carry++
					if !strings.ContainsRune(noLineStart, line[len(line)-carry]) {
						break
					}
				}
			}
			// Keep a run of digits and Latin letters (a date, a phone
			// number, a web address) whole when the line has room before it.
			first := r
			if carry > 0 {
				first = line[len(line)-carry]
			}
			if isWordRune(first) {
				run := carry
				for run < len(line) && isWordRune(line[len(line)-1-run]) {
					run++
				}
				if run < len(line) {
					carry = run
				}
			}
			for carry < len(line)-1 && strings.ContainsRune(noLineEnd, line[len(line)-1-carry]) {
				carry++
			}
			next := append([]rune(nil), line[len(line)-carry:]...)
			lines = append(lines, string(line[:len(line)-carry]))
			line = next
			used = 0
			for _, c := range line {
				used += d.widths[c]
			}
		}
		line = append(line, r)
		used += w
	}
	return append(lines, string(line))
}

// TextHeight is the height s needs when wrapped to width at the current size.
func (d *Doc) TextHeight(s string, width float64) float64 {
	return float64(len(d.Wrap(s, width))) * d.LineHeight()
}

// Text draws s on one line with its top-left corner at (x, y).
func (d *Doc) Text(x, y float64, s string) {
	d.cell(x, y, d.Width(s), d.LineHeight(), s, AlignLeft)
}

// TextIn wraps s to r's width and draws it vertically centred in r (or
// from the top when top is set). Text taller than r fails the document with
// an *OverflowError instead of spilling or being cut.
func (d *Doc) TextIn(r Rect, s string, a Align, top bool) {
	lines := d.Wrap(s, r.W)
	lh := d.LineHeight()
	need := float64(len(lines)) * lh
	if need > r.H+0.01 && !d.dry {
		d.Fail(&OverflowError{Text: s, Need: need, Have: r.H})
		return
	}
	y := r.Y
	if !top {
		y += (r.H - need) / 2
	}
	for _, l := range lines {
		d.cell(r.X, y, r.W, lh, l, a)
		y += lh
	}
}

// Title draws s centred across the content width at 小二 in a bold look,
// with its top at y, and returns the height used.
func (d *Doc) Title(y float64, s string) float64 {
	old := d.size
	d.SetFontSize(SizeXiaoEr)
	r := Rect{X: d.content.X, Y: y, W: d.content.W, H: d.LineHeight()}
	d.BoldIn(r, s, AlignCenter)
	h := r.H
	d.SetFontSize(old)
	return h
}

// BoldIn draws one line of s in r with a bold look. gopdf has no synthetic
// bold and the embedded face has no bold style, so the text is drawn twice,
// offset by a fraction of a point — the usual way forms fake 黑体 weight.
func (d *Doc) BoldIn(r Rect, s string, a Align) {
	if d.Width(s) > r.W+0.01 && !d.dry {
		d.Fail(&OverflowError{Text: s, Need: d.Width(s), Have: r.W})
		return
	}
	off := round(d.size * 0.03)
	d.cell(r.X, r.Y, r.W, r.H, s, a)
	d.cell(r.X+off, r.Y, r.W, r.H, s, a)
}

// cell draws one line of text in a w×h box at (x, y), vertically centred.
func (d *Doc) cell(x, y, w, h float64, s string, a Align) {
	if s == "" || d.err != nil {
		return
	}
	d.Width(s) // checks every glyph first
	if d.err != nil || d.dry {
		return
	}
	align := gopdf.Middle
	switch a {
	case AlignCenter:
		align |= gopdf.Center
	case AlignRight:
		align |= gopdf.Right
	default:
		align |= gopdf.Left
	}
	d.gp.SetXY(round(x), round(y))
	d.Fail(d.gp.CellWithOption(&gopdf.Rect{W: round(w), H: round(h)}, s, gopdf.CellOption{Align: align}))
}

// isWordRune reports whether r belongs to a run that should not be broken:
// ASCII letters and digits and the punctuation inside dates, decimals,
// phone numbers and web addresses.
func isWordRune(r rune) bool {
	return r < 0x80 && (r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || strings.ContainsRune(".-/:@_", r))
}
