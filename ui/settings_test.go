package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"chuding/assets"
	"chuding/model"
	"chuding/model/store"
)

const year2027 = `{
  "format": "chuding-holidays/1",
  "year": 2027,
  "source": {"title": "国务院办公厅关于2027年部分节假日安排的通知（测试数据）", "number": "", "published": "2026-11-10"},
  "holidays": [{"name": "元旦", "from": "2027-01-01", "to": "2027-01-03"}],
  "makeup_workdays": []
}`

func TestSettingsHolidayYearImportChangesPublicity(t *testing.T) {
	u := newSampleUI(t)
	u.shell.show(screenSettings)
	assertShows(t, u, "已有节假日安排的年份：2025、2026")
	// Before: 2027-01-01 (Fri) counts as a working day, marked unknown.
	u.picker().open = writeTemp(t, "2027.json", []byte(year2027))
	tapButton(t, u, "导入年度节假日文件…")
	assertShows(t, u, "2025、2026、2027", "节假日数据已导入")
	if u.calendar().IsWorkday(model.NewDate(2027, 1, 1)) {
		t.Error("2027-01-01 is a holiday after the import")
	}
	// The year survives a restart (kept in the database settings).
	cal, err := u.loadCalendar()
	if err != nil || !cal.Known(2027) {
		t.Errorf("2027 not reloaded: %v", err)
	}

	u.picker().open = writeTemp(t, "bad.json", []byte(`{"format":"chuding-holidays/1","year":2027,"bogus":1}`))
	tapButton(t, u, "导入年度节假日文件…")
	assertShows(t, u, "无法导入节假日数据")
}

func TestSettingsFontMustBeTrueType(t *testing.T) {
	u := newSampleUI(t)
	u.shell.show(screenSettings)
	u.picker().open = writeTemp(t, "not-a-font.ttf", []byte("this is not a font"))
	tapButton(t, u, "选择TTF字体…")
	assertShows(t, u, "无法使用该字体")
	if v, _ := u.st.Setting(settingFont); v != "" {
		t.Fatalf("a bad font was stored: %q", v)
	}

	path := writeTemp(t, "another.ttf", assets.FontTTF)
	u.picker().open = path
	tapButton(t, u, "选择TTF字体…")
	if v, _ := u.st.Setting(settingFont); v != path {
		t.Fatalf("font setting = %q, want %q", v, path)
	}
	if th, ok := u.app.Settings().Theme().(*Theme); !ok || th.font.Name() != "chuding-font.ttf" {
		t.Error("theme not replaced")
	}
	assertShows(t, u, "当前字体："+path)
	tapButton(t, u, "恢复内置字体")
	assertShows(t, u, "内置文泉驿微米黑")
}

func TestSettingsBackupAndRestore(t *testing.T) {
	u := newSampleUI(t)
	u.shell.show(screenSettings)
	tapButton(t, u, "立即备份")
	if len(u.settings.list) != 1 {
		t.Fatalf("backups after 立即备份 = %d", len(u.settings.list))
	}
	// A change after the backup…
	victim := u.view.all[0].p
	if err := u.st.DeletePerson(u.batch.ID, victim.IDNumber); err != nil {
		t.Fatal(err)
	}
	// …is undone by restoring it.
	tapButton(t, u, "恢复此备份")
	tapButton(t, u, "恢复")
	u.jobs.wait()
	if u.rowByID(victim.IDNumber) == nil || len(u.view.all) != 5 {
		t.Fatalf("after restore: %d people", len(u.view.all))
	}
	assertShows(t, u, "已从备份恢复数据库")
}

func TestStartupLockedDatabaseExplainsInsteadOfCrashing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "chuding.db")
	first, err := store.Open(path, store.Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	_, openErr := store.Open(path, store.Options{NoBackup: true, Timeout: 50 * time.Millisecond})
	a := test.NewTempApp(t)
	test.ApplyTheme(t, NewTheme(nil))
	u := New(a, Config{DBPath: path, OpenErr: openErr, Options: store.Options{NoBackup: true, Timeout: 50 * time.Millisecond}, inlineJobs: true})
	defer u.win.Close()
	assertShows(t, u, "无法打开数据库", "数据库正被另一个窗口使用", "请关闭那个窗口后按“重试”")

	tapButton(t, u, "重试")
	assertShows(t, u, "数据库正被另一个窗口使用") // still locked
	first.Close()
	tapButton(t, u, "重试")
	u.jobs.wait()
	if u.st == nil || u.shell == nil {
		t.Fatal("retry after the other window closed did not start the app")
	}
}

func TestStartupCorruptDatabaseOffersBackups(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "chuding.db")
	st, err := store.Open(path, store.Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SaveUnit(model.Unit{Name: "备份里的单位"}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Backup(); err != nil {
		t.Fatal(err)
	}
	st.Close()
	junk := []byte(strings.Repeat("这不是数据库", 2000))
	if err := os.WriteFile(path, junk, 0o600); err != nil {
		t.Fatal(err)
	}
	_, openErr := store.Open(path, store.Options{NoBackup: true})
	a := test.NewTempApp(t)
	test.ApplyTheme(t, NewTheme(nil))
	u := New(a, Config{DBPath: path, OpenErr: openErr, Options: store.Options{NoBackup: true}, inlineJobs: true})
	defer u.win.Close()
	assertShows(t, u, "数据库文件已损坏", "本程序不会覆盖这个文件")

	tapButton(t, u, "恢复此备份")
	u.jobs.wait()
	if u.st == nil || u.unit.Name != "备份里的单位" {
		t.Fatalf("restore from the backup did not open it (unit %q)", u.unit.Name)
	}
	// The damaged file was kept aside, not deleted.
	kept, _ := filepath.Glob(filepath.Join(dir, "chuding*replaced*"))
	if len(kept) == 0 {
		t.Error("damaged file not kept aside")
	}
}
