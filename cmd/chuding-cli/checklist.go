package main

import (
	"flag"

	"chuding/pdfgen"
)

func init() {
	register(command{
		name:    "checklist",
		usage:   "PEOPLE_FILE --out DIR [--id 身份证号] [--policy FILE] [--font FILE.ttf]",
		summary: "为每人生成申报材料清单PDF（序号_姓名_材料清单.pdf），供单位核对原件",
		run:     runChecklist,
	})
}

const checklistUsage = "用法：chuding-cli checklist 人员.json --out 输出文件夹 [--id 身份证号]"

func runChecklist(e *env, args []string) int {
	a, err := formParse("checklist", checklistUsage, args, func(fs *flag.FlagSet, a *formArgs) {
		fs.StringVar(&a.id, "id", "", "")
	})
	if err != nil {
		return fail(e, "%v", err)
	}
	in, code := formLoad(e, a)
	if code != 0 {
		return code
	}
	opt := pdfgen.ChecklistOptions{Policy: &in.policy, Fonts: in.fonts}
	w := formWriter{e: e, out: a.out, doc: "材料清单"}
	for _, i := range in.picked {
		p, r := &in.people[i], in.results[i]
		pdf, err := pdfgen.Checklist(p, r, opt)
		var draft []string
		if !r.Eligible && len(r.Reasons) > 0 {
			draft = []string{"不符合初定条件：" + r.Reasons[0].Message}
		}
		if err := w.write(i, p, pdf, err, draft); err != nil {
			return w.finish(err)
		}
	}
	return w.finish(nil)
}
