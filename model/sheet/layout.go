package sheet

import (
	"slices"
	"strconv"
	"strings"

	"chuding/model"
)

// column is one column chuding writes on the 人员 sheet.
type column struct {
	header   string
	bind     binding
	width    float64
	required bool     // ValidateOn or the importer refuses the row without it
	choices  []string // drop-down values, if any
}

// layout is the shape of a written 人员 sheet: how many education records
// and degrees, which years of appraisals and continuing education, and
// whether the check results follow.
type layout struct {
	edu, degrees int
	years        []int // appraisal and continuing-education years, ascending
	results      bool
}

var yesNo = []string{"是", "否"}

// Education levels offered in the drop-down: the national levels, then the
// 技工院校 classes (二(二)2).
var levelChoices = slices.Concat(model.EducationLevels, model.TechnicalClasses)

func (l layout) columns() []column {
	cols := []column{
		{header: personHeaders[fSeq], bind: binding{f: fSeq}, width: 6},
		{header: personHeaders[fName], bind: binding{f: fName}, width: 10, required: true},
		{header: personHeaders[fID], bind: binding{f: fID}, width: 21, required: true},
		{header: personHeaders[fUnit], bind: binding{f: fUnit}, width: 28},
		{header: personHeaders[fRelation], bind: binding{f: fRelation}, width: 11, required: true, choices: model.Relations},
		{header: personHeaders[fSeries], bind: binding{f: fSeries}, width: 10, required: true},
		{header: personHeaders[fSpecialty], bind: binding{f: fSpecialty}, width: 14},
		{header: personHeaders[fWorkStart], bind: binding{f: fWorkStart}, width: 13, required: true},
	}
	for n := 1; n <= l.edu; n++ {
		for _, f := range eduOrder {
			c := column{header: eduHeader(f, n), bind: binding{f, n}, width: 12}
			switch f {
			case fEduLevel:
				c.choices = levelChoices
			case fEduType:
				c.choices = model.EducationTypes
			case fEduFullTime, fEduCertified:
				c.choices = yesNo
			case fEduSchool, fEduMajor:
				c.width = 20
			}
			cols = append(cols, c)
		}
	}
	for n := 1; n <= l.degrees; n++ {
		cols = append(cols, column{header: degreeHeader(n), bind: binding{fDegree, n}, width: 9, choices: model.Degrees})
	}
	for _, y := range l.years {
		cols = append(cols, column{header: appraisalHeader(y), bind: binding{fAppraisal, y}, width: 12, choices: model.AppraisalResults})
	}
	for _, y := range l.years {
		cols = append(cols, column{header: contEdHeader(y), bind: binding{fContEd, y}, width: 12, choices: yesNo})
	}
	cols = append(cols,
		column{header: personHeaders[fCivil], bind: binding{f: fCivil}, width: 10, choices: yesNo},
		column{header: personHeaders[fRetired], bind: binding{f: fRetired}, width: 9, choices: yesNo},
		column{header: personHeaders[fSanction], bind: binding{f: fSanction}, width: 13},
		column{header: personHeaders[fCert], bind: binding{f: fCert}, width: 16},
		column{header: personHeaders[fPolitical], bind: binding{f: fPolitical}, width: 10},
		column{header: personHeaders[fPost], bind: binding{f: fPost}, width: 16},
		column{header: personHeaders[fPhone], bind: binding{f: fPhone}, width: 14},
		column{header: personHeaders[fTrainee], bind: binding{f: fTrainee}, width: 12},
		column{header: personHeaders[fOpinion], bind: binding{f: fOpinion}, width: 50},
	)
	if l.results {
		for _, h := range []string{hVerdict, hLevel, hTitle, hReasons, hWarnings} {
			w := 10.0
			if h == hReasons || h == hWarnings {
				w = 40
			}
			cols = append(cols, column{header: h, bind: binding{f: fResult}, width: w})
		}
	}
	return cols
}

