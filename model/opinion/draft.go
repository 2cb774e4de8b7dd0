package opinion

import (
	"fmt"
	"strconv"
	"strings"

	"chuding/model"
)

// Marks around the spots Draft leaves for the officer. Check reports every
// 【…】 as PLACEHOLDER, so a draft cannot pass until they are replaced.
const (
	fillOpen   = "【请填写："
	verifyOpen = "【请核实："
	fillClose  = "】"
)

func fill(prompt string) string   { return fillOpen + prompt + fillClose }
func verify(prompt string) string { return verifyOpen + prompt + fillClose }

// Draft writes a first 鉴定意见 for p from the data chuding holds: where p
// works and in what specialty, since when, the education that counts, the
// trainee period (r.TraineeEnd), each year's appraisal, the years of
// continuing education, the title the rules give (r.Title) and the
// publicity when its dates are known. What only the unit can say (conduct,
// ability, achievements, attendance) is left as 【请填写：…】 spots; facts the
// data lacks are 【请核实：…】 spots. r and pub may be nil.
func Draft(p *model.Person, r *model.Result, pub *model.Publicity) string {
	if p == nil {
		p = &model.Person{}
	}
	parts := []string{
		draftIntro(p),
		draftEducation(p, r),
		draftTrainee(p, r),
		draftConduct(p),
		"工作中，" + fill(fmt.Sprintf("掌握的%s专业知识和技能、能独立承担的技术工作", orText(p.Specialty, p.Series))) + "。",
		"近年来，" + fill("近年完成的主要工作和取得的成果，例如完成的项目、解决的技术问题、获得的表彰") + "。",
		draftAppraisals(p),
		draftContinuingEd(p),
		draftConclusion(r, pub),
	}
	var b strings.Builder
	for _, s := range parts {
		b.WriteString(s)
	}
	return b.String()
}

func draftIntro(p *model.Person) string {
	var b strings.Builder
	if p.Name != "" {
		b.WriteString(p.Name + "同志，")
	} else {
		b.WriteString("该同志，")
	}
	if p.WorkStart.IsZero() {
		b.WriteString("参加工作时间" + verify("参加工作时间") + "，")
	} else {
		fmt.Fprintf(&b, "%d年%d月参加工作，", p.WorkStart.Year, int(p.WorkStart.Month))
	}
	b.WriteString("现在" + orText(p.Unit, "本单位"))
	if post := strings.TrimSpace(p.Post); post != "" {
		b.WriteString(post)
		if !strings.Contains(post, "岗") {
			b.WriteString("岗位")
		}
	}
	switch {
	case p.Specialty != "":
		b.WriteString("从事" + p.Specialty + "专业技术工作。")
	case p.Series != "":
		b.WriteString("从事" + p.Series + "系列专业技术工作。")
	default:
		b.WriteString("从事" + fill("所从事的专业") + "专业技术工作。")
	}
	return b.String()
}

// draftEducation names the education record the rules recognised.
func draftEducation(p *model.Person, r *model.Result) string {
	if r == nil || r.Recognised < 0 || r.Recognised >= len(p.Education) {
		return ""
	}
	e := p.Education[r.Recognised]
	var b strings.Builder
	b.WriteString("该同志")
	if !e.Graduated.IsZero() {
		fmt.Fprintf(&b, "%d年%d月", e.Graduated.Year, int(e.Graduated.Month))
	}
	b.WriteString("毕业于" + orText(e.School, "学校"))
	if e.Major != "" {
		b.WriteString(e.Major + "专业")
	}
	if e.Level != "" {
		b.WriteString("，" + e.Level + "学历")
	}
	if n := len(p.Degrees); n > 0 {
		b.WriteString("，获" + p.Degrees[n-1] + "学位")
	}
	if r.RecognisedAs != "" && r.RecognisedAs != e.Level {
		b.WriteString("，初定时按" + r.RecognisedAs + "学历认定")
	}
	b.WriteString("。")
	return b.String()
}

// draftTrainee states the 见习期 where the notice asks for one: 员级 and the
// 本科 route to 助理级 (二(一)1-2), not masters or doctors (二(一)3-4).
func draftTrainee(p *model.Person, r *model.Result) string {
	if r == nil || r.TraineeEnd.IsZero() || !needsTrainee(p, r) {
		return ""
	}
	s := "见习期于" + r.TraineeEnd.Chinese() + "期满，"
	switch p.TraineeResult {
	case "":
		return s + "见习期考察结果" + verify("见习期考察结果，如合格") + "。"
	case "合格":
		return s + "经考察合格。"
	}
	return s + "见习期考察结果为" + p.TraineeResult + "。"
}

