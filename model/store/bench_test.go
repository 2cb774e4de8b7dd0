package store

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"chuding/model"
)

// benchPerson is a realistic applicant: a full appraisal opinion (about
// 300 Han characters, the longest field), two education records, three
// attachments.
func benchPerson(i int, opinion string) model.Person {
	p := makePerson(i)
	p.Opinion = opinion
	p.Education = append(p.Education, model.Education{Level: "大专", Type: model.EduNational, School: "连云港职业技术学院",
		Major: "机电一体化技术", Graduated: model.MustDate("2019-06-30"), FullTime: true, Years: 3})
	for _, m := range []string{"DIPLOMA", "TRANSCRIPT"} {
		p.Attachments = append(p.Attachments, model.Attachment{Material: m, Name: m + ".jpg",
			SHA256: strings.Repeat("ab", 32), Size: 1 << 20, MIME: "image/jpeg"})
	}
	return p
}

func benchOpinion(b *testing.B) string {
	op := samplePeople(b)[0].Opinion
	for len([]rune(op)) < 300 {
		op += op
	}
	return string([]rune(op)[:300])
}

func benchPeople(b *testing.B, n int) []model.Person {
	op := benchOpinion(b)
	out := make([]model.Person, n)
	for i := range out {
		out[i] = benchPerson(i, op)
	}
	return out
}

// BenchmarkSavePerson is one user action: add one person, one
// transaction with its audit entry, fsynced.
func BenchmarkSavePerson(b *testing.B) {
	s := openTest(b)
	batch := newBatch(b, s, "2025年上半年")
	op := benchOpinion(b)
	i := 0
	for b.Loop() {
		if err := s.AddPerson(batch, benchPerson(i, op)); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// db10k is a database with one batch of 10,000 people.
func db10k(b *testing.B) (string, string) {
	path := filepath.Join(b.TempDir(), "chuding.db")
	opt := testOptions()
	opt.NoBackup = true
	s := openAt(b, path, opt)
	batch := newBatch(b, s, "2025年上半年")
	if err := s.ImportPeople(batch, benchPeople(b, 10000)); err != nil {
		b.Fatal(err)
	}
	s.Close()
	return path, batch
}

// BenchmarkLoad10000People reads a whole batch, decoded and in 序号 order:
// what the app does when a batch is opened. Target ≤ 100 ms.
func BenchmarkLoad10000People(b *testing.B) {
	path, batch := db10k(b)
	opt := testOptions()
	opt.NoBackup = true
	s := openAt(b, path, opt)
	for b.Loop() {
		ps, err := s.People(batch)
		if err != nil || len(ps) != 10000 {
			b.Fatalf("%d people, %v", len(ps), err)
		}
	}
}

// BenchmarkImport10000People is one all-or-nothing import transaction.
func BenchmarkImport10000People(b *testing.B) {
	people := benchPeople(b, 10000)
	for b.Loop() {
		b.StopTimer()
		opt := testOptions()
		opt.NoBackup = true
		s := openAt(b, filepath.Join(b.TempDir(), "chuding.db"), opt)
		batch := newBatch(b, s, "2025年上半年")
		b.StartTimer()
		if err := s.ImportPeople(batch, people); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}

// BenchmarkOpen10000People is the start-up cost on a full database: the
// read-only inspection with tx.Check, the automatic backup and rotation.
func BenchmarkOpen10000People(b *testing.B) {
	path, _ := db10k(b)
	for _, noBackup := range []bool{false, true} {
		name := map[bool]string{false: "with_backup", true: "no_backup"}[noBackup]
		b.Run(name, func(b *testing.B) {
			opt := testOptions()
			opt.NoBackup = noBackup
			for b.Loop() {
				s, err := Open(path, opt)
				if err != nil {
					b.Fatal(err)
				}
				s.Close()
			}
		})
	}
}

// BenchmarkDecode10000 compares the record codec with encoding/json on the
// same people, the measurement behind the choice of a binary form.
func BenchmarkDecode10000(b *testing.B) {
	people := benchPeople(b, 10000)
	type jsonRecord struct { // what a JSON wrapper would have to hold
		Seq         uint64             `json:"seq"`
		Person      model.Person       `json:"person"`
		Attachments []model.Attachment `json:"attachments"`
		OpinionDone bool               `json:"opinion_done"`
	}
	bin := make([][]byte, len(people))
	js := make([][]byte, len(people))
	var binSize, jsSize int
	for i, p := range people {
		bin[i] = encodePerson(personRecord{Seq: uint64(i), Person: p})
		js[i], _ = json.Marshal(jsonRecord{uint64(i), p, p.Attachments, p.OpinionDone})
		binSize += len(bin[i])
		jsSize += len(js[i])
	}
	b.Run("binary", func(b *testing.B) {
		b.ReportMetric(float64(binSize)/float64(len(people)), "B/record")
		for b.Loop() {
			for _, raw := range bin {
				if _, err := decodePerson(raw); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("json", func(b *testing.B) {
		b.ReportMetric(float64(jsSize)/float64(len(people)), "B/record")
		for b.Loop() {
			for _, raw := range js {
				var r jsonRecord
				if err := json.Unmarshal(raw, &r); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}
