// Command chuding-cli is chuding's engine without a window, for personnel
// agencies' batch work and for scripts. Each subcommand lives in its own
// file and only parses flags, calls model/ or pdfgen/, and prints.
//
// Exit codes: 0 the work was done (even when people are ineligible or an
// opinion fails the checker); 2 the input or the arguments were unusable;
// 1 anything else went wrong.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// command is one subcommand; run returns the process exit code.
type command struct {
	name    string
	usage   string // one line: arguments and flags
	summary string // what it does, in Chinese
	run     func(env *env, args []string) int
}

// env is what a subcommand may touch, so tests can run it in-process.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

var commands = map[string]command{}

func register(c command) { commands[c.name] = c }

func main() {
	os.Exit(run(&env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr}, os.Args[1:]))
}

func run(e *env, args []string) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(e.stdout)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	c, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(e.stderr, "未知的子命令“%s”。运行 chuding-cli help 查看可用的子命令。\n", args[0])
		return 2
	}
	return c.run(e, args[1:])
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "chuding-cli — 职称初定助手（命令行版）")
	fmt.Fprintln(w, "\n用法：chuding-cli 子命令 [参数]\n\n子命令：")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		c := commands[n]
		fmt.Fprintf(w, "  %-10s %s\n             chuding-cli %s %s\n", c.name, c.summary, c.name, c.usage)
	}
}

// fail prints a Chinese message to stderr and returns exit code 2.
func fail(e *env, format string, args ...any) int {
	fmt.Fprintf(e.stderr, "错误："+format+"\n", args...)
	return 2
}

// parseArgs parses fs from args, accepting flags both before and after the
// positional arguments (officers type them in either order), and returns the
// positional arguments. -h returns usage as the error; the flag package's
// English errors become Chinese ones that list the flags the command has.
func parseArgs(fs *flag.FlagSet, args []string, usage string) ([]string, error) {
	fs.SetOutput(io.Discard)
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, errors.New(usage)
			}
			return nil, errors.New(flagError(fs, err))
		}
		if fs.NArg() == 0 {
			return rest, nil
		}
		rest = append(rest, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// flagError turns a flag package error into a Chinese message.
func flagError(fs *flag.FlagSet, err error) string {
	msg := err.Error()
	var names []string
	fs.VisitAll(func(f *flag.Flag) { names = append(names, "--"+f.Name) })
	known := "可用参数为 " + strings.Join(names, "、") + "；运行 chuding-cli help 查看用法"
	switch {
	case strings.HasPrefix(msg, "flag provided but not defined: "):
		return fmt.Sprintf("%s 没有参数 %s；%s", fs.Name(), strings.TrimPrefix(msg, "flag provided but not defined: "), known)
	case strings.HasPrefix(msg, "flag needs an argument: "):
		return fmt.Sprintf("参数 %s 后面需要一个值", strings.TrimPrefix(msg, "flag needs an argument: "))
	case strings.HasPrefix(msg, "invalid boolean value"):
		return fmt.Sprintf("开关参数的值只能是 true 或 false：%s", msg)
	}
	return msg
}

// output runs print on a buffered stdout and flushes it; a failed write
// (a closed pipe, a full disk) is reported in Chinese with exit code 1.
func output(e *env, print func(w io.Writer) error) int {
	out := bufio.NewWriterSize(e.stdout, 64<<10)
	err := print(out)
	if err == nil {
		err = out.Flush()
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "错误：输出失败：%v\n", err)
		return 1
	}
	return 0
}

// sameFile reports whether a and b name one file, also through a
// link or a different spelling of the path.
func sameFile(a, b string) bool {
	if x, errA := filepath.Abs(a); errA == nil {
		if y, errB := filepath.Abs(b); errB == nil && x == y {
			return true
		}
	}
	sa, errA := os.Stat(a)
	sb, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(sa, sb)
}
