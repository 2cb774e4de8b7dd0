package atomicfile

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestWriteCreatesPrivateFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "汇总表.csv")
	if err := WriteBytes(path, []byte("姓名\n张三\n")); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("stat %v, %v: want mode 0600", fi, err)
	}
	if b, _ := os.ReadFile(path); string(b) != "姓名\n张三\n" {
		t.Errorf("content %q", b)
	}
	assertNoTemp(t, filepath.Dir(path))
}

func TestFailedWriteKeepsTheOldFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "people.json")
	os.WriteFile(path, []byte("old"), 0o600)
	err := Write(path, func(w io.Writer) error {
		io.WriteString(w, "half a fi")
		return errors.New("磁盘已满")
	})
	if err == nil || !strings.Contains(err.Error(), "磁盘已满") {
		t.Fatalf("err = %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Errorf("old file changed to %q", b)
	}
	assertNoTemp(t, filepath.Dir(path))
}

func TestCancelledWriteRenamesNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "上报包.zip")
	ctx, cancel := context.WithCancel(context.Background())
	err := WriteContext(ctx, path, func(w io.Writer) error {
		cancel()
		_, err := io.WriteString(w, "data")
		return err
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("a cancelled export left %s", path)
	}
	assertNoTemp(t, filepath.Dir(path))
}

func TestMissingFolderSaysSo(t *testing.T) {
	err := WriteBytes(filepath.Join(t.TempDir(), "无此文件夹", "a.pdf"), []byte("x"))
	if err == nil || !strings.Contains(err.Error(), "不存在") {
		t.Errorf("err = %v", err)
	}
}

func TestStaleTempFilesOfAKilledExportAreRemoved(t *testing.T) {
	dir := t.TempDir()
	stale := filepath.Join(dir, ".上报包.zip.123.tmp")
	fresh := filepath.Join(dir, ".上报包.zip.456.tmp") // another export still running
	other := filepath.Join(dir, ".other.zip.789.tmp")
	for _, p := range []string{stale, fresh, other} {
		os.WriteFile(p, []byte("partial"), 0o600)
	}
	old := time.Now().Add(-2 * time.Hour)
	os.Chtimes(stale, old, old)
	os.Chtimes(other, old, old)
	if err := WriteBytes(filepath.Join(dir, "上报包.zip"), []byte("zip")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Error("stale temp file of the same name kept")
	}
	for _, p := range []string{fresh, other} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s removed: only old leftovers of the same name may go", p)
		}
	}
}

func assertNoTemp(t *testing.T, dir string) {
	t.Helper()
	left, _ := filepath.Glob(filepath.Join(dir, ".*.tmp"))
	if len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}
