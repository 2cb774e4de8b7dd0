package pdfgen

import (
	"chuding/model/atomicfile"
	"io"
)

// WriteFile finishes the document and saves it at path atomically: the
// PDF goes to a temporary file in the same folder, is synced to disk and
// then renamed over path, so a crash never leaves half a PDF. The file is
// 0600 (it holds ID numbers).
func (d *Doc) WriteFile(path string) error {
	if err := d.finish(); err != nil {
		return err
	}
	return atomicfile.Write(path, func(w io.Writer) error {
		_, err := d.gp.WriteTo(w)
		return err
	})
}

// WriteFileBytes saves ready PDF bytes at path the same way as
// Doc.WriteFile: temporary file in the same folder, fsync, rename, 0600.
func WriteFileBytes(path string, pdf []byte) error {
	return atomicfile.Write(path, func(w io.Writer) error {
		_, err := w.Write(pdf)
		return err
	})
}
