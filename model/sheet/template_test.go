package sheet

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"chuding/model"
)

var templateYears = []int{2020, 2021, 2022, 2023, 2024}

func openTemplate(t *testing.T) (*excelize.File, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := TemplateYears(&buf, templateYears); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f, buf.Bytes()
}

// TestTemplateHasEveryField: the 人员 sheet has a recognised column for
// every field of the people file, and nothing the importer would ignore.
func TestTemplateHasEveryField(t *testing.T) {
	f, _ := openTemplate(t)
	if got := f.GetSheetList(); !slices.Equal(got, []string{sheetPeople, sheetGuide}) {
		t.Fatalf("sheets %v", got)
	}
	rows, err := f.GetRows(sheetPeople)
	if err != nil {
		t.Fatal(err)
	}
	covered := map[field]bool{}
	for _, h := range rows[0] {
		b, ok := bindHeader(h)
		if !ok || b.f == fResult {
			t.Errorf("template header %q is not imported", h)
		}
		covered[b.f] = true
	}
	for f := fSeq; f < fResult; f++ {
		if !covered[f] {
			t.Errorf("no template column for field %d", f)
		}
	}
	for _, h := range []string{"2020年度考核", "2024年度考核", "2024年继续教育", "学历2是否经认定", "学位2"} {
		if !slices.Contains(rows[0], h) {
			t.Errorf("template lacks column %q", h)
		}
	}
}

// TestTemplateDropDowns: every enumeration has a drop-down with exactly the
// values the domain accepts.
func TestTemplateDropDowns(t *testing.T) {
	f, _ := openTemplate(t)
	header, _ := f.GetRows(sheetPeople)
	lists := map[string]string{}
	dvs, err := f.GetDataValidations(sheetPeople)
	if err != nil {
		t.Fatal(err)
	}
	for _, dv := range dvs {
		col := strings.TrimRight(strings.SplitN(dv.Sqref, ":", 2)[0], "0123456789")
		n, _ := excelize.ColumnNameToNumber(col)
		lists[header[0][n-1]] = dv.Formula1
	}
	want := map[string][]string{
		"人事关系":      model.Relations,
		"学历1层次":     slices.Concat(model.EducationLevels, model.TechnicalClasses),
		"学历2类型":     model.EducationTypes,
		"学位1":       model.Degrees,
		"2022年度考核":  model.AppraisalResults,
		"2022年继续教育": {"是", "否"},
		"学历1是否全日制":  {"是", "否"},
		"是否公务员":     {"是", "否"},
		"学历2是否经认定":  {"是", "否"},
		"2024年度考核":  model.AppraisalResults,
		"是否退休":      {"是", "否"},
		"学历1类型":     model.EducationTypes,
		"学历2层次":     slices.Concat(model.EducationLevels, model.TechnicalClasses),
		"学位2":       model.Degrees,
		"2020年继续教育": {"是", "否"},
		"学历2是否全日制":  {"是", "否"},
		"学历1是否经认定":  {"是", "否"},
	}
	for h, values := range want {
		if got, wantList := lists[h], `"`+strings.Join(values, ",")+`"`; got != wantList {
			t.Errorf("drop-down of %s = %s, want %s", h, got, wantList)
		}
	}
}

func TestTemplateCellsAreText(t *testing.T) {
	f, _ := openTemplate(t)
	for _, col := range []string{"C", "H"} { // 身份证号码, 参加工作时间
		id, err := f.GetColStyle(sheetPeople, col)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil || st.NumFmt != 49 {
			t.Errorf("column %s style %+v: want the text format so Excel keeps ID numbers whole", col, st)
		}
	}
}

// TestTemplateExampleRow: the example row is skipped as it stands, and is
// itself a good row once the officer renumbers it.
func TestTemplateExampleRow(t *testing.T) {
	f, data := openTemplate(t)
	pv, err := ImportReader(bytes.NewReader(data), KindXLSX, AsOf(testToday))
	if err != nil {
		t.Fatal(err)
	}
	if pv.Total != 0 || !pv.OK() || len(pv.Notes) != 1 || !strings.Contains(pv.Notes[0], "示例") {
		t.Fatalf("untouched template: %s", pv.Report())
	}
	if err := f.SetCellStr(sheetPeople, "A2", "1"); err != nil {
		t.Fatal(err)
	}
	buf, _ := f.WriteToBuffer()
	pv, err = ImportReader(buf, KindXLSX, AsOf(testToday))
	if err != nil || !pv.OK() || len(pv.People) != 1 {
		t.Fatalf("renumbered example: %v\n%s", err, pv.Report())
	}
	want := examplePerson(templateYears)
	want.Canonicalize()
	if !reflect.DeepEqual(pv.People[0], want) {
		t.Errorf("example row reads as %+v\nwant %+v", pv.People[0], want)
	}
}

// TestTemplateFilledIn: an officer types a row below the example, using a
// date cell and the drop-down values; it imports.
func TestTemplateFilledIn(t *testing.T) {
	f, _ := openTemplate(t)
	header, _ := f.GetRows(sheetPeople)
	set := func(h string, v any) {
		col := slices.Index(header[0], h)
		if col < 0 {
			t.Fatalf("no column %s", h)
		}
		if err := f.SetCellValue(sheetPeople, cellName(col, 3), v); err != nil {
			t.Fatal(err)
		}
	}
	set("序号", 1)
	set("姓名", "李四")
	set("身份证号码", "320703199803052043")
	set("人事关系", model.RelationAgency)
	set("申报系列", "工程")
	set("参加工作时间", time.Date(2021, 7, 1, 0, 0, 0, 0, time.UTC))
	set("学历1层次", "大专")
	set("学历1类型", model.EduNational)
	set("学历1毕业时间", "2021年6月")
	set("学历1是否全日制", "是")
	set("2023年度考核", "优秀")
	set("2023年继续教育", "否")
	buf, _ := f.WriteToBuffer()
	pv, err := ImportReader(buf, KindXLSX, AsOf(testToday))
	if err != nil || !pv.OK() || len(pv.People) != 1 {
		t.Fatalf("%v\n%s", err, pv.Report())
	}
	p := pv.People[0]
	if p.Name != "李四" || p.WorkStart != model.NewDate(2021, 7, 1) || !p.Education[0].Graduated.Approx ||
		p.Appraisals[2023] != "优秀" || p.ContinuingEd[2023] || len(p.ContinuingEd) != 1 || pv.Rows[0] != 3 {
		t.Errorf("got %+v from row %v", p, pv.Rows)
	}
}

