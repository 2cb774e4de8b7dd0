package ui

import (
	"chuding/model/atomicfile"
	"fmt"
	"io"
	"strings"
)

// safeName makes s usable as a file name on Windows and Linux.
func safeName(s string) string {
	r := []rune(s)
	for i, c := range r {
		if c < 0x20 || strings.ContainsRune(`<>:"/\|?*`, c) {
			r[i] = '_'
		}
	}
	out := strings.TrimSpace(string(r))
	if out == "" {
		out = "未命名"
	}
	return out
}

// savePDF asks where to save pdf and writes it atomically.
func (u *UI) savePDF(title, name string, pdf []byte) {
	if len(pdf) == 0 {
		u.showError(title, fmt.Errorf("还没有生成PDF，请先预览"))
		return
	}
	u.files.saveFile(title, safeName(name), []string{".pdf"}, func(path string) {
		if err := atomicfile.Write(path, func(w io.Writer) error { _, err := w.Write(pdf); return err }); err != nil {
			removeIfEmpty(path)
			u.showError("保存PDF失败", err)
			return
		}
		u.showInfo("已保存", "已保存到 "+path)
	})
}
