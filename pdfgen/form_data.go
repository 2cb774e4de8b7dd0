package pdfgen

import (
	"fmt"
	"slices"
	"strings"

	"chuding/model"
	"chuding/model/calendar"
)

// formData is everything printed on one 申报表, already turned into text.
type formData struct {
	p        *model.Person
	r        model.Result
	pol      *model.Policy
	unit     string
	title    string
	fillDate string
	birth    string
	gender   string
	draft    []string
	edu      [][]Cell // one row per education record
	eduNote  string   // degrees not matched to a record
	trainee  [2]string
	years    []int
	pub      *model.Publicity
	pubDays  int
}

const blankDate = "      年    月    日"

func newFormData(p *model.Person, r model.Result, pol *model.Policy, opt FormOptions) *formData {
	f := &formData{p: p, r: r, pol: pol, pub: opt.Publicity}
	f.unit = firstNonEmpty(p.Unit, opt.Unit.Name)
	f.title = r.Title
	if f.title == "" && r.Level != "" {
		f.title = pol.TitleFor(p.Series, r.Level)
	}
	f.fillDate = blankDate
	if !opt.FillDate.IsZero() {
		f.fillDate = opt.FillDate.Chinese()
	}
	if id, err := model.ParseID(p.IDNumber); err == nil {
		f.birth, f.gender = id.Birth.YearMonth(), id.Gender
	}
	f.draft = DraftReasons(p, r, pol)
	if opt.Draft {
		f.draft = append([]string{"按要求打印为草稿"}, f.draft...)
	}
	f.edu, f.eduNote = educationRows(p, r)
	f.trainee = traineePeriod(p, r, pol)
	f.years = appraisalYears(p)
	if f.pub != nil && !f.pub.Start.IsZero() && !f.pub.End.IsZero() {
		cal := opt.Calendar
		if cal == nil {
			cal = calendar.Default()
		}
		if len(cal.UnknownYears(f.pub.Start, f.pub.End)) == 0 {
			for d := f.pub.Start; !d.After(f.pub.End); d = d.AddDays(1) {
				if cal.IsWorkday(d) {
					f.pubDays++
				}
			}
		}
	}
	return f
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}

// degreeLevel is the education level a degree is normally earned with.
var degreeLevel = map[string]string{"学士": "本科", "第二学士": "本科", "硕士": "硕士", "博士": "博士"}

// educationRows lists every record, newest last as entered, with the degree
// it most likely carries and a mark on the record the rules recognise
// (二(二)). Degrees that match no record are returned as a note.
func educationRows(p *model.Person, r model.Result) ([][]Cell, string) {
	degreeOf := make([]string, len(p.Education))
	var unmatched []string
	for _, deg := range p.Degrees {
		placed := false
		for i, e := range p.Education {
			if degreeOf[i] == "" && e.Level == degreeLevel[deg] {
				degreeOf[i], placed = deg, true
				break
			}
		}
		if !placed {
			unmatched = append(unmatched, deg)
		}
	}
	rows := make([][]Cell, 0, len(p.Education))
	for i, e := range p.Education {
		mark := ""
		if i == r.Recognised {
			mark = "√"
			if r.RecognisedAs != "" && r.RecognisedAs != e.Level {
				mark = "√ 视同" + r.RecognisedAs
			}
		}
		rows = append(rows, []Cell{C(period(e.Start, e.Graduated)), C(e.School), C(e.Major),
			C(e.Level), C(educationType(e)), C(degreeOf[i]), C(mark)})
	}
	note := ""
	if len(unmatched) > 0 {
		note = "另有学位：" + strings.Join(unmatched, "、")
	}
	return rows, note
}

func period(start, end model.Date) string {
	switch {
	case start.IsZero() && end.IsZero():
		return ""
	case start.IsZero():
		return end.YearMonth() + "毕业"
	case end.IsZero():
		return start.YearMonth() + "—"
	}
	return start.YearMonth() + "—" + end.YearMonth()
}

// educationType is the 类型 column: 全日制/非全日制 for the national
// series, otherwise the kind of school (二(二)).
func educationType(e model.Education) string {
	if e.Type == model.EduNational || e.Type == "" {
		if e.FullTime {
			return "全日制"
		}
		return "非全日制"
	}
	return e.Type
}

// traineePeriod is the 见习期 (二(一)1-2): from the first working day for
// Policy.TraineeMonths months. The rules engine's end date wins when set.
func traineePeriod(p *model.Person, r model.Result, pol *model.Policy) [2]string {
	if p.WorkStart.IsZero() {
		return [2]string{}
	}
	end := r.TraineeEnd
	if end.IsZero() && pol.TraineeMonths > 0 {
		end = p.WorkStart.AddMonths(pol.TraineeMonths).AddDays(-1)
	}
	return [2]string{p.WorkStart.Chinese(), end.Chinese()}
}

// appraisalYears is every year with an appraisal or a continuing
// education record, ascending.
func appraisalYears(p *model.Person) []int {
	years := model.Years(p.Appraisals)
	for _, y := range model.Years(p.ContinuingEd) {
		if !slices.Contains(years, y) {
			years = append(years, y)
		}
	}
	slices.Sort(years)
	return years
}

func (f *formData) relation() string {
	var parts []string
	known := false
	for _, rel := range model.Relations {
		box := "□"
		if rel == f.p.Relation {
			box, known = "■", true
		}
		parts = append(parts, box+rel)
	}
	if !known && f.p.Relation != "" {
		parts = append(parts, "■"+f.p.Relation)
	}
	return strings.Join(parts, "    ")
}

func (f *formData) workHistory() string {
	p := f.p
	if p.WorkStart.IsZero() {
		return ""
	}
	s := p.WorkStart.YearMonth() + "至今  " + f.unit
	if p.Post != "" {
		s += "  " + p.Post
	}
	if p.Specialty != "" {
		s += "  从事" + p.Specialty + "专业技术工作"
	}
	return s
}

func (f *formData) qualification() string {
	p := f.p
	switch {
	case p.QualificationCert != "":
		return p.QualificationCert
	case slices.Contains(f.pol.LicensedSeries, p.Series):
		return "未取得（" + p.Series + "系列须先取得相应资格，通知二（五））"
	}
	return "无（" + firstNonEmpty(p.Series, "该") + "系列不实行职业准入）"
}

func (f *formData) publicityPeriod() string {
	if f.pub == nil || f.pub.Start.IsZero() || f.pub.End.IsZero() {
		return blankDate + " 至" + blankDate + "（共    个工作日）"
	}
	s := f.pub.Start.Chinese() + " 至 " + f.pub.End.Chinese()
	if f.pubDays > 0 {
		s += fmt.Sprintf("（共%d个工作日）", f.pubDays)
	}
	return s
}

func (f *formData) publicityResult() string {
	if f.pub == nil || f.pub.Result == "" {
		return ""
	}
	s := f.pub.Result
	if f.pub.Handled != "" {
		s += "；处理情况：" + f.pub.Handled
	}
	return s
}
