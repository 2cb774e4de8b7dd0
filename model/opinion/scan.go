package opinion

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// scanned is an opinion taken apart once, so every test reads the same view.
type scanned struct {
	// body is the text with bracketed placeholders (【…】, {…}) cut out and
	// replaced by a line break, so their prompt words neither count towards
	// the length nor cover an aspect.
	body string
	// han counts the Han characters of body.
	han int
	// content holds the Han characters, letters and digits of body in
	// order; punctuation and spaces are dropped.
	content []rune
	// clauseEnds and sentenceEnds are exclusive end offsets into content.
	clauseEnds, sentenceEnds []int
	// placeholders are the distinct placeholder texts found, in order.
	placeholders []string
	// Byte offsets in body of the marks later tests start from, recorded
	// during the one pass: colons (姓名：), "同志" and "优秀".
	colons, comrades, excellents []int
}

// closeMarks end a bracketed placeholder opened by 【, { or ｛.
const closeMarks = "】}｝"

func isHan(r rune) bool {
	switch {
	case r >= 0x4E00 && r <= 0x9FFF:
		return true
	case r < 0x2E80 || r >= 0xFF00 && r <= 0xFFEF: // below CJK, or full-width forms
		return false
	}
	return unicode.Is(unicode.Han, r)
}

func isContent(r rune) bool {
	switch {
	case r < 0x80:
		return r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	case r >= 0x4E00 && r <= 0x9FFF:
		return true
	case r >= 0xFF00 && r <= 0xFFEF: // full-width digits and letters count, punctuation not
		return r >= '０' && r <= '９' || r >= 'Ａ' && r <= 'Ｚ' || r >= 'ａ' && r <= 'ｚ'
	case r >= 0x3000 && r <= 0x303F: // CJK punctuation; 〇 and 々 are Han
		return isHan(r)
	}
	return isHan(r) || unicode.IsLetter(r) || unicode.IsDigit(r)
}

// isSentenceEnd marks the end of a sentence; isClauseEnd also the end of a
// clause inside one.
func isSentenceEnd(r rune) bool {
	switch r {
	case '。', '！', '？', '；', '!', '?', ';', '．':
		return true
	}
	return false
}

func isClauseEnd(r rune) bool {
	if isSentenceEnd(r) {
		return true
	}
	switch r {
	case '，', ',', '、', '：', ':', '\n', '（', '）', '(', ')', '“', '”', '"', '《', '》':
		return true
	}
	return false
}

func hasContent(text string) bool {
	for _, r := range text {
		if isContent(r) {
			return true
		}
	}
	return false
}

// scan takes text apart in one pass: bracketed placeholders out, content
// runes and clause boundaries recorded, the other placeholders listed.
func scan(text string) scanned {
	sc := scanned{body: text}
	if !sc.walk() {
		// An opening mark: cut the bracketed placeholders, walk again.
		sc = scanned{}
		sc.body, sc.placeholders = cutBracketed(text)
		sc.walk()
	}
	return sc
}

// walk fills sc from sc.body. It stops and returns false at the first
// opening mark of a bracketed placeholder when body still has them.
func (sc *scanned) walk() bool {
	body := sc.body
	sc.content = make([]rune, 0, len(body)/2)
	end := func(ends []int) []int {
		if n := len(sc.content); n > 0 && (len(ends) == 0 || ends[len(ends)-1] != n) {
			ends = append(ends, n)
		}
		return ends
	}
	run := markRun{}
	for i, r := range body {
		if cls := placeholderClass(r); cls != run.class {
			sc.closeRun(&run, i)
			if cls != 0 {
				run = markRun{class: cls, start: i, latinBefore: isLatin(prevRune(body, i))}
			}
		}
		if run.class != 0 {
			run.n++
		}
		switch {
		case isContent(r):
			if isHan(r) {
				sc.han++
				sc.mark(r, i)
			}
			sc.content = append(sc.content, r)
		case isSentenceEnd(r):
			sc.clauseEnds = end(sc.clauseEnds)
			sc.sentenceEnds = end(sc.sentenceEnds)
		case r == '：' || r == ':':
			sc.colons = append(sc.colons, i)
			sc.clauseEnds = end(sc.clauseEnds)
		case isClauseEnd(r):
			sc.clauseEnds = end(sc.clauseEnds)
		case isOpenMark(r):
			return false
		}
	}
	sc.closeRun(&run, len(body))
	sc.clauseEnds = end(sc.clauseEnds)
	sc.sentenceEnds = end(sc.sentenceEnds)
	return true
}

