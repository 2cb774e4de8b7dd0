// Package store keeps chuding's data in one bbolt database file: the unit
// profile, the batches, the people of each batch (with their attachments'
// metadata), the scanned attachments themselves, settings, and an
// append-only audit log. Every user action is one transaction, and every
// change appends its audit entry inside that same transaction.
//
// Opening is careful with the file: a second window gets ErrLocked instead of
// hanging, a file from a newer chuding is refused (ErrTooNew) before anything
// is written, a damaged file is reported (ErrCorrupt) and never modified, and
// a copy is written to the backups folder beside the database on every open.
package store

import (
	"errors"
	"fmt"
	"os"
	"os/user"
	"path/filepath"
	"strings"
	"time"

	"go.etcd.io/bbolt"
)

// Bucket names, one per kind of thing held.
var (
	bucketMeta        = []byte("meta")
	bucketUnits       = []byte("units")
	bucketBatches     = []byte("batches")
	bucketPeople      = []byte("people") // one nested bucket per batch ID
	bucketAttachments = []byte("attachments")
	bucketSettings    = []byte("settings")
	bucketAudit       = []byte("audit")

	keySchemaVersion = []byte("schema_version")
	keyUnitProfile   = []byte("profile")
)

// Errors callers branch on with errors.Is. The messages are shown to the user.
var (
	ErrLocked      = errors.New("数据库正被另一个窗口使用，请先关闭另一个职称初定助手窗口后再打开")
	ErrTooNew      = errors.New("数据库文件由更新版本的职称初定助手创建，请升级职称初定助手后再打开")
	ErrCorrupt     = errors.New("数据库文件已损坏或不是职称初定助手的数据库")
	ErrDuplicateID = errors.New("身份证号码重复")
	ErrNotFound    = errors.New("找不到记录")
	// ErrAttachmentType and ErrAttachmentTooLarge are returned (wrapped, with
	// the file name) by PutAttachment.
	ErrAttachmentType     = errors.New("附件类型不支持")
	ErrAttachmentTooLarge = errors.New("附件文件过大")
)

// Defaults for Options fields left zero.
const (
	DefaultTimeout           = time.Second
	DefaultKeepBackups       = 10
	DefaultMaxAttachmentSize = 10 << 20 // 10 MB per file
)

// Options tune Open. The zero value is the normal desktop configuration.
type Options struct {
	// Timeout is how long Open waits for another window to release the
	// file before giving up with ErrLocked (default 1s).
	Timeout time.Duration
	// KeepBackups is how many automatic backups to keep (default 10).
	KeepBackups int
	// NoBackup skips the automatic backup on open.
	NoBackup bool
	// Now is the clock for audit entries and backup names (default time.Now).
	Now func() time.Time
	// Who is the actor written into audit entries (default the OS user).
	Who string
	// MaxAttachmentSize is the largest scanned file PutAttachment accepts,
	// in bytes (default 10 MB).
	MaxAttachmentSize int64
}

func (o Options) withDefaults() Options {
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.KeepBackups <= 0 {
		o.KeepBackups = DefaultKeepBackups
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if strings.TrimSpace(o.Who) == "" {
		o.Who = osUser()
	}
	if o.MaxAttachmentSize <= 0 {
		o.MaxAttachmentSize = DefaultMaxAttachmentSize
	}
	return o
}

func osUser() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	for _, k := range []string{"USER", "USERNAME"} {
		if v := os.Getenv(k); v != "" {
			return v
		}
	}
	return "未知用户"
}

// Store is an open chuding database. It is safe for use by several
// goroutines at once.
type Store struct {
	db   *bbolt.DB
	path string
	opt  Options
}

// DefaultPath is $CHUDING_DB when set, else chuding/chuding.db in the
// user's configuration folder (created with mode 0700).
func DefaultPath() (string, error) {
	if p := strings.TrimSpace(os.Getenv("CHUDING_DB")); p != "" {
		return p, nil
	}
	base, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("找不到用户配置文件夹，请用 CHUDING_DB 环境变量指定数据库文件：%w", err)
	}
	dir := filepath.Join(base, "chuding")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("无法创建数据文件夹 %s：%w", dir, err)
	}
	return filepath.Join(dir, "chuding.db"), nil
}

