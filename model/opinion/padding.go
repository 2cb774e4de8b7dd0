package opinion

import (
	"fmt"
	"slices"
	"unicode/utf8"
)

// Thresholds of the padding test (docs/opinion.md, PADDED).
const (
	// A sentence of at least this many characters may not appear twice.
	padSentenceRunes = 8
	// A clause of at least this many characters may not appear three times.
	padClauseRunes = 4
	padClauseTimes = 3
	// Runs of padWindow characters are compared across the whole text
	// (punctuation ignored); padding is when at least padMinRepeats of them
	// and one in padRatio of all of them repeat an earlier run. Hand-written
	// opinions repeat none (testdata/good); a 20-character passage pasted
	// twice repeats 12.
	padWindow     = 8
	padMinRepeats = 12
	padRatio      = 10
)

// padding reports the first sign that text was repeated to reach the length.
func padding(sc *scanned) (Problem, bool) {
	if from, to, n := repeatedSpan(sc.content, sc.sentenceEnds, padSentenceRunes, 2); n > 0 {
		return Problem{CodePadded, fmt.Sprintf(
			"“%s”这句话出现了%d次。请删去重复的句子，换成申报人其他方面的具体情况。", clip(bodySpan(sc.body, from, to), 30), n)}, true
	}
	if from, to, n := repeatedSpan(sc.content, sc.clauseEnds, padClauseRunes, padClauseTimes); n > 0 {
		return Problem{CodePadded, fmt.Sprintf(
			"“%s”重复出现了%d次，像是为凑字数而重复。请删去重复的部分，补充申报人的具体表现。", clip(bodySpan(sc.body, from, to), 30), n)}, true
	}
	if rep, total := repeatedWindows(sc.content); rep >= padMinRepeats && rep*padRatio >= total {
		return Problem{CodePadded, fmt.Sprintf(
			"鉴定意见约有%d%%的文字是重复的。请删去重复的段落，用申报人的具体情况补足字数。", rep*100/total)}, true
	}
	return Problem{}, false
}

// repeatedSpan finds the first span (content split at ends) of at least
// minLen runes that occurs at least times times; it returns the span's
// bounds in content and its count, or a zero count. Spans are counted in a
// hash table, so a long text costs linear time, not quadratic.
func repeatedSpan(content []rune, ends []int, minLen, times int) (from, to, count int) {
	type slot struct {
		h            uint64
		first, count int
	}
	size := 1
	for size < 2*len(ends) {
		size <<= 1
	}
	var small [256]slot
	table := small[:0]
	if size <= len(small) {
		table = small[:size]
	} else {
		table = make([]slot, size)
	}
	mask := uint64(size - 1)
	start := func(i int) int {
		if i == 0 {
			return 0
		}
		return ends[i-1]
	}
	best := -1
	for i, e := range ends {
		span := content[start(i):e]
		if len(span) < minLen {
			continue
		}
		h := uint64(14695981039346656037)
		for _, r := range span {
			h = (h ^ uint64(r)) * 1099511628211
		}
		h |= 1 // zero marks an empty slot
		for j := h & mask; ; j = (j + 1) & mask {
			sl := &table[j]
			if sl.h == 0 {
				*sl = slot{h: h, first: i, count: 1}
				break
			}
			if sl.h == h && slices.Equal(span, content[start(sl.first):ends[sl.first]]) {
				sl.count++
				if sl.count >= times && (best < 0 || sl.first < best) {
					best, count = sl.first, sl.count
				} else if sl.first == best {
					count = sl.count
				}
				break
			}
		}
	}
	if best < 0 {
		return 0, 0, 0
	}
	return start(best), ends[best], count
}

// bodySpan returns the text of body from its from-th content rune up to its
// to-th, punctuation included, for quoting.
func bodySpan(body string, from, to int) string {
	k, start := 0, -1
	for i, r := range body {
		if !isContent(r) {
			continue
		}
		if k == from {
			start = i
		}
		k++
		if k == to {
			return body[start : i+utf8.RuneLen(r)]
		}
	}
	return ""
}

// repeatedWindows counts the padWindow-rune runs of content that repeat an
// earlier run, and all runs, using a small open-addressing hash set.
func repeatedWindows(content []rune) (repeats, total int) {
	total = len(content) - padWindow + 1
	if total <= 0 {
		return 0, 0
	}
	size := 1
	for size < 2*total {
		size <<= 1
	}
	var small [2048]uint64
	table := small[:0]
	if size <= len(small) {
		table = small[:size]
	} else {
		table = make([]uint64, size)
	}
	mask := uint64(size - 1)
	// A rolling polynomial hash over the window, mixed before use.
	const base = 1000003
	var top uint64 = 1 // base^(padWindow-1)
	for k := 1; k < padWindow; k++ {
		top *= base
	}
	var h uint64
	for _, r := range content[:padWindow-1] {
		h = h*base + uint64(r)
	}
	for i := 0; i < total; i++ {
		h = h*base + uint64(content[i+padWindow-1])
		key := (h ^ h>>31) * 0x9E3779B97F4A7C15
		key |= 1 // zero marks an empty slot
		for j := key >> 40 & mask; ; j = (j + 1) & mask {
			if table[j] == 0 {
				table[j] = key
				break
			}
			if table[j] == key {
				repeats++
				break
			}
		}
		h -= uint64(content[i]) * top
	}
	return repeats, total
}
