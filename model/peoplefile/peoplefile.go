// Package peoplefile reads and writes the chuding-people/1 file format: a
// UTF-8 JSON object {"format":"chuding-people/1","people":[...]} whose
// people carry model.Person's JSON keys (docs/people-format.md). Reading is
// strict — an unknown key, a wrong type or a bad date is an error in Chinese
// naming the line, the person and the key — and writing is canonical, so
// the same people always give the same bytes.
package peoplefile

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"unicode/utf8"

	"chuding/model"
	"chuding/model/atomicfile"
	"chuding/model/internal/jsonmsg"
)

// Format is the value of the file's "format" key.
const Format = "chuding-people/1"

// Error is a problem at one place in a people file.
type Error struct {
	Line, Column int    // 1-based; 0 when not known
	Person       int    // 1-based index of the person; 0 for the file itself
	Name         string // the person's name, when readable
	Key          string // the key path inside the person, e.g. education[1].graduated
	Message      string // Chinese, says what to fix
}

func (e *Error) Error() string {
	var b bytes.Buffer
	if e.Line > 0 {
		fmt.Fprintf(&b, "第%d行第%d列：", e.Line, e.Column)
	}
	if e.Person > 0 {
		fmt.Fprintf(&b, "第%d人", e.Person)
		if e.Name != "" {
			fmt.Fprintf(&b, "（%s）", e.Name)
		}
		if e.Key == "" {
			b.WriteString("：")
		}
	}
	if e.Key != "" {
		fmt.Fprintf(&b, "键“%s”", e.Key)
		if l := labelOf(e.Key); l != "" {
			fmt.Fprintf(&b, "（%s）", l)
		}
		b.WriteString("：")
	}
	b.WriteString(e.Message)
	return b.String()
}

// ReadFile reads the people file at path; errors start with the path.
func ReadFile(path string) ([]model.Person, error) {
	data, err := os.ReadFile(path) // sized from the file: one allocation
	if err != nil {
		if info, serr := os.Stat(path); serr == nil && info.IsDir() {
			return nil, fmt.Errorf("无法打开人员文件 %s：这是一个文件夹，请给出其中的人员文件", path)
		}
		return nil, fmt.Errorf("无法打开人员文件 %s：%s", path, jsonmsg.DescribeOpen(err))
	}
	people, err := readBytes(data)
	if err != nil {
		return nil, fmt.Errorf("%s %w", path, err)
	}
	return people, nil
}

// Read reads a chuding-people/1 file. A missing optional key means empty;
// everything else that does not fit the format is an *Error.
func Read(r io.Reader) ([]model.Person, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("读取失败：%v", err)
	}
	return readBytes(data)
}

func readBytes(data []byte) ([]model.Person, error) {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if err := checkText(data); err != nil {
		return nil, err
	}
	if people, ok := readFast(data); ok {
		return people, nil
	}
	return readCareful(data)
}

// readFast decodes a well-formed file in one streaming pass. It gives up,
// without saying why, on anything readCareful would reject — and on a few
// things it would accept — so readCareful stays the only judge.
func readFast(data []byte) ([]model.Person, bool) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, false
	}
	var (
		format       string
		people       []model.Person
		seenF, seenP bool
	)
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, false
		}
		switch {
		case tok == "format" && !seenF:
			seenF = true
			if dec.Decode(&format) != nil {
				return nil, false
			}
		case tok == "people" && !seenP:
			seenP = true
			if tok, err := dec.Token(); err != nil || tok != json.Delim('[') {
				return nil, false
			}
			people = []model.Person{}
			for dec.More() {
				var p *model.Person // stays nil for null, which is not a person
				if dec.Decode(&p) != nil || p == nil {
					return nil, false
				}
				people = append(people, *p)
			}
			if _, err := dec.Token(); err != nil {
				return nil, false
			}
		default:
			return nil, false
		}
	}
	if _, err := dec.Token(); err != nil {
		return nil, false
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, false
	}
	return people, seenF && seenP && format == Format
}

// readCareful reads person by person and explains the first problem with
// its line, person and key.
func readCareful(data []byte) ([]model.Person, error) {
	top, err := readTop(data)
	if err != nil {
		return nil, err
	}
	people := make([]model.Person, len(top))
	for i, el := range top {
		dec := json.NewDecoder(bytes.NewReader(el.raw))
		dec.DisallowUnknownFields()
		p := &people[i]
		if err := dec.Decode(&p); err != nil || p == nil {
			return nil, diagnose(data, i, el, err)
		}
	}
	return people, nil
}

func checkText(data []byte) error {
	if len(bytes.TrimSpace(data)) == 0 {
		return &Error{Message: "文件是空的，应为 {\"format\":\"" + Format + "\",\"people\":[...]}"}
	}
	if !utf8.Valid(data) {
		off := 0
		for off < len(data) {
			r, n := utf8.DecodeRune(data[off:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			off += n
		}
		line, col := jsonmsg.LineCol(data, off)
		return &Error{Line: line, Column: col, Message: "文件不是 UTF-8 编码（可能是 GBK）：请用记事本等编辑器“另存为”UTF-8 后再试"}
	}
	return nil
}

// Write writes people canonically: format first, each person's keys in
// model.Person's order, two-space indent, Chinese unescaped, per-year maps
// in ascending years, empty lists and maps as [] and {} rather than null.
func Write(w io.Writer, people []model.Person) error {
	out := struct {
		Format string         `json:"format"`
		People []model.Person `json:"people"`
	}{Format, make([]model.Person, len(people))}
	for i, p := range people {
		p.Canonicalize()
		out.People[i] = p
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// WriteFile writes people to path safely: a temporary file in the same
// folder, fsynced, then renamed over path, so a crash never leaves half a
// file. The file is readable by its owner only (0600).
func WriteFile(path string, people []model.Person) error {
	return atomicfile.Write(path, func(w io.Writer) error { return Write(w, people) })
}
