package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestVerifyReportsTampering(t *testing.T) {
	db, _ := bundleSeedDB(t)
	out := filepath.Join(t.TempDir(), "上报包.zip")
	if _, stderr, code := runCLI(t, "", "bundle", db, "--out", out); code != 0 {
		t.Fatalf("bundle: %d %s", code, stderr)
	}
	raw, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	// The scans are stored uncompressed: change one in place.
	i := strings.Index(string(raw), "% CONTRACT 0")
	if i < 0 {
		t.Fatal("scan not found in the archive")
	}
	raw[i+2] = 'K'
	bad := filepath.Join(t.TempDir(), "改过.zip")
	os.WriteFile(bad, raw, 0o600)
	stdout, _, code := runCLI(t, "", "verify", bad)
	if code != 1 {
		t.Fatalf("code %d, want 1\n%s", code, stdout)
	}
	for _, want := range []string{"上报包有问题", "“01_陈晓雨/附件/劳动合同或聘书.pdf”已损坏", "个文件核对无误"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
}

func TestVerifyArgumentErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{nil, "缺少上报包文件"},
		{[]string{"a.zip", "b.zip"}, "只能核验一个上报包"},
		{[]string{"--json"}, "verify 没有参数 --json"},
		{[]string{filepath.Join(t.TempDir(), "没有.zip")}, "不存在"},
	}
	for _, tc := range tests {
		_, stderr, code := runCLI(t, "", append([]string{"verify"}, tc.args...)...)
		if code != 2 || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: code %d, stderr %q", tc.args, code, stderr)
		}
	}
}
