package bundle

import (
	"slices"
	"strings"
	"testing"
	"time"

	"chuding/model"
	"chuding/model/rules"
)

// codes lists the problem codes of the report's batch and included people.
func codes(r Report) []string {
	var out []string
	for _, p := range r.Batch {
		out = append(out, p.Code)
	}
	for _, c := range r.People {
		if c.Excluded {
			continue
		}
		for _, p := range c.Problems {
			out = append(out, p.Code)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func dropMaterial(atts []model.Attachment, code string) []model.Attachment {
	return slices.DeleteFunc(slices.Clone(atts), func(a model.Attachment) bool { return a.Material == code })
}

func at(s string) func() time.Time {
	d := model.MustDate(s)
	return func() time.Time { return time.Date(d.Year, d.Month, d.Day, 10, 0, 0, 0, time.Local) }
}

func TestPreflightCatchesEachProblem(t *testing.T) {
	sample := loadSample(t)
	zhouMin := sample[2] // 会计: an exam series, no 初定
	tests := []struct {
		name   string
		edit   func(in *Input)
		want   []string // codes, sorted
		phrase string   // in one of the lines
	}{
		{"all good", func(in *Input) {}, nil, ""},
		{"not eligible", func(in *Input) { in.People = append(in.People, zhouMin) },
			[]string{CodeMaterialMissing, CodeNotEligible, CodeOpinion}, "第4人 周敏（320703********0488）：不符合初定条件（通知一）：“会计”系列"},
		{"excluded person does not block", func(in *Input) {
			in.People = append(in.People, zhouMin)
			in.Exclude = []string{" " + strings.ToLower(zhouMin.IDNumber) + " "}
		}, nil, ""},
		{"opinion fails the checker", func(in *Input) { in.People[0].Opinion = "同意申报。" },
			[]string{CodeOpinion}, "陈晓雨（320706********0227）：鉴定意见未通过检查：鉴定意见只有“同意申报”"},
		{"required scan missing", func(in *Input) {
			in.People[1].Attachments = dropMaterial(in.People[1].Attachments, rules.MaterialDispatchProof)
		}, []string{CodeMaterialMissing}, "刘子涵（320722********0313）：缺少“派遣工作证明及三方协议”的扫描件（通知四(六)"},
		{"publicity not set", func(in *Input) { in.Batch.Publicity = model.Publicity{} },
			[]string{CodePublicityNotSet}, "未安排公示"},
		{"publicity shorter than five working days", func(in *Input) { in.Batch.Publicity.End = model.MustDate("2025-06-06") },
			[]string{CodePublicityShort}, "公示期2025年6月3日至2025年6月6日不足5个工作日（通知五(三)）：应公示到2025年6月9日"},
		{"signing on the last day of publicity", func(in *Input) { in.Batch.Publicity.SignOn = model.MustDate("2025-06-09") },
			[]string{CodeSignTooEarly}, "须公示期满后方可签字盖章（通知五(三)），最早2025年6月10日"},
		{"signing after the window closes", func(in *Input) {
			in.Batch.Publicity.Start = model.MustDate("2025-06-23")
			in.Now = at("2025-07-01")
		}, []string{CodeSignAfterWindow}, "已晚于申报截止日2025年6月27日（通知六）"},
		{"publicity not yet ended today", func(in *Input) { in.Now = at("2025-06-09") },
			[]string{CodePublicityNotEnded}, "公示期到2025年6月9日才结束，今天（2025年6月9日）尚未期满"},
		{"objections without handling", func(in *Input) { in.Batch.Publicity.Result = "有群众反映学历存疑" },
			[]string{CodeObjectionsUnhandled}, "公示期间有异议（有群众反映学历存疑）"},
		{"objections handled", func(in *Input) {
			in.Batch.Publicity.Result = "有群众反映学历存疑"
			in.Batch.Publicity.Handled = "经核实学历真实有效"
		}, nil, ""},
		{"unit without contact", func(in *Input) { in.Unit.Contact = " " },
			[]string{CodeUnitIncomplete}, "单位信息缺少联系人"},
		{"policy without centre", func(in *Input) { in.Batch.Policy.Centre.Name = "" },
			[]string{CodePolicyInvalid}, "批次政策的“受理机构名称”有误"},
		{"same ID twice", func(in *Input) { in.People = append(in.People, in.People[0]) },
			[]string{CodeDuplicateID}, "身份证号码 320706********0227 出现两次：第1人 陈晓雨 和第4人 陈晓雨"},
		{"unknown ID excluded", func(in *Input) { in.Exclude = []string{"110101199003070011"} },
			[]string{CodeExcludeUnknown}, "要排除的身份证号码 110101********0011 不在本批次中"},
		{"everyone excluded", func(in *Input) {
			for _, p := range in.People {
				in.Exclude = append(in.Exclude, p.IDNumber)
			}
		}, []string{CodeNoPeople}, "没有要导出的人员"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in, _ := eligibleInput(t)
			tc.edit(&in)
			r := Preflight(in)
			if got := codes(r); !slices.Equal(got, tc.want) {
				t.Fatalf("codes %v, want %v\n%s", got, tc.want, r)
			}
			if r.OK() != (len(tc.want) == 0) {
				t.Errorf("OK() = %v with codes %v", r.OK(), tc.want)
			}
			if tc.phrase != "" && !strings.Contains(r.String(), tc.phrase) {
				t.Errorf("report lacks %q:\n%s", tc.phrase, r)
			}
		})
	}
}

func TestPreflightReportsEveryone(t *testing.T) {
	in, _ := eligibleInput(t)
	in.People = loadSample(t)
	in.Exclude = []string{in.People[4].IDNumber}
	r := Preflight(in)
	if len(r.People) != 5 || r.Included() != 4 {
		t.Fatalf("%d people, %d included", len(r.People), r.Included())
	}
	wu := r.People[4]
	if !wu.Excluded || len(wu.Problems) == 0 || wu.Result.Eligible {
		t.Errorf("excluded 吴佳琪 should still show her problems: %+v", wu)
	}
	if strings.Contains(r.String(), "吴佳琪") {
		t.Errorf("an excluded person's problems block the export:\n%s", r)
	}
	// Without scans every included person misses materials, each named.
	for _, name := range []string{"陈晓雨", "刘子涵", "孙浩然"} {
		if !strings.Contains(r.String(), name+"（") {
			t.Errorf("report does not name %s:\n%s", name, r)
		}
	}
	if strings.Contains(r.String(), "申报表") {
		t.Errorf("the 申报表 is generated, never a missing scan:\n%s", r)
	}
}

func TestPreflightWarnsAboutMovedStart(t *testing.T) {
	in, _ := eligibleInput(t)
	in.Batch.Publicity.Start = model.MustDate("2025-05-31") // 端午 holiday
	r := Preflight(in)
	if !r.OK() {
		t.Fatalf("a start on a holiday moves to the next working day:\n%s", r)
	}
	if len(r.Warnings) == 0 || !strings.Contains(r.String(), "提醒：") {
		t.Errorf("no warning that the start moved:\n%s", r)
	}
}
