package rules

import (
	"fmt"
	"strings"

	"chuding/model"
)

// Education ranks, lowest first; 0 means not recognised.
const (
	rankNone = iota
	rankHighSchool
	rankSecondary // 中专
	rankCollege   // 大专
	rankBachelor  // 本科
	rankMaster    // 硕士
	rankDoctor    // 博士
)

var levelRank = map[string]int{"高中": rankHighSchool, "中专": rankSecondary, "大专": rankCollege,
	"本科": rankBachelor, "硕士": rankMaster, "博士": rankDoctor}

var rankLevel = [...]string{"", "高中", "中专", "大专", "本科", "硕士", "博士"}

// technicalRank is 二(二)2: 技工院校 classes count as 中专, 大专, 本科.
var technicalRank = map[string]int{"中级工班": rankSecondary, "高级工班": rankCollege,
	"预备技师班": rankBachelor, "技师班": rankBachelor}

// recognised is the record that counts under 二(二): its index in
// Person.Education (-1 for none) and the rank it counts as.
type recognised struct {
	index int
	rank  int
}

func (r recognised) level() string { return rankLevel[r.rank] }

// recognise applies 二(二) to every record, warns about those that do not
// count, and returns the highest one that does (the first of equal ones).
func (e *evaluation) recognise() recognised {
	best := recognised{index: -1}
	for i := range e.p.Education {
		rank := e.recogniseOne(i, &e.p.Education[i])
		if rank > best.rank {
			best = recognised{index: i, rank: rank}
		}
	}
	return best
}

// recogniseOne returns the rank record i counts as, or rankNone with a warning.
func (e *evaluation) recogniseOne(i int, ed *model.Education) int {
	rank, clause, why := rankOf(ed)
	if rank == rankNone {
		if strings.TrimSpace(ed.Type) == model.EduTraining {
			e.warn(WarnTrainingCertIgnored, "二(二)4", "%s为培训类证书：各类培训班颁发的修业、结业、专业证书不能作为学历依据，仅作为专业能力的参考要素", recordName(i, ed))
		} else {
			e.warn(WarnEducationNotRecognised, clause, "%s不予认可：%s", recordName(i, ed), why)
		}
		return rankNone
	}
	first, last := span(ed.Graduated)
	switch {
	case ed.Graduated.IsZero():
		e.warn(WarnGraduationDateMissing, "二(一)5", "%s未填写毕业时间：无法核对是否在资历计算截止日前取得，请补填", recordName(i, ed))
	case first.After(e.pol.Cutoff):
		e.warn(WarnEducationAfterCutoff, "二(一)5", "%s毕业时间%s晚于资历计算截止日%s，本批次不予计算", recordName(i, ed), ed.Graduated.Chinese(), e.pol.Cutoff.Chinese())
		return rankNone
	case last.After(e.pol.Cutoff):
		e.warn(WarnApproxDate, "二(一)5", "%s毕业时间只填到月（%s），无法确定是否早于资历计算截止日%s，本批次暂不计算；请填写具体日期", recordName(i, ed), ed.Graduated.Chinese(), e.pol.Cutoff.Chinese())
		return rankNone
	}
	return rank
}

// rankOf is 二(二) for one record: the rank it counts as, or rankNone with
// the clause and the reason it does not count.
func rankOf(ed *model.Education) (rank int, clause, why string) {
	level := strings.TrimSpace(ed.Level)
	switch strings.TrimSpace(ed.Type) {
	case model.EduNational:
		if r, ok := levelRank[level]; ok {
			return r, "", ""
		}
		return rankNone, "二(二)", fmt.Sprintf("学历层次“%s”无法识别，请填写%s之一", level, strings.Join(model.EducationLevels, "、"))
	case model.EduMilitary:
		r, ok := levelRank[level]
		switch {
		case !ok:
			return rankNone, "二(二)1", fmt.Sprintf("学历层次“%s”无法识别", level)
		case !ed.Certified:
			return rankNone, "二(二)1", "部队院校学历须经教育行政主管部门认定方予认可；如已认定，请勾选“已认定”"
		case !ed.FullTime:
			return rankNone, "二(二)1", "只认可部队院校全日制教育的毕业证书"
		}
		return r, "", ""
	case model.EduParty:
		r, ok := levelRank[level]
		switch {
		case !ok:
			return rankNone, "二(二)1", fmt.Sprintf("学历层次“%s”无法识别", level)
		case !ed.Certified:
			return rankNone, "二(二)1", "只认可中央党校和省、自治区、直辖市党校授予的党校学历"
		case ed.Years < 2:
			return rankNone, "二(二)1", fmt.Sprintf("只认可学制两年以上的长期班次，现学制为%g年（未填写时为0）", ed.Years)
		}
		return r, "", ""
	case model.EduTechnical:
		if r, ok := technicalRank[level]; ok {
			return r, "", ""
		}
		return rankNone, "二(二)2", fmt.Sprintf("技工院校班次“%s”无法识别，请填写%s之一", level, strings.Join(model.TechnicalClasses, "、"))
	case model.EduUnfinished:
		return unfinishedRank(level, ed.FullTime)
	case model.EduTraining:
		return rankNone, "二(二)4", "培训证书不能作为学历依据"
	}
	return rankNone, "二(二)", fmt.Sprintf("学历类型“%s”无法识别，请填写%s之一", ed.Type, strings.Join(model.EducationTypes, "、"))
}

// unfinishedRank is 二(二)3: a full-time 大中专 结业生 counts one level lower.
func unfinishedRank(level string, fullTime bool) (int, string, string) {
	r, ok := levelRank[level]
	switch {
	case !ok:
		return rankNone, "二(二)3", fmt.Sprintf("学历层次“%s”无法识别", level)
	case !fullTime:
		return rankNone, "二(二)3", "只有全日制普通高等学校的大中专结业生可比照毕业生降低一个等级认定"
	case r == rankSecondary:
		return rankNone, "二(二)3", "中专结业降低一个等级后低于中专，不能作为初定的学历依据"
	case r < rankSecondary:
		return rankNone, "二(二)3", "高中结业不能作为初定的学历依据"
	case r > rankBachelor:
		// The notice covers 大中专结业生 only; postgraduate 结业 is not mentioned.
		return rankNone, "二(二)3", "通知只规定大中专结业生可降级认定，研究生结业不予认定；如有疑问请向人才服务中心咨询"
	}
	return r - 1, "", ""
}

func recordName(i int, ed *model.Education) string {
	name := fmt.Sprintf("学历[%d]", i+1)
	if s := strings.TrimSpace(ed.School); s != "" {
		name += "（" + s + " " + strings.TrimSpace(ed.Level) + "）"
	}
	return name
}
