// Package jsonmsg turns encoding/json's English errors into the Chinese
// messages chuding's strict file readers (people files, policy files) show:
// what kind of value a key wants, where in the file a problem is, why a file
// could not be opened.
package jsonmsg

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"os"
	"reflect"
	"strings"
	"unicode/utf8"
)

var textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()

// ValueError explains why one value of Go type t could not be decoded.
func ValueError(err error, t reflect.Type) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return "应为" + KindName(t) + "，现为" + JSONKindName(te.Value)
	}
	if reflect.PointerTo(t).Implements(textUnmarshaler) {
		return err.Error() // the type's own Chinese message (model.Date)
	}
	return "无法读取：" + err.Error()
}

// KindName says in Chinese what a value of Go type t looks like in JSON.
func KindName(t reflect.Type) string {
	if reflect.PointerTo(t).Implements(textUnmarshaler) {
		return "日期文字，例如 \"2025-06-30\"（不填写时为 \"\"）"
	}
	switch t.Kind() {
	case reflect.String:
		return "文字（用英文双引号括起）"
	case reflect.Int, reflect.Int64:
		return "整数"
	case reflect.Float64:
		return "数字"
	case reflect.Bool:
		return "true 或 false（不加引号）"
	case reflect.Slice:
		return "列表 [...]，其中每项为" + KindName(t.Elem())
	}
	return "对象 {...}"
}

// JSONKindName names a JSON value kind as encoding/json reports it
// ("string", "number 1.5", "array" …) in Chinese.
func JSONKindName(v string) string {
	switch {
	case v == "string":
		return "文字"
	case v == "bool":
		return "true/false"
	case v == "array":
		return "列表"
	case v == "object":
		return "对象"
	case strings.HasPrefix(v, "number"):
		return "数字"
	}
	return v
}

// Join appends key to a dotted key path.
func Join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// LineCol converts a byte offset into a 1-based line and a 1-based column
// counted in characters, as editors show them.
func LineCol(data []byte, off int) (line, col int) {
	off = min(max(off, 0), len(data))
	before := data[:off]
	line = bytes.Count(before, []byte("\n")) + 1
	start := bytes.LastIndexByte(before, '\n') + 1
	return line, utf8.RuneCount(before[start:]) + 1
}

// DescribeOpen explains why a file could not be opened.
func DescribeOpen(err error) string {
	switch {
	case errors.Is(err, os.ErrNotExist):
		return "文件不存在，请检查路径"
	case errors.Is(err, os.ErrPermission):
		return "没有读取权限"
	}
	return err.Error()
}
