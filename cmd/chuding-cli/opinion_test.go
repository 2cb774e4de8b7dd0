package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"chuding/model/policy"
)

// opinionGood is a complete opinion (model/opinion/testdata/good).
var opinionGood = func() string {
	b, err := os.ReadFile(filepath.Join("..", "..", "model", "opinion", "testdata", "good", "01-engineer-mechanical.txt"))
	if err != nil {
		panic(err)
	}
	return string(b)
}()

// opinionWriteFile writes data to a file in a fresh temp dir.
func opinionWriteFile(t *testing.T, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// opinionJSON runs opinion --json and decodes the report, checking the
// exact keys of the contract.
func opinionJSON(t *testing.T, stdin string, args ...string) map[string]any {
	t.Helper()
	out, stderr, code := runCLI(t, stdin, append([]string{"opinion", "--json"}, args...)...)
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	if !slices.Equal(keys, []string{"covered", "length", "ok", "problems"}) {
		t.Errorf("keys %v", keys)
	}
	return m
}

func opinionCodes(t *testing.T, m map[string]any) []string {
	t.Helper()
	probs, ok := m["problems"].([]any)
	if !ok {
		t.Fatalf("problems is %T, want an array", m["problems"])
	}
	var codes []string
	for _, p := range probs {
		pm := p.(map[string]any)
		if len(pm) != 2 || pm["message"] == "" {
			t.Errorf("problem %v: want exactly code and message", pm)
		}
		codes = append(codes, pm["code"].(string))
	}
	return codes
}

func TestOpinionPlainReport(t *testing.T) {
	out, stderr, code := runCLI(t, opinionGood, "opinion")
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	for _, want := range []string{"鉴定意见检查：通过", "汉字数：182（至少150）", "涉及方面：政治思想/职业道德、业务能力、工作业绩、考核与出勤、学习与继续教育（5/5"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	// A bare 同意申报 is checked (exit 0) and fails, saying why.
	out, _, code = runCLI(t, "同意申报", "opinion")
	if code != 0 || !strings.Contains(out, "鉴定意见检查：未通过") || !strings.Contains(out, "[BOILERPLATE_ONLY]") ||
		!strings.Contains(out, "不能用“同意申报”等简单表述") {
		t.Errorf("exit %d:\n%s", code, out)
	}
}

func TestOpinionJSON(t *testing.T) {
	m := opinionJSON(t, opinionGood)
	if m["ok"] != true || m["length"] != float64(182) || len(opinionCodes(t, m)) != 0 {
		t.Errorf("good opinion: %v", m)
	}
	if cov, _ := m["covered"].([]any); len(cov) != 5 || cov[0] != "政治思想/职业道德" {
		t.Errorf("covered %v", m["covered"])
	}
	m = opinionJSON(t, "")
	if m["ok"] != false || !slices.Equal(opinionCodes(t, m), []string{"EMPTY"}) {
		t.Errorf("empty input: %v", m)
	}
	if cov, ok := m["covered"].([]any); !ok || len(cov) != 0 {
		t.Errorf("covered must be an empty array, got %#v", m["covered"])
	}
}

func TestOpinionInputs(t *testing.T) {
	file := opinionWriteFile(t, "意见.txt", []byte(opinionGood))
	bom := opinionWriteFile(t, "bom.txt", append([]byte{0xEF, 0xBB, 0xBF}, opinionGood...))
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(opinionGood))
	if err != nil {
		t.Fatal(err)
	}
	gbkFile := opinionWriteFile(t, "gbk.txt", gbk)
	for _, c := range []struct {
		name, stdin string
		args        []string
		note        bool
	}{
		{"file", "", []string{file}, false},
		{"flags after the file", "", []string{file, "--name", "陈晓雨"}, false},
		{"dash is stdin", opinionGood, []string{"-"}, false},
		{"UTF-8 with BOM", "", []string{bom}, false},
		{"GBK from Notepad", "", []string{gbkFile}, true},
	} {
		out, stderr, code := runCLI(t, c.stdin, append([]string{"opinion"}, c.args...)...)
		if code != 0 || !strings.Contains(out, "通过") || strings.Contains(out, "未通过") {
			t.Errorf("%s: exit %d, out %q, stderr %q", c.name, code, out, stderr)
		}
		if c.note != strings.Contains(stderr, "已按GBK（GB18030）读取") {
			t.Errorf("%s: stderr %q", c.name, stderr)
		}
	}
}

func TestOpinionName(t *testing.T) {
	other := strings.Replace(opinionGood, "该同志拥护", "王磊同志拥护", 1)
	m := opinionJSON(t, other, "--name", "陈晓雨")
	if !slices.Equal(opinionCodes(t, m), []string{"OTHER_NAME"}) {
		t.Errorf("another person's name: %v", m)
	}
	// Without --name the applicant is unknown: nothing to compare.
	if m := opinionJSON(t, other); m["ok"] != true {
		t.Errorf("without --name: %v", m)
	}
}

// The minimum length is the batch policy's (--policy), not a constant.
func TestOpinionPolicyMinimum(t *testing.T) {
	pol := policy.Builtin2025H1()
	pol.OpinionMinHan = 300
	var buf bytes.Buffer
	if err := policy.Write(&buf, pol); err != nil {
		t.Fatal(err)
	}
	path := opinionWriteFile(t, "policy.json", buf.Bytes())
	m := opinionJSON(t, opinionGood, "--policy", path)
	if !slices.Equal(opinionCodes(t, m), []string{"TOO_SHORT"}) {
		t.Errorf("with a 300-character minimum: %v", m)
	}
	out, _, _ := runCLI(t, opinionGood, "opinion", "--policy", path)
	if !strings.Contains(out, "汉字数：182（至少300）") {
		t.Errorf("plain report:\n%s", out)
	}
}

func TestOpinionUnreadable(t *testing.T) {
	dir := t.TempDir()
	binary := opinionWriteFile(t, "scan.png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
	for _, c := range []struct {
		name string
		args []string
		want string
	}{
		{"missing file", []string{filepath.Join(dir, "没有.txt")}, "文件不存在"},
		{"a folder", []string{dir}, "无法读取"},
		{"binary", []string{binary}, "不是文本文件"},
		{"two files", []string{"a.txt", "b.txt"}, "一次只能检查一份鉴定意见"},
		{"unknown flag", []string{"--html"}, "opinion 没有参数 -html"},
		{"flag without value", []string{"--name"}, "后面需要一个值"},
	} {
		out, stderr, code := runCLI(t, "", append([]string{"opinion"}, c.args...)...)
		if code != 2 || out != "" || !strings.Contains(stderr, c.want) {
			t.Errorf("%s: exit %d, out %q, stderr %q", c.name, code, out, stderr)
		}
	}
}
