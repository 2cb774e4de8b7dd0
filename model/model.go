// Package model holds chuding's domain types: the unit (employer or agency),
// the batch and its policy, the applicant with education, appraisals and
// continuing education, and the result of checking an applicant against the
// notice. It is plain data with validation: no I/O, no GUI, no PDF.
package model

// Employment relations the notice (一) brings into scope.
const (
	RelationLabour   = "劳动合同"
	RelationHire     = "聘用合同"
	RelationAgency   = "人事代理"
	RelationDispatch = "劳务派遣"
)

// Relations lists the employment relations in the order forms show them.
var Relations = []string{RelationLabour, RelationHire, RelationAgency, RelationDispatch}

// Education types of a record (二(二)).
const (
	EduNational   = "国民教育"
	EduMilitary   = "部队院校"
	EduParty      = "党校"
	EduTechnical  = "技工院校"
	EduUnfinished = "结业"
	EduTraining   = "培训"
)

// EducationTypes lists the record types in the order forms show them.
var EducationTypes = []string{EduNational, EduMilitary, EduParty, EduTechnical, EduUnfinished, EduTraining}

// Education levels, lowest first. 技工院校 records use the class names instead.
var EducationLevels = []string{"高中", "中专", "大专", "本科", "硕士", "博士"}

// TechnicalClasses are the 技工院校 classes (二(二)2).
var TechnicalClasses = []string{"中级工班", "高级工班", "预备技师班", "技师班"}

// Degrees a person may hold.
var Degrees = []string{"学士", "第二学士", "硕士", "博士"}

// Appraisal results seen on annual appraisals (二(三)).
var AppraisalResults = []string{"优秀", "良好", "合格", "称职", "基本合格", "基本称职", "不合格", "不称职", "不定等次"}

// Title levels an applicant can be given.
const (
	LevelJunior    = "员级"
	LevelAssistant = "助理级"
	LevelMiddle    = "中级"
)

// Unit is the employer or personnel agency preparing the batch.
type Unit struct {
	Name    string `json:"name"`
	Kind    string `json:"kind"` // 企业, 事业单位, 社会组织, 人事代理机构
	Address string `json:"address"`
	Contact string `json:"contact"` // the HR officer
	Phone   string `json:"phone"`
}

// UnitKinds lists the kinds of unit offered in the app.
var UnitKinds = []string{"企业", "事业单位", "社会组织", "人事代理机构"}

// Education is one education record.
type Education struct {
	Level     string  `json:"level"`
	Type      string  `json:"type"`
	School    string  `json:"school"`
	Major     string  `json:"major"`
	Start     Date    `json:"start,omitzero"`
	Graduated Date    `json:"graduated"`
	FullTime  bool    `json:"full_time"`
	Years     float64 `json:"years,omitempty"`     // 学制
	Certified bool    `json:"certified,omitempty"` // 部队院校 recognised, or 党校 of 中央/省级 level
}

// Attachment is a scanned file attached to one of the person's materials.
// The bytes live in the store, keyed by SHA256.
type Attachment struct {
	Material string `json:"material"` // a material code, e.g. CONTRACT
	Name     string `json:"name"`     // original file name
	SHA256   string `json:"sha256"`
	Size     int64  `json:"size"`
	MIME     string `json:"mime"`
}

// Person is one applicant. The JSON keys are those of the chuding-people/1
// file format (docs/people-format.md); the optional ones after Opinion are
// chuding's own additions for the printed form.
type Person struct {
	Name              string         `json:"name"`
	IDNumber          string         `json:"id_number"`
	Unit              string         `json:"unit"`
	Relation          string         `json:"relation"`
	CivilServant      bool           `json:"civil_servant"`
	Retired           bool           `json:"retired"`
	SanctionUntil     Date           `json:"sanction_until"`
	Series            string         `json:"series"`
	Specialty         string         `json:"specialty"`
	Education         []Education    `json:"education"`
	Degrees           []string       `json:"degrees"`
	WorkStart         Date           `json:"work_start"`
	Appraisals        map[int]string `json:"appraisals"`
	ContinuingEd      map[int]bool   `json:"continuing_ed"`
	QualificationCert string         `json:"qualification_cert"`
	Opinion           string         `json:"opinion"`
	Phone             string         `json:"phone,omitempty"`
	Political         string         `json:"political,omitempty"`      // 政治面貌
	Post              string         `json:"post,omitempty"`           // 工作部门及岗位
	TraineeResult     string         `json:"trainee_result,omitempty"` // 见习期考察结果, e.g. 合格
	Attachments       []Attachment   `json:"-"`
	OpinionDone       bool           `json:"-"`
}

// Canonicalize gives nil lists and maps the empty form the people file
// reads back ([] and {}, not null), so a person compares equal however it
// was read: from JSON, a spreadsheet or the store.
func (p *Person) Canonicalize() {
	if p.Education == nil {
		p.Education = []Education{}
	}
	if p.Degrees == nil {
		p.Degrees = []string{}
	}
	if p.Appraisals == nil {
		p.Appraisals = map[int]string{}
	}
	if p.ContinuingEd == nil {
		p.ContinuingEd = map[int]bool{}
	}
}

// HasDegree reports whether the person holds degree d.
func (p *Person) HasDegree(d string) bool {
	for _, x := range p.Degrees {
		if x == d {
			return true
		}
	}
	return false
}

// Finding is one reason or warning from a check, citing the notice clause.
type Finding struct {
	Code    string `json:"code"`
	Clause  string `json:"clause"`
	Message string `json:"message"`
}

// Material is a paper the applicant must hand in (notice 四).
type Material struct {
	Code   string `json:"code"`
	Name   string `json:"name"`
	Copies string `json:"copies"` // e.g. 原件及复印件, 一式两份
	Source string `json:"source"` // where it comes from
	Clause string `json:"clause"`
}

// Result is the verdict on one person under one policy.
type Result struct {
	Eligible  bool       `json:"eligible"`
	Level     string     `json:"level"`
	Title     string     `json:"title"`
	Reasons   []Finding  `json:"reasons"`
	Warnings  []Finding  `json:"warnings"`
	Materials []Material `json:"materials"`
	// Recognised is the index in Person.Education of the record that
	// counts, or -1 when none is recognised.
	Recognised int `json:"-"`
	// RecognisedAs is the level that record counts as (after 二(二) rules).
	RecognisedAs string `json:"-"`
	// TraineeEnd is the day the 12-month trainee period ends.
	TraineeEnd Date `json:"-"`
}

// HasReason reports whether the result carries a reason with this code.
func (r Result) HasReason(code string) bool {
	for _, f := range r.Reasons {
		if f.Code == code {
			return true
		}
	}
	return false
}
