// Package policy holds the batch policies chuding knows: the built-in
// Lianyungang 2025年上半年 policy, deep copies for a new batch, validation,
// and the policy JSON file form (--policy FILE). The rules in model/rules
// read only a model.Policy, so a new notice is new data, not new code.
package policy

import "chuding/model"

// Builtin2025H1 is the policy of 连云港市人才服务中心关于做好2025年度上半年
// 专业技术资格初定工作的通知 (2025-05-30). Each field cites its clause.
func Builtin2025H1() model.Policy {
	return model.Policy{
		Name:        "2025年上半年",
		NoticeTitle: "连云港市人才服务中心关于做好2025年度上半年专业技术资格初定工作的通知",
		// 二(一)5: 申报人员资历时间计算到2025年06月30日.
		Cutoff: model.NewDate(2025, 6, 30),
		// 六: 申报时间 6月3日起至6月27日.
		WindowStart: model.NewDate(2025, 6, 3),
		WindowEnd:   model.NewDate(2025, 6, 27),
		// 二(一)1-2: 见习1年期满.
		TraineeMonths: 12,
		// 一(一)-(二): 劳动（聘用）合同, 人事代理; 四(六) names 劳务派遣人员.
		Relations: []string{model.RelationLabour, model.RelationHire, model.RelationAgency, model.RelationDispatch},
		// 一: the 9 series with a national exam and no 初定.
		ExamSeries:      []string{"经济", "会计", "统计", "审计", "卫生技术", "船舶", "翻译", "出版", "通信"},
		ExamSpecialties: []string{"人力资源管理", "知识产权", "农业经济"},
		// 二(五): series with 职业准入.
		LicensedSeries: []string{"高校教师", "中等职业学校教师", "中小学教师", "技工院校教师", "新闻", "播音", "律师", "公证"},
		// 二(三): 单位年度考核均在合格以上; new staff are not graded in their first year.
		PassingAppraisals: []string{"优秀", "良好", "合格", "称职"},
		FirstYearOnly:     []string{"不定等次"},
		// 五(三): 公示时间不少于5个工作日.
		PublicityWorkdays: 5,
		// 五(二): 须做较全面的鉴定; chuding's measure of 较全面.
		OpinionMinHan: 150,
		Titles:        Titles(),
		DefaultTitles: model.Titles{Junior: model.LevelJunior, Assistant: model.LevelAssistant, Middle: model.LevelMiddle},
		// 六: 申报时间、联系地址、联系电话.
		Centre: model.Centre{
			Name:    "连云港市人才服务中心",
			Address: "海州区花果山大道19-5号一楼跃层办公区连云港市人才服务中心职称申报窗口",
			Phone:   "0518-85812002",
			Hours:   "上午8:30-12:00 下午1:30-5:00",
		},
	}
}

// Titles returns the series → title names table of the common series that
// go through 初定. A level left empty means the series has no title of that
// level, or chuding does not know its name; the rules then fall back to the
// policy's DefaultTitles and warn.
func Titles() map[string]model.Titles {
	t := func(junior, assistant, middle string) model.Titles {
		return model.Titles{Junior: junior, Assistant: assistant, Middle: middle}
	}
	return map[string]model.Titles{
		"工程":       t("技术员", "助理工程师", "工程师"),
		"农业":       t("技术员", "助理农艺师", "农艺师"),
		"畜牧":       t("技术员", "助理畜牧师", "畜牧师"),
		"兽医":       t("技术员", "助理兽医师", "兽医师"),
		"中小学教师":    t("三级教师", "二级教师", "一级教师"),
		"高校教师":     t("", "助教", "讲师"),
		"中等职业学校教师": t("", "助理讲师", "讲师"),
		"技工院校教师":   t("", "助理讲师", "讲师"),
		"工艺美术":     t("工艺美术员", "助理工艺美术师", "工艺美术师"),
		"实验技术":     t("实验员", "助理实验师", "实验师"),
		"科学研究":     t("", "研究实习员", "助理研究员"),
		"图书资料":     t("管理员", "助理馆员", "馆员"),
		"档案":       t("管理员", "助理馆员", "馆员"),
		"群众文化":     t("", "助理馆员", "馆员"),
		"文物博物":     t("", "助理馆员", "馆员"),
		"新闻":       t("", "助理记者", "记者"),
		"播音":       t("三级播音员", "二级播音员", "一级播音员"),
		"律师":       t("", "四级律师", "三级律师"),
		"公证":       t("", "四级公证员", "三级公证员"),
		"体育":       t("初级教练", "初级教练", "中级教练"),
	}
}

// Builtins lists the policies that ship with chuding, newest first.
func Builtins() []model.Policy {
	return []model.Policy{Builtin2025H1()}
}

// Copy returns a deep copy of p for a new batch, renamed to name (the name
// is kept when name is empty). Editing the copy never changes p.
func Copy(p model.Policy, name string) model.Policy {
	c := p
	if name != "" {
		c.Name = name
	}
	c.Relations = clone(p.Relations)
	c.ExamSeries = clone(p.ExamSeries)
	c.ExamSpecialties = clone(p.ExamSpecialties)
	c.LicensedSeries = clone(p.LicensedSeries)
	c.PassingAppraisals = clone(p.PassingAppraisals)
	c.FirstYearOnly = clone(p.FirstYearOnly)
	if p.Titles != nil {
		c.Titles = make(map[string]model.Titles, len(p.Titles))
		for k, v := range p.Titles {
			c.Titles[k] = v
		}
	}
	return c
}

// clone copies s, keeping nil as nil so JSON output does not change.
func clone(s []string) []string {
	if s == nil {
		return nil
	}
	return append([]string{}, s...)
}
