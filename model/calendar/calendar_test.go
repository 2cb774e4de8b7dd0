package calendar

import (
	"strings"
	"testing"

	"chuding/model"
)

var d = model.MustDate

func TestIsWorkdayEmbeddedYears(t *testing.T) {
	c := Default()
	tests := []struct {
		day  string
		want bool
		why  string
	}{
		// 2025
		{"2025-01-01", false, "元旦"},
		{"2025-01-02", true, "ordinary Thursday"},
		{"2025-01-26", true, "Sunday worked for 春节"},
		{"2025-01-27", true, "Monday before 春节"},
		{"2025-01-28", false, "春节 first day"},
		{"2025-02-04", false, "春节 last day (Tuesday)"},
		{"2025-02-05", true, "first day after 春节"},
		{"2025-02-08", true, "Saturday worked for 春节"},
		{"2025-02-09", false, "ordinary Sunday"},
		{"2025-04-04", false, "清明 Friday"},
		{"2025-04-07", true, "Monday after 清明"},
		{"2025-04-27", true, "Sunday worked for 劳动节"},
		{"2025-05-05", false, "劳动节 Monday"},
		{"2025-05-06", true, "Tuesday after 劳动节"},
		{"2025-05-31", false, "端午 Saturday"},
		{"2025-06-02", false, "端午 Monday"},
		{"2025-06-03", true, "Tuesday after 端午, first day of the application window"},
		{"2025-09-28", true, "Sunday worked for 国庆"},
		{"2025-10-01", false, "国庆 first day"},
		{"2025-10-06", false, "国庆/中秋"},
		{"2025-10-08", false, "国庆 last day (Wednesday)"},
		{"2025-10-09", true, "Thursday after 国庆"},
		{"2025-10-11", true, "Saturday worked for 国庆"},
		{"2025-10-12", false, "ordinary Sunday"},
		// 2026
		{"2026-01-01", false, "元旦"},
		{"2026-01-02", false, "元旦 Friday"},
		{"2026-01-04", true, "Sunday worked for 元旦"},
		{"2026-02-14", true, "Saturday worked for 春节"},
		{"2026-02-15", false, "春节 first day"},
		{"2026-02-23", false, "春节 last day (Monday)"},
		{"2026-02-24", true, "Tuesday after 春节"},
		{"2026-02-28", true, "Saturday worked for 春节"},
		{"2026-04-06", false, "清明 Monday"},
		{"2026-05-05", false, "劳动节 Tuesday"},
		{"2026-05-09", true, "Saturday worked for 劳动节"},
		{"2026-06-19", false, "端午 Friday"},
		{"2026-09-20", true, "Sunday worked for 国庆"},
		{"2026-09-25", false, "中秋 Friday"},
		{"2026-10-07", false, "国庆 last day"},
		{"2026-10-08", true, "Thursday after 国庆"},
		{"2026-10-10", true, "Saturday worked for 国庆"},
	}
	for _, tt := range tests {
		if got := c.IsWorkday(d(tt.day)); got != tt.want {
			t.Errorf("IsWorkday(%s) = %v, want %v (%s)", tt.day, got, tt.want, tt.why)
		}
	}
}

func TestOctober2025HasNoWorkdayFrom1To8(t *testing.T) {
	c := Default()
	for day := d("2025-10-01"); !day.After(d("2025-10-08")); day = day.AddDays(1) {
		if c.IsWorkday(day) {
			t.Errorf("%s should be a day off (国庆节、中秋节)", day)
		}
	}
}

