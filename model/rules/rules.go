package rules

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"chuding/model"
)

// evaluation is the state of one Evaluate call.
type evaluation struct {
	p   *model.Person
	pol *model.Policy
	r   model.Result
}

func (e *evaluation) reason(code, clause, format string, args ...any) {
	e.r.Reasons = append(e.r.Reasons, model.Finding{Code: code, Clause: clause, Message: fmt.Sprintf(format, args...)})
}

func (e *evaluation) warn(code, clause, format string, args ...any) {
	e.r.Warnings = append(e.r.Warnings, model.Finding{Code: code, Clause: clause, Message: fmt.Sprintf(format, args...)})
}

// Evaluate checks p against pol and reports every reason that applies, not
// only the first. Level and Title are set only when the person is eligible;
// Materials are always listed, and are shared between results: treat them
// as read-only. Reasons, Warnings and Materials are never nil. Evaluate
// changes neither p nor pol and is safe to call from several goroutines.
func Evaluate(p *model.Person, pol *model.Policy) model.Result {
	e := evaluation{p: p, pol: pol, r: model.Result{
		Reasons: []model.Finding{}, Warnings: []model.Finding{}, Recognised: -1,
	}}
	e.identity()
	e.scope()
	licensed := e.seriesRules()
	level := e.level()
	e.appraisals()
	e.continuingEd()
	if licensed && strings.TrimSpace(p.QualificationCert) == "" {
		e.reason(ReasonQualificationMissing, "二(五)", "“%s”系列已实行职业准入，须取得相应资格（如教师资格证、执业证）后方可初定；请填写资格证书名称和编号", strings.TrimSpace(p.Series))
	}
	e.r.Eligible = len(e.r.Reasons) == 0
	if e.r.Eligible && level != "" {
		e.r.Level = level
		e.r.Title = e.title(level)
	}
	e.r.Materials = materialsFor(licensed, strings.TrimSpace(p.Relation) == model.RelationDispatch)
	return e.r
}

// identity: the online system (三(二)) registers each applicant by ID number.
func (e *evaluation) identity() {
	if _, err := model.ParseID(e.p.IDNumber); err != nil {
		e.reason(ReasonInvalidID, "三(二)", "%s", err.Error())
	}
}

// scope is 一: relation, civil servants, retirement, sanctions.
func (e *evaluation) scope() {
	rel := strings.TrimSpace(e.p.Relation)
	switch {
	case rel == "":
		e.reason(ReasonOutOfScope, "一", "未填写人事关系：初定范围为%s的专业技术人才，请选择其一", strings.Join(e.pol.Relations, "、"))
	case !slices.Contains(e.pol.Relations, rel):
		e.reason(ReasonOutOfScope, "一", "人事关系“%s”不在初定范围内：只受理%s的专业技术人才", rel, strings.Join(e.pol.Relations, "、"))
	}
	if e.p.CivilServant {
		e.reason(ReasonCivilServant, "一", "公务员（含列入参照公务员法管理的事业单位工作人员）不得申报初定职称")
	}
	if e.p.Retired {
		e.reason(ReasonRetired, "一", "退休人员不得申报初定职称")
	}
	if until := e.p.SanctionUntil; !until.IsZero() {
		first, last := span(until)
		start := e.pol.WindowStart
		switch {
		case !first.Before(start):
			e.reason(ReasonSanctionInEffect, "一", "处分影响期至%s，覆盖本批次申报开始日%s：影响期内不得申报职称初定，请在影响期满后的批次申报", until.Chinese(), start.Chinese())
		case !last.Before(start):
			e.reason(ReasonSanctionInEffect, "一", "处分影响期只填到月（%s），可能覆盖本批次申报开始日%s：按影响期内处理；如影响期在%s前结束，请填写具体日期", until.Chinese(), start.Chinese(), start.Chinese())
			e.warn(WarnApproxDate, "一", "处分影响期只精确到月，已按该月最后一天判断")
		}
	}
}

