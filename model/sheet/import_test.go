package sheet

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"chuding/model"
)

// A minimal good table: the required columns, one education record and
// one appraisal year.
var (
	baseHeader = []string{"姓名", "身份证号码", "人事关系", "申报系列", "参加工作时间",
		"学历1层次", "学历1类型", "学历1毕业时间", "学历1是否全日制", "2024年度考核", "2024年继续教育"}
	baseRow = []string{"张三", "320706199904121238", "劳动合同", "工程", "2023-07-03",
		"本科", "国民教育", "2023-06-20", "是", "合格", "是"}
	basePerson = model.Person{
		Name: "张三", IDNumber: "320706199904121238", Relation: model.RelationLabour, Series: "工程",
		WorkStart: model.NewDate(2023, 7, 3),
		Education: []model.Education{{Level: "本科", Type: model.EduNational, Graduated: model.NewDate(2023, 6, 20), FullTime: true}},
		Degrees:   []string{}, Appraisals: map[int]string{2024: "合格"}, ContinuingEd: map[int]bool{2024: true},
	}
)

// otherID belongs to someone else born on the same day as basePerson.
var otherID = testID("320706", model.NewDate(1999, 4, 12), 124)

// withCell is baseRow for another person (otherID) with the cell under
// header h set to v.
func withCell(h, v string) []string {
	row := slices.Clone(baseRow)
	row[1] = otherID
	row[slices.Index(baseHeader, h)] = v
	return row
}

func TestImportGoodRow(t *testing.T) {
	pv := importCSVText(t, csvOf(t, [][]string{baseHeader, baseRow}))
	if !pv.OK() || len(pv.People) != 1 {
		t.Fatalf("report:\n%s", pv.Report())
	}
	if got := pv.People[0]; !equalPerson(got, basePerson) {
		t.Errorf("got %+v\nwant %+v", got, basePerson)
	}
	if pv.Rows[0] != 2 || pv.Total != 1 {
		t.Errorf("rows %v total %d", pv.Rows, pv.Total)
	}
}

func equalPerson(a, b model.Person) bool {
	var x, y bytes.Buffer
	_ = Export(&x, []model.Person{a}, nil)
	_ = Export(&y, []model.Person{b}, nil)
	ax, _ := ImportReader(&x, KindXLSX, AsOf(testToday))
	by, _ := ImportReader(&y, KindXLSX, AsOf(testToday))
	return ax != nil && by != nil && len(ax.People) == 1 && len(by.People) == 1 &&
		ax.People[0].Name == by.People[0].Name && a.IDNumber == b.IDNumber && a.Relation == b.Relation &&
		a.Series == b.Series && a.WorkStart == b.WorkStart && slices.Equal(a.Degrees, b.Degrees) &&
		slices.Equal(a.Education, b.Education) && len(a.Appraisals) == len(b.Appraisals) && a.Appraisals[2024] == b.Appraisals[2024] &&
		a.ContinuingEd[2024] == b.ContinuingEd[2024]
}

