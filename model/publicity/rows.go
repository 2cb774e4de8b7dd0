package publicity

import (
	"slices"
	"strconv"
	"strings"

	"chuding/model"
)

// Columns are the notice's table headings, in order. The notice shows these
// and nothing else: never an ID number or an applicant's phone number.
var Columns = []string{"序号", "姓名", "性别", "出生年月", "学历（学位）", "毕业院校及专业", "参加工作时间", "现从事专业", "拟初定资格"}

// Row is one applicant as the notice shows them; the fields follow Columns.
type Row struct {
	No            int    // 序号, from 1
	Name          string // 姓名
	Gender        string // 性别, from the ID number
	Birth         string // 出生年月 (1999.04), from the ID number
	Education     string // 学历（学位）: the recognised record and the highest degree
	SchoolMajor   string // 毕业院校及专业 of the recognised record
	WorkStart     string // 参加工作时间 (2023.07)
	Specialty     string // 现从事专业
	Qualification string // 拟初定资格, e.g. 助理工程师
}

// Cells returns the row's values in the order of Columns.
func (r Row) Cells() []string {
	return []string{strconv.Itoa(r.No), r.Name, r.Gender, r.Birth, r.Education, r.SchoolMajor, r.WorkStart, r.Specialty, r.Qualification}
}

// Pending is shown as 拟初定资格 for an ineligible person the user chose to
// include when the rules gave no title.
const Pending = "待定"

// Rows builds the notice's rows; results[i] is the verdict on people[i]. Only
// eligible people are listed unless includeIneligible is set. Rows are
// numbered from 1 in the order of people.
func Rows(people []model.Person, results []model.Result, includeIneligible bool) []Row {
	var rows []Row
	for i := range people {
		if i >= len(results) || !(results[i].Eligible || includeIneligible) {
			continue
		}
		row := rowFor(&people[i], results[i])
		row.No = len(rows) + 1
		rows = append(rows, row)
	}
	return rows
}

// Group is one employer's rows, numbered from 1 within the group.
type Group struct {
	Unit string // the employer as written on the people's records
	Rows []Row
}

// ByUnit groups the rows by employer (Person.Unit), for a personnel agency
// that posts one notice at each workplace. Groups follow the order in which
// their employer first appears; employers with nobody to list are left out.
func ByUnit(people []model.Person, results []model.Result, includeIneligible bool) []Group {
	var groups []Group
	index := map[string]int{}
	for i := range people {
		if i >= len(results) || !(results[i].Eligible || includeIneligible) {
			continue
		}
		unit := strings.TrimSpace(people[i].Unit)
		g, ok := index[unit]
		if !ok {
			g = len(groups)
			index[unit] = g
			groups = append(groups, Group{Unit: unit})
		}
		row := rowFor(&people[i], results[i])
		row.No = len(groups[g].Rows) + 1
		groups[g].Rows = append(groups[g].Rows, row)
	}
	return groups
}

func rowFor(p *model.Person, r model.Result) Row {
	row := Row{
		Name:          strings.TrimSpace(p.Name),
		WorkStart:     p.WorkStart.YearMonth(),
		Specialty:     strings.TrimSpace(p.Specialty),
		Qualification: r.Title,
	}
	if row.Specialty == "" {
		row.Specialty = strings.TrimSpace(p.Series)
	}
	if row.Qualification == "" {
		row.Qualification = Pending
	}
	if id, err := model.ParseID(p.IDNumber); err == nil {
		row.Gender = id.Gender
		row.Birth = id.Birth.YearMonth()
	}
	edu, ok := shownEducation(p, r)
	level := ""
	if ok {
		level = levelText(edu)
		row.SchoolMajor = joinNonEmpty(" ", strings.TrimSpace(edu.School), strings.TrimSpace(edu.Major))
	}
	row.Education = withDegree(level, highestDegree(p.Degrees))
	return row
}

// shownEducation is the recognised record, or for a person without one (an
// ineligible person listed on request) the highest-level record.
func shownEducation(p *model.Person, r model.Result) (model.Education, bool) {
	if r.Recognised >= 0 && r.Recognised < len(p.Education) {
		return p.Education[r.Recognised], true
	}
	best, rank := -1, -1
	for i, e := range p.Education {
		if e.Type == model.EduTraining {
			continue // 二(二)4: training certificates are never 学历
		}
		if k := slices.Index(model.EducationLevels, e.Level); k > rank {
			best, rank = i, k
		}
	}
	if best < 0 {
		return model.Education{}, false
	}
	return p.Education[best], true
}

// levelText is the 学历 as it is written on notices: 本科, 硕士研究生,
// 技工院校高级工班, 党校本科, 大专结业.
func levelText(e model.Education) string {
	level := strings.TrimSpace(e.Level)
	switch level {
	case "硕士", "博士":
		level += "研究生"
	}
	switch e.Type {
	case model.EduTechnical:
		return "技工院校" + level
	case model.EduParty:
		return "党校" + level
	case model.EduMilitary:
		return "部队院校" + level
	case model.EduUnfinished:
		return level + "结业"
	}
	return level
}

func highestDegree(degrees []string) string {
	best, rank := "", -1
	for _, d := range degrees {
		if k := slices.Index(model.Degrees, d); k > rank {
			best, rank = d, k
		}
	}
	return best
}

func withDegree(level, degree string) string {
	switch {
	case degree == "":
		return level
	case level == "":
		return degree + "学位"
	}
	return level + "（" + degree + "）"
}

func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, s := range parts {
		if s != "" {
			out = append(out, s)
		}
	}
	return strings.Join(out, sep)
}

// Names lists the rows' names in order.
func Names(rows []Row) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = r.Name
	}
	return out
}

// Who is how notices name their people: 陈晓雨同志 for one, 陈晓雨等5名同志
// for more (the notice title 关于陈晓雨等5名同志专业技术资格初定的公示).
func Who(names ...string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0] + "同志"
	}
	return names[0] + "等" + strconv.Itoa(len(names)) + "名同志"
}