func needsTrainee(p *model.Person, r *model.Result) bool {
	switch {
	case r.Level != model.LevelJunior && r.Level != model.LevelAssistant:
		return false
	case r.RecognisedAs == "硕士" || r.RecognisedAs == "博士":
		return false
	}
	return !p.HasDegree("硕士") && !p.HasDegree("第二学士") && !p.HasDegree("博士")
}

func draftConduct(p *model.Person) string {
	s := "该同志"
	if p.Political != "" && p.Political != "群众" {
		s += "系" + p.Political + "，"
	}
	return s + fill("政治思想和职业道德表现，例如拥护党的路线方针政策、遵纪守法、爱岗敬业、团结同事的具体情况") + "。"
}

func draftAppraisals(p *model.Person) string {
	attendance := fill("出勤和遵守劳动纪律的情况")
	if len(p.Appraisals) == 0 {
		return "年度考核情况" + verify("历年年度考核结果") + "，" + attendance + "。"
	}
	return appraisalSummary(p.Appraisals, p.WorkStart.Year) + "，" + attendance + "。"
}

// appraisalSummary states each year's appraisal, grouping consecutive years
// with the same grade: "2022、2023年度考核均为合格，2024年度考核为优秀".
// workYear marks 不定等次 in the year work started as expected.
func appraisalSummary(apps map[int]string, workYear int) string {
	years := model.Years(apps)
	var parts []string
	for i := 0; i < len(years); {
		j := i + 1
		for j < len(years) && years[j] == years[j-1]+1 && apps[years[j]] == apps[years[i]] {
			j++
		}
		grade := apps[years[i]]
		verb := "为"
		if j-i > 1 {
			verb = "均为"
		}
		s := yearList(years[i:j]) + "年度考核" + verb + grade
		if grade == "不定等次" && j-i == 1 && years[i] == workYear {
			s += "（参加工作当年）"
		}
		parts = append(parts, s)
		i = j
	}
	return strings.Join(parts, "，")
}

func draftContinuingEd(p *model.Person) string {
	var done, missing []int
	for _, y := range model.Years(unionYears(p.Appraisals, p.ContinuingEd)) {
		if p.ContinuingEd[y] {
			done = append(done, y)
		} else {
			missing = append(missing, y)
		}
	}
	if len(done) == 0 {
		return "该同志" + verify("每年参加继续教育公共科目学习和考核的情况") + "。"
	}
	s := "该同志" + yearList(done) + "年"
	if len(done) > 1 {
		s += "均"
	}
	s += "按规定参加继续教育公共科目学习并考核合格"
	if len(missing) > 0 {
		s += "，" + verify(yearList(missing)+"年度继续教育情况")
	}
	return s + "。"
}

func unionYears(a map[int]string, b map[int]bool) map[int]bool {
	u := make(map[int]bool, len(a)+len(b))
	for y := range a {
		u[y] = true
	}
	for y := range b {
		u[y] = true
	}
	return u
}

// yearList writes ascending years compactly: 2018至2020、2022.
func yearList(years []int) string {
	var parts []string
	for i := 0; i < len(years); {
		j := i + 1
		for j < len(years) && years[j] == years[j-1]+1 {
			j++
		}
		if j-i >= 3 {
			parts = append(parts, strconv.Itoa(years[i])+"至"+strconv.Itoa(years[j-1]))
		} else {
			for _, y := range years[i:j] {
				parts = append(parts, strconv.Itoa(y))
			}
		}
		i = j
	}
	return strings.Join(parts, "、")
}

func draftConclusion(r *model.Result, pub *model.Publicity) string {
	title := fill("拟初定的职称")
	if r != nil && r.Title != "" {
		title = r.Title
	}
	return "经考察，该同志已具备" + title + "的专业技术水平和能力，" + draftPublicity(pub) +
		"同意申报初定" + title + "资格。"
}

// draftPublicity states the unit's publicity (五(三)) when its dates are known.
func draftPublicity(pub *model.Publicity) string {
	if pub == nil || pub.Start.IsZero() {
		return ""
	}
	s := "自" + pub.Start.Chinese() + "起在本单位公示，"
	if !pub.End.IsZero() {
		s = "于" + pub.Start.Chinese() + "至" + pub.End.Chinese() + "在本单位公示，"
	}
	switch {
	case pub.Result == "无异议":
		return s + "公示期间无异议，"
	case pub.Result == "":
		return s + "公示结果" + verify("公示结果，如无异议") + "，"
	case pub.Handled != "":
		return s + "公示期间收到意见：" + pub.Result + "，" + pub.Handled + "，"
	}
	return s + "公示期间收到意见：" + pub.Result + "，" + fill("异议的核实和处理情况") + "，"
}

func orText(s, def string) string {
	if strings.TrimSpace(s) == "" {
		return def
	}
	return s
}
