package model

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Date is a calendar day with no time of day and no time zone, so that
// comparisons never shift across midnight. The zero Date means "not given".
// Approx marks a date parsed from month precision ("2023-07"): the day was
// set to the first of the month and the value should be shown as such.
type Date struct {
	Year   int
	Month  time.Month
	Day    int
	Approx bool
}

// NewDate returns the date y-m-d, normalised as time.Date does.
func NewDate(y int, m time.Month, d int) Date {
	return DateOf(time.Date(y, m, d, 0, 0, 0, 0, time.UTC))
}

// DateOf returns the calendar day of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{Year: y, Month: m, Day: d}
}

// Today is the current local calendar day.
func Today() Date { return DateOf(time.Now()) }

// IsZero reports whether the date was not given.
func (d Date) IsZero() bool { return d.Year == 0 && d.Month == 0 && d.Day == 0 }

// Time is midnight UTC of the day.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// Weekday of the day.
func (d Date) Weekday() time.Weekday { return d.Time().Weekday() }

// AddDays returns the date n days later (earlier for negative n).
func (d Date) AddDays(n int) Date { return DateOf(d.Time().AddDate(0, 0, n)) }

// AddMonths returns the same day n months later; a day that does not exist
// in the target month is clamped to its last day (2024-01-31 + 1 month =
// 2024-02-29), which is how seniority is counted on paper.
func (d Date) AddMonths(n int) Date {
	first := time.Date(d.Year, d.Month+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	day := d.Day
	if day > last {
		day = last
	}
	return NewDate(first.Year(), first.Month(), day)
}

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	switch {
	case d.Year != e.Year:
		return sign(d.Year - e.Year)
	case d.Month != e.Month:
		return sign(int(d.Month - e.Month))
	default:
		return sign(d.Day - e.Day)
	}
}

func sign(n int) int {
	switch {
	case n < 0:
		return -1
	case n > 0:
		return 1
	}
	return 0
}

// Before reports whether d is strictly before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is strictly after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// Equal reports whether d and e are the same day (ignoring Approx).
func (d Date) Equal(e Date) bool { return d.Compare(e) == 0 }

// DaysUntil is the number of days from d to e (negative when e is earlier).
func (d Date) DaysUntil(e Date) int {
	return int(e.Time().Sub(d.Time()).Hours() / 24)
}

// String is the ISO form 2025-06-30, or 2025-06 for an approximate date,
// or "" for the zero date.
func (d Date) String() string {
	switch {
	case d.IsZero():
		return ""
	case d.Approx:
		return fmt.Sprintf("%04d-%02d", d.Year, int(d.Month))
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// Chinese is the form used on paper: 2025年6月30日, or 2025年6月 when approximate.
func (d Date) Chinese() string {
	switch {
	case d.IsZero():
		return ""
	case d.Approx:
		return fmt.Sprintf("%d年%d月", d.Year, int(d.Month))
	}
	return fmt.Sprintf("%d年%d月%d日", d.Year, int(d.Month), d.Day)
}

// YearMonth is the 出生年月 / 参加工作时间 form: 2025.06.
func (d Date) YearMonth() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d.%02d", d.Year, int(d.Month))
}

var (
	dayRe   = regexp.MustCompile(`^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$`)
	monthRe = regexp.MustCompile(`^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$`)
	compact = regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})$`)
)

// ParseDate reads the date forms HR officers type: 2025-06-30, 2025/6/30,
// 2025.06.30, 2025年6月30日, 20250630, and month precision 2025-06, 2025.06,
// 2025年6月 (first of the month, Approx set). An empty string is the zero
// Date. Errors are Chinese and say which forms are accepted.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, nil
	}
	if m := dayRe.FindStringSubmatch(s); m != nil {
		return build(s, m[1], m[2], m[3], false)
	}
	if m := compact.FindStringSubmatch(s); m != nil {
		return build(s, m[1], m[2], m[3], false)
	}
	if m := monthRe.FindStringSubmatch(s); m != nil {
		return build(s, m[1], m[2], "1", true)
	}
	return Date{}, fmt.Errorf("日期“%s”无法识别，请写成 2025-06-30、2025/6/30、2025.06.30 或 2025年6月30日", s)
}

func build(s, ys, ms, ds string, approx bool) (Date, error) {
	y, _ := strconv.Atoi(ys)
	m, _ := strconv.Atoi(ms)
	d, _ := strconv.Atoi(ds)
	if y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > daysIn(y, time.Month(m)) {
		return Date{}, fmt.Errorf("日期“%s”不存在，请检查年、月、日", s)
	}
	return Date{Year: y, Month: time.Month(m), Day: d, Approx: approx}, nil
}

func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// MustDate parses s and panics on error; for literals in tests and built-in data.
func MustDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// MarshalText writes the ISO form ("" for the zero date).
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText accepts every form ParseDate accepts.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
