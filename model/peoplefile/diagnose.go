package peoplefile

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"chuding/model"
	"chuding/model/internal/jsonmsg"
)

// problem is what diagnose found: where (offset in the person's raw JSON),
// which key path, and the Chinese message.
type problem struct {
	off int
	key string
	msg string
}

var (
	personType      = reflect.TypeFor[model.Person]()
	textUnmarshaler = reflect.TypeFor[interface{ UnmarshalText([]byte) error }]()
)

// diagnose explains why person i did not decode: it walks the person's JSON
// against model.Person key by key, so the message names the exact key and
// line. It runs only after the fast decode failed.
func diagnose(data []byte, i int, el element, cause error) error {
	e := &Error{Person: i + 1}
	if ms, ok := members(el.raw); ok {
		for _, m := range ms {
			if m.key == "name" {
				json.Unmarshal(m.value, &e.Name)
			}
		}
	}
	pr := check(el.raw, personType, "", 0)
	if pr == nil {
		pr = &problem{msg: "无法读取"}
		if cause != nil {
			pr.msg += "：" + cause.Error()
		}
	}
	e.Line, e.Column = jsonmsg.LineCol(data, el.off+pr.off)
	e.Key, e.Message = pr.key, pr.msg
	return e
}

// check returns the first place where raw (at offset off) does not fit t.
func check(raw []byte, t reflect.Type, path string, off int) *problem {
	if bytes.Equal(raw, []byte("null")) && t.Kind() != reflect.Struct {
		return nil // null is an empty list, map or value
	}
	switch {
	case t.Kind() == reflect.Struct && !reflect.PointerTo(t).Implements(textUnmarshaler):
		return checkStruct(raw, t, path, off)
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Struct:
		els, ok := elements(raw)
		if !ok {
			return &problem{off, path, "应为列表 [...]"}
		}
		for i, el := range els {
			if pr := check(el.raw, t.Elem(), fmt.Sprintf("%s[%d]", path, i+1), off+el.off); pr != nil {
				return pr
			}
		}
		return nil
	case t.Kind() == reflect.Map:
		return checkYears(raw, t, path, off)
	}
	if err := json.Unmarshal(raw, reflect.New(t).Interface()); err != nil {
		return &problem{off, path, jsonmsg.ValueError(err, t)}
	}
	return nil
}

func checkStruct(raw []byte, t reflect.Type, path string, off int) *problem {
	ms, ok := members(raw)
	if !ok {
		if path == "" {
			return &problem{off, "", "每个人员应为 JSON 对象 {...}"}
		}
		return &problem{off, path, "应为对象 {...}"}
	}
	fields := fieldTypes(t)
	for _, m := range ms {
		key := jsonmsg.Join(path, m.key)
		ft, ok := fields[m.key]
		if !ok {
			return &problem{off + m.keyOff, key, unknownKey(m.key, fields)}
		}
		if pr := check(m.value, ft, key, off+m.valueOff); pr != nil {
			return pr
		}
	}
	return nil
}

// checkYears checks a per-year object such as appraisals {"2024": "合格"}.
func checkYears(raw []byte, t reflect.Type, path string, off int) *problem {
	ms, ok := members(raw)
	if !ok {
		return &problem{off, path, "应为对象，例如 {\"2024\": ...}，键为年度"}
	}
	for _, m := range ms {
		if y, err := strconv.Atoi(m.key); err != nil || y < 1000 || y > 9999 {
			return &problem{off + m.keyOff, path, fmt.Sprintf("年度“%s”应写成四位数字年份，例如 \"2024\"", m.key)}
		}
		if pr := check(m.value, t.Elem(), fmt.Sprintf("%s[%s]", path, m.key), off+m.valueOff); pr != nil {
			return pr
		}
	}
	return nil
}

// fieldTypes maps each JSON key of struct t to its field's type.
func fieldTypes(t reflect.Type) map[string]reflect.Type {
	out := map[string]reflect.Type{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		key, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if key != "" && key != "-" && f.IsExported() {
			out[key] = f.Type
		}
	}
	return out
}

func unknownKey(key string, fields map[string]reflect.Type) string {
	const msg = "无法识别的键"
	best, bestDist := "", 3
	for k := range fields {
		if d := distance(key, k); d < bestDist || (d == bestDist && k < best) {
			best, bestDist = k, d
		}
	}
	if best != "" {
		return msg + fmt.Sprintf("，是否应为“%s”？", best)
	}
	return msg + "，请删除该键，或参阅 docs/people-format.md 中的键名"
}

// distance is the edit distance between two short keys.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur := make([]int, len(rb)+1)
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(rb)]
}

// member is one key of a JSON object with the offsets of the key and value.
type member struct {
	key              string
	keyOff, valueOff int
	value            json.RawMessage
}

// members lists an object's keys in document order; ok is false when raw
// is not an object.
func members(raw []byte) ([]member, bool) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, false
	}
	var out []member
	for dec.More() {
		keyOff := skip(raw, int(dec.InputOffset()))
		tok, err := dec.Token()
		if err != nil {
			return out, true
		}
		m := member{key: tok.(string), keyOff: keyOff, valueOff: skip(raw, int(dec.InputOffset()))}
		if dec.Decode(&m.value) != nil {
			return out, true
		}
		out = append(out, m)
	}
	return out, true
}

// elements lists an array's items; ok is false when raw is not an array.
func elements(raw []byte) ([]element, bool) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('[') {
		return nil, false
	}
	var out []element
	for dec.More() {
		off := skip(raw, int(dec.InputOffset()))
		var v json.RawMessage
		if dec.Decode(&v) != nil {
			break
		}
		out = append(out, element{raw: v, off: off})
	}
	return out, true
}