// TestRowProblems covers every kind of bad row: each case breaks one cell
// of a good row and expects exactly one problem, in that cell, whose message
// says what is wrong.
func TestRowProblems(t *testing.T) {
	idErr := func(id string) string {
		_, err := model.ParseID(id)
		return err.Error()
	}
	tests := []struct {
		name, header, value string
		letter, want        string
	}{
		{"ID check digit", "身份证号码", "320706199904121230", "B", idErr("320706199904121230")},
		{"old 15-digit ID", "身份证号码", "320706990412123", "B", idErr("320706990412123")},
		{"ID with a letter", "身份证号码", "32070619990412A238", "B", idErr("32070619990412A238")},
		{"ID in scientific notation", "身份证号码", "3.20706E+17", "B", "科学计数法"},
		{"empty ID", "身份证号码", "", "B", "身份证号码不能为空"},
		{"empty name", "姓名", "", "A", "请填写姓名"},
		{"unknown relation", "人事关系", "临时工", "C", "“临时工”不在初定范围内的人事关系之列"},
		{"empty series", "申报系列", "", "D", "请填写申报系列"},
		{"work start in the future", "参加工作时间", "2025-07-01", "E", "参加工作时间2025-07-01晚于今天"},
		{"work start unreadable", "参加工作时间", "去年七月", "E", "日期“去年七月”无法识别"},
		{"work start impossible", "参加工作时间", "2023-02-30", "E", "日期“2023-02-30”不存在"},
		{"work start only a year", "参加工作时间", "2023", "E", "只有年份"},
		{"work start before 16", "参加工作时间", "2010-07-01", "E", "不满16周岁"},
		{"unknown education level", "学历1层次", "大学", "F", "“大学”不是国民教育的学历层次"},
		{"unknown education type", "学历1类型", "函授", "G", "学历类型“函授”无法识别"},
		{"graduation before birth", "学历1毕业时间", "1998-06-20", "H", "毕业时间1998-06-20早于出生日期1999-04-12"},
		{"graduation in the future", "学历1毕业时间", "2026-06-20", "H", "毕业时间2026-06-20晚于今天"},
		{"full-time missing", "学历1是否全日制", "", "I", "第1条学历未填写是否全日制"},
		{"full-time unreadable", "学历1是否全日制", "大概", "I", "“大概”无法识别，请填写“是”或“否”"},
		{"unknown appraisal result", "2024年度考核", "良", "J", "考核结果“良”无法识别"},
		{"continuing education unreadable", "2024年继续教育", "部分", "K", "“部分”无法识别"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pv := importCSVText(t, csvOf(t, [][]string{baseHeader, baseRow, withCell(tt.header, tt.value)}))
			if len(pv.Problems) != 1 {
				t.Fatalf("want 1 problem, got report:\n%s", pv.Report())
			}
			p := pv.Problems[0]
			if p.Row != 3 || p.Letter != tt.letter || p.Column != tt.header || !strings.Contains(p.Message, tt.want) {
				t.Errorf("got %+v\nwant row 3, %s列“%s”, message containing %q", p, tt.letter, tt.header, tt.want)
			}
			if len(pv.People) != 1 || pv.Rows[0] != 2 {
				t.Errorf("the good row 2 should still be offered, got rows %v", pv.Rows)
			}
			if pv.OK() || pv.Err() == nil || !strings.Contains(pv.Err().Error(), p.String()) {
				t.Errorf("Err() should carry the report, got %v", pv.Err())
			}
		})
	}
}

func TestAppraisalYearInTheFuture(t *testing.T) {
	header := append(slices.Clone(baseHeader), "2026年度考核")
	pv := importCSVText(t, csvOf(t, [][]string{header, append(slices.Clone(baseRow), "合格")}))
	if len(pv.Problems) != 1 || pv.Problems[0].Column != "2026年度考核" || !strings.Contains(pv.Problems[0].Message, "年度2026不合理") {
		t.Fatalf("report:\n%s", pv.Report())
	}
}

func TestDuplicateIDInFile(t *testing.T) {
	other := withCell("身份证号码", "320703199803052043")
	dup := withCell("姓名", "张三丰")
	dup[1] = " 320706199904121238" // same number, differently typed
	pv := importCSVText(t, csvOf(t, [][]string{baseHeader, baseRow, other, dup}))
	if len(pv.People) != 1 || pv.Rows[0] != 3 {
		t.Fatalf("only row 3 is good, got rows %v; report:\n%s", pv.Rows, pv.Report())
	}
	if len(pv.Problems) != 2 {
		t.Fatalf("both duplicate rows are reported, got:\n%s", pv.Report())
	}
	for i, want := range []struct {
		row   int
		other string
	}{{2, "第4行"}, {4, "第2行"}} {
		p := pv.Problems[i]
		if p.Row != want.row || p.Letter != "B" || !strings.Contains(p.Message, "与"+want.other+"重复") {
			t.Errorf("problem %d: %+v", i, p)
		}
		if strings.Contains(p.Message, "320706199904121238") {
			t.Errorf("the report shows a full ID number: %s", p.Message)
		}
	}
}

