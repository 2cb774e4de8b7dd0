package opinion

import "fmt"

// boilerplate lists the set phrases that say nothing about the applicant
// (五(二): not "同意申报" and the like). An opinion made only of these, in any
// order or repetition, with punctuation, digits and the applicant's own
// name ignored, is BOILERPLATE_ONLY. The matcher tries every phrase at every
// reachable position, so overlaps (同意 / 同意申报) do not matter.
var boilerplate = []string{
	"同意申报", "同意推荐", "同意上报", "同意初定", "同意报送", "情况属实", "内容属实", "材料属实",
	"情况真实", "材料真实", "真实有效", "真实准确", "符合条件", "符合申报条件", "符合初定条件", "符合要求",
	"无异议", "经审核", "经审查", "经研究", "经考察", "经公示", "公示", "同意", "属实", "审核", "推荐",
	"申报", "上报", "初定", "职称", "资格", "专业技术", "申报材料", "材料", "所填", "所报", "所述",
	"以上", "特此证明", "证明", "盖章", "签字", "单位", "该同志", "同志", "其", "予以", "经", "年", "月", "日",
}

// isBoilerplate reports whether the Han characters of content can be cut
// entirely into boilerplate phrases (and the applicant's name); other
// characters (digits, letters) are skipped.
func isBoilerplate(content []rune, name string) bool {
	var small [1024]bool
	reach := small[:0] // reach[i]: content[:i] can be cut into phrases
	if len(content)+1 <= len(small) {
		reach = small[:len(content)+1]
	} else {
		reach = make([]bool, len(content)+1)
	}
	reach[0] = true
	last, han := 0, 0 // furthest reachable position so far; Han seen
	mark := func(i int) {
		reach[i] = true
		last = max(last, i)
	}
	for i, r := range content {
		if i > last {
			return false // no phrase reaches past a character that starts none
		}
		if !reach[i] {
			continue
		}
		if !isHan(r) {
			mark(i + 1)
			continue
		}
		han++
		for _, ph := range boilerplate {
			if n, ok := runePrefix(content[i:], ph); ok {
				mark(i + n)
			}
		}
		if n, ok := runePrefix(content[i:], name); ok && name != "" {
			mark(i + n)
		}
	}
	return han > 0 && reach[len(content)]
}

// runePrefix reports whether rs starts with s and how many runes s has.
func runePrefix(rs []rune, s string) (int, bool) {
	n := 0
	for _, r := range s {
		if n >= len(rs) || rs[n] != r {
			return 0, false
		}
		n++
	}
	return n, true
}

func tooShort(han, min int) Problem {
	return Problem{CodeTooShort, fmt.Sprintf(
		"鉴定意见只有%d个汉字，至少需要%d个汉字（不含待填写的占位内容）。请补充申报人的具体表现，例如负责的工作、完成的项目和取得的成果，不要用重复的句子凑字数。",
		han, min)}
}
