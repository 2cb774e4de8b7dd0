package policy

import (
	"reflect"
	"strings"
	"testing"
)

func TestTitlesTextRoundTrip(t *testing.T) {
	builtin := Builtin2025H1().Titles
	text := TitlesText(builtin)
	if !strings.Contains(text, "工程：技术员/助理工程师/工程师\n") {
		t.Errorf("工程 line missing:\n%s", text)
	}
	got, errs := ParseTitlesText(text)
	if len(errs) != 0 || !reflect.DeepEqual(got, builtin) {
		t.Errorf("round trip: errs %v\n got %v\nwant %v", errs, got, builtin)
	}
}

func TestParseTitlesTextAcceptsHalfWidthAndBlanks(t *testing.T) {
	got, errs := ParseTitlesText("\n 高校教师: /助教／讲师 \n\n")
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	if tt := got["高校教师"]; tt.Junior != "" || tt.Assistant != "助教" || tt.Middle != "讲师" {
		t.Errorf("got %+v", tt)
	}
}

func TestParseTitlesTextReportsEveryBadLine(t *testing.T) {
	_, errs := ParseTitlesText("工程 技术员/助理工程师/工程师\n农业：农业技术员/助理农艺师\n工程：技术员/助理工程师/工程师\n工程：a/b/c\n体育：//\n")
	want := []string{"第1行", "第2行", "第4行", "第5行"}
	if len(errs) != len(want) {
		t.Fatalf("got %d problems, want %d: %v", len(errs), len(want), errs)
	}
	for i, w := range want {
		if errs[i].Field != "职称名称表" || !strings.HasPrefix(errs[i].Message, w) {
			t.Errorf("problem %d = %+v, want it to start with %s", i, errs[i], w)
		}
	}
}
