package main

import (
	"bytes"
	"io"
	"strings"
	"testing"
)

// runCLI runs chuding-cli in-process with args and stdin, returning what it
// printed and its exit code. Every subcommand's tests use it.
func runCLI(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	var in io.Reader = strings.NewReader(stdin)
	code = run(&env{stdin: in, stdout: &out, stderr: &errb}, args)
	return out.String(), errb.String(), code
}

func TestUnknownSubcommand(t *testing.T) {
	_, stderr, code := runCLI(t, "", "frobnicate")
	if code != 2 || !strings.Contains(stderr, "未知的子命令") {
		t.Errorf("code %d, stderr %q", code, stderr)
	}
}

func TestHelpListsSubcommands(t *testing.T) {
	out, _, code := runCLI(t, "", "help")
	if code != 0 || !strings.Contains(out, "子命令") {
		t.Errorf("code %d, out %q", code, out)
	}
}
