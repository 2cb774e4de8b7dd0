package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"time"

	"go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// migrations[i] brings a database from schema version i to i+1. Append new
// steps at the end; never edit or reorder released ones. They all run in
// one transaction, after the automatic backup of the old file.
var migrations = []func(tx *bbolt.Tx) error{
	createBuckets, // 0 → 1: the first layout
}

// schemaLatest is the database layout this code reads and writes.
var schemaLatest = uint64(len(migrations))

func createBuckets(tx *bbolt.Tx) error {
	for _, name := range [][]byte{bucketMeta, bucketUnits, bucketBatches, bucketPeople,
		bucketAttachments, bucketSettings, bucketAudit} {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return err
		}
	}
	return nil
}

// schemaVersion reads the version from the meta bucket. ok is false for a
// file that holds buckets but no chuding meta: some other program's database.
func schemaVersion(tx *bbolt.Tx) (v uint64, ok bool) {
	if m := tx.Bucket(bucketMeta); m != nil {
		if raw := m.Get(keySchemaVersion); len(raw) == 8 {
			return binary.BigEndian.Uint64(raw), true
		}
		return 0, false
	}
	empty := true
	tx.ForEach(func([]byte, *bbolt.Bucket) error { empty = false; return nil })
	return 0, empty
}

func tooNew(v uint64) error {
	return fmt.Errorf("%w（文件的数据格式为第%d版，本程序只支持到第%d版）", ErrTooNew, v, schemaLatest)
}

// migrate runs the pending migrations and records the new version, with an
// audit entry, all in one transaction.
func (s *Store) migrate() error {
	// An empty read-write transaction still commits a new meta page, and
	// unchangedSinceBackup compares transaction IDs: only write when needed.
	current := false
	_ = s.db.View(func(tx *bbolt.Tx) error {
		v, ok := schemaVersion(tx)
		current = ok && v == schemaLatest
		return nil
	})
	if current {
		return nil
	}
	return guard(s.path, func() error {
		return s.db.Update(func(tx *bbolt.Tx) error {
			v, ok := schemaVersion(tx)
			switch {
			case !ok:
				return corrupt(s.path, "文件中没有职称初定助手的数据", nil)
			case v > schemaLatest:
				return tooNew(v)
			case v == schemaLatest:
				return nil
			}
			fresh := tx.Bucket(bucketMeta) == nil
			for i := v; i < schemaLatest; i++ {
				if err := migrations[i](tx); err != nil {
					return fmt.Errorf("数据格式从第%d版升级到第%d版失败：%w", i, i+1, err)
				}
			}
			var raw [8]byte
			binary.BigEndian.PutUint64(raw[:], schemaLatest)
			if err := tx.Bucket(bucketMeta).Put(keySchemaVersion, raw[:]); err != nil {
				return err
			}
			e := AuditEntry{Time: s.opt.Now(), Who: s.opt.Who, Action: "创建数据库"}
			if !fresh {
				e.Action = "升级数据格式"
				e.Detail = fmt.Sprintf("第%d版→第%d版", v, schemaLatest)
			}
			return appendAudit(tx, e)
		})
	})
}

// corruptError says in Chinese what is wrong with the file; errors.Is
// matches ErrCorrupt, and the bbolt cause stays reachable for developers.
type corruptError struct {
	path, reason string
	cause        error
}

func corrupt(path, reason string, cause error) error {
	return &corruptError{path: path, reason: reason, cause: cause}
}

func (e *corruptError) Error() string {
	return fmt.Sprintf("%s（%s：%s）。文件未作任何改动，请从备份恢复", ErrCorrupt.Error(), e.path, e.reason)
}

func (e *corruptError) Unwrap() []error {
	if e.cause == nil {
		return []error{ErrCorrupt}
	}
	return []error{ErrCorrupt, e.cause}
}

// classifyOpenError turns bbolt.Open's errors into ours.
func classifyOpenError(path string, err error) error {
	var pe *fs.PathError
	switch {
	case errors.Is(err, berrors.ErrTimeout):
		return ErrLocked
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("没有权限读写数据库文件 %s，请检查文件权限：%w", path, err)
	case errors.As(err, &pe):
		return fmt.Errorf("无法打开数据库文件 %s：%w", path, err)
	case errors.Is(err, berrors.ErrVersionMismatch):
		return corrupt(path, "文件格式版本不符", err)
	case errors.Is(err, berrors.ErrChecksum):
		return corrupt(path, "文件头校验失败", err)
	}
	return corrupt(path, "文件不是数据库格式", err)
}

// inspect looks at an existing file without writing to it: opened
// read-only, checked for truncation, a foreign or newer schema, and page
// consistency (tx.Check). hasData is false when there is no file yet, or an
// empty one with no backups beside it (bbolt then initialises it).
func inspect(path string, timeout time.Duration) (hasData bool, err error) {
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return false, nil
	case err != nil:
		return false, fmt.Errorf("无法读取数据库文件 %s：%w", path, err)
	case fi.IsDir():
		return false, fmt.Errorf("%s 是一个文件夹，不是数据库文件，请另选文件名", path)
	case fi.Size() == 0:
		// An empty file where backups exist means data was lost (a failed
		// copy, a full disk): say so instead of silently starting afresh.
		if bs, _ := ListBackups(path); len(bs) > 0 {
			return false, corrupt(path, "文件是空的（0字节），原有数据可能已丢失", nil)
		}
		return false, nil
	}
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{ReadOnly: true, Timeout: timeout})
	if err != nil {
		return false, classifyOpenError(path, err)
	}
	defer db.Close()
	return true, guard(path, func() error {
		return db.View(func(tx *bbolt.Tx) error { return checkFile(tx, path, fi.Size()) })
	})
}

func checkFile(tx *bbolt.Tx, path string, size int64) error {
	// Pages past the end of a truncated file would fault when touched
	// (SIGBUS, not a recoverable panic), so this comes before any read.
	if tx.Size() > size {
		return corrupt(path, fmt.Sprintf("文件不完整，应有%d字节，实有%d字节", tx.Size(), size), nil)
	}
	var problems []string
	var first error
	for err := range tx.Check() {
		if first == nil {
			first = err
		}
		problems = append(problems, err.Error())
	}
	if len(problems) > 0 {
		return corrupt(path, fmt.Sprintf("数据页一致性检查发现%d处错误", len(problems)),
			fmt.Errorf("%s", strings.Join(problems[:min(len(problems), 5)], "; ")))
	}
	v, ok := schemaVersion(tx)
	switch {
	case !ok:
		return corrupt(path, "文件中没有职称初定助手的数据", nil)
	case v > schemaLatest:
		return tooNew(v)
	}
	return nil
}