// seriesRules is 一 (exam series) and reports whether the series needs a
// licence under 二(五).
func (e *evaluation) seriesRules() (licensed bool) {
	series := normSeries(e.p.Series)
	specialty := normSeries(e.p.Specialty)
	if name, ok := matchSeries(series, e.pol.ExamSeries, true); ok {
		e.reason(ReasonExamSeries, "一", "“%s”系列已实行初、中级职称国家统一考试，考试成绩合格即取得相应职称，不再进行初定；请报名参加该系列的职称考试", name)
	} else if name, ok := examSpecialty(series, specialty, e.pol.ExamSpecialties); ok {
		e.reason(ReasonExamSeries, "一", "“%s”专业已实行国家统一考试（属经济系列），考试成绩合格即取得相应职称，不再进行初定；请报名参加职称考试", name)
	}
	_, licensed = matchSeries(series, e.pol.LicensedSeries, true)
	return licensed
}

// examSpecialty matches specialty names exactly or as a prefix only: a
// shorter series name such as 农业 must not match 农业经济.
func examSpecialty(series, specialty string, list []string) (string, bool) {
	if name, ok := matchSeries(specialty, list, false); ok {
		return name, true
	}
	return matchSeries(series, list, false)
}

// level is 二(一)1-5: the level the education and work allow, or "" with a
// reason. The trainee period runs from the work start (issue 3's reading).
func (e *evaluation) level() string {
	started := e.started()
	best := e.recognise()
	e.r.Recognised = best.index
	e.r.RecognisedAs = best.level()
	p := e.p
	doctor := p.HasDegree("博士")
	var level, clause string
	trainee := true
	switch {
	case doctor:
		level, clause, trainee = model.LevelMiddle, "二(一)4", false
	case best.rank >= rankMaster || p.HasDegree("硕士") || p.HasDegree("第二学士"):
		level, clause, trainee = model.LevelAssistant, "二(一)3", false
		if best.rank == rankDoctor {
			e.warn(WarnDoctorDegreeMissing, "二(一)4", "有博士学历但未填写博士学位：初定中级须具备博士学位，现按硕士以上学历初定助理级；如已取得博士学位，请在学位中补填")
		}
	case best.rank == rankBachelor || p.HasDegree("学士"):
		level, clause = model.LevelAssistant, "二(一)2"
	case best.rank >= rankSecondary:
		level, clause = model.LevelJunior, "二(一)1"
	default:
		e.reason(ReasonEducationInsufficient, "二(一)1", "%s：初定须具备中等职业学校（中专）以上毕业学历，或本科以上学位", describeEducation(best))
		return ""
	}
	if rec := e.p.Education; best.index >= 0 && best.rank >= rankSecondary && noChsiRecord[strings.TrimSpace(rec[best.index].Type)] {
		e.warn(WarnEduRecordAlternative, "四(四)", "认定学历为%s（%s），学信网一般没有此类学历的电子注册备案表：请携带毕业证书原件及复印件，并事先向人才服务中心确认替代材料", best.level(), rec[best.index].Type)
	}
	if !started {
		return ""
	}
	if trainee {
		if !e.traineeFull(clause) {
			return ""
		}
		e.traineeChecks(best)
	}
	return level
}

// noChsiRecord are record types 学信网 (四(四)) does not register.
var noChsiRecord = map[string]bool{model.EduMilitary: true, model.EduParty: true, model.EduTechnical: true}

func describeEducation(best recognised) string {
	if best.rank == rankNone {
		return "没有可认定的学历"
	}
	return "认定的最高学历为" + best.level()
}

// started is 二(一)5: the person must be working by the cutoff.
func (e *evaluation) started() bool {
	ws, cutoff := e.p.WorkStart, e.pol.Cutoff
	first, last := span(ws)
	switch {
	case ws.IsZero():
		e.reason(ReasonNotStarted, "二(一)5", "未填写参加工作时间：无法计算资历，请补填")
	case first.After(cutoff):
		e.reason(ReasonNotStarted, "二(一)5", "参加工作时间%s晚于资历计算截止日%s：资历计算到截止日，本批次不能初定", ws.Chinese(), cutoff.Chinese())
	case last.After(cutoff):
		e.reason(ReasonNotStarted, "二(一)5", "参加工作时间只填到月（%s），可能晚于资历计算截止日%s；请填写具体日期", ws.Chinese(), cutoff.Chinese())
		e.warn(WarnApproxDate, "二(一)5", "参加工作时间只精确到月，已按该月最后一天判断")
	default:
		e.r.TraineeEnd = traineeEnd(last, e.pol.TraineeMonths)
		return true
	}
	return false
}

