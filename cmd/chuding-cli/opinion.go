package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"chuding/model"
	"chuding/model/opinion"
	"chuding/model/textenc"
)

func init() {
	register(command{
		name:    "opinion",
		usage:   "[--json] [--name 姓名] [--policy FILE] [FILE|-]",
		summary: "检查“工作单位或人事档案管理部门鉴定意见”是否较全面（通知五（二）），不带文件时从标准输入读取",
		run:     runOpinion,
	})
}

// opinionOptions are the parsed arguments of opinion.
type opinionOptions struct {
	json         bool
	name, policy string
	file         string // "" or "-" for stdin
}

func runOpinion(e *env, args []string) int {
	o, err := opinionParseArgs(args)
	if err != nil {
		return fail(e, "%v", err)
	}
	pol, err := loadPolicy(o.policy)
	if err != nil {
		return fail(e, "%v", err)
	}
	text, note, err := opinionRead(e.stdin, o.file)
	if err != nil {
		return fail(e, "%v", err)
	}
	if note != "" {
		fmt.Fprintln(e.stderr, "提示："+note)
	}
	var p *model.Person
	if name := strings.TrimSpace(o.name); name != "" {
		p = &model.Person{Name: name}
	}
	rep := opinion.Check(text, p, nil, &pol)
	return output(e, func(w io.Writer) error {
		if o.json {
			return json.NewEncoder(w).Encode(rep)
		}
		opinionWriteReport(w, rep, pol.OpinionMinHan)
		return nil
	})
}

const opinionUsage = "用法：chuding-cli opinion [--json] [--name 姓名] [鉴定意见.txt|-]"

// opinionParseArgs accepts flags before and after the file name.
func opinionParseArgs(args []string) (opinionOptions, error) {
	var o opinionOptions
	fs := flag.NewFlagSet("opinion", flag.ContinueOnError)
	fs.BoolVar(&o.json, "json", false, "")
	fs.StringVar(&o.name, "name", "", "")
	fs.StringVar(&o.policy, "policy", "", "")
	files, err := parseArgs(fs, args, opinionUsage)
	if err != nil {
		return o, err
	}
	if len(files) > 1 {
		return o, fmt.Errorf("一次只能检查一份鉴定意见，现给出了%d个文件：%s。%s", len(files), strings.Join(files, "、"), opinionUsage)
	}
	if len(files) == 1 {
		o.file = files[0]
	}
	return o, nil
}

// opinionRead reads the opinion from path, or stdin for "" and "-". Text
// saved by Windows tools is accepted: UTF-8 with or without BOM, UTF-16
// with BOM, and GBK/GB18030 (Notepad's "ANSI" on a Chinese system), which
// is reported in note.
func opinionRead(stdin io.Reader, path string) (text, note string, err error) {
	var data []byte
	where := "标准输入"
	if path == "" || path == "-" {
		data, err = io.ReadAll(stdin)
	} else {
		where = "文件 " + path
		data, err = os.ReadFile(path)
	}
	if err != nil {
		return "", "", fmt.Errorf("无法读取%s：%s", where, opinionReadReason(err))
	}
	return opinionDecode(data, where)
}

func opinionReadReason(err error) string {
	switch {
	case errors.Is(err, os.ErrNotExist):
		return "文件不存在，请检查路径"
	case errors.Is(err, os.ErrPermission):
		return "没有读取权限"
	}
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

func opinionDecode(data []byte, where string) (text, note string, err error) {
	text, enc := textenc.Decode(data)
	switch {
	case textenc.Binary(text):
		return "", "", fmt.Errorf("%s不是文本文件；请把鉴定意见保存为纯文本（.txt）后再检查", where)
	case strings.ContainsRune(text, utf8.RuneError):
		return "", "", fmt.Errorf("%s的编码无法识别（既不是UTF-8、UTF-16，也不是GBK），无法读取；请另存为UTF-8编码的文本文件", where)
	case enc == textenc.GBK:
		return text, where + "不是UTF-8编码，已按GBK（GB18030）读取", nil
	}
	return text, "", nil
}

// opinionWriteReport prints the report for a person at a terminal.
func opinionWriteReport(w io.Writer, rep opinion.Report, minHan int) {
	if rep.OK {
		fmt.Fprintln(w, "鉴定意见检查：通过")
	} else {
		fmt.Fprintln(w, "鉴定意见检查：未通过")
	}
	if minHan <= 0 {
		minHan = opinion.DefaultMinHan
	}
	fmt.Fprintf(w, "汉字数：%d（至少%d）\n", rep.Length, minHan)
	covered := "无"
	if len(rep.Covered) > 0 {
		covered = strings.Join(rep.Covered, "、")
	}
	fmt.Fprintf(w, "涉及方面：%s（%d/%d，至少需要%d个方面）\n", covered, len(rep.Covered), len(opinion.Dimensions()), opinion.MinDimensions)
	if len(rep.Problems) == 0 {
		return
	}
	fmt.Fprintln(w, "问题：")
	for i, p := range rep.Problems {
		fmt.Fprintf(w, "%3d. [%s] %s\n", i+1, p.Code, p.Message)
	}
}
