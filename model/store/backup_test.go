package store

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"chuding/model"
)

func TestBackupOnOpenKeepsTheLastN(t *testing.T) {
	path := filepath.Join(t.TempDir(), "chuding.db")
	opt := testOptions()
	opt.KeepBackups = 3
	s := openAt(t, path, opt)
	batch := newBatch(t, s, "2025年上半年")
	s.Close()
	for i := range 5 {
		s := openAt(t, path, opt)
		if err := s.AddPerson(batch, makePerson(i)); err != nil {
			t.Fatal(err)
		}
		s.Close()
	}
	bs, err := ListBackups(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(bs) != 3 {
		t.Fatalf("%d backups, want the last 3: %v", len(bs), bs)
	}
	// Newest first; the newest was taken on the last open, before person 4.
	for i, b := range bs {
		if i > 0 && !b.Time.Before(bs[i-1].Time) {
			t.Errorf("backups not newest first: %v", bs)
		}
		fi, err := os.Stat(b.Path)
		if err != nil || fi.Mode().Perm() != 0o600 || fi.Size() != b.Size || b.Manual {
			t.Errorf("backup %+v: stat %v %v", b, fi, err)
		}
		if filepath.Dir(b.Path) != filepath.Join(filepath.Dir(path), "backups") {
			t.Errorf("backup %s not in the backups folder", b.Path)
		}
	}
	if fi, _ := os.Stat(filepath.Dir(bs[0].Path)); fi.Mode().Perm() != 0o700 {
		t.Errorf("backups folder mode %o, want 700", fi.Mode().Perm())
	}
	if got := countPeople(t, bs[0].Path, batch); got != 4 {
		t.Errorf("newest backup holds %d people, want 4", got)
	}
	if got := countPeople(t, bs[2].Path, batch); got != 2 {
		t.Errorf("oldest kept backup holds %d people, want 2", got)
	}
}

// countPeople opens a backup copy (as a database of its own) and counts.
func countPeople(t *testing.T, path, batch string) int {
	t.Helper()
	cp := filepath.Join(t.TempDir(), "copy.db")
	if err := os.WriteFile(cp, fileBytes(t, path), 0o600); err != nil {
		t.Fatal(err)
	}
	opt := testOptions()
	opt.NoBackup = true
	s := openAt(t, cp, opt)
	defer s.Close()
	ps, err := s.People(batch)
	if err != nil {
		t.Fatal(err)
	}
	return len(ps)
}

func TestNoBackupOption(t *testing.T) {
	path := filepath.Join(t.TempDir(), "chuding.db")
	opt := testOptions()
	opt.NoBackup = true
	openAt(t, path, opt).Close()
	openAt(t, path, opt).Close()
	if bs, _ := ListBackups(path); len(bs) != 0 {
		t.Errorf("NoBackup still wrote %d backups", len(bs))
	}
}

func TestManualBackupsSurviveRotation(t *testing.T) {
	path := filepath.Join(t.TempDir(), "chuding.db")
	opt := testOptions()
	opt.KeepBackups = 1
	s := openAt(t, path, opt)
	newBatch(t, s, "2025年上半年")
	manual, err := s.Backup()
	if err != nil {
		t.Fatal(err)
	}
	if !manual.Manual || manual.Size == 0 {
		t.Errorf("manual backup %+v", manual)
	}
	s.Close()
	for range 3 {
		openAt(t, path, opt).Close()
	}
	bs, _ := ListBackups(path)
	var autos, manuals int
	for _, b := range bs {
		if b.Manual {
			manuals++
			if b.Path != manual.Path || !b.Time.Equal(manual.Time) {
				t.Errorf("listed manual backup %+v, made %+v", b, manual)
			}
		} else {
			autos++
		}
	}
	if autos != 1 || manuals != 1 {
		t.Errorf("%d automatic and %d manual backups, want 1 and 1: %v", autos, manuals, bs)
	}
}

func TestBackupsInTheSameMillisecondDoNotCollide(t *testing.T) {
	path := filepath.Join(t.TempDir(), "chuding.db")
	opt := testOptions()
	fixed := opt.Now()
	opt.Now = func() time.Time { return fixed }
	s := openAt(t, path, opt)
	var paths []string
	for range 3 {
		b, err := s.Backup()
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, b.Path)
	}
	bs, _ := s.Backups()
	if len(bs) != 3 || paths[0] == paths[1] || paths[1] == paths[2] {
		t.Errorf("three backups at one instant: made %v, listed %v", paths, bs)
	}
}

func TestRestoreRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "chuding.db")
	s := openAt(t, path, testOptions())
	batch := newBatch(t, s, "2025年上半年")
	want := []model.Person{makePerson(1), makePerson(2)}
	if err := s.ImportPeople(batch, want); err != nil {
		t.Fatal(err)
	}
	backup, err := s.Backup()
	if err != nil {
		t.Fatal(err)
	}
	// Later mistakes the user wants to undo.
	if err := s.DeletePerson(batch, want[0].IDNumber); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveUnit(model.Unit{Name: "错误的单位"}); err != nil {
		t.Fatal(err)
	}

	if err := RestoreBackup(path, backup.Path); !errors.Is(err, ErrLocked) {
		t.Errorf("restore while the database is open: error %v, want ErrLocked", err)
	}
	s.Close()
	replaced := fileBytes(t, path)
	if err := RestoreBackup(path, backup.Path); err != nil {
		t.Fatal(err)
	}

	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("restored file mode %o, want 600", fi.Mode().Perm())
	}
	asides, _ := filepath.Glob(path + ".replaced-*")
	if len(asides) != 1 || string(fileBytes(t, asides[0])) != string(replaced) {
		t.Fatalf("replaced file not kept aside intact: %v", asides)
	}
	if _, err := os.Stat(backup.Path); err != nil {
		t.Errorf("the backup itself is gone after restoring: %v", err)
	}
	s = openAt(t, path, testOptions())
	if got, _ := s.People(batch); !reflect.DeepEqual(got, want) {
		t.Errorf("after restore: %v, want %v", names(got), names(want))
	}
	if u, _ := s.Unit(); u.Name != "" {
		t.Errorf("unit saved after the backup survived the restore: %+v", u)
	}
	log, _ := s.AuditLog(1)
	if len(log) != 1 || log[0].Action != "从备份恢复" || !strings.Contains(log[0].Detail, filepath.Base(backup.Path)) {
		t.Errorf("latest audit entry %+v, want the restore from %s", log, filepath.Base(backup.Path))
	}
}

func TestRestoreRefusesABadBackup(t *testing.T) {
	path := filepath.Join(t.TempDir(), "chuding.db")
	s := openAt(t, path, testOptions())
	newBatch(t, s, "2025年上半年")
	s.Close()
	before := fileBytes(t, path)

	bad := filepath.Join(t.TempDir(), "bad.db")
	os.WriteFile(bad, []byte("这不是数据库"), 0o600)
	if err := RestoreBackup(path, bad); !errors.Is(err, ErrCorrupt) {
		t.Errorf("restore from a damaged backup: error %v, want ErrCorrupt", err)
	}
	newer := filepath.Join(t.TempDir(), "newer.db")
	os.WriteFile(newer, before, 0o600)
	setSchema(t, newer, schemaLatest+1)
	if err := RestoreBackup(path, newer); !errors.Is(err, ErrTooNew) {
		t.Errorf("restore from a newer backup: error %v, want ErrTooNew", err)
	}
	if err := RestoreBackup(path, filepath.Join(t.TempDir(), "missing.db")); err == nil {
		t.Error("restore from a missing file succeeded")
	}
	if string(fileBytes(t, path)) != string(before) {
		t.Error("a refused restore changed the database")
	}
	if asides, _ := filepath.Glob(path + ".replaced-*"); len(asides) != 0 {
		t.Errorf("a refused restore set files aside: %v", asides)
	}
}

func TestListBackupsIgnoresOtherFiles(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "chuding.db")
	os.MkdirAll(filepath.Join(dir, "backups"), 0o700)
	for _, n := range []string{"other-20261125-093015.000.db", "chuding-notatime.db", "chuding-20261125-093015.000.db.tmp", ".backup-1.tmp"} {
		os.WriteFile(filepath.Join(dir, "backups", n), []byte("x"), 0o600)
	}
	os.WriteFile(filepath.Join(dir, "backups", "chuding-20261125-093015.000.db"), []byte("x"), 0o600)
	bs, err := ListBackups(path)
	if err != nil || len(bs) != 1 {
		t.Errorf("ListBackups = %v, %v; want only chuding-20261125-093015.000.db", bs, err)
	}
	if bs, err := ListBackups(filepath.Join(t.TempDir(), "none.db")); err != nil || len(bs) != 0 {
		t.Errorf("no backups folder: %v, %v", bs, err)
	}
}

func TestRestoreOntoANewMachine(t *testing.T) {
	old := filepath.Join(t.TempDir(), "chuding.db")
	s := openAt(t, old, testOptions())
	batch := newBatch(t, s, "2025年上半年")
	s.AddPerson(batch, makePerson(1))
	b, err := s.Backup()
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	fresh := filepath.Join(t.TempDir(), "config", "chuding", "chuding.db")
	if err := RestoreBackup(fresh, b.Path); err != nil {
		t.Fatal(err)
	}
	if asides, _ := filepath.Glob(fresh + ".replaced-*"); len(asides) != 0 {
		t.Errorf("nothing to replace, yet files were set aside: %v", asides)
	}
	if fi, err := os.Stat(filepath.Dir(fresh)); err != nil || fi.Mode().Perm() != 0o700 {
		t.Errorf("new folder: %v %v", fi, err)
	}
	if ps, err := openAt(t, fresh, testOptions()).People(batch); err != nil || len(ps) != 1 {
		t.Errorf("restored onto a new machine: %d people, %v", len(ps), err)
	}
}

func TestNoNewBackupWhenNothingChanged(t *testing.T) {
	path := filepath.Join(t.TempDir(), "chuding.db")
	opt := testOptions()
	s := openAt(t, path, opt)
	batch := newBatch(t, s, "2025年上半年")
	s.Close()
	for range 3 {
		openAt(t, path, opt).Close()
	}
	bs, err := ListBackups(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(bs) != 1 {
		t.Fatalf("%d backups after three opens without a change, want 1", len(bs))
	}
	s = openAt(t, path, opt)
	if err := s.AddPerson(batch, makePerson(1)); err != nil {
		t.Fatal(err)
	}
	s.Close()
	openAt(t, path, opt).Close()
	if bs, _ = ListBackups(path); len(bs) != 2 {
		t.Fatalf("%d backups after a change, want 2", len(bs))
	}
}
