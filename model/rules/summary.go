package rules

import (
	"strings"

	"chuding/model"
)

// Summary is a one-line Chinese verdict: "可申报 助理工程师", or
// "不可申报：见习期未满、缺继续教育记录".
func Summary(r model.Result) string {
	if r.Eligible {
		name := r.Title
		if name == "" {
			name = r.Level
		}
		return strings.TrimSpace("可申报 " + name)
	}
	names := make([]string, 0, len(r.Reasons))
	for _, f := range r.Reasons {
		names = append(names, ShortName(f.Code))
	}
	return "不可申报：" + strings.Join(names, "、")
}
