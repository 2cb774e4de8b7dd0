package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"chuding/model"
)

// verdictView shows the rules engine's verdict on the person being edited:
// status, level and title, and every reason and warning with its clause.
type verdictView struct {
	status  *chip
	summary *widget.Label
	details *fyne.Container
	root    fyne.CanvasObject
}

func newVerdictView() *verdictView {
	v := &verdictView{
		status:  newChip("待完善", toneWarn),
		summary: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		details: container.NewVBox(),
	}
	v.summary.Wrapping = fyne.TextWrapWord
	head := container.NewVBox(
		container.NewHBox(bold("审核结论"), v.status),
		v.summary,
		widget.NewSeparator(),
	)
	v.root = container.NewBorder(head, nil, nil, nil, container.NewVScroll(v.details))
	return v
}

func (v *verdictView) content() fyne.CanvasObject { return container.NewPadded(v.root) }

// show renders res (and the form's open problems errs) for p.
func (v *verdictView) show(p *model.Person, res model.Result, errs []model.FieldError) {
	st := classify(res, errs)
	v.status.set(st.String(), st.tone())
	v.summary.SetText(verdictSummary(res))

	var objs []fyne.CanvasObject
	if len(res.Reasons) > 0 {
		objs = append(objs, bold("不符合条件的原因"))
		for _, f := range res.Reasons {
			objs = append(objs, findingLabel(f, widget.DangerImportance))
		}
	}
	if len(res.Warnings) > 0 {
		objs = append(objs, bold("提醒"))
		for _, f := range res.Warnings {
			objs = append(objs, findingLabel(f, widget.WarningImportance))
		}
	}
	if facts := verdictFacts(p, res); facts != "" {
		objs = append(objs, bold("认定情况"), wrapLabel(facts))
	}
	if len(res.Materials) > 0 {
		names := make([]string, len(res.Materials))
		for i, m := range res.Materials {
			names[i] = "·" + m.Name + "（" + m.Copies + "）"
		}
		objs = append(objs, bold("需提交的材料（通知四）"), wrapLabel(strings.Join(names, "\n")))
	}
	if len(errs) > 0 {
		lines := make([]string, len(errs))
		for i, e := range errs {
			lines[i] = "·" + e.Field + "：" + e.Message
		}
		l := wrapLabel(strings.Join(lines, "\n"))
		l.Importance = widget.WarningImportance
		objs = append(objs, bold(fmt.Sprintf("需补充或改正的信息（%d项）", len(errs))), l)
	}
	v.details.Objects = objs
	v.details.Refresh()
}

func verdictSummary(res model.Result) string {
	if res.Eligible {
		return fmt.Sprintf("可初定%s：%s", res.Level, res.Title)
	}
	return fmt.Sprintf("暂不能申报初定（%d条原因）", len(res.Reasons))
}

func verdictFacts(p *model.Person, res model.Result) string {
	var lines []string
	if res.Recognised >= 0 && res.Recognised < len(p.Education) {
		e := p.Education[res.Recognised]
		as := res.RecognisedAs
		if as == "" {
			as = e.Level
		}
		lines = append(lines, fmt.Sprintf("认定学历：%s（%s，%s，%s）", as, e.School, e.Major, e.Type))
	}
	if !res.TraineeEnd.IsZero() {
		lines = append(lines, "见习期满："+res.TraineeEnd.Chinese())
	}
	return strings.Join(lines, "\n")
}

// findingLabel shows one reason or warning with the clause it cites.
func findingLabel(f model.Finding, imp widget.Importance) *widget.Label {
	l := wrapLabel("【" + f.Clause + "】" + f.Message)
	l.Importance = imp
	return l
}

func wrapLabel(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}
