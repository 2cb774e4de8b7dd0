package policy

import (
	"fmt"
	"slices"
	"strings"

	"chuding/model"
)

// Validate returns every problem in p at once, each naming the field (a
// Chinese label, as the policy editor shows it) and the fix. A policy with
// problems must not be used to check anyone.
func Validate(p model.Policy) []model.FieldError {
	var errs []model.FieldError
	add := func(field, format string, args ...any) {
		errs = append(errs, model.FieldError{Field: field, Message: fmt.Sprintf(format, args...)})
	}
	if strings.TrimSpace(p.Name) == "" {
		add("批次名称", "请填写批次名称，例如“2027年上半年”")
	}
	checkDay := func(field string, d model.Date) {
		switch {
		case d.IsZero():
			add(field, "请填写%s，例如 2025-06-30", field)
		case d.Approx:
			add(field, "%s须精确到日，现为“%s”", field, d)
		}
	}
	checkDay("资历计算截止日期", p.Cutoff)
	checkDay("申报开始日期", p.WindowStart)
	checkDay("申报截止日期", p.WindowEnd)
	if !p.WindowStart.IsZero() && !p.WindowEnd.IsZero() && p.WindowEnd.Before(p.WindowStart) {
		add("申报截止日期", "申报截止日期%s早于申报开始日期%s，请核对", p.WindowEnd, p.WindowStart)
	}
	if p.TraineeMonths < 1 || p.TraineeMonths > 60 {
		add("见习期（月）", "见习期%d个月不合理，请填写1到60之间的月数（通知为12个月）", p.TraineeMonths)
	}
	if len(p.Relations) == 0 {
		add("人事关系", "请至少列出一种在初定范围内的人事关系（%s）", strings.Join(model.Relations, "、"))
	}
	checkList(&errs, "人事关系", p.Relations, nil)
	checkList(&errs, "考试系列", p.ExamSeries, nil)
	checkList(&errs, "考试专业", p.ExamSpecialties, nil)
	checkList(&errs, "职业准入系列", p.LicensedSeries, nil)
	if len(p.PassingAppraisals) == 0 {
		add("合格以上的考核结果", "请至少列出一种合格以上的年度考核结果，例如“合格”")
	}
	checkList(&errs, "合格以上的考核结果", p.PassingAppraisals, model.AppraisalResults)
	checkList(&errs, "仅首年可接受的考核结果", p.FirstYearOnly, model.AppraisalResults)
	for _, r := range p.FirstYearOnly {
		if slices.Contains(p.PassingAppraisals, r) {
			add("仅首年可接受的考核结果", "“%s”已列为合格以上的考核结果，不能同时列为仅首年可接受", r)
		}
	}
	if p.PublicityWorkdays < 1 {
		add("公示工作日数", "公示期至少1个工作日（通知为不少于5个工作日）")
	}
	if p.OpinionMinHan < 0 {
		add("鉴定意见最少字数", "字数不能为负数")
	}
	for series := range p.Titles {
		if strings.TrimSpace(series) == "" {
			add("职称名称表", "系列名称不能为空")
		}
	}
	if strings.TrimSpace(p.Centre.Name) == "" {
		add("受理机构名称", "请填写受理机构名称，例如“连云港市人才服务中心”")
	}
	return errs
}

// checkList reports empty and repeated entries, and entries outside known
// when known is given.
func checkList(errs *[]model.FieldError, field string, list, known []string) {
	seen := make(map[string]bool, len(list))
	for i, s := range list {
		label := fmt.Sprintf("%s[%d]", field, i+1)
		switch {
		case strings.TrimSpace(s) == "":
			*errs = append(*errs, model.FieldError{Field: label, Message: "不能为空，请删除该项或填写内容"})
		case seen[s]:
			*errs = append(*errs, model.FieldError{Field: label, Message: fmt.Sprintf("“%s”重复出现，请删除重复项", s)})
		case known != nil && !slices.Contains(known, s):
			*errs = append(*errs, model.FieldError{Field: label, Message: fmt.Sprintf("“%s”无法识别，请填写%s之一", s, strings.Join(known, "、"))})
		}
		seen[s] = true
	}
}
