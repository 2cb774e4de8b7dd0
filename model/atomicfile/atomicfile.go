// Package atomicfile writes files the way every chuding export must: into a
// temporary file in the target folder (mode 0600, since exports hold ID
// numbers), fsynced, then renamed over the final name and the folder synced.
// A reader never sees half a file, and an export that fails, is cancelled or
// is killed leaves any earlier file under that name untouched.
package atomicfile

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// staleAfter is how old a leftover temporary file must be before a later
// write to the same name removes it: older than any export still running.
const staleAfter = time.Hour

// Write writes path through write. See WriteContext.
func Write(path string, write func(io.Writer) error) error {
	return WriteContext(context.Background(), path, write)
}

// WriteContext writes path through write, buffered. If ctx is done before
// the rename, nothing is renamed and ctx's error is returned. Errors are
// Chinese and say what the user can do; a cancellation is returned as is.
func WriteContext(ctx context.Context, path string, write func(io.Writer) error) (err error) {
	dir, base := filepath.Dir(path), filepath.Base(path)
	removeStale(dir, base)
	tmp, err := os.CreateTemp(dir, tempPrefix(base)+"*.tmp")
	if err != nil {
		return folderError(dir, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = tmp.Chmod(0o600); err != nil {
		return fmt.Errorf("无法设置文件“%s”的权限：%w", base, err)
	}
	bw := bufio.NewWriterSize(tmp, 1<<20)
	if err = write(bw); err != nil {
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			return err
		}
		if errors.Is(err, syscall.ENOSPC) {
			return fmt.Errorf("写入“%s”失败：磁盘空间不足，未生成文件；请清理磁盘后重试", base)
		}
		return fmt.Errorf("写入“%s”失败：%w", base, err)
	}
	for _, step := range []func() error{bw.Flush, tmp.Sync, tmp.Close} {
		if err = step(); err != nil {
			return fmt.Errorf("写入“%s”失败：%w。请检查磁盘空间后重试", base, err)
		}
	}
	if err = ctx.Err(); err != nil {
		return err
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("无法保存为“%s”：%w。如该文件正在Excel、WPS或PDF阅读器中打开，请先关闭后再试", path, err)
	}
	if d, derr := os.Open(dir); derr == nil {
		d.Sync() // makes the rename durable; not supported on every system
		d.Close()
	}
	return nil
}

// WriteBytes writes data to path atomically.
func WriteBytes(path string, data []byte) error {
	return Write(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

func tempPrefix(base string) string { return "." + base + "." }

// removeStale deletes temporary files an earlier, killed write to the same
// name left behind (a killed process cannot clean up after itself).
func removeStale(dir, base string) {
	matches, _ := filepath.Glob(filepath.Join(dir, globEscape(tempPrefix(base))+"*.tmp"))
	for _, m := range matches {
		if fi, err := os.Lstat(m); err == nil && fi.Mode().IsRegular() && time.Since(fi.ModTime()) > staleAfter {
			os.Remove(m)
		}
	}
}

func globEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `*`, `\*`, `?`, `\?`, `[`, `\[`).Replace(s)
}

func folderError(dir string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("文件夹“%s”不存在，请先创建或换一个位置", dir)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("没有在文件夹“%s”中写入的权限，请换一个文件夹", dir)
	}
	return fmt.Errorf("无法在文件夹“%s”中写入文件：%w", dir, err)
}