// Open opens the database at path, creating it (mode 0600, folder 0700)
// when missing. An existing file is first inspected read-only: a locked file
// gives ErrLocked, a newer schema ErrTooNew and a damaged file ErrCorrupt,
// all without writing to it. Then, unless opt.NoBackup, a copy goes to the
// backups folder, and finally pending schema migrations run in one
// transaction.
func Open(path string, opt Options) (*Store, error) {
	opt = opt.withDefaults()
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("数据库路径“%s”无效：%w", path, err)
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o700); err != nil {
		return nil, fmt.Errorf("无法创建数据库所在文件夹 %s：%w", filepath.Dir(abs), err)
	}
	hasData, err := inspect(abs, opt.Timeout)
	if err != nil {
		return nil, err
	}
	db, err := bbolt.Open(abs, 0o600, &bbolt.Options{Timeout: opt.Timeout})
	if err != nil {
		return nil, classifyOpenError(abs, err)
	}
	s := &Store{db: db, path: abs, opt: opt}
	if err := s.finishOpen(hasData); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

func (s *Store) finishOpen(hasData bool) error {
	// The file holds ID numbers: keep it private even if it was copied in
	// with a looser mode.
	if fi, err := os.Stat(s.path); err == nil && fi.Mode().Perm()&0o077 != 0 {
		if err := os.Chmod(s.path, 0o600); err != nil {
			return fmt.Errorf("无法把数据库文件权限设为仅本人可读写：%w", err)
		}
	}
	if hasData && !s.opt.NoBackup && !s.unchangedSinceBackup() {
		if _, err := s.backup(false); err != nil {
			return fmt.Errorf("打开数据库时自动备份失败（%v），请检查磁盘空间和 backups 文件夹的权限", err)
		}
	}
	return s.migrate()
}

// Close closes the database file and releases its lock.
func (s *Store) Close() error { return s.db.Close() }

// Path is the absolute path of the database file.
func (s *Store) Path() string { return s.path }

// MaxAttachmentSize is the largest file PutAttachment accepts, in bytes.
func (s *Store) MaxAttachmentSize() int64 { return s.opt.MaxAttachmentSize }

// view runs fn in a read transaction. A panic inside bbolt while reading
// (it panics on pages it cannot make sense of) is reported as ErrCorrupt.
func (s *Store) view(fn func(tx *bbolt.Tx) error) error {
	return guard(s.path, func() error { return s.db.View(fn) })
}

// errNoChange, returned by a change's fn, rolls the transaction back and
// makes change return nil: the action turned out to change nothing, so
// there is nothing to audit.
var errNoChange = errors.New("no change")

// change runs fn in one write transaction and appends the audit entry with
// the action and the detail fn returns, in that same transaction.
func (s *Store) change(action string, fn func(tx *bbolt.Tx) (detail string, err error)) error {
	err := guard(s.path, func() error {
		return s.db.Update(func(tx *bbolt.Tx) error {
			detail, err := fn(tx)
			if err != nil {
				return err
			}
			return appendAudit(tx, AuditEntry{Time: s.opt.Now(), Who: s.opt.Who, Action: action, Detail: detail})
		})
	})
	if errors.Is(err, errNoChange) {
		return nil
	}
	return err
}

func guard(path string, fn func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = corrupt(path, "读取时发现数据页错误", fmt.Errorf("%v", r))
		}
	}()
	return fn()
}

// bucket returns a top-level bucket that every migrated database has.
func bucket(tx *bbolt.Tx, name []byte) (*bbolt.Bucket, error) {
	b := tx.Bucket(name)
	if b == nil {
		return nil, corrupt(tx.DB().Path(), fmt.Sprintf("缺少“%s”数据区", name), nil)
	}
	return b, nil
}
