package opinion

import (
	"strings"
	"unicode/utf8"
)

// wordIndex finds many fixed words in one pass over a text: a bit per
// possible first character rejects most positions at the cost of a shift,
// and only the words starting with a flagged character are compared. This
// keeps Check within its budget (docs/performance.md) where one
// strings.Index per word would scan the text dozens of times.
type wordIndex struct {
	words []string
	bits  [1 << 16 / 64]uint64 // first characters in the Basic Multilingual Plane
	first map[rune][]int       // first character → indexes into words
}

func newWordIndex(words []string) *wordIndex {
	x := &wordIndex{words: words, first: map[rune][]int{}}
	for i, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if r >= 1<<16 {
			panic("opinion: word index holds BMP characters only: " + w)
		}
		x.bits[r/64] |= 1 << (r % 64)
		x.first[r] = append(x.first[r], i)
	}
	return x
}

// each calls fn with the byte offset and word index of every occurrence of
// a word in s, in text order, until fn returns false.
func (x *wordIndex) each(s string, fn func(at, word int) bool) {
	for at, r := range s {
		if r >= 1<<16 || x.bits[r/64]&(1<<(r%64)) == 0 {
			continue
		}
		for _, w := range x.first[r] {
			if strings.HasPrefix(s[at:], x.words[w]) && !fn(at, w) {
				return
			}
		}
	}
}
