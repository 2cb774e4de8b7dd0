package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"chuding/model"
	"chuding/model/publicity"
	"chuding/model/store"
	"chuding/pdfgen/bundle"
)

func init() {
	register(command{
		name: "bundle",
		usage: "PEOPLE_FILE_OR_DB --out 上报包.zip [--batch 批次ID或名称] [--exclude 身份证号或姓名 ...] [--draft]\n" +
			"             [--unit 单位名称] [--unit-kind 单位类型] [--contact 联系人] [--phone 联系电话] [--address 单位地址]\n" +
			"             [--publicity-start DATE [--objections 异议情况 --handled 处理情况]] [--policy 政策.json] [--holidays 年份数据.json ...]\n" +
			"             输入为 .db 数据库（含扫描件，--batch 选批次，只读不改）或人员文件 .json/.xlsx/.csv（不含扫描件）；\n" +
			"             导出前逐人检查，有问题时列出并以退出码 2 结束，不生成文件：可用 --exclude 排除有问题的人员，\n" +
			"             或加 --draft 导出草稿（清单注明草稿，申报表加“草稿”水印）；单位与公示参数覆盖数据库中的设置",
		summary: "导出上报包（zip）：汇总表、公示、公示情况说明、人员文件，每人一个文件夹含申报表、材料清单和扫描件，附 SHA-256 清单",
		run:     runBundle,
	})
}

// bundleArgs are the parsed flags of the bundle subcommand.
type bundleArgs struct {
	input, out, batch                   string
	unit, kind, contact, phone, address string
	start, objections, handled          string
	policy                              string
	draft                               bool
	exclude                             bundleList
	holidays                            workdaysYearFiles
}

const bundleUsage = "用法：chuding-cli bundle chuding.db --batch 2025年上半年 --out 上报包.zip"

func runBundle(e *env, args []string) int {
	a, err := bundleParse(args)
	if err != nil {
		return fail(e, "%s", err)
	}
	in, closeDB, err := bundleInput(a)
	if err != nil {
		return fail(e, "%s", err)
	}
	defer closeDB()
	if in.Exclude, err = bundleExcludes(in.People, a.exclude); err != nil {
		return fail(e, "%s", err)
	}
	rep := bundle.Preflight(in)
	if !rep.OK() && !a.draft {
		fmt.Fprint(e.stderr, rep.String())
		if !bundleIsDB(a.input) && bundleMissesScans(rep) {
			fmt.Fprintln(e.stderr, "人员文件不含扫描件：要导出完整的上报包，请在职称初定助手中添加扫描件后，用数据库（.db）导出。")
		}
		fmt.Fprintln(e.stderr, "未生成上报包。请改正上述问题后重试；也可以用 --exclude 身份证号 排除有问题的人员，或加 --draft 导出草稿（不能直接报送）。")
		return 2
	}

	// Ctrl-C removes the temporary file instead of leaving half an archive.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	m, err := bundle.Write(ctx, in, a.out, bundle.Options{Draft: a.draft}, nil)
	if err != nil {
		fmt.Fprintf(e.stderr, "错误：%v\n", err)
		return 1
	}
	bundleReport(e, a.out, m, rep)
	return 0
}

func bundleMissesScans(rep bundle.Report) bool {
	for _, c := range rep.People {
		for _, p := range c.Problems {
			if p.Code == bundle.CodeMaterialMissing && !c.Excluded {
				return true
			}
		}
	}
	return false
}

