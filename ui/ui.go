// Package ui is the desktop app 职称初定助手: one window with a sidebar that
// follows the officer's order of work (单位与批次, 人员, 人员编辑, 鉴定意见,
// 公示, 打印与导出, 设置) on top of the engine in model/ and pdfgen/.
//
// The package takes a fyne.App and an opened store from the composition root
// (cmd/chuding) and never creates an app itself, so every screen is driven
// headlessly by fyne.io/fyne/v2/test. Heavy work (loading a batch, import,
// export, PDF batches) runs off the UI goroutine and updates widgets only via
// fyne.Do.
package ui

import (
	"embed"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"chuding/model"
	"chuding/model/calendar"
	"chuding/model/policy"
	"chuding/model/store"
	"chuding/pdfgen"
)

// processStart approximates the process start for the first-frame trace
// (package variables are initialised before main runs).
var processStart = time.Now()

//go:embed translations/zh.json
var translations embed.FS

// Config is what the composition root hands to the UI.
type Config struct {
	// Store is the opened database; nil when opening failed (see OpenErr).
	Store *store.Store
	// DBPath is the database file, shown in 设置 and used to restore backups.
	DBPath string
	// OpenErr is store.Open's error: the UI explains it (locked, too new,
	// corrupt → offer the backups) instead of the app crashing.
	OpenErr error
	// Options are used when the UI reopens the database after a restore.
	Options store.Options
	// Today is the clock for validation and days-left; nil means model.Today.
	Today func() model.Date

	inlineJobs bool // tests: run background work on the caller (see jobs)
}

// UI is the main window and the state its screens share: the unit, the
// current batch and the cached verdicts of its people.
type UI struct {
	app   fyne.App
	win   fyne.Window
	cfg   Config
	st    *store.Store
	today func() model.Date
	jobs  jobs
	files filePicker
	cal   *calendar.Calendar
	fonts *pdfgen.Fonts
	ttf   []byte // the custom font chosen in 设置, nil for the embedded one

	unit    model.Unit
	batch   model.Batch
	batches []model.Batch
	view    *peopleView
	loading bool // a batch is being loaded in the background

	shell *shell

	batchScr  *batchScreen
	people    *peopleScreen
	editor    *editor
	opinion   *opinionScreen
	publicity *publicityScreen
	export    *exportScreen
	settings  *settingsScreen
}

// New builds the main window. Call ShowAndRun (or Window().Show()) next.
func New(a fyne.App, cfg Config) *UI {
	useChineseDialogs()
	u := &UI{app: a, cfg: cfg, st: cfg.Store, today: cfg.Today, view: newPeopleView()}
	u.jobs.inline = cfg.inlineJobs
	if u.today == nil {
		u.today = model.Today
	}
	u.win = a.NewWindow("职称初定助手")
	u.files = &dialogPicker{win: u.win}
	u.win.Resize(fyne.NewSize(1280, 800))
	u.win.SetOnClosed(u.close)
	u.batch.Policy = policy.Builtin2025H1()

	if u.st == nil {
		u.win.SetContent(u.startupProblem(cfg.OpenErr))
		return u
	}
	u.start()
	if os.Getenv("CHUDING_TRACE_STARTUP") != "" {
		fmt.Fprintf(os.Stderr, "chuding: window built %d ms after start\n", time.Since(processStart).Milliseconds())
	}
	return u
}

// Window is the main window.
func (u *UI) Window() fyne.Window { return u.win }

// ShowAndRun shows the window and runs the app until it is closed.
func (u *UI) ShowAndRun() { u.win.ShowAndRun() }

// start loads the database's settings, unit and batches and shows the
// screens; on an empty database it offers the sample people.
func (u *UI) start() {
	u.loadSettings()
	u.buildScreens()
	u.win.SetContent(u.shell.content())
	u.win.SetMainMenu(u.shell.menu())
	if err := u.loadUnitAndBatches(); err != nil {
		u.showError("无法读取数据库", err)
		return
	}
	u.shell.show(screenPeople)
	if u.isEmpty() {
		u.offerSample()
	}
}

// loadSettings reads the holiday years and font the officer added in 设置.
func (u *UI) loadSettings() {
	cal, err := u.loadCalendar()
	if err != nil {
		u.showError("节假日数据有误，已改用内置数据", err)
	}
	u.cal = cal
	if path, _ := u.st.Setting(settingFont); path != "" {
		ttf, err := os.ReadFile(path)
		if err == nil {
			_, err = pdfgen.LoadFonts(ttf)
		}
		if err != nil {
			u.showError("无法使用设置中选择的字体，已改用内置字体", fmt.Errorf("%s：%v。可在“设置→字体”中重新选择", path, err))
		} else {
			u.ttf = ttf
			u.app.Settings().SetTheme(NewTheme(ttf))
		}
	}
}

