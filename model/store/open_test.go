package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.etcd.io/bbolt"
)

func TestSecondOpenIsLocked(t *testing.T) {
	path := filepath.Join(t.TempDir(), "chuding.db")
	openAt(t, path, testOptions())

	opt := testOptions()
	opt.Timeout = 150 * time.Millisecond
	start := time.Now()
	s2, err := Open(path, opt)
	if err == nil {
		s2.Close()
		t.Fatal("second Open of an open database succeeded")
	}
	if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), "数据库正被另一个窗口使用") {
		t.Errorf("second Open: error %q, want ErrLocked saying 数据库正被另一个窗口使用", err)
	}
	if waited := time.Since(start); waited > 5*time.Second {
		t.Errorf("second Open waited %v despite a 150ms timeout", waited)
	}
}

func TestLockReleasedOnClose(t *testing.T) {
	path := filepath.Join(t.TempDir(), "chuding.db")
	s := openAt(t, path, testOptions())
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	openAt(t, path, testOptions())
}

// setSchema rewrites the schema version of a closed database, as a newer
// chuding would have left it.
func setSchema(t *testing.T, path string, v uint64) {
	t.Helper()
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bbolt.Tx) error {
		var raw [8]byte
		binary.BigEndian.PutUint64(raw[:], v)
		return tx.Bucket(bucketMeta).Put(keySchemaVersion, raw[:])
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestNewerSchemaRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "chuding.db")
	s := openAt(t, path, testOptions())
	newBatch(t, s, "2025年上半年")
	s.Close()
	setSchema(t, path, schemaLatest+1)
	before := fileBytes(t, path)
	backupsBefore, _ := ListBackups(path)

	_, err := Open(path, testOptions())
	if !errors.Is(err, ErrTooNew) {
		t.Fatalf("Open of a newer file: error %v, want ErrTooNew", err)
	}
	if !strings.Contains(err.Error(), "请升级职称初定助手") {
		t.Errorf("message should tell the user to upgrade: %q", err)
	}
	if !bytes.Equal(fileBytes(t, path), before) {
		t.Error("refusing a newer file still changed it")
	}
	if after, _ := ListBackups(path); len(after) != len(backupsBefore) {
		t.Error("refusing a newer file still wrote a backup")
	}
}

func TestMigrationFromVersionZeroKeepsData(t *testing.T) {
	// A file at version 0 with chuding's meta bucket: the migrations run
	// from there and record the version, in one transaction, with an audit
	// entry.
	path := filepath.Join(t.TempDir(), "chuding.db")
	s := openAt(t, path, testOptions())
	batch := newBatch(t, s, "2025年上半年")
	if err := s.AddPerson(batch, makePerson(1)); err != nil {
		t.Fatal(err)
	}
	s.Close()
	setSchema(t, path, 0)
	s = openAt(t, path, testOptions())
	if ps, err := s.People(batch); err != nil || len(ps) != 1 {
		t.Fatalf("after migration: %d people, %v", len(ps), err)
	}
	log, _ := s.AuditLog(1)
	if len(log) != 1 || log[0].Action != "升级数据格式" {
		t.Errorf("latest audit entry %+v, want 升级数据格式", log)
	}
	s.db.View(func(tx *bbolt.Tx) error {
		if v, _ := schemaVersion(tx); v != schemaLatest {
			t.Errorf("schema version after migration = %d, want %d", v, schemaLatest)
		}
		return nil
	})
}

func TestForeignBboltFileRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "other.db")
	db, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	db.Update(func(tx *bbolt.Tx) error {
		b, _ := tx.CreateBucket([]byte("someone_elses"))
		return b.Put([]byte("k"), []byte("v"))
	})
	db.Close()
	before := fileBytes(t, path)
	if _, err := Open(path, testOptions()); !errors.Is(err, ErrCorrupt) {
		t.Errorf("Open of another program's bbolt file: error %v, want ErrCorrupt", err)
	}
	if !bytes.Equal(fileBytes(t, path), before) {
		t.Error("another program's database was modified")
	}
}

