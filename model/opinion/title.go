package opinion

import (
	"fmt"
	"sort"
	"strings"

	"chuding/model"
)

// claimWords mark a clause that states the title being applied for
// (同意申报初定助理工程师资格, 已具备技术员的专业技术水平). Titles elsewhere
// (在工程师指导下) are not claims and are left alone.
var claimWords = []string{"初定", "申报", "推荐", "具备", "具有", "资格", "职称", "任职", "达到", "胜任",
	"认定", "评定", "聘任", "聘为", "水平", "拟定", "定为"}

var levelNames = []string{model.LevelJunior, model.LevelAssistant, model.LevelMiddle}

// titleMention is one title or level name found in a claim.
type titleMention struct {
	at      int // byte offset in body
	name    string
	isLevel bool
}

// titleContradictions finds claims naming a title or level other than the
// one the rules give (r.Title, r.Level). Title names come from pol (every
// series and the default); with no policy only level names and r.Title are
// known.
func titleContradictions(body string, r *model.Result, pol *model.Policy) []Problem {
	var found []titleMention
	start := 0
	for i, c := range body + "\n" {
		if !isClauseEnd(c) {
			continue
		}
		if clause := body[start:i]; containsAnyOf(clause, claimWords) {
			found = append(found, mentionsIn(clause, start, r, pol)...)
		}
		start = i + len(string(c))
	}
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

// eachTitle calls fn with every title and level name known.
func eachTitle(r *model.Result, pol *model.Policy, fn func(name string, isLevel bool)) {
	for _, l := range levelNames {
		fn(l, true)
	}
	fn(r.Title, false)
	if pol == nil {
		return
	}
	each := func(t model.Titles) {
		for _, n := range []string{t.Junior, t.Assistant, t.Middle} {
			if n != "" {
				fn(n, false)
			}
		}
	}
	each(pol.DefaultTitles)
	for _, t := range pol.Titles {
		each(t)
	}
}

// mentionsIn finds the title names in clause (at offset base of body),
// keeping only the longest name at each place: 助理工程师, not also 工程师.
func mentionsIn(clause string, base int, r *model.Result, pol *model.Policy) []titleMention {
	var out []titleMention
	eachTitle(r, pol, func(name string, isLevel bool) {
		for from := 0; ; {
			i := strings.Index(clause[from:], name)
			if i < 0 {
				return
			}
			at := from + i
			from = at + len(name)
			if notATitle(clause, at, name) || insideLonger(clause, at, name, r, pol) {
				continue
			}
			m := titleMention{base + at, name, isLevel}
			if !containsMention(out, m) {
				out = append(out, m)
			}
		}
	})
	return out
}

// notATitle rules out senior titles (高级工程师 holds 工程师) and the
// 技工院校 class 中级工.
func notATitle(clause string, at int, name string) bool {
	return strings.HasSuffix(clause[:at], "高级") ||
		(name == model.LevelMiddle && strings.HasPrefix(clause[at+len(name):], "工"))
}

// insideLonger reports whether the name at clause[at:] is part of a longer
// known name there.
func insideLonger(clause string, at int, name string, r *model.Result, pol *model.Policy) bool {
	inside := false
	eachTitle(r, pol, func(longer string, _ bool) {
		if inside || len(longer) <= len(name) {
			return
		}
		k := strings.Index(longer, name)
		if k >= 0 && at-k >= 0 && strings.HasPrefix(clause[at-k:], longer) {
			inside = true
		}
	})
	return inside
}

func containsMention(list []titleMention, m titleMention) bool {
	for _, x := range list {
		if x == m {
			return true
		}
	}
	return false
}
