package textenc

import (
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

func TestDecode(t *testing.T) {
	const want = "姓名,身份证号码\n张三,320706199904120227\n"
	gbk, _ := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(want))
	u16le, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(want))
	u16be, _ := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(want))
	tests := []struct {
		name string
		in   []byte
		enc  Encoding
	}{
		{"UTF-8", []byte(want), UTF8},
		{"UTF-8 with BOM", append([]byte{0xEF, 0xBB, 0xBF}, want...), UTF8},
		{"GBK from Chinese Windows", gbk, GBK},
		{"UTF-16 LE with BOM", u16le, UTF16},
		{"UTF-16 BE with BOM", u16be, UTF16},
	}
	for _, tt := range tests {
		got, enc := Decode(tt.in)
		if got != want || enc != tt.enc {
			t.Errorf("%s: got %q as %s, want %q as %s", tt.name, got, enc, want, tt.enc)
		}
	}
}

func TestBinary(t *testing.T) {
	pdf := []byte("%PDF-1.7\n\x00\x01\x02binary")
	if text, _ := Decode(pdf); !Binary(text) {
		t.Error("a PDF's bytes were taken for text")
	}
	if text, _ := Decode([]byte("该同志思想政治素质好。")); Binary(text) {
		t.Error("plain Chinese text was taken for binary")
	}
}
