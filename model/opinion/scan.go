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
}

// Opening and closing marks of bracketed placeholders.
const (
	openMarks  = "【{｛"
	closeMarks = "】}｝"
)

func isHan(r rune) bool {
	if r >= 0x4E00 && r <= 0x9FFF {
		return true
	}
	return r >= 0x2E80 && unicode.Is(unicode.Han, r)
}

func isContent(r rune) bool {
	if isHan(r) || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
		return true
	}
	return r > 0x7F && (unicode.IsLetter(r) || unicode.IsDigit(r))
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

// scan takes text apart: bracketed placeholders out, content runes and
// clause boundaries recorded, the other placeholders listed.
func scan(text string) scanned {
	var sc scanned
	sc.body = text
	if strings.ContainsAny(text, openMarks) {
		sc.body, sc.placeholders = cutBracketed(text)
	}
	sc.content = make([]rune, 0, len(sc.body)/2)
	end := func(ends []int) []int {
		if n := len(sc.content); n > 0 && (len(ends) == 0 || ends[len(ends)-1] != n) {
			ends = append(ends, n)
		}
		return ends
	}
	for _, r := range sc.body {
		switch {
		case isContent(r):
			if isHan(r) {
				sc.han++
			}
			sc.content = append(sc.content, r)
		case isSentenceEnd(r):
			sc.clauseEnds = end(sc.clauseEnds)
			sc.sentenceEnds = end(sc.sentenceEnds)
		case isClauseEnd(r):
			sc.clauseEnds = end(sc.clauseEnds)
		}
	}
	sc.clauseEnds = end(sc.clauseEnds)
	sc.sentenceEnds = end(sc.sentenceEnds)
	sc.placeholders = append(sc.placeholders, inlinePlaceholders(sc.body)...)
	return sc
}

// cutBracketed removes 【…】 and {…} spans (an unclosed one runs to the end of
// its line) and returns the rest with the spans themselves.
func cutBracketed(text string) (string, []string) {
	var b strings.Builder
	b.Grow(len(text))
	var spans []string
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !strings.ContainsRune(openMarks, r) {
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

// inlinePlaceholders finds the placeholders written inline: XX/XXX, ××,
// **, 某某, 某年某月, ___.
func inlinePlaceholders(s string) []string {
	var found []string
	for _, w := range []string{"某某", "某年某月", "某月某日"} {
		if strings.Contains(s, w) {
			found = appendDistinct(found, w)
		}
	}
	rs := []rune(s)
	for i := 0; i < len(rs); {
		j := i
		for j < len(rs) && sameMark(rs[i], rs[j]) {
			j++
		}
		if j == i {
			i++
			continue
		}
		if n := j - i; n >= minRun(rs[i]) && !latinAround(rs, i, j) {
			found = appendDistinct(found, string(rs[i:j]))
		}
		i = j
	}
	return found
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

func sameMark(first, r rune) bool {
	c := placeholderClass(first)
	return c != 0 && c == placeholderClass(r)
}

// minRun is how many marks in a row make a placeholder: two for X, × and
// *, three for underscores (a single "_" appears in file names).
func minRun(r rune) int {
	if placeholderClass(r) == 4 {
		return 3
	}
	return 2
}

// latinAround reports whether rs[i:j] is part of a Latin word (e.g. "XXL"),
// which is not a placeholder.
func latinAround(rs []rune, i, j int) bool {
	if placeholderClass(rs[i]) != 1 {
		return false
	}
	latin := func(r rune) bool { return r < 0x80 && unicode.IsLetter(r) }
	return i > 0 && latin(rs[i-1]) || j < len(rs) && latin(rs[j])
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
			"鉴定意见中还有待填写的占位内容“%s”。请换成申报人的真实情况后再提交。", clip(s, 40))})
	}
	return probs
}
