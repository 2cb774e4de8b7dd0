package jsonmsg

import (
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"

	"chuding/model"
)

func TestValueError(t *testing.T) {
	var n int
	err := json.Unmarshal([]byte(`"十二"`), &n)
	if got := ValueError(err, reflect.TypeFor[int]()); got != "应为整数，现为文字" {
		t.Errorf("got %q", got)
	}
	var d model.Date
	err = json.Unmarshal([]byte(`"2025-02-30"`), &d)
	if got := ValueError(err, reflect.TypeFor[model.Date]()); !strings.Contains(got, "不存在") {
		t.Errorf("date error lost its own message: %q", got)
	}
	var list []string
	err = json.Unmarshal([]byte(`{"a":1}`), &list)
	if got := ValueError(err, reflect.TypeFor[[]string]()); got != "应为列表 [...]，其中每项为文字（用英文双引号括起），现为对象" {
		t.Errorf("got %q", got)
	}
}

func TestLineCol(t *testing.T) {
	data := []byte("{\n  \"姓名\": x\n}")
	off := strings.Index(string(data), "x")
	if line, col := LineCol(data, off); line != 2 || col != 9 {
		t.Errorf("LineCol = %d:%d, want 2:9 (columns count characters, not bytes)", line, col)
	}
}

func TestDescribeOpen(t *testing.T) {
	_, err := os.Open("/no/such/file.json")
	if got := DescribeOpen(err); got != "文件不存在，请检查路径" {
		t.Errorf("got %q", got)
	}
}
