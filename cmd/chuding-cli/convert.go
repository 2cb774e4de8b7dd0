package main

import (
	"flag"
	"fmt"

	"chuding/model"
	"chuding/model/rules"
	"chuding/model/sheet"
)

func init() {
	register(command{
		name:    "convert",
		usage:   "[--policy FILE] IN OUT   （IN、OUT 为 .json 人员文件、.xlsx 或 .csv）",
		summary: "在人员JSON文件、Excel（.xlsx）和CSV之间转换；转成.xlsx时附审核结果；表格有错误时逐行列出，不写输出",
		run:     runConvert,
	})
}

const convertUsage = "用法：chuding-cli convert 输入文件 输出文件，例如 chuding-cli convert 名单.xlsx 名单.json"

func runConvert(e *env, args []string) int {
	fs := flag.NewFlagSet("convert", flag.ContinueOnError)
	policyPath := fs.String("policy", "", "")
	paths, err := parseArgs(fs, args, convertUsage)
	if err == nil && len(paths) != 2 {
		err = fmt.Errorf("需要输入和输出两个文件，现有%d个", len(paths))
	}
	if err != nil {
		return fail(e, "%v。%s", err, convertUsage)
	}
	in, out := paths[0], paths[1]
	for _, p := range paths {
		if _, err := sheet.KindOf(p); err != nil {
			return fail(e, "%v", err)
		}
	}
	if sameFile(in, out) {
		return fail(e, "输入和输出是同一个文件“%s”，请另给一个输出文件名", out)
	}
	people, pv, err := sheet.ReadPeopleFile(in)
	if err != nil {
		return fail(e, "%v", err)
	}
	if pv != nil {
		if !pv.OK() {
			fmt.Fprintf(e.stderr, "错误：%s 有问题，未生成 %s。\n%s", in, out, pv.Report())
			return 2
		}
		for _, n := range pv.Notes {
			fmt.Fprintf(e.stderr, "提示：%s\n", n)
		}
	}
	var results []model.Result
	if kind, _ := sheet.KindOf(out); kind == sheet.KindXLSX {
		pol, err := loadPolicy(*policyPath)
		if err != nil {
			return fail(e, "%v", err)
		}
		results = make([]model.Result, len(people))
		for i := range people {
			results[i] = rules.Evaluate(&people[i], &pol)
		}
	}
	if err := sheet.WriteFile(out, people, results); err != nil {
		fmt.Fprintf(e.stderr, "错误：%v\n", err)
		return 1
	}
	fmt.Fprintf(e.stdout, "已转换%d人：%s → %s\n", len(people), in, out)
	return 0
}
