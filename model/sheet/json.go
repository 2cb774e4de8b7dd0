package sheet

import (
	"chuding/model"
	"chuding/model/peoplefile"
)

// readJSON reads a chuding-people/1 file.
func readJSON(path string) ([]model.Person, error) { return peoplefile.ReadFile(path) }

// writeJSON writes a chuding-people/1 file atomically.
func writeJSON(path string, people []model.Person) error { return peoplefile.WriteFile(path, people) }
