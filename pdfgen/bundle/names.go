package bundle

import (
	"fmt"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"chuding/model"
	"chuding/model/rules"
)

// folderName is a person's folder, NN_姓名: the 序号 padded to the width of
// the count (at least two digits, so folders sort in order) and the name
// made safe as a Windows file name.
func folderName(no, total int, name string) string {
	width := max(2, len(fmt.Sprint(total)))
	return fmt.Sprintf("%0*d_%s", width, no, safeName(name, "未填姓名"))
}

// safeName replaces what Windows forbids in a file name (<>:"/\|?*,
// control characters) with "_", and trims spaces and dots at the ends,
// which Explorer drops. An empty result becomes fallback.
func safeName(s, fallback string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || strings.ContainsRune(`<>:"/\|?*`, r) {
			return '_'
		}
		return r
	}, s)
	s = strings.Trim(s, " .　")
	if s == "" {
		return fallback
	}
	return s
}

// materialLabel is the short name of a material, as file names and
// messages use it: 劳动合同或聘书, 资格证书, 继续教育成绩汇总表 …
func materialLabel(code string) string {
	s := rules.ShortName(code)
	if code == "" || s == code {
		return "其他材料"
	}
	if i := strings.Index(s, "（"); i > 0 {
		s = s[:i]
	}
	return s
}

// scanExt is the extension of an attachment, from its sniffed type first
// (the store checked the content) and its original name otherwise.
func scanExt(a model.Attachment) string {
	switch a.MIME {
	case "application/pdf":
		return ".pdf"
	case "image/jpeg":
		return ".jpg"
	case "image/png":
		return ".png"
	}
	return strings.ToLower(filepath.Ext(a.Name))
}

// scanFile is one attachment's place in the archive.
type scanFile struct {
	att  model.Attachment
	path string // folder/附件/劳动合同或聘书.pdf
}

// scanFiles names a person's attachments after their material, in the
// order of the notice's list (四) and then any others; a material with
// several scans gets them numbered: 劳动合同或聘书_1.pdf, 劳动合同或聘书_2.pdf.
func scanFiles(folder string, atts []model.Attachment) []scanFile {
	order := map[string]int{}
	for i, m := range rules.Materials() {
		order[m.Code] = i
	}
	rank := func(code string) int {
		if i, ok := order[code]; ok {
			return i
		}
		return len(order)
	}
	sorted := slices.Clone(atts)
	slices.SortStableFunc(sorted, func(a, b model.Attachment) int { return rank(a.Material) - rank(b.Material) })
	count := map[string]int{}
	for _, a := range sorted {
		count[materialLabel(a.Material)]++
	}
	seen := map[string]int{}
	out := make([]scanFile, len(sorted))
	for i, a := range sorted {
		label := materialLabel(a.Material)
		name := label
		if count[label] > 1 {
			seen[label]++
			name = fmt.Sprintf("%s_%d", label, seen[label])
		}
		out[i] = scanFile{att: a, path: path.Join(folder, AttachmentFolder, name+scanExt(a))}
	}
	return out
}
