package main

import (
	"errors"
	"fmt"
	"strings"

	"chuding/model"
	"chuding/model/peoplefile"
	"chuding/model/policy"
	"chuding/model/sheet"
)

// loadPeople reads the people file every subcommand works on: a
// chuding-people/1 .json, or an .xlsx/.csv in the template's shape. Errors
// are Chinese: for JSON they name the file, line, person and key; for a
// spreadsheet the error is the whole row-level report (every bad row with
// its row, column and fix), and nothing is loaded.
func loadPeople(path string) ([]model.Person, error) {
	if strings.TrimSpace(path) == "" {
		return nil, errors.New("缺少人员文件：请给出 " + peoplefile.Format + " 格式的 JSON 文件，或按模板填写的 .xlsx/.csv 表格的路径")
	}
	people, pv, err := sheet.ReadPeopleFile(path)
	if err != nil {
		return nil, err
	}
	if pv != nil {
		if err := pv.Err(); err != nil {
			return nil, fmt.Errorf("%s 有问题：\n%w", path, err)
		}
	}
	return people, nil
}

// loadPolicy reads a --policy file, or returns the built-in 2025年上半年
// policy when path is empty. A file that fails validation is an error.
func loadPolicy(path string) (model.Policy, error) {
	if path == "" {
		return policy.Builtin2025H1(), nil
	}
	return policy.ReadFile(path)
}
