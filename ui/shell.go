package ui

import (
	"fmt"
	"image"
	"os"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"chuding/model"
)

// Screens in the officer's order of work.
const (
	screenBatch = iota
	screenPeople
	screenEditor
	screenOpinion
	screenPublicity
	screenExport
	screenSettings
	numScreens
)

// screen is one page of the sidebar.
type screen interface {
	content() fyne.CanvasObject
}

// refresher is a screen that reloads its data when shown.
type refresher interface{ refresh() }

// saver is a screen with something Ctrl+S saves.
type saver interface{ save() }

// leaver is a screen that keeps what was typed when the officer leaves it.
type leaver interface{ leave() }

// finder is a screen with a search box Ctrl+F focuses.
type finder interface{ focusSearch() }

type navItem struct {
	title string
	icon  func() fyne.Resource // looked up when the shell is built, after the app exists
}

var navItems = [numScreens]navItem{
	{"单位与批次", theme.HomeIcon},
	{"人员", theme.AccountIcon},
	{"人员编辑", theme.DocumentCreateIcon},
	{"鉴定意见", theme.MailComposeIcon},
	{"公示", theme.CalendarIcon},
	{"打印与导出", theme.DocumentPrintIcon},
	{"设置", theme.SettingsIcon},
}

// shell is the window frame: header, sidebar and the current screen.
type shell struct {
	u       *UI
	header  *widget.Label
	counts  *widget.Label
	nav     [numScreens]*widget.Button
	body    *fyne.Container
	screens [numScreens]screen
	current int
	root    fyne.CanvasObject
}

func (u *UI) buildScreens() {
	s := &shell{u: u, current: -1}
	u.shell = s
	u.batchScr = newBatchScreen(u)
	u.people = newPeopleScreen(u)
	u.editor = newEditor(u)
	u.opinion = newOpinionScreen(u)
	u.publicity = newPublicityScreen(u)
	u.export = newExportScreen(u)
	u.settings = newSettingsScreen(u)
	s.screens = [numScreens]screen{u.batchScr, u.people, u.editor, u.opinion, u.publicity, u.export, u.settings}
	s.build()
}

func (s *shell) build() {
	s.header = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.header.Truncation = fyne.TextTruncateEllipsis
	s.counts = widget.NewLabel("")
	side := container.NewVBox()
	for i, it := range navItems {
		i := i
		b := widget.NewButtonWithIcon(fmt.Sprintf("%d  %s", i+1, it.title), it.icon(), func() { s.show(i) })
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		s.nav[i] = b
		side.Add(b)
	}
	if i := len(navItems) - 1; i >= 0 {
		// 设置 is not a step of the work: keep it apart at the bottom.
		side.Objects = side.Objects[:i]
		side = container.NewBorder(side, s.nav[i], nil, nil)
	}
	s.body = container.NewStack()
	top := container.NewBorder(nil, nil, nil, s.counts, s.header)
	sidebar := container.NewBorder(nil, nil, nil, widget.NewSeparator(), container.NewPadded(side))
	s.root = container.NewBorder(container.NewVBox(container.NewPadded(top), widget.NewSeparator()), nil, sidebar, nil, s.body)
	if os.Getenv("CHUDING_TRACE_STARTUP") != "" {
		s.root = container.NewStack(firstFrameProbe(), s.root)
	}
	if os.Getenv("CHUDING_TRACE_LATENCY") != "" {
		go traceLatency()
	}
}

func (s *shell) content() fyne.CanvasObject { return s.root }

// show switches to screen i; leaving the editor with unsaved changes asks first.
func (s *shell) show(i int) {
	if s.current == screenEditor && i != screenEditor {
		s.u.editor.confirmLeave(func() { s.switchTo(i) })
		return
	}
	s.switchTo(i)
}

func (s *shell) switchTo(i int) {
	if s.current >= 0 && s.current != i {
		if l, ok := s.screens[s.current].(leaver); ok {
			l.leave()
		}
	}
	if i == screenEditor && s.current != screenEditor && s.u.editor.p.Name == "" && s.u.editor.oldID == "" && !s.u.editor.dirty {
		s.u.editor.newPerson()
	}
	s.current = i
	for j, b := range s.nav {
		imp := widget.LowImportance
		if j == i {
			imp = widget.HighImportance
		}
		if b.Importance != imp {
			b.Importance = imp
			b.Refresh()
		}
	}
	if r, ok := s.screens[i].(refresher); ok {
		r.refresh()
	}
	s.body.Objects = []fyne.CanvasObject{s.screens[i].content()}
	s.body.Refresh()
}

