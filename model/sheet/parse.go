package sheet

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/xuri/excelize/v2"

	"chuding/model"
)

// headerScanRows is how far down a sheet the header row is looked for, so
// that a title line or two above the table is tolerated.
const headerScanRows = 10

// exampleMark in the 序号 column marks the template's example row.
const exampleMark = "示例"

// requiredFields must each have a column; without one no row can be good.
var requiredFields = []field{fName, fID, fRelation, fSeries, fWorkStart}

// parser turns the rows of one table (an xlsx sheet or a CSV file) into a
// Preview. Rows are fed one at a time so that large sheets stream.
type parser struct {
	opts     options
	date1904 bool
	pv       *Preview

	headerRow int       // 0 until the header is found
	headers   []string  // as written
	binds     []binding // per column; fNone for ignored columns
	colOf     map[binding]int
	cols      []int // bound columns, left to right
	fatal     bool  // the header is unusable: rows are not read

	rows []parsedRow
}

type parsedRow struct {
	row      int
	person   model.Person
	idCol    int
	problems []RowProblem
}

func newParser(sheet string, date1904 bool, o options) *parser {
	return &parser{opts: o, date1904: date1904, pv: &Preview{Sheet: sheet}}
}

// feed takes the next row; row is its 1-based number. It returns false when
// the rest of the table need not be read.
func (p *parser) feed(row int, cells []string) bool {
	if p.fatal {
		return false
	}
	if p.headerRow == 0 {
		return p.tryHeader(row, cells) || row < headerScanRows
	}
	p.parseRow(row, cells)
	return true
}

// found reports whether a header row was recognised.
func (p *parser) found() bool { return p.headerRow > 0 }

// headerProblem records a problem with the table as a whole.
func (p *parser) headerProblem(row, col int, format string, args ...any) {
	r := parsedRow{row: row}
	p.problem(&r, col, "", format, args...)
	p.pv.Problems = append(p.pv.Problems, r.problems...)
	p.fatal = true
}

// tryHeader accepts row as the header when it names both 姓名 and 身份证号码.
func (p *parser) tryHeader(row int, cells []string) bool {
	binds := make([]binding, len(cells))
	var hasName, hasID bool
	for i, c := range cells {
		if b, ok := bindHeader(cleanCell(c)); ok {
			binds[i] = b
			hasName = hasName || b.f == fName
			hasID = hasID || b.f == fID
		}
	}
	if !hasName || !hasID {
		return false
	}
	p.headerRow = row
	p.headers = make([]string, len(cells))
	p.binds = binds
	p.colOf = map[binding]int{}
	for i, c := range cells {
		h := cleanCell(c)
		p.headers[i] = h
		b := binds[i]
		switch {
		case h == "":
		case b.f == fNone:
			p.pv.Notes = append(p.pv.Notes, fmt.Sprintf("%s列“%s”不是职称初定助手的列，已忽略", letters(i), h))
		case b.f == fResult:
			binds[i] = binding{} // check results are recomputed, never imported
		default:
			if j, dup := p.colOf[b]; dup {
				p.headerProblem(row, i, "与%s列“%s”是同一项内容，请删除其中一列", letters(j), p.headers[j])
				continue
			}
			p.colOf[b] = i
			p.cols = append(p.cols, i)
		}
	}
	var missing []string
	for _, f := range requiredFields {
		if _, ok := p.colOf[binding{f: f}]; !ok {
			missing = append(missing, "“"+personHeaders[f]+"”")
		}
	}
	if len(missing) > 0 {
		p.headerProblem(row, -1, "表头缺少%s列，请按模板补上", strings.Join(missing, "、"))
	}
	return true
}

