package ui

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"chuding/model/buildinfo"
	"chuding/model/calendar"
	"chuding/model/store"
	"chuding/pdfgen"
)

// settingsScreen is 设置: where the database lives and its backups (with
// restore), the holiday data, the font, and 关于.
type settingsScreen struct {
	u       *UI
	dbPath  *widget.Label
	note    *widget.Label
	backups *widget.List
	list    []store.Backup
	years   *widget.Label
	font    *widget.Label
	audit   *widget.Label
	root    fyne.CanvasObject
}

func newSettingsScreen(u *UI) *settingsScreen {
	s := &settingsScreen{u: u}
	s.build()
	return s
}

func (s *settingsScreen) content() fyne.CanvasObject { return s.root }

func (s *settingsScreen) build() {
	s.dbPath = wrapLabel("")
	s.backups = widget.NewList(func() int { return len(s.list) },
		func() fyne.CanvasObject {
			return container.NewBorder(nil, nil, nil, widget.NewButton("恢复此备份", nil), widget.NewLabel(""))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			c := o.(*fyne.Container)
			b := s.list[i]
			kind := "自动"
			if b.Manual {
				kind = "手动"
			}
			c.Objects[0].(*widget.Label).SetText(fmt.Sprintf("%s　%s备份　%s", b.Time.Format("2006-01-02 15:04:05"), kind, sizeText(b.Size)))
			c.Objects[1].(*widget.Button).OnTapped = func() { s.restore(b) }
		})
	backupNow := widget.NewButtonWithIcon("立即备份", theme.StorageIcon(), s.backupNow)
	s.note = successLabel()
	db := widget.NewCard("数据库", "每次打开时自动备份；备份放在数据库旁的 backups 文件夹", container.NewBorder(
		container.NewVBox(s.dbPath, container.NewHBox(backupNow), s.note), nil, nil, nil, s.backups))

	s.years = wrapLabel("")
	importYear := widget.NewButtonWithIcon("导入年度节假日文件…", theme.UploadIcon(), s.importYear)
	holidays := widget.NewCard("节假日数据", "国务院每年11月前后公布下一年放假安排；录入后公示期才能按节假日计算",
		container.NewVBox(s.years, container.NewHBox(importYear)))

	s.font = wrapLabel("")
	chooseFont := widget.NewButton("选择TTF字体…", s.chooseFont)
	resetFont := widget.NewButton("恢复内置字体", s.resetFont)
	font := widget.NewCard("字体", "界面和PDF使用同一字体；只能用 .ttf（TrueType）字体",
		container.NewVBox(s.font, container.NewHBox(chooseFont, resetFont)))

	about := widget.NewCard("关于", "", wrapLabel(fmt.Sprintf("%s　版本 %s\n帮助单位人事经办人准备连云港市专业技术资格初定申报：核对条件、写鉴定意见、算公示期、打印申报表并导出上报包。",
		buildinfo.AppName, buildinfo.Version)))
	s.audit = wrapLabel("")
	audit := widget.NewCard("最近的操作记录", "", s.audit)

	left := container.NewBorder(nil, nil, nil, nil, db)
	right := container.NewVBox(holidays, font, about, audit)
	s.root = container.NewPadded(container.NewGridWithColumns(2, left, container.NewVScroll(right)))
}

func (s *settingsScreen) refresh() {
	u := s.u
	s.dbPath.SetText("数据库文件：" + u.cfg.DBPath)
	var err error
	s.list, err = store.ListBackups(u.cfg.DBPath)
	if err != nil {
		s.list = nil
	}
	s.backups.Refresh()
	if len(s.list) == 0 {
		s.dbPath.SetText(s.dbPath.Text + "\n还没有备份：下次打开时会自动备份，也可以按“立即备份”。")
	}
	var ys []string
	for _, y := range u.calendar().Years() {
		ys = append(ys, strconv.Itoa(y))
	}
	s.years.SetText("已有节假日安排的年份：" + strings.Join(ys, "、") + "。其他年份只按周末计算，并标注“" + calendar.UnknownYearNote + "”。")
	if path, _ := u.st.Setting(settingFont); path != "" {
		s.font.SetText("当前字体：" + path)
	} else {
		s.font.SetText("当前字体：内置文泉驿微米黑（WenQuanYi Micro Hei，Apache-2.0）")
	}
	entries, err := u.st.AuditLog(15)
	if err == nil {
		lines := make([]string, len(entries))
		for i, e := range entries {
			lines[i] = e.Time.Format("01-02 15:04") + "　" + e.Action + "　" + e.Detail
		}
		s.audit.SetText(strings.Join(lines, "\n"))
	}
}

func (s *settingsScreen) backupNow() {
	b, err := s.u.st.Backup()
	if err != nil {
		s.u.showError("备份失败", err)
		return
	}
	s.refresh()
	setNote(s.note, "已备份到 "+b.Path)
}

