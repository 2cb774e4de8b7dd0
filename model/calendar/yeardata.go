package calendar

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"
	"time"

	"chuding/model"
)

// Format is the value of the "format" key of a holiday data file. A file
// with any other value is refused, so a later incompatible layout gets a new
// name instead of being misread.
const Format = "chuding-holidays/1"

// Limits that catch typing mistakes in user-entered years: no statutory
// holiday stretch is longer than about nine days, and no year has more than
// a few dozen days off beyond the weekends.
const (
	maxStretchDays = 15
	maxOffDays     = 60
)

// YearData is one year's holiday arrangement as published by the State
// Council each November: the days off and the weekend days worked in their
// place (调休上班). Dates may fall in the December before Year, because a New
// Year's stretch can start there and belongs to that year's notice.
type YearData struct {
	Year     int
	Source   Source
	Holidays []Holiday
	MakeUp   []MakeUpDay
}

// Source names the notice the arrangement was taken from.
type Source struct {
	Title     string     // 国务院办公厅关于2025年部分节假日安排的通知
	Number    string     // 国办发明电〔2024〕12号; may be empty
	Published model.Date // the date on the notice
}

// Holiday is a stretch of consecutive days off, From and To included.
type Holiday struct {
	Name     string
	From, To model.Date
}

// MakeUpDay is a Saturday or Sunday that is a working day in exchange for a
// holiday stretch.
type MakeUpDay struct {
	Name string // the holiday it makes up for
	Date model.Date
}

// file is the on-disk layout; dates stay strings so that errors can name
// the exact entry and the expected form.
type file struct {
	Format   string        `json:"format"`
	Year     int           `json:"year"`
	Source   fileSource    `json:"source"`
	Holidays []fileHoliday `json:"holidays"`
	MakeUp   []fileMakeUp  `json:"makeup_workdays"`
}

type fileSource struct {
	Title     string `json:"title"`
	Number    string `json:"number"`
	Published string `json:"published"`
}

type fileHoliday struct {
	Name string `json:"name"`
	From string `json:"from"`
	To   string `json:"to"`
}

type fileMakeUp struct {
	Name string `json:"name"`
	Date string `json:"date"`
}

var isoDay = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// ParseYear reads one holiday data file strictly: unknown keys, a missing or
// different "format", dates not written as 2025-01-01, and arrangements that
// cannot be right (overlapping stretches, a make-up day on a weekday) are
// refused with Chinese messages that name the entry and the fix.
func ParseYear(r io.Reader) (YearData, error) {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	var f file
	if err := dec.Decode(&f); err != nil {
		return YearData{}, jsonError(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return YearData{}, errors.New("节假日数据文件在数据结束后还有多余内容，请删除多余部分")
	}
	if f.Format != Format {
		if f.Format == "" {
			return YearData{}, fmt.Errorf("节假日数据文件缺少 format 字段，应为“%s”", Format)
		}
		return YearData{}, fmt.Errorf("节假日数据文件格式“%s”无法识别，本程序只能读取“%s”", f.Format, Format)
	}
	y, errs := f.toYear()
	if len(errs) == 0 {
		errs = y.problems()
	}
	if len(errs) > 0 {
		return YearData{}, joinProblems(f.Year, errs)
	}
	return y, nil
}

func (f file) toYear() (YearData, []string) {
	var errs []string
	day := func(field, s string) model.Date {
		if !isoDay.MatchString(strings.TrimSpace(s)) {
			if strings.TrimSpace(s) == "" {
				errs = append(errs, field+"不能为空，请写成 2025-01-01 的形式")
			} else {
				errs = append(errs, fmt.Sprintf("%s“%s”应写成 2025-01-01 的形式", field, s))
			}
			return model.Date{}
		}
		d, err := model.ParseDate(s)
		if err != nil {
			errs = append(errs, field+"："+err.Error())
		}
		return d
	}
	y := YearData{Year: f.Year, Source: Source{Title: f.Source.Title, Number: f.Source.Number}}
	y.Source.Published = day("source.published（通知发布日期）", f.Source.Published)
	for i, h := range f.Holidays {
		label := fmt.Sprintf("holidays 第%d项", i+1)
		y.Holidays = append(y.Holidays, Holiday{Name: h.Name, From: day(label+"的开始日期 from", h.From), To: day(label+"的结束日期 to", h.To)})
	}
	for i, m := range f.MakeUp {
		y.MakeUp = append(y.MakeUp, MakeUpDay{Name: m.Name, Date: day(fmt.Sprintf("makeup_workdays 第%d项的日期 date", i+1), m.Date)})
	}
	return y, errs
}

// jsonError turns encoding/json's English errors into Chinese ones.
func jsonError(err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.EOF):
		return errors.New("节假日数据文件是空的")
	case errors.As(err, &syn):
		return fmt.Errorf("节假日数据文件不是有效的 JSON（第%d个字节附近），请检查括号、引号和逗号", syn.Offset)
	case errors.As(err, &typ):
		return fmt.Errorf("节假日数据文件中 %s 的值类型不对（应为%s），请核对", typ.Field, jsonKind(typ.Type.Kind().String()))
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		name := strings.TrimPrefix(err.Error(), "json: unknown field ")
		return fmt.Errorf("节假日数据文件中有无法识别的字段 %s，请删除或改正（可用字段：format、year、source、holidays、makeup_workdays）", name)
	}
	return fmt.Errorf("节假日数据文件无法读取：%v", err)
}

