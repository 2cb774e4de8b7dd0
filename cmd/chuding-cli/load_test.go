package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLoadPeople(t *testing.T) {
	people, err := loadPeople(filepath.Join("..", "..", "testdata", "people-sample.json"))
	if err != nil || len(people) != 5 {
		t.Fatalf("sample: %d people, %v", len(people), err)
	}
	if _, err := loadPeople(" "); err == nil || !strings.Contains(err.Error(), "缺少人员文件") {
		t.Errorf("empty path: %v", err)
	}
	bad := filepath.Join(t.TempDir(), "bad.json")
	os.WriteFile(bad, []byte("{\"format\":\"chuding-people/1\",\n\"people\":[{\"nmae\":\"x\"}]}"), 0o600)
	_, err = loadPeople(bad)
	if err == nil || !strings.Contains(err.Error(), bad) || !strings.Contains(err.Error(), "第2行") || !strings.Contains(err.Error(), "nmae") {
		t.Errorf("bad file: %v", err)
	}
}

func TestLoadPolicy(t *testing.T) {
	pol, err := loadPolicy("")
	if err != nil || pol.Name != "2025年上半年" {
		t.Fatalf("builtin: %q %v", pol.Name, err)
	}
	path := filepath.Join(t.TempDir(), "p.json")
	os.WriteFile(path, []byte(`{"name": "x", "cutof": "2027-06-30"}`), 0o600)
	if _, err := loadPolicy(path); err == nil || !strings.Contains(err.Error(), "cutof") {
		t.Errorf("bad policy: %v", err)
	}
}
