package rules

import (
	"testing"

	"chuding/model"
	"chuding/model/policy"
)

// benchPeople is a mix of the verdicts a real batch has: eligible at each
// level, short trainee periods, exam series, gaps in the records.
func benchPeople() []model.Person {
	edits := []func(*model.Person){
		nil,
		only("大专", model.EduNational, true),
		started("2024-07-02"),
		func(p *model.Person) { p.Series = "会计" },
		func(p *model.Person) { p.Series = "中小学教师" },
		func(p *model.Person) { p.ContinuingEd[2024] = false; p.Appraisals[2024] = "基本合格" },
		all(only("博士", model.EduNational, true), func(p *model.Person) { p.Degrees = []string{"博士"} }),
		func(p *model.Person) { p.Relation = model.RelationDispatch },
	}
	out := make([]model.Person, len(edits))
	for i, e := range edits {
		out[i] = engineer()
		if e != nil {
			e(&out[i])
		}
	}
	return out
}

// BenchmarkEvaluate10k is one batch of 10,000 evaluations per op; the
// target is ≤ 20 ms per op on the project's 2-core machine.
func BenchmarkEvaluate10k(b *testing.B) {
	pol := policy.Builtin2025H1()
	people := benchPeople()
	b.ReportAllocs()
	for b.Loop() {
		for i := range 10000 {
			Evaluate(&people[i%len(people)], &pol)
		}
	}
}