// traineeFull is 二(一)1-2: 见习1年期满 by the cutoff. The period's last day
// is start + TraineeMonths - 1 day, so a start on 2024-07-01 is full on
// 2025-06-30. A month-only start is taken as the month's last day.
func (e *evaluation) traineeFull(clause string) bool {
	ws, cutoff, months := e.p.WorkStart, e.pol.Cutoff, e.pol.TraineeMonths
	first, _ := span(ws)
	if !e.r.TraineeEnd.After(cutoff) {
		return true
	}
	if !traineeEnd(first, months).After(cutoff) {
		e.reason(ReasonTraineePeriodShort, clause, "参加工作时间只填到月（%s），无法确定见习%d个月是否在资历计算截止日%s前期满；请填写具体日期", ws.Chinese(), months, cutoff.Chinese())
		e.warn(WarnApproxDate, clause, "参加工作时间只精确到月，已按该月最后一天计算见习期")
		return false
	}
	e.reason(ReasonTraineePeriodShort, clause, "见习期%d个月自%s起至%s期满，晚于资历计算截止日%s：见习期未满，请在见习期满后的批次申报", months, ws.Chinese(), e.r.TraineeEnd.Chinese(), cutoff.Chinese())
	return false
}

func traineeEnd(start model.Date, months int) model.Date {
	return start.AddMonths(months).AddDays(-1)
}

// traineeChecks warns about the trainee period when it is full on paper.
func (e *evaluation) traineeChecks(best recognised) {
	months, cutoff := e.pol.TraineeMonths, e.pol.Cutoff
	if best.index >= 0 {
		grad := e.p.Education[best.index].Graduated
		if !grad.IsZero() && grad.After(e.p.WorkStart) {
			if end := traineeEnd(grad, months); end.After(cutoff) {
				e.warn(WarnTraineeBeforeGraduation, "二(一)", "参加工作时间%s早于取得%s学历的时间%s：见习期按参加工作时间计算已满；若从取得学历后起算，须至%s期满，请向人才服务中心确认", e.p.WorkStart.Chinese(), best.level(), grad.Chinese(), end.Chinese())
			}
		}
	}
	if res := strings.TrimSpace(e.p.TraineeResult); res != "" && !slices.Contains(e.pol.PassingAppraisals, res) {
		e.warn(WarnTraineeResult, "二(一)", "见习期考察结果为“%s”：通知要求见习期满经考察合格", res)
	}
}

// requiredYears are the years 二(三) and 二(四) ask for: from the year work
// started to the year before the cutoff's year.
// ok is false when the person was not working by the cutoff.
func (e *evaluation) requiredYears() (from, to int, ok bool) {
	ws := e.p.WorkStart
	if ws.IsZero() || ws.After(e.pol.Cutoff) {
		return 0, 0, false
	}
	return ws.Year, e.pol.Cutoff.Year - 1, true
}

// appraisals is 二(三): 单位年度考核均在合格以上; 不定等次 only in the first year.
func (e *evaluation) appraisals() {
	from, to, ok := e.requiredYears()
	if !ok {
		return
	}
	var missing, failed []string
	for y := from; y <= to; y++ {
		res := strings.TrimSpace(e.p.Appraisals[y])
		switch {
		case res == "":
			missing = append(missing, strconv.Itoa(y))
		case slices.Contains(e.pol.PassingAppraisals, res):
		case slices.Contains(e.pol.FirstYearOnly, res):
			if y != from {
				failed = append(failed, fmt.Sprintf("%d年度为“%s”（只有参加工作当年%d年可以%s）", y, res, from, res))
			}
		default:
			failed = append(failed, fmt.Sprintf("%d年度为“%s”", y, res))
		}
	}
	if len(missing) > 0 {
		e.reason(ReasonAppraisalMissing, "二(三)", "缺少%s年度考核结果：须有参加工作当年（%d年）至%d年每年的单位年度考核结果，请补填", strings.Join(missing, "、"), from, to)
	}
	if len(failed) > 0 {
		e.reason(ReasonAppraisalFailed, "二(三)", "单位年度考核须均在合格以上（%s）：%s", strings.Join(e.pol.PassingAppraisals, "、"), strings.Join(failed, "；"))
	}
}

