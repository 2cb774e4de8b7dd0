package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"chuding/model/policy"
	"chuding/pdfgen/pdftest"
)

const publicitySample = "../../testdata/people-sample.json"

// publicityRun runs the publicity subcommand on the sample with the
// required flags, an output in a temp folder, and extra args.
func publicityRun(t *testing.T, start string, extra ...string) (out, stderr string, code int, pdf string) {
	t.Helper()
	pdf = filepath.Join(t.TempDir(), "公示.pdf")
	args := append([]string{"publicity", publicitySample, "--start", start, "--unit", "连云港示例机械有限公司",
		"--contact", "王芳", "--phone", "0518-85550000", "--out", pdf}, extra...)
	out, stderr, code = runCLI(t, "", args...)
	return out, stderr, code, pdf
}

func publicityRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	st, _ := os.Stat(path)
	if st.Mode().Perm() != 0o600 {
		t.Errorf("%s has mode %v, want 0600", path, st.Mode().Perm())
	}
	return b
}

func TestPublicityWritesNotice(t *testing.T) {
	out, stderr, code, path := publicityRun(t, "2025-05-31")
	if code != 0 {
		t.Fatalf("code %d stderr %q", code, stderr)
	}
	for _, want := range []string{"已生成公示", "（3人）", "公示时间：2025年6月3日至2025年6月9日（共5个工作日）",
		"最早签字日：2025年6月10日（星期二）", "未列入公示：周敏（", "未列入公示：吴佳琪（"} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout lacks %q:\n%s", want, out)
		}
	}
	if !strings.Contains(stderr, "提示") || !strings.Contains(stderr, "端午节放假") {
		t.Errorf("stderr %q should note the moved start", stderr)
	}
	pages := pdftest.RequirePages(t, publicityRead(t, path), 1, false)
	pdftest.Contains(t, pages[0], "关于陈晓雨等3名同志专业技术资格初定的公示", "陈晓雨", "刘子涵", "孙浩然",
		"2025年6月3日至2025年6月9日（共5个工作日）", "联系人：王芳", "0518-85550000", "连云港示例机械有限公司（盖章）")
	flat := pdftest.Squeeze(pages[0])
	if strings.Contains(flat, "周敏") || strings.Contains(flat, "吴佳琪") {
		t.Error("ineligible people are listed without --all")
	}
	raw, _ := os.ReadFile(publicitySample)
	var sample struct {
		People []struct {
			ID string `json:"id_number"`
		} `json:"people"`
	}
	json.Unmarshal(raw, &sample)
	for _, p := range sample.People {
		if strings.Contains(flat, p.ID) {
			t.Errorf("the notice shows ID number %s", p.ID)
		}
	}
	if m := regexp.MustCompile(`\d{17}[\dX]`).FindString(flat); m != "" {
		t.Errorf("the notice shows an 18-character number %s", m)
	}
}

func TestPublicityPerUnitAll(t *testing.T) {
	out, stderr, code, path := publicityRun(t, "2025-06-03", "--per-unit", "--all", "--address", "人力资源部")
	if code != 0 {
		t.Fatalf("code %d stderr %q", code, stderr)
	}
	if !strings.Contains(out, "4个单位，共5人") || strings.Contains(out, "未列入公示") {
		t.Errorf("stdout %q", out)
	}
	pages := pdftest.RequirePages(t, publicityRead(t, path), 4, false)
	pdftest.Contains(t, pages[0], "连云港示例机械有限公司", "关于陈晓雨等2名同志", "人力资源部")
	pdftest.Contains(t, pages[3], "连云港示例学校（盖章）", "吴佳琪", "待定")
}

func TestPublicityLateStartWarns(t *testing.T) {
	_, stderr, code, _ := publicityRun(t, "2025-06-23")
	if code != 0 {
		t.Fatalf("code %d", code)
	}
	if !strings.Contains(stderr, "警告（六、五(三)）") || !strings.Contains(stderr, "最晚应于2025年6月20日开始公示") {
		t.Errorf("stderr %q", stderr)
	}
}

