package sheet

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/width"

	"chuding/model"
)

// cleanCell trims a cell, drops control characters (they cannot be stored in
// an xlsx and are never meant), normalises line breaks, and unwraps the
// ="..." form some HR systems write so that Excel keeps long numbers as text.
func cleanCell(s string) string {
	s = strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\r\n", "\n")
	s = strings.Map(func(r rune) rune {
		if r == '\r' {
			return '\n'
		}
		return storable(r)
	}, s)
	s = strings.TrimFunc(s, unicode.IsSpace)
	if strings.HasPrefix(s, `="`) && strings.HasSuffix(s, `"`) && len(s) >= 3 && !strings.Contains(s[2:len(s)-1], `"`) {
		s = strings.TrimFunc(s[2:len(s)-1], unicode.IsSpace)
	}
	return s
}

// storable drops what an xlsx cannot hold and nobody means to type:
// control characters other than line breaks and tabs, the byte-order mark,
// and the noncharacters U+FFFE and U+FFFF (not allowed in XML).
func storable(r rune) rune {
	switch {
	case r == '\n' || r == '\t':
		return r
	case unicode.IsControl(r), r == '\uFEFF', r == 0xFFFE, r == 0xFFFF:
		return -1
	}
	return r
}

// fold turns full-width digits, letters and punctuation into ASCII, as an
// officer typing with a Chinese input method may enter them.
func fold(s string) string { return width.Fold.String(s) }

var (
	timeSuffix = regexp.MustCompile(`^(.+?)(?:[ T]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$`)
	yearOnly   = regexp.MustCompile(`^\d{4}(?:年)?$`)
	sciNumber  = regexp.MustCompile(`^\d(?:\.\d+)?[eE]\+?\d+$`)
)

// Excel serial numbers accepted as dates: 1950-01-01 to 2200-12-31. Smaller
// numbers are far more likely a year or a typo than a date from before 1950.
const (
	serialMin = 18264
	serialMax = 109939
)

// parseDate reads a date cell: every form model.ParseDate accepts, the same
// with a time of day after it (as exported by other systems), and Excel
// serial numbers (date-formatted cells are read raw, so they arrive as such).
func parseDate(s string, date1904 bool) (model.Date, error) {
	s = fold(s)
	if m := timeSuffix.FindStringSubmatch(s); m != nil {
		s = m[1]
	}
	d, err := model.ParseDate(s)
	if err == nil {
		return d, nil
	}
	if v, ferr := strconv.ParseFloat(s, 64); ferr == nil && !strings.ContainsAny(s, "eE") {
		if serial := math.Floor(v); serial >= serialMin && serial <= serialMax {
			return serialDate(int(serial), date1904), nil
		}
	}
	if yearOnly.MatchString(s) {
		return model.Date{}, fmt.Errorf("日期“%s”只有年份，请写到月或日，例如 %s-07 或 %s-07-01", s, s[:4], s[:4])
	}
	return model.Date{}, err
}

// serialDate converts an Excel serial day number. In the 1900 date system
// day 1 is 1900-01-01 and Excel counts a 1900-02-29 that never existed, so
// from day 61 on the epoch is 1899-12-30; in the 1904 system day 0 is
// 1904-01-01.
func serialDate(n int, date1904 bool) model.Date {
	epoch := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	if date1904 {
		epoch = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return model.DateOf(epoch.AddDate(0, 0, n))
}

var (
	trueWords  = []string{"是", "y", "yes", "true", "1", "√", "✓", "✔", "对", "有", "已完成", "完成", "合格", "全日制"}
	falseWords = []string{"否", "n", "no", "false", "0", "×", "✗", "✘", "x", "错", "无", "未完成", "不合格", "非全日制"}
)

// parseBool reads 是/否 and the other ways a spreadsheet says yes or no;
// blank is 否.
func parseBool(s string) (bool, error) {
	v := strings.ToLower(fold(s))
	switch {
	case v == "":
		return false, nil
	case contains(trueWords, v):
		return true, nil
	case contains(falseWords, v):
		return false, nil
	}
	return false, fmt.Errorf("“%s”无法识别，请填写“是”或“否”", s)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// parseYears reads 学制: a number of years such as 4, 2.5 or 3年.
func parseYears(s string) (float64, error) {
	v := strings.TrimSuffix(strings.TrimSuffix(fold(s), "年制"), "年")
	f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, fmt.Errorf("学制“%s”无法识别，请填写年数，例如 4 或 2.5", s)
	}
	return f, nil
}

// cleanID folds full-width digits and drops spaces inside an ID number, and
// recognises a number Excel has already turned into scientific notation —
// its last digits are lost, so only the officer can restore it.
func cleanID(s string) (string, error) {
	v := strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '-' {
			return -1
		}
		return r
	}, fold(s))
	if sciNumber.MatchString(v) {
		return "", fmt.Errorf("身份证号码“%s”被Excel存成了科学计数法，后几位已经丢失：请把该列设置为“文本”格式后重新填写完整的18位号码", s)
	}
	return strings.ToUpper(v), nil
}

// Common spellings of the enumerated values, mapped to the notice's terms.
var (
	levelSynonyms = map[string]string{
		"大学本科": "本科", "本科学历": "本科", "大学专科": "大专", "专科": "大专", "高职": "大专", "高职高专": "大专",
		"硕士研究生": "硕士", "研究生": "硕士", "博士研究生": "博士",
		"中等专业学校": "中专", "中职": "中专", "中等职业学校": "中专", "职高": "中专",
		"普通高中": "高中", "高级中学": "高中", "预备技师": "预备技师班", "技师": "技师班",
		"中级工": "中级工班", "高级工": "高级工班",
	}
	typeSynonyms = map[string]string{
		"国民教育序列": "国民教育", "普通高等教育": "国民教育", "部队": "部队院校", "军队院校": "部队院校",
		"党校学历": "党校", "技工学校": "技工院校", "技校": "技工院校", "结业生": "结业", "培训班": "培训",
	}
	degreeSynonyms = map[string]string{
		"学士学位": "学士", "第二学士学位": "第二学士", "双学士": "第二学士", "硕士学位": "硕士", "博士学位": "博士",
	}
)

// canon returns the notice's term for v, or v itself.
func canon(v string, synonyms map[string]string) string {
	if c, ok := synonyms[v]; ok {
		return c
	}
	return v
}

// splitList splits a cell holding several values (学士、硕士).
func splitList(s string) []string {
	parts := strings.FieldsFunc(s, func(r rune) bool {
		return strings.ContainsRune("、,，;；/／\n", r) || unicode.IsSpace(r)
	})
	return parts
}
