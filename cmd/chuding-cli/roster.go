package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"chuding/model"
	"chuding/pdfgen"
)

func init() {
	register(command{
		name: "roster",
		usage: "PEOPLE_FILE --out FILE.pdf [--policy FILE] [--unit 单位名称] [--contact 经办人] [--phone 电话]" +
			" [--date YYYY-MM-DD] [--font FILE.ttf]",
		summary: "生成全批次的申报人员汇总表PDF（A4横向），供单位存档",
		run:     runRoster,
	})
}

const rosterUsage = "用法：chuding-cli roster 人员.json --out 汇总表.pdf [--unit 单位名称]"

func runRoster(e *env, args []string) int {
	var unit model.Unit
	var date string
	a, err := formParse("roster", rosterUsage, args, func(fs *flag.FlagSet, a *formArgs) {
		fs.StringVar(&unit.Name, "unit", "", "")
		fs.StringVar(&unit.Contact, "contact", "", "")
		fs.StringVar(&unit.Phone, "phone", "", "")
		fs.StringVar(&date, "date", "", "")
	})
	if err != nil {
		return fail(e, "%v", err)
	}
	if !strings.EqualFold(filepath.Ext(a.out), ".pdf") {
		return fail(e, "--out 应是 .pdf 文件，现为“%s”", a.out)
	}
	in, code := formLoad(e, a)
	if code != 0 {
		return code
	}
	if unit.Name == "" {
		unit.Name = rosterCommonUnit(in.people)
	}
	opt := pdfgen.RosterOptions{Unit: unit, Policy: &in.policy, Fonts: in.fonts}
	if date != "" {
		if opt.Date, err = draftDay("--date", date); err != nil {
			return fail(e, "%v", err)
		}
	}
	pdf, err := pdfgen.Roster(in.people, in.results, opt)
	if err != nil {
		return fail(e, "汇总表未生成：%v", err)
	}
	if dir := filepath.Dir(a.out); dir != "." {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			fmt.Fprintf(e.stderr, "错误：无法创建文件夹 %s：%v\n", dir, err)
			return 1
		}
	}
	if err := pdfgen.WriteFileBytes(a.out, pdf); err != nil {
		fmt.Fprintf(e.stderr, "错误：%v\n", err)
		return 1
	}
	eligible := 0
	for _, r := range in.results {
		if r.Eligible {
			eligible++
		}
	}
	fmt.Fprintf(e.stdout, "已生成 %s：共 %d 人，其中符合初定条件 %d 人\n", a.out, len(in.people), eligible)
	return 0
}

// rosterCommonUnit is the employer everyone shares, or "" for a mixed
// batch (a personnel agency's), whose unit must then be given with --unit.
func rosterCommonUnit(people []model.Person) string {
	unit := strings.TrimSpace(people[0].Unit)
	for _, p := range people[1:] {
		if strings.TrimSpace(p.Unit) != unit {
			return ""
		}
	}
	return unit
}
