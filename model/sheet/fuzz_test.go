package sheet

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"chuding/model"
)

// checkPreview asserts what every import promises whatever the input: each
// problem names a row and says something; each person offered passes the
// domain's own validation, has a unique ID number, and came from a row.
func checkPreview(t *testing.T, pv *Preview) {
	t.Helper()
	if len(pv.People) != len(pv.Rows) {
		t.Fatalf("%d people from %d rows", len(pv.People), len(pv.Rows))
	}
	for _, p := range pv.Problems {
		if p.Row < 1 || p.Message == "" {
			t.Fatalf("problem without row or message: %+v", p)
		}
	}
	seen := map[string]bool{}
	for i := range pv.People {
		p := &pv.People[i]
		if errs := p.ValidateOn(testToday); len(errs) > 0 {
			t.Fatalf("row %d offered with problems %v: %+v", pv.Rows[i], errs, p)
		}
		if seen[p.IDNumber] {
			t.Fatalf("ID number offered twice: %s", model.MaskID(p.IDNumber))
		}
		seen[p.IDNumber] = true
		if i > 0 && pv.Rows[i] <= pv.Rows[i-1] {
			t.Fatalf("rows out of order: %v", pv.Rows)
		}
	}
	if pv.OK() != (pv.Err() == nil) {
		t.Fatal("OK and Err disagree")
	}
	_ = pv.Report()
}

// reimport exports the good people in the given kind and reads them back:
// they must come back unchanged and without problems.
func reimport(t *testing.T, people []model.Person, kind string) {
	t.Helper()
	if len(people) == 0 {
		return
	}
	var buf bytes.Buffer
	var err error
	if kind == KindCSV {
		err = ExportCSV(&buf, people)
	} else {
		err = Export(&buf, people, nil)
	}
	if err != nil {
		if strings.Contains(err.Error(), "Excel单元格放不下") {
			return
		}
		t.Fatal(err)
	}
	back, err := ImportReader(&buf, kind, AsOf(testToday))
	if err != nil {
		t.Fatal(err)
	}
	if !back.OK() || !reflect.DeepEqual(back.People, people) {
		t.Fatalf("%s round trip changed people:\n%s\n got %+v\nwant %+v", kind, back.Report(), back.People, people)
	}
}

func fuzzSeedCSV(f *testing.F) {
	var buf bytes.Buffer
	if err := ExportCSV(&buf, everyField(3)); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte(strings.Join(baseHeader, ",") + "\n" + strings.Join(baseRow, ",") + "\n"))
	f.Add([]byte("姓名,身份证号,人事关系,系列,参加工作时间\n张三,320706199904121238,劳动合同,工程,45838\n李四,=\"3.2E+17\",x,\"a\"\"b\",\n"))
	f.Add([]byte("\xd0\xd5\xc3\xfb,\xc9\xed\xb7\xdd\xd6\xa4\xba\xc5\n")) // 姓名,身份证号 in GBK
	f.Add([]byte("\xff\xfe\x2f\x59\x0d\x54\t\x00"))
}

// FuzzImportCSV feeds arbitrary bytes to the CSV import: it must never
// panic, must keep its promises about the preview, and the people it
// accepts must survive a CSV round trip unchanged.
func FuzzImportCSV(f *testing.F) {
	fuzzSeedCSV(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		pv, err := ImportReader(bytes.NewReader(data), KindCSV, AsOf(testToday))
		if err != nil {
			t.Fatal(err)
		}
		checkPreview(t, pv)
		reimport(t, pv.People, KindCSV)
	})
}

// FuzzRow drives the row parser shared by xlsx and csv with the template's
// header and one row of arbitrary cells (separated by |): whatever is
// accepted survives an xlsx round trip unchanged.
func FuzzRow(f *testing.F) {
	cols := layout{edu: 2, degrees: 2, years: []int{2022, 2023, 2024}}.columns()
	header := make([]string, len(cols))
	for i, c := range cols {
		header[i] = c.header
	}
	for _, p := range everyField(6) {
		f.Add(strings.Join(cells(&p, cols), "|"))
	}
	f.Add(strings.Join(cells(&basePerson, cols), "|"))
	f.Add("1|张　三|３２０７０６１９９９０４１２１２３８|单位|劳动合同|工程||2023年7月|大学本科|国民教育|学校|专业|2019-09|45098|全日制|4年|否|||||||||||学士学位、硕士||合格|优秀||是|否|√|||||||||")
	f.Fuzz(func(t *testing.T, row string) {
		p := newParser("", false, options{today: testToday})
		p.feed(1, header)
		p.feed(2, strings.Split(row, "|"))
		pv := p.finish()
		checkPreview(t, pv)
		reimport(t, pv.People, KindXLSX)
	})
}

// FuzzImportXLSX feeds arbitrary bytes to the xlsx import: a damaged file
// is an error, never a crash.
func FuzzImportXLSX(f *testing.F) {
	var buf bytes.Buffer
	if err := Export(&buf, everyField(2), nil); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add(xlsxOf(f, "人员", [][]any{anyRow(baseHeader), anyRow(baseRow)}))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		pv, err := ImportReader(bytes.NewReader(data), KindXLSX, AsOf(testToday))
		if err != nil {
			return
		}
		checkPreview(t, pv)
	})
}