// problem records a problem on row r at column col (-1 for none).
func (p *parser) problem(r *parsedRow, col int, column string, format string, args ...any) {
	rp := RowProblem{Sheet: p.pv.Sheet, Row: r.row, Column: column, Name: r.person.Name, Message: fmt.Sprintf(format, args...)}
	if col >= 0 {
		rp.Letter = letters(col)
		if column == "" && col < len(p.headers) {
			rp.Column = p.headers[col]
		}
	}
	r.problems = append(r.problems, rp)
}

func letters(col int) string {
	s, err := excelize.ColumnNumberToName(col + 1)
	if err != nil {
		return fmt.Sprint(col + 1)
	}
	return s
}

// rowReader hands out the cleaned cells of one row by column binding.
type rowReader struct {
	p     *parser
	cells []string
	r     *parsedRow
	// colFor maps the field names model.Person.ValidateOn reports
	// ("学历[2].毕业时间", "年度考核[2024]") to the column they came from.
	colFor map[string]int
	// bad marks columns that already have a problem, so that the same
	// cell is not reported twice.
	bad map[int]bool
}

func (rr *rowReader) cell(col int) string {
	if col < 0 || col >= len(rr.cells) {
		return ""
	}
	return cleanCell(rr.cells[col])
}

func (rr *rowReader) col(b binding) int {
	if i, ok := rr.p.colOf[b]; ok {
		return i
	}
	return -1
}

func (rr *rowReader) get(b binding) string { return rr.cell(rr.col(b)) }

func (rr *rowReader) fail(col int, column, format string, args ...any) {
	rr.p.problem(rr.r, col, column, format, args...)
	if col >= 0 {
		rr.bad[col] = true
	}
}

func (p *parser) parseRow(row int, raw []string) {
	rr := &rowReader{p: p, cells: raw, r: &parsedRow{row: row, idCol: -1}, colFor: map[string]int{}, bad: map[int]bool{}}
	// A row with nothing but a 序号 is blank: officers often number rows
	// in advance.
	blank := true
	for i := range raw {
		if i < len(p.binds) && p.binds[i].f != fNone && p.binds[i].f != fSeq && rr.cell(i) != "" {
			blank = false
			break
		}
	}
	if blank {
		return
	}
	if rr.get(binding{f: fSeq}) == exampleMark {
		p.pv.Notes = append(p.pv.Notes, fmt.Sprintf("第%d行是模板的示例行（序号为“示例”），未导入", row))
		return
	}
	p.pv.Total++
	rr.readPerson()
	rr.validate()
	p.rows = append(p.rows, *rr.r)
}

// readPerson fills the person from the row, recording cell-level problems.
func (rr *rowReader) readPerson() {
	per := &rr.r.person
	per.Name = cleanName(rr.get(binding{f: fName}))
	for name, f := range map[string]field{"姓名": fName, "身份证号码": fID, "人事关系": fRelation, "申报系列": fSeries, "参加工作时间": fWorkStart} {
		rr.colFor[name] = rr.col(binding{f: f})
	}
	rr.r.idCol = rr.col(binding{f: fID})
	if id, err := cleanID(rr.get(binding{f: fID})); err != nil {
		rr.fail(rr.r.idCol, "", "%s", err.Error())
	} else {
		per.IDNumber = id
	}
	per.Unit = rr.get(binding{f: fUnit})
	per.Relation = rr.get(binding{f: fRelation})
	per.Series = rr.get(binding{f: fSeries})
	per.Specialty = rr.get(binding{f: fSpecialty})
	per.QualificationCert = rr.get(binding{f: fCert})
	per.Opinion = rr.get(binding{f: fOpinion})
	per.Phone = rr.get(binding{f: fPhone})
	per.Political = rr.get(binding{f: fPolitical})
	per.Post = rr.get(binding{f: fPost})
	per.TraineeResult = rr.get(binding{f: fTrainee})
	per.WorkStart = rr.date(binding{f: fWorkStart})
	per.SanctionUntil = rr.date(binding{f: fSanction})
	per.CivilServant = rr.bool(binding{f: fCivil})
	per.Retired = rr.bool(binding{f: fRetired})
	rr.readEducation()
	rr.readDegrees()
	rr.readYears()
	per.Canonicalize()
}