func TestAddWorkdays(t *testing.T) {
	c := Default()
	tests := []struct {
		name, start string
		n           int
		end         string
	}{
		{"across 2025 端午 5/31–6/2", "2025-05-28", 5, "2025-06-04"},
		{"start on a holiday moves to the next working day", "2025-10-01", 5, "2025-10-14"},
		{"start on a make-up Sunday counts it", "2025-09-28", 3, "2025-09-30"},
		{"one day on a working day is that day", "2025-06-03", 1, "2025-06-03"},
		{"across 2026 春节 and its make-up Saturday", "2026-02-12", 5, "2026-02-25"},
		{"across the year end 2025→2026 元旦", "2025-12-30", 3, "2026-01-04"},
		{"publicity of the 2025 first-half batch", "2025-06-03", 5, "2025-06-09"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			end, days := c.AddWorkdays(d(tt.start), tt.n)
			if end.String() != tt.end {
				t.Errorf("end = %s, want %s (days %v)", end, tt.end, days)
			}
			if len(days) != tt.n {
				t.Fatalf("got %d days, want %d", len(days), tt.n)
			}
			for _, x := range days {
				if !c.IsWorkday(x) {
					t.Errorf("day %s in the period is not a working day", x)
				}
			}
			if !days[len(days)-1].Equal(end) {
				t.Errorf("last day %s != end %s", days[len(days)-1], end)
			}
		})
	}
}

func TestAddWorkdaysAcrossDragonBoat2025ListsTheDays(t *testing.T) {
	end, days := Default().AddWorkdays(d("2025-05-29"), 4)
	var got []string
	for _, x := range days {
		got = append(got, x.String())
	}
	want := "2025-05-29 2025-05-30 2025-06-03 2025-06-04"
	if strings.Join(got, " ") != want || end.String() != "2025-06-04" {
		t.Errorf("days %v end %s, want %s", got, end, want)
	}
}

func TestAddWorkdaysZero(t *testing.T) {
	end, days := Default().AddWorkdays(d("2025-06-03"), 0)
	if !end.IsZero() || days != nil {
		t.Errorf("n=0 gave %s %v, want no period", end, days)
	}
}

func TestNextAndPrevWorkday(t *testing.T) {
	c := Default()
	tests := []struct{ fn, day, want string }{
		{"next", "2025-09-30", "2025-10-09"},
		{"next", "2025-06-09", "2025-06-10"},
		{"next", "2025-05-30", "2025-06-03"},
		{"next", "2025-10-10", "2025-10-11"}, // make-up Saturday
		{"prev", "2025-10-09", "2025-09-30"},
		{"prev", "2025-06-03", "2025-05-30"},
		{"prev", "2026-02-24", "2026-02-14"},
		{"first", "2025-10-01", "2025-10-09"},
		{"first", "2025-06-03", "2025-06-03"},
	}
	for _, tt := range tests {
		var got model.Date
		switch tt.fn {
		case "next":
			got = c.NextWorkday(d(tt.day))
		case "prev":
			got = c.PrevWorkday(d(tt.day))
		case "first":
			got = c.FirstWorkdayFrom(d(tt.day))
		}
		if got.String() != tt.want {
			t.Errorf("%s(%s) = %s, want %s", tt.fn, tt.day, got, tt.want)
		}
	}
}

func TestStartForEndInvertsAddWorkdays(t *testing.T) {
	c := Default()
	for _, start := range []string{"2025-05-26", "2025-06-03", "2025-09-24", "2025-10-09", "2026-02-10"} {
		end, _ := c.AddWorkdays(d(start), 5)
		if got := c.StartForEnd(end, 5); got.String() != start {
			t.Errorf("StartForEnd(%s, 5) = %s, want %s", end, got, start)
		}
	}
}

func TestUnknownYearWeekendsOnly(t *testing.T) {
	c := Default()
	if c.Known(2027) || !c.Known(2025) || !c.Known(2026) {
		t.Fatalf("Known: 2025 %v 2026 %v 2027 %v", c.Known(2025), c.Known(2026), c.Known(2027))
	}
	// 2027-10-01 is a Friday: with no data it counts as a working day.
	if !c.IsWorkday(d("2027-10-01")) || c.IsWorkday(d("2027-10-02")) {
		t.Error("a year without data must count Monday–Friday as working days and weekends as off")
	}
	end, _ := c.AddWorkdays(d("2027-10-01"), 5)
	if end.String() != "2027-10-07" {
		t.Errorf("end %s, want 2027-10-07", end)
	}
	if c.Note(d("2027-10-01")) != UnknownYearNote || c.Note(d("2026-10-01")) != "" {
		t.Error("Note must flag only years without data")
	}
	if got := c.UnknownYears(d("2026-12-30"), d("2027-01-05"), d("2027-02-01")); len(got) != 1 || got[0] != 2027 {
		t.Errorf("UnknownYears = %v", got)
	}
	if !strings.Contains(c.Day(d("2027-10-01")).Describe(), UnknownYearNote) {
		t.Error("Describe must carry the unknown-year note")
	}
}

