package pdfgen

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// WriteFile finishes the document and saves it at path atomically: the
// PDF goes to a temporary file in the same folder, is synced to disk and
// then renamed over path, so a crash never leaves half a PDF. The file is
// 0600 (it holds ID numbers).
func (d *Doc) WriteFile(path string) error {
	if err := d.finish(); err != nil {
		return err
	}
	return writeAtomic(path, func(w io.Writer) error {
		_, err := d.gp.WriteTo(w)
		return err
	})
}

// WriteFileBytes saves ready PDF bytes at path the same way as
// Doc.WriteFile: temporary file in the same folder, fsync, rename, 0600.
func WriteFileBytes(path string, pdf []byte) error {
	return writeAtomic(path, func(w io.Writer) error {
		_, err := w.Write(pdf)
		return err
	})
}

func writeAtomic(path string, write func(io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("无法在文件夹“%s”中写入文件：%w", dir, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = tmp.Chmod(0o600); err != nil {
		return err
	}
	if err = write(tmp); err != nil {
		return fmt.Errorf("写入“%s”失败：%w", path, err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("写入“%s”失败：%w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("写入“%s”失败：%w", path, err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("无法保存“%s”：%w", path, err)
	}
	return nil
}
