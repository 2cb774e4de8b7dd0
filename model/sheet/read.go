package sheet

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"

	"chuding/model"
	"chuding/model/textenc"
)

// maxFileBytes bounds what an import reads into memory: far above any real
// batch (5,000 people are about 2 MB of xlsx), far below trouble.
const maxFileBytes = 256 << 20

// ImportReader reads people from r, whose kind is "xlsx" or "csv".
func ImportReader(r io.Reader, kind string, opts ...Option) (*Preview, error) {
	o := buildOptions(opts)
	data, err := io.ReadAll(io.LimitReader(r, maxFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("读取文件失败：%v", err)
	}
	if len(data) > maxFileBytes {
		return nil, fmt.Errorf("文件超过%d MB，不像是人员名单，请检查是否选错了文件", maxFileBytes>>20)
	}
	switch strings.TrimPrefix(strings.ToLower(kind), ".") {
	case KindXLSX, "xlsm":
		return importXLSX(data, o)
	case KindCSV, "txt":
		return importCSV(data, o), nil
	}
	return nil, fmt.Errorf("无法导入“%s”类型的文件：请使用 .xlsx 或 .csv", kind)
}

// importCSV reads a CSV file as Excel on a Chinese Windows writes it (GBK)
// or as other tools do (UTF-8, with or without BOM; UTF-16 from Excel's
// "Unicode 文本"), separated by commas, tabs or semicolons.
func importCSV(data []byte, o options) *Preview {
	text := strings.ReplaceAll(decodeCSV(data), "\r\n", "\n")
	rd := csv.NewReader(strings.NewReader(text))
	rd.Comma = sniffComma(text)
	rd.FieldsPerRecord = -1
	rd.LazyQuotes = true
	rd.ReuseRecord = true
	p := newParser("", false, o)
	// Excel shows every line as a row, blank ones included, while the CSV
	// reader skips blank lines: count them back so row numbers match.
	row, line, prevOff := 0, 1, int64(0)
	for {
		rec, err := rd.Read()
		if err == io.EOF {
			break
		}
		off := rd.InputOffset()
		if err != nil {
			var pe *csv.ParseError
			start := row + 1
			if errors.As(err, &pe) {
				start = row + 1 + max(pe.StartLine-line, 0)
			}
			p.headerProblem(start, -1, "CSV格式有误，从这一行起无法读取（%v）：请检查引号是否成对，或在Excel中打开后另存为 .xlsx", err)
			break
		}
		startLine, _ := rd.FieldPos(0)
		row += 1 + max(startLine-line, 0)
		line += strings.Count(text[prevOff:off], "\n")
		prevOff = off
		if !p.feed(row, rec) {
			break
		}
	}
	return p.finish()
}

func decodeCSV(data []byte) string {
	text, _ := textenc.Decode(data)
	return text
}

// sniffComma picks the separator that splits the first line into the most
// fields.
func sniffComma(text string) rune {
	first, _, _ := strings.Cut(strings.TrimLeft(text, "\n"), "\n")
	best, bestN := ',', strings.Count(first, ",")
	for _, c := range []rune{'\t', ';'} {
		if n := strings.Count(first, string(c)); n > bestN {
			best, bestN = c, n
		}
	}
	return best
}

// importXLSX reads the 人员 sheet, or else the first sheet with a
// recognisable header. Cells are read raw so that date-formatted cells
// arrive as Excel serial numbers rather than in a locale's display format.
func importXLSX(data []byte, o options) (pv *Preview, err error) {
	// A damaged workbook must not take the app down with it: excelize
	// trusts the XML it unzips more than a file from outside deserves.
	defer func() {
		if r := recover(); r != nil {
			pv, err = nil, errors.New("Excel文件已损坏，无法读取：请在Excel中打开后另存为 .xlsx 再导入")
		}
	}()
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		RawCellValue: true, UnzipSizeLimit: 1 << 30, UnzipXMLSizeLimit: 64 << 20,
	})
	if err != nil {
		return nil, xlsxOpenError(err)
	}
	defer f.Close()
	date1904 := false
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		date1904 = *props.Date1904
	}
	var first *Preview
	for _, name := range sheetOrder(f.GetSheetList()) {
		p := newParser(name, date1904, o)
		if err := streamSheet(f, name, p); err != nil {
			return nil, err
		}
		if p.found() {
			return p.finish(), nil
		}
		if first == nil {
			first = p.finish()
		}
	}
	if first == nil {
		first = newParser("", date1904, o).finish()
	}
	return first, nil
}

