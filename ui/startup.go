package ui

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"chuding/model"
	"chuding/model/peoplefile"
	"chuding/model/store"
)

// samplePeople is the sample batch (a copy of testdata/people-sample.json)
// offered on first start so a newcomer sees a full batch.
//
//go:embed sample/people-sample.json
var samplePeople []byte

// startupProblem is the window's content when the database could not be
// opened: what happened, what to do, and for a damaged file its backups.
func (u *UI) startupProblem(err error) fyne.CanvasObject {
	title := widget.NewLabelWithStyle("无法打开数据库", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameHeadingText
	msg := wrapLabel(fmt.Sprintf("%v\n\n数据库文件：%s", err, u.cfg.DBPath))
	retry := widget.NewButtonWithIcon("重试", theme.ViewRefreshIcon(), func() { u.retryOpen() })
	retry.Importance = widget.HighImportance
	quit := widget.NewButton("退出", func() { u.win.Close() })
	objs := []fyne.CanvasObject{title, msg}
	switch {
	case errors.Is(err, store.ErrLocked):
		objs = append(objs, wrapLabel("可能另一个职称初定助手窗口正在使用它。请关闭那个窗口后按“重试”。"))
	case errors.Is(err, store.ErrTooNew):
		objs = append(objs, wrapLabel("请安装最新版的职称初定助手后再打开。本程序不会修改这个文件。"))
	case errors.Is(err, store.ErrCorrupt):
		objs = append(objs, wrapLabel("本程序不会覆盖这个文件。可以从下面的备份中选一个恢复（当前文件会另存在旁边，不会删除）："),
			u.backupChooser())
	}
	objs = append(objs, container.NewHBox(retry, quit))
	return container.NewPadded(container.NewVBox(objs...))
}

// backupChooser lists the backups of the damaged database with a restore
// button each.
func (u *UI) backupChooser() fyne.CanvasObject {
	bs, err := store.ListBackups(u.cfg.DBPath)
	if err != nil || len(bs) == 0 {
		return wrapLabel("没有找到备份。可以把数据库文件移走后重新打开，程序会新建一个空数据库。")
	}
	box := container.NewVBox()
	for _, b := range bs {
		b := b
		btn := widget.NewButton("恢复此备份", func() {
			if err := store.RestoreBackup(u.cfg.DBPath, b.Path); err != nil {
				u.showError("恢复失败", err)
				return
			}
			u.retryOpen()
		})
		box.Add(container.NewBorder(nil, nil, nil, btn,
			widget.NewLabel(fmt.Sprintf("%s　%s", b.Time.Format("2006-01-02 15:04:05"), sizeText(b.Size)))))
	}
	return box
}

// retryOpen opens the database again and, when it works, starts normally.
func (u *UI) retryOpen() {
	st, err := store.Open(u.cfg.DBPath, u.cfg.Options)
	if err != nil {
		u.win.SetContent(u.startupProblem(err))
		return
	}
	u.st = st
	u.start()
}

// offerSample asks on first start whether to load the sample people.
func (u *UI) offerSample() {
	msg := wrapLabel("这是一个空的数据库。可以先载入示例数据（一个示例单位的5名申报人，有可申报的也有不可申报的），看看完整的批次是什么样子；也可以直接从空白开始，先填写单位信息。")
	var d *dialog.CustomDialog
	load := widget.NewButtonWithIcon("载入示例数据", theme.DownloadIcon(), func() {
		d.Hide()
		if err := u.loadSample(); err != nil {
			u.showError("载入示例数据失败", err)
		}
	})
	load.Importance = widget.HighImportance
	blank := widget.NewButton("从空白开始", func() {
		d.Hide()
		u.shell.show(screenBatch)
	})
	d = dialog.NewCustomWithoutButtons("欢迎使用职称初定助手", msg, u.win)
	d.SetButtons([]fyne.CanvasObject{blank, load})
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
}

// loadSample stores the sample unit and people in the current batch.
func (u *UI) loadSample() error {
	people, err := peoplefile.Read(bytes.NewReader(samplePeople))
	if err != nil {
		return err
	}
	if strings.TrimSpace(u.unit.Name) == "" && len(people) > 0 {
		unit := model.Unit{Name: people[0].Unit, Kind: "企业", Contact: "王经办", Phone: "0518-85550000",
			Address: "连云港市海州区示例路1号"}
		if err := u.st.SaveUnit(unit); err != nil {
			return err
		}
		u.unit = unit
	}
	if err := u.st.ImportPeople(u.batch.ID, people); err != nil {
		return err
	}
	u.openBatch(u.batch)
	return nil
}
