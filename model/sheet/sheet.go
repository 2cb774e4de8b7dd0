// Package sheet moves applicants between chuding and the spreadsheets HR
// offices keep: it writes the Excel template officers fill in, imports .xlsx
// and .csv files (UTF-8 with or without BOM, or GBK) with a report of every
// bad row, and exports people — with their check results — back to .xlsx or
// .csv in the template's shape, so that a re-import gives the same people.
//
// An import never writes anywhere: it returns a Preview holding the good
// rows and the problems, and the caller decides (the app shows the preview
// and imports only what the officer accepts; the CLI refuses the file).
package sheet

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"chuding/model"
)

// RowProblem is one thing wrong with one row of an imported file.
type RowProblem struct {
	Sheet   string // worksheet name; "" for a CSV file
	Row     int    // row number as Excel shows it (1 is the first line)
	Column  string // header as written in the file, or the field's name when the file has no such column
	Letter  string // column letters as Excel shows them (A, B, … AA); "" when no single cell is at fault
	Name    string // the person's name on that row, when there is one
	Message string // what is wrong and how to fix it, in Chinese
}

// String is the problem as one line of the Chinese report, e.g.
// 第5行（张三）C列“身份证号码”：身份证号码校验位错误…
func (p RowProblem) String() string {
	var b strings.Builder
	if p.Sheet != "" {
		fmt.Fprintf(&b, "工作表“%s”", p.Sheet)
	}
	fmt.Fprintf(&b, "第%d行", p.Row)
	if p.Name != "" {
		fmt.Fprintf(&b, "（%s）", p.Name)
	}
	switch {
	case p.Letter != "" && p.Column != "":
		fmt.Fprintf(&b, "%s列“%s”", p.Letter, p.Column)
	case p.Column != "":
		fmt.Fprintf(&b, "“%s”", p.Column)
	}
	b.WriteString("：")
	b.WriteString(p.Message)
	return b.String()
}

// Preview is the outcome of reading a file: the people on good rows, in file
// order, and every problem found on the other rows.
type Preview struct {
	People   []model.Person
	Rows     []int // Rows[i] is the row People[i] was read from
	Problems []RowProblem
	Notes    []string // remarks that block nothing: ignored columns, a skipped example row
	Sheet    string   // the worksheet read; "" for CSV
	Total    int      // data rows read, not counting blank rows and the template's example row
}

// OK reports whether every row was good.
func (pv *Preview) OK() bool { return len(pv.Problems) == 0 }

// BadRows is the number of rows with at least one problem (a problem with
// the header counts as one).
func (pv *Preview) BadRows() int {
	rows := map[int]bool{}
	for _, p := range pv.Problems {
		rows[p.Row] = true
	}
	return len(rows)
}

// Report is the Chinese row-level report: a summary line, then one line per
// problem in row order.
func (pv *Preview) Report() string {
	var b strings.Builder
	if pv.OK() {
		fmt.Fprintf(&b, "共%d行，全部正确。\n", pv.Total)
	} else {
		fmt.Fprintf(&b, "共%d行，其中%d行有问题（%d处），%d行正确。请修改后重新导入：\n",
			pv.Total, pv.BadRows(), len(pv.Problems), len(pv.People))
	}
	for _, p := range pv.Problems {
		b.WriteString(p.String())
		b.WriteByte('\n')
	}
	for _, n := range pv.Notes {
		b.WriteString("提示：")
		b.WriteString(n)
		b.WriteByte('\n')
	}
	return b.String()
}

// ProblemsError is the error a caller that cannot preview (the CLI) reports:
// its text is the whole row-level report.
type ProblemsError struct{ Preview *Preview }

func (e *ProblemsError) Error() string { return strings.TrimRight(e.Preview.Report(), "\n") }

// Err is nil when every row is good and a *ProblemsError otherwise.
func (pv *Preview) Err() error {
	if pv.OK() {
		return nil
	}
	return &ProblemsError{Preview: pv}
}

func (pv *Preview) sortProblems() {
	// Within a row, problems follow the columns left to right: shorter
	// letters first (Z before AA), then alphabetically.
	sort.SliceStable(pv.Problems, func(i, j int) bool {
		a, b := pv.Problems[i], pv.Problems[j]
		if a.Row != b.Row {
			return a.Row < b.Row
		}
		if len(a.Letter) != len(b.Letter) {
			return len(a.Letter) < len(b.Letter)
		}
		return a.Letter < b.Letter
	})
}

// Option adjusts an import.
type Option func(*options)

type options struct {
	today    model.Date
	existing map[string]bool
}

// Existing marks ID numbers already in the batch: rows with them are
// reported instead of imported twice. Keys are compared case-insensitively.
func Existing(ids map[string]bool) Option {
	return func(o *options) {
		o.existing = make(map[string]bool, len(ids))
		for id, in := range ids {
			if in {
				o.existing[strings.ToUpper(strings.TrimSpace(id))] = true
			}
		}
	}
}

// AsOf judges "in the future" against day d instead of today (for tests and
// for re-checking an old file).
func AsOf(d model.Date) Option { return func(o *options) { o.today = d } }

func buildOptions(opts []Option) options {
	o := options{today: model.Today()}
	for _, f := range opts {
		f(&o)
	}
	return o
}

// Kinds of file an import reads, by extension.
const (
	KindXLSX = "xlsx"
	KindCSV  = "csv"
	KindJSON = "json"
)

// KindOf is the kind of file path names by its extension, or an error in
// Chinese naming the kinds chuding reads.
func KindOf(path string) (string, error) {
	switch ext := strings.ToLower(filepath.Ext(path)); ext {
	case ".xlsx", ".xlsm":
		return KindXLSX, nil
	case ".csv", ".txt":
		return KindCSV, nil
	case ".json":
		return KindJSON, nil
	case ".xls", ".et", ".wps":
		return "", fmt.Errorf("不支持“%s”格式的文件“%s”：请在Excel或WPS中另存为 .xlsx（Excel工作簿）后再导入", ext, filepath.Base(path))
	default:
		return "", fmt.Errorf("无法识别文件“%s”的格式：请使用 .xlsx、.csv 或 .json 文件", filepath.Base(path))
	}
}

// Import reads an .xlsx or .csv file of people.
func Import(path string, opts ...Option) (*Preview, error) {
	kind, err := KindOf(path)
	if err != nil {
		return nil, err
	}
	if kind == KindJSON {
		return nil, fmt.Errorf("“%s”是人员JSON文件，不是表格：请用 ReadPeopleFile 读取", filepath.Base(path))
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, openError(path, err)
	}
	defer f.Close()
	return ImportReader(f, kind, opts...)
}

func openError(path string, err error) error {
	switch {
	case errors.Is(err, os.ErrNotExist):
		return fmt.Errorf("找不到文件“%s”，请检查路径", path)
	case errors.Is(err, os.ErrPermission):
		return fmt.Errorf("没有权限读取文件“%s”", path)
	}
	return fmt.Errorf("无法打开文件“%s”：%v", path, err)
}
