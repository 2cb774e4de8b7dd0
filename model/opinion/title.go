package opinion

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"chuding/model"
)

// claimWords mark a clause that states the title being applied for
// (同意申报初定助理工程师资格, 已具备技术员的专业技术水平). Titles elsewhere
// (在工程师指导下) are not claims and are left alone.
var claimWords = []string{"初定", "申报", "推荐", "具备", "具有", "资格", "职称", "任职", "达到", "胜任",
	"认定", "评定", "聘任", "聘为", "水平", "拟定", "定为"}

var claimIndex = newWordIndex(claimWords)

var levelNames = []string{model.LevelJunior, model.LevelAssistant, model.LevelMiddle}

// titleName is a title or level name the policy knows.
type titleName struct {
	name    string
	isLevel bool
}

// titleMention is one title or level name found in a claim.
type titleMention struct {
	at, end int // byte offsets in body
	titleName
}

// titleContradictions finds claims naming a title or level other than the
// one the rules give (r.Title, r.Level). Title names come from pol (every
// series and the default); with no policy only level names and r.Title are
// known.
func titleContradictions(body string, r *model.Result, pol *model.Policy) []Problem {
	var found []titleMention
	var names []titleName // collected at the first claim clause
	var ends lastRunes
	done := -1 // start of the last claim clause searched
	claimIndex.each(body, func(at, _ int) bool {
		start := lastBreak(body[:at], isClauseEnd)
		if start == done {
			return true
		}
		done = start
		end := len(body)
		if i := strings.IndexFunc(body[at:], isClauseEnd); i >= 0 {
			end = at + i
		}
		if names == nil {
			names = knownTitles(r, pol)
			ends = titleEnds(names)
		}
		if clause := body[start:end]; ends.anyIn(clause) {
			found = append(found, mentionsIn(clause, start, names)...)
		}
		return true
	})
	sort.SliceStable(found, func(i, j int) bool { return found[i].at < found[j].at })
	var probs []Problem
	for _, m := range found {
		if (m.isLevel && m.name == r.Level) || (!m.isLevel && m.name == r.Title) {
			continue
		}
		level := orText(r.Level, "按政策确定的级别")
		msg := fmt.Sprintf("鉴定意见写的是“%s”，但按本批次政策申报人可初定的职称是“%s”（%s）。请改为“%s”。",
			m.name, r.Title, level, r.Title)
		if m.isLevel {
			msg = fmt.Sprintf("鉴定意见写的是“%s”，但按本批次政策申报人可初定的级别是%s（%s）。请改为“%s”或写明“%s”。",
				m.name, level, r.Title, level, r.Title)
		}
		probs = appendProblem(probs, Problem{CodeContradictTitle, msg})
	}
	return probs
}

// lastRunes are the last characters of the known title names (师, 员,
// 级 …): a clause without any of them names no title and is skipped.
type lastRunes struct {
	set  []rune
	full bool // too many to be worth it: search every claim clause
}

func titleEnds(names []titleName) lastRunes {
	var l lastRunes
	for _, n := range names {
		c, _ := utf8.DecodeLastRuneInString(n.name)
		if !l.full && !slices.Contains(l.set, c) {
			l.set = append(l.set, c)
			l.full = len(l.set) > 24
		}
	}
	return l
}

func (l lastRunes) anyIn(s string) bool {
	if l.full {
		return true
	}
	for _, c := range l.set {
		if strings.ContainsRune(s, c) {
			return true
		}
	}
	return false
}

// knownTitles lists the level names, the applicant's title and, with a
// policy, every title of every series and the defaults.
func knownTitles(r *model.Result, pol *model.Policy) []titleName {
	names := make([]titleName, 0, 64)
	for _, l := range levelNames {
		names = append(names, titleName{l, true})
	}
	// A title that is a level name (the rules fall back to the level when a
	// series has no title name) is compared as a level.
	add1 := func(n string) {
		if n != "" && !slices.Contains(levelNames, n) {
			names = append(names, titleName{n, false})
		}
	}
	add1(r.Title)
	if pol == nil {
		return names
	}
	add := func(t model.Titles) {
		add1(t.Junior)
		add1(t.Assistant)
		add1(t.Middle)
	}
	add(pol.DefaultTitles)
	for _, t := range pol.Titles {
		add(t)
	}
	return names
}

// mentionsIn finds the title names in clause (at offset base of body),
// keeping only the longest name at each place: 助理工程师, not also 工程师.
func mentionsIn(clause string, base int, names []titleName) []titleMention {
	var raw []titleMention
	for _, n := range names {
		for from := 0; ; {
			i := strings.Index(clause[from:], n.name)
			if i < 0 {
				break
			}
			at := from + i
			from = at + len(n.name)
			if !notATitle(clause, at, n.name) {
				raw = append(raw, titleMention{base + at, base + from, n})
			}
		}
	}
	var out []titleMention
	for _, m := range raw {
		if !insideLonger(m, raw) && !slices.Contains(out, m) {
			out = append(out, m)
		}
	}
	return out
}

// notATitle rules out senior titles (高级工程师 holds 工程师) and the
// 技工院校 class 中级工.
func notATitle(clause string, at int, name string) bool {
	return strings.HasSuffix(clause[:at], "高级") ||
		(name == model.LevelMiddle && strings.HasPrefix(clause[at+len(name):], "工"))
}

// insideLonger reports whether m lies within a longer mention.
func insideLonger(m titleMention, all []titleMention) bool {
	for _, o := range all {
		if o.at <= m.at && o.end >= m.end && o.end-o.at > m.end-m.at {
			return true
		}
	}
	return false
}