func TestPublicityNoteFile(t *testing.T) {
	note := filepath.Join(t.TempDir(), "公示情况说明.pdf")
	out, stderr, code, _ := publicityRun(t, "2025-06-03", "--note", note)
	if code != 0 {
		t.Fatalf("code %d stderr %q", code, stderr)
	}
	if !strings.Contains(out, "已生成公示情况说明") {
		t.Errorf("stdout %q", out)
	}
	pages := pdftest.RequirePages(t, publicityRead(t, note), 1, false)
	pdftest.Contains(t, pages[0], "公示情况说明", "连云港市人才服务中心：", "公示结果：无异议", "公示人员名单（共3名）")

	_, stderr, code, _ = publicityRun(t, "2025-06-03", "--note", note, "--objections", "有人反映学历不符")
	if code != 2 || !strings.Contains(stderr, "处理情况") {
		t.Errorf("objections without handling: code %d stderr %q", code, stderr)
	}
}

func TestPublicityYearWithoutData(t *testing.T) {
	out, stderr, code, path := publicityRun(t, "2027-03-01")
	if code != 0 {
		t.Fatalf("code %d stderr %q", code, stderr)
	}
	if !strings.Contains(stderr, "未收录该年节假日安排") || !strings.Contains(out, "2027年3月5日") {
		t.Errorf("stdout %q stderr %q", out, stderr)
	}
	pdftest.Contains(t, pdftest.Text(t, publicityRead(t, path))[0], "未收录该年节假日安排")
}

func TestPublicityBadArguments(t *testing.T) {
	dir := t.TempDir()
	nobody := filepath.Join(dir, "nobody.json")
	raw, _ := os.ReadFile(publicitySample)
	var f map[string]any
	json.Unmarshal(raw, &f)
	f["people"] = f["people"].([]any)[2:3] // 周敏, 会计: an exam series
	b, _ := json.Marshal(f)
	os.WriteFile(nobody, b, 0o600)
	out := filepath.Join(dir, "x.pdf")
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no file", []string{"--start", "2025-06-03"}, "缺少人员文件"},
		{"missing flags", []string{publicitySample, "--start", "2025-06-03"}, "缺少--unit 单位名称、--contact 联系人、--phone 联系电话、--out 输出文件"},
		{"not a pdf", []string{publicitySample, "--start", "2025-06-03", "--unit", "甲", "--contact", "乙", "--phone", "1", "--out", "x.docx"}, "应为 .pdf 文件"},
		{"two files", []string{publicitySample, "other.json", "--start", "2025-06-03"}, "只能给一个人员文件"},
		{"month only", []string{publicitySample, "--start", "2025-06", "--unit", "甲", "--contact", "乙", "--phone", "1", "--out", out}, "须精确到日"},
		{"missing people file", []string{filepath.Join(dir, "none.json"), "--start", "2025-06-03", "--unit", "甲", "--contact", "乙", "--phone", "1", "--out", out}, ""},
		{"nobody eligible", []string{nobody, "--start", "2025-06-03", "--unit", "甲", "--contact", "乙", "--phone", "1", "--out", out}, "--all"},
		{"objections without note", []string{publicitySample, "--start", "2025-06-03", "--unit", "甲", "--contact", "乙", "--phone", "1", "--out", out, "--objections", "有"}, "--note"},
		{"unknown flag", []string{publicitySample, "--landscape"}, "没有参数 -landscape"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, stderr, code := runCLI(t, "", append([]string{"publicity"}, tt.args...)...)
			if code != 2 || !strings.Contains(stderr, tt.want) || !strings.HasPrefix(stderr, "错误：") {
				t.Errorf("code %d stderr %q, want %q", code, stderr, tt.want)
			}
		})
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a failed run left a PDF behind")
	}
}

func TestPublicityFlagsBeforeFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.pdf")
	_, stderr, code := runCLI(t, "", "publicity", "--start", "2025-06-03", "--unit", "连云港示例机械有限公司",
		"--contact", "王芳", "--phone", "0518-85550000", "--out", path, publicitySample)
	if code != 0 {
		t.Fatalf("code %d stderr %q", code, stderr)
	}
}

func TestPublicityPolicyFileSetsTheLength(t *testing.T) {
	pol := policy.Builtin2025H1()
	pol.PublicityWorkdays = 7
	path := filepath.Join(t.TempDir(), "policy.json")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := policy.Write(f, pol); err != nil {
		t.Fatal(err)
	}
	f.Close()
	out, stderr, code, _ := publicityRun(t, "2025-06-03", "--policy", path)
	if code != 0 || !strings.Contains(out, "2025年6月3日至2025年6月11日（共7个工作日）") {
		t.Errorf("code %d out %q stderr %q", code, out, stderr)
	}
}
