package main

import (
	"fmt"

	"chuding/pdfgen/bundle"
)

func init() {
	register(command{
		name: "verify",
		usage: "上报包.zip\n" +
			"             退出码：0 完好；1 有问题（逐条列出：文件缺失、多出、被修改或损坏，清单有误）；2 参数有误或文件无法打开",
		summary: "核验上报包：按 manifest.json 逐个文件核对大小和 SHA-256，检查缺失、多出的文件和清单格式",
		run:     runVerify,
	})
}

func runVerify(e *env, args []string) int {
	switch {
	case len(args) == 0:
		return fail(e, "缺少上报包文件。用法：chuding-cli verify 上报包.zip")
	case len(args) > 1:
		return fail(e, "只能核验一个上报包，多出了“%s”。用法：chuding-cli verify 上报包.zip", args[1])
	case len(args[0]) > 1 && args[0][0] == '-':
		return fail(e, "verify 没有参数 %s。用法：chuding-cli verify 上报包.zip", args[0])
	}
	path := args[0]
	res, err := bundle.Verify(path)
	if err != nil {
		return fail(e, "%v", err)
	}
	if !res.OK() {
		fmt.Fprintf(e.stdout, "上报包有问题：%s（发现%d个问题）\n", path, len(res.Problems))
		for _, p := range res.Problems {
			fmt.Fprintln(e.stdout, "  "+p)
		}
		if res.Checked > 0 {
			fmt.Fprintf(e.stdout, "其余%d个文件核对无误。请重新导出上报包，不要手工修改其中的文件。\n", res.Checked)
		}
		return 1
	}
	m := res.Manifest
	fmt.Fprintf(e.stdout, "上报包完好：%s\n", path)
	fmt.Fprintf(e.stdout, "批次：%s　单位：%s　人数：%d　文件：%d个已核对（SHA-256）\n",
		m.Batch.Name, m.Unit.Name, m.Counts.People, res.Checked)
	fmt.Fprintf(e.stdout, "生成时间：%s　生成程序：%s %s\n", m.Created.Format("2006-01-02 15:04"), m.App.Name, m.App.Version)
	if m.Draft {
		fmt.Fprintf(e.stdout, "注意：这是草稿，不能直接报送（导出时有%d个问题未解决）：\n", len(m.DraftReasons))
		for _, r := range m.DraftReasons {
			fmt.Fprintln(e.stdout, "  "+r)
		}
	}
	return 0
}
