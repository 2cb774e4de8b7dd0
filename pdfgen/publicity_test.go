package pdfgen

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"chuding/model"
	"chuding/model/calendar"
	"chuding/model/publicity"
	"chuding/pdfgen/pdftest"
)

// publicityID builds a valid resident ID number (check digit included) for
// test person i, so the rows derive gender and birth month from it.
func publicityID(i int) string {
	n := fmt.Sprintf("320706%04d%02d%02d%03d", 1990+i%10, 1+i%12, 1+i%28, i%1000)
	w := []int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for k, c := range n {
		sum += int(c-'0') * w[k]
	}
	return n + string("10X98765432"[sum%11])
}

var publicitySurnames = []string{"陈", "刘", "周", "孙", "吴", "王", "李", "张", "赵", "钱"}
var publicityGiven = []string{"晓雨", "子涵", "敏", "浩然", "佳琪", "欣怡", "宇航", "思远", "雨桐", "一鸣"}

func publicityPeople(n int) ([]model.Person, []model.Result) {
	people := make([]model.Person, n)
	results := make([]model.Result, n)
	for i := range people {
		people[i] = model.Person{
			Name:     publicitySurnames[i%10] + publicityGiven[(i/10)%10],
			IDNumber: publicityID(i), Unit: "连云港示例机械有限公司", Series: "工程", Specialty: "机械工程",
			Phone: fmt.Sprintf("1380000%04d", i),
			Education: []model.Education{{Level: "本科", Type: model.EduNational, School: "江苏海洋大学",
				Major: "机械设计制造及其自动化"}},
			Degrees:   []string{"学士"},
			WorkStart: model.NewDate(2023, 7, 3),
		}
		results[i] = model.Result{Eligible: true, Title: "助理工程师", Recognised: 0, RecognisedAs: "本科"}
	}
	if n > 1 {
		people[1].Name, people[1].Unit = "刘子涵", "连云港示例研究院"
		people[1].Education[0] = model.Education{Level: "大专", Type: model.EduNational, School: "连云港职业技术学院", Major: "电气自动化技术"}
		people[1].Degrees = nil
		results[1].Title = "技术员"
	}
	return people, results
}

func publicityNotice(t testing.TB, n int, start string) PublicityNotice {
	t.Helper()
	people, results := publicityPeople(n)
	pol := &model.Policy{PublicityWorkdays: 5, WindowEnd: model.MustDate("2025-06-27")}
	return PublicityNotice{
		Unit:        "连云港示例机械有限公司",
		Rows:        publicity.Rows(people, results, false),
		Plan:        publicity.Plan(calendar.Default(), model.MustDate(start), pol),
		Contact:     "王芳",
		Phone:       "0518-85550000",
		Address:     "公司办公楼二楼人力资源部",
		NoticeTitle: "连云港市人才服务中心关于做好2025年度上半年专业技术资格初定工作的通知",
		Created:     testCreated,
	}
}

var publicityIDPattern = regexp.MustCompile(`\d{17}[\dXx]`)

func TestPublicityOnePage(t *testing.T) {
	n := publicityNotice(t, 2, "2025-05-31")
	pdf, err := Publicity(n, nil)
	if err != nil {
		t.Fatal(err)
	}
	look(t, "publicity", pdf)
	pages := pdftest.RequirePages(t, pdf, 1, false)
	pdftest.Contains(t, pages[0],
		"连云港示例机械有限公司",
		"关于陈晓雨等2名同志专业技术资格初定的公示",
		"《连云港市人才服务中心关于做好2025年度上半年专业技术资格初定工作的通知》",
		"序号", "姓名", "性别", "出生年月", "学历（学位）", "毕业院校及专业", "参加工作时间", "现从事专业", "拟初定资格",
		"陈晓雨", "刘子涵", "本科（学士）", "江苏海洋大学", "助理工程师", "技术员", "1990.01", "2023.07",
		// start on the 端午 Saturday moves to Tuesday 6月3日
		"公示时间：2025年6月3日至2025年6月9日（共5个工作日）",
		"书面形式实名", "联系人：王芳", "联系电话：0518-85550000", "公司办公楼二楼人力资源部",
		"连云港示例机械有限公司（盖章）", "2025年6月3日")
	flat := pdftest.Squeeze(pages[0])
	for _, p := range []string{publicityID(0), publicityID(1), "13800000000", "13800000001"} {
		if strings.Contains(flat, p) {
			t.Errorf("the notice shows %s", p)
		}
	}
	if m := publicityIDPattern.FindString(flat); m != "" {
		t.Errorf("the notice shows an 18-character number %s", m)
	}
	if strings.Contains(flat, "第1页") {
		t.Error("a one-page notice needs no page numbers")
	}
}

