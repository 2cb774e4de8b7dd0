package sheet

import (
	"strings"

	"github.com/xuri/excelize/v2"

	"chuding/model"
)

// guideIntro opens the 填写说明 sheet.
var guideIntro = []string{
	"职称初定人员名单填写说明",
	"1. 在“人员”工作表中每人填一行，从第3行起填写；第2行是示例（序号为“示例”的行不会导入），可以直接覆盖或删除。",
	"2. 橙色表头的列必须填写；蓝色表头的列按实际情况填写，没有就留空。列的顺序可以调整，表头上方可以加标题行。",
	"3. 有下拉箭头的列请从下拉列表中选择。日期可写成 2025-06-30、2025/6/30、2025.06.30、2025年6月30日 或 20250630；只知道年月时写 2025-06 或 2025年6月；设为日期格式的单元格也可以。",
	"4. 身份证号码等列已设为“文本”格式，请不要改成数字格式，否则Excel会把身份证号码变成科学计数法并丢失后几位。",
	"5. 一人有多条学历时依次填在“学历1”“学历2”各列；不够时可照样增加“学历3层次”“学历3类型”等列。学位、年度考核、继续教育的列也可以照样增加，例如“2019年度考核”“2019年继续教育”。",
	"6. 也可以另存为CSV文件导入（“CSV UTF-8（逗号分隔）”或“CSV（逗号分隔）”都可以）。导入时会逐行检查，有问题的行会列出行号、列名和原因，全部改正后再导入。",
	"",
}

// guideText explains each column of the 人员 sheet; education and per-year
// columns share one entry per kind.
var guideText = map[field]string{
	fSeq:          "可不填。填“示例”的行不会导入。",
	fName:         "必填。",
	fID:           "必填。18位居民身份证号码，最后一位可以是X。同一人只能填一行。",
	fUnit:         "与劳动（聘用）合同一致的单位全称；人事代理人员填实际工作单位。",
	fRelation:     "必填。与单位的关系（通知一）。",
	fSeries:       "必填。例如 工程、农业、教育。已实行国家统一考试的系列（专业）不进行初定（通知一）。",
	fSpecialty:    "例如 机械工程、电气工程。",
	fWorkStart:    "必填。日期。",
	fEduLevel:     "学历层次；技工院校填班级（中级工班、高级工班、预备技师班、技师班分别视同中专、大专、本科，通知二(二)2）。",
	fEduType:      "国民教育、部队院校、党校、技工院校；全日制普通高校大中专结业生填“结业”（通知二(二)3）；各类培训班证书填“培训”，不能作为学历依据（通知二(二)4）。",
	fEduSchool:    "毕业院校全称。",
	fEduMajor:     "所学专业。",
	fEduStart:     "可不填。日期。",
	fEduGraduated: "日期，以毕业证书为准。",
	fEduFullTime:  "填了这条学历就必须填：是 或 否。",
	fEduYears:     "可不填。数字，例如 4 或 2.5。",
	fEduCertified: "部队院校全日制教育毕业证书经教育行政主管部门认定，或中央党校、省级党校学制两年以上长期班次的党校学历，填“是”（通知二(二)1）；其他填“否”或不填。",
	fDegree:       "一格填一个学位；也可以在一格里用顿号分隔多个（学士、硕士）。",
	fAppraisal:    "该年度的单位考核结果（通知二(三)）；没有考核的年度留空。",
	fContEd:       "该年是否参加继续教育公共科目学习并考核合格（通知二(四)）：是 或 否；留空表示未记录。",
	fCivil:        "公务员（含参照公务员法管理的事业单位工作人员）不得申报初定（通知一）：是 或 否，不填视为否。",
	fRetired:      "退休人员不得申报初定（通知一）：是 或 否，不填视为否。",
	fSanction:     "受党纪、政务、行政处分的，填影响期截止日期（影响期内不得申报，通知一）；未受处分不填。",
	fCert:         "实行职业准入的系列（专业）须先取得相应资格（通知二(五)），填证书名称及编号；其他不填。",
	fPolitical:    "可不填，打印申报表时使用。",
	fPost:         "可不填，打印申报表时使用。",
	fPhone:        "可不填，打印申报表时使用。",
	fTrainee:      "可不填，例如“合格”。",
	fOpinion:      "工作单位或人事档案管理部门鉴定意见，须对申报人做较全面的鉴定，不能只写“同意申报”（通知五(二)）。可以先不填，在程序中填写。",
	fResult:       "导出时由程序按通知自动判断，仅供查看；重新导入时忽略。",
}

