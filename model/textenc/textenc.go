// Package textenc reads the text files officers hand to chuding: UTF-8 with
// or without a BOM, UTF-16 with a BOM (Notepad's and Excel's "Unicode 文本"),
// and GBK, which Excel and Notepad on Chinese Windows write by default.
package textenc

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// Encoding names what a file was read as, in the words the user sees.
type Encoding string

const (
	UTF8  Encoding = "UTF-8"
	UTF16 Encoding = "UTF-16"
	GBK   Encoding = "GBK"
)

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// Decode turns the bytes of a text file into a string. A BOM decides the
// encoding; without one, valid UTF-8 is UTF-8 and anything else is GBK (read
// as GB18030, its superset). Bytes that are invalid in the chosen encoding
// become U+FFFD, so callers that must refuse such files check for it.
func Decode(data []byte) (string, Encoding) {
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		return strings.ToValidUTF8(string(data[len(bomUTF8):]), "\uFFFD"), UTF8
	case bytes.HasPrefix(data, bomUTF16LE), bytes.HasPrefix(data, bomUTF16BE):
		out, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
		if err == nil {
			return strings.ToValidUTF8(string(out), "\uFFFD"), UTF16
		}
	case utf8.Valid(data):
		return string(data), UTF8
	}
	out, _ := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	return strings.ToValidUTF8(string(out), "\uFFFD"), GBK
}

// Binary reports whether decoded text holds NUL characters, which no text
// file an officer saves does: it was a Word document, a PDF or an image.
func Binary(text string) bool { return strings.IndexByte(text, 0) >= 0 }
