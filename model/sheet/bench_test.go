package sheet

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"
)

// benchPeople is the size of a large agency's batch in the target:
// importing 5,000 rows of xlsx must take at most 2 s.
const benchPeople = 5000

func benchXLSX(b *testing.B) []byte {
	b.Helper()
	var buf bytes.Buffer
	if err := Export(&buf, everyField(benchPeople), nil); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

func BenchmarkImportXLSX5000(b *testing.B) {
	data := benchXLSX(b)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		pv, err := ImportReader(bytes.NewReader(data), KindXLSX, AsOf(testToday))
		if err != nil || len(pv.People) != benchPeople {
			b.Fatalf("%v: %d people\n%s", err, len(pv.People), pv.Report())
		}
	}
}

func BenchmarkImportCSV5000(b *testing.B) {
	var buf bytes.Buffer
	if err := ExportCSV(&buf, everyField(benchPeople)); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		pv, err := ImportReader(bytes.NewReader(data), KindCSV, AsOf(testToday))
		if err != nil || len(pv.People) != benchPeople {
			b.Fatalf("%v: %d people", err, len(pv.People))
		}
	}
}

func BenchmarkExportXLSX5000(b *testing.B) {
	people := everyField(benchPeople)
	for b.Loop() {
		var buf bytes.Buffer
		if err := Export(&buf, people, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// The two ways excelize reads a sheet, without chuding's parsing: the
// streaming Rows iterator the import uses, and GetRows.
func BenchmarkReadSheetRows5000(b *testing.B) {
	data := benchXLSX(b)
	b.ResetTimer()
	for b.Loop() {
		f, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		rows, err := f.Rows(sheetPeople)
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for rows.Next() {
			if _, err := rows.Columns(excelize.Options{RawCellValue: true}); err != nil {
				b.Fatal(err)
			}
			n++
		}
		rows.Close()
		f.Close()
		if n != benchPeople+1 {
			b.Fatalf("%d rows", n)
		}
	}
}

func BenchmarkReadSheetGetRows5000(b *testing.B) {
	data := benchXLSX(b)
	b.ResetTimer()
	for b.Loop() {
		f, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		rows, err := f.GetRows(sheetPeople, excelize.Options{RawCellValue: true})
		if err != nil || len(rows) != benchPeople+1 {
			b.Fatalf("%v: %d rows", err, len(rows))
		}
		f.Close()
	}
}
