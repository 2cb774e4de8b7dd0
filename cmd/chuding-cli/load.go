package main

import (
	"errors"
	"strings"

	"chuding/model"
	"chuding/model/peoplefile"
	"chuding/model/policy"
)

// loadPeople reads the people file every subcommand works on. Errors are
// Chinese and name the file, line, person and key.
func loadPeople(path string) ([]model.Person, error) {
	if strings.TrimSpace(path) == "" {
		return nil, errors.New("缺少人员文件：请给出 " + peoplefile.Format + " 格式的 JSON 文件路径")
	}
	return peoplefile.ReadFile(path)
}

// loadPolicy reads a --policy file, or returns the built-in 2025年上半年
// policy when path is empty. A file that fails validation is an error.
func loadPolicy(path string) (model.Policy, error) {
	if path == "" {
		return policy.Builtin2025H1(), nil
	}
	return policy.ReadFile(path)
}
