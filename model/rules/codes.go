// Package rules decides whether a person may apply for 初定 under a batch
// policy, at which level and title, and why not — every reason and warning
// citing the clause of the notice it comes from — and lists the papers the
// person must hand in (notice 四). It reads thresholds, dates and lists only
// from model.Policy. docs/rules.md explains each rule in Chinese.
package rules

// Reason codes: any of them makes a person ineligible.
const (
	ReasonOutOfScope            = "OUT_OF_SCOPE"           // 一: relation not in scope
	ReasonCivilServant          = "CIVIL_SERVANT"          // 一: 公务员 or 参公管理
	ReasonRetired               = "RETIRED"                // 一
	ReasonSanctionInEffect      = "SANCTION_IN_EFFECT"     // 一: 处分影响期 reaches the window
	ReasonExamSeries            = "EXAM_SERIES"            // 一: series with a national exam
	ReasonEducationInsufficient = "EDUCATION_INSUFFICIENT" // 二(一)/二(二): nothing at 中专 or above
	ReasonTraineePeriodShort    = "TRAINEE_PERIOD_SHORT"   // 二(一)1-2
	ReasonNotStarted            = "NOT_STARTED"            // 二(一)5: no work before the cutoff
	ReasonAppraisalMissing      = "APPRAISAL_MISSING"      // 二(三)
	ReasonAppraisalFailed       = "APPRAISAL_FAILED"       // 二(三)
	ReasonContinuingEdMissing   = "CONTINUING_ED_MISSING"  // 二(四)
	ReasonQualificationMissing  = "QUALIFICATION_MISSING"  // 二(五)
	ReasonInvalidID             = "INVALID_ID"             // the online system needs a valid ID
)

// Warning codes: worth the officer's attention, never a block by themselves.
const (
	WarnApproxDate              = "APPROX_DATE"                // a month-only date decided the verdict the stricter way
	WarnTrainingCertIgnored     = "TRAINING_CERT_IGNORED"      // 二(二)4
	WarnEducationNotRecognised  = "EDUCATION_NOT_RECOGNISED"   // 二(二)1-3 conditions not met
	WarnEducationAfterCutoff    = "EDUCATION_AFTER_CUTOFF"     // 二(一)5: graduated after the cutoff
	WarnGraduationDateMissing   = "GRADUATION_DATE_MISSING"    // cannot check 二(一)5 for the record
	WarnDoctorDegreeMissing     = "DOCTOR_DEGREE_MISSING"      // 二(一)4 needs the 博士 degree
	WarnTraineeBeforeGraduation = "TRAINEE_BEFORE_GRADUATION"  // work started before the qualifying record
	WarnTraineeResult           = "TRAINEE_RESULT_NOT_PASSED"  // 二(一)1-2: 经考察合格
	WarnContinuingEdCurrentYear = "CONTINUING_ED_CURRENT_YEAR" // 二(四): the cutoff's own year
	WarnTitleNotInTable         = "TITLE_NOT_IN_TABLE"         // the policy has no title name for series/level
	WarnEduRecordAlternative    = "EDU_RECORD_ALTERNATIVE"     // 四(四): 学信网 has no record of this kind
)

// ReasonCodes lists every reason code in the order findings are reported.
var ReasonCodes = []string{
	ReasonInvalidID, ReasonOutOfScope, ReasonCivilServant, ReasonRetired, ReasonSanctionInEffect,
	ReasonExamSeries, ReasonNotStarted, ReasonEducationInsufficient, ReasonTraineePeriodShort,
	ReasonAppraisalMissing, ReasonAppraisalFailed, ReasonContinuingEdMissing, ReasonQualificationMissing,
}

// WarningCodes lists every warning code.
var WarningCodes = []string{
	WarnApproxDate, WarnTrainingCertIgnored, WarnEducationNotRecognised, WarnEducationAfterCutoff,
	WarnGraduationDateMissing, WarnDoctorDegreeMissing, WarnTraineeBeforeGraduation, WarnTraineeResult,
	WarnContinuingEdCurrentYear, WarnTitleNotInTable, WarnEduRecordAlternative,
}

var shortNames = map[string]string{
	ReasonOutOfScope:            "人事关系不在初定范围",
	ReasonCivilServant:          "公务员（参公）不得申报",
	ReasonRetired:               "退休人员不得申报",
	ReasonSanctionInEffect:      "处分影响期内",
	ReasonExamSeries:            "考试系列不进行初定",
	ReasonEducationInsufficient: "学历不足",
	ReasonTraineePeriodShort:    "见习期未满",
	ReasonNotStarted:            "截止日前未参加工作",
	ReasonAppraisalMissing:      "缺年度考核结果",
	ReasonAppraisalFailed:       "年度考核未达合格",
	ReasonContinuingEdMissing:   "缺继续教育记录",
	ReasonQualificationMissing:  "未取得准入资格",
	ReasonInvalidID:             "身份证号码有误",

	WarnApproxDate:              "日期只精确到月",
	WarnTrainingCertIgnored:     "培训证书不作学历",
	WarnEducationNotRecognised:  "学历不予认可",
	WarnEducationAfterCutoff:    "学历取得晚于截止日",
	WarnGraduationDateMissing:   "缺毕业时间",
	WarnDoctorDegreeMissing:     "缺博士学位",
	WarnTraineeBeforeGraduation: "工作早于毕业",
	WarnTraineeResult:           "见习考察未合格",
	WarnContinuingEdCurrentYear: "当年继续教育未完成",
	WarnTitleNotInTable:         "职称名称待确认",
	WarnEduRecordAlternative:    "学历备案表需替代材料",

	MaterialForm:          "申报表（一式两份）",
	MaterialCESummary:     "继续教育成绩汇总表",
	MaterialContract:      "劳动合同或聘书（原件及复印件）",
	MaterialEduRecord:     "学历证书电子注册备案表",
	MaterialQualification: "资格证书（原件及复印件）",
	MaterialDispatchProof: "派遣工作证明及三方协议",
}

// ShortName is a few Chinese words for a reason, warning or material code,
// for table columns and summaries; the code itself when unknown.
func ShortName(code string) string {
	if s, ok := shortNames[code]; ok {
		return s
	}
	return code
}
