package store

import (
	"strings"
	"testing"
	"time"

	"chuding/model"
)

func TestEveryChangeIsAuditedWithoutFullIDs(t *testing.T) {
	s := openTest(t)
	batch := newBatch(t, s, "2025年上半年")
	p := makePerson(1)
	steps := []struct {
		action string
		do     func() error
	}{
		{"保存单位信息", func() error { return s.SaveUnit(model.Unit{Name: "连云港示例机械有限公司"}) }},
		{"新增人员", func() error { return s.AddPerson(batch, p) }},
		{"修改人员", func() error {
			q := p
			q.IDNumber = makeID(2)
			return s.UpdatePerson(batch, p.IDNumber, q)
		}},
		{"删除人员", func() error { return s.DeletePerson(batch, makeID(2)) }},
		{"导入人员", func() error { return s.ImportPeople(batch, []model.Person{makePerson(3), makePerson(4)}) }},
		// A file name and a setting that happen to hold an ID number.
		{"添加附件", func() error { _, err := s.PutAttachment(makeID(3)+"_劳动合同.pdf", pdfData); return err }},
		{"修改设置", func() error { return s.SetSetting("last_person", makeID(4)) }},
		{"删除批次", func() error { return s.DeleteBatch(batch) }},
	}
	for _, st := range steps {
		if err := st.do(); err != nil {
			t.Fatalf("%s: %v", st.action, err)
		}
	}

	log, err := s.AuditLog(0)
	if err != nil {
		t.Fatal(err)
	}
	// Newest first; the oldest two are 创建数据库 and 保存批次.
	if len(log) != len(steps)+2 {
		t.Fatalf("%d audit entries, want %d: %+v", len(log), len(steps)+2, log)
	}
	for i, st := range steps {
		e := log[len(steps)-1-i]
		if e.Action != st.action {
			t.Errorf("entry %d action %q, want %q", i, e.Action, st.action)
		}
		if e.Who != "张老师" || e.Time.IsZero() {
			t.Errorf("entry %q: who %q time %v", e.Action, e.Who, e.Time)
		}
	}
	for i, e := range log {
		if i > 0 && !e.Time.Before(log[i-1].Time) {
			t.Errorf("entries not newest first at %d: %v then %v", i, log[i-1].Time, e.Time)
		}
		if idLike.MatchString(e.Detail) {
			t.Errorf("entry %q holds a full ID number: %q", e.Action, e.Detail)
		}
	}
	wantDetail := map[string]string{
		"新增人员": p.Name + "（" + model.MaskID(p.IDNumber) + "）",
		"修改人员": "由 " + model.MaskID(p.IDNumber) + " 改为 " + model.MaskID(makeID(2)),
		"导入人员": "导入2人",
		"添加附件": model.MaskID(makeID(3)) + "_劳动合同.pdf",
		"修改设置": "last_person = " + model.MaskID(makeID(4)),
		"删除批次": "2025年上半年，含2人",
	}
	for _, e := range log {
		if w, ok := wantDetail[e.Action]; ok && !strings.Contains(e.Detail, w) {
			t.Errorf("%s detail %q lacks %q", e.Action, e.Detail, w)
		}
	}

	if got, _ := s.AuditLog(3); len(got) != 3 || got[0] != log[0] || got[2] != log[2] {
		t.Errorf("AuditLog(3) = %+v, want the newest three", got)
	}
}

func TestRefusedChangeLeavesNoAuditEntry(t *testing.T) {
	s := openTest(t)
	batch := newBatch(t, s, "2025年上半年")
	s.AddPerson(batch, makePerson(1))
	before, _ := s.AuditLog(0)
	if err := s.AddPerson(batch, makePerson(1)); err == nil {
		t.Fatal("duplicate accepted")
	}
	if err := s.DeletePerson(batch, makeID(50)); err == nil {
		t.Fatal("deleting a missing person succeeded")
	}
	if after, _ := s.AuditLog(0); len(after) != len(before) {
		t.Errorf("refused changes were audited: %+v", after[:len(after)-len(before)])
	}
}

func TestAuditUsesTheClockAndActor(t *testing.T) {
	at := time.Date(2026, 11, 25, 14, 0, 0, 0, time.UTC)
	opt := testOptions()
	opt.Now = func() time.Time { return at }
	opt.Who = "李四"
	s := openAt(t, t.TempDir()+"/chuding.db", opt)
	s.SetSetting("k", "v")
	log, _ := s.AuditLog(1)
	if len(log) != 1 || !log[0].Time.Equal(at) || log[0].Who != "李四" {
		t.Errorf("entry %+v, want time %v by 李四", log, at)
	}
	if def := (Options{}).withDefaults(); def.Who == "" || def.Timeout != time.Second || def.KeepBackups != 10 {
		t.Errorf("defaults %+v", def)
	}
}