func TestAlreadyInBatch(t *testing.T) {
	other := withCell("身份证号码", "320703199803052043")
	pv := importCSVText(t, csvOf(t, [][]string{baseHeader, baseRow, other}),
		Existing(map[string]bool{"320706199904121238": true, "110101199001011234": false}))
	if len(pv.People) != 1 || pv.People[0].IDNumber != "320703199803052043" {
		t.Fatalf("report:\n%s", pv.Report())
	}
	p := pv.Problems[0]
	if len(pv.Problems) != 1 || p.Row != 2 || p.Column != "身份证号码" || !strings.Contains(p.Message, "已在本批次中") {
		t.Errorf("report:\n%s", pv.Report())
	}
}

// TestSeveralProblemsInOneRow: every cell is reported, left to right, and
// a cell that could not be read is not reported twice.
func TestSeveralProblemsInOneRow(t *testing.T) {
	row := withCell("参加工作时间", "不详")
	row[slices.Index(baseHeader, "学历1层次")] = "大学"
	row[slices.Index(baseHeader, "姓名")] = ""
	pv := importCSVText(t, csvOf(t, [][]string{baseHeader, row}))
	var letters []string
	for _, p := range pv.Problems {
		letters = append(letters, p.Letter)
	}
	if !slices.Equal(letters, []string{"A", "E", "F"}) {
		t.Errorf("problems in columns %v, want A E F; report:\n%s", letters, pv.Report())
	}
	if pv.BadRows() != 1 || len(pv.People) != 0 {
		t.Errorf("bad rows %d, people %d", pv.BadRows(), len(pv.People))
	}
}

func TestHeaderProblems(t *testing.T) {
	tests := []struct {
		name   string
		header []string
		want   string
	}{
		{"missing required columns", []string{"姓名", "身份证号码", "人事关系"}, "表头缺少“申报系列”、“参加工作时间”列"},
		{"same field twice", append(slices.Clone(baseHeader), "身份证号"), "与B列“身份证号码”是同一项内容"},
		{"no header at all", []string{"a", "b", "c"}, "找不到表头"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pv := importCSVText(t, csvOf(t, [][]string{tt.header, baseRow}))
			if len(pv.Problems) != 1 || !strings.Contains(pv.Problems[0].Message, tt.want) || len(pv.People) != 0 {
				t.Errorf("report:\n%s", pv.Report())
			}
		})
	}
	pv := importCSVText(t, "")
	if len(pv.Problems) != 1 || !strings.Contains(pv.Problems[0].Message, "找不到表头") {
		t.Errorf("empty file: %s", pv.Report())
	}
}

// TestHeaderSynonyms: the headers HR offices actually use are recognised,
// with spaces, full-width brackets and colons, required-field stars, and a
// title line above the table.
// TestBlankRowsSkipped: rows with nothing but a pre-filled 序号, or with
// only ignored columns, are not people and not problems.
func TestBlankRowsSkipped(t *testing.T) {
	header := append([]string{"序号"}, append(slices.Clone(baseHeader), "备注")...)
	row := func(seq string, cells []string, note string) []string {
		return append([]string{seq}, append(slices.Clone(cells), note)...)
	}
	empty := make([]string, len(baseHeader))
	pv := importCSVText(t, csvOf(t, [][]string{header, row("1", baseRow, ""), row("2", empty, ""), row("3", empty, "待补"), row("", empty, "")}))
	if !pv.OK() || pv.Total != 1 || len(pv.People) != 1 {
		t.Errorf("report:\n%s", pv.Report())
	}
}

