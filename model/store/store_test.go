package store

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"chuding/model"
)

func TestOpenCreatesPrivateFileAndFolder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new", "folder", "chuding.db")
	s := openAt(t, path, testOptions())
	if s.Path() != path {
		t.Errorf("Path() = %q, want %q", s.Path(), path)
	}
	for p, want := range map[string]os.FileMode{path: 0o600, filepath.Dir(path): 0o700} {
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if got := fi.Mode().Perm(); got != want {
			t.Errorf("%s mode = %o, want %o", p, got, want)
		}
	}
	if bs, _ := s.Backups(); len(bs) != 0 {
		t.Errorf("a brand-new database got %d backups, want none (nothing to back up)", len(bs))
	}
}

func TestOpenTightensLooseFileMode(t *testing.T) {
	path := filepath.Join(t.TempDir(), "chuding.db")
	openAt(t, path, testOptions()).Close()
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	openAt(t, path, testOptions())
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode after reopening = %o, want 600 (the file holds ID numbers)", fi.Mode().Perm())
	}
}

func TestDefaultPath(t *testing.T) {
	t.Setenv("CHUDING_DB", "/somewhere/else.db")
	if p, err := DefaultPath(); err != nil || p != "/somewhere/else.db" {
		t.Errorf("with CHUDING_DB set: DefaultPath() = %q, %v", p, err)
	}
	t.Setenv("CHUDING_DB", "")
	cfg := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", cfg) // os.UserConfigDir on Linux
	t.Setenv("HOME", cfg)            // and on macOS
	p, err := DefaultPath()
	if err != nil {
		t.Fatal(err)
	}
	base, _ := os.UserConfigDir()
	if want := filepath.Join(base, "chuding", "chuding.db"); p != want {
		t.Errorf("DefaultPath() = %q, want %q", p, want)
	}
	if fi, err := os.Stat(filepath.Dir(p)); err != nil || fi.Mode().Perm() != 0o700 {
		t.Errorf("folder %s not created with mode 0700: %v %v", filepath.Dir(p), fi, err)
	}
}

func TestUnit(t *testing.T) {
	s := openTest(t)
	if u, err := s.Unit(); err != nil || u != (model.Unit{}) {
		t.Fatalf("Unit() on a new database = %+v, %v; want zero Unit", u, err)
	}
	want := model.Unit{Name: "连云港示例机械有限公司", Kind: "企业", Address: "连云港市海州区", Contact: "张老师", Phone: "0518-85000000"}
	if err := s.SaveUnit(want); err != nil {
		t.Fatal(err)
	}
	want.Phone = "0518-85000001"
	if err := s.SaveUnit(want); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Unit(); err != nil || got != want {
		t.Errorf("Unit() = %+v, %v; want %+v", got, err, want)
	}
}

func TestBatches(t *testing.T) {
	s := openTest(t)
	b1 := model.Batch{Name: "2025年上半年", Policy: model.Policy{Name: "2025年上半年", Cutoff: model.MustDate("2025-06-30"),
		Titles: map[string]model.Titles{"工程": {Junior: "技术员", Assistant: "助理工程师"}}},
		Publicity: model.Publicity{Start: model.MustDate("2025-07-01"), End: model.MustDate("2025-07-07")}}
	if err := s.SaveBatch(&b1); err != nil {
		t.Fatal(err)
	}
	if b1.ID == "" {
		t.Fatal("SaveBatch did not assign an ID")
	}
	b2 := model.Batch{ID: "custom", Name: "2025年下半年"}
	if err := s.SaveBatch(&b2); err != nil {
		t.Fatal(err)
	}
	b3 := model.Batch{Name: "2026年上半年"}
	if err := s.SaveBatch(&b3); err != nil {
		t.Fatal(err)
	}
	if b3.ID == b1.ID || b3.ID == b2.ID {
		t.Fatalf("assigned ID %q reused", b3.ID)
	}

	got, err := s.Batch(b1.ID)
	if err != nil || !reflect.DeepEqual(got, b1) {
		t.Errorf("Batch(%s) = %+v, %v; want %+v", b1.ID, got, err, b1)
	}
	b1.Name = "2025年上半年（补报）"
	if err := s.SaveBatch(&b1); err != nil {
		t.Fatal(err)
	}
	all, err := s.Batches()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, b := range all {
		names = append(names, b.Name)
	}
	if want := []string{"2025年上半年（补报）", "2025年下半年", "2026年上半年"}; !reflect.DeepEqual(names, want) {
		t.Errorf("Batches() names = %v, want %v (creation order, updates in place)", names, want)
	}

	if err := s.SaveBatch(&model.Batch{Name: "  "}); err == nil {
		t.Error("a batch without a name was saved")
	}
	if _, err := s.Batch("nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Batch(nope) error = %v, want ErrNotFound", err)
	}
}

