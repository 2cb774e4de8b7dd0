package opinion

import "strings"

// keyword is a word that shows an aspect is addressed, unless it stands in
// one of the set phrases that say nothing about that aspect: notBefore are
// texts that may not follow it, notAfter texts that may not precede it.
type keyword struct {
	word                string
	notBefore, notAfter []string
}

// dimension is one aspect of a 较全面 appraisal (五(二)).
type dimension struct {
	name  string
	words []keyword
	// missing says what to add when the aspect is absent.
	missing string
}

func kw(words ...string) []keyword {
	ks := make([]keyword, len(words))
	for i, w := range words {
		ks[i] = keyword{word: w}
	}
	return ks
}

// The conclusion formula "具备…的专业技术水平和能力" and the phrases naming the
// title or the post (专业技术资格, 从事…专业技术工作) say nothing about the
// applicant's ability.
var (
	formulaAfterTech     = []string{"资格", "职称", "职务", "人员", "员", "工作", "岗位", "水平和能力", "水平与能力", "水平及能力"}
	formulaBeforeAbility = []string{"水平和", "水平与", "水平及"}
)

// dimensions in the order of Dimensions().
var dimensions = []dimension{
	{
		name: "政治思想/职业道德",
		words: kw("思想", "政治", "品德", "道德", "遵纪守法", "遵纪", "守法", "爱岗敬业", "敬业", "拥护",
			"作风", "廉洁", "师德", "医德", "诚信", "责任心", "责任感", "奉献", "团结"),
		missing: "缺少政治思想和职业道德方面的评价，请写明申报人的政治立场、遵纪守法、职业道德和工作作风等表现。",
	},
	{
		name: "业务能力",
		words: append([]keyword{
			{word: "技术", notBefore: formulaAfterTech},
			{word: "能力", notAfter: formulaBeforeAbility},
		}, kw("专业知识", "专业基础", "专业技能", "专业理论", "专业素养", "专业素质", "专业功底", "专业水平",
			"专业能力", "业务", "技能", "熟练", "熟悉", "掌握", "精通", "胜任", "独立", "钻研", "备课", "课堂")...),
		missing: "缺少业务能力方面的具体内容，请写明申报人掌握的专业知识和技能、能独立承担的技术工作。",
	},
	{
		name: "工作业绩",
		words: append([]keyword{
			{word: "完成", notBefore: []string{"继续教育", "公共科目", "专业科目", "学时", "学习", "培训", "见习"}},
			{word: "获得", notBefore: []string{"学士", "硕士", "博士", "学位", "学历", "毕业"}},
			{word: "成绩", notAfter: []string{"考试", "考核", "学习"}},
		}, kw("业绩", "成果", "项目", "贡献", "荣获", "主持", "参与", "承担", "解决", "攻关", "课题",
			"论文", "专利", "效益", "表彰", "奖")...),
		missing: "缺少工作业绩方面的具体内容，请写明申报人完成的项目、取得的成果，例如完成的设计、解决的技术问题、获得的表彰。",
	},
	{
		name: "考核与出勤",
		words: append([]keyword{
			// "公共科目学习并考核合格" is about continuing education.
			{word: "考核", notAfter: []string{"并", "学习", "培训", "科目"}},
		}, kw("考评", "出勤", "考勤", "纪律", "全勤", "迟到", "早退", "旷工", "请假")...),
		missing: "缺少年度考核和出勤方面的内容，请写明申报人历年年度考核结果、出勤和遵守劳动纪律的情况。",
	},
	{
		name: "学习与继续教育",
		words: kw("学习", "继续教育", "培训", "进修", "学时", "公共科目", "专业科目", "自学", "研修", "深造",
			"充电", "知识更新"),
		missing: "缺少学习和继续教育方面的内容，请写明申报人每年参加继续教育公共科目学习和考核的情况、参加的培训或进修。",
	},
}

// Dimensions returns the names of the five aspects of an appraisal, in the
// order Report.Covered uses.
func Dimensions() []string {
	names := make([]string, len(dimensions))
	for i, d := range dimensions {
		names[i] = d.name
	}
	return names
}

// dimensionWords indexes every keyword of every dimension; dimensionOf and
// keywordOf map an index entry back.
var (
	dimensionWords         *wordIndex
	dimensionOf, keywordOf []int
)

func init() {
	var words []string
	for d, dim := range dimensions {
		for k, w := range dim.words {
			words = append(words, w.word)
			dimensionOf = append(dimensionOf, d)
			keywordOf = append(keywordOf, k)
		}
	}
	dimensionWords = newWordIndex(words)
}

// coverage returns the aspects body speaks to and a DIMENSION_MISSING
// problem for each one it does not.
func coverage(body string) (covered []string, missing []Problem) {
	var found [8]bool
	left := len(dimensions)
	dimensionWords.each(body, func(at, w int) bool {
		d := dimensionOf[w]
		if !found[d] && dimensions[d].words[keywordOf[w]].standsAt(body, at) {
			found[d] = true
			left--
		}
		return left > 0
	})
	covered = make([]string, 0, len(dimensions))
	for d, dim := range dimensions {
		if found[d] {
			covered = append(covered, dim.name)
		} else {
			missing = append(missing, Problem{CodeDimensionMissing, dim.missing})
		}
	}
	return covered, missing
}

// standsAt reports whether the occurrence of k.word at s[at:] counts, that
// is, it is not inside one of its excluded set phrases.
func (k keyword) standsAt(s string, at int) bool {
	return !hasAnyPrefix(s[at+len(k.word):], k.notBefore) && !hasAnySuffix(s[:at], k.notAfter)
}

func hasAnyPrefix(s string, list []string) bool {
	for _, p := range list {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

func hasAnySuffix(s string, list []string) bool {
	for _, p := range list {
		if strings.HasSuffix(s, p) {
			return true
		}
	}
	return false
}
