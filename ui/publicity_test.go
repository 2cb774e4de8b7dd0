package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"chuding/model"
)

func TestPublicityComputesPeriodAcrossHolidaysAndRecordsIt(t *testing.T) {
	u := newSampleUI(t)
	u.shell.show(screenPublicity)
	s := u.publicity
	// Eligible people are chosen by default.
	eligible := 0
	for _, r := range u.view.all {
		if r.res.Eligible {
			eligible++
			if !s.chosen[r.p.IDNumber] {
				t.Errorf("eligible %s not preselected", r.p.Name)
			}
		} else if s.chosen[r.p.IDNumber] {
			t.Errorf("ineligible %s preselected", r.p.Name)
		}
	}

	// 2025-05-29 (Thu): 5/31–6/2 is the 端午 holiday, so five working days
	// are 5/29, 5/30, 6/3, 6/4, 6/5 and signing is possible from 6/6.
	s.start.SetText("")
	typeInto(s.start, "2025-05-29")
	if got := s.plan.End; !got.Equal(model.NewDate(2025, 6, 5)) {
		t.Fatalf("end = %s, want 2025-06-05", got)
	}
	if !s.plan.SignFrom.Equal(model.NewDate(2025, 6, 6)) {
		t.Errorf("sign from = %s, want 2025-06-06", s.plan.SignFrom)
	}
	assertShows(t, u, "2025年5月29日至2025年6月5日（共5个工作日）", "2025年6月6日（星期五）",
		"期间不计的节假日：端午节（5月31日至6月2日）")

	// A start on a holiday moves to the next working day, and says so.
	s.start.SetText("2025-06-01")
	if !s.plan.Start.Equal(model.NewDate(2025, 6, 3)) {
		t.Errorf("start on a holiday = %s, want 2025-06-03", s.plan.Start)
	}
	assertShows(t, u, "不是工作日")

	// A start too late for the window warns with the latest start.
	s.start.SetText("2025-06-25")
	assertShows(t, u, "已晚于申报截止日")

	// Record the period and the result; print both PDFs.
	s.start.SetText("2025-05-29")
	tapButton(t, u, "记录公示期")
	b, err := u.st.Batch(u.batch.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !b.Publicity.End.Equal(model.NewDate(2025, 6, 5)) || !b.Publicity.SignOn.Equal(model.NewDate(2025, 6, 6)) {
		t.Fatalf("stored publicity = %+v", b.Publicity)
	}
	dir := t.TempDir()
	u.picker().save = filepath.Join(dir, "公示.pdf")
	tapButton(t, u, "保存公示PDF…")
	pdf, err := os.ReadFile(u.picker().save)
	if err != nil || !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("publicity PDF not written: %v", err)
	}
	if countPages(pdf) < 1 {
		t.Error("publicity PDF has no pages")
	}

	s.outcome.SetSelected(outcomeNone)
	tapButton(t, u, "记录结果")
	b, _ = u.st.Batch(u.batch.ID)
	if b.Publicity.Result != outcomeNone {
		t.Errorf("result = %q, want 无异议", b.Publicity.Result)
	}
	u.picker().save = filepath.Join(dir, "说明.pdf")
	tapButton(t, u, "保存公示情况说明PDF…")
	if fi, err := os.Stat(u.picker().save); err != nil || fi.Size() == 0 || fi.Mode().Perm() != 0o600 {
		t.Fatalf("公示情况说明 not written as a 0600 file: %v", err)
	}
}

func TestPublicityObjectionsNeedHandling(t *testing.T) {
	u := newSampleUI(t)
	u.shell.show(screenPublicity)
	s := u.publicity
	s.start.SetText("2025-05-29")
	tapButton(t, u, "记录公示期")
	s.outcome.SetSelected(outcomeSome)
	typeInto(s.objects, "有职工反映其见习期考察材料不全")
	tapButton(t, u, "记录结果")
	assertShows(t, u, "有异议时请写明反映的问题和处理情况")
	typeInto(s.handled, "经核实材料齐全，已书面答复")
	tapButton(t, u, "记录结果")
	b, _ := u.st.Batch(u.batch.ID)
	if b.Publicity.Handled != "经核实材料齐全，已书面答复" {
		t.Errorf("handling not stored: %+v", b.Publicity)
	}
}
