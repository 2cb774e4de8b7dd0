package sheet

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"chuding/model"
	"chuding/model/atomicfile"
)

// Sheet names of the workbooks chuding writes.
const (
	sheetPeople = "人员"
	sheetGuide  = "填写说明"
)

// maxCellChars is Excel's limit on the text in one cell.
const maxCellChars = excelize.TotalCellChars

// Template writes the empty template workbook: the 人员 sheet with a header
// for every field of the people file, drop-downs for the enumerations, an
// example row, and the 填写说明 sheet. Its appraisal columns are the five
// years before this one.
func Template(w io.Writer) error { return TemplateYears(w, DefaultYears(model.Today())) }

// TemplateYears is Template with appraisal and continuing-education columns
// for the given years (YearsFor gives a batch's).
func TemplateYears(w io.Writer, years []int) error {
	l := layout{edu: 2, degrees: 2, years: years}
	b, err := newBook(l)
	if err != nil {
		return err
	}
	defer b.f.Close()
	ex := examplePerson(years)
	row := cells(&ex, b.cols)
	row[0] = exampleMark
	if err := b.writeRow(2, row); err != nil {
		return err
	}
	if err := b.f.SetCellStyle(sheetPeople, "A2", cellName(len(b.cols)-1, 2), b.styles.example); err != nil {
		return err
	}
	return b.write(w)
}

// Export writes people to an .xlsx in the template's shape. When results is
// not nil it holds each person's check result (same order) and the sheet
// gains the columns 审核结果 (可申报/不可申报), 级别, 拟初定资格, 原因 and 提醒,
// each reason with its notice clause; a re-import ignores those columns.
func Export(w io.Writer, people []model.Person, results []model.Result) error {
	if results != nil && len(results) != len(people) {
		return fmt.Errorf("导出失败：%d人只有%d条审核结果", len(people), len(results))
	}
	b, err := newBook(layoutFor(people, results != nil))
	if err != nil {
		return err
	}
	defer b.f.Close()
	for i := range people {
		row, err := exportRow(&people[i], i, b.cols)
		if err != nil {
			return err
		}
		if results != nil {
			copy(row[len(row)-5:], resultCells(&results[i]))
		}
		if err := b.writeRow(i+2, row); err != nil {
			return err
		}
		if results != nil {
			style := b.styles.ineligible
			if results[i].Eligible {
				style = b.styles.eligible
			}
			cell := cellName(len(b.cols)-5, i+2)
			if err := b.f.SetCellStyle(sheetPeople, cell, cell, style); err != nil {
				return err
			}
		}
	}
	return b.write(w)
}