// refreshHeader shows the unit, the batch, days left in the window and the
// people counts.
func (s *shell) refreshHeader() {
	u := s.u
	unit := u.unit.Name
	if unit == "" {
		unit = "（尚未填写单位名称）"
	}
	s.header.SetText(unit + " · " + u.batch.Name + " · " + windowText(u.policy(), u.today()))
	if u.loading {
		s.counts.SetText("正在读取人员…")
		return
	}
	c := u.view.counts()
	s.counts.SetText(fmt.Sprintf("共%d人：可申报%d，不可申报%d，待完善%d",
		len(u.view.all), c[statusReady], c[statusBlocked], c[statusIncomplete]))
}

// windowText says where today is relative to the application window (六).
func windowText(pol *model.Policy, today model.Date) string {
	ws, we := pol.WindowStart, pol.WindowEnd
	if ws.IsZero() || we.IsZero() {
		return "申报时间未设置"
	}
	span := fmt.Sprintf("申报时间%d月%d日至%d月%d日", ws.Month, ws.Day, we.Month, we.Day)
	switch {
	case today.Before(ws):
		return fmt.Sprintf("%s，%d天后开始", span, today.DaysUntil(ws))
	case today.After(we):
		return span + "，已结束"
	}
	return fmt.Sprintf("%s，还剩%d天", span, today.DaysUntil(we)+1)
}

// menu is the main menu; its shortcuts work whichever widget has focus
// (the driver offers menu shortcuts before the focused entry sees them).
func (s *shell) menu() *fyne.MainMenu {
	save := fyne.NewMenuItem("保存", s.save)
	save.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}
	find := fyne.NewMenuItem("查找人员", s.find)
	find.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
	add := fyne.NewMenuItem("新增人员", func() { s.u.people.add() })
	add.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}
	var goItems []*fyne.MenuItem
	for i, it := range navItems {
		i := i
		goItems = append(goItems, fyne.NewMenuItem(it.title, func() { s.show(i) }))
	}
	quit := fyne.NewMenuItem("退出", func() { s.u.win.Close() })
	quit.IsQuit = true
	return fyne.NewMainMenu(
		fyne.NewMenu("文件", save, add, fyne.NewMenuItemSeparator(), quit),
		fyne.NewMenu("编辑", find),
		fyne.NewMenu("转到", goItems...),
	)
}

// save is Ctrl+S: the current screen's save, if it has one.
func (s *shell) save() {
	if s.current < 0 {
		return
	}
	if sv, ok := s.screens[s.current].(saver); ok {
		sv.save()
	}
}

// find is Ctrl+F: go to 人员 and put the cursor in the search box.
func (s *shell) find() {
	if s.current < 0 {
		return
	}
	if _, ok := s.screens[s.current].(finder); !ok {
		s.show(screenPeople)
	}
	if f, ok := s.screens[s.current].(finder); ok {
		f.focusSearch()
	}
}

// firstFrameProbe is an invisible raster whose pixels are generated when
// the window paints; the first call marks the first frame
// (CHUDING_TRACE_STARTUP, docs/performance.md).
func firstFrameProbe() fyne.CanvasObject {
	var once sync.Once
	return canvas.NewRaster(func(w, h int) image.Image {
		once.Do(func() {
			fmt.Fprintf(os.Stderr, "chuding: first frame %d ms after start (unix ms %d)\n",
				time.Since(processStart).Milliseconds(), time.Now().UnixMilli())
		})
		return image.NewNRGBA(image.Rect(0, 0, 1, 1))
	})
}

// traceLatency measures how long the UI goroutine takes to run a posted
// function, every 10 ms, and logs the worst delay of each second: a delay
// above 100 ms is a visible freeze (CHUDING_TRACE_LATENCY,
// docs/performance.md).
func traceLatency() {
	var worst time.Duration
	last := time.Now()
	for {
		time.Sleep(10 * time.Millisecond)
		t0 := time.Now()
		fyne.DoAndWait(func() {})
		if d := time.Since(t0); d > worst {
			worst = d
		}
		if time.Since(last) >= time.Second {
			fmt.Fprintf(os.Stderr, "chuding: ui latency max %.1f ms\n", float64(worst.Microseconds())/1000)
			worst, last = 0, time.Now()
		}
	}
}
