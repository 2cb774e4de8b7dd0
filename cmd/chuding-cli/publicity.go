package main

import (
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"chuding/model"
	"chuding/model/calendar"
	"chuding/model/publicity"
	"chuding/model/rules"
	"chuding/pdfgen"
)

func init() {
	register(command{
		name: "publicity",
		usage: "PEOPLE_FILE --start DATE --unit 单位名称 --contact 联系人 --phone 联系电话 --out 公示.pdf\n" +
			"             [--per-unit] [--all] [--policy 政策.json] [--holidays 年份数据.json ...] [--address 书面意见送达地点]\n" +
			"             [--date 落款日期] [--note 公示情况说明.pdf [--objections 异议情况 --handled 处理情况]]\n" +
			"             --per-unit 每个工作单位单独一份公示（同一 PDF 中各自起页）；--all 连同不符合条件的人员一并公示；\n" +
			"             --note 同时生成公示情况说明（默认“无异议”，落款日期留空待手写）",
		summary: "生成专业技术资格初定公示 PDF（不含身份证号码和电话），并给出公示期和最早签字日",
		run:     runPublicity,
	})
}

// publicityArgs are the parsed flags of the publicity subcommand.
type publicityArgs struct {
	people, start, unit, contact, phone, out string
	perUnit, all                             bool
	policy, address, date                    string
	note, objections, handled                string
	holidays                                 workdaysYearFiles
}

const publicityUsage = "用法：chuding-cli publicity 人员.json --start 2025-06-09 --unit 单位名称 --contact 联系人 --phone 联系电话 --out 公示.pdf"

func runPublicity(e *env, args []string) int {
	a, err := publicityParse(args)
	if err != nil {
		return fail(e, "%s", err)
	}
	start, err := workdaysDate("--start", a.start)
	if err != nil {
		return fail(e, "%s", err)
	}
	var date model.Date
	if a.date != "" {
		if date, err = workdaysDate("--date", a.date); err != nil {
			return fail(e, "%s", err)
		}
	}
	cal, err := a.holidays.calendar()
	if err != nil {
		return fail(e, "%s", err)
	}
	pol, err := loadPolicy(a.policy)
	if err != nil {
		return fail(e, "%s", err)
	}
	people, err := loadPeople(a.people)
	if err != nil {
		return fail(e, "%s", err)
	}

	results := make([]model.Result, len(people))
	for i := range people {
		results[i] = rules.Evaluate(&people[i], &pol)
	}
	plan := publicity.Plan(cal, start, &pol)
	if plan.End.IsZero() {
		return fail(e, "%s", plan.Warnings[0].Message)
	}
	notices := publicityNotices(a, people, results, plan, &pol, date)
	if len(notices) == 0 {
		return fail(e, "“%s”中没有符合初定条件的人员可公示；如需连同不符合条件的人员一并公示，请加 --all", a.people)
	}
	pdf, err := pdfgen.PublicityNotices(notices, nil)
	if err != nil {
		return fail(e, "%s", err)
	}
	if err := pdfgen.WriteFileBytes(a.out, pdf); err != nil {
		fmt.Fprintf(e.stderr, "错误：%v\n", err)
		return 1
	}
	if a.note != "" {
		if code := publicityWriteNote(e, a, notices, plan, &pol); code != 0 {
			return code
		}
	}
	publicityReport(e, a, notices, people, results, plan, cal)
	return 0
}

// publicityParse reads flags given before or after PEOPLE_FILE.
func publicityParse(args []string) (publicityArgs, error) {
	var a publicityArgs
	fs := flag.NewFlagSet("publicity", flag.ContinueOnError)
	for _, s := range []struct {
		p    *string
		name string
	}{{&a.start, "start"}, {&a.unit, "unit"}, {&a.contact, "contact"}, {&a.phone, "phone"}, {&a.out, "out"},
		{&a.policy, "policy"}, {&a.address, "address"}, {&a.date, "date"},
		{&a.note, "note"}, {&a.objections, "objections"}, {&a.handled, "handled"}} {
		fs.StringVar(s.p, s.name, "", "")
	}
	fs.BoolVar(&a.perUnit, "per-unit", false, "")
	fs.BoolVar(&a.all, "all", false, "")
	fs.Var(&a.holidays, "holidays", "")
	positional, err := parseArgs(fs, args, publicityUsage)
	if err != nil {
		return a, err
	}
	switch {
	case len(positional) == 0:
		return a, fmt.Errorf("缺少人员文件。用法：chuding-cli publicity people.json --start 2025-06-03 --unit 单位名称 --contact 联系人 --phone 电话 --out 公示.pdf")
	case len(positional) > 1:
		return a, fmt.Errorf("只能给一个人员文件，多出了“%s”", positional[1])
	}
	a.people = positional[0]
	var missing []string
	for _, r := range []struct{ v, name string }{{a.start, "--start 公示开始日期"}, {a.unit, "--unit 单位名称"},
		{a.contact, "--contact 联系人"}, {a.phone, "--phone 联系电话"}, {a.out, "--out 输出文件"}} {
		if strings.TrimSpace(r.v) == "" {
			missing = append(missing, r.name)
		}
	}
	if len(missing) > 0 {
		return a, fmt.Errorf("缺少%s", strings.Join(missing, "、"))
	}
	for _, p := range []struct{ v, name string }{{a.out, "--out"}, {a.note, "--note"}} {
		if p.v != "" && !strings.EqualFold(filepath.Ext(p.v), ".pdf") {
			return a, fmt.Errorf("%s 应为 .pdf 文件，现为“%s”", p.name, p.v)
		}
	}
	if a.note != "" && filepath.Clean(a.note) == filepath.Clean(a.out) {
		return a, fmt.Errorf("--note 与 --out 不能是同一个文件")
	}
	if a.note == "" && (a.objections != "" || a.handled != "") {
		return a, fmt.Errorf("--objections 和 --handled 用于公示情况说明，请同时给出 --note 文件")
	}
	return a, nil
}

