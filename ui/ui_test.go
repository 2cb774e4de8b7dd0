package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/lang"
)

func TestFirstStartOffersSampleData(t *testing.T) {
	u := newTestUI(t)
	assertShows(t, u, "欢迎使用职称初定助手", "载入示例数据")

	tapButton(t, u, "载入示例数据")
	u.jobs.wait()

	if got := len(u.view.all); got != 5 {
		t.Fatalf("people after loading the sample = %d, want 5", got)
	}
	if u.unit.Name == "" {
		t.Error("sample unit not stored")
	}
	assertShows(t, u, "共5人", "陈晓雨")
}

// The sample offered on first start is a copy of the repository's sample
// people file; keep them the same.
func TestEmbeddedSampleMatchesTestdata(t *testing.T) {
	want, err := os.ReadFile(filepath.Join("..", "testdata", "people-sample.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(samplePeople, want) {
		t.Error("ui/sample/people-sample.json differs from testdata/people-sample.json: copy it again")
	}
}

// Fyne's own dialogs (file chooser, confirm buttons) speak Chinese whatever
// the locale of the machine.
func TestFyneDialogsSpeakChinese(t *testing.T) {
	newTestUI(t)
	for en, zh := range map[string]string{"Cancel": "取消", "Open": "打开", "Save": "保存", "OK": "确定"} {
		if got := lang.L(en); got != zh && !(en == "OK" && got == "好") { // Fyne's own zh_Hans says 好
			t.Errorf("lang.L(%q) = %q, want %q", en, got, zh)
		}
	}
}
