package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"chuding/model"
	"chuding/model/rules"
	"chuding/pdfgen"
)

func init() {
	register(command{
		name: "form",
		usage: "PEOPLE_FILE --out DIR [--copies 1|2] [--id 身份证号] [--policy FILE] [--fill-date YYYY-MM-DD]" +
			" [--publicity-start YYYY-MM-DD [--publicity-end YYYY-MM-DD] [--publicity-result 无异议]] [--draft] [--font FILE.ttf]",
		summary: "为每人生成《专业技术资格初定申报表》PDF（序号_姓名_申报表.pdf，A4正反面，默认一式两份）",
		run:     runForm,
	})
}

// formArgs are the arguments form, checklist and roster share.
type formArgs struct {
	people, out, id, policy, font string
	copies                        int
	fillDate                      string
	pub                           draftOptions // --publicity-* as the draft command reads them
	draft                         bool
}

const formUsage = "用法：chuding-cli form 人员.json --out 输出文件夹 [--copies 1|2] [--id 身份证号]"

func runForm(e *env, args []string) int {
	a, err := formParse("form", formUsage, args, func(fs *flag.FlagSet, a *formArgs) {
		fs.IntVar(&a.copies, "copies", 2, "")
		fs.StringVar(&a.id, "id", "", "")
		fs.StringVar(&a.fillDate, "fill-date", "", "")
		fs.StringVar(&a.pub.pubStart, "publicity-start", "", "")
		fs.StringVar(&a.pub.pubEnd, "publicity-end", "", "")
		fs.StringVar(&a.pub.pubResult, "publicity-result", "", "")
		fs.BoolVar(&a.draft, "draft", false, "")
	})
	if err != nil {
		return fail(e, "%v", err)
	}
	if a.copies != 1 && a.copies != 2 {
		return fail(e, "--copies 只能是 1 或 2（通知四（一）要求一式两份），现为 %d", a.copies)
	}
	if a.pub.pubStart == "" && (a.pub.pubEnd != "" || a.pub.pubResult != "") {
		return fail(e, "--publicity-end 和 --publicity-result 须与 --publicity-start 一起使用")
	}
	in, code := formLoad(e, a)
	if code != 0 {
		return code
	}
	pub, notes, err := draftPublicity(a.pub, &in.policy)
	if err != nil {
		return fail(e, "%v", err)
	}
	for _, n := range notes {
		fmt.Fprintln(e.stderr, "提示："+n)
	}
	opt := pdfgen.FormOptions{Policy: &in.policy, Publicity: pub, Copies: a.copies, Fonts: in.fonts, Draft: a.draft}
	if a.fillDate != "" {
		if opt.FillDate, err = draftDay("--fill-date", a.fillDate); err != nil {
			return fail(e, "%v", err)
		}
	}
	jobs := make([]pdfgen.FormJob, len(in.picked))
	for k, i := range in.picked {
		jobs[k] = pdfgen.FormJob{Person: &in.people[i], Result: in.results[i], Options: opt}
	}
	w := formWriter{e: e, out: a.out, doc: "申报表"}
	err = pdfgen.Forms(context.Background(), jobs, 0, func(k int, pdf []byte, err error) error {
		i := in.picked[k]
		return w.write(i, &in.people[i], pdf, err, pdfgen.DraftReasons(&in.people[i], in.results[i], &in.policy))
	})
	return w.finish(err)
}

// formInput is the people, their verdicts and the font, loaded once.
type formInput struct {
	people  []model.Person
	results []model.Result
	picked  []int // indexes in people to print (all, or the one --id names)
	policy  model.Policy
	fonts   *pdfgen.Fonts
}