func TestHeaderSynonyms(t *testing.T) {
	header := []string{"序号", " 名 字 ", "公民身份号码（18位）", "用工形式：", "*职称系列", "参加工作日期",
		"最高学历", "学历类型", "毕业院校", "所学专业", "毕业时间", "是否全日制", "学位", "2024年考核结果", "2024年度继续教育情况", "备注"}
	row := []string{"1", "张　三", "３２０７０６１９９９０４１２１２３８", "劳动合同", "工程", "2023年7月3日",
		"大学本科", "国民教育", "江苏海洋大学", "机械工程", "2023.06.20", "全日制", "学士学位", "合格", "√", "已核对"}
	text := csvOf(t, [][]string{{"连云港示例公司2025年上半年职称初定人员名单"}, {}, header, row})
	pv := importCSVText(t, text)
	if !pv.OK() || len(pv.People) != 1 {
		t.Fatalf("report:\n%s", pv.Report())
	}
	p := pv.People[0]
	e := p.Education[0]
	if p.Name != "张三" || p.IDNumber != "320706199904121238" || p.Series != "工程" || !p.WorkStart.Equal(model.NewDate(2023, 7, 3)) ||
		e.Level != "本科" || e.School != "江苏海洋大学" || e.Major != "机械工程" || !e.FullTime ||
		!slices.Equal(p.Degrees, []string{"学士"}) || p.Appraisals[2024] != "合格" || !p.ContinuingEd[2024] {
		t.Errorf("got %+v", p)
	}
	if pv.Rows[0] != 4 {
		t.Errorf("row %d, want 4 (title, blank line, header above)", pv.Rows[0])
	}
	if len(pv.Notes) != 1 || !strings.Contains(pv.Notes[0], "P列“备注”") {
		t.Errorf("notes %v", pv.Notes)
	}
}

func TestBindHeader(t *testing.T) {
	tests := []struct {
		header string
		want   binding
	}{
		{"身份证号", binding{f: fID}}, {"身份证号码", binding{f: fID}}, {"公民身份号码", binding{f: fID}},
		{"证件号码", binding{f: fID}}, {"身 份 证 号 码", binding{f: fID}}, {"身份证号码(必填)", binding{f: fID}},
		{"姓名", binding{f: fName}}, {"名字", binding{f: fName}}, {"姓名：", binding{f: fName}},
		{"学历2毕业院校", binding{fEduSchool, 2}}, {"学历二 专业", binding{fEduMajor, 2}}, {"第二学历层次", binding{fEduLevel, 2}},
		{"学历3学制（年）", binding{fEduYears, 3}}, {"学历1", binding{fEduLevel, 1}},
		{"学位2", binding{fDegree, 2}}, {"2023年度考核", binding{fAppraisal, 2023}}, {"２０２３年考核", binding{fAppraisal, 2023}},
		{"考核2022", binding{fAppraisal, 2022}}, {"2021年继续教育", binding{fContEd, 2021}}, {"继续教育2020年", binding{fContEd, 2020}},
		{"审核结果", binding{f: fResult}}, {"拟初定资格", binding{f: fResult}},
	}
	for _, tt := range tests {
		if got, ok := bindHeader(tt.header); !ok || got != tt.want {
			t.Errorf("bindHeader(%q) = %+v, %v; want %+v", tt.header, got, ok, tt.want)
		}
	}
	for _, h := range []string{"备注", "1800年度考核", "学历0层次", ""} {
		if b, ok := bindHeader(h); ok {
			t.Errorf("bindHeader(%q) = %+v, want unknown", h, b)
		}
	}
}

