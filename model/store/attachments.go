package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"go.etcd.io/bbolt"

	"chuding/model"
)

// fileKind is a type of scan the centre accepts (PDF, JPG, PNG), known by
// its leading bytes and the extensions that may name it.
type fileKind struct {
	label string
	mime  string
	magic []byte
	exts  []string
}

var fileKinds = []fileKind{
	{"PDF文件", "application/pdf", []byte("%PDF-"), []string{".pdf"}},
	{"JPG图片", "image/jpeg", []byte{0xFF, 0xD8, 0xFF}, []string{".jpg", ".jpeg"}},
	{"PNG图片", "image/png", []byte{0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, []string{".png"}},
}

func sniff(data []byte) (fileKind, bool) {
	for _, k := range fileKinds {
		if bytes.HasPrefix(data, k.magic) {
			return k, true
		}
	}
	return fileKind{}, false
}

// baseName strips any folder, Windows or Unix, from a file name.
func baseName(name string) string {
	name = strings.TrimSpace(name)
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	return name
}

func megabytes(n int64) string {
	return strings.TrimSuffix(strings.TrimSuffix(fmt.Sprintf("%.1f", float64(n)/(1<<20)), "0"), ".") + " MB"
}

// checkAttachment refuses empty and oversized files and anything that is
// not, by its content, a PDF, JPG or PNG named with a matching extension.
func (s *Store) checkAttachment(name string, data []byte) (fileKind, error) {
	if name == "" {
		return fileKind{}, fmt.Errorf("附件文件名为空，请选择要添加的扫描件")
	}
	if len(data) == 0 {
		return fileKind{}, fmt.Errorf("附件“%s”是空文件（0字节），请重新扫描或选择正确的文件", name)
	}
	if max := s.opt.MaxAttachmentSize; int64(len(data)) > max {
		return fileKind{}, fmt.Errorf("%w：附件“%s”有%s，超过单个附件%s的上限，请降低扫描分辨率或分成几个文件后再添加",
			ErrAttachmentTooLarge, name, megabytes(int64(len(data))), megabytes(max))
	}
	ext := strings.ToLower(filepath.Ext(name))
	kind, ok := sniff(data)
	if !ok {
		return kind, fmt.Errorf("%w：附件“%s”的内容不是PDF、JPG或PNG文件（按文件内容判断，不只看扩展名），请扫描或另存为PDF、JPG、PNG后再添加",
			ErrAttachmentType, name)
	}
	if !slices.Contains(kind.exts, ext) {
		return kind, fmt.Errorf("%w：附件“%s”的内容是%s，但扩展名是“%s”，两者不符，请把扩展名改为“%s”后再添加",
			ErrAttachmentType, name, kind.label, ext, kind.exts[0])
	}
	return kind, nil
}

// PutAttachment stores a scanned file under its SHA-256 (the same content
// is stored once) and describes it. The caller sets Material on the result
// and adds it to the person's Attachments.
func (s *Store) PutAttachment(name string, data []byte) (model.Attachment, error) {
	name = baseName(name)
	kind, err := s.checkAttachment(name, data)
	if err != nil {
		return model.Attachment{}, err
	}
	sum := sha256.Sum256(data)
	a := model.Attachment{Name: name, SHA256: hex.EncodeToString(sum[:]), Size: int64(len(data)), MIME: kind.mime}
	err = s.change("添加附件", func(tx *bbolt.Tx) (string, error) {
		b, err := bucket(tx, bucketAttachments)
		if err != nil {
			return "", err
		}
		if b.Get(sum[:]) != nil {
			return "", errNoChange // already stored: dedupe
		}
		return fmt.Sprintf("%s（%s，SHA-256 %s…）", name, megabytes(a.Size), a.SHA256[:12]), b.Put(sum[:], data)
	})
	return a, err
}

// Attachment returns the bytes of the file with this SHA-256 (hex).
func (s *Store) Attachment(sha string) ([]byte, error) {
	key, err := hex.DecodeString(strings.ToLower(strings.TrimSpace(sha)))
	if err != nil || len(key) != sha256.Size {
		return nil, fmt.Errorf("%w：附件编号“%s”不是有效的SHA-256值", ErrNotFound, sha)
	}
	var out []byte
	err = s.view(func(tx *bbolt.Tx) error {
		b, err := bucket(tx, bucketAttachments)
		if err != nil {
			return err
		}
		v := b.Get(key)
		if v == nil {
			return fmt.Errorf("%w：数据库中没有SHA-256为 %s… 的附件，请重新添加该扫描件", ErrNotFound, sha[:12])
		}
		out = bytes.Clone(v) // v is only valid inside the transaction
		return nil
	})
	return out, err
}

// PruneAttachments deletes the stored files no person of any batch refers
// to any more, and returns how many it deleted.
func (s *Store) PruneAttachments() (int, error) {
	var n int
	err := s.change("清理附件", func(tx *bbolt.Tx) (string, error) {
		used, err := s.usedAttachments(tx)
		if err != nil {
			return "", err
		}
		b, err := bucket(tx, bucketAttachments)
		if err != nil {
			return "", err
		}
		var unused [][]byte
		b.ForEach(func(k, _ []byte) error {
			if !used[hex.EncodeToString(k)] {
				unused = append(unused, bytes.Clone(k))
			}
			return nil
		})
		for _, k := range unused {
			if err := b.Delete(k); err != nil {
				return "", err
			}
		}
		if n = len(unused); n == 0 {
			return "", errNoChange
		}
		return fmt.Sprintf("删除%d个未被任何人员使用的附件", n), nil
	})
	return n, err
}

func (s *Store) usedAttachments(tx *bbolt.Tx) (map[string]bool, error) {
	people, err := bucket(tx, bucketPeople)
	if err != nil {
		return nil, err
	}
	used := map[string]bool{}
	err = people.ForEachBucket(func(batch []byte) error {
		return people.Bucket(batch).ForEach(func(k, v []byte) error {
			r, err := decodePerson(v)
			if err != nil {
				return corrupt(s.path, fmt.Sprintf("人员记录 %s 无法读取", model.MaskID(string(k))), err)
			}
			for _, a := range r.Person.Attachments {
				used[strings.ToLower(a.SHA256)] = true
			}
			return nil
		})
	})
	return used, err
}
