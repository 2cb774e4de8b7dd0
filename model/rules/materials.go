package rules

import "chuding/model"

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

// materialsFor lists what p must hand in: the four papers everyone brings,
// the certificate in a licensed series, and the dispatch proof for 劳务派遣.
func materialsFor(licensed, dispatched bool) []model.Material {
	out := make([]model.Material, 4, 6)
	copy(out, materials[:4])
	if licensed {
		out = append(out, materials[4])
	}
	if dispatched {
		out = append(out, materials[5])
	}
	return out
}