// markRun is a run of one kind of placeholder mark (XXX, ××, ___).
type markRun struct {
	class, start, n int
	latinBefore     bool
}

// closeRun records the run ending at byte end as a placeholder when it is
// long enough and not part of a Latin word ("XXL").
func (sc *scanned) closeRun(run *markRun, end int) {
	if run.class == 0 {
		return
	}
	latin := run.class == 1 && (run.latinBefore || end < len(sc.body) && isLatin(rune(sc.body[end])))
	if run.n >= minRun(run.class) && !latin {
		sc.placeholders = appendDistinct(sc.placeholders, sc.body[run.start:end])
	}
	*run = markRun{}
}

// mark records the positions of the Han characters other tests start from.
func (sc *scanned) mark(r rune, i int) {
	rest := sc.body[i+utf8.RuneLen(r):]
	switch {
	case r == '某':
		sc.vagueAt(rest)
	case r == '同' && strings.HasPrefix(rest, "志"):
		sc.comrades = append(sc.comrades, i)
	case r == '优' && strings.HasPrefix(rest, "秀"):
		sc.excellents = append(sc.excellents, i)
	}
}

// vagueAt records 某某, 某年某月 and 某月某日 when rest follows a 某.
func (sc *scanned) vagueAt(rest string) {
	for _, tail := range []string{"某", "年某月", "月某日"} {
		if strings.HasPrefix(rest, tail) {
			sc.placeholders = appendDistinct(sc.placeholders, "某"+tail)
			return
		}
	}
}

func isOpenMark(r rune) bool { return r == '【' || r == '{' || r == '｛' }

func isLatin(r rune) bool { return r < 0x80 && unicode.IsLetter(r) }

func prevRune(s string, i int) rune {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return r
}

// cutBracketed removes 【…】 and {…} spans (an unclosed one runs to the end of
// its line) and returns the rest with the spans themselves.
func cutBracketed(text string) (string, []string) {
	var b strings.Builder
	b.Grow(len(text))
	var spans []string
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isOpenMark(r) {
			b.WriteString(text[i : i+size])
			i += size
			continue
		}
		j := i + size
		for j < len(text) {
			c, n := utf8.DecodeRuneInString(text[j:])
			if c == '\n' {
				break
			}
			j += n
			if strings.ContainsRune(closeMarks, c) {
				break
			}
		}
		spans = appendDistinct(spans, strings.TrimSpace(text[i:j]))
		b.WriteByte('\n')
		i = j
	}
	return b.String(), spans
}

// placeholderClass groups the marks people type for "fill in later".
func placeholderClass(r rune) int {
	switch r {
	case 'X', 'x', 'Ｘ', 'ｘ':
		return 1
	case '×', '╳':
		return 2
	case '*', '＊':
		return 3
	case '_', '＿':
		return 4
	}
	return 0
}

// minRun is how many marks in a row make a placeholder: two for X, × and
// *, three for underscores (a single "_" appears in file names).
func minRun(class int) int {
	if class == 4 {
		return 3
	}
	return 2
}

func appendDistinct(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// clip shortens s to at most n runes for quoting in a message.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	rs := []rune(s)
	return string(rs[:n]) + "…"
}

// placeholderProblems turns each placeholder found into a PLACEHOLDER problem.
func placeholderProblems(found []string) []Problem {
	probs := make([]Problem, 0, len(found))
	for _, s := range found {
		probs = append(probs, Problem{CodePlaceholder, fmt.Sprintf(
			"鉴定意见中还有待填写的占位内容“%s”。请换成申报人的真实情况后再提交。", clip(s, 60))})
	}
	return probs
}