// formLoad reads the policy, the people file and the font, evaluates every
// person and picks the one --id names. A non-zero code means it failed and
// has said why.
func formLoad(e *env, a formArgs) (formInput, int) {
	var in formInput
	var err error
	if in.policy, err = loadPolicy(a.policy); err != nil {
		return in, fail(e, "%v", err)
	}
	if in.people, err = loadPeople(a.people); err != nil {
		return in, fail(e, "%v", err)
	}
	if len(in.people) == 0 {
		return in, fail(e, "人员文件 %s 中没有人员", a.people)
	}
	if in.fonts, err = formFonts(a.font); err != nil {
		return in, fail(e, "%v", err)
	}
	in.results = make([]model.Result, len(in.people))
	for i := range in.people {
		in.results[i] = rules.Evaluate(&in.people[i], &in.policy)
		if a.id == "" {
			in.picked = append(in.picked, i)
		} else if strings.EqualFold(strings.TrimSpace(in.people[i].IDNumber), strings.TrimSpace(a.id)) {
			in.picked = append(in.picked, i)
		}
	}
	if len(in.picked) == 0 {
		return in, fail(e, "人员文件 %s 中没有身份证号为 %s 的人员，请核对 --id", a.people, model.MaskID(a.id))
	}
	return in, 0
}

// formFonts is the embedded font, or the TrueType file --font names.
func formFonts(path string) (*pdfgen.Fonts, error) {
	if path == "" {
		return pdfgen.DefaultFonts()
	}
	ttf, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("无法读取字体文件 %s：%v", path, err)
	}
	f, err := pdfgen.LoadFonts(ttf)
	if err != nil {
		return nil, fmt.Errorf("字体文件 %s：%w", path, err)
	}
	return f, nil
}

// formParse reads PEOPLE_FILE and the shared flags (--out, --policy,
// --font) plus the command's own, accepting flags before and after the file.
func formParse(name, usage string, args []string, own func(*flag.FlagSet, *formArgs)) (formArgs, error) {
	var a formArgs
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.StringVar(&a.out, "out", "", "")
	fs.StringVar(&a.policy, "policy", "", "")
	fs.StringVar(&a.font, "font", "", "")
	own(fs, &a)
	files, err := parseArgs(fs, args, usage)
	if err != nil {
		return a, err
	}
	switch {
	case len(files) == 0:
		return a, errors.New("缺少人员文件。" + usage)
	case len(files) > 1:
		return a, fmt.Errorf("只能给一个人员文件，多出了“%s”。%s", files[1], usage)
	case strings.TrimSpace(a.out) == "":
		return a, errors.New("缺少 --out：请给出输出位置。" + usage)
	}
	a.people = files[0]
	return a, nil
}

// formWriter saves one PDF per person as 序号_姓名_<doc>.pdf in a folder
// and reports each on stdout. A person whose PDF cannot be made is
// reported and skipped; the exit code then says the input needs fixing.
type formWriter struct {
	e        *env
	out, doc string
	made     bool // the folder exists
	bad      int
}

func (w *formWriter) write(i int, p *model.Person, pdf []byte, buildErr error, draft []string) error {
	if buildErr != nil {
		w.bad++
		fmt.Fprintf(w.e.stderr, "错误：第 %d 人 %s 的%s未生成：%v\n", i+1, p.Name, w.doc, buildErr)
		return nil
	}
	if !w.made {
		if err := os.MkdirAll(w.out, 0o700); err != nil {
			return fmt.Errorf("无法创建输出文件夹 %s：%w", w.out, err)
		}
		w.made = true
	}
	name := formFileName(i+1, p.Name, w.doc)
	if err := pdfgen.WriteFileBytes(filepath.Join(w.out, name), pdf); err != nil {
		return err
	}
	line := "已生成 " + name
	if len(draft) > 0 {
		line += "（草稿：" + draft[0] + "）"
	}
	fmt.Fprintln(w.e.stdout, line)
	return nil
}

// finish turns the outcome into the exit code: 1 if writing failed, 2 if
// some person's data could not be printed, else 0.
func (w *formWriter) finish(err error) int {
	switch {
	case err != nil:
		fmt.Fprintf(w.e.stderr, "错误：%v\n", err)
		return 1
	case w.bad > 0:
		fmt.Fprintf(w.e.stderr, "有 %d 人的%s未生成，请按上面的提示修改人员数据后重试。\n", w.bad, w.doc)
		return 2
	}
	return 0
}

// formFileName is 序号_姓名_<doc>.pdf with a two-digit 序号 (01, 02, …)
// and the name made safe for every file system.
func formFileName(no int, name, doc string) string {
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) || r < 0x20 {
			return '_'
		}
		return r
	}, strings.TrimSpace(name))
	if name == "" {
		name = "未填姓名"
	}
	return fmt.Sprintf("%02d_%s_%s.pdf", no, name, doc)
}
