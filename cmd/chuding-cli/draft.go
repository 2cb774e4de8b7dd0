package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"chuding/model"
	"chuding/model/calendar"
	"chuding/model/opinion"
	"chuding/model/publicity"
	"chuding/model/rules"
)

func init() {
	register(command{
		name: "draft",
		usage: "PEOPLE_FILE --id 身份证号 [--policy FILE] [--publicity-start YYYY-MM-DD [--publicity-end YYYY-MM-DD]]" +
			" [--publicity-result 无异议]",
		summary: "按人员数据起草鉴定意见初稿，【请填写：…】处须由单位填写真实情况",
		run:     runDraft,
	})
}

// draftOptions are the parsed arguments of draft.
type draftOptions struct {
	people, id, policy          string
	pubStart, pubEnd, pubResult string
}

const draftUsage = "用法：chuding-cli draft 人员.json --id 身份证号 [--publicity-start 2025-06-09]"

func runDraft(e *env, args []string) int {
	o, err := draftParseArgs(args)
	if err != nil {
		return fail(e, "%v", err)
	}
	pol, err := loadPolicy(o.policy)
	if err != nil {
		return fail(e, "%v", err)
	}
	people, err := loadPeople(o.people)
	if err != nil {
		return fail(e, "%v", err)
	}
	p, err := draftFind(people, o.id, o.people)
	if err != nil {
		return fail(e, "%v", err)
	}
	pub, notes, err := draftPublicity(o, &pol)
	if err != nil {
		return fail(e, "%v", err)
	}
	r := rules.Evaluate(p, &pol)
	text := opinion.Draft(p, &r, pub)
	if code := output(e, func(w io.Writer) error { _, err := fmt.Fprintln(w, text); return err }); code != 0 {
		return code
	}
	for _, n := range notes {
		fmt.Fprintln(e.stderr, "提示："+n)
	}
	if !r.Eligible {
		fmt.Fprintf(e.stderr, "注意：按%s政策，%s目前不能初定：\n", pol.Name, p.Name)
		for _, f := range r.Reasons {
			fmt.Fprintf(e.stderr, "  - %s（通知%s）\n", f.Message, f.Clause)
		}
	}
	if n := strings.Count(text, "【"); n > 0 {
		fmt.Fprintf(e.stderr, "提示：初稿中有%d处【…】须由单位按实际情况填写或核实；填写后可用 chuding-cli opinion --name %s 检查。\n", n, p.Name)
	}
	return 0
}

// draftParseArgs accepts flags before and after the people file.
func draftParseArgs(args []string) (draftOptions, error) {
	var o draftOptions
	fs := flag.NewFlagSet("draft", flag.ContinueOnError)
	fs.StringVar(&o.id, "id", "", "")
	fs.StringVar(&o.policy, "policy", "", "")
	fs.StringVar(&o.pubStart, "publicity-start", "", "")
	fs.StringVar(&o.pubEnd, "publicity-end", "", "")
	fs.StringVar(&o.pubResult, "publicity-result", "", "")
	files, err := parseArgs(fs, args, draftUsage)
	if err != nil {
		return o, err
	}
	switch {
	case len(files) == 0:
		return o, errors.New("缺少人员文件。" + draftUsage)
	case len(files) > 1:
		return o, fmt.Errorf("只能给一个人员文件，多出了“%s”。%s", files[1], draftUsage)
	case strings.TrimSpace(o.id) == "":
		return o, errors.New("缺少 --id：请给出要起草鉴定意见的人员的身份证号。" + draftUsage)
	case o.pubStart == "" && (o.pubEnd != "" || o.pubResult != ""):
		return o, errors.New("--publicity-end 和 --publicity-result 须与 --publicity-start 一起使用")
	}
	o.people = files[0]
	return o, nil
}

// draftFind returns the person with the ID number (case of the final X
// ignored). Messages mask the number (model.MaskID).
func draftFind(people []model.Person, id, file string) (*model.Person, error) {
	want := strings.ToUpper(strings.TrimSpace(id))
	for i := range people {
		if strings.ToUpper(strings.TrimSpace(people[i].IDNumber)) == want {
			return &people[i], nil
		}
	}
	return nil, fmt.Errorf("人员文件 %s 中没有身份证号为 %s 的人员，请核对 --id", file, model.MaskID(want))
}

// draftPublicity builds the publicity the draft states (五(三)). Without
// --publicity-end the end is counted on the working-day calendar.
func draftPublicity(o draftOptions, pol *model.Policy) (*model.Publicity, []string, error) {
	if o.pubStart == "" {
		return nil, nil, nil
	}
	start, err := draftDay("--publicity-start", o.pubStart)
	if err != nil {
		return nil, nil, err
	}
	pub := &model.Publicity{Start: start, Result: strings.TrimSpace(o.pubResult)}
	var notes []string
	if o.pubEnd != "" {
		if pub.End, err = draftDay("--publicity-end", o.pubEnd); err != nil {
			return nil, nil, err
		}
		if pub.End.Before(pub.Start) {
			return nil, nil, fmt.Errorf("--publicity-end %s 早于 --publicity-start %s", pub.End, pub.Start)
		}
		return pub, notes, nil
	}
	cal, err := calendar.New()
	if err != nil {
		return nil, nil, err
	}
	plan := publicity.Plan(cal, start, pol)
	for _, w := range plan.Warnings {
		notes = append(notes, w.Message)
	}
	if !plan.End.IsZero() {
		pub.Start, pub.End = plan.Start, plan.End
		notes = append(notes, "公示期按工作日计算为"+plan.Period())
	}
	return pub, notes, nil
}

func draftDay(flagName, s string) (model.Date, error) {
	d, err := model.ParseDate(s)
	switch {
	case err != nil:
		return model.Date{}, fmt.Errorf("%s：%v", flagName, err)
	case d.Approx:
		return model.Date{}, fmt.Errorf("%s 须精确到日，例如 2025-06-09，现为“%s”", flagName, s)
	}
	return d, nil
}
