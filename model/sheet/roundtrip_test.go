package sheet

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"chuding/model"
	"chuding/model/peoplefile"
)

// roundTrip writes people to a .json, converts it to ext and back to .json
// through the files an officer would pass around, and checks that the
// final people file is byte-for-byte the first one.
func roundTrip(t *testing.T, people []model.Person, ext string) {
	t.Helper()
	dir := t.TempDir()
	first, mid, last := filepath.Join(dir, "a.json"), filepath.Join(dir, "b"+ext), filepath.Join(dir, "c.json")
	if err := peoplefile.WriteFile(first, people); err != nil {
		t.Fatal(err)
	}
	in, pv, err := ReadPeopleFile(first)
	if err != nil || pv != nil {
		t.Fatalf("reading %s: %v (preview %v)", first, err, pv)
	}
	if err := WriteFile(mid, in, nil); err != nil {
		t.Fatal(err)
	}
	out, pv, err := ReadPeopleFile(mid, AsOf(testToday))
	if err != nil {
		t.Fatal(err)
	}
	if !pv.OK() || pv.Total != len(people) {
		t.Fatalf("re-import of %s: %d of %d rows, report:\n%s", ext, pv.Total, len(people), pv.Report())
	}
	if !reflect.DeepEqual(in, out) {
		for i := range in {
			if !reflect.DeepEqual(in[i], out[i]) {
				t.Fatalf("person %d changed through %s:\n got %+v\nwant %+v", i+1, ext, out[i], in[i])
			}
		}
	}
	if err := WriteFile(last, out, nil); err != nil {
		t.Fatal(err)
	}
	a, _ := os.ReadFile(first)
	c, _ := os.ReadFile(last)
	if !bytes.Equal(a, c) {
		t.Errorf("json → %s → json changed the file:\n%s\n---\n%s", ext, a, c)
	}
}

func TestRoundTripSample(t *testing.T) {
	people, err := peoplefile.ReadFile("../../testdata/people-sample.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, ext := range []string{".xlsx", ".csv"} {
		t.Run(ext, func(t *testing.T) { roundTrip(t, people, ext) })
	}
}

func TestRoundTripEveryField(t *testing.T) {
	people := everyField(40)
	for i := range people {
		if errs := people[i].ValidateOn(testToday); len(errs) > 0 {
			t.Fatalf("generator made an invalid person %d: %v", i, errs)
		}
	}
	for _, ext := range []string{".xlsx", ".csv"} {
		t.Run(ext, func(t *testing.T) { roundTrip(t, people, ext) })
	}
}

// TestRoundTripWithResults: the result columns of an export are ignored by
// the import, so exporting a checked batch and importing it gives the same
// people.
func TestRoundTripWithResults(t *testing.T) {
	people := everyField(6)
	for i := range people {
		people[i].Canonicalize()
	}
	results := make([]model.Result, len(people))
	for i := range results {
		results[i] = model.Result{Eligible: i%2 == 0, Level: model.LevelAssistant, Title: "助理工程师",
			Reasons: []model.Finding{{Code: "X", Clause: "二(三)", Message: "2023年度考核不合格"}}}
	}
	var buf bytes.Buffer
	if err := Export(&buf, people, results); err != nil {
		t.Fatal(err)
	}
	pv, err := ImportReader(&buf, KindXLSX, AsOf(testToday))
	if err != nil {
		t.Fatal(err)
	}
	if !pv.OK() || !reflect.DeepEqual(pv.People, people) {
		t.Fatalf("re-import differs; report:\n%s", pv.Report())
	}
	if len(pv.Notes) != 0 {
		t.Errorf("result columns should be ignored silently, got notes %v", pv.Notes)
	}
}
