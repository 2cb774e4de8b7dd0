package bundle

import (
	"fmt"
	"strings"

	"chuding/model"
	"chuding/model/opinion"
	"chuding/model/policy"
	"chuding/model/publicity"
	"chuding/model/rules"
	"chuding/pdfgen"
)

// Problem codes of a pre-flight report, stable for scripts and the UI.
const (
	// Per person.
	CodeNotEligible     = "NOT_ELIGIBLE"     // a reason of rules.Evaluate (二, 一)
	CodeOpinion         = "OPINION_FAILS"    // a problem of opinion.Check (五(二))
	CodeMaterialMissing = "MATERIAL_MISSING" // a required material without a scan (四)

	// Per batch.
	CodeNoPeople            = "NO_PEOPLE"
	CodeUnitIncomplete      = "UNIT_INCOMPLETE"
	CodePolicyInvalid       = "POLICY_INVALID"
	CodeDuplicateID         = "DUPLICATE_ID"
	CodeExcludeUnknown      = "EXCLUDE_UNKNOWN"
	CodePublicityNotSet     = "PUBLICITY_NOT_SET"
	CodePublicityShort      = "PUBLICITY_TOO_SHORT"
	CodeSignTooEarly        = "PUBLICITY_SIGN_TOO_EARLY"
	CodeSignAfterWindow     = publicity.CodeSignAfterWindow
	CodePublicityNotEnded   = "PUBLICITY_NOT_ENDED"
	CodeObjectionsUnhandled = "PUBLICITY_OBJECTIONS_UNHANDLED"
)

// Problem is one thing that stops the bundle from being handed in as it
// is; Message is Chinese and says what to do.
type Problem struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// PersonCheck is the pre-flight verdict on one person of Input.People.
type PersonCheck struct {
	No       int          `json:"no"` // position in Input.People, from 1
	Name     string       `json:"name"`
	ID       string       `json:"id_masked"`
	Excluded bool         `json:"excluded"`
	Result   model.Result `json:"result"`
	// Problems is never nil. Excluded people are checked too, so the
	// user sees why they might be left out, but never block the export.
	Problems []Problem `json:"problems"`
}

// Label names the person in messages: 周敏（320706********0227）.
func (c PersonCheck) Label() string {
	return fmt.Sprintf("%s（%s）", c.Name, c.ID)
}

// Report is the outcome of Preflight. Batch and Warnings are never nil.
type Report struct {
	People []PersonCheck `json:"people"` // every person given, in order
	Batch  []Problem     `json:"batch"`
	// Warnings are worth reading but never block: a publicity start that
	// moved to a working day, a year without holiday data.
	Warnings []Problem `json:"warnings"`
}

// OK reports whether nothing blocks the export: no batch problem and no
// problem on any included person.
func (r Report) OK() bool {
	return len(r.Lines()) == 0
}

// Included is how many people the bundle will hold.
func (r Report) Included() int {
	n := 0
	for _, c := range r.People {
		if !c.Excluded {
			n++
		}
	}
	return n
}

// Lines lists the blocking problems in Chinese, batch problems first, then
// each included person's, one per line and naming the person.
func (r Report) Lines() []string {
	var out []string
	for _, p := range r.Batch {
		out = append(out, "本批次："+p.Message)
	}
	for _, c := range r.People {
		if c.Excluded {
			continue
		}
		for _, p := range c.Problems {
			out = append(out, fmt.Sprintf("第%d人 %s：%s", c.No, c.Label(), p.Message))
		}
	}
	return out
}

// String is Lines, one per line, then the warnings; or a line saying all
// checks passed.
func (r Report) String() string {
	var b strings.Builder
	lines := r.Lines()
	if len(lines) == 0 {
		fmt.Fprintf(&b, "导出前检查通过：%d人\n", r.Included())
	} else {
		fmt.Fprintf(&b, "导出前检查发现%d个问题：\n", len(lines))
	}
	for _, l := range lines {
		b.WriteString("  " + l + "\n")
	}
	for _, w := range r.Warnings {
		b.WriteString("提醒：" + w.Message + "\n")
	}
	return b.String()
}

