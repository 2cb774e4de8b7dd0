package peoplefile

import (
	"regexp"
	"strings"
)

// labels are the Chinese names of the chuding-people/1 keys, as the forms
// and the spreadsheet template call them.
var labels = map[string]string{
	"name": "姓名", "id_number": "身份证号码", "unit": "工作单位", "relation": "人事关系",
	"civil_servant": "公务员或参公管理", "retired": "已退休", "sanction_until": "处分影响期至",
	"series": "申报系列", "specialty": "专业", "education": "学历", "degrees": "学位",
	"work_start": "参加工作时间", "appraisals": "年度考核", "continuing_ed": "继续教育",
	"qualification_cert": "资格证书", "opinion": "鉴定意见", "phone": "联系电话",
	"political": "政治面貌", "post": "工作部门及岗位", "trainee_result": "见习期考察结果",
	"level": "层次", "type": "类型", "school": "学校", "major": "专业", "start": "入学时间",
	"graduated": "毕业时间", "full_time": "全日制", "years": "学制", "certified": "已认定",
}

// Label returns the Chinese name of a people-file key ("work_start" →
// 参加工作时间), or "" when the key is unknown.
func Label(key string) string { return labels[key] }

var pathPart = regexp.MustCompile(`^([a-z_]+)(\[[^\]]*\])?$`)

// labelOf translates a key path: education[2].graduated → 学历[2].毕业时间.
// It returns "" when any part is unknown.
func labelOf(path string) string {
	parts := strings.Split(path, ".")
	for i, p := range parts {
		m := pathPart.FindStringSubmatch(p)
		if m == nil || labels[m[1]] == "" {
			return ""
		}
		parts[i] = labels[m[1]] + m[2]
	}
	return strings.Join(parts, ".")
}