// bundleParse reads flags given before or after the input file.
func bundleParse(args []string) (bundleArgs, error) {
	var a bundleArgs
	fs := flag.NewFlagSet("bundle", flag.ContinueOnError)
	for _, s := range []struct {
		p    *string
		name string
	}{{&a.out, "out"}, {&a.batch, "batch"}, {&a.unit, "unit"}, {&a.kind, "unit-kind"}, {&a.contact, "contact"},
		{&a.phone, "phone"}, {&a.address, "address"}, {&a.start, "publicity-start"}, {&a.objections, "objections"},
		{&a.handled, "handled"}, {&a.policy, "policy"}} {
		fs.StringVar(s.p, s.name, "", "")
	}
	fs.BoolVar(&a.draft, "draft", false, "")
	fs.Var(&a.exclude, "exclude", "")
	fs.Var(&a.holidays, "holidays", "")
	positional, err := parseArgs(fs, args, bundleUsage)
	if err != nil {
		return a, err
	}
	switch {
	case len(positional) == 0:
		return a, errors.New("缺少输入：请给出 chuding 数据库（.db）或人员文件（.json/.xlsx/.csv）。" + bundleUsage)
	case len(positional) > 1:
		return a, fmt.Errorf("只能给一个输入文件，多出了“%s”。%s", positional[1], bundleUsage)
	case strings.TrimSpace(a.out) == "":
		return a, errors.New("缺少 --out 上报包文件。" + bundleUsage)
	case !strings.EqualFold(filepath.Ext(a.out), ".zip"):
		return a, fmt.Errorf("--out 应为 .zip 文件，现为“%s”", a.out)
	case a.start == "" && (a.objections != "" || a.handled != ""):
		return a, errors.New("--objections 和 --handled 须与 --publicity-start 一起使用")
	}
	a.input = positional[0]
	if sameFile(a.input, a.out) {
		return a, errors.New("--out 不能与输入文件相同")
	}
	if bundleIsDB(a.input) {
		if a.policy != "" {
			return a, errors.New("数据库中的批次自带政策，不能再用 --policy；如需换政策，请在职称初定助手中修改批次")
		}
	} else if a.batch != "" {
		return a, errors.New("--batch 只用于 .db 数据库；人员文件本身就是一个批次")
	}
	return a, nil
}

func bundleIsDB(path string) bool { return strings.EqualFold(filepath.Ext(path), ".db") }

// bundleInput builds the export from a database (people, scans, unit and
// the batch's policy and publicity) or a people file (no scans; the unit
// and publicity from flags), then applies the flags that override.
func bundleInput(a bundleArgs) (bundle.Input, func(), error) {
	cal, err := a.holidays.calendar()
	if err != nil {
		return bundle.Input{}, func() {}, err
	}
	in := bundle.Input{Calendar: cal}
	closeDB := func() {}
	if bundleIsDB(a.input) {
		if closeDB, err = bundleFromDB(a, &in); err != nil {
			return in, func() {}, err
		}
	} else if err := bundleFromFile(a, &in); err != nil {
		return in, closeDB, err
	}
	for _, f := range []struct {
		dst *string
		v   string
	}{{&in.Unit.Name, a.unit}, {&in.Unit.Kind, a.kind}, {&in.Unit.Contact, a.contact}, {&in.Unit.Phone, a.phone},
		{&in.Unit.Address, a.address}} {
		if v := strings.TrimSpace(f.v); v != "" {
			*f.dst = v
		}
	}
	if a.start != "" {
		start, err := workdaysDate("--publicity-start", a.start)
		if err != nil {
			closeDB()
			return in, func() {}, err
		}
		pub := publicity.Plan(cal, start, &in.Batch.Policy).Record()
		pub.Result, pub.Handled = strings.TrimSpace(a.objections), strings.TrimSpace(a.handled)
		in.Batch.Publicity = pub
	}
	return in, closeDB, nil
}

// bundleFromDB opens the database for reading only: no backup is made
// and nothing is written (the export must never touch it).
func bundleFromDB(a bundleArgs, in *bundle.Input) (func(), error) {
	if _, err := os.Stat(a.input); err != nil { // store.Open would create it
		return nil, fmt.Errorf("无法打开数据库“%s”：%s", a.input, workdaysOpenReason(err))
	}
	s, err := store.Open(a.input, store.Options{NoBackup: true})
	if err != nil {
		return nil, fmt.Errorf("无法打开数据库“%s”：%w", a.input, err)
	}
	fail := func(err error) (func(), error) {
		s.Close()
		return nil, err
	}
	batch, err := bundlePickBatch(s, a.batch)
	if err != nil {
		return fail(err)
	}
	if in.Unit, err = s.Unit(); err != nil {
		return fail(err)
	}
	if in.People, err = s.People(batch.ID); err != nil {
		return fail(err)
	}
	in.Batch, in.Attachment = batch, s.Attachment
	return func() { s.Close() }, nil
}

