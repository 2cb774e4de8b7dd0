package model

import (
	"strings"
	"testing"
	"time"
)

// FuzzParseID: whatever an officer types or a spreadsheet holds, ParseID
// never panics; what it accepts is a canonical 18-character number whose
// birth date and gender agree with its digits and which parses to itself;
// what it refuses is explained without echoing the whole number.
func FuzzParseID(f *testing.F) {
	for _, s := range []string{
		"320706199904120227", "32070619990412022x", " 32070619990412022Ｘ ", "320706990412022",
		"320706199904120228", "000000199904120227", "3207061999041202", "32070620990412022X",
		"3.20706E+17", "", "３２０７０６１９９９０４１２０２２７", "11010119000101001X", "91999919000229999X",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := ParseID(s)
		if err != nil {
			msg := err.Error()
			if msg == "" {
				t.Fatal("empty error message")
			}
			if n := strings.ToUpper(strings.TrimSpace(s)); len(n) >= 15 && strings.Contains(msg, n) {
				t.Fatalf("error message shows the whole number: %s", msg)
			}
			return
		}
		if len(r.Number) != 18 || r.Number != strings.ToUpper(r.Number) {
			t.Fatalf("accepted %q as non-canonical %q", s, r.Number)
		}
		again, err := ParseID(r.Number)
		if err != nil || again != r {
			t.Fatalf("ParseID(%q) = %+v but its number parses to %+v, %v", s, r, again, err)
		}
		birth, err := ParseDate(r.Number[6:14])
		if err != nil || birth != r.Birth || r.Birth.After(Today()) || r.Birth.Year < 1900 {
			t.Fatalf("birth %v from %q (%v)", r.Birth, r.Number, err)
		}
		if want := map[bool]string{true: "男", false: "女"}[(r.Number[16]-'0')%2 == 1]; r.Gender != want {
			t.Fatalf("gender %s for %q", r.Gender, r.Number)
		}
		if m := MaskID(r.Number); len(m) != 18 || strings.Count(m, "*") != 8 || strings.Contains(m, r.Number[6:14]) {
			t.Fatalf("MaskID(%q) = %q", r.Number, m)
		}
	})
}

// FuzzParseDate: ParseDate never panics; a date it accepts exists, lies in
// the years it promises, and reads back from its own String() and text
// forms unchanged, month precision included.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{
		"2025-06-30", "2025/6/30", "2025.06.30", "2025年6月30日", "20250630", "2025-06", "2025年6月",
		" 2025 年 6 月 3 日 ", "2024-02-29", "2025-02-29", "2025-13-01", "1899-12-31", "2200-12-31",
		"30/06/2025", "", "２０２５-06-30", "2025-6-31", "0000-00-00",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error message")
			}
			return
		}
		if d.IsZero() != (strings.TrimSpace(s) == "") {
			t.Fatalf("ParseDate(%q) = %+v", s, d)
		}
		if d.IsZero() {
			return
		}
		if d.Year < 1900 || d.Year > 2200 || d.Month < time.January || d.Month > time.December ||
			d.Day < 1 || d.Day != d.Time().Day() {
			t.Fatalf("ParseDate(%q) = impossible date %+v", s, d)
		}
		if d.Approx && d.Day != 1 {
			t.Fatalf("month-precision date %q not on the 1st: %+v", s, d)
		}
		again, err := ParseDate(d.String())
		if err != nil || again != d {
			t.Fatalf("ParseDate(%q) = %+v, but its String %q reads as %+v, %v", s, d, d.String(), again, err)
		}
		text, _ := d.MarshalText()
		var back Date
		if err := back.UnmarshalText(text); err != nil || back != d {
			t.Fatalf("text round trip of %+v gave %+v, %v", d, back, err)
		}
	})
}
