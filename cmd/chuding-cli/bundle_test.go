package main

import (
	"archive/zip"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"chuding/model"
	"chuding/model/peoplefile"
	"chuding/model/policy"
	"chuding/model/rules"
	"chuding/model/store"
	"chuding/pdfgen/bundle"
)

const bundleSample = "../../testdata/people-sample.json"

var bundleUnit = model.Unit{Name: "连云港示例机械有限公司", Kind: "企业", Contact: "王芳", Phone: "0518-85550000"}

// bundleSeedDB makes a database as the app leaves it: the unit, a batch
// with its publicity set (2025-06-03, long ended), and the sample's three
// eligible people with their opinions written and a scan for every
// required material. It returns the database path and the batch ID.
func bundleSeedDB(t *testing.T) (string, string) {
	t.Helper()
	db := filepath.Join(t.TempDir(), "chuding.db")
	s, err := store.Open(db, store.Options{NoBackup: true, Who: "测试"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	pol := policy.Builtin2025H1()
	b := model.Batch{Name: "2025年上半年", Policy: pol, Publicity: model.Publicity{Start: model.MustDate("2025-06-03")}}
	if err := s.SaveUnit(bundleUnit); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveBatch(&b); err != nil {
		t.Fatal(err)
	}
	people, err := peoplefile.ReadFile(bundleSample)
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range people {
		r := rules.Evaluate(&p, &pol)
		if !r.Eligible {
			continue
		}
		if p.Opinion == "" {
			text, err := os.ReadFile("../../pdfgen/bundle/testdata/opinion-" + p.Name + ".txt")
			if err != nil {
				t.Fatal(err)
			}
			p.Opinion = strings.TrimSpace(string(text))
		}
		for _, m := range r.Materials {
			if m.Code == rules.MaterialForm {
				continue
			}
			a, err := s.PutAttachment(m.Code+"扫描.pdf", []byte(fmt.Sprintf("%%PDF-1.4\n%% %s %d\n", m.Code, i)))
			if err != nil {
				t.Fatal(err)
			}
			a.Material = m.Code
			p.Attachments = append(p.Attachments, a)
		}
		if err := s.AddPerson(b.ID, p); err != nil {
			t.Fatal(err)
		}
	}
	return db, b.ID
}

type bundleDBState struct {
	People []model.Person
	Audit  int
}

func bundleReadDB(t *testing.T, db, batch string) bundleDBState {
	t.Helper()
	s, err := store.Open(db, store.Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	people, err := s.People(batch)
	if err != nil {
		t.Fatal(err)
	}
	audit, _ := s.AuditLog(0)
	return bundleDBState{people, len(audit)}
}

func bundleManifest(t *testing.T, path string) bundle.Manifest {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	rc, err := zr.Open(bundle.ManifestName)
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	var m bundle.Manifest
	if err := json.NewDecoder(rc).Decode(&m); err != nil {
		t.Fatal(err)
	}
	return m
}

func TestBundleFromDatabaseVerifies(t *testing.T) {
	db, batch := bundleSeedDB(t)
	before := bundleReadDB(t, db, batch)
	out := filepath.Join(t.TempDir(), "上报包.zip")
	stdout, stderr, code := runCLI(t, "", "bundle", db, "--out", out)
	if code != 0 {
		t.Fatalf("code %d\n%s%s", code, stdout, stderr)
	}
	for _, want := range []string{"已生成上报包：" + out, "批次：2025年上半年", "人数：3（排除0人）", "扫描件：10个",
		"02_刘子涵　320722********0313　拟初定技术员"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	if after := bundleReadDB(t, db, batch); !reflect.DeepEqual(before, after) {
		t.Error("bundle changed the database")
	}
	backups, _ := filepath.Glob(filepath.Join(filepath.Dir(db), "backups", "*"))
	if len(backups) != 0 {
		t.Errorf("bundle made backups: %v", backups)
	}

	stdout, stderr, code = runCLI(t, "", "verify", out)
	if code != 0 || !strings.Contains(stdout, "上报包完好") || !strings.Contains(stdout, "人数：3") {
		t.Fatalf("verify: code %d\n%s%s", code, stdout, stderr)
	}
}

func TestBundleStopsOnPreflightProblems(t *testing.T) {
	out := filepath.Join(t.TempDir(), "上报包.zip")
	_, stderr, code := runCLI(t, "", "bundle", bundleSample, "--out", out, "--unit", bundleUnit.Name,
		"--contact", "王芳", "--phone", "0518-85550000", "--publicity-start", "2025-06-03")
	if code != 2 {
		t.Fatalf("code %d, want 2\n%s", code, stderr)
	}
	for _, want := range []string{"导出前检查发现", "第3人 周敏（320703********0488）：不符合初定条件（通知一）",
		"第2人 刘子涵（320722********0313）：鉴定意见未通过检查", "缺少“劳动合同或聘书”的扫描件",
		"人员文件不含扫描件", "--draft"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Error("a bundle was written despite the problems")
	}
}

func TestBundleExcludeAndDraft(t *testing.T) {
	db, _ := bundleSeedDB(t)
	out := filepath.Join(t.TempDir(), "草稿.zip")
	// A publicity that ends too late for the window: only a draft can be made.
	_, stderr, code := runCLI(t, "", "bundle", db, "--out", out, "--exclude", "刘子涵",
		"--exclude", "320707199506170153", "--publicity-start", "2025-06-23")
	if code != 2 || !strings.Contains(stderr, "已晚于申报截止日") || strings.Contains(stderr, "刘子涵") {
		t.Fatalf("code %d\n%s", code, stderr)
	}
	stdout, stderr, code := runCLI(t, "", "bundle", db, "--out", out, "--exclude", "刘子涵",
		"--exclude", "320707199506170153", "--publicity-start", "2025-06-23", "--draft")
	if code != 0 || !strings.Contains(stdout, "已生成上报包（草稿）") || !strings.Contains(stdout, "人数：1（排除2人）") ||
		!strings.Contains(stderr, "注意：这是草稿，不能直接报送") {
		t.Fatalf("code %d\n%s%s", code, stdout, stderr)
	}
	m := bundleManifest(t, out)
	if !m.Draft || m.Counts.People != 1 || m.People[0].Name != "陈晓雨" || len(m.DraftReasons) != 1 {
		t.Errorf("manifest: draft %v, %+v, %q", m.Draft, m.Counts, m.DraftReasons)
	}
	stdout, _, code = runCLI(t, "", "verify", out)
	if code != 0 || !strings.Contains(stdout, "注意：这是草稿") {
		t.Errorf("verify of a draft: code %d\n%s", code, stdout)
	}
}

func TestBundlePicksTheBatch(t *testing.T) {
	db, _ := bundleSeedDB(t)
	s, err := store.Open(db, store.Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	second := model.Batch{Name: "2025年下半年", Policy: policy.Builtin2025H1()}
	s.SaveBatch(&second)
	s.Close()
	out := filepath.Join(t.TempDir(), "b.zip")
	tests := []struct {
		args []string
		code int
		want string
	}{
		{nil, 2, "数据库中有2个批次，请用 --batch 指定：b1（2025年上半年）、b2（2025年下半年）"},
		{[]string{"--batch", "2024年"}, 2, "数据库中没有批次“2024年”"},
		{[]string{"--batch", "2025年下半年"}, 2, "没有要导出的人员"},
		{[]string{"--batch", "b1"}, 0, "已生成上报包"},
		{[]string{"--batch", "2025年上半年"}, 0, "已生成上报包"},
	}
	for _, tc := range tests {
		stdout, stderr, code := runCLI(t, "", append([]string{"bundle", db, "--out", out}, tc.args...)...)
		if code != tc.code || !strings.Contains(stdout+stderr, tc.want) {
			t.Errorf("%v: code %d, want %d with %q\n%s%s", tc.args, code, tc.code, tc.want, stdout, stderr)
		}
	}
}

func TestBundleArgumentErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		args []string
		want string
	}{
		{[]string{}, "缺少输入"},
		{[]string{bundleSample}, "缺少 --out"},
		{[]string{bundleSample, "--out", filepath.Join(dir, "b.pdf")}, "--out 应为 .zip 文件"},
		{[]string{bundleSample, "x.json", "--out", filepath.Join(dir, "b.zip")}, "只能给一个输入文件"},
		{[]string{"a.db", "--out", filepath.Join(dir, "b.zip"), "--policy", "p.json"}, "不能再用 --policy"},
		{[]string{bundleSample, "--out", filepath.Join(dir, "b.zip"), "--batch", "b1"}, "--batch 只用于 .db 数据库"},
		{[]string{bundleSample, "--out", filepath.Join(dir, "b.zip"), "--exclude", "110101199003070011"},
			"--exclude “110101********0011”不是本批次中任何人员"},
		{[]string{bundleSample, "--out", filepath.Join(dir, "b.zip"), "--handled", "已处理"}, "须与 --publicity-start 一起使用"},
		{[]string{bundleSample, "--out", filepath.Join(dir, "b.zip"), "--publicity-start", "2025-06"}, "须精确到日"},
		{[]string{filepath.Join(dir, "没有.db"), "--out", filepath.Join(dir, "b.zip")}, "文件不存在"},
		{[]string{bundleSample, "--out", filepath.Join(dir, "b.zip"), "--frobnicate"}, "bundle 没有参数 -frobnicate"},
	}
	for _, tc := range tests {
		_, stderr, code := runCLI(t, "", append([]string{"bundle"}, tc.args...)...)
		if code != 2 || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: code %d, stderr %q, want %q", tc.args, code, stderr, tc.want)
		}
	}
}