func TestDayDescribe(t *testing.T) {
	c := Default()
	tests := map[string]string{
		"2025-10-01": "2025年10月1日（星期三，国庆节、中秋节放假）",
		"2025-09-28": "2025年9月28日（星期日，国庆节、中秋节调休上班）",
		"2025-06-03": "2025年6月3日（星期二）",
	}
	for day, want := range tests {
		if got := c.Day(d(day)).Describe(); got != want {
			t.Errorf("Describe(%s) = %s, want %s", day, got, want)
		}
	}
}

func TestYears(t *testing.T) {
	if got := Default().Years(); len(got) != 2 || got[0] != 2025 || got[1] != 2026 {
		t.Errorf("Years() = %v, want [2025 2026]", got)
	}
}

func year2027() YearData {
	return YearData{
		Year:   2027,
		Source: Source{Title: "国务院办公厅关于2027年部分节假日安排的通知", Published: d("2026-11-10")},
		Holidays: []Holiday{
			{Name: "元旦", From: d("2027-01-01"), To: d("2027-01-03")},
			{Name: "国庆节", From: d("2027-10-01"), To: d("2027-10-07")},
		},
		MakeUp: []MakeUpDay{{Name: "国庆节", Date: d("2027-10-09")}},
	}
}

func TestNewAddsAndOverridesYears(t *testing.T) {
	c, err := New(year2027())
	if err != nil {
		t.Fatal(err)
	}
	if !c.Known(2027) || c.IsWorkday(d("2027-10-01")) || !c.IsWorkday(d("2027-10-09")) {
		t.Error("the user's 2027 data must be used")
	}
	if !c.Known(2025) || c.IsWorkday(d("2025-10-01")) {
		t.Error("embedded years must stay")
	}
	if Default().Known(2027) {
		t.Error("New must not change the default calendar")
	}
	// A user's correction replaces the embedded year entirely.
	fix := YearData{Year: 2025, Source: Source{Title: "更正", Published: d("2024-11-12")},
		Holidays: []Holiday{{Name: "元旦", From: d("2025-01-01"), To: d("2025-01-01")}}}
	c, err = New(fix)
	if err != nil {
		t.Fatal(err)
	}
	if !c.IsWorkday(d("2025-10-08")) {
		t.Error("overriding 2025 must drop the embedded 2025 stretches")
	}
}

func TestNewRefusesBadOrDuplicateYears(t *testing.T) {
	bad := year2027()
	bad.MakeUp = []MakeUpDay{{Name: "国庆节", Date: d("2027-10-11")}} // a Monday
	if _, err := New(bad); err == nil || !strings.Contains(err.Error(), "星期一") {
		t.Errorf("err = %v, want a message naming the weekday", err)
	}
	if _, err := New(year2027(), year2027()); err == nil || !strings.Contains(err.Error(), "两份") {
		t.Errorf("err = %v, want duplicate-year message", err)
	}
}

func TestNewRefusesConflictAcrossYears(t *testing.T) {
	// 2026's data claims 2025-12-27 (a Saturday) as a make-up day while a
	// corrected 2025 says it is a holiday.
	y26 := Builtin()[1]
	y26.MakeUp = append(append([]MakeUpDay(nil), y26.MakeUp...), MakeUpDay{Name: "元旦", Date: d("2025-12-27")})
	y25 := Builtin()[0]
	y25.Holidays = append(append([]Holiday(nil), y25.Holidays...), Holiday{Name: "测试", From: d("2025-12-27"), To: d("2025-12-27")})
	if _, err := New(y25, y26); err == nil || !strings.Contains(err.Error(), "2025-12-27") {
		t.Errorf("err = %v, want a conflict naming 2025-12-27", err)
	}
}

func BenchmarkAddWorkdaysAcrossNationalDay(b *testing.B) {
	c := Default()
	start := d("2025-09-26")
	for b.Loop() {
		c.AddWorkdays(start, 20)
	}
}