func TestTemplateGuide(t *testing.T) {
	f, _ := openTemplate(t)
	rows, err := f.GetRows(sheetGuide)
	if err != nil {
		t.Fatal(err)
	}
	described := map[string]string{}
	for _, r := range rows {
		if len(r) >= 3 {
			described[r[0]] = r[2]
		}
	}
	for _, name := range []string{"姓名", "身份证号码", "人事关系", "学历N层次", "学历N是否经认定", "学位N", "YYYY年度考核", "YYYY年继续教育", "单位鉴定意见"} {
		if described[name] == "" {
			t.Errorf("the guide does not explain %s", name)
		}
	}
	if !strings.Contains(described["学历N是否经认定"], "二(二)1") {
		t.Errorf("the 是否经认定 note should cite 二(二)1: %s", described["学历N是否经认定"])
	}
}

func TestDefaultYears(t *testing.T) {
	if got := DefaultYears(model.NewDate(2026, 11, 25)); !slices.Equal(got, []int{2021, 2022, 2023, 2024, 2025}) {
		t.Errorf("DefaultYears = %v", got)
	}
	pol := model.Policy{Cutoff: model.NewDate(2025, 6, 30)}
	if got := YearsFor(&pol); !slices.Equal(got, []int{2020, 2021, 2022, 2023, 2024}) {
		t.Errorf("YearsFor = %v", got)
	}
}

func TestExportResultColumns(t *testing.T) {
	people := everyField(2)
	results := []model.Result{
		{Eligible: true, Level: model.LevelAssistant, Title: "助理工程师",
			Warnings: []model.Finding{{Clause: "二(四)", Message: "2024年继续教育未记录"}}},
		{Eligible: false, Reasons: []model.Finding{
			{Code: "CIVIL", Clause: "一", Message: "公务员不得申报初定"},
			{Code: "APPRAISAL", Clause: "二(三)", Message: "2023年度考核不合格"}}},
	}
	var buf bytes.Buffer
	if err := Export(&buf, people, results); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(sheetPeople)
	h := rows[0]
	at := func(row int, header string) string {
		i := slices.Index(h, header)
		if i < 0 || i >= len(rows[row]) {
			return ""
		}
		return rows[row][i]
	}
	checks := []struct {
		row          int
		header, want string
	}{
		{1, "审核结果", "可申报"}, {1, "级别", "助理级"}, {1, "拟初定资格", "助理工程师"}, {1, "提醒", "【二(四)】2024年继续教育未记录"},
		{2, "审核结果", "不可申报"}, {2, "原因", "【一】公务员不得申报初定\n【二(三)】2023年度考核不合格"},
		{1, "序号", "1"}, {2, "序号", "2"}, {2, "身份证号码", people[1].IDNumber},
	}
	for _, c := range checks {
		if got := at(c.row, c.header); got != c.want {
			t.Errorf("row %d %s = %q, want %q", c.row+1, c.header, got, c.want)
		}
	}
	if err := Export(&buf, people, results[:1]); err == nil {
		t.Error("Export accepted fewer results than people")
	}
}

func TestExportRefusesTooLongText(t *testing.T) {
	p := everyField(1)
	p[0].Opinion = strings.Repeat("好", maxCellChars+1)
	var buf bytes.Buffer
	if err := Export(&buf, p, nil); err == nil || !strings.Contains(err.Error(), "单位鉴定意见") {
		t.Errorf("got %v", err)
	}
}

func TestExportCSVOpensInChineseExcel(t *testing.T) {
	var buf bytes.Buffer
	if err := ExportCSV(&buf, everyField(2)); err != nil {
		t.Fatal(err)
	}
	s := buf.String()
	if !strings.HasPrefix(s, "\uFEFF序号,姓名,身份证号码,") || !strings.Contains(s, "\r\n1,") {
		t.Errorf("want a BOM, the template's headers and CRLF lines: %q", s[:min(len(s), 80)])
	}
}

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	people := everyField(3)
	for _, name := range []string{"名单.xlsx", "名单.csv", "名单.json", "模板.xlsx"} {
		path := filepath.Join(dir, name)
		var err error
		if name == "模板.xlsx" {
			err = WriteTemplateFile(path, templateYears)
		} else {
			err = WriteFile(path, people, nil)
		}
		if err != nil {
			t.Fatal(err)
		}
		st, err := os.Stat(path)
		if err != nil || st.Mode().Perm() != 0o600 {
			t.Errorf("%s: %v mode %v, want 0600", name, err, st.Mode())
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 4 {
		t.Errorf("temporary files left behind: %v", entries)
	}
	if err := WriteFile(filepath.Join(dir, "no", "名单.xlsx"), people, nil); err == nil || !strings.Contains(err.Error(), "不存在") {
		t.Errorf("missing folder: %v", err)
	}
	if err := WriteFile(filepath.Join(dir, "名单.xls"), people, nil); err == nil {
		t.Error("wrote an .xls")
	}
}
