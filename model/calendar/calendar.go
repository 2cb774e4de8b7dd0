// Package calendar knows which days are working days in mainland China:
// Monday to Friday, minus the statutory holidays, plus the weekend days
// worked in exchange (调休上班). The holiday arrangement of each year comes
// from the State Council's notice as a small versioned data file; 2025 and
// 2026 are embedded, and the app passes further years entered by the user.
// A year with no data is computed on weekends only, and every place that
// shows such a date must say so (UnknownYearNote).
//
// The publicity period (notice 五(三): at least 5 working days) and the
// earliest signing day are counted with this package.
package calendar

import (
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"sync"
	"time"

	"chuding/model"
)

// UnknownYearNote is shown next to every date whose year has no holiday data.
const UnknownYearNote = "未收录该年节假日安排"

//go:embed data/*.json
var embedded embed.FS

// Calendar answers working-day questions. It is immutable once built and
// safe for concurrent use.
type Calendar struct {
	years map[int]YearData
	off   map[model.Date]string // day off → holiday name
	work  map[model.Date]string // weekend day worked → holiday name
}

var (
	defaultOnce sync.Once
	defaultCal  *Calendar
	builtin     []YearData
)

// Default is the calendar with the embedded years (2025 and 2026).
func Default() *Calendar {
	defaultOnce.Do(func() {
		var err error
		if builtin, err = loadEmbedded(); err == nil {
			defaultCal, err = build(builtin)
		}
		if err != nil {
			// The embedded files are tested; a failure here is a build defect.
			panic("calendar: embedded holiday data: " + err.Error())
		}
	})
	return defaultCal
}

// Builtin returns the embedded years, so the app can show where its data
// came from and offer them as a template.
func Builtin() []YearData {
	Default()
	out := make([]YearData, len(builtin))
	for i, y := range builtin {
		out[i] = y.clone()
	}
	return out
}

// clone copies y so that changing the copy's lists leaves y alone.
func (y YearData) clone() YearData {
	y.Holidays = append([]Holiday(nil), y.Holidays...)
	y.MakeUp = append([]MakeUpDay(nil), y.MakeUp...)
	return y
}

func loadEmbedded() ([]YearData, error) {
	names, err := fs.Glob(embedded, "data/*.json")
	if err != nil {
		return nil, err
	}
	var out []YearData
	for _, name := range names {
		f, err := embedded.Open(name)
		if err != nil {
			return nil, err
		}
		y, err := ParseYear(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		out = append(out, y)
	}
	return out, nil
}

// New returns the embedded calendar with extra years added; an extra year
// replaces the embedded data of the same year (a user correcting it). Each
// extra year is validated, and the same year given twice is refused.
func New(extra ...YearData) (*Calendar, error) {
	Default()
	byYear := map[int]YearData{}
	for _, y := range builtin {
		byYear[y.Year] = y
	}
	given := map[int]bool{}
	for _, y := range extra {
		if err := y.Validate(); err != nil {
			return nil, err
		}
		if given[y.Year] {
			return nil, fmt.Errorf("%d年的节假日安排录入了两份，请只保留一份", y.Year)
		}
		given[y.Year] = true
		byYear[y.Year] = y.clone()
	}
	all := make([]YearData, 0, len(byYear))
	for _, y := range byYear {
		all = append(all, y)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].Year < all[j].Year })
	return build(all)
}

func build(years []YearData) (*Calendar, error) {
	c := &Calendar{years: map[int]YearData{}, off: map[model.Date]string{}, work: map[model.Date]string{}}
	for _, y := range years {
		c.years[y.Year] = y
		for _, h := range y.Holidays {
			for d := h.From; !d.After(h.To); d = d.AddDays(1) {
				c.off[key(d)] = h.Name
			}
		}
		for _, m := range y.MakeUp {
			c.work[key(m.Date)] = m.Name
		}
	}
	// A late-December day can be named by two years' notices; they must agree.
	for d, name := range c.work {
		if h, ok := c.off[d]; ok {
			return nil, fmt.Errorf("%s在一份安排中是“%s”调休上班日，在另一份中是“%s”放假日，请核对这两年的节假日安排", d, name, h)
		}
	}
	return c, nil
}

// key drops Approx so that any spelling of a day finds the same entry.
func key(d model.Date) model.Date { return model.Date{Year: d.Year, Month: d.Month, Day: d.Day} }

