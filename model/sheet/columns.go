package sheet

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// field is what a column of the 人员 sheet holds.
type field int

const (
	fNone field = iota
	fSeq        // 序号: not stored; "示例" marks the template's example row
	fName
	fID
	fUnit
	fRelation
	fSeries
	fSpecialty
	fWorkStart
	fCivil
	fRetired
	fSanction
	fCert
	fPolitical
	fPost
	fPhone
	fTrainee
	fOpinion
	fEduLevel // education fields: binding.n is the record number (1-based)
	fEduType
	fEduSchool
	fEduMajor
	fEduStart
	fEduGraduated
	fEduFullTime
	fEduYears
	fEduCertified
	fDegree    // binding.n is the degree number (1-based)
	fAppraisal // binding.n is the year
	fContEd    // binding.n is the year
	fResult    // a check-result column of an export: ignored on import
)

// binding says which field (and which record or year) a column fills.
type binding struct {
	f field
	n int
}

func (b binding) isEdu() bool { return b.f >= fEduLevel && b.f <= fEduCertified }

// personHeaders are the headers chuding writes for the one-per-person fields.
var personHeaders = map[field]string{
	fSeq:       "序号",
	fName:      "姓名",
	fID:        "身份证号码",
	fUnit:      "工作单位",
	fRelation:  "人事关系",
	fSeries:    "申报系列",
	fSpecialty: "申报专业",
	fWorkStart: "参加工作时间",
	fCivil:     "是否公务员",
	fRetired:   "是否退休",
	fSanction:  "处分影响期至",
	fCert:      "职业资格证书",
	fPolitical: "政治面貌",
	fPost:      "工作部门及岗位",
	fPhone:     "联系电话",
	fTrainee:   "见习期考察结果",
	fOpinion:   "单位鉴定意见",
}

// eduSuffixes are the headers of one education record after "学历N".
var eduSuffixes = map[field]string{
	fEduLevel:     "层次",
	fEduType:      "类型",
	fEduSchool:    "学校",
	fEduMajor:     "专业",
	fEduStart:     "入学时间",
	fEduGraduated: "毕业时间",
	fEduFullTime:  "是否全日制",
	fEduYears:     "学制（年）",
	fEduCertified: "是否经认定",
}

// eduOrder is the order of an education record's columns.
var eduOrder = []field{fEduLevel, fEduType, fEduSchool, fEduMajor, fEduStart, fEduGraduated, fEduFullTime, fEduYears, fEduCertified}

// Result columns of an export, in order; an import ignores them.
const (
	hVerdict  = "审核结果"
	hLevel    = "级别"
	hTitle    = "拟初定资格"
	hReasons  = "原因"
	hWarnings = "提醒"
)

// aliases maps normalised header spellings to the field they name. The
// canonical headers are added by init.
var aliases = map[string]binding{}

func init() {
	add := func(f field, n int, names ...string) {
		for _, s := range names {
			aliases[normHeader(s)] = binding{f, n}
		}
	}
	for f, h := range personHeaders {
		add(f, 0, h)
	}
	add(fSeq, 0, "编号", "序")
	add(fName, 0, "名字", "申报人", "申报人姓名", "人员姓名")
	add(fID, 0, "身份证号", "公民身份号码", "证件号码", "证件号", "身份证", "居民身份证号码", "身份证件号码", "身份号码")
	add(fUnit, 0, "单位", "单位名称", "所在单位", "工作单位名称", "现工作单位")
	add(fRelation, 0, "用工形式", "用工关系", "与单位关系", "劳动关系", "合同类型", "人事关系类型")
	add(fSeries, 0, "系列", "职称系列", "申报职称系列")
	add(fSpecialty, 0, "专业", "职称专业", "申报职称专业")
	add(fWorkStart, 0, "参加工作日期", "参加工作年月", "工作时间", "参加工作")
	add(fCivil, 0, "公务员", "是否参公", "是否为公务员", "是否公务员或参公人员")
	add(fRetired, 0, "退休", "是否已退休", "是否为退休人员")
	add(fSanction, 0, "处分期至", "处分影响期截止", "处分影响期满", "处分截止日期", "处分影响期截止日期", "处分期满", "处分影响期")
	add(fCert, 0, "资格证书", "资格证书编号", "职业资格证书编号", "准入资格证书", "职业资格")
	add(fPost, 0, "部门及岗位", "工作岗位", "岗位", "部门岗位", "所在部门及岗位", "工作部门")
	add(fPhone, 0, "电话", "手机", "手机号码", "手机号", "联系方式", "电话号码")
	add(fTrainee, 0, "见习期考核结果", "见习考察结果", "见习期满考察结果", "见习期考察")
	add(fOpinion, 0, "鉴定意见", "考察意见", "单位考察意见", "单位意见", "工作单位或人事档案管理部门鉴定意见", "推荐意见")
	add(fResult, 0, hVerdict, hLevel, hTitle, hReasons, hWarnings,
		"可申报", "是否可申报", "初定级别", "拟初定职称", "不可申报原因", "提示")
	// One education record without a number is record 1: the columns an
	// HR office's own roster usually has.
	add(fEduLevel, 1, "学历", "学历层次", "最高学历")
	add(fEduType, 1, "学历类型", "教育类型")
	add(fEduSchool, 1, "毕业院校", "毕业学校", "院校", "学校")
	add(fEduMajor, 1, "所学专业", "毕业专业")
	add(fEduStart, 1, "入学时间", "入学日期")
	add(fEduGraduated, 1, "毕业时间", "毕业日期")
	add(fEduFullTime, 1, "是否全日制", "全日制")
	add(fEduYears, 1, "学制")
	add(fEduCertified, 1, "是否经认定", "经认定", "已认定")
	add(fDegree, 1, "学位", "最高学位", "学位名称")
}

