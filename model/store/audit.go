package store

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"regexp"
	"time"

	"go.etcd.io/bbolt"

	"chuding/model"
)

// AuditEntry is one change: who did what, when. Detail names the records
// touched but never holds a full ID number.
type AuditEntry struct {
	Time   time.Time
	Who    string
	Action string
	Detail string
}

type auditRecord struct {
	Time   time.Time `json:"time"`
	Who    string    `json:"who"`
	Action string    `json:"action"`
	Detail string    `json:"detail,omitempty"`
}

// idLike matches anything that looks like a resident ID number (18 or 15
// digits), wherever it comes from: a file name, a batch name, a setting.
var idLike = regexp.MustCompile(`[0-9]{17}[0-9Xx]|[0-9]{15}`)

func scrubIDs(s string) string { return idLike.ReplaceAllStringFunc(s, model.MaskID) }

// appendAudit adds e under the next sequence number of the audit bucket.
// Keys are big-endian so that cursor order is time order.
func appendAudit(tx *bbolt.Tx, e AuditEntry) error {
	b, err := bucket(tx, bucketAudit)
	if err != nil {
		return err
	}
	seq, err := b.NextSequence()
	if err != nil {
		return err
	}
	raw, err := json.Marshal(auditRecord{Time: e.Time, Who: scrubIDs(e.Who), Action: e.Action, Detail: scrubIDs(e.Detail)})
	if err != nil {
		return err
	}
	var key [8]byte
	binary.BigEndian.PutUint64(key[:], seq)
	return b.Put(key[:], raw)
}

// AuditLog returns the latest limit entries, newest first (all of them when
// limit <= 0).
func (s *Store) AuditLog(limit int) ([]AuditEntry, error) {
	var out []AuditEntry
	err := s.view(func(tx *bbolt.Tx) error {
		b, err := bucket(tx, bucketAudit)
		if err != nil {
			return err
		}
		c := b.Cursor()
		for k, v := c.Last(); k != nil && (limit <= 0 || len(out) < limit); k, v = c.Prev() {
			var r auditRecord
			if err := json.Unmarshal(v, &r); err != nil {
				return corrupt(s.path, fmt.Sprintf("操作记录第%d条无法读取", binary.BigEndian.Uint64(k)), err)
			}
			out = append(out, AuditEntry{Time: r.Time, Who: r.Who, Action: r.Action, Detail: r.Detail})
		}
		return nil
	})
	return out, err
}
