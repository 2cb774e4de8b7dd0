package model

import (
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in     string
		want   Date
		approx bool
	}{
		{"2025-06-30", NewDate(2025, 6, 30), false},
		{"2025/6/30", NewDate(2025, 6, 30), false},
		{"2025.06.30", NewDate(2025, 6, 30), false},
		{"2025年6月30日", NewDate(2025, 6, 30), false},
		{" 2025 年 6 月 3 日 ", NewDate(2025, 6, 3), false},
		{"20250630", NewDate(2025, 6, 30), false},
		{"2025-06", NewDate(2025, 6, 1), true},
		{"2025.06", NewDate(2025, 6, 1), true},
		{"2025年6月", NewDate(2025, 6, 1), true},
		{"2024-02-29", NewDate(2024, 2, 29), false},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in)
		if err != nil {
			t.Errorf("ParseDate(%q): %v", tt.in, err)
			continue
		}
		if !got.Equal(tt.want) || got.Approx != tt.approx {
			t.Errorf("ParseDate(%q) = %+v, want %v approx=%v", tt.in, got, tt.want, tt.approx)
		}
	}
	for _, bad := range []string{"2025-02-29", "2025-13-01", "30/06/2025", "昨天", "2025-6-31"} {
		if _, err := ParseDate(bad); err == nil {
			t.Errorf("ParseDate(%q) accepted an invalid date", bad)
		}
	}
	if d, err := ParseDate(""); err != nil || !d.IsZero() {
		t.Errorf(`ParseDate("") = %v, %v; want zero date`, d, err)
	}
}

func TestDateArithmetic(t *testing.T) {
	d := MustDate("2024-01-31")
	if got := d.AddMonths(1); got.String() != "2024-02-29" {
		t.Errorf("AddMonths clamps to month end: got %s", got)
	}
	if got := MustDate("2024-07-01").AddMonths(12); got.String() != "2025-07-01" {
		t.Errorf("AddMonths(12) = %s", got)
	}
	if got := MustDate("2025-06-27").AddDays(3); got.String() != "2025-06-30" {
		t.Errorf("AddDays = %s", got)
	}
	if MustDate("2025-06-30").Weekday() != time.Monday {
		t.Error("2025-06-30 is a Monday")
	}
	if MustDate("2025-06-03").DaysUntil(MustDate("2025-06-27")) != 24 {
		t.Error("DaysUntil")
	}
	if got := MustDate("2025-06").Chinese(); got != "2025年6月" {
		t.Errorf("Chinese approx = %q", got)
	}
	if got := MustDate("2025-06-03").Chinese(); got != "2025年6月3日" {
		t.Errorf("Chinese = %q", got)
	}
}

func TestDateText(t *testing.T) {
	for _, s := range []string{"2025-06-30", "2025-06", ""} {
		var d Date
		if err := d.UnmarshalText([]byte(s)); err != nil {
			t.Fatal(err)
		}
		b, _ := d.MarshalText()
		if string(b) != s {
			t.Errorf("round trip %q → %q", s, b)
		}
	}
}
