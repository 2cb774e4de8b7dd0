package pdfgen

import (
	"strings"
	"testing"

	"chuding/model"
	"chuding/model/calendar"
	"chuding/model/publicity"
	"chuding/pdfgen/pdftest"
)

func publicityOutcome(t testing.TB, n int) PublicityOutcome {
	t.Helper()
	notice := publicityNotice(t, n, "2025-06-03")
	return PublicityOutcome{
		Unit:        notice.Unit,
		Recipient:   "连云港市人才服务中心",
		Rows:        notice.Rows,
		Plan:        notice.Plan,
		Phone:       "0518-85550000",
		NoticeTitle: notice.NoticeTitle,
		Created:     testCreated,
	}
}

func TestPublicityNoteNoObjection(t *testing.T) {
	o := publicityOutcome(t, 2)
	o.Date = model.MustDate("2025-06-10")
	pdf, err := PublicityNote(o, nil)
	if err != nil {
		t.Fatal(err)
	}
	look(t, "publicity-note", pdf)
	pages := pdftest.RequirePages(t, pdf, 1, false)
	pdftest.Contains(t, pages[0], "公示情况说明", "连云港市人才服务中心：",
		"我单位于2025年6月3日至2025年6月9日（共5个工作日），在本单位公示栏",
		"陈晓雨等2名同志", "未收到任何单位或个人", "公示结果：无异议。",
		"公示人员名单（共2名）：陈晓雨、刘子涵。", "特此说明。",
		"单位负责人（签字）：", "经办人（签字）：", "联系电话：0518-85550000",
		"连云港示例机械有限公司（盖章）", "2025年6月10日")
	if m := publicityIDPattern.FindString(pdftest.Squeeze(pages[0])); m != "" {
		t.Errorf("the note shows an 18-character number %s", m)
	}
}

func TestPublicityNoteWithObjections(t *testing.T) {
	o := publicityOutcome(t, 3)
	o.Place = "公司一楼宣传栏"
	o.Objections = "6月5日收到职工王某实名书面反映，称刘子涵的参加工作时间填写有误"
	o.Handled = "经核对劳动合同和社保缴费记录，刘子涵参加工作时间为2023年7月，填写无误，已书面答复反映人。"
	pdf, err := PublicityNote(o, nil)
	if err != nil {
		t.Fatal(err)
	}
	look(t, "publicity-note-objection", pdf)
	pages := pdftest.RequirePages(t, pdf, 1, false)
	pdftest.Contains(t, pages[0], "在公司一楼宣传栏", "收到以下异议：6月5日收到职工王某实名书面反映",
		"填写有误。", "处理情况：经核对劳动合同", "已按上述情况核实处理", "年月日")
	if strings.Contains(pages[0], "无异议") {
		t.Error("a publicity with objections must not say 无异议")
	}
}

func TestPublicityNoteTwoHundredNamesStayShort(t *testing.T) {
	pdf, err := PublicityNote(publicityOutcome(t, 200), nil)
	if err != nil {
		t.Fatal(err)
	}
	pages := pdftest.Text(t, pdf)
	if len(pages) > 2 {
		t.Errorf("%d pages", len(pages))
	}
	pdftest.Contains(t, strings.Join(pages, ""), "公示人员名单（共200名）", "（盖章）")
}

func TestPublicityNoteUnknownYear(t *testing.T) {
	o := publicityOutcome(t, 1)
	o.Plan = publicity.Plan(calendar.Default(), model.MustDate("2027-03-01"), &model.Policy{PublicityWorkdays: 5})
	pdf, err := PublicityNote(o, nil)
	if err != nil {
		t.Fatal(err)
	}
	pdftest.Contains(t, pdftest.Text(t, pdf)[0], calendar.UnknownYearNote)
}

func TestPublicityNoteRefuses(t *testing.T) {
	tests := []struct {
		name string
		edit func(*PublicityOutcome)
		want string
	}{
		{"objection without handling", func(o *PublicityOutcome) { o.Objections = "有人反映学历不符" }, "处理情况"},
		{"dated inside the period", func(o *PublicityOutcome) { o.Date = model.MustDate("2025-06-09") }, "公示期满后"},
		{"no unit", func(o *PublicityOutcome) { o.Unit = "" }, "单位名称"},
		{"nobody", func(o *PublicityOutcome) { o.Rows = nil }, "没有公示人员"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := publicityOutcome(t, 2)
			tt.edit(&o)
			if _, err := PublicityNote(o, nil); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want %q", err, tt.want)
			}
		})
	}
	o := publicityOutcome(t, 2)
	o.Objections = " 无异议 "
	if _, err := PublicityNote(o, nil); err != nil {
		t.Errorf("无异议 needs no handling: %v", err)
	}
}

func BenchmarkPublicityNote200(b *testing.B) {
	o := publicityOutcome(b, 200)
	fonts, err := DefaultFonts()
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := PublicityNote(o, fonts); err != nil {
			b.Fatal(err)
		}
	}
}
