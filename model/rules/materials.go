package rules

import (
	"slices"

	"chuding/model"
)

// Material codes (notice 四).
const (
	MaterialForm          = "FORM"
	MaterialCESummary     = "CE_SUMMARY"
	MaterialContract      = "CONTRACT"
	MaterialEduRecord     = "EDU_RECORD"
	MaterialQualification = "QUALIFICATION"
	MaterialDispatchProof = "DISPATCH_PROOF"
)

var materials = []model.Material{
	{Code: MaterialForm, Name: "《专业技术资格初定申报表》", Copies: "一式两份（A4纸正反面打印，单独装订）",
		Source: "网上填报成功后从申报系统导出打印", Clause: "四(一)"},
	{Code: MaterialCESummary, Name: "《连云港市职称和继续教育网成绩汇总表》", Copies: "一份",
		Source: "连云港市职称和继续教育网打印", Clause: "四(二)"},
	{Code: MaterialContract, Name: "劳动合同或单位聘书", Copies: "原件及复印件",
		Source: "用人单位人事部门", Clause: "四(三)"},
	{Code: MaterialEduRecord, Name: "教育部学历证书电子注册备案表", Copies: "一份",
		Source: "学信网（www.chsi.com.cn）在线申请打印", Clause: "四(四)"},
	{Code: MaterialQualification, Name: "相关专业资格证书（职业准入）", Copies: "原件及复印件",
		Source: "本人持有的资格证书，如教师资格证、律师执业证", Clause: "四(五)"},
	{Code: MaterialDispatchProof, Name: "实际工作单位的工作证明、三方协议（实际工作单位与人力资源公司的代缴社保协议及申报人与第三方人力资源公司的合同）",
		Copies: "各一份", Source: "工作证明由实际工作单位出具，协议与合同由人力资源公司提供", Clause: "四(六)"},
}

// Materials returns every material definition in the notice's order.
func Materials() []model.Material {
	return append([]model.Material(nil), materials...)
}

// MaterialFor returns the definition of a material code, or a Material with
// only Code set when the code is unknown.
func MaterialFor(code string) model.Material {
	for _, m := range materials {
		if m.Code == code {
			return m
		}
	}
	return model.Material{Code: code, Name: code}
}

// materialSets are the four lists a person can need, built once: results
// share them, so callers must treat Result.Materials as read-only (the
// capacity is capped, so appending copies).
var materialSets = func() (sets [2][2][]model.Material) {
	for _, licensed := range []bool{false, true} {
		for _, dispatched := range []bool{false, true} {
			set := slices.Clone(materials[:4])
			if licensed {
				set = append(set, materials[4])
			}
			if dispatched {
				set = append(set, materials[5])
			}
			sets[b2i(licensed)][b2i(dispatched)] = slices.Clip(set)
		}
	}
	return sets
}()

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// materialsFor lists what a person must hand in: the four papers everyone
// brings, the certificate in a licensed series (四(五)), and the dispatch
// proof for 劳务派遣 (四(六)).
func materialsFor(licensed, dispatched bool) []model.Material {
	return materialSets[b2i(licensed)][b2i(dispatched)]
}
