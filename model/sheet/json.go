package sheet

import (
	"chuding/model"
	"chuding/model/peoplefile"
)

// readJSON reads a chuding-people/1 file.
func readJSON(path string) ([]model.Person, error) { return peoplefile.ReadFile(path) }

// writeJSON writes a chuding-people/1 file atomically.
func writeJSON(path string, people []model.Person) error { return peoplefile.WriteFile(path, people) }

// canonical gives the empty lists and maps of an imported person the form
// the people file reads back ([] and {}, not null), so that a person read
// from a sheet equals the same person read from its JSON file.
func canonical(p *model.Person) {
	if p.Education == nil {
		p.Education = []model.Education{}
	}
	if p.Degrees == nil {
		p.Degrees = []string{}
	}
	if p.Appraisals == nil {
		p.Appraisals = map[int]string{}
	}
	if p.ContinuingEd == nil {
		p.ContinuingEd = map[int]bool{}
	}
}
