package policy

import (
	"fmt"
	"slices"
	"strings"

	"chuding/model"
)

// TitlesText writes a series → title names table one series per line, as the
// policy editor shows it: "工程：技术员/助理工程师/工程师". A level without a
// title of its own is left empty ("高校教师：/助教/讲师").
func TitlesText(titles map[string]model.Titles) string {
	series := make([]string, 0, len(titles))
	for s := range titles {
		series = append(series, s)
	}
	slices.Sort(series)
	var b strings.Builder
	for _, s := range series {
		t := titles[s]
		fmt.Fprintf(&b, "%s：%s/%s/%s\n", s, t.Junior, t.Assistant, t.Middle)
	}
	return b.String()
}

// ParseTitlesText reads the form TitlesText writes. Colons and slashes may
// be full- or half-width; blank lines are skipped. Every bad line is
// reported with its line number, under the field 职称名称表.
func ParseTitlesText(text string) (map[string]model.Titles, []model.FieldError) {
	titles := map[string]model.Titles{}
	var errs []model.FieldError
	bad := func(n int, format string, args ...any) {
		errs = append(errs, model.FieldError{Field: "职称名称表", Message: fmt.Sprintf("第%d行：", n) + fmt.Sprintf(format, args...)})
	}
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		series, names, ok := strings.Cut(strings.ReplaceAll(line, ":", "："), "：")
		series = strings.TrimSpace(series)
		parts := strings.Split(strings.ReplaceAll(names, "／", "/"), "/")
		switch {
		case !ok || series == "":
			bad(i+1, "“%s”应写成“系列：员级/助理级/中级”，例如“工程：技术员/助理工程师/工程师”", line)
			continue
		case len(parts) != 3:
			bad(i+1, "“%s”的职称应有三项（员级/助理级/中级，用“/”分隔，没有的留空），现为%d项", series, len(parts))
			continue
		case titles[series] != (model.Titles{}):
			bad(i+1, "系列“%s”重复出现，请只保留一行", series)
			continue
		}
		t := model.Titles{Junior: strings.TrimSpace(parts[0]), Assistant: strings.TrimSpace(parts[1]), Middle: strings.TrimSpace(parts[2])}
		if t == (model.Titles{}) {
			bad(i+1, "系列“%s”没有填写任何职称名称", series)
			continue
		}
		titles[series] = t
	}
	return titles, errs
}
