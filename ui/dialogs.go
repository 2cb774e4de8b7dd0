package ui

import (
	"errors"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// showError shows a Chinese error dialog. The engine's errors already say
// what to do; what prefixes them with the action that failed.
func (u *UI) showError(what string, err error) {
	msg := err.Error()
	if what != "" {
		msg = what + "：" + msg
	}
	u.showMessage("出错了", msg, theme.ErrorIcon())
}

// showInfo shows a plain notice with a single 知道了 button.
func (u *UI) showInfo(title, msg string) { u.showMessage(title, msg, theme.InfoIcon()) }

func (u *UI) showMessage(title, msg string, icon fyne.Resource) {
	l := widget.NewLabel(msg)
	l.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(title, "知道了", container.NewBorder(nil, nil, widget.NewIcon(icon), nil, l), u.win)
	d.Resize(fyne.NewSize(480, 0))
	d.Show()
}

// confirm asks before a change that cannot be taken back.
func (u *UI) confirm(title, msg, ok string, yes func()) {
	l := widget.NewLabel(msg)
	l.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(title, ok, "取消", l, func(b bool) {
		if b {
			yes()
		}
	}, u.win)
	d.Resize(fyne.NewSize(460, 0))
	d.Show()
}

// filePicker asks the user for file system paths. The app uses Fyne's own
// dialogs sized to the window; tests answer with a fixed path.
type filePicker interface {
	openFile(title string, exts []string, done func(path string))
	saveFile(title, name string, exts []string, done func(path string))
	openFolder(title string, done func(path string))
}

// dialogPicker is the filePicker of the running app.
type dialogPicker struct {
	win     fyne.Window
	lastDir string
}

func (p *dialogPicker) openFile(_ string, exts []string, done func(string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		_ = r.Close()
		p.lastDir = filepath.Dir(path)
		done(path)
	}, p.win)
	if len(exts) > 0 {
		d.SetFilter(storage.NewExtensionFileFilter(exts))
	}
	p.show(d)
}

func (p *dialogPicker) saveFile(_ string, name string, exts []string, done func(string)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		path := w.URI().Path()
		// Fyne creates the file empty when it hands us a writer; the export
		// replaces it by renaming a finished temp file over it.
		_ = w.Close()
		p.lastDir = filepath.Dir(path)
		done(path)
	}, p.win)
	d.SetFileName(name)
	if len(exts) > 0 {
		d.SetFilter(storage.NewExtensionFileFilter(exts))
	}
	p.show(d)
}

func (p *dialogPicker) openFolder(_ string, done func(string)) {
	d := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
		if err != nil || l == nil {
			return
		}
		p.lastDir = l.Path()
		done(l.Path())
	}, p.win)
	p.show(d)
}

// show opens the dialog in the last used folder and as large as the window
// allows: Fyne's file dialog is bounded by the window and is cramped at its
// minimum size.
func (p *dialogPicker) show(d *dialog.FileDialog) {
	dir := p.lastDir
	if dir == "" {
		dir, _ = os.UserHomeDir()
	}
	if dir != "" {
		if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
			d.SetLocation(l)
		}
	}
	s := p.win.Canvas().Size()
	d.Resize(fyne.NewSize(s.Width*0.9, s.Height*0.9))
	d.Show()
}

// removeIfEmpty deletes a file the save dialog created empty when the export
// that should have filled it failed, so no empty file is left behind.
func removeIfEmpty(path string) {
	if fi, err := os.Stat(path); err == nil && fi.Size() == 0 {
		_ = os.Remove(path)
	}
}

// errCancelled is returned by long work the user stopped.
var errCancelled = errors.New("已取消")
