package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"chuding/assets"
)

// Theme wraps Fyne's default theme and replaces only the font with the
// embedded Chinese face, so Chinese renders on machines with no CJK font
// (the bundled Fyne font has no Han glyphs; system fallback varies by
// locale). Monospace text keeps Fyne's own font.
type Theme struct {
	base fyne.Theme
	font fyne.Resource
}

// NewTheme returns the app theme using ttf as the text font; nil means the
// embedded WenQuanYi Micro Hei.
func NewTheme(ttf []byte) *Theme {
	if len(ttf) == 0 {
		ttf = assets.FontTTF
	}
	return &Theme{base: theme.DefaultTheme(), font: fyne.NewStaticResource("chuding-font.ttf", ttf)}
}

// Font returns the Chinese face for all text except monospace and symbols.
func (t *Theme) Font(s fyne.TextStyle) fyne.Resource {
	if s.Monospace || s.Symbol {
		return t.base.Font(s)
	}
	return t.font
}

// Color is the default theme's colour.
func (t *Theme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return t.base.Color(n, v)
}

// Icon is the default theme's icon.
func (t *Theme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base.Icon(n) }

// Size is the default theme's size.
func (t *Theme) Size(n fyne.ThemeSizeName) float32 { return t.base.Size(n) }
