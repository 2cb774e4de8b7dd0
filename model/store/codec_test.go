package store

import (
	"reflect"
	"testing"

	"chuding/model"
)

// fill sets every field reachable from v to a non-zero value derived from
// seed, so that a field the codec forgets shows up as a difference.
func fill(v reflect.Value, seed *int) {
	*seed++
	switch v.Kind() {
	case reflect.String:
		v.SetString("值" + string(rune('A'+*seed%26)))
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int64, reflect.Int32:
		v.SetInt(int64(*seed%28 + 1)) // small enough for Month and Day too
	case reflect.Float64:
		v.SetFloat(float64(*seed) + 0.5)
	case reflect.Struct:
		for i := range v.NumField() {
			fill(v.Field(i), seed)
		}
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), 2, 2)
		for i := range 2 {
			fill(s.Index(i), seed)
		}
		v.Set(s)
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		for range 2 {
			k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
			fill(k, seed)
			fill(e, seed)
			m.SetMapIndex(k, e)
		}
		v.Set(m)
	default:
		panic("fill: teach this test the kind " + v.Kind().String())
	}
}

// TestCodecCoversEveryField guards the hand-written codec: when someone
// adds a field to model.Person (or Education, Attachment, Date) and not to
// codec.go, the field is lost on save and this test names it.
func TestCodecCoversEveryField(t *testing.T) {
	var p model.Person
	seed := 0
	fill(reflect.ValueOf(&p).Elem(), &seed)
	got, err := decodePerson(encodePerson(personRecord{Seq: 42, Person: p}))
	if err != nil {
		t.Fatal(err)
	}
	if got.Seq != 42 {
		t.Errorf("Seq = %d, want 42", got.Seq)
	}
	gv, wv := reflect.ValueOf(got.Person), reflect.ValueOf(p)
	for i := range wv.NumField() {
		if !reflect.DeepEqual(gv.Field(i).Interface(), wv.Field(i).Interface()) {
			t.Errorf("field Person.%s lost in the store codec: got %#v, want %#v — add it to encodePerson/decodePerson",
				wv.Type().Field(i).Name, gv.Field(i).Interface(), wv.Field(i).Interface())
		}
	}
}

func TestCodecRoundTrip(t *testing.T) {
	cases := map[string]model.Person{
		"zero person":       {},
		"filled":            makePerson(7),
		"empty not nil":     {Name: "空", Education: []model.Education{}, Degrees: []string{}, Appraisals: map[int]string{}, ContinuingEd: map[int]bool{}, Attachments: []model.Attachment{}},
		"approximate dates": {WorkStart: model.MustDate("2023-07"), SanctionUntil: model.MustDate("2024年1月")},
		"negative year key": {Appraisals: map[int]string{-1: "合格"}},
	}
	for i, p := range samplePeople(t) {
		cases["sample "+string(rune('0'+i))] = p
	}
	for name, p := range cases {
		t.Run(name, func(t *testing.T) {
			got, err := decodePerson(encodePerson(personRecord{Seq: 3, Person: p}))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got.Person, p) {
				t.Errorf("round trip changed the person:\n got %#v\nwant %#v", got.Person, p)
			}
		})
	}
}

// A damaged record must give an error, never a panic or a half person
// passed off as whole.
func TestCodecRejectsDamagedRecords(t *testing.T) {
	raw := encodePerson(personRecord{Seq: 1, Person: makePerson(1)})
	for cut := 0; cut < len(raw); cut++ {
		if _, err := decodePerson(raw[:cut]); err == nil {
			t.Fatalf("record cut to %d of %d bytes decoded without error", cut, len(raw))
		}
	}
	if _, err := decodePerson(append(raw[:len(raw):len(raw)], 0)); err == nil {
		t.Error("record with a trailing byte decoded without error")
	}
	bad := append([]byte{9}, raw[1:]...)
	if _, err := decodePerson(bad); err == nil {
		t.Error("record of unknown version decoded without error")
	}
}