// Preflight checks the batch before export: each included person eligible
// (二), the 鉴定意见 passing the checker (五(二)), a scan attached for every
// material the rules require except the 申报表 the bundle itself holds
// (四), and the publicity period (五(三)) set, long enough, ended before the
// signing day and before today, with signing inside the application window
// (六). It reads no attachment bytes: Write checks those as it copies them.
func Preflight(in Input) Report {
	return prepare(&in).report
}

// prepared is what Preflight learns and Write reuses.
type prepared struct {
	report  Report
	people  []model.Person // the included people, in order
	results []model.Result // their verdicts
	checks  []*PersonCheck // their checks
	plan    publicity.PlanResult
	hasPlan bool // the publicity period is set and counted
	// pub is the publicity as the papers state it: the counted start,
	// the stored end and signing day or the counted ones, and 无异议 when
	// no objection was recorded (as the 公示情况说明 says).
	pub model.Publicity
}

func prepare(in *Input) *prepared {
	pr := &prepared{report: Report{People: make([]PersonCheck, len(in.People)), Batch: []Problem{}, Warnings: []Problem{}}}
	pol := &in.Batch.Policy
	excluded := pr.excludeSet(in)
	for i := range in.People {
		p := &in.People[i]
		c := &pr.report.People[i]
		*c = PersonCheck{No: i + 1, Name: strings.TrimSpace(p.Name), ID: model.MaskID(p.IDNumber),
			Excluded: excluded[idKey(p.IDNumber)], Result: rules.Evaluate(p, pol)}
		c.Problems = personProblems(p, c.Result, pol)
		if !c.Excluded {
			pr.people = append(pr.people, *p)
			pr.results = append(pr.results, c.Result)
			pr.checks = append(pr.checks, c)
		}
	}
	pr.batchProblems(in)
	pr.publicityProblems(in)
	return pr
}

func (pr *prepared) add(code, format string, args ...any) {
	pr.report.Batch = append(pr.report.Batch, Problem{code, fmt.Sprintf(format, args...)})
}

// idKey is how ID numbers are compared: trimmed, upper-case X, as the
// store keys them.
func idKey(id string) string {
	return strings.ReplaceAll(strings.ToUpper(strings.TrimSpace(id)), "Ｘ", "X")
}

func (pr *prepared) excludeSet(in *Input) map[string]bool {
	known := make(map[string]bool, len(in.People))
	for i := range in.People {
		known[idKey(in.People[i].IDNumber)] = true
	}
	set := make(map[string]bool, len(in.Exclude))
	for _, id := range in.Exclude {
		k := idKey(id)
		if !known[k] {
			pr.add(CodeExcludeUnknown, "要排除的身份证号码 %s 不在本批次中，请核对", model.MaskID(k))
			continue
		}
		set[k] = true
	}
	return set
}

func personProblems(p *model.Person, r model.Result, pol *model.Policy) []Problem {
	out := []Problem{}
	for _, f := range r.Reasons {
		out = append(out, Problem{CodeNotEligible, fmt.Sprintf("不符合初定条件（通知%s）：%s", f.Clause, f.Message)})
	}
	for _, pb := range opinion.Check(p.Opinion, p, &r, pol).Problems {
		out = append(out, Problem{CodeOpinion, "鉴定意见未通过检查：" + pb.Message})
	}
	for _, m := range r.Materials {
		if !needsScan(m.Code) || hasScan(p, m.Code) {
			continue
		}
		out = append(out, Problem{CodeMaterialMissing, fmt.Sprintf("缺少“%s”的扫描件（通知%s，%s）：请在人员的“材料”中添加",
			materialLabel(m.Code), m.Clause, m.Copies)})
	}
	return out
}

// needsScan: every material is a scanned paper except the 申报表, which
// the bundle generates itself.
func needsScan(code string) bool { return code != rules.MaterialForm }

func hasScan(p *model.Person, code string) bool {
	for _, a := range p.Attachments {
		if a.Material == code {
			return true
		}
	}
	return false
}