// bundlePickBatch finds the batch by ID or name; without --batch the only
// batch of the database.
func bundlePickBatch(s *store.Store, want string) (model.Batch, error) {
	batches, err := s.Batches()
	if err != nil {
		return model.Batch{}, err
	}
	if len(batches) == 0 {
		return model.Batch{}, errors.New("数据库中还没有批次：请先在职称初定助手中新建批次并录入人员")
	}
	want = strings.TrimSpace(want)
	var found []model.Batch
	for _, b := range batches {
		if b.ID == want {
			return b, nil
		}
		if want == "" || b.Name == want {
			found = append(found, b)
		}
	}
	if len(found) == 1 {
		return found[0], nil
	}
	var list []string
	for _, b := range batches {
		list = append(list, fmt.Sprintf("%s（%s）", b.ID, b.Name))
	}
	switch {
	case want == "":
		return model.Batch{}, fmt.Errorf("数据库中有%d个批次，请用 --batch 指定：%s", len(batches), strings.Join(list, "、"))
	case len(found) == 0:
		return model.Batch{}, fmt.Errorf("数据库中没有批次“%s”；现有批次：%s", want, strings.Join(list, "、"))
	}
	return model.Batch{}, fmt.Errorf("有%d个批次名为“%s”，请用批次ID指定：%s", len(found), want, strings.Join(list, "、"))
}

func bundleFromFile(a bundleArgs, in *bundle.Input) error {
	pol, err := loadPolicy(a.policy)
	if err != nil {
		return err
	}
	if in.People, err = loadPeople(a.input); err != nil {
		return err
	}
	in.Batch = model.Batch{Name: pol.Name, Policy: pol}
	return nil
}

// bundleList collects a repeatable flag.
type bundleList []string

func (l *bundleList) String() string { return strings.Join(*l, ",") }

func (l *bundleList) Set(v string) error {
	*l = append(*l, v)
	return nil
}

// bundleExcludes turns each --exclude (an ID number or a name) into the
// ID number to leave out.
func bundleExcludes(people []model.Person, args []string) ([]string, error) {
	var ids []string
	for _, arg := range args {
		key := strings.ToUpper(strings.TrimSpace(arg))
		var match []model.Person
		for _, p := range people {
			if strings.ToUpper(strings.TrimSpace(p.IDNumber)) == key || strings.TrimSpace(p.Name) == strings.TrimSpace(arg) {
				match = append(match, p)
			}
		}
		switch len(match) {
		case 0:
			return nil, fmt.Errorf("--exclude “%s”不是本批次中任何人员的身份证号码或姓名", bundleMaskArg(arg))
		case 1:
			ids = append(ids, match[0].IDNumber)
		default:
			var who []string
			for _, p := range match {
				who = append(who, model.MaskID(p.IDNumber))
			}
			return nil, fmt.Errorf("本批次有%d人名为“%s”（%s），请用身份证号码排除", len(match), arg, strings.Join(who, "、"))
		}
	}
	return ids, nil
}

// bundleMaskArg masks what looks like an ID number before printing it.
func bundleMaskArg(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 15 && strings.Trim(s, "0123456789Xx") == "" {
		return model.MaskID(s)
	}
	return s
}

// bundleReport tells what was written: the file, the counts, a draft's
// reasons and any warnings.
func bundleReport(e *env, out string, m bundle.Manifest, rep bundle.Report) {
	kind := "上报包"
	if m.Draft {
		kind = "上报包（草稿）"
	}
	fmt.Fprintf(e.stdout, "已生成%s：%s\n", kind, out)
	fmt.Fprintf(e.stdout, "批次：%s　单位：%s　人数：%d（排除%d人）　扫描件：%d个　文件：%d个，共%.1f MB\n",
		m.Batch.Name, m.Unit.Name, m.Counts.People, m.Counts.Excluded, m.Counts.Attachments,
		m.Counts.Files+1, float64(m.Counts.Bytes)/(1<<20))
	for _, p := range m.People {
		fmt.Fprintf(e.stdout, "  %s　%s　%s\n", p.Folder, p.ID, bundleVerdict(p))
	}
	if m.Draft {
		fmt.Fprintf(e.stderr, "注意：这是草稿，不能直接报送。存在以下问题（共%d个）：\n", len(m.DraftReasons))
		for _, r := range m.DraftReasons {
			fmt.Fprintln(e.stderr, "  "+r)
		}
	}
	for _, w := range rep.Warnings {
		fmt.Fprintln(e.stderr, "提醒："+w.Message)
	}
}

func bundleVerdict(p bundle.ManifestPerson) string {
	if !p.Eligible {
		return "不符合初定条件"
	}
	return "拟初定" + p.Title
}
