package opinion

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"chuding/model"
)

// gradeExcellent is the appraisal result an opinion may not claim for years
// that had another one.
const gradeExcellent = "优秀"

// Words after "优秀" that show it is the appraisal grade (考核为优秀等次),
// not an honour (优秀员工) or an adjective (优秀成果).
var gradeSuffixes = []string{"等次", "档次", "等级", "格次", "结果"}

// Words that claim every year at once. (Not 年年: it is also the seam of
// "2023年年度考核".)
var everyYear = []string{"历年", "每年", "各年", "一直", "始终", "历次", "每一年", "所有年度", "逐年"}

// Words that claim the years named before them (2022年至2024年，考核均为优秀).
var allOfThose = []string{"均", "都", "全部", "全为", "皆"}

// Other grades; a clause naming one of them is a mixed statement, not a
// claim that every year was 优秀.
var otherGrades = []string{"合格", "称职", "良好", "不定等次", "基本"}

// appraisalContradictions finds statements that the applicant's annual
// appraisal was 优秀 in years (or every year) the data says otherwise.
func appraisalContradictions(sc *scanned, apps map[int]string) []Problem {
	if len(apps) == 0 {
		return nil
	}
	body := sc.body
	var probs []Problem
	for _, at := range sc.excellents {
		from := at + len(gradeExcellent)
		if !isGradeUse(body[from:]) {
			continue
		}
		sentStart := lastBreak(body[:at], isSentenceEnd)
		clauseStart := lastBreak(body[:at], isClaimClauseEnd)
		if !strings.Contains(body[sentStart:at], "考核") && !strings.Contains(body[sentStart:at], "考评") {
			continue
		}
		clause := foldDigits(body[clauseStart:at])
		if containsAnyOf(clause, otherGrades) {
			continue
		}
		if msg := judgeClaim(clause, foldDigits(body[sentStart:clauseStart]), apps); msg != "" {
			quote := strings.TrimSpace(body[clauseStart:from])
			probs = appendProblem(probs, Problem{CodeContradictAppraisal, fmt.Sprintf(
				"鉴定意见写“%s”，但%s。请按实际考核结果如实填写，例如“%s”。",
				clip(quote, 30), msg, appraisalSummary(apps, 0))})
		}
	}
	return probs
}

// judgeClaim decides what years a clause ending in "优秀" speaks for and
// returns why the data contradicts it, or "".
func judgeClaim(clause, earlier string, apps map[int]string) string {
	all := model.Years(apps)
	switch {
	case len(yearsIn(clause)) > 0:
		return firstNotExcellent(yearsIn(clause), apps)
	case containsAnyOf(clause, everyYear):
		return firstNotExcellent(all, apps)
	case strings.Contains(clause, "连续"):
		n, ok := countAfter(clause, "连续")
		if !ok {
			n = 2 // 连续多年
		}
		if run := longestExcellentRun(apps); run < n {
			return fmt.Sprintf("申报人年度考核连续为优秀的最多只有%d年", run)
		}
		return ""
	case strings.Contains(clause, "近"):
		if n, ok := countAfter(clause, "近"); ok && n > 0 {
			last := all[len(all)-1]
			var recent []int
			for _, y := range all {
				if y > last-n {
					recent = append(recent, y)
				}
			}
			return firstNotExcellent(recent, apps)
		}
	}
	if containsAnyOf(clause, allOfThose) {
		if ys := yearsIn(earlier); len(ys) > 0 && !containsAnyOf(earlier, otherGrades) {
			return firstNotExcellent(ys, apps)
		}
		return firstNotExcellent(all, apps)
	}
	return ""
}

func isGradeUse(after string) bool {
	r, _ := utf8.DecodeRuneInString(after)
	return after == "" || !isHan(r) || hasAnyPrefix(after, gradeSuffixes)
}

// isClaimClauseEnd splits a sentence into claims; unlike isClauseEnd it
// keeps "2023、2024年" and "年度考核：均为优秀" together.
func isClaimClauseEnd(r rune) bool {
	return isSentenceEnd(r) || r == '，' || r == ',' || r == '\n'
}

// lastBreak returns the byte offset just after the last rune in s for which
// isBreak holds, or 0.
func lastBreak(s string, isBreak func(rune) bool) int {
	for i := len(s); i > 0; {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if isBreak(r) {
			return i
		}
		i -= size
	}
	return 0
}

