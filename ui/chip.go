package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// tone is the colour family of a chip.
type tone int

const (
	toneNeutral tone = iota
	toneGood
	toneBad
	toneWarn
	toneInfo
)

func (t tone) colorName() fyne.ThemeColorName {
	switch t {
	case toneGood:
		return theme.ColorNameSuccess
	case toneBad:
		return theme.ColorNameError
	case toneWarn:
		return theme.ColorNameWarning
	case toneInfo:
		return theme.ColorNamePrimary
	}
	return theme.ColorNameDisabled
}

// chip is a small rounded label in a status colour: 可申报, 不可申报, 待完善,
// and the opinion dimensions a text covers.
type chip struct {
	widget.BaseWidget
	Text string
	Tone tone
}

func newChip(text string, t tone) *chip {
	c := &chip{Text: text, Tone: t}
	c.ExtendBaseWidget(c)
	return c
}

// set changes text and tone and redraws.
func (c *chip) set(text string, t tone) {
	if c.Text == text && c.Tone == t {
		return
	}
	c.Text, c.Tone = text, t
	c.Refresh()
}

func (c *chip) CreateRenderer() fyne.WidgetRenderer {
	r := &chipRenderer{c: c, bg: &canvas.Rectangle{}, text: canvas.NewText("", color.Black)}
	r.text.TextSize = theme.CaptionTextSize()
	r.Refresh()
	return r
}

type chipRenderer struct {
	c    *chip
	bg   *canvas.Rectangle
	text *canvas.Text
}

func (r *chipRenderer) pad() (float32, float32) {
	p := theme.Padding()
	return p * 1.5, p * 0.5
}

func (r *chipRenderer) Layout(s fyne.Size) {
	ts := r.text.MinSize()
	h := ts.Height + 2*r.padY()
	y := (s.Height - h) / 2
	r.bg.Move(fyne.NewPos(0, y))
	r.bg.Resize(fyne.NewSize(ts.Width+2*r.padX(), h))
	r.text.Move(fyne.NewPos(r.padX(), y+r.padY()))
	r.text.Resize(ts)
}

func (r *chipRenderer) padX() float32 { x, _ := r.pad(); return x }
func (r *chipRenderer) padY() float32 { _, y := r.pad(); return y }

func (r *chipRenderer) MinSize() fyne.Size {
	ts := r.text.MinSize()
	return fyne.NewSize(ts.Width+2*r.padX(), ts.Height+2*r.padY())
}

func (r *chipRenderer) Refresh() {
	th := r.c.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	base := th.Color(r.c.Tone.colorName(), v)
	cr, cg, cb, _ := base.RGBA()
	r.bg.FillColor = color.NRGBA{R: uint8(cr >> 8), G: uint8(cg >> 8), B: uint8(cb >> 8), A: 0x30}
	r.bg.StrokeColor = base
	r.bg.StrokeWidth = 1
	r.bg.CornerRadius = theme.InputRadiusSize() * 2
	r.text.Text = r.c.Text
	r.text.Color = th.Color(theme.ColorNameForeground, v)
	r.text.TextSize = th.Size(theme.SizeNameCaptionText)
	r.Layout(r.c.Size())
	r.bg.Refresh()
	r.text.Refresh()
}

func (r *chipRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.bg, r.text} }
func (r *chipRenderer) Destroy()                     {}
