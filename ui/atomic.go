package ui

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// writeAtomic writes a file the way every export must (house rule): into a
// temp file in the target folder (mode 0600), fsynced, then renamed over
// path, so an interrupted export never leaves a partial file under the
// final name.
func writeAtomic(path string, write func(w io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("无法在文件夹 %s 中写入：%v。请换一个文件夹，或检查是否有写入权限", dir, err)
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			_ = f.Close()
			_ = os.Remove(tmp)
		}
	}()
	if err = f.Chmod(0o600); err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 1<<16)
	if err = write(bw); err != nil {
		return err
	}
	if err = bw.Flush(); err != nil {
		return diskError(path, err)
	}
	if err = f.Sync(); err != nil {
		return diskError(path, err)
	}
	if err = f.Close(); err != nil {
		return diskError(path, err)
	}
	if err = os.Rename(tmp, path); err != nil {
		return fmt.Errorf("无法保存为 %s：%v。如该文件正在Excel或WPS中打开，请先关闭后再试", path, err)
	}
	return nil
}

func diskError(path string, err error) error {
	return fmt.Errorf("写入 %s 失败：%v。请检查磁盘空间后重试", filepath.Base(path), err)
}

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
		if err := writeAtomic(path, func(w io.Writer) error { _, err := w.Write(pdf); return err }); err != nil {
			removeIfEmpty(path)
			u.showError("保存PDF失败", err)
			return
		}
		u.showInfo("已保存", "已保存到 "+path)
	})
}