// restore replaces the database with backup b after confirmation and
// reopens it. The replaced file is kept aside by the store, never deleted.
func (s *settingsScreen) restore(b store.Backup) {
	u := s.u
	u.confirm("从备份恢复", fmt.Sprintf("用 %s 的备份替换当前数据库吗？当前数据库会另存在旁边（不会删除），之后的修改将不在恢复后的数据中。", b.Time.Format("2006-01-02 15:04:05")), "恢复", func() {
		u.jobs.wait()
		_ = u.st.Close()
		err := store.RestoreBackup(u.cfg.DBPath, b.Path)
		st, openErr := store.Open(u.cfg.DBPath, u.cfg.Options)
		if openErr != nil {
			u.st = nil
			u.win.SetMainMenu(nil)
			u.win.SetContent(u.startupProblem(openErr))
			return
		}
		u.st = st
		if err != nil {
			u.showError("恢复失败，仍使用原数据库", err)
			return
		}
		u.reload()
		u.showInfo("已恢复", "已从备份恢复数据库。")
	})
}

// reload reads everything again from the (re)opened store.
func (u *UI) reload() {
	u.view = newPeopleView()
	u.loadSettings()
	if err := u.loadUnitAndBatches(); err != nil {
		u.showError("无法读取数据库", err)
	}
	u.shell.switchTo(u.shell.current)
}

func (s *settingsScreen) importYear() {
	s.u.files.openFile("选择节假日数据文件", []string{".json"}, func(path string) {
		data, err := os.ReadFile(path)
		if err == nil {
			err = s.u.addHolidayYear(data)
		}
		if err != nil {
			s.u.showError("无法导入节假日数据", err)
			return
		}
		s.refresh()
		s.u.showInfo("已导入", "节假日数据已导入，公示期将按新数据计算。")
	})
}

// addHolidayYear checks a year file, keeps it in the settings and rebuilds
// the calendar with it.
func (u *UI) addHolidayYear(data []byte) error {
	y, err := calendar.ParseYear(bytes.NewReader(data))
	if err != nil {
		return err
	}
	years := u.extraYears()
	extras, err := u.extraYearData(years)
	if err != nil {
		return err
	}
	extras = slices.DeleteFunc(extras, func(x calendar.YearData) bool { return x.Year == y.Year })
	cal, err := calendar.New(append(extras, y)...)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := y.Write(&buf); err != nil {
		return err
	}
	if err := u.st.SetSetting(yearKey(y.Year), buf.String()); err != nil {
		return err
	}
	if !slices.Contains(years, y.Year) {
		years = append(years, y.Year)
	}
	parts := make([]string, len(years))
	for i, y := range years {
		parts[i] = strconv.Itoa(y)
	}
	if err := u.st.SetSetting(settingHolidays, strings.Join(parts, ",")); err != nil {
		return err
	}
	u.cal = cal
	return nil
}

func yearKey(y int) string { return "calendar.year." + strconv.Itoa(y) }

func (u *UI) extraYears() []int {
	v, _ := u.st.Setting(settingHolidays)
	var ys []int
	for _, f := range strings.Split(v, ",") {
		if y, err := strconv.Atoi(strings.TrimSpace(f)); err == nil {
			ys = append(ys, y)
		}
	}
	return ys
}

func (u *UI) extraYearData(years []int) ([]calendar.YearData, error) {
	var out []calendar.YearData
	for _, y := range years {
		v, err := u.st.Setting(yearKey(y))
		if err != nil {
			return nil, err
		}
		yd, err := calendar.ParseYear(strings.NewReader(v))
		if err != nil {
			return nil, fmt.Errorf("已保存的%d年节假日数据无法读取：%w。请在“设置”中重新导入该年文件", y, err)
		}
		out = append(out, yd)
	}
	return out, nil
}

// loadCalendar builds the calendar from the embedded years and those added
// in 设置; on any problem it falls back to the embedded years.
func (u *UI) loadCalendar() (*calendar.Calendar, error) {
	extras, err := u.extraYearData(u.extraYears())
	if err != nil {
		return calendar.Default(), err
	}
	cal, err := calendar.New(extras...)
	if err != nil {
		return calendar.Default(), err
	}
	return cal, nil
}

// calendar is the working-day calendar in use.
func (u *UI) calendar() *calendar.Calendar {
	if u.cal == nil {
		u.cal = calendar.Default()
	}
	return u.cal
}

func (s *settingsScreen) chooseFont() {
	s.u.files.openFile("选择TTF字体文件", []string{".ttf"}, func(path string) {
		if err := s.u.useFont(path); err != nil {
			s.u.showError("无法使用该字体", err)
			return
		}
		s.refresh()
	})
}

// useFont checks that path is a TrueType font gopdf can embed, keeps it as
// a setting and applies it to the window and the PDFs.
func (u *UI) useFont(path string) error {
	ttf, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("%s：%v", filepath.Base(path), err)
	}
	fonts, err := pdfgen.LoadFonts(ttf)
	if err != nil {
		if errors.Is(err, pdfgen.ErrNotTrueType) {
			return err
		}
		return fmt.Errorf("%s 无法用于PDF：%v。请选择其他 .ttf 字体", filepath.Base(path), err)
	}
	if err := u.st.SetSetting(settingFont, path); err != nil {
		return err
	}
	u.ttf, u.fonts = ttf, fonts
	u.app.Settings().SetTheme(NewTheme(ttf))
	return nil
}

func (s *settingsScreen) resetFont() {
	if err := s.u.st.SetSetting(settingFont, ""); err != nil {
		s.u.showError("无法恢复内置字体", err)
		return
	}
	s.u.ttf, s.u.fonts = nil, nil
	s.u.app.Settings().SetTheme(NewTheme(nil))
	s.refresh()
}
