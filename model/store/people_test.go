package store

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"chuding/model"
)

func TestAddRefusesDuplicateID(t *testing.T) {
	s := openTest(t)
	batch := newBatch(t, s, "2025年上半年")
	first := makePerson(1)
	first.IDNumber = "32070619990412022x" // lower-case x, as people type it
	if err := s.AddPerson(batch, first); err != nil {
		t.Fatal(err)
	}
	// The same number with spaces and a capital X is the same person.
	again := makePerson(2)
	again.IDNumber = " 32070619990412022X "
	err := s.AddPerson(batch, again)
	if !errors.Is(err, ErrDuplicateID) {
		t.Fatalf("second add of the same ID: error %v, want ErrDuplicateID", err)
	}
	msg := err.Error()
	if !strings.Contains(msg, model.MaskID("32070619990412022X")) || strings.Contains(msg, "32070619990412022") {
		t.Errorf("message should name the masked ID and never the full one: %q", msg)
	}
	if !strings.Contains(msg, first.Name) {
		t.Errorf("message should say who already has the number: %q", msg)
	}
	ps, _ := s.People(batch)
	if len(ps) != 1 || ps[0].IDNumber != "32070619990412022X" {
		t.Errorf("people after refused add = %v, want only the first, stored as 32070619990412022X", names(ps))
	}
	// Another batch may hold the same person.
	if err := s.AddPerson(newBatch(t, s, "2025年下半年"), again); err != nil {
		t.Errorf("same ID in another batch refused: %v", err)
	}
}

func TestAddRefusesEmptyID(t *testing.T) {
	s := openTest(t)
	batch := newBatch(t, s, "2025年上半年")
	p := makePerson(1)
	p.IDNumber = "   "
	err := s.AddPerson(batch, p)
	if err == nil || !strings.Contains(err.Error(), p.Name) || !strings.Contains(err.Error(), "身份证号码为空") {
		t.Errorf("empty ID: error %v, want a message naming %s and the empty number", err, p.Name)
	}
}

func TestUpdateRefusesDuplicateID(t *testing.T) {
	s := openTest(t)
	batch := newBatch(t, s, "2025年上半年")
	a, b := makePerson(1), makePerson(2)
	for _, p := range []model.Person{a, b} {
		if err := s.AddPerson(batch, p); err != nil {
			t.Fatal(err)
		}
	}
	changed := b
	changed.IDNumber = strings.ToLower(a.IDNumber) // a's number
	changed.Name = "改名"
	if err := s.UpdatePerson(batch, b.IDNumber, changed); !errors.Is(err, ErrDuplicateID) {
		t.Fatalf("update to an existing ID: error %v, want ErrDuplicateID", err)
	}
	if got, _ := s.People(batch); !reflect.DeepEqual(got, []model.Person{a, b}) {
		t.Errorf("refused update changed the batch: %v", names(got))
	}
	// Keeping one's own number is not a duplicate.
	b.Name = "改名"
	if err := s.UpdatePerson(batch, b.IDNumber, b); err != nil {
		t.Errorf("update keeping the same ID: %v", err)
	}
}

func TestImportAllOrNothing(t *testing.T) {
	s := openTest(t)
	batch := newBatch(t, s, "2025年上半年")
	existing := makePerson(1)
	if err := s.AddPerson(batch, existing); err != nil {
		t.Fatal(err)
	}
	auditBefore, _ := s.AuditLog(0)

	noID := makePerson(7)
	noID.IDNumber = ""
	cases := []struct {
		name    string
		people  []model.Person
		dup     bool
		wantMsg []string
	}{
		{"repeat inside the list", []model.Person{makePerson(2), makePerson(3), makePerson(2)}, true,
			[]string{"第3行", "与第1行重复", model.MaskID(makeID(2))}},
		{"already in the batch", []model.Person{makePerson(4), makePerson(1)}, true,
			[]string{"第2行", "已在本批次中", existing.Name}},
		{"empty ID", []model.Person{makePerson(5), noID}, false,
			[]string{"第2行", noID.Name, "身份证号码为空"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := s.ImportPeople(batch, c.people)
			if err == nil {
				t.Fatal("import with a bad row succeeded")
			}
			if errors.Is(err, ErrDuplicateID) != c.dup {
				t.Errorf("errors.Is(err, ErrDuplicateID) = %v, want %v", !c.dup, c.dup)
			}
			var ie *ImportError
			if !errors.As(err, &ie) || len(ie.Rows) != 1 {
				t.Errorf("want an *ImportError with one row, got %#v", err)
			}
			for _, m := range c.wantMsg {
				if !strings.Contains(err.Error(), m) {
					t.Errorf("message %q lacks %q", err, m)
				}
			}
			if idLike.MatchString(err.Error()) {
				t.Errorf("message holds a full ID number: %q", err)
			}
			if got, _ := s.People(batch); !reflect.DeepEqual(got, []model.Person{existing}) {
				t.Errorf("refused import wrote people: %v", names(got))
			}
		})
	}
	if after, _ := s.AuditLog(0); len(after) != len(auditBefore) {
		t.Errorf("refused imports left %d audit entries", len(after)-len(auditBefore))
	}

	good := []model.Person{makePerson(10), makePerson(11), makePerson(12)}
	if err := s.ImportPeople(batch, good); err != nil {
		t.Fatal(err)
	}
	want := append([]model.Person{existing}, good...)
	if got, _ := s.People(batch); !reflect.DeepEqual(got, want) {
		t.Errorf("after import: %v, want %v", names(got), names(want))
	}
}

func TestImportReportsEveryBadRow(t *testing.T) {
	s := openTest(t)
	batch := newBatch(t, s, "2025年上半年")
	var list []model.Person
	for i := range 30 {
		list = append(list, makePerson(i%12)) // rows 13..30 repeat rows 1..12
	}
	var ie *ImportError
	if err := s.ImportPeople(batch, list); !errors.As(err, &ie) {
		t.Fatalf("error %v, want *ImportError", err)
	}
	if len(ie.Rows) != 18 || ie.Rows[0].Row != 13 || ie.Rows[17].Row != 30 {
		t.Errorf("rows %+v, want 18 rows from 13 to 30", ie.Rows)
	}
	if !strings.Contains(ie.Error(), "18行有问题") || !strings.Contains(ie.Error(), "另有8行未列出") {
		t.Errorf("summary message %q", ie.Error())
	}
}
