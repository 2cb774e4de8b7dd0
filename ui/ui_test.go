package ui

import (
	"testing"
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
