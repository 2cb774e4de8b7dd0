package publicity

import (
	"strings"
	"testing"

	"chuding/model"
	"chuding/model/calendar"
)

var d = model.MustDate

// policy2025H1 carries only what the plan reads: 5 working days (五(三)) and
// the window 6月3日–6月27日 (六).
func policy2025H1() *model.Policy {
	return &model.Policy{PublicityWorkdays: 5, WindowStart: d("2025-06-03"), WindowEnd: d("2025-06-27")}
}

func codes(fs []model.Finding) string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Code)
	}
	return strings.Join(out, ",")
}

func TestPlan(t *testing.T) {
	cal := calendar.Default()
	tests := []struct {
		name                        string
		start                       string
		start2, end, signFrom, warn string
	}{
		{"first day of the window", "2025-06-03", "2025-06-03", "2025-06-09", "2025-06-10", ""},
		{"start on 端午 Saturday moves to Tuesday", "2025-05-31", "2025-06-03", "2025-06-09", "2025-06-10", CodeStartMoved},
		{"latest start still signs on the last day", "2025-06-20", "2025-06-20", "2025-06-26", "2025-06-27", ""},
		{"one day too late", "2025-06-23", "2025-06-23", "2025-06-27", "2025-06-30", CodeSignAfterWindow},
		{"before the window and across 端午", "2025-05-27", "2025-05-27", "2025-06-03", "2025-06-04", ""},
		{"start in the past is fine", "2025-05-06", "2025-05-06", "2025-05-12", "2025-05-13", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := Plan(cal, d(tt.start), policy2025H1())
			if p.Start.String() != tt.start2 || p.End.String() != tt.end || p.SignFrom.String() != tt.signFrom {
				t.Errorf("start %s end %s sign %s, want %s %s %s", p.Start, p.End, p.SignFrom, tt.start2, tt.end, tt.signFrom)
			}
			if got := codes(p.Warnings); got != tt.warn {
				t.Errorf("warnings %s, want %q: %v", got, tt.warn, p.Warnings)
			}
			if p.Workdays != 5 || len(p.Days) != 5 || !p.Days[0].Equal(p.Start) || !p.Days[4].Equal(p.End) {
				t.Errorf("days %v", p.Days)
			}
			if p.LatestStart.String() != "2025-06-20" {
				t.Errorf("latest start %s, want 2025-06-20", p.LatestStart)
			}
		})
	}
}

func TestPlanSignAfterWindowMessage(t *testing.T) {
	p := Plan(calendar.Default(), d("2025-06-23"), policy2025H1())
	msg := p.Warnings[0].Message
	for _, want := range []string{"2025年6月30日", "2025年6月27日", "最晚应于2025年6月20日开始公示", "五(三)", "六"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
	if p.Warnings[0].Clause != "六、五(三)" {
		t.Errorf("clause %q", p.Warnings[0].Clause)
	}
}

func TestPlanStartMovedMessageNamesTheHoliday(t *testing.T) {
	p := Plan(calendar.Default(), d("2025-10-01"), policy2025H1())
	if p.Start.String() != "2025-10-09" || p.End.String() != "2025-10-14" || p.SignFrom.String() != "2025-10-15" {
		t.Errorf("plan %s–%s sign %s", p.Start, p.End, p.SignFrom)
	}
	if !strings.Contains(p.Warnings[0].Message, "国庆节、中秋节放假") {
		t.Errorf("message %q", p.Warnings[0].Message)
	}
}

func TestPlanUnknownYear(t *testing.T) {
	pol := &model.Policy{PublicityWorkdays: 5}
	p := Plan(calendar.Default(), d("2026-12-28"), pol)
	if p.End.String() != "2027-01-01" || p.SignFrom.String() != "2027-01-04" {
		t.Errorf("end %s sign %s (2027 is counted on weekends only)", p.End, p.SignFrom)
	}
	if codes(p.Warnings) != CodeUnknownYear || !strings.Contains(p.Warnings[0].Message, calendar.UnknownYearNote) ||
		!strings.Contains(p.Warnings[0].Message, "2027年") {
		t.Errorf("warnings %v", p.Warnings)
	}
	if p.Note() != calendar.UnknownYearNote || len(p.UnknownYears) != 1 {
		t.Errorf("note %q years %v", p.Note(), p.UnknownYears)
	}
	if !p.LatestStart.IsZero() {
		t.Errorf("no window in the policy, yet latest start %s", p.LatestStart)
	}
	if q := Plan(calendar.Default(), d("2026-06-01"), pol); q.Note() != "" || len(q.Warnings) != 0 {
		t.Errorf("a known year must carry no note: %v", q.Warnings)
	}
}

func TestPlanWithoutPublicityDays(t *testing.T) {
	for _, pol := range []*model.Policy{nil, {}} {
		p := Plan(calendar.Default(), d("2025-06-03"), pol)
		if !p.End.IsZero() || codes(p.Warnings) != CodeNoPublicityDays || p.Period() != "" {
			t.Errorf("plan %+v", p)
		}
	}
}

func TestPlanWithoutStart(t *testing.T) {
	p := Plan(calendar.Default(), model.Date{}, policy2025H1())
	if !p.End.IsZero() || codes(p.Warnings) != CodeNoStart {
		t.Errorf("plan %+v", p)
	}
}

func TestPlanLengthComesFromPolicy(t *testing.T) {
	pol := policy2025H1()
	pol.PublicityWorkdays = 7
	p := Plan(calendar.Default(), d("2025-06-03"), pol)
	if p.End.String() != "2025-06-11" || p.LatestStart.String() != "2025-06-18" {
		t.Errorf("end %s latest %s", p.End, p.LatestStart)
	}
	if p.Period() != "2025年6月3日至2025年6月11日（共7个工作日）" {
		t.Errorf("period %q", p.Period())
	}
}

func TestPlanRecord(t *testing.T) {
	r := Plan(calendar.Default(), d("2025-06-03"), policy2025H1()).Record()
	if r.Start.String() != "2025-06-03" || r.End.String() != "2025-06-09" || r.SignOn.String() != "2025-06-10" {
		t.Errorf("record %+v", r)
	}
}
