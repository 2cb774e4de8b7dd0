package model

// Titles are the title names of one series at each level.
type Titles struct {
	Junior    string `json:"员级"`
	Assistant string `json:"助理级"`
	Middle    string `json:"中级"`
}

// ForLevel returns the title for level, or "" when the level is unknown.
func (t Titles) ForLevel(level string) string {
	switch level {
	case LevelJunior:
		return t.Junior
	case LevelAssistant:
		return t.Assistant
	case LevelMiddle:
		return t.Middle
	}
	return ""
}

// Centre is the talent service centre that receives the papers (notice 六).
type Centre struct {
	Name    string `json:"name"`
	Address string `json:"address"`
	Phone   string `json:"phone"`
	Hours   string `json:"hours"`
}

// Policy is everything a batch's notice decides. The rules read only this, so
// next year's notice is a new Policy value, not a code change. The built-in
// policies and the JSON file form are in package model/policy.
type Policy struct {
	Name        string `json:"name"`
	NoticeTitle string `json:"notice_title"`
	Cutoff      Date   `json:"cutoff"`       // 二(一)5 资历计算截止
	WindowStart Date   `json:"window_start"` // 六 申报时间
	WindowEnd   Date   `json:"window_end"`
	// TraineeMonths is the 见习期 length (二(一)1-2).
	TraineeMonths int `json:"trainee_months"`
	// Relations in scope (一).
	Relations []string `json:"relations"`
	// ExamSeries are series with a national exam and no 初定 (一).
	ExamSeries []string `json:"exam_series"`
	// ExamSpecialties are specialties that belong to an exam series even
	// when filed under another series name (经济: 人力资源管理, 知识产权, 农业经济).
	ExamSpecialties []string `json:"exam_specialties"`
	// LicensedSeries need a qualification certificate first (二(五)).
	LicensedSeries []string `json:"licensed_series"`
	// PassingAppraisals are the annual appraisal results that count as
	// 合格以上 (二(三)); FirstYearOnly are accepted for the first year only.
	PassingAppraisals []string `json:"passing_appraisals"`
	FirstYearOnly     []string `json:"first_year_only"`
	// PublicityWorkdays is the minimum publicity period (五(三)).
	PublicityWorkdays int `json:"publicity_workdays"`
	// OpinionMinHan is the least number of Han characters an appraisal
	// opinion needs to count as 较全面 (五(二)).
	OpinionMinHan int `json:"opinion_min_han"`
	// Titles maps a series to its title names; DefaultTitles is used for
	// series not in the table.
	Titles        map[string]Titles `json:"titles"`
	DefaultTitles Titles            `json:"default_titles"`
	Centre        Centre            `json:"centre"`
}

// TitleFor returns the title name for series at level.
func (p *Policy) TitleFor(series, level string) string {
	if t, ok := p.Titles[series]; ok {
		if name := t.ForLevel(level); name != "" {
			return name
		}
	}
	if name := p.DefaultTitles.ForLevel(level); name != "" {
		return name
	}
	return level
}

// Publicity records the unit's publicity of its applicants (五(三)).
type Publicity struct {
	Start   Date   `json:"start"`
	End     Date   `json:"end"`
	SignOn  Date   `json:"sign_on"`           // earliest day the unit may sign
	Result  string `json:"result,omitempty"`  // 无异议, or the objections raised
	Handled string `json:"handled,omitempty"` // how objections were handled
}

// Batch is one round of 初定 prepared by one unit under one policy.
type Batch struct {
	ID        string    `json:"id"`
	Name      string    `json:"name"` // e.g. 2025年上半年
	Policy    Policy    `json:"policy"`
	Publicity Publicity `json:"publicity"`
}