// damage functions turn a good database file into a bad one.
var damages = map[string]func(t *testing.T, path string){
	"not a database": func(t *testing.T, path string) {
		os.WriteFile(path, []byte("姓名,身份证号码\n陈晓雨,320706199904120227\n"), 0o600)
	},
	"random bytes the size of a database": func(t *testing.T, path string) {
		b := make([]byte, 64<<10)
		for i := range b {
			b[i] = byte(i*7919 + i/4096)
		}
		os.WriteFile(path, b, 0o600)
	},
	"both meta pages zeroed": func(t *testing.T, path string) {
		b := fileBytes(t, path)
		clear(b[:2*pageSize(t, path)])
		os.WriteFile(path, b, 0o600)
	},
	"truncated": func(t *testing.T, path string) {
		b := fileBytes(t, path)
		os.WriteFile(path, b[:len(b)/2], 0o600)
	},
	"a data page zeroed": func(t *testing.T, path string) {
		id, size := lastLeafPage(t, path)
		b := fileBytes(t, path)
		clear(b[id*size : (id+1)*size])
		os.WriteFile(path, b, 0o600)
	},
	"empty file with backups beside it": func(t *testing.T, path string) {
		os.WriteFile(path, nil, 0o600)
	},
}

func pageSize(t *testing.T, path string) int {
	t.Helper()
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	return db.Info().PageSize
}

// lastLeafPage finds the highest-numbered leaf page in use.
func lastLeafPage(t *testing.T, path string) (id, size int) {
	t.Helper()
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{ReadOnly: true, PreLoadFreelist: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	size = db.Info().PageSize
	db.View(func(tx *bbolt.Tx) error {
		for i := 2; int64(i*size) < tx.Size(); i++ {
			p, err := tx.Page(i)
			if err != nil || p == nil {
				t.Fatalf("page %d: %v", i, err)
			}
			if p.Type == "leaf" {
				id = i
			}
			i += p.OverflowCount
		}
		return nil
	})
	if id == 0 {
		t.Fatal("no leaf page found")
	}
	return id, size
}

func TestDamagedFileGivesErrCorruptAndIsLeftAlone(t *testing.T) {
	for name, damage := range damages {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "chuding.db")
			s := openAt(t, path, testOptions())
			batch := newBatch(t, s, "2025年上半年")
			for i := range 200 {
				if err := s.AddPerson(batch, makePerson(i)); err != nil {
					t.Fatal(err)
				}
			}
			s.Close()
			openAt(t, path, testOptions()).Close() // leaves a backup
			damage(t, path)
			before := fileBytes(t, path)
			fi, _ := os.Stat(path)

			s2, err := Open(path, testOptions())
			if err == nil {
				s2.Close()
				t.Fatal("Open of a damaged file succeeded")
			}
			if !errors.Is(err, ErrCorrupt) {
				t.Fatalf("error %v, want ErrCorrupt", err)
			}
			if !strings.Contains(err.Error(), "请从备份恢复") {
				t.Errorf("message should point to the backups: %q", err)
			}
			if !bytes.Equal(fileBytes(t, path), before) {
				t.Error("the damaged file was modified")
			}
			if fi2, _ := os.Stat(path); !fi2.ModTime().Equal(fi.ModTime()) {
				t.Error("the damaged file's modification time changed")
			}
			bs, err := ListBackups(path)
			if err != nil || len(bs) != 1 {
				t.Fatalf("ListBackups on a damaged database = %v, %v; want the one backup", bs, err)
			}
			// And the backup brings the data back.
			if err := RestoreBackup(path, bs[0].Path); err != nil {
				t.Fatal(err)
			}
			s3 := openAt(t, path, testOptions())
			if ps, err := s3.People(batch); err != nil || len(ps) != 200 {
				t.Errorf("after restore: %d people, %v; want 200", len(ps), err)
			}
		})
	}
}

func TestEmptyFileWithoutBackupsIsANewDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "chuding.db")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	s := openAt(t, path, testOptions())
	if bs, _ := s.Batches(); len(bs) != 0 {
		t.Errorf("new database has batches: %v", bs)
	}
}
