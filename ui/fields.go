package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"chuding/model"
)

// field is one labelled input with the line under it where its validation
// message appears as the officer types.
type field struct {
	key   string // the model.FieldError.Field this row shows
	label *widget.Label
	input fyne.CanvasObject
	err   *widget.Label
}

func newField(key, label string, input fyne.CanvasObject) *field {
	return &field{key: key, label: widget.NewLabel(label), input: input, err: newErrLabel()}
}

func newErrLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	return l
}

// setErr shows msg under the input, or hides the line when msg is "".
func setErrLabel(l *widget.Label, msg string) {
	if msg == "" {
		if l.Visible() {
			l.SetText("")
			l.Hide()
		}
		return
	}
	if l.Text != msg || !l.Visible() {
		l.SetText(msg)
		l.Show()
	}
}

// formGrid lays fields out as label | input-with-error rows.
func formGrid(fields ...*field) *fyne.Container {
	objs := make([]fyne.CanvasObject, 0, 2*len(fields))
	for _, f := range fields {
		objs = append(objs, f.label, container.NewVBox(f.input, f.err))
	}
	return container.New(layout.NewFormLayout(), objs...)
}

// section is a titled block of the editor.
func section(title string, content ...fyne.CanvasObject) fyne.CanvasObject {
	h := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	h.SizeName = theme.SizeNameSubHeadingText
	return container.NewVBox(append([]fyne.CanvasObject{h, widget.NewSeparator()}, content...)...)
}

// errorsByField groups messages by field; several messages for one field
// are joined.
func errorsByField(errs []model.FieldError) map[string]string {
	m := make(map[string]string, len(errs))
	for _, e := range errs {
		if old, ok := m[e.Field]; ok {
			m[e.Field] = old + "；" + e.Message
		} else {
			m[e.Field] = e.Message
		}
	}
	return m
}

// newEntry is a single-line entry with a placeholder.
func newEntry(placeholder string) *widget.Entry {
	e := widget.NewEntry()
	e.SetPlaceHolder(placeholder)
	return e
}

// newDateEntry is an entry that accepts every form model.ParseDate reads.
func newDateEntry(placeholder string) *widget.Entry {
	if placeholder == "" {
		placeholder = "如 2023-07-03"
	}
	return newEntry(placeholder)
}

// trimmed is strings.TrimSpace, named for the call sites that copy entry text into a person.
func trimmed(s string) string { return strings.TrimSpace(s) }

// successLabel is a green note under a button row ("已记录…"), hidden
// until there is something to say.
func successLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Importance = widget.SuccessImportance
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	return l
}

// setNote shows msg in a successLabel.
func setNote(l *widget.Label, msg string) {
	l.SetText(msg)
	l.Show()
}
