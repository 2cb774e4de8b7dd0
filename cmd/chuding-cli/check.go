package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/width"

	"chuding/model"
	"chuding/model/rules"
)

func init() {
	register(command{
		name:    "check",
		usage:   "[--policy FILE] [--cutoff YYYY-MM-DD] [--json] PEOPLE_FILE",
		summary: "按批次政策逐人判定能否申报初定、级别与职称，列出原因（引用通知条款）和需提交的材料",
		run:     runCheck,
	})
}

// checkOptions are the parsed arguments of check.
type checkOptions struct {
	policy, cutoff, people string
	json                   bool
}

// checkResultJSON is one person in the --json output; the keys are fixed
// by issue 3. Materials are codes (FORM, CE_SUMMARY, ...), which other
// tools key on.
type checkResultJSON struct {
	IDNumber  string          `json:"id_number"`
	Name      string          `json:"name"`
	Eligible  bool            `json:"eligible"`
	Level     string          `json:"level"`
	Title     string          `json:"title"`
	Reasons   []model.Finding `json:"reasons"`
	Warnings  []model.Finding `json:"warnings"`
	Materials []string        `json:"materials"`
}

func runCheck(e *env, args []string) int {
	opts, err := checkParseArgs(args)
	if err != nil {
		return fail(e, "%v", err)
	}
	pol, err := loadPolicy(opts.policy)
	if err != nil {
		return fail(e, "%v", err)
	}
	if opts.cutoff != "" {
		if pol.Cutoff, err = checkCutoff(opts.cutoff); err != nil {
			return fail(e, "%v", err)
		}
	}
	people, err := loadPeople(opts.people)
	if err != nil {
		return fail(e, "%v", err)
	}
	results := make([]model.Result, len(people))
	for i := range people {
		results[i] = rules.Evaluate(&people[i], &pol)
	}
	return output(e, func(w io.Writer) error {
		if opts.json {
			return checkWriteJSON(w, people, results)
		}
		checkWriteTable(w, &pol, people, results)
		return nil
	})
}

const checkUsage = "用法：chuding-cli check [--policy 政策.json] [--cutoff 2025-06-30] [--json] 人员.json"

// checkParseArgs accepts flags before and after the file name, as
// officers type them in either order.
func checkParseArgs(args []string) (checkOptions, error) {
	var o checkOptions
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.StringVar(&o.policy, "policy", "", "")
	fs.StringVar(&o.cutoff, "cutoff", "", "")
	fs.BoolVar(&o.json, "json", false, "")
	files, err := parseArgs(fs, args, checkUsage)
	if err != nil {
		return o, err
	}
	switch len(files) {
	case 0:
		return o, errors.New("缺少人员文件。" + checkUsage)
	case 1:
		o.people = files[0]
		return o, nil
	}
	return o, fmt.Errorf("只能检查一个人员文件，现给出了%d个：%s", len(files), strings.Join(files, "、"))
}

// checkCutoff reads --cutoff: a full day, since seniority is counted to the day.
func checkCutoff(s string) (model.Date, error) {
	d, err := model.ParseDate(s)
	switch {
	case err != nil:
		return model.Date{}, fmt.Errorf("--cutoff：%v", err)
	case d.Approx || d.IsZero():
		return model.Date{}, fmt.Errorf("--cutoff 须精确到日，例如 2025-06-30，现为“%s”", s)
	}
	return d, nil
}

// checkWriteJSON streams {"results":[...]} one person at a time, so a
// large batch never sits in memory twice; the bytes are those of encoding
// the whole object with a two-space indent.
func checkWriteJSON(w io.Writer, people []model.Person, results []model.Result) error {
	if len(results) == 0 {
		_, err := io.WriteString(w, "{\n  \"results\": []\n}\n")
		return err
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("    ", "  ")
	io.WriteString(w, "{\n  \"results\": [\n")
	for i, r := range results {
		codes := make([]string, len(r.Materials))
		for j, m := range r.Materials {
			codes[j] = m.Code
		}
		buf.Reset()
		buf.WriteString("    ")
		if err := enc.Encode(checkResultJSON{
			IDNumber: people[i].IDNumber, Name: people[i].Name, Eligible: r.Eligible,
			Level: r.Level, Title: r.Title, Reasons: checkNonNil(r.Reasons),
			Warnings: checkNonNil(r.Warnings), Materials: codes,
		}); err != nil {
			return err
		}
		buf.Truncate(buf.Len() - 1) // Encode's newline
		if i < len(results)-1 {
			buf.WriteByte(',')
		}
		buf.WriteByte('\n')
		if _, err := w.Write(buf.Bytes()); err != nil {
			return err
		}
	}
	_, err := io.WriteString(w, "  ]\n}\n")
	return err
}

func checkNonNil(fs []model.Finding) []model.Finding {
	if fs == nil {
		return []model.Finding{}
	}
	return fs
}

// checkWriteTable prints one aligned row per person, then a line per reason
// (原因) and warning (提示), the materials of eligible people, and a total.
func checkWriteTable(w io.Writer, pol *model.Policy, people []model.Person, results []model.Result) {
	fmt.Fprintf(w, "批次政策：%s　资历计算截止：%s　申报时间：%s至%s\n\n",
		pol.Name, pol.Cutoff.Chinese(), pol.WindowStart.Chinese(), pol.WindowEnd.Chinese())
	rows := [][]string{{"序号", "姓名", "身份证号码", "申报系列", "结论", "级别", "职称"}}
	eligible := 0
	for i, r := range results {
		verdict := "不可申报"
		if r.Eligible {
			verdict = "可申报"
			eligible++
		}
		rows = append(rows, []string{fmt.Sprint(i + 1), people[i].Name, model.MaskID(people[i].IDNumber),
			people[i].Series, verdict, r.Level, r.Title})
	}
	widths := checkColumnWidths(rows)
	checkWriteRow(w, rows[0], widths)
	for i, r := range results {
		checkWriteRow(w, rows[i+1], widths)
		for _, f := range r.Reasons {
			fmt.Fprintf(w, "    原因 [%s] %s\n", f.Clause, f.Message)
		}
		for _, f := range r.Warnings {
			fmt.Fprintf(w, "    提示 [%s] %s\n", f.Clause, f.Message)
		}
		if r.Eligible {
			names := make([]string, len(r.Materials))
			for j, m := range r.Materials {
				names[j] = rules.ShortName(m.Code)
			}
			fmt.Fprintf(w, "    材料：%s\n", strings.Join(names, "、"))
		}
	}
	fmt.Fprintf(w, "\n共%d人：可申报%d人，不可申报%d人。\n", len(results), eligible, len(results)-eligible)
}

func checkColumnWidths(rows [][]string) []int {
	widths := make([]int, len(rows[0]))
	for _, row := range rows {
		for i, cell := range row {
			widths[i] = max(widths[i], checkDisplayWidth(cell))
		}
	}
	return widths
}

func checkWriteRow(w io.Writer, row []string, widths []int) {
	var b strings.Builder
	for i, cell := range row {
		b.WriteString(cell)
		if i < len(row)-1 {
			b.WriteString(strings.Repeat(" ", widths[i]-checkDisplayWidth(cell)+2))
		}
	}
	fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
}

// checkDisplayWidth counts terminal columns: Chinese characters and
// full-width forms take two.
func checkDisplayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}