func TestDeleteBatchTakesItsPeople(t *testing.T) {
	s := openTest(t)
	keep, gone := newBatch(t, s, "保留"), newBatch(t, s, "删除")
	for i := range 3 {
		if err := s.AddPerson(keep, makePerson(i)); err != nil {
			t.Fatal(err)
		}
		if err := s.AddPerson(gone, makePerson(i)); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.DeleteBatch(gone); err != nil {
		t.Fatal(err)
	}
	if _, err := s.People(gone); !errors.Is(err, ErrNotFound) {
		t.Errorf("People of a deleted batch: error %v, want ErrNotFound", err)
	}
	if _, err := s.Batch(gone); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleted batch still readable: %v", err)
	}
	if ps, err := s.People(keep); err != nil || len(ps) != 3 {
		t.Errorf("other batch has %d people (%v), want 3", len(ps), err)
	}
	if err := s.DeleteBatch(gone); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleting twice: error %v, want ErrNotFound", err)
	}
	// The same ID numbers can go into a new batch with the old one's ID.
	b := model.Batch{ID: gone, Name: "重建"}
	if err := s.SaveBatch(&b); err != nil {
		t.Fatal(err)
	}
	if err := s.AddPerson(gone, makePerson(0)); err != nil {
		t.Errorf("re-adding after the batch was deleted: %v", err)
	}
}

func TestPeopleCRUD(t *testing.T) {
	s := openTest(t)
	batch := newBatch(t, s, "2025年上半年")
	var want []model.Person
	for _, i := range []int{5, 1, 9, 3} { // not in ID order: 序号 is insertion order
		p := makePerson(i)
		if err := s.AddPerson(batch, p); err != nil {
			t.Fatal(err)
		}
		want = append(want, p)
	}
	got, err := s.People(batch)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("People() did not return what was added, in order:\n got %v\nwant %v", names(got), names(want))
	}

	// Update keeps the 序号 even when the ID number changes.
	changed := want[1]
	changed.Name, changed.OpinionDone = "改名", true
	changed.IDNumber = makeID(100)
	changed.Attachments = append(changed.Attachments, model.Attachment{Material: "DIPLOMA", Name: "学历.jpg", SHA256: "ab", Size: 9, MIME: "image/jpeg"})
	if err := s.UpdatePerson(batch, want[1].IDNumber, changed); err != nil {
		t.Fatal(err)
	}
	want[1] = changed
	if got, _ := s.People(batch); !reflect.DeepEqual(got, want) {
		t.Errorf("after update:\n got %v\nwant %v", names(got), names(want))
	}
	if p, err := s.Person(batch, changed.IDNumber); err != nil || !reflect.DeepEqual(p, changed) {
		t.Errorf("Person() = %+v, %v", p, err)
	}
	if _, err := s.Person(batch, makeID(1)); !errors.Is(err, ErrNotFound) {
		t.Errorf("old ID still found after the ID changed: %v", err)
	}

	if err := s.DeletePerson(batch, want[0].IDNumber); err != nil {
		t.Fatal(err)
	}
	want = want[1:]
	if got, _ := s.People(batch); !reflect.DeepEqual(got, want) {
		t.Errorf("after delete:\n got %v\nwant %v", names(got), names(want))
	}
	// A new person goes after everyone, even after a deletion.
	last := makePerson(2)
	if err := s.AddPerson(batch, last); err != nil {
		t.Fatal(err)
	}
	want = append(want, last)
	if got, _ := s.People(batch); !reflect.DeepEqual(got, want) {
		t.Errorf("after re-add:\n got %v\nwant %v", names(got), names(want))
	}

	for name, err := range map[string]error{
		"delete missing":   s.DeletePerson(batch, makeID(999)),
		"update missing":   s.UpdatePerson(batch, makeID(999), makePerson(999)),
		"add to no batch":  s.AddPerson("nope", makePerson(1)),
		"people, no batch": func() error { _, err := s.People("nope"); return err }(),
	} {
		if !errors.Is(err, ErrNotFound) {
			t.Errorf("%s: error %v, want ErrNotFound", name, err)
		}
	}
}

func TestPeopleSurviveReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "chuding.db")
	s := openAt(t, path, testOptions())
	batch := newBatch(t, s, "2025年上半年")
	want := samplePeople(t)
	if err := s.ImportPeople(batch, want); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s = openAt(t, path, testOptions())
	got, err := s.People(batch)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("sample people changed across close/reopen:\n got %+v\nwant %+v", got, want)
	}
}

func TestSettings(t *testing.T) {
	s := openTest(t)
	if v, err := s.Setting("theme"); err != nil || v != "" {
		t.Errorf("unset setting = %q, %v; want empty", v, err)
	}
	for _, v := range []string{"dark", "light", ""} {
		if err := s.SetSetting("theme", v); err != nil {
			t.Fatal(err)
		}
		if got, err := s.Setting("theme"); err != nil || got != v {
			t.Errorf("Setting(theme) = %q, %v; want %q", got, err, v)
		}
	}
	if err := s.SetSetting("", "x"); err == nil {
		t.Error("a setting with an empty key was saved")
	}
}

func names(ps []model.Person) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Name+" "+p.IDNumber)
	}
	return out
}