// pdfFonts returns the fonts for PDFs: the font chosen in 设置, else the
// embedded one. Parsed once.
func (u *UI) pdfFonts() (*pdfgen.Fonts, error) {
	if u.fonts != nil {
		return u.fonts, nil
	}
	var err error
	if u.ttf != nil {
		u.fonts, err = pdfgen.LoadFonts(u.ttf)
	} else {
		u.fonts, err = pdfgen.DefaultFonts()
	}
	return u.fonts, err
}

func (u *UI) loadUnitAndBatches() error {
	unit, err := u.st.Unit()
	if err != nil {
		return err
	}
	u.unit = unit
	bs, err := u.st.Batches()
	if err != nil {
		return err
	}
	if len(bs) == 0 {
		b := model.Batch{Name: policy.Builtin2025H1().Name, Policy: policy.Builtin2025H1()}
		if err := u.st.SaveBatch(&b); err != nil {
			return err
		}
		bs = []model.Batch{b}
	}
	u.batches = bs
	cur, _ := u.st.Setting(settingBatch)
	u.batch = bs[len(bs)-1]
	for _, b := range bs {
		if b.ID == cur {
			u.batch = b
		}
	}
	u.openBatch(u.batch)
	return nil
}

// openBatch makes b current and loads its people in the background:
// evaluating 10,000 people takes a moment and must not block the window.
func (u *UI) openBatch(b model.Batch) {
	u.batch = b
	if cur, _ := u.st.Setting(settingBatch); cur != b.ID {
		_ = u.st.SetSetting(settingBatch, b.ID)
	}
	u.loading = true
	u.shell.refreshHeader()
	pol, today, st := b.Policy, u.today(), u.st
	u.jobs.run(func() {
		people, err := st.People(b.ID)
		rows := make([]*row, len(people))
		for i, p := range people {
			rows[i] = newRow(p, &pol, today)
		}
		fyne.Do(func() {
			if u.batch.ID != b.ID {
				return // the officer switched batches meanwhile
			}
			u.loading = false
			if err != nil {
				u.showError("无法读取本批次人员", err)
			}
			u.view.setRows(rows)
			u.peopleChanged()
			if os.Getenv("CHUDING_TRACE_STARTUP") != "" {
				fmt.Fprintf(os.Stderr, "chuding: %d people shown %d ms after start\n", len(rows), time.Since(processStart).Milliseconds())
			}
		})
	})
}

// reevaluate rebuilds every row after the policy changed.
func (u *UI) reevaluate() {
	pol, today := u.batch.Policy, u.today()
	for i, r := range u.view.all {
		u.view.all[i] = newRow(r.p, &pol, today)
	}
	u.view.sortAll()
	u.view.apply()
	u.peopleChanged()
}

// policy is the current batch's policy.
func (u *UI) policy() *model.Policy { return &u.batch.Policy }

// peopleChanged refreshes whatever shows the batch's people.
func (u *UI) peopleChanged() {
	u.shell.refreshHeader()
	if u.people != nil {
		u.people.refresh()
	}
}

// savePerson stores p (a new person when oldID is "") and re-evaluates only
// that person's row.
func (u *UI) savePerson(oldID string, p model.Person) error {
	var err error
	if oldID == "" {
		err = u.st.AddPerson(u.batch.ID, p)
	} else {
		err = u.st.UpdatePerson(u.batch.ID, oldID, p)
	}
	if err != nil {
		return err
	}
	if oldID == "" {
		oldID = p.IDNumber
	}
	u.view.replace(oldID, newRow(p, u.policy(), u.today()))
	u.peopleChanged()
	return nil
}

// rowByID finds the cached row of a person.
func (u *UI) rowByID(id string) *row {
	for _, r := range u.view.all {
		if r.p.IDNumber == id {
			return r
		}
	}
	return nil
}

// isEmpty reports a first start: no unit profile and no people.
func (u *UI) isEmpty() bool {
	return strings.TrimSpace(u.unit.Name) == "" && len(u.view.all) == 0 && len(u.batches) <= 1
}

func (u *UI) close() {
	if u.export != nil {
		u.export.cancelRun() // an export in progress stops; it leaves no file
	}
	u.jobs.wait()
	if u.st != nil {
		_ = u.st.Close()
	}
}

// useChineseDialogs makes Fyne's own dialogs (file chooser, buttons) speak
// Chinese whatever the system locale: the app is Chinese-only, and office
// PCs and Xvfb often run with an English or C locale. The strings are
// registered for the fallback language, so they apply when no other
// translation matches.
func useChineseDialogs() {
	chineseOnce.Do(func() {
		data, err := translations.ReadFile("translations/zh.json")
		if err == nil {
			err = lang.AddTranslationsForLocale(data, fyne.Locale("en"))
		}
		if err != nil {
			fyne.LogError("loading Chinese strings for Fyne dialogs", err)
		}
	})
}

var chineseOnce sync.Once

// Setting keys.
const (
	settingBatch    = "ui.current_batch"
	settingFont     = "ui.font_path"
	settingHolidays = "calendar.years" // comma-separated years added in 设置
)
