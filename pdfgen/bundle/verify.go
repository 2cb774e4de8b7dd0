package bundle

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"regexp"
	"strings"
	"unicode/utf8"
)

// Result is what Verify found in an archive.
type Result struct {
	// Manifest is the archive's manifest; nil when it is missing or
	// cannot be read.
	Manifest *Manifest
	// Checked is how many files matched their size and SHA-256.
	Checked int
	// Problems says in Chinese what is wrong; empty when intact.
	Problems []string
}

// OK reports whether the archive is intact: every file the manifest lists
// is there with its size and SHA-256, nothing else is, and the manifest is
// well formed.
func (r Result) OK() bool { return len(r.Problems) == 0 }

func (r *Result) problem(format string, args ...any) {
	r.Problems = append(r.Problems, fmt.Sprintf(format, args...))
}

// maxManifest bounds manifest.json: a real one for a large batch is a few
// hundred KB.
const maxManifest = 32 << 20

var hexSum = regexp.MustCompile(`^[0-9a-f]{64}$`)

// Verify re-reads the archive at path and checks it against its
// manifest.json: the manifest's format, every listed file present with the
// listed size and SHA-256 (and zip CRC), no file that is not listed, the
// batch papers and each person's 申报表 present, names marked UTF-8. The
// error is only for a file that cannot be opened at all; everything found
// wrong inside is in Result.Problems.
func Verify(path string) (Result, error) {
	var res Result
	zr, err := zip.OpenReader(path)
	if err != nil {
		if errors.Is(err, zip.ErrFormat) || errors.Is(err, zip.ErrAlgorithm) || errors.Is(err, io.ErrUnexpectedEOF) {
			res.problem("“%s”不是完整的 zip 文件（可能复制或下载不完整，或已损坏）：%v", path, err)
			return res, nil
		}
		return res, fmt.Errorf("无法打开“%s”：%s", path, describe(err))
	}
	defer zr.Close()

	files := res.index(zr.File)
	if mf, ok := files[ManifestName]; ok {
		res.Manifest = res.readManifest(mf)
	} else {
		res.problem("缺少 %s：这不是职称初定助手导出的上报包，或清单被删除", ManifestName)
	}
	if res.Manifest == nil {
		return res, nil
	}
	m := res.Manifest
	listed := make(map[string]bool, len(m.Files))
	for _, f := range m.Files {
		if listed[f.Path] {
			res.problem("清单中“%s”列了两次", f.Path)
			continue
		}
		listed[f.Path] = true
		zf, ok := files[f.Path]
		if !ok {
			res.problem("缺少文件“%s”（清单中有，压缩包中没有）", f.Path)
			continue
		}
		if res.checkFile(zf, f) {
			res.Checked++
		}
	}
	for name, zf := range files {
		if name != ManifestName && !zf.FileInfo().IsDir() && !listed[name] {
			res.problem("多出文件“%s”（压缩包中有，清单中没有）", name)
		}
	}
	res.checkLayout(m, listed)
	return res, nil
}