// TestCSVEncodings: the same table read from the encodings Excel and other
// tools write gives the same person.
func TestCSVEncodings(t *testing.T) {
	text := csvOf(t, [][]string{baseHeader, baseRow})
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	utf16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(strings.ReplaceAll(text, ",", "\t"))
	if err != nil {
		t.Fatal(err)
	}
	inputs := map[string]string{
		"UTF-8":            text,
		"UTF-8 with BOM":   "\uFEFF" + text,
		"GBK":              gbk,
		"GBK with CRLF":    strings.ReplaceAll(gbk, "\n", "\r\n"),
		"UTF-16 with tabs": utf16,
		"semicolons":       strings.ReplaceAll(text, ",", ";"),
	}
	for name, in := range inputs {
		t.Run(name, func(t *testing.T) {
			if name == "GBK" && strings.HasPrefix(in, "\xef\xbb\xbf") {
				t.Fatal("GBK sample should not look like UTF-8")
			}
			pv := importCSVText(t, in)
			if !pv.OK() || len(pv.People) != 1 || pv.People[0].Name != "张三" || pv.People[0].Education[0].Level != "本科" {
				t.Errorf("report:\n%s people %+v", pv.Report(), pv.People)
			}
		})
	}
}

// TestCSVRowNumbers: row numbers are those Excel shows, counting blank
// lines and lines inside a quoted multi-line cell.
func TestCSVRowNumbers(t *testing.T) {
	opinion := withCell("姓名", "李四")
	opinion[1] = "320703199803052043"
	header := append(slices.Clone(baseHeader), "单位鉴定意见")
	text := csvOf(t, [][]string{header, append(opinion, "第一行\n第二行\n第三行")}) + "\n\n" +
		csvOf(t, [][]string{withCell("学历1层次", "大学")})
	pv := importCSVText(t, text)
	if len(pv.Problems) != 1 || pv.Problems[0].Row != 5 {
		t.Errorf("want the bad row at 5 (header, one record, two blank lines); report:\n%s", pv.Report())
	}
	if len(pv.People) != 1 || pv.People[0].Opinion != "第一行\n第二行\n第三行" {
		t.Errorf("people %+v", pv.People)
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in       string
		date1904 bool
		want     model.Date
	}{
		{"2025-06-30", false, model.NewDate(2025, 6, 30)},
		{"2025/6/30", false, model.NewDate(2025, 6, 30)},
		{"2025.06.30", false, model.NewDate(2025, 6, 30)},
		{"2025年6月30日", false, model.NewDate(2025, 6, 30)},
		{"２０２５年６月３０日", false, model.NewDate(2025, 6, 30)},
		{"20250630", false, model.NewDate(2025, 6, 30)},
		{"2025-06", false, model.Date{Year: 2025, Month: 6, Day: 1, Approx: true}},
		{"2025年6月", false, model.Date{Year: 2025, Month: 6, Day: 1, Approx: true}},
		{"2025-06-30 00:00:00", false, model.NewDate(2025, 6, 30)},
		{"2025/6/30 0:00", false, model.NewDate(2025, 6, 30)},
		{"45838", false, model.NewDate(2025, 6, 30)},
		{"45838.75", false, model.NewDate(2025, 6, 30)},
		{"36526", false, model.NewDate(2000, 1, 1)},
		{"44376", true, model.NewDate(2025, 6, 30)},
	}
	for _, tt := range tests {
		got, err := parseDate(tt.in, tt.date1904)
		if err != nil || got != tt.want {
			t.Errorf("parseDate(%q, %v) = %+v, %v; want %+v", tt.in, tt.date1904, got, err, tt.want)
		}
	}
	for _, bad := range []string{"2023", "12", "1.5e4", "NaN", "2025-13-01", "六月"} {
		if d, err := parseDate(bad, false); err == nil {
			t.Errorf("parseDate(%q) = %v, want an error", bad, d)
		}
	}
}

