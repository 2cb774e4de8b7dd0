package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

func TestOpinionFixUntilItPassesThenMarkDone(t *testing.T) {
	u := newSampleUI(t)
	u.shell.show(screenOpinion)
	s := u.opinion
	// 孙浩然 is eligible and has no opinion yet.
	var id string
	for _, r := range u.view.all {
		if r.p.Name == "孙浩然" {
			id = r.p.IDNumber
		}
	}
	s.open(id)
	assertShows(t, u, "孙浩然 的鉴定意见", "未填写")

	// A bare 同意申报 is refused and 标记为完成 stays disabled.
	typeInto(s.text, "同意申报。")
	if s.report.OK || !findButton(t, u, "标记为完成").Disabled() {
		t.Fatal("a bare 同意申报 must not pass")
	}
	assertShows(t, u, "未通过检查", "同意申报")

	// 生成草稿 asks before replacing, then leaves spots to fill: still failing.
	tapButton(t, u, "生成草稿")
	tapButton(t, u, "替换")
	if !strings.Contains(s.text.Text, "【请填写") {
		t.Fatalf("draft has no spots to fill: %s", s.text.Text)
	}
	if s.report.OK {
		t.Fatal("a draft with unfilled spots must fail the checker")
	}

	// The officer writes a full opinion: covered aspects light up, it passes.
	s.text.SetText("")
	typeInto(s.text, goodOpinion)
	if !s.report.OK {
		t.Fatalf("good opinion refused: %+v", s.report.Problems)
	}
	if len(s.report.Covered) < 4 {
		t.Errorf("covered = %v", s.report.Covered)
	}
	assertShows(t, u, "通过检查，待确认", "汉字数：")
	tapButton(t, u, "标记为完成")

	stored, err := u.st.Person(u.batch.ID, id)
	if err != nil {
		t.Fatal(err)
	}
	if stored.Opinion != goodOpinion || !stored.OpinionDone {
		t.Fatalf("stored opinion done=%v text=%q", stored.OpinionDone, stored.Opinion)
	}
	if r := u.rowByID(id); r.opinion != opinionDone {
		t.Errorf("table shows opinion %v, want 已完成", r.opinion)
	}
	assertShows(t, u, "已完成")

	// Editing the text again withdraws 已完成 on save (Ctrl+S).
	typeInto(s.text, "另外，该同志积极参加单位组织的专业培训。")
	pressShortcut(t, u, fyne.KeyS)
	if r := u.rowByID(id); r.opinion != opinionPassing {
		t.Errorf("after editing, opinion state = %v, want 待确认", r.opinion)
	}
}

func TestOpinionUnsavedTextIsSavedWhenSwitchingPerson(t *testing.T) {
	u := newSampleUI(t)
	u.shell.show(screenOpinion)
	s := u.opinion
	first, second := u.view.all[1], u.view.all[3]
	s.open(first.p.IDNumber)
	typeInto(s.text, "草稿未完")
	s.open(second.p.IDNumber)
	p, _ := u.st.Person(u.batch.ID, first.p.IDNumber)
	if !strings.HasSuffix(p.Opinion, "草稿未完") {
		t.Errorf("switching person lost the typed opinion: %q", p.Opinion)
	}
}

const goodOpinion = "孙浩然同志拥护党的路线方针政策，政治立场坚定，遵纪守法，恪守职业道德，作风正派。" +
	"该同志于2025年1月博士毕业后到我公司研发中心从事材料工程技术工作，专业基础扎实，业务能力突出，" +
	"能够独立承担新型复合材料的工艺研究与测试工作，主持完成了港口机械耐腐蚀涂层配方优化项目，" +
	"相关成果已在两条生产线推广应用，取得了良好的经济效益。工作中认真负责，出勤情况良好，" +
	"严格遵守劳动纪律，试用期考核合格。该同志重视学习，按要求参加继续教育公共科目学习并考核合格，" +
	"积极参加行业技术培训，不断更新专业知识。经考察，该同志已具备工程师的专业技术水平和能力。"
