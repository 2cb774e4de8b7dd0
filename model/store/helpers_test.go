package store

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"chuding/model"
)

// clock is a test clock that moves one second on every reading, so that
// audit entries and backup names are distinct and predictable.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *clock {
	return &clock{t: time.Date(2026, 11, 25, 9, 30, 0, 0, time.Local)}
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(time.Second)
	return c.t
}

func testOptions() Options {
	return Options{Timeout: 200 * time.Millisecond, Now: newClock().Now, Who: "张老师"}
}

// openTest opens (creating) a database in a fresh temporary folder.
func openTest(t testing.TB) *Store {
	t.Helper()
	return openAt(t, filepath.Join(t.TempDir(), "data", "chuding.db"), testOptions())
}

func openAt(t testing.TB, path string, opt Options) *Store {
	t.Helper()
	s, err := Open(path, opt)
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// newBatch saves a batch named name and returns its ID.
func newBatch(t testing.TB, s *Store, name string) string {
	t.Helper()
	b := model.Batch{Name: name, Policy: model.Policy{Name: name, TraineeMonths: 12}}
	if err := s.SaveBatch(&b); err != nil {
		t.Fatalf("SaveBatch: %v", err)
	}
	return b.ID
}

// makeID returns the i-th of a series of valid 18-digit ID numbers.
func makeID(i int) string {
	birth := time.Date(1995, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i/1000)
	n := fmt.Sprintf("320706%s%03d", birth.Format("20060102"), i%1000)
	weights := [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for k, w := range weights {
		sum += int(n[k]-'0') * w
	}
	return n + string("10X98765432"[sum%11])
}

// makePerson returns a fully filled applicant, different for every i.
func makePerson(i int) model.Person {
	return model.Person{
		Name:          fmt.Sprintf("测试人员%d", i),
		IDNumber:      makeID(i),
		Unit:          "连云港示例机械有限公司",
		Relation:      model.RelationLabour,
		SanctionUntil: model.MustDate("2020-05"),
		Series:        "工程",
		Specialty:     "机械工程",
		Education: []model.Education{{Level: "本科", Type: model.EduNational, School: "江苏海洋大学",
			Major: "机械设计制造及其自动化", Start: model.MustDate("2019-09-01"), Graduated: model.MustDate("2023-06-20"),
			FullTime: true, Years: 4}},
		Degrees:       []string{"学士"},
		WorkStart:     model.MustDate("2023-07-03"),
		Appraisals:    map[int]string{2023: "不定等次", 2024: "合格"},
		ContinuingEd:  map[int]bool{2023: true, 2024: i%2 == 0},
		Opinion:       "该同志拥护党的路线方针政策，思想政治素质好，遵纪守法，职业道德良好。",
		Phone:         "13800000000",
		Political:     "群众",
		Post:          "设计部 机械设计",
		TraineeResult: "合格",
		Attachments: []model.Attachment{{Material: "CONTRACT", Name: "劳动合同.pdf",
			SHA256: "3f0a5e1c9b8d7f6e5d4c3b2a19081726354453627180f9e8d7c6b5a493827160", Size: 123456, MIME: "application/pdf"}},
		OpinionDone: i%3 == 0,
	}
}

// samplePeople reads the repository's sample people file.
func samplePeople(t testing.TB) []model.Person {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "..", "testdata", "people-sample.json"))
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		People []model.Person `json:"people"`
	}
	if err := json.Unmarshal(raw, &f); err != nil {
		t.Fatal(err)
	}
	if len(f.People) == 0 {
		t.Fatal("sample file has no people")
	}
	return f.People
}

func fileBytes(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