func (rr *rowReader) date(b binding) model.Date {
	col := rr.col(b)
	s := rr.cell(col)
	if s == "" {
		return model.Date{}
	}
	d, err := parseDate(s, rr.p.date1904)
	if err != nil {
		rr.fail(col, "", "%s", err.Error())
	}
	return d
}

func (rr *rowReader) bool(b binding) bool {
	col := rr.col(b)
	v, err := parseBool(rr.cell(col))
	if err != nil {
		rr.fail(col, "", "%s", err.Error())
	}
	return v
}

// readEducation reads the numbered education records that have any cell
// filled, in record order; gaps are closed up.
func (rr *rowReader) readEducation() {
	var nums []int
	for b := range rr.p.colOf {
		if b.isEdu() && !slices.Contains(nums, b.n) {
			nums = append(nums, b.n)
		}
	}
	slices.Sort(nums)
	for _, n := range nums {
		filled := false
		for _, f := range eduOrder {
			filled = filled || rr.get(binding{f, n}) != ""
		}
		if !filled {
			continue
		}
		idx := len(rr.r.person.Education) + 1
		for _, f := range eduOrder {
			if f == fEduFullTime || f == fEduYears || f == fEduCertified {
				continue
			}
			rr.colFor[fmt.Sprintf("学历[%d].%s", idx, eduValidateName[f])] = rr.col(binding{f, n})
		}
		rr.r.person.Education = append(rr.r.person.Education, rr.readRecord(n))
		rr.colFor[fmt.Sprintf("学历[%d].学制", idx)] = rr.col(binding{fEduYears, n})
	}
}

// eduValidateName is how model.Person.ValidateOn names an education field.
var eduValidateName = map[field]string{
	fEduLevel: "层次", fEduType: "类型", fEduStart: "入学时间", fEduGraduated: "毕业时间",
	fEduSchool: "学校", fEduMajor: "专业",
}

func (rr *rowReader) readRecord(n int) model.Education {
	e := model.Education{
		Level:     canon(rr.get(binding{fEduLevel, n}), levelSynonyms),
		Type:      canon(rr.get(binding{fEduType, n}), typeSynonyms),
		School:    rr.get(binding{fEduSchool, n}),
		Major:     rr.get(binding{fEduMajor, n}),
		Start:     rr.date(binding{fEduStart, n}),
		Graduated: rr.date(binding{fEduGraduated, n}),
		Certified: rr.bool(binding{fEduCertified, n}),
	}
	ft := binding{fEduFullTime, n}
	if rr.get(ft) == "" {
		rr.fail(rr.col(ft), eduHeader(fEduFullTime, n), "第%d条学历未填写是否全日制，请填写“是”或“否”", n)
	} else {
		e.FullTime = rr.bool(ft)
	}
	if s := rr.get(binding{fEduYears, n}); s != "" {
		y, err := parseYears(s)
		if err != nil {
			rr.fail(rr.col(binding{fEduYears, n}), "", "%s", err.Error())
		}
		e.Years = y
	}
	if col := rr.col(binding{fEduStart, n}); !rr.bad[col] && e.Start.After(rr.p.opts.today) {
		rr.fail(col, "", "入学时间%s晚于今天，请核对", e.Start)
	}
	return e
}

// readDegrees reads the degree columns in number order; a cell may hold
// several degrees (学士、硕士).
func (rr *rowReader) readDegrees() {
	var nums []int
	for b := range rr.p.colOf {
		if b.f == fDegree {
			nums = append(nums, b.n)
		}
	}
	slices.Sort(nums)
	for _, n := range nums {
		col := rr.col(binding{fDegree, n})
		for _, d := range splitList(rr.cell(col)) {
			rr.r.person.Degrees = append(rr.r.person.Degrees, canon(d, degreeSynonyms))
			rr.colFor[fmt.Sprintf("学位[%d]", len(rr.r.person.Degrees))] = col
		}
	}
}

