package sheet

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"chuding/model"
)

// testToday is the day tests judge "in the future" against.
var testToday = model.NewDate(2025, 6, 30)

// testID is a valid ID number for someone born on birth.
func testID(region string, birth model.Date, seq int) string {
	base := fmt.Sprintf("%s%04d%02d%02d%03d", region, birth.Year, int(birth.Month), birth.Day, seq%1000)
	weights := []int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i, w := range weights {
		sum += int(base[i]-'0') * w
	}
	return base + string("10X98765432"[sum%11])
}

// xlsxOf builds a workbook whose first sheet (named name) holds rows; a
// time.Time value becomes a date-formatted cell, as Excel stores dates.
func xlsxOf(t testing.TB, name string, rows [][]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", name); err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		row := r
		if err := f.SetSheetRow(name, cellName(0, i+1), &row); err != nil {
			t.Fatal(err)
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// csvOf renders rows as CSV text.
func csvOf(t testing.TB, rows [][]string) string {
	t.Helper()
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	if err := w.WriteAll(rows); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func importCSVText(t testing.TB, text string, opts ...Option) *Preview {
	t.Helper()
	pv, err := ImportReader(bytes.NewReader([]byte(text)), KindCSV, append([]Option{AsOf(testToday)}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	return pv
}

// everyField generates n people who together use every field of the people
// file: several education records of every type, approximate dates,
// fractional 学制, up to three degrees, every appraisal result, continuing
// education both done and not, the yes/no fields both ways, and multi-line
// opinions. Each person passes model.Person.ValidateOn(testToday).
func everyField(n int) []model.Person {
	rng := rand.New(rand.NewPCG(7, 11))
	regions := []string{"320706", "320703", "320722", "110101", "440305"}
	people := make([]model.Person, n)
	for i := range people {
		birth := model.NewDate(1975+rng.IntN(25), time.Month(1+rng.IntN(12)), 1+rng.IntN(28))
		gradYear := birth.Year + 21 + rng.IntN(3)
		p := model.Person{
			Name:          []string{"陈晓雨", "刘子涵", "周敏", "阿依古丽·买买提", "欧阳明月"}[i%5],
			IDNumber:      testID(regions[i%len(regions)], birth, i/len(regions)), // unique up to 5,000 people
			Unit:          fmt.Sprintf("连云港示例单位%d有限公司", i%3),
			Relation:      model.Relations[i%len(model.Relations)],
			CivilServant:  i%7 == 3,
			Retired:       i%11 == 5,
			Series:        []string{"工程", "农业", "教育", "卫生技术"}[i%4],
			Specialty:     "专业" + fmt.Sprint(i),
			WorkStart:     model.NewDate(gradYear, 7, 1+rng.IntN(28)),
			Phone:         fmt.Sprintf("1380000%04d", i),
			Political:     []string{"", "中共党员", "群众"}[i%3],
			Post:          []string{"", "设计部 工程师"}[i%2],
			TraineeResult: []string{"", "合格"}[i%2],
			Opinion:       fmt.Sprintf("该同志第%d号，工作认真负责。\n第二行：业务扎实，\"引号\"与逗号,都在。", i),
		}
		if i%4 == 1 {
			p.SanctionUntil = model.NewDate(2026, 3, 31)
		}
		if i%6 == 2 {
			p.QualificationCert = "教师资格证 2021320000000" + fmt.Sprint(i)
		}
		if i%5 == 4 {
			p.WorkStart = model.Date{Year: gradYear, Month: 8, Day: 1, Approx: true}
		}
		p.Education = education(rng, i, birth, gradYear)
		p.Degrees = [][]string{{}, {"学士"}, {"学士", "硕士"}, {"学士", "第二学士", "硕士"}}[i%4]
		p.Appraisals = map[int]string{}
		p.ContinuingEd = map[int]bool{}
		for y := max(p.WorkStart.Year, 2018); y <= 2024; y++ {
			p.Appraisals[y] = model.AppraisalResults[(i+y)%len(model.AppraisalResults)]
			p.ContinuingEd[y] = (i+y)%3 != 0
		}
		people[i] = p
	}
	return people
}

func education(rng *rand.Rand, i int, birth model.Date, gradYear int) []model.Education {
	main := model.Education{
		Level: "本科", Type: model.EduNational, School: "江苏海洋大学", Major: "机械工程",
		Start: model.NewDate(gradYear-4, 9, 1), Graduated: model.NewDate(gradYear, 6, 20+rng.IntN(10)),
		FullTime: true, Years: 4,
	}
	switch i % 6 {
	case 0:
		return []model.Education{main}
	case 1:
		tech := model.Education{Level: "高级工班", Type: model.EduTechnical, School: "连云港技师学院", Major: "数控加工",
			Graduated: model.NewDate(gradYear-3, 6, 30), FullTime: true, Years: 3}
		return []model.Education{tech, {Level: "大专", Type: model.EduNational, School: "开放大学", Major: "机电一体化",
			Start: model.Date{Year: gradYear - 2, Month: 3, Day: 1, Approx: true}, Graduated: model.NewDate(gradYear, 1, 10), Years: 2.5}}
	case 2:
		return []model.Education{{Level: "大专", Type: model.EduMilitary, School: "某部队院校", Major: "通信工程",
			Graduated: model.NewDate(gradYear, 7, 1), FullTime: true, Certified: true}}
	case 3:
		return []model.Education{
			{Level: "中专", Type: model.EduNational, School: "连云港中等专业学校", Major: "会计", Graduated: model.NewDate(birth.Year+18, 6, 30), FullTime: true, Years: 3},
			{Level: "本科", Type: model.EduParty, School: "江苏省委党校", Major: "经济管理", Graduated: model.NewDate(gradYear, 12, 31), Certified: true, Years: 2},
			{Level: "硕士", Type: model.EduNational, School: "南京大学", Major: "管理学", Start: model.NewDate(gradYear+1, 9, 1), Graduated: model.NewDate(gradYear+3, 6, 30), Years: 2.5},
		}
	case 4:
		return []model.Education{{Level: "本科", Type: model.EduUnfinished, School: "南京工业大学", Major: "土木工程",
			Graduated: model.NewDate(gradYear, 6, 30), FullTime: true, Years: 4}, {Level: "大专", Type: model.EduTraining, School: "培训中心", Major: "安全管理",
			Graduated: model.Date{Year: gradYear + 1, Month: 5, Day: 1, Approx: true}}}
	}
	return nil
}
