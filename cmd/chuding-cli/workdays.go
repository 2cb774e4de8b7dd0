package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"chuding/model"
	"chuding/model/calendar"
)

func init() {
	register(command{
		name:    "workdays",
		usage:   "--start YYYY-MM-DD --days N [--json] [--holidays 年份数据.json ...]",
		summary: "按法定节假日和调休计算 N 个工作日的截止日（公示期），--json 另给出每个工作日和最早签字日",
		run:     runWorkdays,
	})
}

// maxWorkdays bounds --days: a year has about 250 working days.
const maxWorkdays = 366

// workdaysJSON is the --json output; the keys are fixed by the issue.
type workdaysJSON struct {
	Start    string   `json:"start"`
	End      string   `json:"end"`
	Days     []string `json:"days"`
	SignFrom string   `json:"sign_from"`
}

func runWorkdays(e *env, args []string) int {
	fs := flag.NewFlagSet("workdays", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	start := fs.String("start", "", "")
	days := fs.String("days", "", "")
	asJSON := fs.Bool("json", false, "")
	var years workdaysYearFiles
	fs.Var(&years, "holidays", "")
	if err := fs.Parse(args); err != nil {
		return fail(e, "%s", flagError(fs, err))
	}
	if fs.NArg() > 0 {
		return fail(e, "workdays 不需要参数“%s”。用法：chuding-cli workdays --start 2025-06-03 --days 5", fs.Arg(0))
	}
	from, err := workdaysDate("--start", *start)
	if err != nil {
		return fail(e, "%s", err)
	}
	n, err := strconv.Atoi(strings.TrimSpace(*days))
	if err != nil || n < 1 || n > maxWorkdays {
		return fail(e, "--days 应为1到%d之间的整数（工作日数），现为“%s”", maxWorkdays, *days)
	}
	cal, err := years.calendar()
	if err != nil {
		return fail(e, "%s", err)
	}

	first := cal.FirstWorkdayFrom(from)
	end, list := cal.AddWorkdays(first, n)
	sign := cal.NextWorkday(end)
	if !first.Equal(from) {
		fmt.Fprintf(e.stderr, "提示：%s不是工作日，从%s开始计算\n", cal.Day(from).Describe(), cal.Day(first).Describe())
	}
	unknown := cal.UnknownYears(append([]model.Date{from, sign}, list...)...)
	for _, y := range unknown {
		fmt.Fprintf(e.stderr, "提示：%d年%s，该年只按周一至周五计算；可用 --holidays 提供该年的节假日数据\n", y, calendar.UnknownYearNote)
	}

	if *asJSON {
		out := workdaysJSON{Start: first.String(), End: end.String(), SignFrom: sign.String(), Days: make([]string, len(list))}
		for i, d := range list {
			out.Days[i] = d.String()
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			fmt.Fprintf(e.stderr, "错误：%v\n", err)
			return 1
		}
		return 0
	}
	line := end.String()
	if note := cal.Note(end); note != "" {
		line += "\t" + note
	}
	fmt.Fprintln(e.stdout, line)
	return 0
}

// workdaysDate reads a day given on the command line; a month alone is not
// a day.
func workdaysDate(flagName, s string) (model.Date, error) {
	if strings.TrimSpace(s) == "" {
		return model.Date{}, fmt.Errorf("缺少 %s，请写成 2025-06-03 的形式", flagName)
	}
	d, err := model.ParseDate(s)
	if err != nil {
		return model.Date{}, fmt.Errorf("%s：%v", flagName, err)
	}
	if d.Approx {
		return model.Date{}, fmt.Errorf("%s 须精确到日，例如 2025-06-03，现为“%s”", flagName, s)
	}
	return d, nil
}

// workdaysYearFiles collects --holidays files: years of holiday data added
// to (or replacing) the embedded ones.
type workdaysYearFiles []string

func (y *workdaysYearFiles) String() string { return strings.Join(*y, ",") }

func (y *workdaysYearFiles) Set(path string) error {
	*y = append(*y, path)
	return nil
}

func (y workdaysYearFiles) calendar() (*calendar.Calendar, error) {
	if len(y) == 0 {
		return calendar.Default(), nil
	}
	var years []calendar.YearData
	for _, path := range y {
		f, err := os.Open(path)
		if err != nil {
			return nil, fmt.Errorf("无法打开节假日数据文件“%s”：%v", path, workdaysOpenReason(err))
		}
		data, err := calendar.ParseYear(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("节假日数据文件“%s”：%v", path, err)
		}
		years = append(years, data)
	}
	return calendar.New(years...)
}

func workdaysOpenReason(err error) string {
	switch {
	case errors.Is(err, os.ErrNotExist):
		return "文件不存在"
	case errors.Is(err, os.ErrPermission):
		return "没有读取权限"
	}
	return err.Error()
}