func TestPublicityOnePersonTitle(t *testing.T) {
	pdf, err := Publicity(publicityNotice(t, 1, "2025-06-03"), nil)
	if err != nil {
		t.Fatal(err)
	}
	pdftest.Contains(t, pdftest.Text(t, pdf)[0], "关于陈晓雨同志专业技术资格初定的公示")
}

func TestPublicityManyPagesRepeatHeader(t *testing.T) {
	n := publicityNotice(t, 200, "2025-06-03")
	pdf, err := Publicity(n, nil)
	if err != nil {
		t.Fatal(err)
	}
	look(t, "publicity-200", pdf)
	pages := pdftest.RequirePages(t, pdf, len(pdftest.Pages(t, pdf)), false)
	if len(pages) < 3 {
		t.Fatalf("200 people on %d pages", len(pages))
	}
	for i, p := range pages {
		pdftest.Contains(t, p, fmt.Sprintf("第%d页共%d页", i+1, len(pages)))
		if strings.Contains(p, "助理工程师") { // a page with rows repeats the header
			pdftest.Contains(t, p, "序号", "姓名", "拟初定资格")
		}
	}
	// The closing part is kept together with the signature.
	pdftest.Contains(t, pages[len(pages)-1], "公示时间", "书面形式实名", "联系人：王芳", "（盖章）")
	all := pdftest.Squeeze(strings.Join(pages, ""))
	pdftest.Contains(t, all, "关于陈晓雨等200名同志专业技术资格初定的公示", "（共5个工作日）", "（盖章）")
	for _, r := range n.Rows {
		// every row number shows up once, with its name right after it
		if !strings.Contains(all, fmt.Sprintf("%d%s", r.No, r.Name)) {
			t.Errorf("row %d %s missing", r.No, r.Name)
		}
	}
	if m := publicityIDPattern.FindString(all); m != "" {
		t.Errorf("the notice shows an 18-character number %s", m)
	}
}

func TestPublicityUnknownYearIsMarked(t *testing.T) {
	n := publicityNotice(t, 2, "2027-03-01")
	pdf, err := Publicity(n, nil)
	if err != nil {
		t.Fatal(err)
	}
	pdftest.Contains(t, pdftest.Text(t, pdf)[0], "2027年3月1日至2027年3月5日", calendar.UnknownYearNote)
}

func TestPublicityNoticesPerUnit(t *testing.T) {
	people, results := publicityPeople(5)
	pol := &model.Policy{PublicityWorkdays: 5}
	plan := publicity.Plan(calendar.Default(), model.MustDate("2025-06-03"), pol)
	var ns []PublicityNotice
	for _, g := range publicity.ByUnit(people, results, false) {
		ns = append(ns, PublicityNotice{Unit: g.Unit, Rows: g.Rows, Plan: plan, Contact: "王芳", Phone: "0518-85550000", Created: testCreated})
	}
	pdf, err := PublicityNotices(ns, nil)
	if err != nil {
		t.Fatal(err)
	}
	pages := pdftest.RequirePages(t, pdf, 2, false)
	pdftest.Contains(t, pages[0], "关于陈晓雨等4名同志专业技术资格初定的公示", "连云港示例机械有限公司（盖章）")
	pdftest.Contains(t, pages[1], "连云港示例研究院", "关于刘子涵同志专业技术资格初定的公示", "连云港示例研究院（盖章）")
	if strings.Contains(pages[0], "刘子涵") {
		t.Error("an employer's notice lists another employer's people")
	}
}

func TestPublicityRefusesIncompleteNotice(t *testing.T) {
	tests := []struct {
		name string
		edit func(*PublicityNotice)
		want string
	}{
		{"no contact", func(n *PublicityNotice) { n.Contact = "" }, "联系人"},
		{"no phone", func(n *PublicityNotice) { n.Phone = " " }, "联系电话"},
		{"no unit", func(n *PublicityNotice) { n.Unit = "" }, "公示单位名称"},
		{"nobody", func(n *PublicityNotice) { n.Rows = nil }, "没有可公示的人员"},
		{"no period", func(n *PublicityNotice) { n.Plan = publicity.PlanResult{} }, "公示期没有算出"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := publicityNotice(t, 2, "2025-06-03")
			tt.edit(&n)
			if _, err := Publicity(n, nil); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestPublicityIsByteStable(t *testing.T) {
	n := publicityNotice(t, 30, "2025-06-03")
	a, err := Publicity(n, nil)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Publicity(n, nil)
	if !bytes.Equal(a, b) {
		t.Error("the same notice gave different bytes")
	}
}

func BenchmarkPublicity200(b *testing.B) {
	n := publicityNotice(b, 200, "2025-06-03")
	fonts, err := DefaultFonts()
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := Publicity(n, fonts); err != nil {
			b.Fatal(err)
		}
	}
}
