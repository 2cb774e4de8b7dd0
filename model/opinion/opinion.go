// Package opinion checks the 工作单位或人事档案管理部门鉴定意见 of an
// applicant and drafts a first version from the applicant's own data.
//
// The notice (五(二)) requires the unit to appraise the applicant fairly
// comprehensively ("较全面的鉴定") and forbids a bare "同意申报". Check turns
// that sentence into concrete, explainable tests (length, the five aspects of
// an appraisal, padding, leftover placeholders, another person's name, claims
// that contradict the applicant's data); Draft writes a skeleton the officer
// completes. docs/opinion.md lists every problem code and how to fix it.
package opinion

import (
	"chuding/model"
)

// Problem codes, stable for scripts and the UI (docs/opinion.md).
const (
	CodeEmpty               = "EMPTY"
	CodeBoilerplateOnly     = "BOILERPLATE_ONLY"
	CodeTooShort            = "TOO_SHORT"
	CodeDimensionMissing    = "DIMENSION_MISSING"
	CodePadded              = "PADDED"
	CodePlaceholder         = "PLACEHOLDER"
	CodeOtherName           = "OTHER_NAME"
	CodeContradictAppraisal = "CONTRADICTS_APPRAISAL"
	CodeContradictTitle     = "CONTRADICTS_TITLE"
)

// DefaultMinHan is the least number of Han characters when no policy is
// given; the 2025年上半年 policy uses the same value.
const DefaultMinHan = 150

// MinDimensions is how many of the five aspects an opinion must cover to be
// "较全面" (五(二)).
const MinDimensions = 4

// Problem is one reason the opinion is not yet acceptable; Message is
// Chinese and says what to add or change.
type Problem struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// Report is the verdict on one opinion. Problems and Covered are never nil,
// so the JSON form always has arrays.
type Report struct {
	OK       bool      `json:"ok"`
	Problems []Problem `json:"problems"`
	// Covered names the aspects the opinion speaks to, in Dimensions order.
	Covered []string `json:"covered"`
	// Length is the number of Han characters, not counting text inside
	// placeholders such as 【请填写：…】.
	Length int `json:"length"`
}

// Has reports whether the report carries a problem with this code.
func (r Report) Has(code string) bool {
	for _, p := range r.Problems {
		if p.Code == code {
			return true
		}
	}
	return false
}

// Check appraises text as the 鉴定意见 of p. p may be nil (the applicant's
// name and data are unknown: no name or appraisal check), r may be nil (no
// title check), pol may be nil (DefaultMinHan applies).
func Check(text string, p *model.Person, r *model.Result, pol *model.Policy) Report {
	rep := Report{Problems: []Problem{}, Covered: []string{}}
	if !hasContent(text) {
		rep.Problems = append(rep.Problems, Problem{CodeEmpty,
			"鉴定意见是空的。请对申报人的政治思想和职业道德、业务能力、工作业绩、年度考核与出勤、学习与继续教育作较全面的鉴定（通知五（二））。"})
		return rep
	}
	name := ""
	if p != nil {
		name = p.Name
	}
	sc := scan(text)
	rep.Length = sc.han
	if isBoilerplate(sc.content, name) {
		rep.Problems = append(rep.Problems, Problem{CodeBoilerplateOnly,
			"鉴定意见只有“同意申报”“情况属实”之类的套话，通知五（二）规定不能用“同意申报”等简单表述。" +
				"请写明申报人的政治思想和职业道德、业务能力、工作业绩、年度考核与出勤、学习与继续教育等具体情况。"})
		rep.Problems = append(rep.Problems, placeholderProblems(sc.placeholders)...)
		return rep
	}
	minHan := DefaultMinHan
	if pol != nil && pol.OpinionMinHan > 0 {
		minHan = pol.OpinionMinHan
	}
	if sc.han < minHan {
		rep.Problems = append(rep.Problems, tooShort(sc.han, minHan))
	}
	covered, missing := coverage(sc.body)
	rep.Covered = covered
	if len(covered) < MinDimensions {
		rep.Problems = append(rep.Problems, missing...)
	}
	if pr, ok := padding(&sc); ok {
		rep.Problems = append(rep.Problems, pr)
	}
	rep.Problems = append(rep.Problems, placeholderProblems(sc.placeholders)...)
	if name != "" {
		rep.Problems = append(rep.Problems, otherNames(&sc, name)...)
	}
	if p != nil {
		rep.Problems = append(rep.Problems, appraisalContradictions(&sc, p.Appraisals)...)
	}
	if r != nil && r.Title != "" {
		rep.Problems = append(rep.Problems, titleContradictions(sc.body, r, pol)...)
	}
	rep.OK = len(rep.Problems) == 0
	return rep
}
