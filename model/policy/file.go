package policy

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"sort"
	"strings"
	"unicode/utf8"

	"chuding/model"
	"chuding/model/internal/jsonmsg"
)

// Format is the value of the optional "format" key of a policy file.
const Format = "chuding-policy/1"

// file is the JSON form of a policy: the format marker, then the policy's
// own keys (model.Policy's json tags) in their declared order.
type file struct {
	Format string `json:"format"`
	model.Policy
}

// Write writes p as indented, canonical JSON: fixed key order, the titles
// table sorted by series, Chinese left unescaped, a final newline.
func Write(w io.Writer, p model.Policy) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(file{Format: Format, Policy: p})
}

// ReadFile reads and validates the policy file at path.
func ReadFile(path string) (model.Policy, error) {
	f, err := os.Open(path)
	if err != nil {
		return model.Policy{}, fmt.Errorf("无法打开政策文件 %s：%s", path, jsonmsg.DescribeOpen(err))
	}
	defer f.Close()
	p, err := Read(f)
	if err != nil {
		return model.Policy{}, fmt.Errorf("政策文件 %s：%w", path, err)
	}
	return p, nil
}

// Read reads a policy in the JSON form Write produces. Reading is strict:
// an unknown key, a value of the wrong type, a bad date or a policy that
// fails Validate is an error in Chinese that names the key. The "format"
// key may be left out; when present it must be chuding-policy/1.
func Read(r io.Reader) (model.Policy, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return model.Policy{}, fmt.Errorf("读取失败：%v", err)
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	switch {
	case len(bytes.TrimSpace(data)) == 0:
		return model.Policy{}, errors.New("文件是空的，应为 JSON 对象 {\"format\":\"" + Format + "\", ...}")
	case !utf8.Valid(data):
		return model.Policy{}, errors.New("文件不是 UTF-8 编码（可能是 GBK），请另存为 UTF-8 后再试")
	}
	if err := json.Unmarshal(data, new(json.RawMessage)); err != nil {
		return model.Policy{}, syntaxError(data, err)
	}
	var f file
	if err := decodeStrict(data, reflect.ValueOf(&f).Elem(), ""); err != nil {
		return model.Policy{}, err
	}
	if f.Format != "" && f.Format != Format {
		return model.Policy{}, fmt.Errorf("格式“%s”无法识别：本程序读取 %s 格式的政策文件", f.Format, Format)
	}
	if errs := Validate(f.Policy); len(errs) > 0 {
		msgs := make([]string, len(errs))
		for i, e := range errs {
			msgs[i] = e.Error()
		}
		return model.Policy{}, fmt.Errorf("政策内容有%d处问题：\n%s", len(errs), strings.Join(msgs, "\n"))
	}
	return f.Policy, nil
}

// decodeStrict decodes data into v, checking the keys of every object that
// maps onto a struct so that an unknown key is reported with its full path
// (e.g. titles.工程.助理) instead of being dropped.
func decodeStrict(data []byte, v reflect.Value, path string) error {
	switch {
	case v.Kind() == reflect.Struct && !v.Addr().Type().Implements(textUnmarshaler):
		var members map[string]json.RawMessage
		if err := json.Unmarshal(data, &members); err != nil || members == nil {
			return fmt.Errorf("%s应为 JSON 对象 {...}", where(path))
		}
		fields := fieldsByKey(v)
		var unknown []string
		for key := range members {
			if _, ok := fields[key]; !ok {
				unknown = append(unknown, "“"+jsonmsg.Join(path, key)+"”")
			}
		}
		if len(unknown) > 0 {
			sort.Strings(unknown)
			return fmt.Errorf("未知的键%s：请检查拼写，或删除该键（政策文件的键见 docs/rules.md）", strings.Join(unknown, "、"))
		}
		for _, key := range sortedKeys(members) {
			if err := decodeStrict(members[key], fields[key], jsonmsg.Join(path, key)); err != nil {
				return err
			}
		}
		return nil
	case v.Kind() == reflect.Map && v.Type().Elem().Kind() == reflect.Struct:
		var members map[string]json.RawMessage
		if err := json.Unmarshal(data, &members); err != nil {
			return fmt.Errorf("%s应为 JSON 对象 {...}", where(path))
		}
		v.Set(reflect.MakeMapWithSize(v.Type(), len(members)))
		for _, key := range sortedKeys(members) {
			elem := reflect.New(v.Type().Elem()).Elem()
			if err := decodeStrict(members[key], elem, jsonmsg.Join(path, key)); err != nil {
				return err
			}
			v.SetMapIndex(reflect.ValueOf(key), elem)
		}
		return nil
	}
	if err := json.Unmarshal(data, v.Addr().Interface()); err != nil {
		return fmt.Errorf("%s%s", where(path), jsonmsg.ValueError(err, v.Type()))
	}
	return nil
}

var textUnmarshaler = reflect.TypeFor[interface{ UnmarshalText([]byte) error }]()

// fieldsByKey maps each JSON key of struct v (embedded structs flattened)
// to the field it fills.
func fieldsByKey(v reflect.Value) map[string]reflect.Value {
	out := map[string]reflect.Value{}
	for i := 0; i < v.NumField(); i++ {
		sf := v.Type().Field(i)
		if sf.Anonymous {
			for k, f := range fieldsByKey(v.Field(i)) {
				out[k] = f
			}
			continue
		}
		key, _, _ := strings.Cut(sf.Tag.Get("json"), ",")
		if key != "" && key != "-" && sf.IsExported() {
			out[key] = v.Field(i)
		}
	}
	return out
}

func where(path string) string {
	if path == "" {
		return "文件内容"
	}
	return "键“" + path + "”"
}

func sortedKeys(m map[string]json.RawMessage) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// syntaxError names the line and column of a JSON syntax error.
func syntaxError(data []byte, err error) error {
	var se *json.SyntaxError
	if !errors.As(err, &se) {
		return fmt.Errorf("JSON 无法读取：%v", err)
	}
	if int(se.Offset) >= len(data) {
		line, col := jsonmsg.LineCol(data, len(data))
		return fmt.Errorf("第%d行第%d列：文件在此意外结束，可能缺少 } 或 ]", line, col)
	}
	// Offset counts the offending byte itself; point at it.
	line, col := jsonmsg.LineCol(data, int(se.Offset)-1)
	return fmt.Errorf("第%d行第%d列：JSON 语法错误（请检查逗号是否多余或缺少、引号是否为英文半角 \"）", line, col)
}