// ExportCSV writes people as a CSV in the template's shape: UTF-8 with a BOM
// (so that Excel on Chinese Windows does not read it as GBK) and CRLF lines.
func ExportCSV(w io.Writer, people []model.Person) error {
	cols := layoutFor(people, false).columns()
	var buf bytes.Buffer
	buf.WriteString("\uFEFF")
	cw := csv.NewWriter(&buf)
	cw.UseCRLF = true
	header := make([]string, len(cols))
	for i, c := range cols {
		header[i] = c.header
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	for i := range people {
		row, err := exportRow(&people[i], i, cols)
		if err != nil {
			return err
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// exportRow is the cells of person i (0-based) with its 序号, refusing text
// Excel could not hold.
func exportRow(p *model.Person, i int, cols []column) ([]string, error) {
	row := cells(p, cols)
	row[0] = strconv.Itoa(i + 1)
	for j, v := range row {
		v = printable(v)
		if utf8.RuneCountInString(v) > maxCellChars {
			return nil, fmt.Errorf("第%d人（%s）的“%s”超过%d字，Excel单元格放不下，请精简后再导出", i+1, p.Name, cols[j].header, maxCellChars)
		}
		row[j] = v
	}
	return row, nil
}

// printable drops what an xlsx cannot store (see storable).
func printable(s string) string { return strings.Map(storable, strings.ToValidUTF8(s, "\uFFFD")) }

// book is a workbook being written.
type book struct {
	f      *excelize.File
	cols   []column
	styles styles
}

type styles struct {
	header, headerRequired, text, wrap, example, eligible, ineligible int
}

func newBook(l layout) (*book, error) {
	f := excelize.NewFile()
	b := &book{f: f, cols: l.columns()}
	if err := b.setup(); err != nil {
		f.Close()
		return nil, fmt.Errorf("生成Excel文件失败：%v", err)
	}
	return b, nil
}

func (b *book) setup() error {
	f := b.f
	if err := f.SetSheetName("Sheet1", sheetPeople); err != nil {
		return err
	}
	if err := b.makeStyles(); err != nil {
		return err
	}
	header := make([]any, len(b.cols))
	for i, c := range b.cols {
		header[i] = c.header
		name, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(sheetPeople, name, name, c.width); err != nil {
			return err
		}
		style := b.styles.text
		if c.bind.f == fOpinion || c.header == hReasons || c.header == hWarnings {
			style = b.styles.wrap
		}
		if err := f.SetColStyle(sheetPeople, name, style); err != nil {
			return err
		}
		hs := b.styles.header
		if c.required {
			hs = b.styles.headerRequired
		}
		if err := f.SetCellStyle(sheetPeople, name+"1", name+"1", hs); err != nil {
			return err
		}
		if err := b.addChoices(name, c.choices); err != nil {
			return err
		}
	}
	if err := f.SetSheetRow(sheetPeople, "A1", &header); err != nil {
		return err
	}
	if err := f.SetRowHeight(sheetPeople, 1, 32); err != nil {
		return err
	}
	// Keep the header and the 序号/姓名/身份证号码 columns in view.
	if err := f.SetPanes(sheetPeople, &excelize.Panes{
		Freeze: true, XSplit: 3, YSplit: 1, TopLeftCell: "D2", ActivePane: "bottomRight",
	}); err != nil {
		return err
	}
	return b.writeGuide()
}

// addChoices puts a drop-down on a whole column below the header. The
// error style is a warning, so an officer can still type a value the list
// lacks (a new policy's term); the import then reports it if it is wrong.
func (b *book) addChoices(col string, choices []string) error {
	if len(choices) == 0 {
		return nil
	}
	dv := excelize.NewDataValidation(true)
	dv.SetSqref(col + "2:" + col + strconv.Itoa(excelize.TotalRows))
	if err := dv.SetDropList(choices); err != nil {
		return err
	}
	dv.SetError(excelize.DataValidationErrorStyleWarning, "不在可选范围内", "请从下拉列表中选择："+strings.Join(choices, "、"))
	return b.f.AddDataValidation(sheetPeople, dv)
}

func (b *book) makeStyles() error {
	border := []excelize.Border{
		{Type: "left", Color: "A6A6A6", Style: 1}, {Type: "right", Color: "A6A6A6", Style: 1},
		{Type: "top", Color: "A6A6A6", Style: 1}, {Type: "bottom", Color: "A6A6A6", Style: 1},
	}
	text := 49 // the built-in "@" format: cells stay text, so ID numbers and dates are never converted
	head := func(fill string) *excelize.Style {
		return &excelize.Style{
			Font:      &excelize.Font{Bold: true},
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{fill}},
			Border:    border,
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
			NumFmt:    text,
		}
	}
	defs := []struct {
		dst *int
		s   *excelize.Style
	}{
		{&b.styles.header, head("DDEBF7")},
		{&b.styles.headerRequired, head("FCE4D6")},
		{&b.styles.text, &excelize.Style{NumFmt: text}},
		{&b.styles.wrap, &excelize.Style{NumFmt: text, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}},
		{&b.styles.example, &excelize.Style{NumFmt: text, Font: &excelize.Font{Italic: true, Color: "808080"}}},
		{&b.styles.eligible, &excelize.Style{NumFmt: text, Font: &excelize.Font{Bold: true, Color: "2E7D32"}}},
		{&b.styles.ineligible, &excelize.Style{NumFmt: text, Font: &excelize.Font{Bold: true, Color: "C62828"}}},
	}
	for _, d := range defs {
		id, err := b.f.NewStyle(d.s)
		if err != nil {
			return err
		}
		*d.dst = id
	}
	return nil
}

// writeRow writes the cells of one row, leaving empty cells out.
func (b *book) writeRow(row int, vals []string) error {
	for i, v := range vals {
		if v == "" {
			continue
		}
		if err := b.f.SetCellStr(sheetPeople, cellName(i, row), v); err != nil {
			return err
		}
	}
	return nil
}

func (b *book) write(w io.Writer) error {
	b.f.SetActiveSheet(0)
	if err := b.f.Write(w); err != nil {
		return fmt.Errorf("写出Excel文件失败：%v", err)
	}
	return nil
}

// cellName is the A1-style name of column col (0-based) in row.
func cellName(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col+1, row)
	return name
}

// WriteFile writes people to path in the format its extension names
// (.xlsx with results when results is not nil, .csv, or a chuding-people/1
// .json), atomically: a temporary file in the same folder, synced, then
// renamed over path, with mode 0600.
func WriteFile(path string, people []model.Person, results []model.Result) error {
	kind, err := KindOf(path)
	if err != nil {
		return err
	}
	switch kind {
	case KindJSON:
		return writeJSON(path, people)
	case KindCSV:
		return WriteAtomic(path, func(w io.Writer) error { return ExportCSV(w, people) })
	}
	return WriteAtomic(path, func(w io.Writer) error { return Export(w, people, results) })
}

// WriteTemplateFile writes the template (see TemplateYears) to path
// atomically.
func WriteTemplateFile(path string, years []int) error {
	return WriteAtomic(path, func(w io.Writer) error { return TemplateYears(w, years) })
}

// WriteAtomic writes path through write atomically (see package
// atomicfile): temporary file, fsync, rename, mode 0600.
func WriteAtomic(path string, write func(io.Writer) error) error {
	return atomicfile.Write(path, write)
}