// writeGuide writes the 填写说明 sheet: the rules above, then one line per
// column with whether it is required and its choices.
func (b *book) writeGuide() error {
	f := b.f
	if _, err := f.NewSheet(sheetGuide); err != nil {
		return err
	}
	row := 1
	for _, line := range guideIntro {
		if err := f.SetCellStr(sheetGuide, cellName(0, row), line); err != nil {
			return err
		}
		row++
	}
	head := []any{"列名", "是否必填", "说明", "可选值"}
	if err := f.SetSheetRow(sheetGuide, cellName(0, row), &head); err != nil {
		return err
	}
	if err := f.SetCellStyle(sheetGuide, cellName(0, row), cellName(3, row), b.styles.header); err != nil {
		return err
	}
	row++
	seen := map[string]bool{}
	for _, c := range b.cols {
		name := guideName(c)
		if seen[name] {
			continue
		}
		seen[name] = true
		req := ""
		if c.required {
			req = "必填"
		}
		line := []any{name, req, guideText[c.bind.f], strings.Join(c.choices, "、")}
		if err := f.SetSheetRow(sheetGuide, cellName(0, row), &line); err != nil {
			return err
		}
		row++
	}
	for col, w := range []float64{22, 9, 80, 40} {
		name, _ := excelize.ColumnNumberToName(col + 1)
		if err := f.SetColWidth(sheetGuide, name, name, w); err != nil {
			return err
		}
	}
	return f.SetColStyle(sheetGuide, "C:D", b.styles.wrap)
}

// guideName is how the guide names a column: numbered and per-year columns
// are described once (学历N层次, YYYY年度考核).
func guideName(c column) string {
	switch {
	case c.bind.isEdu():
		return "学历N" + eduSuffixes[c.bind.f]
	case c.bind.f == fDegree:
		return "学位N"
	case c.bind.f == fAppraisal:
		return "YYYY年度考核"
	case c.bind.f == fContEd:
		return "YYYY年继续教育"
	}
	return c.header
}

// examplePerson is the template's example row: a 2023 graduate in a labour
// contract, with appraisals and continuing education in whichever of the
// template's years follow the start of work.
func examplePerson(years []int) model.Person {
	p := model.Person{
		Name:      "张三",
		IDNumber:  "320706199904121238",
		Unit:      "连云港示例科技有限公司",
		Relation:  model.RelationLabour,
		Series:    "工程",
		Specialty: "机械工程",
		WorkStart: model.NewDate(2023, 7, 3),
		Education: []model.Education{{
			Level: "本科", Type: model.EduNational, School: "江苏海洋大学", Major: "机械设计制造及其自动化",
			Start: model.NewDate(2019, 9, 1), Graduated: model.NewDate(2023, 6, 20), FullTime: true, Years: 4,
		}},
		Degrees:   []string{"学士"},
		Political: "共青团员",
		Post:      "设计部 机械设计员",
		Phone:     "13800000000",
		Opinion:   "该同志拥护党的路线方针政策，遵纪守法，职业道德良好。参加工作以来从事机械结构设计工作，业务基础扎实，能独立完成零部件设计……（请对申报人做较全面的鉴定）",
	}
	for _, y := range years {
		if y < p.WorkStart.Year {
			continue
		}
		if p.Appraisals == nil {
			p.Appraisals, p.ContinuingEd = map[int]string{}, map[int]bool{}
		}
		p.Appraisals[y] = "合格"
		if y == p.WorkStart.Year {
			p.Appraisals[y] = "不定等次"
		}
		p.ContinuingEd[y] = true
	}
	return p
}
