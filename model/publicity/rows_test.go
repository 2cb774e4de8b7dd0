package publicity

import (
	"encoding/json"
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"chuding/model"
)

func graduate() model.Person {
	return model.Person{
		Name: "陈晓雨", IDNumber: "320706199904120227", Unit: "连云港示例机械有限公司",
		Series: "工程", Specialty: "机械工程", Phone: "13800000000",
		Education: []model.Education{{Level: "本科", Type: model.EduNational, School: "江苏海洋大学",
			Major: "机械设计制造及其自动化", Graduated: d("2023-06-20"), FullTime: true}},
		Degrees:   []string{"学士"},
		WorkStart: d("2023-07-03"),
	}
}

func doctor() model.Person {
	return model.Person{
		Name: "孙浩然", IDNumber: "320705199201150319", Unit: "连云港示例研究院",
		Series: "工程", Specialty: "化学工程",
		Education: []model.Education{
			{Level: "本科", Type: model.EduNational, School: "南京工业大学", Major: "化学工程与工艺"},
			{Level: "博士", Type: model.EduNational, School: "南京大学", Major: "化学工程"},
		},
		Degrees:   []string{"学士", "硕士", "博士"},
		WorkStart: d("2024-07-01"),
	}
}

func TestRowColumns(t *testing.T) {
	people := []model.Person{graduate(), doctor()}
	results := []model.Result{
		{Eligible: true, Title: "助理工程师", Recognised: 0, RecognisedAs: "本科"},
		{Eligible: true, Title: "工程师", Recognised: 1, RecognisedAs: "博士"},
	}
	rows := Rows(people, results, false)
	want := [][]string{
		{"1", "陈晓雨", "女", "1999.04", "本科（学士）", "江苏海洋大学 机械设计制造及其自动化", "2023.07", "机械工程", "助理工程师"},
		{"2", "孙浩然", "男", "1992.01", "博士研究生（博士）", "南京大学 化学工程", "2024.07", "化学工程", "工程师"},
	}
	if len(rows) != len(want) {
		t.Fatalf("%d rows", len(rows))
	}
	for i, r := range rows {
		if got := r.Cells(); !reflect.DeepEqual(got, want[i]) {
			t.Errorf("row %d = %q, want %q", i+1, got, want[i])
		}
		if len(r.Cells()) != len(Columns) {
			t.Errorf("row has %d cells for %d columns", len(r.Cells()), len(Columns))
		}
	}
}

func TestRowsNeverCarryIDOrPhone(t *testing.T) {
	people := []model.Person{graduate()}
	rows := Rows(people, []model.Result{{Eligible: true, Title: "助理工程师"}}, false)
	long := regexp.MustCompile(`\d{11,}`)
	for _, c := range rows[0].Cells() {
		if long.MatchString(c) || strings.Contains(c, "0227") {
			t.Errorf("cell %q shows an ID or phone number", c)
		}
	}
}

func TestRowsOnlyEligibleUnlessAsked(t *testing.T) {
	people := []model.Person{graduate(), doctor()}
	results := []model.Result{{Eligible: false, Recognised: 0}, {Eligible: true, Title: "工程师", Recognised: 1}}
	rows := Rows(people, results, false)
	if len(rows) != 1 || rows[0].Name != "孙浩然" || rows[0].No != 1 {
		t.Errorf("rows %+v", rows)
	}
	rows = Rows(people, results, true)
	if len(rows) != 2 || rows[0].Qualification != Pending || rows[1].No != 2 {
		t.Errorf("with ineligible: %+v", rows)
	}
}

func TestEducationText(t *testing.T) {
	tests := []struct {
		name    string
		edu     []model.Education
		degrees []string
		rec     int
		want    string
	}{
		{"college without degree", []model.Education{{Level: "大专", Type: model.EduNational}}, nil, 0, "大专"},
		{"master", []model.Education{{Level: "硕士", Type: model.EduNational}}, []string{"学士", "硕士"}, 0, "硕士研究生（硕士）"},
		{"second bachelor", []model.Education{{Level: "本科", Type: model.EduNational}}, []string{"第二学士", "学士"}, 0, "本科（第二学士）"},
		{"technical school", []model.Education{{Level: "高级工班", Type: model.EduTechnical}}, nil, 0, "技工院校高级工班"},
		{"unfinished", []model.Education{{Level: "本科", Type: model.EduUnfinished}}, nil, 0, "本科结业"},
		{"party school", []model.Education{{Level: "本科", Type: model.EduParty}}, nil, 0, "党校本科"},
		{"degree only", nil, []string{"硕士"}, -1, "硕士学位"},
		{"none recognised: highest, never training", []model.Education{
			{Level: "大专", Type: model.EduNational}, {Level: "硕士", Type: model.EduTraining}}, nil, -1, "大专"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := model.Person{Name: "某", Education: tt.edu, Degrees: tt.degrees}
			rows := Rows([]model.Person{p}, []model.Result{{Eligible: true, Recognised: tt.rec}}, false)
			if rows[0].Education != tt.want {
				t.Errorf("got %q, want %q", rows[0].Education, tt.want)
			}
		})
	}
}

func TestByUnit(t *testing.T) {
	a, b, c := graduate(), doctor(), graduate()
	c.Name = "刘子涵"
	people := []model.Person{a, b, c}
	results := []model.Result{{Eligible: true}, {Eligible: true}, {Eligible: true}}
	groups := ByUnit(people, results, false)
	if len(groups) != 2 || groups[0].Unit != "连云港示例机械有限公司" || groups[1].Unit != "连云港示例研究院" {
		t.Fatalf("groups %+v", groups)
	}
	if len(groups[0].Rows) != 2 || groups[0].Rows[1].Name != "刘子涵" || groups[0].Rows[1].No != 2 || groups[1].Rows[0].No != 1 {
		t.Errorf("numbering within groups: %+v", groups)
	}
	results[1].Eligible = false
	if g := ByUnit(people, results, false); len(g) != 1 {
		t.Errorf("an employer with nobody to list must be left out: %+v", g)
	}
}

func TestRowsFromSampleFile(t *testing.T) {
	raw, err := os.ReadFile("../../testdata/people-sample.json")
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		People []model.Person `json:"people"`
	}
	if err := json.Unmarshal(raw, &f); err != nil {
		t.Fatal(err)
	}
	results := make([]model.Result, len(f.People))
	for i := range results {
		results[i] = model.Result{Eligible: true, Title: "助理工程师", Recognised: 0}
	}
	rows := Rows(f.People, results, false)
	if len(rows) != len(f.People) {
		t.Fatalf("%d rows for %d people", len(rows), len(f.People))
	}
	for i, r := range rows {
		if r.Gender == "" || r.Birth == "" || r.WorkStart == "" || r.Name != f.People[i].Name {
			t.Errorf("row %d incomplete: %+v", i+1, r)
		}
	}
}

func TestWho(t *testing.T) {
	tests := map[string][]string{
		"":         nil,
		"陈晓雨同志":    {"陈晓雨"},
		"陈晓雨等3名同志": {"陈晓雨", "刘子涵", "孙浩然"},
	}
	for want, names := range tests {
		if got := Who(names...); got != want {
			t.Errorf("Who(%v) = %q, want %q", names, got, want)
		}
	}
}
