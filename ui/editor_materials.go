package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"chuding/model"
)

// materialsList shows the materials the rules ask of this person (通知四)
// with the scans attached to each, and adds or removes scans.
type materialsList struct {
	e     *editor
	box   *fyne.Container
	shown string // fingerprint of what is laid out, to rebuild only on change
}

func newMaterialsList(e *editor) *materialsList {
	return &materialsList{e: e, box: container.NewVBox()}
}

func (m *materialsList) content() fyne.CanvasObject { return m.box }

// update lays the list out again when the required materials or the
// attachments changed.
func (m *materialsList) update(res model.Result) {
	key := fmt.Sprint(res.Materials, m.e.p.Attachments)
	if key == m.shown {
		return
	}
	m.shown = key
	var objs []fyne.CanvasObject
	if len(res.Materials) == 0 {
		objs = append(objs, wrapLabel("填写人事关系、申报系列和学历后，这里列出需要提交的材料。"))
	}
	for _, mat := range res.Materials {
		objs = append(objs, m.materialBlock(mat))
	}
	m.box.Objects = objs
	m.box.Refresh()
}

func (m *materialsList) materialBlock(mat model.Material) fyne.CanvasObject {
	title := bold(mat.Name + "（" + mat.Copies + "）")
	source := wrapLabel("来源：" + mat.Source)
	rows := []fyne.CanvasObject{title, source}
	if !scanned(mat) {
		rows = append(rows, wrapLabel("由本软件生成，请在“打印与导出”中打印。"))
		return container.NewVBox(append(rows, widget.NewSeparator())...)
	}
	n := 0
	for i, a := range m.e.p.Attachments {
		if a.Material != mat.Code {
			continue
		}
		n++
		i := i
		del := widget.NewButtonWithIcon("移除", theme.DeleteIcon(), func() { m.remove(i) })
		del.Importance = widget.LowImportance
		rows = append(rows, container.NewBorder(nil, nil, widget.NewIcon(theme.FileIcon()), del,
			widget.NewLabel(fmt.Sprintf("%s（%s）", a.Name, sizeText(a.Size)))))
	}
	if n == 0 {
		l := widget.NewLabel("尚未添加扫描件")
		l.Importance = widget.WarningImportance
		rows = append(rows, l)
	}
	add := widget.NewButtonWithIcon("添加扫描件…", theme.MailAttachmentIcon(), func() {
		m.e.u.files.openFile("选择"+mat.Name+"的扫描件", []string{".pdf", ".jpg", ".jpeg", ".png"}, func(path string) {
			m.attach(mat.Code, path)
		})
	})
	rows = append(rows, container.NewHBox(add), widget.NewSeparator())
	return container.NewVBox(rows...)
}

// attach stores the file at path as a scan of material code. The store
// checks type (by content) and size; its message says what to do. Reading
// and storing a scan of several MB runs in the background.
func (m *materialsList) attach(code, path string) {
	u, gen := m.e.u, m.e.gen
	u.jobs.run(func() {
		data, err := os.ReadFile(path)
		if err != nil {
			err = fmt.Errorf("%s：%v。请确认文件存在且有读取权限", filepath.Base(path), err)
		}
		var a model.Attachment
		if err == nil {
			a, err = u.st.PutAttachment(filepath.Base(path), data)
		}
		fyne.Do(func() {
			if err != nil {
				u.showError("无法添加扫描件", err)
				return
			}
			if m.e.gen != gen {
				return // the officer moved on to another person meanwhile
			}
			a.Material = code
			if slices.ContainsFunc(m.e.p.Attachments, func(x model.Attachment) bool { return x.Material == code && x.SHA256 == a.SHA256 }) {
				u.showInfo("已添加过", "“"+a.Name+"”已经是这项材料的扫描件，无需重复添加。")
				return
			}
			m.e.p.Attachments = append(m.e.p.Attachments, a)
			m.e.changed("附件")
		})
	})
}

func (m *materialsList) remove(i int) {
	m.e.p.Attachments = slices.Delete(m.e.p.Attachments, i, i+1)
	m.e.changed("附件")
}

func sizeText(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d 字节", n)
}
