package opinion

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"chuding/model"
)

// FuzzCheck feeds arbitrary text: Check never panics and its report keeps
// its promises (arrays, OK iff no problems, Length within the text).
func FuzzCheck(f *testing.F) {
	files, _ := filepath.Glob("testdata/*/*.txt")
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	f.Add("【请填写：{X某某____××")
	f.Add("2022年至2024年考核均为优秀，连续9年优秀，近3年优秀")
	f.Add("姓名：\n申报人:欧阳同志同志")
	p := &model.Person{Name: "陈晓雨", Appraisals: map[int]string{2022: "合格", 2023: "优秀"}}
	r := &model.Result{Title: "助理工程师", Level: model.LevelAssistant}
	f.Fuzz(func(t *testing.T, text string) {
		for _, rep := range []Report{Check(text, nil, nil, nil), Check(text, p, r, &testPolicy)} {
			if rep.Problems == nil || rep.Covered == nil {
				t.Fatalf("nil slice: %+v", rep)
			}
			if rep.OK != (len(rep.Problems) == 0) {
				t.Fatalf("OK %v with %d problems", rep.OK, len(rep.Problems))
			}
			if rep.Length < 0 || rep.Length > utf8.RuneCountInString(text) {
				t.Fatalf("Length %d of %q", rep.Length, text)
			}
			for _, pr := range rep.Problems {
				if pr.Code == "" || !utf8.ValidString(pr.Message) && utf8.ValidString(text) {
					t.Fatalf("problem %+v", pr)
				}
			}
		}
	})
}