func (pr *prepared) batchProblems(in *Input) {
	if len(pr.people) == 0 {
		pr.add(CodeNoPeople, "没有要导出的人员：请先录入或导入人员，或不要排除全部人员")
	}
	var missing []string
	for _, f := range []struct{ v, name string }{{in.Unit.Name, "单位名称"}, {in.Unit.Contact, "联系人"}, {in.Unit.Phone, "联系电话"}} {
		if strings.TrimSpace(f.v) == "" {
			missing = append(missing, f.name)
		}
	}
	if len(missing) > 0 {
		pr.add(CodeUnitIncomplete, "单位信息缺少%s：请在“单位与批次”中填写（公示和申报表要用）", strings.Join(missing, "、"))
	}
	for _, fe := range policy.Validate(in.Batch.Policy) {
		pr.add(CodePolicyInvalid, "批次政策的“%s”有误：%s", fe.Field, fe.Message)
	}
	first := map[string]int{}
	for i := range pr.people {
		k := idKey(pr.people[i].IDNumber)
		if k == "" {
			continue
		}
		if j, ok := first[k]; ok {
			pr.add(CodeDuplicateID, "身份证号码 %s 出现两次：第%d人 %s 和第%d人 %s，请删除重复的人员",
				model.MaskID(k), pr.checks[j].No, pr.checks[j].Name, pr.checks[i].No, pr.checks[i].Name)
			continue
		}
		first[k] = i
	}
}

// publicityProblems checks 五(三): at least PublicityWorkdays working days
// of publicity, the unit signing only after it ends, and signing early
// enough for the papers to reach the centre within the window (六).
func (pr *prepared) publicityProblems(in *Input) {
	pub, pol, cal := in.Batch.Publicity, &in.Batch.Policy, in.calendar()
	if pub.Start.IsZero() {
		pr.add(CodePublicityNotSet, "未安排公示：请在“公示”中填写公示开始日期（通知五(三)，公示不少于%d个工作日，期满后单位方可签字盖章）",
			max(pol.PublicityWorkdays, 1))
		return
	}
	plan := publicity.Plan(cal, pub.Start, pol)
	if plan.End.IsZero() {
		for _, w := range plan.Warnings {
			pr.add(CodePublicityNotSet, "%s", w.Message)
		}
		return
	}
	pr.plan, pr.hasPlan = plan, true
	for _, w := range plan.Warnings {
		if w.Code != publicity.CodeSignAfterWindow {
			pr.report.Warnings = append(pr.report.Warnings, Problem{w.Code, w.Message})
		}
	}
	end := pub.End
	if end.IsZero() {
		end = plan.End
	}
	if end.Before(plan.End) {
		pr.add(CodePublicityShort, "公示期%s至%s不足%d个工作日（通知五(三)）：应公示到%s",
			plan.Start.Chinese(), end.Chinese(), plan.Workdays, plan.End.Chinese())
		end = plan.End
	}
	sign := pub.SignOn
	if sign.IsZero() {
		sign = cal.NextWorkday(end)
	}
	if !sign.After(end) {
		pr.add(CodeSignTooEarly, "签字盖章日期%s不晚于公示期最后一天%s：须公示期满后方可签字盖章（通知五(三)），最早%s",
			sign.Chinese(), end.Chinese(), cal.NextWorkday(end).Chinese())
		sign = cal.NextWorkday(end)
	}
	if we := pol.WindowEnd; !we.IsZero() && sign.After(we) {
		pr.add(CodeSignAfterWindow, "公示期满后最早%s才能签字盖章，已晚于申报截止日%s（通知六），纸质材料将无法在申报期内报送；最晚应于%s开始公示",
			sign.Chinese(), we.Chinese(), plan.LatestStart.Chinese())
	}
	if today := model.DateOf(in.now()); !today.After(end) {
		pr.add(CodePublicityNotEnded, "公示期到%s才结束，今天（%s）尚未期满：公示情况说明须期满后出具，%s起方可签字盖章并报送",
			end.Chinese(), today.Chinese(), sign.Chinese())
	}
	o := strings.TrimSpace(pub.Result)
	if o != "" && o != pdfgen.NoObjection && strings.TrimSpace(pub.Handled) == "" {
		pr.add(CodeObjectionsUnhandled, "公示期间有异议（%s），请在“公示”中填写处理情况后再导出", o)
	}
	if o == "" {
		o = pdfgen.NoObjection
	}
	pr.pub = model.Publicity{Start: plan.Start, End: end, SignOn: sign, Result: o, Handled: strings.TrimSpace(pub.Handled)}
}
