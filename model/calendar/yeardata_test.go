package calendar

import (
	"bytes"
	"flag"
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite data/*.json in canonical form")

func TestEmbeddedFilesAreCanonical(t *testing.T) {
	// The shipped files must be exactly what Write produces, so a user's
	// exported year and the shipped ones look alike.
	for _, y := range Builtin() {
		var buf bytes.Buffer
		if err := y.Write(&buf); err != nil {
			t.Fatal(err)
		}
		name := "data/" + strconv.Itoa(y.Year) + ".json"
		if *update {
			if err := os.WriteFile(name, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		disk, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(buf.Bytes(), disk) {
			t.Errorf("%s differs from Write's canonical form:\n%s", name, buf.String())
		}
		back, err := ParseYear(&buf)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(back, y) {
			t.Errorf("%d: round trip changed the data", y.Year)
		}
	}
}

func TestEmbeddedSources(t *testing.T) {
	b := Builtin()
	if len(b) != 2 {
		t.Fatalf("%d embedded years, want 2", len(b))
	}
	if b[0].Source.Number != "国办发明电〔2024〕12号" || b[0].Source.Published.String() != "2024-11-12" {
		t.Errorf("2025 source %+v", b[0].Source)
	}
	if !strings.Contains(b[1].Source.Title, "2026年部分节假日安排") || b[1].Source.Published.String() != "2025-11-04" {
		t.Errorf("2026 source %+v", b[1].Source)
	}
}

const goodFile = `{
  "format": "chuding-holidays/1",
  "year": 2027,
  "source": {"title": "国务院办公厅关于2027年部分节假日安排的通知", "number": "", "published": "2026-11-10"},
  "holidays": [{"name": "国庆节", "from": "2027-10-01", "to": "2027-10-07"}],
  "makeup_workdays": [{"name": "国庆节", "date": "2027-10-09"}]
}`

func TestParseYearAcceptsGoodFile(t *testing.T) {
	y, err := ParseYear(strings.NewReader(goodFile))
	if err != nil {
		t.Fatal(err)
	}
	if y.Year != 2027 || len(y.Holidays) != 1 || y.MakeUp[0].Date.String() != "2027-10-09" {
		t.Errorf("parsed %+v", y)
	}
}

func TestParseYearRefusesBadFiles(t *testing.T) {
	tests := []struct {
		name, from, to, want string
	}{
		{"wrong format", `"chuding-holidays/1"`, `"chuding-holidays/2"`, "无法识别"},
		{"missing format", `"format": "chuding-holidays/1",`, ``, "缺少 format"},
		{"unknown key", `"year": 2027,`, `"year": 2027, "extra": 1,`, "无法识别的字段 \"extra\""},
		{"slash date", `"2027-10-09"`, `"2027/10/9"`, "应写成 2025-01-01"},
		{"month-only date", `"from": "2027-10-01"`, `"from": "2027-10"`, "应写成 2025-01-01"},
		{"impossible date", `"2027-10-07"`, `"2027-02-30"`, "不存在"},
		{"weekday make-up", `"2027-10-09"`, `"2027-10-11"`, "星期一"},
		{"make-up inside holiday", `"2027-10-09"`, `"2027-10-03"`, "放假时段内"},
		{"reversed stretch", `"to": "2027-10-07"`, `"to": "2027-09-07"`, "早于开始日期"},
		{"long stretch", `"to": "2027-10-07"`, `"to": "2027-10-27"`, "超过15天"},
		{"wrong year", `"from": "2027-10-01"`, `"from": "2026-10-01"`, "不在2027年内"},
		{"no title", `"title": "国务院办公厅关于2027年部分节假日安排的通知"`, `"title": ""`, "source.title"},
		{"year as string", `"year": 2027`, `"year": "2027"`, "year 的值类型不对"},
		{"trailing data", `"makeup_workdays": [{"name": "国庆节", "date": "2027-10-09"}]
}`, `"makeup_workdays": [{"name": "国庆节", "date": "2027-10-09"}]
} {}`, "多余内容"},
		{"broken json", `"year": 2027,`, `"year": 2027`, "不是有效的 JSON"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := strings.Replace(goodFile, tt.from, tt.to, 1)
			if src == goodFile {
				t.Fatalf("replacement %q not found", tt.from)
			}
			_, err := ParseYear(strings.NewReader(src))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestParseYearReportsAllProblemsAtOnce(t *testing.T) {
	src := strings.Replace(goodFile, `"2027-10-09"`, `"2027-10-11"`, 1)
	src = strings.Replace(src, `"title": "国务院办公厅关于2027年部分节假日安排的通知"`, `"title": ""`, 1)
	_, err := ParseYear(strings.NewReader(src))
	if err == nil || !strings.Contains(err.Error(), "星期一") || !strings.Contains(err.Error(), "source.title") {
		t.Errorf("err = %v, want both problems", err)
	}
}

func TestParseYearEmpty(t *testing.T) {
	if _, err := ParseYear(strings.NewReader("")); err == nil || !strings.Contains(err.Error(), "空的") {
		t.Errorf("err = %v", err)
	}
}

func TestWriteRefusesInvalidData(t *testing.T) {
	y := year2027()
	y.Holidays = append(y.Holidays, Holiday{Name: "重复", From: d("2027-10-05"), To: d("2027-10-06")})
	var buf bytes.Buffer
	if err := y.Write(&buf); err == nil || !strings.Contains(err.Error(), "重叠") || buf.Len() != 0 {
		t.Errorf("err = %v, wrote %d bytes", err, buf.Len())
	}
}

func TestDecemberOfPreviousYearIsAllowed(t *testing.T) {
	// The 2024 元旦 stretch started on 2023-12-30 and belongs to the 2024 notice.
	y := YearData{Year: 2024, Source: Source{Title: "国务院办公厅关于2024年部分节假日安排的通知", Published: d("2023-10-25")},
		Holidays: []Holiday{{Name: "元旦", From: d("2023-12-30"), To: d("2024-01-01")}}}
	c, err := New(y)
	if err != nil {
		t.Fatal(err)
	}
	if c.IsWorkday(d("2023-12-30")) || c.IsWorkday(d("2024-01-01")) || !c.IsWorkday(d("2024-01-02")) {
		t.Error("the stretch across the year end must count")
	}
}