func firstNotExcellent(years []int, apps map[int]string) string {
	for _, y := range years {
		if g, ok := apps[y]; ok && g != gradeExcellent {
			return fmt.Sprintf("申报人%d年度考核结果为%s", y, g)
		}
	}
	return ""
}

// longestExcellentRun is the longest run of consecutive years graded 优秀.
func longestExcellentRun(apps map[int]string) int {
	best, run, prev := 0, 0, 0
	for _, y := range model.Years(apps) {
		switch {
		case apps[y] != gradeExcellent:
			run = 0
		case run > 0 && y == prev+1:
			run++
		default:
			run = 1
		}
		prev = y
		best = max(best, run)
	}
	return best
}

// yearsIn returns the years a text names (2023, 2023、2024年, 2022年至2024年,
// 2022—2024年度), leaving out the years of dates (2023年7月, 2023.07).
func yearsIn(s string) []int {
	var years []int
	for i := 0; i < len(s); {
		y, n := fourDigits(s[i:])
		if n == 0 {
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
			continue
		}
		i += n
		rest := s[i:]
		if isDateTail(rest) {
			continue
		}
		if to, m := rangeEnd(rest); m > 0 && to >= y && to-y < 50 {
			for k := y; k <= to; k++ {
				years = append(years, k)
			}
			i += m
			continue
		}
		years = append(years, y)
	}
	slices.Sort(years)
	return slices.Compact(years)
}

// fourDigits reads a plausible year (1950–2099) at the start of s, not part
// of a longer number.
func fourDigits(s string) (int, int) {
	if len(s) < 4 {
		return 0, 0
	}
	y := 0
	for k := 0; k < 4; k++ {
		if s[k] < '0' || s[k] > '9' {
			return 0, 0
		}
		y = y*10 + int(s[k]-'0')
	}
	if len(s) > 4 && s[4] >= '0' && s[4] <= '9' || y < 1950 || y > 2099 {
		return 0, 0
	}
	return y, 4
}

// isDateTail reports whether a year is followed by a month (年7月, .07,
// /7, -07), which makes it a date rather than a year named on its own.
func isDateTail(rest string) bool {
	if rest != "" && (rest[0] == '.' || rest[0] == '/' || rest[0] == '-') {
		return digitRun(rest[1:]) == 1 || digitRun(rest[1:]) == 2
	}
	t := strings.TrimPrefix(rest, "年")
	n := digitRun(t)
	return (n == 1 || n == 2) && strings.HasPrefix(t[n:], "月")
}

// digitRun is the number of ASCII digits s starts with.
func digitRun(s string) int {
	n := 0
	for n < len(s) && isDigit(s[n]) {
		n++
	}
	return n
}

// foldDigits turns full-width digits (２０２３, typed with a Chinese input
// method) into ASCII ones so years are read either way.
func foldDigits(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r >= '０' && r <= '９' }) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r >= '０' && r <= '９' {
			return '0' + r - '０'
		}
		return r
	}, s)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

var rangeMarks = []string{"至", "到", "—", "–", "-", "~", "～", "－", "——"}

// rangeEnd reads "年至2024" / "—2024" after a year and returns the end year
// and the bytes consumed.
func rangeEnd(rest string) (int, int) {
	t := strings.TrimPrefix(strings.TrimPrefix(rest, "年度"), "年")
	for _, m := range rangeMarks {
		if strings.HasPrefix(t, m) {
			u := strings.TrimSpace(t[len(m):])
			if y, n := fourDigits(u); n > 0 {
				return y, len(rest) - len(u) + n
			}
		}
	}
	return 0, 0
}

// Chinese numerals people write for "three years" and the like.
var numerals = map[rune]int{'一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9, '十': 10}

// countAfter reads the number right after word (连续3年, 近三年).
func countAfter(s, word string) (int, bool) {
	i := strings.Index(s, word)
	if i < 0 {
		return 0, false
	}
	rest := s[i+len(word):]
	if n := 0; rest != "" && isDigit(rest[0]) {
		for _, c := range []byte(rest) {
			if !isDigit(c) {
				break
			}
			n = n*10 + int(c-'0')
		}
		return n, true
	}
	r, _ := utf8.DecodeRuneInString(rest)
	n, ok := numerals[r]
	return n, ok
}

func containsAnyOf(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// appendProblem adds p unless the same message is already there.
func appendProblem(list []Problem, p Problem) []Problem {
	for _, q := range list {
		if q == p {
			return list
		}
	}
	return append(list, p)
}
