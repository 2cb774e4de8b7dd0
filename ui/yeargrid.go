package ui

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"chuding/model"
)

// notEntered is the select option that clears a year's appraisal.
const notEntered = "（未填写）"

// yearGrid edits 年度考核 (二(三)) and 继续教育 (二(四)) year by year, one row
// per year from the year work started to the policy's cutoff year, plus any
// other year already on record so nothing is hidden.
type yearGrid struct {
	e     *editor
	box   *fyne.Container
	err   *widget.Label
	years []int
	sel   map[int]*widget.Select
	ce    map[int]*widget.Check
}

func newYearGrid(e *editor) *yearGrid {
	return &yearGrid{e: e, box: container.NewVBox(), err: newErrLabel()}
}

func (g *yearGrid) content() fyne.CanvasObject { return container.NewVBox(g.box, g.err) }

// gridYears lists the years to show.
func gridYears(p *model.Person, pol *model.Policy) []int {
	var ys []int
	if !p.WorkStart.IsZero() && pol.Cutoff.Year >= p.WorkStart.Year {
		for y := p.WorkStart.Year; y <= pol.Cutoff.Year; y++ {
			ys = append(ys, y)
		}
	}
	for _, y := range model.Years(p.Appraisals) {
		ys = append(ys, y)
	}
	for _, y := range model.Years(p.ContinuingEd) {
		ys = append(ys, y)
	}
	slices.Sort(ys)
	return slices.Compact(ys)
}

// rebuild lays the rows out again; it keeps the rows when the years did not
// change, so typing a work start date does not rebuild the grid per key.
func (g *yearGrid) rebuild() {
	pol := g.e.u.policy()
	ys := gridYears(&g.e.p, pol)
	if slices.Equal(ys, g.years) && g.sel != nil {
		g.fill()
		return
	}
	g.years = ys
	g.sel = map[int]*widget.Select{}
	g.ce = map[int]*widget.Check{}
	if len(ys) == 0 {
		hint := widget.NewLabel("填写参加工作时间后，这里按年列出从参加工作当年到资历截止年度（" +
			fmt.Sprint(pol.Cutoff.Year) + "年）的年度考核和继续教育。")
		hint.Wrapping = fyne.TextWrapWord
		g.box.Objects = []fyne.CanvasObject{hint}
		g.box.Refresh()
		return
	}
	grid := container.New(layout.NewGridLayoutWithColumns(3),
		bold("年度"), bold("年度考核结果"), bold("继续教育公需科目"))
	for _, y := range ys {
		y := y
		label := fmt.Sprintf("%d年", y)
		if y == pol.Cutoff.Year {
			label += "（截止年度）"
		}
		sel := widget.NewSelect(append([]string{notEntered}, model.AppraisalResults...), func(s string) {
			if g.e.loading {
				return
			}
			if s == notEntered {
				delete(g.e.p.Appraisals, y)
			} else {
				if g.e.p.Appraisals == nil {
					g.e.p.Appraisals = map[int]string{}
				}
				g.e.p.Appraisals[y] = s
			}
			g.e.changed(fmt.Sprintf("年度考核[%d]", y))
		})
		sel.PlaceHolder = notEntered
		ce := widget.NewCheck("已学习并考核合格", func(b bool) {
			if g.e.loading {
				return
			}
			if g.e.p.ContinuingEd == nil {
				g.e.p.ContinuingEd = map[int]bool{}
			}
			if b {
				g.e.p.ContinuingEd[y] = true
			} else {
				delete(g.e.p.ContinuingEd, y)
			}
			g.e.changed(fmt.Sprintf("继续教育[%d]", y))
		})
		g.sel[y], g.ce[y] = sel, ce
		grid.Add(widget.NewLabel(label))
		grid.Add(sel)
		grid.Add(ce)
	}
	g.box.Objects = []fyne.CanvasObject{grid}
	g.box.Refresh()
	g.fill()
}

// fill shows the person's values in the rows.
func (g *yearGrid) fill() {
	loading := g.e.loading
	g.e.loading = true
	defer func() { g.e.loading = loading }()
	for _, y := range g.years {
		if v, ok := g.e.p.Appraisals[y]; ok && v != "" {
			if !slices.Contains(g.sel[y].Options, v) {
				g.sel[y].SetOptions(append(g.sel[y].Options, v))
			}
			g.sel[y].SetSelected(v)
		} else {
			g.sel[y].ClearSelected()
		}
		g.ce[y].SetChecked(g.e.p.ContinuingEd[y])
	}
}

// showErrors lists messages about appraisal and continuing-education years
// under the grid.
func (g *yearGrid) showErrors(byField map[string]string) {
	var msgs []string
	for _, k := range sortedKeys(byField) {
		if strings.HasPrefix(k, "年度考核[") || strings.HasPrefix(k, "继续教育[") {
			if m := g.e.visible(k, byField[k]); m != "" {
				msgs = append(msgs, k+"："+m)
			}
		}
	}
	setErrLabel(g.err, strings.Join(msgs, "\n"))
}

func bold(s string) *widget.Label {
	return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}
