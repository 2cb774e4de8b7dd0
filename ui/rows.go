package ui

import (
	"cmp"
	"slices"
	"strings"

	"chuding/model"
	"chuding/model/opinion"
	"chuding/model/rules"
)

// status is the officer's view of a person: ready to file, blocked by the
// notice, or data still missing.
type status int

const (
	statusAll status = iota - 1 // filter value: every status
	statusReady
	statusBlocked
	statusIncomplete
)

var statusNames = map[status]string{
	statusAll:        "全部状态",
	statusReady:      "可申报",
	statusBlocked:    "不可申报",
	statusIncomplete: "待完善",
}

func (s status) String() string { return statusNames[s] }

func (s status) tone() tone {
	switch s {
	case statusReady:
		return toneGood
	case statusBlocked:
		return toneBad
	}
	return toneWarn
}

// gapCodes are the reasons that mean "a fact has not been entered yet"
// rather than "the notice rules this person out": a person whose only
// reasons are these is 待完善, not 不可申报.
var gapCodes = []string{"APPRAISAL_MISSING", "CONTINUING_ED_MISSING", "INVALID_ID"}

// opinionState is how far the 鉴定意见 has come.
type opinionState int

const (
	opinionEmpty opinionState = iota
	opinionFailing
	opinionPassing
	opinionDone
)

func (o opinionState) String() string {
	return [...]string{"未填写", "未通过检查", "待确认", "已完成"}[o]
}

func (o opinionState) tone() tone {
	return [...]tone{toneNeutral, toneBad, toneWarn, toneGood}[o]
}

// row caches everything the people table shows about one person, so that
// filtering and sorting 10,000 people never re-runs the rules.
type row struct {
	p       model.Person
	res     model.Result
	errs    []model.FieldError
	status  status
	opinion opinionState
	matHave int
	matNeed int
	edu     string // highest education as shown in the table
	masked  string // masked ID number
	index   string // lower-cased text the search box matches against
}

// newRow evaluates p under pol and builds its cached view.
func newRow(p model.Person, pol *model.Policy, today model.Date) *row {
	r := &row{p: p}
	r.res = rules.Evaluate(&r.p, pol)
	r.errs = p.ValidateOn(today)
	r.status = classify(r.res, r.errs)
	r.opinion = opinionOf(&r.p, &r.res, pol)
	r.matHave, r.matNeed = materialsCount(&r.p, r.res)
	r.edu = highestEducation(&r.p, r.res)
	r.masked = model.MaskID(p.IDNumber)
	r.index = strings.ToLower(strings.Join([]string{
		p.Name, p.IDNumber, p.Series, p.Specialty, p.Unit, p.Post, r.edu, r.status.String(),
	}, "\x00"))
	return r
}

func classify(res model.Result, errs []model.FieldError) status {
	if len(errs) > 0 {
		return statusIncomplete
	}
	if res.Eligible {
		return statusReady
	}
	for _, f := range res.Reasons {
		if !slices.Contains(gapCodes, f.Code) {
			return statusBlocked
		}
	}
	return statusIncomplete
}

func opinionOf(p *model.Person, res *model.Result, pol *model.Policy) opinionState {
	if strings.TrimSpace(p.Opinion) == "" {
		return opinionEmpty
	}
	if !opinion.Check(p.Opinion, p, res, pol).OK {
		return opinionFailing
	}
	if p.OpinionDone {
		return opinionDone
	}
	return opinionPassing
}

// scanned reports whether a material is handed in as a scan the officer
// attaches; the 申报表 itself is printed by chuding.
func scanned(m model.Material) bool { return m.Code != rules.MaterialForm }

func materialsCount(p *model.Person, res model.Result) (have, need int) {
	for _, m := range res.Materials {
		if !scanned(m) {
			continue
		}
		need++
		if slices.ContainsFunc(p.Attachments, func(a model.Attachment) bool { return a.Material == m.Code }) {
			have++
		}
	}
	return have, need
}

func highestEducation(p *model.Person, res model.Result) string {
	if res.Recognised >= 0 && res.Recognised < len(p.Education) {
		return p.Education[res.Recognised].Level
	}
	best := ""
	for _, e := range p.Education {
		if i := slices.Index(model.EducationLevels, e.Level); i > slices.Index(model.EducationLevels, best) {
			best = e.Level
		}
	}
	return best
}