// sheetOrder puts a sheet named 人员 first.
func sheetOrder(names []string) []string {
	var out []string
	for _, n := range names {
		if normHeader(n) == sheetPeople {
			out = append([]string{n}, out...)
		} else {
			out = append(out, n)
		}
	}
	return out
}

// streamSheet feeds the rows of a sheet to p with excelize's streaming
// reader (much faster than GetRows on big sheets; see the benchmark).
func streamSheet(f *excelize.File, name string, p *parser) error {
	rows, err := f.Rows(name)
	if err != nil {
		return fmt.Errorf("无法读取工作表“%s”：%v", name, err)
	}
	defer rows.Close()
	for row := 1; rows.Next(); row++ {
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return fmt.Errorf("工作表“%s”第%d行无法读取：%v", name, row, err)
		}
		if !p.feed(row, cells) {
			break
		}
	}
	if err := rows.Error(); err != nil {
		return fmt.Errorf("无法读取工作表“%s”：%v", name, err)
	}
	return nil
}

func xlsxOpenError(err error) error {
	switch {
	case errors.Is(err, excelize.ErrWorkbookFileFormat), errors.Is(err, excelize.ErrWorkbookPassword):
		return errors.New("无法打开这个Excel文件：它可能设置了打开密码，或是旧版 .xls 文件改了扩展名。请在Excel中取消密码，或另存为 .xlsx（Excel工作簿）后再导入")
	case errors.Is(err, zip.ErrFormat), errors.Is(err, zip.ErrAlgorithm), errors.Is(err, zip.ErrChecksum):
		return errors.New("这不是有效的 .xlsx 文件（文件可能已损坏或并非Excel工作簿）：请在Excel中打开后另存为 .xlsx 再导入")
	}
	return fmt.Errorf("无法读取Excel文件：%v", err)
}

// ReadPeopleFile reads people from a chuding-people/1 .json file, an .xlsx
// or a .csv. For a spreadsheet the Preview tells which rows were bad and
// people holds only the good ones; for JSON the Preview is nil (the JSON
// reader refuses a bad file as a whole).
//
// The extension decides the format; a file with another extension (or
// none) is recognised by its first bytes.
func ReadPeopleFile(path string, opts ...Option) ([]model.Person, *Preview, error) {
	kind, err := KindOf(path)
	if err != nil {
		if kind, err = sniffKind(path, err); err != nil {
			return nil, nil, err
		}
	}
	if kind == KindJSON {
		people, err := readJSON(path)
		return people, nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, openError(path, err)
	}
	defer f.Close()
	pv, err := ImportReader(f, kind, opts...)
	if err != nil {
		return nil, nil, err
	}
	return pv.People, pv, nil
}

// sniffKind recognises a people file whose extension KindOf does not know:
// a zip is an xlsx, text starting with { is JSON, other text is CSV. The old
// binary .xls keeps its own error (extErr).
func sniffKind(path string, extErr error) (string, error) {
	ext := strings.ToLower(filepath.Ext(path))
	if ext == ".xls" || ext == ".et" || ext == ".wps" {
		return "", extErr
	}
	f, err := os.Open(path)
	if err != nil {
		return "", openError(path, err)
	}
	defer f.Close()
	head := make([]byte, 512)
	n, _ := io.ReadFull(f, head)
	head = bytes.TrimLeft(bytes.TrimPrefix(head[:n], []byte("\uFEFF")), " \t\r\n")
	switch {
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return KindXLSX, nil
	case bytes.HasPrefix(head, []byte("{")):
		return KindJSON, nil
	case n > 0 && !bytes.ContainsRune(head, 0) || bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		return KindCSV, nil
	}
	return "", extErr
}