func publicityNotices(a publicityArgs, people []model.Person, results []model.Result,
	plan publicity.PlanResult, pol *model.Policy, date model.Date) []pdfgen.PublicityNotice {
	base := pdfgen.PublicityNotice{Unit: strings.TrimSpace(a.unit), Plan: plan, Contact: strings.TrimSpace(a.contact),
		Phone: strings.TrimSpace(a.phone), Address: strings.TrimSpace(a.address), NoticeTitle: pol.NoticeTitle,
		Date: date, Created: time.Now()}
	if !a.perUnit {
		base.Rows = publicity.Rows(people, results, a.all)
		if len(base.Rows) == 0 {
			return nil
		}
		return []pdfgen.PublicityNotice{base}
	}
	var out []pdfgen.PublicityNotice
	for _, g := range publicity.ByUnit(people, results, a.all) {
		n := base
		n.Rows = g.Rows
		if g.Unit != "" { // people without an employer go under the --unit name
			n.Unit = g.Unit
		}
		out = append(out, n)
	}
	return out
}

func publicityWriteNote(e *env, a publicityArgs, notices []pdfgen.PublicityNotice, plan publicity.PlanResult, pol *model.Policy) int {
	var rows []publicity.Row
	for _, n := range notices {
		rows = append(rows, n.Rows...)
	}
	for i := range rows {
		rows[i].No = i + 1
	}
	o := pdfgen.PublicityOutcome{Unit: strings.TrimSpace(a.unit), Recipient: pol.Centre.Name, Rows: rows, Plan: plan,
		Objections: strings.TrimSpace(a.objections), Handled: strings.TrimSpace(a.handled),
		Phone: strings.TrimSpace(a.phone), NoticeTitle: pol.NoticeTitle, Created: time.Now()}
	pdf, err := pdfgen.PublicityNote(o, nil)
	if err != nil {
		return fail(e, "%s", err)
	}
	if err := pdfgen.WriteFileBytes(a.note, pdf); err != nil {
		fmt.Fprintf(e.stderr, "错误：%v\n", err)
		return 1
	}
	return 0
}

// publicityReport tells the officer what was written, the dates to keep,
// who was left out and why, and the plan's warnings.
func publicityReport(e *env, a publicityArgs, notices []pdfgen.PublicityNotice, people []model.Person,
	results []model.Result, plan publicity.PlanResult, cal *calendar.Calendar) {
	listed := 0
	for _, n := range notices {
		listed += len(n.Rows)
	}
	if a.perUnit {
		fmt.Fprintf(e.stdout, "已生成公示：%s（%d个单位，共%d人）\n", a.out, len(notices), listed)
	} else {
		fmt.Fprintf(e.stdout, "已生成公示：%s（%d人）\n", a.out, listed)
	}
	if a.note != "" {
		fmt.Fprintf(e.stdout, "已生成公示情况说明：%s\n", a.note)
	}
	fmt.Fprintf(e.stdout, "公示时间：%s\n", plan.Period())
	fmt.Fprintf(e.stdout, "最早签字日：%s\n", cal.Day(plan.SignFrom).Describe())
	if !a.all {
		for i, r := range results {
			if r.Eligible {
				continue
			}
			why := "不符合初定条件"
			if len(r.Reasons) > 0 {
				why = r.Reasons[0].Message
			}
			fmt.Fprintf(e.stdout, "未列入公示：%s（%s）\n", people[i].Name, why)
		}
	}
	for _, w := range plan.Warnings {
		kind := "警告"
		if w.Code == publicity.CodeStartMoved {
			kind = "提示"
		}
		fmt.Fprintf(e.stderr, "%s（%s）：%s\n", kind, w.Clause, w.Message)
	}
}
