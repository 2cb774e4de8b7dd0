package peoplefile

import (
	"bytes"
	"chuding/model/internal/jsonmsg"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"
)

// element is one person's JSON text and where it starts in the file.
type element struct {
	raw []byte
	off int
}

// readTop walks the file's outer object: the format marker and the list of
// people, each kept as raw JSON with its offset for later messages.
func readTop(data []byte) ([]element, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	tok, err := dec.Token()
	if err != nil {
		return nil, syntaxError(data, err)
	}
	if tok != json.Delim('{') {
		return nil, at(data, skip(data, 0), "文件应为 JSON 对象 {\"format\":\""+Format+"\",\"people\":[...]}")
	}
	var (
		format  string
		fmtOff  = -1
		people  []element
		haveKey = map[string]bool{}
	)
	for dec.More() {
		off := skip(data, int(dec.InputOffset()))
		tok, err := dec.Token()
		if err != nil {
			return nil, syntaxError(data, err)
		}
		key, _ := tok.(string)
		if haveKey[key] {
			return nil, at(data, off, fmt.Sprintf("键“%s”出现了两次，请删除其中一个", key))
		}
		haveKey[key] = true
		switch key {
		case "format":
			fmtOff = off
			var raw json.RawMessage
			if err := dec.Decode(&raw); err != nil {
				return nil, syntaxError(data, err)
			}
			if json.Unmarshal(raw, &format) != nil {
				return nil, at(data, off, "“format”应为文字 \""+Format+"\"")
			}
		case "people":
			if people, err = readPeople(dec, data, off); err != nil {
				return nil, err
			}
		default:
			return nil, at(data, off, fmt.Sprintf("未知的键“%s”：文件顶层只能有“format”和“people”", key))
		}
	}
	if err := endOfFile(dec, data); err != nil {
		return nil, err
	}
	switch {
	case fmtOff < 0:
		return nil, &Error{Line: 1, Column: 1, Message: "缺少“format”键：文件应以 {\"format\":\"" + Format + "\", 开头"}
	case format != Format:
		return nil, at(data, fmtOff, fmt.Sprintf("格式“%s”无法识别：本程序读取 %s 格式的人员文件", format, Format))
	case !haveKey["people"]:
		return nil, &Error{Line: 1, Column: 1, Message: "缺少“people”键：人员列表应写在 \"people\": [...] 中"}
	}
	if people == nil {
		people = []element{}
	}
	return people, nil
}

func readPeople(dec *json.Decoder, data []byte, keyOff int) ([]element, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, syntaxError(data, err)
	}
	if tok != json.Delim('[') {
		return nil, at(data, keyOff, "“people”应为列表 [...]，每个人员是一个 {...}")
	}
	var people []element
	for dec.More() {
		off := skip(data, int(dec.InputOffset()))
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, syntaxError(data, err)
		}
		people = append(people, element{raw: raw, off: off})
	}
	if _, err := dec.Token(); err != nil { // the closing ]
		return nil, syntaxError(data, err)
	}
	return people, nil
}

// endOfFile reads the closing } and makes sure nothing follows it.
func endOfFile(dec *json.Decoder, data []byte) error {
	if _, err := dec.Token(); err != nil {
		return syntaxError(data, err)
	}
	end := int(dec.InputOffset())
	if _, err := dec.Token(); err != io.EOF {
		return at(data, skip(data, end), "JSON 对象结束后还有多余内容，请删除")
	}
	return nil
}

// syntaxError locates a JSON syntax error exactly: the streaming decoder's
// offsets are not reliable, so the whole text is checked again.
func syntaxError(data []byte, cause error) error {
	err := json.Unmarshal(data, new(json.RawMessage))
	var se *json.SyntaxError
	switch {
	case err == nil:
		return &Error{Message: "JSON 无法读取：" + cause.Error()}
	case !errors.As(err, &se):
		return &Error{Message: "JSON 无法读取：" + err.Error()}
	case int(se.Offset) >= len(bytes.TrimRight(data, " \t\r\n")):
		return at(data, len(data), "文件在此意外结束，可能缺少 } 或 ]，或文件没有保存完整")
	}
	// Offset counts the offending byte itself; point at it.
	off := max(int(se.Offset)-1, 0)
	r, _ := utf8.DecodeRune(data[off:])
	return at(data, off, fmt.Sprintf("JSON 语法错误：此处的“%c”不合语法（请检查逗号是否多余或缺少、引号是否为英文半角 \"、括号是否成对）", r))
}

// at is an *Error at byte offset off of data.
func at(data []byte, off int, msg string) *Error {
	line, col := jsonmsg.LineCol(data, off)
	return &Error{Line: line, Column: col, Message: msg}
}

// skip moves off past white space and the separators , and :.
func skip(data []byte, off int) int {
	for off < len(data) {
		switch data[off] {
		case ' ', '\t', '\r', '\n', ',', ':':
			off++
		default:
			return off
		}
	}
	return off
}