// TestXLSXSerialDates: dates an officer enters in date-formatted cells are
// stored as serial numbers; they are read as the dates Excel shows, in both
// of Excel's date systems.
func TestXLSXSerialDates(t *testing.T) {
	rows := [][]any{anyRow(baseHeader), anyRow(baseRow)}
	rows[1][4] = time.Date(2023, 7, 3, 0, 0, 0, 0, time.UTC) // a date cell
	rows[1][7] = 45098                                       // a number: 2023-06-21
	data := xlsxOf(t, "Sheet1", rows)
	pv, err := ImportReader(bytes.NewReader(data), KindXLSX, AsOf(testToday))
	if err != nil {
		t.Fatal(err)
	}
	if !pv.OK() || pv.Sheet != "Sheet1" {
		t.Fatalf("report:\n%s", pv.Report())
	}
	p := pv.People[0]
	if p.WorkStart != model.NewDate(2023, 7, 3) || p.Education[0].Graduated != model.NewDate(2023, 6, 21) {
		t.Errorf("work start %v graduated %v", p.WorkStart, p.Education[0].Graduated)
	}

	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	yes := true
	if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &yes}); err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellValue("Sheet1", "H2", 45098-1462); err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellValue("Sheet1", "E2", "2023-07-03"); err != nil {
		t.Fatal(err)
	}
	buf, _ := f.WriteToBuffer()
	pv, err = ImportReader(buf, KindXLSX, AsOf(testToday))
	if err != nil || !pv.OK() || pv.People[0].Education[0].Graduated != model.NewDate(2023, 6, 21) {
		t.Errorf("1904 date system: %v %s %+v", err, pv.Report(), pv.People)
	}
}

func anyRow(s []string) []any {
	out := make([]any, len(s))
	for i, v := range s {
		out[i] = v
	}
	return out
}

// TestXLSXPicksThePeopleSheet: a workbook whose first sheet is something
// else is read from the sheet with the people, and problems name it.
func TestXLSXPicksThePeopleSheet(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	_ = f.SetSheetName("Sheet1", "封面")
	_ = f.SetCellStr("封面", "A1", "2025年上半年职称初定")
	if _, err := f.NewSheet("名单"); err != nil {
		t.Fatal(err)
	}
	h, r := anyRow(baseHeader), anyRow(withCell("人事关系", "临时工"))
	_ = f.SetSheetRow("名单", "A1", &h)
	_ = f.SetSheetRow("名单", "A2", &r)
	buf, _ := f.WriteToBuffer()
	pv, err := ImportReader(buf, KindXLSX, AsOf(testToday))
	if err != nil {
		t.Fatal(err)
	}
	if pv.Sheet != "名单" || len(pv.Problems) != 1 || !strings.HasPrefix(pv.Problems[0].String(), "工作表“名单”第2行（张三）C列“人事关系”：") {
		t.Errorf("report:\n%s", pv.Report())
	}
}

func TestUnreadableFiles(t *testing.T) {
	tests := []struct {
		name, kind string
		data       []byte
		want       string
	}{
		{"not a zip", KindXLSX, []byte("姓名,身份证号码\n"), "不是有效的 .xlsx 文件"},
		{"old xls", KindXLSX, append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 600)...), "旧版 .xls"},
		{"unknown kind", "pdf", []byte("%PDF"), "无法导入"},
	}
	for _, tt := range tests {
		if _, err := ImportReader(bytes.NewReader(tt.data), tt.kind); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, want %q", tt.name, err, tt.want)
		}
	}
	if _, err := KindOf("名单.xls"); err == nil || !strings.Contains(err.Error(), "另存为 .xlsx") {
		t.Errorf(".xls: %v", err)
	}
	if _, err := Import("/nonexistent/名单.xlsx"); err == nil || !strings.Contains(err.Error(), "找不到文件") {
		t.Errorf("missing file: %v", err)
	}
}

func TestCleanCellUnwrapsExcelText(t *testing.T) {
	for in, want := range map[string]string{
		`="320706199904121238"`: "320706199904121238",
		"  a\r\nb\rc\x00 ":      "a\nb\nc",
		`="a"b"`:                `="a"b"`,
		"\uFEFF姓名":              "姓名",
	} {
		if got := cleanCell(in); got != want {
			t.Errorf("cleanCell(%q) = %q, want %q", in, got, want)
		}
	}
}