// layoutFor is the smallest layout that holds every field of people: at
// least the template's two education records and two degrees, and the
// template's years when nobody has any.
func layoutFor(people []model.Person, results bool) layout {
	l := layout{edu: 2, degrees: 2, results: results}
	years := map[int]bool{}
	for i := range people {
		p := &people[i]
		l.edu = max(l.edu, len(p.Education))
		l.degrees = max(l.degrees, len(p.Degrees))
		for y := range p.Appraisals {
			years[y] = true
		}
		for y := range p.ContinuingEd {
			years[y] = true
		}
	}
	for y := range years {
		l.years = append(l.years, y)
	}
	slices.Sort(l.years)
	if len(l.years) == 0 {
		l.years = DefaultYears(model.Today())
	}
	return l
}

// DefaultYears are the appraisal years a template offers on day today: the
// five completed years before it (a year's appraisal is done at its end).
func DefaultYears(today model.Date) []int {
	ys := make([]int, 0, 5)
	for y := today.Year - 5; y < today.Year; y++ {
		ys = append(ys, y)
	}
	return ys
}

// YearsFor are the appraisal years relevant to a batch whose seniority is
// counted to cutoff (二(一)5): the five years before the cutoff's year.
func YearsFor(pol *model.Policy) []int { return DefaultYears(pol.Cutoff) }

// cells are the values of person p in the columns cols, as the importer
// reads them back.
func cells(p *model.Person, cols []column) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = cellValue(p, c.bind)
	}
	return out
}

func cellValue(p *model.Person, b binding) string {
	switch b.f {
	case fName:
		return p.Name
	case fID:
		return p.IDNumber
	case fUnit:
		return p.Unit
	case fRelation:
		return p.Relation
	case fSeries:
		return p.Series
	case fSpecialty:
		return p.Specialty
	case fWorkStart:
		return p.WorkStart.String()
	case fCivil:
		return yn(p.CivilServant)
	case fRetired:
		return yn(p.Retired)
	case fSanction:
		return p.SanctionUntil.String()
	case fCert:
		return p.QualificationCert
	case fPolitical:
		return p.Political
	case fPost:
		return p.Post
	case fPhone:
		return p.Phone
	case fTrainee:
		return p.TraineeResult
	case fOpinion:
		return p.Opinion
	case fDegree:
		if b.n <= len(p.Degrees) {
			return p.Degrees[b.n-1]
		}
	case fAppraisal:
		return p.Appraisals[b.n]
	case fContEd:
		if done, ok := p.ContinuingEd[b.n]; ok {
			return yn(done)
		}
	}
	if b.isEdu() && b.n <= len(p.Education) {
		return eduValue(&p.Education[b.n-1], b.f)
	}
	return ""
}

func eduValue(e *model.Education, f field) string {
	switch f {
	case fEduLevel:
		return e.Level
	case fEduType:
		return e.Type
	case fEduSchool:
		return e.School
	case fEduMajor:
		return e.Major
	case fEduStart:
		return e.Start.String()
	case fEduGraduated:
		return e.Graduated.String()
	case fEduFullTime:
		return yn(e.FullTime)
	case fEduYears:
		if e.Years == 0 {
			return ""
		}
		return strconv.FormatFloat(e.Years, 'f', -1, 64)
	case fEduCertified:
		return yn(e.Certified)
	}
	return ""
}

func yn(b bool) string {
	if b {
		return "是"
	}
	return "否"
}

// resultCells are the check-result columns for r: 可申报/不可申报, level,
// title, and the reasons and warnings each with the notice clause.
func resultCells(r *model.Result) []string {
	verdict := "不可申报"
	if r.Eligible {
		verdict = "可申报"
	}
	return []string{verdict, r.Level, r.Title, findings(r.Reasons), findings(r.Warnings)}
}

func findings(fs []model.Finding) string {
	lines := make([]string, len(fs))
	for i, f := range fs {
		if f.Clause != "" {
			lines[i] = "【" + f.Clause + "】" + f.Message
		} else {
			lines[i] = f.Message
		}
	}
	return strings.Join(lines, "\n")
}
