package bundle

import (
	"archive/zip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"runtime"
	"syscall"
	"time"

	"chuding/model/atomicfile"
	"chuding/model/buildinfo"
	"chuding/pdfgen"
)

// PreflightError is returned by Write when pre-flight found problems and
// Options.Draft was not set. Report says what, per person.
type PreflightError struct{ Report Report }

func (e *PreflightError) Error() string {
	lines := e.Report.Lines()
	msg := fmt.Sprintf("导出前检查发现%d个问题，未导出：可排除有问题的人员，或导出为草稿", len(lines))
	if len(lines) > 0 {
		msg += "。第一个问题：" + lines[0]
	}
	return msg
}

// ErrCancelled is returned (wrapped with context.Canceled) when the export
// was cancelled: no file was written.
var ErrCancelled = errors.New("导出已取消，未生成文件")

// Write checks the batch (Preflight) and writes the bundle to path: a
// temporary file in the same folder, fsynced, then renamed over path, so
// path is either the complete archive or untouched. Cancelling ctx, an
// error, or the process being killed leaves no file under path (a killed
// process may leave the hidden temporary file). The database is only read,
// through in.Attachment.
//
// PDFs are generated on Options.Workers goroutines while the archive is
// written in order; scans are copied as they come, so memory does not grow
// with the batch. progress, when not nil, is called on the calling
// goroutine after each file with the count done, the total and the file's
// path in the archive.
func Write(ctx context.Context, in Input, path string, opt Options, progress func(done, total int, what string)) (Manifest, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	pr := prepare(&in)
	if !pr.report.OK() && !opt.Draft {
		return Manifest{}, &PreflightError{Report: pr.report}
	}
	if len(pr.people) == 0 {
		return Manifest{}, errors.New("没有要导出的人员：请先录入或导入人员，或不要排除全部人员")
	}
	fonts := in.Fonts
	if fonts == nil {
		var err error
		if fonts, err = pdfgen.DefaultFonts(); err != nil {
			return Manifest{}, err
		}
	}
	created := in.now()
	l := &layout{in: &in, pr: pr, draft: opt.Draft, created: created, fonts: fonts}
	entries, people := l.entries()
	m := newManifest(&in, pr, opt.Draft, created, people)
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	if progress == nil {
		progress = func(int, int, string) {}
	}
	total := len(entries) + 1
	progress(0, total, "")

	err := atomicfile.WriteContext(ctx, path, func(w io.Writer) error {
		z := &zipper{zw: zip.NewWriter(w), created: created, dirs: map[string]bool{}}
		err := produce(ctx, entries, workers, func(i int, md made) error {
			e := entries[i]
			if err := z.add(e.path, md.data, e.deflate); err != nil {
				return err
			}
			m.add(File{Path: e.path, Size: int64(len(md.data)), SHA256: md.sum})
			progress(i+1, total, e.path)
			return nil
		})
		if err != nil {
			return err
		}
		raw, err := json.MarshalIndent(m, "", "  ")
		if err != nil {
			return err
		}
		if err := z.add(ManifestName, append(raw, '\n'), true); err != nil {
			return err
		}
		progress(total, total, ManifestName)
		return z.zw.Close()
	})
	if err != nil {
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			return Manifest{}, cancelled{err}
		}
		return Manifest{}, err
	}
	return m, nil
}

// cancelled reads as ErrCancelled and matches both it and the context's
// error with errors.Is.
type cancelled struct{ cause error }

func (c cancelled) Error() string   { return ErrCancelled.Error() }
func (c cancelled) Unwrap() []error { return []error{ErrCancelled, c.cause} }

func newManifest(in *Input, pr *prepared, draft bool, created time.Time, people []ManifestPerson) Manifest {
	m := Manifest{Format: Format, App: App{Name: buildinfo.AppName, Version: buildinfo.Version},
		Created: created, Draft: draft, DraftReasons: []string{}, Batch: in.Batch, Unit: in.Unit,
		People: people, Files: []File{}}
	if pr.hasPlan {
		m.Batch.Publicity = pr.pub
	}
	if draft {
		m.DraftReasons = append(m.DraftReasons, pr.report.Lines()...)
	}
	m.Counts.People = len(pr.people)
	m.Counts.Excluded = len(pr.report.People) - len(pr.people)
	for _, r := range pr.results {
		if r.Eligible {
			m.Counts.Eligible++
		}
	}
	for _, p := range people {
		m.Counts.Attachments += p.Attachments
	}
	return m
}

func (m *Manifest) add(f File) {
	m.Files = append(m.Files, f)
	m.Counts.Files++
	m.Counts.Bytes += f.Size
}

// zipper writes entries with UTF-8 names (archive/zip sets the UTF-8 flag
// for non-ASCII names, so Windows Explorer shows them in Chinese), the
// bundle's time, mode 0600 for files and 0700 for the folders it adds
// before their first file.
type zipper struct {
	zw      *zip.Writer
	created time.Time
	dirs    map[string]bool
}

func (z *zipper) add(name string, data []byte, deflate bool) error {
	if err := z.dir(path.Dir(name)); err != nil {
		return err
	}
	fh := &zip.FileHeader{Name: name, Method: zip.Store, Modified: z.created}
	if deflate {
		fh.Method = zip.Deflate
	}
	fh.SetMode(0o600)
	w, err := z.zw.CreateHeader(fh)
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	return err
}

func (z *zipper) dir(d string) error {
	if d == "." || z.dirs[d] {
		return nil
	}
	if err := z.dir(path.Dir(d)); err != nil {
		return err
	}
	z.dirs[d] = true
	fh := &zip.FileHeader{Name: d + "/", Method: zip.Store, Modified: z.created}
	fh.SetMode(fs.ModeDir | 0o700)
	_, err := z.zw.CreateHeader(fh)
	return err
}

func describe(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "文件或文件夹不存在，请检查路径"
	case errors.Is(err, fs.ErrPermission):
		return "没有权限"
	case errors.Is(err, syscall.ENOSPC):
		return "磁盘空间不足"
	}
	return err.Error()
}

// sumHex is the lower-case hex SHA-256 of data.
func sumHex(data []byte) string {
	s := sha256.Sum256(data)
	return hex.EncodeToString(s[:])
}
