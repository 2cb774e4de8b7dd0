package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var draftSample = filepath.Join("..", "..", "testdata", "people-sample.json")

const draftChenID = "320706199904120227" // 陈晓雨 in the sample

func TestDraftSamplePerson(t *testing.T) {
	out, stderr, code := runCLI(t, "", "draft", draftSample, "--id", draftChenID)
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	for _, want := range []string{
		"陈晓雨同志，2023年7月参加工作，现在连云港示例机械有限公司从事机械工程专业技术工作。",
		"2023年度考核为不定等次（参加工作当年），2024年度考核为合格",
		"同意申报初定助理工程师资格。",
		"【请填写：近年完成的主要工作和取得的成果",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("draft lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "公示") {
		t.Errorf("no publicity asked for:\n%s", out)
	}
	if !strings.Contains(stderr, "初稿中有5处【…】") || strings.Contains(stderr, draftChenID) {
		t.Errorf("stderr %q", stderr)
	}
}

// The draft fails the opinion checker until the officer fills the spots.
func TestDraftThenOpinion(t *testing.T) {
	draft, _, _ := runCLI(t, "", "draft", "--id", draftChenID, draftSample)
	out, _, code := runCLI(t, draft, "opinion", "--json", "--name", "陈晓雨")
	var rep struct {
		OK       bool `json:"ok"`
		Problems []struct{ Code string }
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil || code != 0 {
		t.Fatalf("exit %d, %v: %s", code, err, out)
	}
	placeholders := 0
	for _, p := range rep.Problems {
		if p.Code == "PLACEHOLDER" {
			placeholders++
		}
	}
	if rep.OK || placeholders != 5 {
		t.Errorf("unfilled draft: %s", out)
	}
	fills := map[string]string{
		"见习期考察结果":    "合格",
		"政治思想和职业道德":  "拥护党的路线方针政策，遵纪守法，爱岗敬业，团结同事，职业道德良好",
		"专业知识和技能":    "熟练掌握机械设计基础理论和CAD软件，能独立完成一般零部件设计",
		"主要工作和取得的成果": "参与完成了输送机改造等三个项目，负责结构设计和出图，项目均按期投产",
		"出勤和遵守劳动纪律":  "出勤良好，遵守劳动纪律",
	}
	filled := regexp.MustCompile(`【请(?:填写|核实)：[^】]*】`).ReplaceAllStringFunc(draft, func(s string) string {
		for k, v := range fills {
			if strings.Contains(s, k) {
				return v
			}
		}
		t.Fatalf("unexpected spot %s", s)
		return ""
	})
	out, _, _ = runCLI(t, filled, "opinion", "--name", "陈晓雨")
	if !strings.Contains(out, "鉴定意见检查：通过") {
		t.Errorf("filled draft:\n%s\n%s", filled, out)
	}
}

func TestDraftPublicity(t *testing.T) {
	// The end is counted on the working-day calendar (五(三): 5 working days).
	out, stderr, code := runCLI(t, "", "draft", draftSample, "--id", draftChenID, "--publicity-start", "2025-06-09")
	if code != 0 || !strings.Contains(out, "于2025年6月9日至2025年6月13日在本单位公示，公示结果【请核实：") {
		t.Errorf("exit %d, stderr %q:\n%s", code, stderr, out)
	}
	if !strings.Contains(stderr, "公示期按工作日计算为2025年6月9日至2025年6月13日（共5个工作日）") {
		t.Errorf("stderr %q", stderr)
	}
	out, _, code = runCLI(t, "", "draft", draftSample, "--id", draftChenID,
		"--publicity-start", "2025-06-09", "--publicity-end", "2025-06-16", "--publicity-result", "无异议")
	if code != 0 || !strings.Contains(out, "于2025年6月9日至2025年6月16日在本单位公示，公示期间无异议，同意申报") {
		t.Errorf("exit %d:\n%s", code, out)
	}
}

func TestDraftIneligiblePerson(t *testing.T) {
	// 吴佳琪 lacks 2024 continuing education: the draft leaves the title to
	// the officer and stderr says why the rules refuse her.
	out, stderr, code := runCLI(t, "", "draft", draftSample, "--id", "320724200003050274")
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if !strings.Contains(out, "【请核实：2024年度继续教育情况】") || !strings.Contains(out, "【请填写：拟初定的职称】") {
		t.Errorf("draft:\n%s", out)
	}
	if !strings.Contains(stderr, "注意：按2025年上半年政策，吴佳琪目前不能初定") || !strings.Contains(stderr, "继续教育") {
		t.Errorf("stderr %q", stderr)
	}
}

func TestDraftErrors(t *testing.T) {
	for _, c := range []struct {
		name string
		args []string
		want string
	}{
		{"no file", []string{"--id", draftChenID}, "缺少人员文件"},
		{"no id", []string{draftSample}, "缺少 --id"},
		{"unknown id", []string{draftSample, "--id", "320706199001011234"}, "没有身份证号为 320706********1234 的人员"},
		{"missing file", []string{"没有.json", "--id", draftChenID}, "没有.json"},
		{"two files", []string{draftSample, draftSample, "--id", draftChenID}, "只能给一个人员文件"},
		{"bad date", []string{draftSample, "--id", draftChenID, "--publicity-start", "6月9日"}, "--publicity-start"},
		{"month only", []string{draftSample, "--id", draftChenID, "--publicity-start", "2025-06"}, "须精确到日"},
		{"end before start", []string{draftSample, "--id", draftChenID, "--publicity-start", "2025-06-09", "--publicity-end", "2025-06-01"}, "早于"},
		{"end without start", []string{draftSample, "--id", draftChenID, "--publicity-end", "2025-06-13"}, "须与 --publicity-start 一起使用"},
		{"unknown flag", []string{draftSample, "--id", draftChenID, "--name", "x"}, "draft 没有参数 -name"},
	} {
		out, stderr, code := runCLI(t, "", append([]string{"draft"}, c.args...)...)
		if code != 2 || out != "" || !strings.Contains(stderr, c.want) {
			t.Errorf("%s: exit %d, out %q, stderr %q", c.name, code, out, stderr)
		}
		if strings.Contains(stderr, "320706199001011234") {
			t.Errorf("%s: full ID number printed: %q", c.name, stderr)
		}
	}
}

func TestDraftIDCase(t *testing.T) {
	// An ID number ending in X is found when typed with a lower-case x and
	// stray spaces.
	data, err := os.ReadFile(draftSample)
	if err != nil {
		t.Fatal(err)
	}
	withX := strings.Replace(string(data), draftChenID, "32070619990412106X", 1)
	path := filepath.Join(t.TempDir(), "people.json")
	if err := os.WriteFile(path, []byte(withX), 0o600); err != nil {
		t.Fatal(err)
	}
	out, stderr, code := runCLI(t, "", "draft", path, "--id", " 32070619990412106x ")
	if code != 0 || !strings.HasPrefix(out, "陈晓雨同志") {
		t.Errorf("exit %d, stderr %q: %s", code, stderr, out)
	}
}
