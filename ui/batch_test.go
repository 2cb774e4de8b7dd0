package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"chuding/model"
	"chuding/model/policy"
)

func TestBatchScreenSavesUnitAndShowsDaysLeft(t *testing.T) {
	u := newTestUI(t)
	tapButton(t, u, "从空白开始")
	if u.shell.current != screenBatch {
		t.Fatal("从空白开始 should open 单位与批次")
	}
	s := u.batchScr
	// 2025-06-10 is inside the window 6/3–6/27: 18 days left including today.
	assertShows(t, u, "申报时间6月3日至6月27日，还剩18天")

	pressShortcut(t, u, fyne.KeyS)
	assertShows(t, u, "请填写单位名称")

	typeInto(s.unitName, "连云港测试科技有限公司")
	s.unitKind.SetSelected("企业")
	typeInto(s.unitContact, "李经办")
	tapButton(t, u, "保存单位信息")
	unit, _ := u.st.Unit()
	if unit.Name != "连云港测试科技有限公司" || unit.Contact != "李经办" || unit.Kind != "企业" {
		t.Fatalf("stored unit = %+v", unit)
	}
	assertShows(t, u, "连云港测试科技有限公司 · 2025年上半年")
}

func TestBatchPolicyEditReevaluatesEveryone(t *testing.T) {
	u := newSampleUI(t)
	u.shell.show(screenBatch)
	s := u.batchScr
	var sun *row
	for _, r := range u.view.all {
		if r.p.Name == "孙浩然" {
			sun = r
		}
	}
	if !sun.res.Eligible {
		t.Fatal("孙浩然 should be eligible under the built-in policy")
	}
	// A cutoff before 孙浩然 started work makes him NOT_STARTED.
	s.cutoff.SetText("2024-12-31")
	tapButton(t, u, "保存批次与政策")
	assertShows(t, u, "已按新政策重新审核本批次5人")
	after := u.rowByID(sun.p.IDNumber)
	if after.res.Eligible || !after.res.HasReason("NOT_STARTED") {
		t.Fatalf("after moving the cutoff: %+v", after.res.Reasons)
	}
	b, _ := u.st.Batch(u.batch.ID)
	if !b.Policy.Cutoff.Equal(model.NewDate(2024, 12, 31)) {
		t.Errorf("stored cutoff = %s", b.Policy.Cutoff)
	}

	// A bad value is refused with the field named, and nothing is stored.
	s.pubDays.SetText("五")
	tapButton(t, u, "保存批次与政策")
	assertShows(t, u, "政策有误，未保存", "请填写整数")
}

func TestBatchNewBatchFromCopyAndPolicyFileRoundTrip(t *testing.T) {
	u := newSampleUI(t)
	u.shell.show(screenBatch)
	first := u.batch.ID
	tapButton(t, u, "新建批次…")
	typeInto(lastEntry(t, u), "2026年上半年")
	tapButton(t, u, "新建")
	u.jobs.wait()
	if u.batch.ID == first || u.batch.Name != "2026年上半年" || len(u.view.all) != 0 {
		t.Fatalf("current batch %q with %d people", u.batch.Name, len(u.view.all))
	}
	if bs, _ := u.st.Batches(); len(bs) != 2 {
		t.Fatalf("batches = %d", len(bs))
	}

	path := filepath.Join(t.TempDir(), "policy.json")
	u.picker().save = path
	tapButton(t, u, "导出政策文件…")
	p, err := policy.ReadFile(path)
	if err != nil || p.Name != "2026年上半年" {
		t.Fatalf("exported policy %q: %v", p.Name, err)
	}
	u.picker().open = path
	tapButton(t, u, "导入政策文件…")
	assertShows(t, u, "已把“2026年上半年”的政策填入表单")

	// Switching back to the first batch shows its people again.
	u.batchScr.batchSel.SetSelected(batchLabel(u.batches[0], u.batches))
	u.jobs.wait()
	if u.batch.ID != first || len(u.view.all) != 5 {
		t.Errorf("back on %s with %d people", u.batch.ID, len(u.view.all))
	}
}

func TestBatchTitlesTableAndExamSpecialtiesAreEditable(t *testing.T) {
	u := newSampleUI(t)
	u.shell.show(screenBatch)
	s := u.batchScr
	if !strings.Contains(s.titles.Text, "工程：技术员/助理工程师/工程师") {
		t.Fatalf("titles table not shown: %q", s.titles.Text)
	}
	// 陈晓雨 (工程, 助理级) gets the title the edited table gives.
	s.titles.SetText(strings.Replace(s.titles.Text, "助理工程师", "助理工程师（试行）", 1))
	s.examSpec.SetText(s.examSpec.Text + "、机械工程")
	tapButton(t, u, "保存批次与政策")
	b, _ := u.st.Batch(u.batch.ID)
	if b.Policy.Titles["工程"].Assistant != "助理工程师（试行）" {
		t.Errorf("stored titles: %+v", b.Policy.Titles["工程"])
	}
	chen := u.rowByID("320706199904120227")
	if chen.res.Eligible || !chen.res.HasReason("EXAM_SERIES") {
		t.Errorf("机械工程 listed as an exam specialty: 陈晓雨 should now be EXAM_SERIES, got %+v", chen.res)
	}

	s.titles.SetText("工程 技术员/助理工程师/工程师")
	tapButton(t, u, "保存批次与政策")
	assertShows(t, u, "第1行")
	if b2, _ := u.st.Batch(u.batch.ID); b2.Policy.Titles["工程"].Assistant != "助理工程师（试行）" {
		t.Error("a bad titles table was saved")
	}
}

func TestBatchLabelShowsTheIDOnlyForTwins(t *testing.T) {
	a := model.Batch{ID: "b1", Name: "2025年上半年"}
	b := model.Batch{ID: "b2", Name: "2025年下半年"}
	if got := batchLabel(a, []model.Batch{a, b}); got != "2025年上半年" {
		t.Errorf("label %q, want the plain name", got)
	}
	twin := model.Batch{ID: "b3", Name: "2025年上半年"}
	if got := batchLabel(a, []model.Batch{a, b, twin}); got != "2025年上半年（b1）" {
		t.Errorf("label %q, want the name with the ID", got)
	}
}