func jsonKind(k string) string {
	switch k {
	case "int":
		return "整数"
	case "string":
		return "字符串"
	case "slice":
		return "数组"
	case "struct":
		return "对象"
	}
	return k
}

func joinProblems(year int, errs []string) error {
	head := "节假日数据有误"
	if year != 0 {
		head = fmt.Sprintf("%d年节假日数据有误", year)
	}
	return errors.New(head + "：\n  " + strings.Join(errs, "\n  "))
}

// Validate reports every problem in y at once, or nil.
func (y YearData) Validate() error {
	if errs := y.problems(); len(errs) > 0 {
		return joinProblems(y.Year, errs)
	}
	return nil
}

func (y YearData) problems() []string {
	var errs []string
	add := func(format string, args ...any) { errs = append(errs, fmt.Sprintf(format, args...)) }
	if y.Year < 1900 || y.Year > 2200 {
		add("年份 year 应为1900至2200之间的四位数年份，现为%d", y.Year)
		return errs
	}
	if strings.TrimSpace(y.Source.Title) == "" {
		add("请填写来源通知名称 source.title，例如“国务院办公厅关于%d年部分节假日安排的通知”", y.Year)
	}
	if !y.Source.Published.IsZero() && y.Source.Published.Year > y.Year {
		add("来源通知发布日期%s晚于%d年，请核对", y.Source.Published, y.Year)
	} else if y.Source.Published.IsZero() {
		add("请填写来源通知的发布日期 source.published")
	}
	inYear := func(d model.Date) bool {
		return d.Year == y.Year || (d.Year == y.Year-1 && d.Month == time.December)
	}
	off := map[model.Date]string{}
	for i, h := range y.Holidays {
		label := fmt.Sprintf("第%d个放假时段", i+1)
		switch {
		case strings.TrimSpace(h.Name) == "":
			add("%s缺少节日名称 name，例如“春节”", label)
		case h.From.IsZero() || h.To.IsZero() || h.From.Approx || h.To.Approx:
			add("%s（%s）的开始和结束日期都须精确到日", label, h.Name)
			continue
		case !inYear(h.From) || !inYear(h.To):
			add("%s（%s）%s至%s不在%d年内（只允许上一年12月的元旦假期），请核对年份", label, h.Name, h.From, h.To, y.Year)
			continue
		case h.To.Before(h.From):
			add("%s（%s）的结束日期%s早于开始日期%s，请对调", label, h.Name, h.To, h.From)
			continue
		case h.From.DaysUntil(h.To)+1 > maxStretchDays:
			add("%s（%s）%s至%s共%d天，超过%d天，请核对日期是否录错", label, h.Name, h.From, h.To, h.From.DaysUntil(h.To)+1, maxStretchDays)
			continue
		}
		for d := h.From; !d.After(h.To); d = d.AddDays(1) {
			if other, dup := off[d]; dup {
				add("%s（%s）与“%s”的放假日期在%s重叠，请核对", label, h.Name, other, d)
				break
			}
			off[d] = h.Name
		}
	}
	if len(off) > maxOffDays {
		add("全年放假天数共%d天，超过%d天，请核对放假时段", len(off), maxOffDays)
	}
	seen := map[model.Date]bool{}
	for i, m := range y.MakeUp {
		label := fmt.Sprintf("第%d个调休上班日", i+1)
		d := m.Date
		switch {
		case strings.TrimSpace(m.Name) == "":
			add("%s缺少对应的节日名称 name，例如“春节”", label)
		case d.IsZero() || d.Approx:
			add("%s的日期须精确到日", label)
		case !inYear(d):
			add("%s%s不在%d年内，请核对年份", label, d, y.Year)
		case d.Weekday() != time.Saturday && d.Weekday() != time.Sunday:
			add("%s%s是%s，本来就是工作日；调休上班日只能是星期六或星期日，请核对", label, d, WeekdayName(d))
		case off[d] != "":
			add("%s%s同时在“%s”的放假时段内，请核对", label, d, off[d])
		case seen[d]:
			add("%s%s重复录入，请删除一项", label, d)
		}
		seen[d] = true
	}
	return errs
}

// Write writes y in the data file format, canonically: stretches and
// make-up days sorted by date, two-space indentation. Invalid data is
// refused rather than written.
func (y YearData) Write(w io.Writer) error {
	if err := y.Validate(); err != nil {
		return err
	}
	f := file{Format: Format, Year: y.Year, Source: fileSource{
		Title: y.Source.Title, Number: y.Source.Number, Published: y.Source.Published.String(),
	}}
	hs := append([]Holiday(nil), y.Holidays...)
	sort.SliceStable(hs, func(i, j int) bool { return hs[i].From.Before(hs[j].From) })
	for _, h := range hs {
		f.Holidays = append(f.Holidays, fileHoliday{Name: h.Name, From: h.From.String(), To: h.To.String()})
	}
	ms := append([]MakeUpDay(nil), y.MakeUp...)
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].Date.Before(ms[j].Date) })
	for _, m := range ms {
		f.MakeUp = append(f.MakeUp, fileMakeUp{Name: m.Name, Date: m.Date.String()})
	}
	// Empty lists are written as [] so the file shows every key.
	if f.Holidays == nil {
		f.Holidays = []fileHoliday{}
	}
	if f.MakeUp == nil {
		f.MakeUp = []fileMakeUp{}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(f); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

var weekdayNames = [...]string{"星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"}

// WeekdayName is the Chinese day-of-week of d, e.g. 星期三.
func WeekdayName(d model.Date) string { return weekdayNames[d.Weekday()] }
