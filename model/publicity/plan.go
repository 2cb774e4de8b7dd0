// Package publicity plans the unit's publicity of its applicants (notice
// 五(三): at least 5 working days before the unit signs) and prepares the
// rows of the posted notice. It is data only; pdfgen draws the notice.
package publicity

import (
	"fmt"

	"chuding/model"
	"chuding/model/calendar"
)

// Finding codes of a plan.
const (
	CodeStartMoved       = "PUBLICITY_START_MOVED"
	CodeSignAfterWindow  = "PUBLICITY_SIGN_AFTER_WINDOW"
	CodeUnknownYear      = "CALENDAR_UNKNOWN_YEAR"
	CodeNoPublicityDays  = "POLICY_NO_PUBLICITY_DAYS"
	CodeNoStart          = "PUBLICITY_NO_START"
	clausePublicity      = "五(三)"
	clauseWindowAndCount = "六、五(三)"
)

// PlanResult is a publicity period counted on the working-day calendar.
type PlanResult struct {
	Requested model.Date   // the start the user asked for
	Start     model.Date   // first day: Requested, or the next working day
	End       model.Date   // last day of the period
	Days      []model.Date // the working days of the period, Start … End
	SignFrom  model.Date   // earliest signing day: the next working day after End
	Workdays  int          // length of the period (Policy.PublicityWorkdays)
	// LatestStart is the last start that still lets the unit sign by the
	// end of the application window (六); zero when the policy has no window.
	LatestStart model.Date
	// UnknownYears are years touched by the plan that have no holiday data:
	// their dates were counted on weekends only.
	UnknownYears []int
	Warnings     []model.Finding
}

// Plan counts the publicity period that starts on start under pol. A start
// that is not a working day moves to the next one; a start in the past is
// fine (the notice may already be posted). It warns when signing would
// fall after the application window closes and when a year has no holiday
// data. Without a start, or with no period length in the policy, there is
// no period: End is zero and a warning says why.
func Plan(c *calendar.Calendar, start model.Date, pol *model.Policy) PlanResult {
	r := PlanResult{Requested: start}
	if pol == nil || pol.PublicityWorkdays < 1 {
		r.Warnings = append(r.Warnings, model.Finding{Code: CodeNoPublicityDays, Clause: clausePublicity,
			Message: "政策中没有填写公示工作日数，无法计算公示期；请在政策设置中填写（通知五(三)规定不少于5个工作日）"})
		return r
	}
	if start.IsZero() {
		r.Warnings = append(r.Warnings, model.Finding{Code: CodeNoStart, Clause: clausePublicity,
			Message: "请填写公示开始日期"})
		return r
	}
	r.Workdays = pol.PublicityWorkdays
	r.Start = c.FirstWorkdayFrom(start)
	r.End, r.Days = c.AddWorkdays(r.Start, r.Workdays)
	r.SignFrom = c.NextWorkday(r.End)
	if !pol.WindowEnd.IsZero() {
		lastSign := pol.WindowEnd
		if !c.IsWorkday(lastSign) {
			lastSign = c.PrevWorkday(lastSign)
		}
		r.LatestStart = c.StartForEnd(c.PrevWorkday(lastSign), r.Workdays)
	}

	if !r.Start.Equal(start) {
		r.Warnings = append(r.Warnings, model.Finding{Code: CodeStartMoved, Clause: clausePublicity,
			Message: fmt.Sprintf("%s不是工作日，公示期从下一个工作日%s开始计算",
				c.Day(start).Describe(), c.Day(r.Start).Describe())})
	}
	if !pol.WindowEnd.IsZero() && r.SignFrom.After(pol.WindowEnd) {
		r.Warnings = append(r.Warnings, model.Finding{Code: CodeSignAfterWindow, Clause: clauseWindowAndCount,
			Message: fmt.Sprintf("公示期%s至%s，期满后最早%s才能签字盖章，已晚于申报截止日%s（通知六），纸质材料将无法在申报期内报送。"+
				"公示不少于%d个工作日（通知五(三)），最晚应于%s开始公示",
				r.Start.Chinese(), r.End.Chinese(), r.SignFrom.Chinese(), pol.WindowEnd.Chinese(),
				r.Workdays, r.LatestStart.Chinese())})
	}
	all := append([]model.Date{start, r.SignFrom}, r.Days...)
	r.UnknownYears = c.UnknownYears(all...)
	for _, y := range r.UnknownYears {
		r.Warnings = append(r.Warnings, model.Finding{Code: CodeUnknownYear, Clause: clausePublicity,
			Message: fmt.Sprintf("%d年：%s，该年日期仅按周一至周五计算（未扣除法定节假日），请录入该年放假安排后重新核对", y, calendar.UnknownYearNote)})
	}
	return r
}

// Period is the period as printed: 2025年6月3日至2025年6月9日（共5个工作日）.
func (r PlanResult) Period() string {
	if r.End.IsZero() {
		return ""
	}
	return fmt.Sprintf("%s至%s（共%d个工作日）", r.Start.Chinese(), r.End.Chinese(), r.Workdays)
}

// Note is calendar.UnknownYearNote when any date of the plan lies in a
// year without holiday data, else "".
func (r PlanResult) Note() string {
	if len(r.UnknownYears) > 0 {
		return calendar.UnknownYearNote
	}
	return ""
}

// Record is the plan in the form a batch stores (model.Publicity).
func (r PlanResult) Record() model.Publicity {
	return model.Publicity{Start: r.Start, End: r.End, SignOn: r.SignFrom}
}
