package pdfgen

import (
	"errors"
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/signintech/gopdf"

	"chuding/assets"
)

// Fonts is a TrueType font parsed once and shared by every document.
//
// Parsing the 4.6 MB WenQuanYi face costs about 5 ms and 8 MB of garbage;
// gopdf's FontContainer keeps the parsed tables and hands each document a
// copy whose glyph subset is its own (measured: 2 µs per document). The
// parsed tables are only read afterwards, so one Fonts value is safe for
// concurrent use by any number of documents.
type Fonts struct {
	family    string
	container *gopdf.FontContainer
	// unchecked counts glyphs gopdf found missing in text that bypassed
	// Doc's own check (see Doc.checkGlyphs); a Doc that sees it grow
	// while it was being built fails, so a blank can never be silent.
	unchecked atomic.Int64
}

// ErrNotTrueType is returned for a font file gopdf cannot use: gopdf reads
// TrueType outlines only, not OpenType/CFF (.otf) or collections (.ttc).
var ErrNotTrueType = errors.New("字体文件不是 TrueType（.ttf）格式：请选择 .ttf 文件（.otf、.ttc 字体无法嵌入 PDF）")

// LoadFonts parses a TrueType font for use in PDFs (for example the face a
// user picked in settings). The bytes must not be modified afterwards.
func LoadFonts(ttf []byte) (*Fonts, error) {
	if len(ttf) < 4 || string(ttf[:4]) != "\x00\x01\x00\x00" {
		return nil, ErrNotTrueType
	}
	f := &Fonts{family: assets.FontName, container: &gopdf.FontContainer{}}
	opt := gopdf.TtfOption{
		OnGlyphNotFound: func(rune) { f.unchecked.Add(1) },
		// Substitute a space like gopdf's default; the Doc reports the
		// rune as an error before this can ever be reached.
		OnGlyphNotFoundSubstitute: gopdf.DefaultOnGlyphNotFoundSubstitute,
	}
	if err := f.container.AddTTFFontDataWithOption(f.family, ttf, opt); err != nil {
		return nil, fmt.Errorf("字体文件无法读取：%w", err)
	}
	return f, nil
}

var defaultFonts struct {
	once  sync.Once
	fonts *Fonts
	err   error
}

// DefaultFonts returns the embedded WenQuanYi Micro Hei (assets.FontTTF),
// parsed on first use and cached for the life of the process.
func DefaultFonts() (*Fonts, error) {
	defaultFonts.once.Do(func() {
		defaultFonts.fonts, defaultFonts.err = LoadFonts(assets.FontTTF)
	})
	return defaultFonts.fonts, defaultFonts.err
}

// attach registers the font with one document.
func (f *Fonts) attach(gp *gopdf.GoPdf) error {
	return gp.AddTTFFontFromFontContainer(f.family, f.container)
}

// MissingGlyphError reports text the font cannot draw. gopdf would print a
// blank in its place; chuding refuses to produce such a document.
type MissingGlyphError struct {
	Rune rune
	Text string // the text it appeared in
}

func (e *MissingGlyphError) Error() string {
	return fmt.Sprintf("字体缺少字符“%c”（U+%04X），出现在“%s”中：请更换字体或改写该字", e.Rune, e.Rune, shorten(e.Text, 30))
}

func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