// Known reports whether holiday data for year is on file.
func (c *Calendar) Known(year int) bool {
	_, ok := c.years[year]
	return ok
}

// Years lists the years with holiday data, ascending.
func (c *Calendar) Years() []int {
	out := make([]int, 0, len(c.years))
	for y := range c.years {
		out = append(out, y)
	}
	sort.Ints(out)
	return out
}

// Year returns the data on file for year.
func (c *Calendar) Year(year int) (YearData, bool) {
	y, ok := c.years[year]
	return y, ok
}

// IsWorkday reports whether d is a working day. In a year without data only
// weekends are days off.
func (c *Calendar) IsWorkday(d model.Date) bool {
	k := key(d)
	if _, ok := c.work[k]; ok {
		return true
	}
	if _, ok := c.off[k]; ok {
		return false
	}
	w := d.Weekday()
	return w != time.Saturday && w != time.Sunday
}

// Note is UnknownYearNote when d's year has no holiday data, else "".
func (c *Calendar) Note(d model.Date) string {
	if d.IsZero() || c.Known(d.Year) {
		return ""
	}
	return UnknownYearNote
}

// UnknownYears lists, ascending and once each, the years among dates that
// have no holiday data.
func (c *Calendar) UnknownYears(dates ...model.Date) []int {
	seen := map[int]bool{}
	var out []int
	for _, d := range dates {
		if d.IsZero() || seen[d.Year] || c.Known(d.Year) {
			continue
		}
		seen[d.Year] = true
		out = append(out, d.Year)
	}
	sort.Ints(out)
	return out
}

// FirstWorkdayFrom is d when d is a working day, else the next one.
func (c *Calendar) FirstWorkdayFrom(d model.Date) model.Date {
	d = key(d)
	for !c.IsWorkday(d) {
		d = d.AddDays(1)
	}
	return d
}

// NextWorkday is the first working day strictly after d.
func (c *Calendar) NextWorkday(d model.Date) model.Date {
	return c.FirstWorkdayFrom(key(d).AddDays(1))
}

// PrevWorkday is the last working day strictly before d.
func (c *Calendar) PrevWorkday(d model.Date) model.Date {
	d = key(d).AddDays(-1)
	for !c.IsWorkday(d) {
		d = d.AddDays(-1)
	}
	return d
}

// AddWorkdays counts a period of n working days that starts on start (on the
// next working day when start is not one) and returns its last day and all
// n days. For n < 1 there is no period: the zero Date and nil.
func (c *Calendar) AddWorkdays(start model.Date, n int) (end model.Date, days []model.Date) {
	if n < 1 {
		return model.Date{}, nil
	}
	days = make([]model.Date, 0, n)
	d := c.FirstWorkdayFrom(start)
	for {
		days = append(days, d)
		if len(days) == n {
			return d, days
		}
		d = c.NextWorkday(d)
	}
}

// StartForEnd is the inverse of AddWorkdays: the first day of the period of
// n working days whose last day is the working day on or before end.
func (c *Calendar) StartForEnd(end model.Date, n int) model.Date {
	d := key(end)
	if !c.IsWorkday(d) {
		d = c.PrevWorkday(d)
	}
	for i := 1; i < n; i++ {
		d = c.PrevWorkday(d)
	}
	return d
}

// Day tells what kind of day d is and why.
type Day struct {
	Date    model.Date
	Workday bool
	Holiday string // the holiday when d is a statutory day off
	MakeUp  string // the holiday when d is a weekend day worked in exchange
	Known   bool   // whether d's year has holiday data
}

// Day describes d.
func (c *Calendar) Day(d model.Date) Day {
	k := key(d)
	return Day{Date: k, Workday: c.IsWorkday(k), Holiday: c.off[k], MakeUp: c.work[k], Known: c.Known(k.Year)}
}

// Describe is the day as a user reads it: 2025年10月1日（星期三，国庆节、中秋节放假）,
// 2025年9月28日（星期日，国庆节、中秋节调休上班）, with UnknownYearNote
// added for a year without data.
func (d Day) Describe() string {
	s := d.Date.Chinese() + "（" + WeekdayName(d.Date)
	switch {
	case d.Holiday != "":
		s += "，" + d.Holiday + "放假"
	case d.MakeUp != "":
		s += "，" + d.MakeUp + "调休上班"
	}
	if !d.Known {
		s += "，" + UnknownYearNote
	}
	return s + "）"
}