// continuingEd is 二(四): a passed public course every year since work began;
// the cutoff's own year is only a warning.
func (e *evaluation) continuingEd() {
	from, to, ok := e.requiredYears()
	if !ok {
		return
	}
	var missing []string
	for y := from; y <= to; y++ {
		if !e.p.ContinuingEd[y] {
			missing = append(missing, strconv.Itoa(y))
		}
	}
	if len(missing) > 0 {
		e.reason(ReasonContinuingEdMissing, "二(四)", "缺少%s年度继续教育公共科目合格记录：从参加工作时开始，每年至少参加1门公共科目学习并考核合格；请在连云港市职称和继续教育网补学后再申报", strings.Join(missing, "、"))
	}
	if !e.p.ContinuingEd[e.pol.Cutoff.Year] {
		e.warn(WarnContinuingEdCurrentYear, "二(四)", "%d年度继续教育公共科目尚无合格记录：不影响本批次申报，请在年内完成", e.pol.Cutoff.Year)
	}
}

// title looks the level up in the policy's titles table, falling back to
// DefaultTitles and then to the level name, with a warning.
func (e *evaluation) title(level string) string {
	series := normSeries(e.p.Series)
	if t, ok := e.titlesFor(series); ok {
		if name := t.ForLevel(level); name != "" {
			return name
		}
	}
	name := e.pol.DefaultTitles.ForLevel(level)
	if name == "" {
		name = level
	}
	if series == "" {
		e.warn(WarnTitleNotInTable, "二(一)", "未填写申报系列，职称暂按级别填“%s”；请填写申报系列，例如“工程”", name)
	} else {
		e.warn(WarnTitleNotInTable, "二(一)", "职称名称表中没有“%s”系列%s的职称名称，暂填“%s”；请向人才服务中心确认后在批次政策中补充", series, level, name)
	}
	return name
}

func (e *evaluation) titlesFor(series string) (model.Titles, bool) {
	if t, ok := e.pol.Titles[series]; ok {
		return t, true
	}
	// The longest matching name wins (ties: the first in sort order), so
	// the answer never depends on map order.
	best, found := "", false
	for name := range e.pol.Titles {
		if seriesMatches(series, name, true) && (!found || len(name) > len(best) || (len(name) == len(best) && name < best)) {
			best, found = name, true
		}
	}
	return e.pol.Titles[best], found
}

// normSeries trims a series or specialty name and a trailing 系列/专业.
func normSeries(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimSuffix(s, "系列")
	return strings.TrimSuffix(s, "专业")
}

// matchSeries finds the entry of list that series names. Officers write
// series loosely (会计师 for 会计, and with shorten on, 卫生 for 卫生技术), so
// a name starting with an entry counts too: the stricter reading for the
// exam and licence lists.
func matchSeries(series string, list []string, shorten bool) (string, bool) {
	if series == "" {
		return "", false
	}
	for _, name := range list {
		if name == series {
			return name, true
		}
	}
	for _, name := range list {
		if seriesMatches(series, name, shorten) {
			return name, true
		}
	}
	return "", false
}

// seriesMatches reports whether series starts with name, or (shorten) is a
// shortened name of at least two characters that name starts with.
func seriesMatches(series, name string, shorten bool) bool {
	if name == "" || series == "" {
		return false
	}
	return strings.HasPrefix(series, name) ||
		(shorten && len([]rune(series)) >= 2 && strings.HasPrefix(name, series))
}

// span is the first and last day a date may stand for: the day itself, or
// the whole month for a month-only (Approx) date.
func span(d model.Date) (first, last model.Date) {
	if !d.Approx {
		return d, d
	}
	first = model.NewDate(d.Year, d.Month, 1)
	return first, model.NewDate(d.Year, d.Month+1, 0)
}
