package model

import (
	"fmt"
	"slices"
	"strings"
)

// FieldError is one problem in a record: the field (Chinese label with an
// index where needed, e.g. "学历[2].毕业时间") and a message that says the fix.
type FieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

func (e FieldError) Error() string { return e.Field + "：" + e.Message }

// Validate returns every problem in p at once, compared against today.
func (p *Person) Validate() []FieldError { return p.ValidateOn(Today()) }

// ValidateOn returns every problem in p, with "in the future" judged against
// today (injected so tests are stable).
func (p *Person) ValidateOn(today Date) []FieldError {
	var errs []FieldError
	add := func(field, format string, args ...any) {
		errs = append(errs, FieldError{Field: field, Message: fmt.Sprintf(format, args...)})
	}
	if strings.TrimSpace(p.Name) == "" {
		add("姓名", "请填写姓名")
	}
	res, idErr := ParseID(p.IDNumber)
	if idErr != nil {
		add("身份证号码", "%s", idErr.Error())
	}
	if p.Relation == "" {
		add("人事关系", "请选择人事关系（%s）", strings.Join(Relations, "、"))
	} else if !slices.Contains(Relations, p.Relation) {
		add("人事关系", "“%s”不在初定范围内的人事关系之列（%s）", p.Relation, strings.Join(Relations, "、"))
	}
	if strings.TrimSpace(p.Series) == "" {
		add("申报系列", "请填写申报系列，例如“工程”")
	}
	for i, e := range p.Education {
		errs = append(errs, e.validate(fmt.Sprintf("学历[%d]", i+1), res, idErr == nil, today)...)
	}
	for i, d := range p.Degrees {
		if !slices.Contains(Degrees, d) {
			add(fmt.Sprintf("学位[%d]", i+1), "学位“%s”无法识别，请填写%s之一", d, strings.Join(Degrees, "、"))
		}
	}
	switch {
	case p.WorkStart.IsZero():
		add("参加工作时间", "请填写参加工作时间")
	case p.WorkStart.After(today):
		add("参加工作时间", "参加工作时间%s晚于今天，请核对", p.WorkStart)
	case idErr == nil && AgeOn(res.Birth, p.WorkStart) < 16:
		add("参加工作时间", "按身份证出生日期推算，参加工作时不满16周岁，请核对参加工作时间或身份证号码")
	}
	for _, y := range sortedYears(p.Appraisals) {
		if !slices.Contains(AppraisalResults, p.Appraisals[y]) {
			add(fmt.Sprintf("年度考核[%d]", y), "考核结果“%s”无法识别，请填写%s之一", p.Appraisals[y], strings.Join(AppraisalResults, "、"))
		}
		if y < 1950 || y > today.Year {
			add(fmt.Sprintf("年度考核[%d]", y), "年度%d不合理，请核对", y)
		}
	}
	for y := range p.ContinuingEd {
		if y < 1950 || y > today.Year {
			add(fmt.Sprintf("继续教育[%d]", y), "年度%d不合理，请核对", y)
		}
	}
	return errs
}

func (e Education) validate(field string, res Resident, haveBirth bool, today Date) []FieldError {
	var errs []FieldError
	add := func(sub, format string, args ...any) {
		errs = append(errs, FieldError{Field: field + "." + sub, Message: fmt.Sprintf(format, args...)})
	}
	if !slices.Contains(EducationTypes, e.Type) {
		add("类型", "学历类型“%s”无法识别，请填写%s之一", e.Type, strings.Join(EducationTypes, "、"))
	}
	levels := EducationLevels
	if e.Type == EduTechnical {
		levels = TechnicalClasses
	}
	if !slices.Contains(levels, e.Level) {
		add("层次", "“%s”不是%s的学历层次，请填写%s之一", e.Level, orDefault(e.Type, "该类型"), strings.Join(levels, "、"))
	}
	switch {
	case e.Graduated.After(today):
		add("毕业时间", "毕业时间%s晚于今天，请核对", e.Graduated)
	case haveBirth && !e.Graduated.IsZero() && !e.Graduated.After(res.Birth):
		add("毕业时间", "毕业时间%s早于出生日期%s，请核对", e.Graduated, res.Birth)
	}
	if !e.Start.IsZero() && !e.Graduated.IsZero() && e.Start.After(e.Graduated) {
		add("入学时间", "入学时间%s晚于毕业时间%s，请核对", e.Start, e.Graduated)
	}
	if e.Years < 0 || e.Years > 10 {
		add("学制", "学制%g年不合理，请填写0到10之间的年数", e.Years)
	}
	return errs
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func sortedYears[V any](m map[int]V) []int {
	ys := make([]int, 0, len(m))
	for y := range m {
		ys = append(ys, y)
	}
	slices.Sort(ys)
	return ys
}

// Years returns the keys of a per-year map in ascending order.
func Years[V any](m map[int]V) []int { return sortedYears(m) }
