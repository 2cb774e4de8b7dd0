package bundle

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// verifyProblems runs Verify and returns its problems joined, failing the
// test when Verify itself errs.
func verifyProblems(t *testing.T, path string) string {
	t.Helper()
	res, err := Verify(path)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(res.Problems, "\n")
}

func TestVerifyFindsTampering(t *testing.T) {
	in, _ := eligibleInput(t)
	path, _ := writeTest(t, in, Options{})
	const form = "02_刘子涵/申报表.pdf"
	dropAll := func(string, []byte) []byte { return nil }
	tests := []struct {
		name  string
		edit  func(name string, data []byte) []byte
		extra map[string][]byte
		want  []string
	}{
		{"a file changed", func(name string, data []byte) []byte {
			if name == form {
				data = bytes.Replace(data, []byte("刘子涵"), []byte("刘子韩"), 1)
				data = append(data, "% edited"...)
			}
			return data
		}, nil, []string{"“02_刘子涵/申报表.pdf”大小不符"}},
		{"same size, other content", func(name string, data []byte) []byte {
			if name == "people.json" {
				data = bytes.Replace(data, []byte("优秀"), []byte("合格"), 1)
			}
			return data
		}, nil, []string{"“people.json”的内容与清单不符", "文件被修改或已损坏"}},
		{"a file removed", func(name string, data []byte) []byte {
			if name == "01_陈晓雨/附件/劳动合同或聘书.pdf" {
				return nil
			}
			return data
		}, nil, []string{"缺少文件“01_陈晓雨/附件/劳动合同或聘书.pdf”（清单中有，压缩包中没有）"}},
		{"a file added", func(_ string, data []byte) []byte { return data },
			map[string][]byte{"01_陈晓雨/附件/补充.pdf": []byte("%PDF-1.4")},
			[]string{"多出文件“01_陈晓雨/附件/补充.pdf”（压缩包中有，清单中没有）"}},
		{"manifest removed", func(name string, data []byte) []byte {
			if name == ManifestName {
				return nil
			}
			return data
		}, nil, []string{"缺少 manifest.json"}},
		{"manifest of a newer format", func(name string, data []byte) []byte {
			if name == ManifestName {
				data = bytes.Replace(data, []byte(Format), []byte("chuding-bundle/2"), 1)
			}
			return data
		}, nil, []string{"上报包格式为“chuding-bundle/2”，本程序只认识“chuding-bundle/1”"}},
		{"manifest with a file and its line removed", func(name string, data []byte) []byte {
			switch name {
			case "03_孙浩然/申报表.pdf":
				return nil
			case ManifestName:
				var m Manifest
				json.Unmarshal(data, &m)
				for i, f := range m.Files {
					if f.Path == "03_孙浩然/申报表.pdf" {
						m.Files = append(m.Files[:i], m.Files[i+1:]...)
						m.Counts.Files--
						m.Counts.Bytes -= f.Size
						break
					}
				}
				data, _ = json.Marshal(m)
			}
			return data
		}, nil, []string{"上报包不完整：清单中没有“03_孙浩然/申报表.pdf”"}},
		{"everything removed", dropAll, map[string][]byte{"说明.txt": []byte("x")}, []string{"缺少 manifest.json"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := verifyProblems(t, rewriteZip(t, path, tc.edit, tc.extra))
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("problems lack %q:\n%s", w, got)
				}
			}
		})
	}
}

// A byte flipped inside a stored scan is caught by the zip CRC and the
// SHA-256 alike, without rewriting the archive.
func TestVerifyFindsACorruptByte(t *testing.T) {
	in, src := eligibleInput(t)
	path, _ := writeTest(t, in, Options{})
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	scan, _ := src.get(in.People[2].Attachments[0].SHA256)
	at := bytes.Index(raw, scan[200:264])
	if at < 0 {
		t.Fatal("stored scan not found in the archive")
	}
	raw[at] ^= 0x40
	bad := filepath.Join(t.TempDir(), "坏.zip")
	os.WriteFile(bad, raw, 0o600)
	got := verifyProblems(t, bad)
	if !strings.Contains(got, "“03_孙浩然/附件/继续教育成绩汇总表.pdf”已损坏（zip 校验和不符）") {
		t.Errorf("problems:\n%s", got)
	}
}

func TestVerifyNotABundle(t *testing.T) {
	in, _ := eligibleInput(t)
	path, _ := writeTest(t, in, Options{})
	raw, _ := os.ReadFile(path)
	dir := t.TempDir()
	cut := filepath.Join(dir, "只复制了一半.zip")
	os.WriteFile(cut, raw[:len(raw)/2], 0o600)
	if got := verifyProblems(t, cut); !strings.Contains(got, "不是完整的 zip 文件") {
		t.Errorf("half a bundle: %s", got)
	}
	text := filepath.Join(dir, "说明.zip")
	os.WriteFile(text, []byte("这不是压缩包"), 0o600)
	if got := verifyProblems(t, text); !strings.Contains(got, "不是完整的 zip 文件") {
		t.Errorf("a text file: %s", got)
	}
	if _, err := Verify(filepath.Join(dir, "没有这个文件.zip")); err == nil || !strings.Contains(err.Error(), "不存在") {
		t.Errorf("a missing file: %v", err)
	}
}