// eduSubAliases maps what follows "学历N" in a header to the field.
var eduSubAliases = map[string]field{
	"": fEduLevel, "层次": fEduLevel, "学历层次": fEduLevel, "学历": fEduLevel,
	"类型": fEduType, "学历类型": fEduType, "教育类型": fEduType,
	"学校": fEduSchool, "院校": fEduSchool, "毕业院校": fEduSchool, "毕业学校": fEduSchool,
	"专业": fEduMajor, "所学专业": fEduMajor,
	"入学时间": fEduStart, "入学日期": fEduStart,
	"毕业时间": fEduGraduated, "毕业日期": fEduGraduated,
	"是否全日制": fEduFullTime, "全日制": fEduFullTime,
	"学制":    fEduYears,
	"是否经认定": fEduCertified, "经认定": fEduCertified, "已认定": fEduCertified, "认定": fEduCertified,
}

var (
	eduRe       = regexp.MustCompile(`^学历([0-9]+|[一二三四五六七八九十])(.*)$`)
	eduOrdRe    = regexp.MustCompile(`^第([0-9]+|[一二三四五六七八九十])学历(.*)$`)
	degreeRe    = regexp.MustCompile(`^学位([0-9]+|[一二三四五六七八九十])$`)
	appraisalRe = regexp.MustCompile(`^(\d{4})(?:年度|年)?(?:年度)?考核(?:结果|等次|情况)?$`)
	appraisal2  = regexp.MustCompile(`^(?:年度考核|考核结果|考核)(\d{4})(?:年度|年)?$`)
	contEdRe    = regexp.MustCompile(`^(\d{4})(?:年度|年)?继续教育(?:情况|是否完成|完成情况|是否合格)?$`)
	contEd2     = regexp.MustCompile(`^继续教育(\d{4})(?:年度|年)?$`)
)

// bindHeader says which field a header names; ok is false for a header
// chuding does not know.
func bindHeader(h string) (binding, bool) {
	n := normHeader(h)
	if n == "" {
		return binding{}, false
	}
	if b, ok := aliases[n]; ok {
		return b, true
	}
	for _, re := range []*regexp.Regexp{eduRe, eduOrdRe} {
		if m := re.FindStringSubmatch(n); m != nil {
			if f, ok := eduSubAliases[m[2]]; ok {
				if k := ordinal(m[1]); k > 0 {
					return binding{f, k}, true
				}
			}
		}
	}
	if m := degreeRe.FindStringSubmatch(n); m != nil {
		if k := ordinal(m[1]); k > 0 {
			return binding{fDegree, k}, true
		}
	}
	for _, p := range []struct {
		re *regexp.Regexp
		f  field
	}{{appraisalRe, fAppraisal}, {appraisal2, fAppraisal}, {contEdRe, fContEd}, {contEd2, fContEd}} {
		if m := p.re.FindStringSubmatch(n); m != nil {
			if y, _ := strconv.Atoi(m[1]); y >= 1950 && y <= 2200 {
				return binding{p.f, y}, true
			}
		}
	}
	return binding{}, false
}

// ordinal reads a record number written as digits or one Chinese numeral.
func ordinal(s string) int {
	if i := strings.Index("一二三四五六七八九十", s); i >= 0 && len(s) == 3 {
		return i/3 + 1
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > 50 {
		return 0
	}
	return n
}

// normHeader folds the ways officers decorate a header so that synonyms can
// be looked up: full-width letters and digits become ASCII, whatever is in
// brackets is dropped (学制（年） → 学制), and spaces, line breaks, required
// markers (*) and colons go.
func normHeader(s string) string {
	s = width.Fold.String(s)
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch r {
		case '(', '[', '【', '〔', '〖', '{', '<', '《':
			depth++
			continue
		case ')', ']', '】', '〕', '〗', '}', '>', '》':
			if depth > 0 {
				depth--
			}
			continue
		}
		if depth > 0 || unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) || strings.ContainsRune("*:：、.。?？", r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// eduHeader is the header of field f of education record n.
func eduHeader(f field, n int) string { return "学历" + strconv.Itoa(n) + eduSuffixes[f] }

func degreeHeader(n int) string    { return "学位" + strconv.Itoa(n) }
func appraisalHeader(y int) string { return strconv.Itoa(y) + "年度考核" }
func contEdHeader(y int) string    { return strconv.Itoa(y) + "年继续教育" }
