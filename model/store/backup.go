package store

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"time"

	"go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// Backup is one copy of the database in the backups folder beside it.
type Backup struct {
	Path string
	Time time.Time
	Size int64
	// Manual marks a copy the user asked for; automatic rotation keeps
	// only the last KeepBackups automatic copies and never removes these.
	Manual bool
}

// Backups are named <stem>-<yyyymmdd-hhmmss.mmm>[-manual][-n]<ext>, e.g.
// backups/chuding-20261125-093015.123.db, in local time.
const (
	backupDir     = "backups"
	backupStamp   = "20060102-150405.000"
	manualTag     = "-manual"
	replacedStamp = "20060102-150405"
)

func backupFolder(dbPath string) string { return filepath.Join(filepath.Dir(dbPath), backupDir) }

func splitName(dbPath string) (stem, ext string) {
	base := filepath.Base(dbPath)
	ext = filepath.Ext(base)
	return base[:len(base)-len(ext)], ext
}

func backupPattern(dbPath string) *regexp.Regexp {
	stem, ext := splitName(dbPath)
	return regexp.MustCompile(`^` + regexp.QuoteMeta(stem) + `-(\d{8}-\d{6}\.\d{3})(` + manualTag + `)?(-\d+)?` +
		regexp.QuoteMeta(ext) + `$`)
}

// ListBackups lists the backups of the database at dbPath, newest first.
// It reads only the backups folder, so it works when the database itself
// cannot be opened.
func ListBackups(dbPath string) ([]Backup, error) {
	abs, err := filepath.Abs(dbPath)
	if err != nil {
		return nil, err
	}
	dir := backupFolder(abs)
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("无法读取备份文件夹 %s：%w", dir, err)
	}
	re := backupPattern(abs)
	var out []Backup
	for _, e := range entries {
		m := re.FindStringSubmatch(e.Name())
		if m == nil || !e.Type().IsRegular() {
			continue
		}
		t, err := time.ParseInLocation(backupStamp, m[1], time.Local)
		if err != nil {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		out = append(out, Backup{Path: filepath.Join(dir, e.Name()), Time: t, Size: info.Size(), Manual: m[2] != ""})
	}
	slices.SortStableFunc(out, func(a, b Backup) int {
		if c := b.Time.Compare(a.Time); c != 0 {
			return c
		}
		return len(b.Path) - len(a.Path) // -2 after the unnumbered one of the same millisecond
	})
	return out, nil
}

// Backups lists this database's backups, newest first.
func (s *Store) Backups() ([]Backup, error) { return ListBackups(s.path) }

// Backup writes a manual backup now. Manual backups are not rotated away.
func (s *Store) Backup() (Backup, error) { return s.backup(true) }

// backup copies a consistent snapshot (tx.WriteTo in a read transaction)
// to a temporary file in the backups folder, fsyncs it and renames it to
// its final name, then rotates the automatic backups.
func (s *Store) backup(manual bool) (Backup, error) {
	dir := backupFolder(s.path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return Backup{}, fmt.Errorf("无法创建备份文件夹 %s：%w", dir, err)
	}
	tmp, err := os.CreateTemp(dir, ".backup-*.tmp") // mode 0600
	if err != nil {
		return Backup{}, fmt.Errorf("无法在 %s 中创建备份文件：%w", dir, err)
	}
	defer os.Remove(tmp.Name()) // a no-op once renamed
	var size int64
	err = s.view(func(tx *bbolt.Tx) error {
		size, err = tx.WriteTo(tmp)
		return err
	})
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return Backup{}, fmt.Errorf("写入备份文件失败：%w", err)
	}
	now := s.opt.Now()
	final, err := freeBackupName(s.path, now, manual)
	if err != nil {
		return Backup{}, err
	}
	if err := os.Rename(tmp.Name(), final); err != nil {
		return Backup{}, fmt.Errorf("保存备份文件失败：%w", err)
	}
	syncDir(dir)
	// The time as ListBackups will read it back from the name.
	t, _ := time.ParseInLocation(backupStamp, now.Local().Format(backupStamp), time.Local)
	return Backup{Path: final, Time: t, Size: size, Manual: manual}, s.rotate()
}

// unchangedSinceBackup reports whether the newest automatic backup already
// holds the database as it is now (same last transaction ID). With scans
// stored in the database a copy can be hundreds of megabytes, so opening
// the app twice without a change must not write another one.
func (s *Store) unchangedSinceBackup() bool {
	all, err := ListBackups(s.path)
	if err != nil {
		return false
	}
	i := slices.IndexFunc(all, func(b Backup) bool { return !b.Manual }) // newest first
	if i < 0 {
		return false
	}
	bak, err := bbolt.Open(all[i].Path, 0o600, &bbolt.Options{ReadOnly: true, Timeout: 100 * time.Millisecond})
	if err != nil {
		return false
	}
	defer bak.Close()
	var cur, old int
	_ = s.view(func(tx *bbolt.Tx) error { cur = tx.ID(); return nil })
	_ = bak.View(func(tx *bbolt.Tx) error { old = tx.ID(); return nil })
	return cur != 0 && cur == old
}