// Columns of the people table.
const (
	colName = iota
	colID
	colSeries
	colEdu
	colWork
	colStatus
	colOpinion
	colMaterials
	numCols
)

var colTitles = [numCols]string{"姓名", "身份证号", "系列", "学历", "参加工作", "状态", "鉴定意见", "材料"}

// peopleView is the filtered, sorted window onto a batch's rows. all keeps
// the batch order (序号, as stored); sorted is all in the table's order.
type peopleView struct {
	all    []*row
	sorted []*row
	shown  []*row
	query  string
	filter status
	sortBy int
	desc   bool
}

func newPeopleView() *peopleView { return &peopleView{filter: statusAll, sortBy: -1} }

// setRows replaces the rows and re-applies filter and sort.
func (v *peopleView) setRows(rows []*row) {
	v.all = rows
	v.sortAll()
	v.apply()
}

// search sets the query (case-insensitive substring of name, ID number,
// series, specialty, unit, post or education) and filters.
func (v *peopleView) search(q string) {
	v.query = strings.ToLower(strings.TrimSpace(q))
	v.apply()
}

// setFilter shows only rows of status s (statusAll for every row).
func (v *peopleView) setFilter(s status) {
	v.filter = s
	v.apply()
}

// sortOn sorts by column c; sorting on the same column again reverses.
func (v *peopleView) sortOn(c int) {
	if v.sortBy == c {
		v.desc = !v.desc
	} else {
		v.sortBy, v.desc = c, false
	}
	v.sortAll()
	v.apply()
}

func (v *peopleView) sortAll() {
	v.sorted = append(v.sorted[:0], v.all...)
	if v.sortBy < 0 {
		return
	}
	key := sortKey(v.sortBy)
	slices.SortStableFunc(v.sorted, func(a, b *row) int {
		c := key(a, b)
		if v.desc {
			return -c
		}
		return c
	})
}

func sortKey(col int) func(a, b *row) int {
	switch col {
	case colID:
		return func(a, b *row) int { return cmp.Compare(a.p.IDNumber, b.p.IDNumber) }
	case colSeries:
		return func(a, b *row) int { return cmp.Compare(a.p.Series, b.p.Series) }
	case colEdu:
		return func(a, b *row) int {
			return cmp.Compare(slices.Index(model.EducationLevels, a.edu), slices.Index(model.EducationLevels, b.edu))
		}
	case colWork:
		return func(a, b *row) int { return a.p.WorkStart.Compare(b.p.WorkStart) }
	case colStatus:
		return func(a, b *row) int { return cmp.Compare(a.status, b.status) }
	case colOpinion:
		return func(a, b *row) int { return cmp.Compare(a.opinion, b.opinion) }
	case colMaterials:
		return func(a, b *row) int { return cmp.Compare(a.matNeed-a.matHave, b.matNeed-b.matHave) }
	}
	return func(a, b *row) int { return cmp.Compare(a.p.Name, b.p.Name) }
}

// apply recomputes shown from all, keeping the sort order.
func (v *peopleView) apply() {
	v.shown = v.shown[:0]
	for _, r := range v.sorted {
		if v.filter != statusAll && r.status != v.filter {
			continue
		}
		if v.query != "" && !strings.Contains(r.index, v.query) {
			continue
		}
		v.shown = append(v.shown, r)
	}
}

// replace swaps the row of the person with oldID for r (or appends r) and
// re-applies the view; only the edited person is re-evaluated.
func (v *peopleView) replace(oldID string, r *row) {
	i := slices.IndexFunc(v.all, func(x *row) bool { return x.p.IDNumber == oldID })
	if i < 0 {
		v.all = append(v.all, r)
	} else {
		v.all[i] = r
	}
	v.sortAll()
	v.apply()
}

// remove drops the person with id.
func (v *peopleView) remove(id string) {
	v.all = slices.DeleteFunc(v.all, func(x *row) bool { return x.p.IDNumber == id })
	v.sortAll()
	v.apply()
}

// counts returns how many rows have each status.
func (v *peopleView) counts() map[status]int {
	m := map[status]int{}
	for _, r := range v.all {
		m[r.status]++
	}
	return m
}