// index maps the archive's names to entries, reporting names that repeat,
// could escape the folder they are unpacked into, or lack the UTF-8 flag.
func (res *Result) index(zfs []*zip.File) map[string]*zip.File {
	files := make(map[string]*zip.File, len(zfs))
	for _, zf := range zfs {
		name := zf.Name
		if _, dup := files[name]; dup {
			res.problem("压缩包中“%s”出现两次", name)
			continue
		}
		files[name] = zf
		if !fs.ValidPath(strings.TrimSuffix(name, "/")) || strings.Contains(name, `\`) {
			res.problem("压缩包中的文件名“%s”不安全（绝对路径、“..”或反斜杠）", name)
		}
		if !utf8.ValidString(name) || (hasNonASCII(name) && zf.Flags&0x800 == 0) {
			res.problem("文件名“%s”未标记为 UTF-8，Windows 资源管理器可能显示乱码", name)
		}
		if zf.FileInfo().IsDir() && zf.UncompressedSize64 > 0 {
			res.problem("文件夹项“%s”带有数据", name)
		}
	}
	return files
}

func hasNonASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

func (res *Result) readManifest(zf *zip.File) *Manifest {
	if zf.UncompressedSize64 > maxManifest {
		res.problem("%s 过大（%d字节），不是正常的清单", ManifestName, zf.UncompressedSize64)
		return nil
	}
	rc, err := zf.Open()
	if err != nil {
		res.problem("%s 无法读取：%v", ManifestName, err)
		return nil
	}
	defer rc.Close()
	raw, err := io.ReadAll(io.LimitReader(rc, maxManifest))
	if err != nil {
		res.problem("%s 已损坏（%v）", ManifestName, err)
		return nil
	}
	var head struct {
		Format string `json:"format"`
	}
	if err := json.Unmarshal(raw, &head); err != nil {
		res.problem("%s 不是有效的 JSON：%v", ManifestName, err)
		return nil
	}
	if head.Format != Format {
		if strings.HasPrefix(head.Format, "chuding-bundle/") {
			res.problem("上报包格式为“%s”，本程序只认识“%s”：请用更新版本的职称初定助手核验", head.Format, Format)
		} else {
			res.problem("%s 的格式标记为“%s”，应为“%s”：这不是职称初定助手的上报包清单", ManifestName, head.Format, Format)
		}
		return nil
	}
	var m Manifest
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil {
		res.problem("%s 内容有误：%v", ManifestName, err)
		return nil
	}
	return &m
}

// checkFile reads one entry through SHA-256; the zip reader checks its
// CRC at the end.
func (res *Result) checkFile(zf *zip.File, f File) bool {
	if !hexSum.MatchString(f.SHA256) {
		res.problem("清单中“%s”的SHA-256“%s”格式不对", f.Path, f.SHA256)
		return false
	}
	rc, err := zf.Open()
	if err != nil {
		res.problem("“%s”无法读取：%v", f.Path, err)
		return false
	}
	defer rc.Close()
	h := sha256.New()
	n, err := io.Copy(h, rc)
	switch {
	case errors.Is(err, zip.ErrChecksum):
		res.problem("“%s”已损坏（zip 校验和不符）", f.Path)
		return false
	case err != nil:
		res.problem("“%s”已损坏，无法解压：%v", f.Path, err)
		return false
	case n != f.Size:
		res.problem("“%s”大小不符：清单为%d字节，实际%d字节", f.Path, f.Size, n)
		return false
	}
	if sum := hex.EncodeToString(h.Sum(nil)); sum != f.SHA256 {
		res.problem("“%s”的内容与清单不符（SHA-256 应为 %.12s…，实际 %.12s…）：文件被修改或已损坏", f.Path, f.SHA256, sum)
		return false
	}
	return true
}

// checkLayout checks what every bundle holds: the batch papers, the
// publicity papers when the period is set, each person's folder with its
// 申报表 and 材料清单, and counts that agree with the lists.
func (res *Result) checkLayout(m *Manifest, listed map[string]bool) {
	need := []string{RosterXLSXName, RosterPDFName, PeopleName}
	if !m.Batch.Publicity.Start.IsZero() && !m.Draft {
		need = append(need, PublicityName, PublicityNote)
	}
	for _, p := range m.People {
		need = append(need, path.Join(p.Folder, FormName), path.Join(p.Folder, ChecklistName))
	}
	for _, n := range need {
		if !listed[n] {
			res.problem("上报包不完整：清单中没有“%s”", n)
		}
	}
	var bytes int64
	for _, f := range m.Files {
		bytes += f.Size
	}
	switch {
	case m.Counts.Files != len(m.Files):
		res.problem("清单的文件数%d与列出的%d个文件不符", m.Counts.Files, len(m.Files))
	case m.Counts.Bytes != bytes:
		res.problem("清单的总字节数%d与各文件大小之和%d不符", m.Counts.Bytes, bytes)
	}
	if m.Counts.People != len(m.People) {
		res.problem("清单的人数%d与列出的%d人不符", m.Counts.People, len(m.People))
	}
	if len(m.People) == 0 {
		res.problem("清单中没有人员")
	}
}
