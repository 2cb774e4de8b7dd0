package main

import (
	"flag"
	"fmt"
	"strings"

	"chuding/model/sheet"
)

func init() {
	register(command{
		name:    "template",
		usage:   "--out 模板.xlsx [--policy FILE]",
		summary: "生成Excel人员名单模板（每人一行，含下拉选项、示例行和填写说明），年度考核列按批次政策的资历截止年份",
		run:     runTemplate,
	})
}

const templateUsage = "用法：chuding-cli template --out 模板.xlsx [--policy FILE]"

func runTemplate(e *env, args []string) int {
	fs := flag.NewFlagSet("template", flag.ContinueOnError)
	out := fs.String("out", "", "")
	policyPath := fs.String("policy", "", "")
	rest, err := parseArgs(fs, args, templateUsage)
	if err != nil {
		return fail(e, "%v。%s", err, templateUsage)
	}
	if len(rest) > 0 {
		return fail(e, "多余的参数“%s”。%s", strings.Join(rest, " "), templateUsage)
	}
	if strings.TrimSpace(*out) == "" {
		return fail(e, "请用 --out 指定模板保存到哪里，例如：chuding-cli template --out 模板.xlsx")
	}
	if kind, err := sheet.KindOf(*out); err != nil || kind != sheet.KindXLSX {
		return fail(e, "模板是Excel工作簿，--out 的文件名应以 .xlsx 结尾（现为“%s”）", *out)
	}
	pol, err := loadPolicy(*policyPath)
	if err != nil {
		return fail(e, "%v", err)
	}
	years := sheet.YearsFor(&pol)
	if err := sheet.WriteTemplateFile(*out, years); err != nil {
		fmt.Fprintf(e.stderr, "错误：%v\n", err)
		return 1
	}
	fmt.Fprintf(e.stdout, "已生成模板：%s\n“人员”表每人填一行，含%d—%d年度考核和继续教育列（%s政策）；填写方法见“填写说明”表。\n",
		*out, years[0], years[len(years)-1], pol.Name)
	return 0
}