// readYears reads the per-year appraisal and continuing-education columns;
// a blank cell means the year is not recorded.
func (rr *rowReader) readYears() {
	per := &rr.r.person
	for _, col := range rr.p.cols {
		b := rr.p.binds[col]
		v := rr.cell(col)
		if v == "" {
			continue
		}
		switch b.f {
		case fAppraisal:
			if per.Appraisals == nil {
				per.Appraisals = map[int]string{}
			}
			per.Appraisals[b.n] = v
			rr.colFor[fmt.Sprintf("年度考核[%d]", b.n)] = col
		case fContEd:
			done, err := parseBool(v)
			if err != nil {
				rr.fail(col, "", "%s", err.Error())
				continue
			}
			if per.ContinuingEd == nil {
				per.ContinuingEd = map[int]bool{}
			}
			per.ContinuingEd[b.n] = done
			rr.colFor[fmt.Sprintf("继续教育[%d]", b.n)] = col
		}
	}
}

// validate runs the domain's own checks and files each problem under the
// column it came from, unless that cell was already reported.
func (rr *rowReader) validate() {
	per := &rr.r.person
	if res, err := model.ParseID(per.IDNumber); err == nil {
		per.IDNumber = res.Number
	}
	for _, fe := range per.ValidateOn(rr.p.opts.today) {
		col, ok := rr.colFor[fe.Field]
		if !ok {
			col = -1
		}
		if col >= 0 && rr.bad[col] {
			continue
		}
		column := ""
		if col < 0 {
			column = fe.Field
		}
		rr.fail(col, column, "%s", fe.Message)
	}
}

// cleanName drops the spaces officers put between the characters of a
// two-character Chinese name to line names up (张　三); names in other
// scripts keep their spaces.
func cleanName(s string) string {
	han := true
	for _, r := range s {
		if !unicode.IsSpace(r) && !unicode.Is(unicode.Han, r) {
			han = false
			break
		}
	}
	if !han {
		return s
	}
	return strings.Join(strings.Fields(s), "")
}

// finish marks duplicate and already-present ID numbers and assembles the
// Preview.
func (p *parser) finish() *Preview {
	byID := map[string][]int{}
	for i := range p.rows {
		if id := p.rows[i].person.IDNumber; id != "" {
			byID[id] = append(byID[id], i)
		}
	}
	for i := range p.rows {
		r := &p.rows[i]
		id := r.person.IDNumber
		if same := byID[id]; len(same) > 1 {
			var others []string
			for _, j := range same {
				if j != i {
					others = append(others, fmt.Sprintf("第%d行", p.rows[j].row))
				}
			}
			p.problem(r, r.idCol, personHeaders[fID], "身份证号码%s与%s重复：同一人只能填一行，请删除多余的行", model.MaskID(id), strings.Join(others, "、"))
		}
		if id != "" && p.opts.existing[id] {
			p.problem(r, r.idCol, personHeaders[fID], "身份证号码%s的人员已在本批次中，不能重复导入；如需修改请在人员列表中编辑", model.MaskID(id))
		}
	}
	pv := p.pv
	if !p.found() {
		p.headerProblem(1, -1, "找不到表头：前%d行中没有同时含“姓名”和“身份证号码”列名的一行。请使用职称初定助手生成的模板（chuding-cli template），或把列名改成模板中的写法", headerScanRows)
	}
	for i := range p.rows {
		r := &p.rows[i]
		if len(r.problems) == 0 {
			pv.People = append(pv.People, r.person)
			pv.Rows = append(pv.Rows, r.row)
			continue
		}
		pv.Problems = append(pv.Problems, r.problems...)
	}
	pv.sortProblems()
	return pv
}