func freeBackupName(dbPath string, t time.Time, manual bool) (string, error) {
	stem, ext := splitName(dbPath)
	name := stem + "-" + t.Local().Format(backupStamp)
	if manual {
		name += manualTag
	}
	dir := backupFolder(dbPath)
	for n := 1; n < 1000; n++ {
		p := filepath.Join(dir, name+ext)
		if n > 1 {
			p = filepath.Join(dir, fmt.Sprintf("%s-%d%s", name, n, ext))
		}
		if _, err := os.Lstat(p); errors.Is(err, fs.ErrNotExist) {
			return p, nil
		}
	}
	return "", fmt.Errorf("备份文件夹 %s 中同一时刻的备份过多", dir)
}

// rotate removes automatic backups beyond the newest KeepBackups.
func (s *Store) rotate() error {
	all, err := ListBackups(s.path)
	if err != nil {
		return err
	}
	kept := 0
	for _, b := range all {
		if b.Manual {
			continue
		}
		if kept++; kept > s.opt.KeepBackups {
			if err := os.Remove(b.Path); err != nil {
				return fmt.Errorf("无法删除旧备份 %s：%w", b.Path, err)
			}
		}
	}
	return nil
}

func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync() // best effort: not every OS can fsync a directory
		d.Close()
	}
}

// RestoreBackup replaces the database at dbPath with a copy of backupPath.
// The database must be closed (ErrLocked otherwise). The backup is checked
// first (ErrCorrupt, ErrTooNew); the file it replaces — damaged or not — is
// kept aside as <name>.replaced-<time> beside it, never deleted. The
// restored file is mode 0600 and its audit log records the restore.
func RestoreBackup(dbPath, backupPath string) error {
	dbPath, err := filepath.Abs(dbPath)
	if err != nil {
		return err
	}
	if hasData, err := inspect(backupPath, DefaultTimeout); err != nil {
		return fmt.Errorf("备份文件 %s 不能用于恢复：%w", filepath.Base(backupPath), err)
	} else if !hasData {
		return fmt.Errorf("备份文件 %s 不存在或是空文件", backupPath)
	}
	if err := ensureClosed(dbPath); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(dbPath), 0o700); err != nil { // restoring onto a new machine
		return fmt.Errorf("无法创建数据库所在文件夹：%w", err)
	}
	tmp, err := copyToTemp(backupPath, filepath.Dir(dbPath))
	if err != nil {
		return err
	}
	defer os.Remove(tmp) // a no-op once renamed
	if err := auditRestore(tmp, filepath.Base(backupPath)); err != nil {
		return err
	}
	if _, err := os.Lstat(dbPath); err == nil {
		aside := asideName(dbPath)
		if err := keepAside(dbPath, aside); err != nil {
			return fmt.Errorf("无法保留被替换的数据库文件（%s）：%w，未做恢复", aside, err)
		}
	}
	if err := os.Rename(tmp, dbPath); err != nil {
		return fmt.Errorf("恢复备份失败：%w", err)
	}
	syncDir(filepath.Dir(dbPath))
	return os.Chmod(dbPath, 0o600)
}

// ensureClosed fails with ErrLocked while any window (of any process) has
// the database open: bbolt's shared lock for read-only opens conflicts with
// the writer's exclusive one. Any other failure to open is fine here — a
// damaged file is exactly what a restore replaces.
func ensureClosed(dbPath string) error {
	fi, err := os.Stat(dbPath)
	if err != nil || fi.Size() == 0 {
		return nil
	}
	db, err := bbolt.Open(dbPath, 0o600, &bbolt.Options{ReadOnly: true, Timeout: DefaultTimeout})
	if errors.Is(err, berrors.ErrTimeout) {
		return ErrLocked
	}
	if err == nil {
		db.Close()
	}
	return nil
}

func copyToTemp(src, dir string) (string, error) {
	in, err := os.Open(src)
	if err != nil {
		return "", fmt.Errorf("无法读取备份文件：%w", err)
	}
	defer in.Close()
	out, err := os.CreateTemp(dir, ".restore-*.tmp") // mode 0600
	if err != nil {
		return "", fmt.Errorf("无法在 %s 中创建临时文件：%w", dir, err)
	}
	_, err = io.Copy(out, in)
	if err == nil {
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(out.Name())
		return "", fmt.Errorf("复制备份文件失败：%w", err)
	}
	return out.Name(), nil
}

// auditRestore notes the restore in the restored copy before it goes live.
func auditRestore(path, from string) error {
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{Timeout: DefaultTimeout})
	if err != nil {
		return fmt.Errorf("无法打开备份副本：%w", err)
	}
	defer db.Close()
	return db.Update(func(tx *bbolt.Tx) error {
		if tx.Bucket(bucketAudit) == nil {
			return nil
		}
		return appendAudit(tx, AuditEntry{Time: time.Now(), Who: osUser(), Action: "从备份恢复", Detail: from})
	})
}

func asideName(dbPath string) string {
	base := dbPath + ".replaced-" + time.Now().Format(replacedStamp)
	p := base
	for n := 2; ; n++ {
		if _, err := os.Lstat(p); errors.Is(err, fs.ErrNotExist) {
			return p
		}
		p = fmt.Sprintf("%s-%d", base, n)
	}
}

// keepAside preserves the current file under aside. A hard link keeps the
// database path valid until the atomic rename replaces it; where links are
// not supported, a copy does the same job.
func keepAside(dbPath, aside string) error {
	if err := os.Link(dbPath, aside); err == nil {
		return nil
	}
	tmp, err := copyToTemp(dbPath, filepath.Dir(dbPath))
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, aside); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}
