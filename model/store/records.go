package store

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"go.etcd.io/bbolt"

	"chuding/model"
)

// Unit returns the unit profile; the zero Unit when none was saved yet.
func (s *Store) Unit() (model.Unit, error) {
	var u model.Unit
	err := s.view(func(tx *bbolt.Tx) error {
		b, err := bucket(tx, bucketUnits)
		if err != nil {
			return err
		}
		if raw := b.Get(keyUnitProfile); raw != nil {
			if err := json.Unmarshal(raw, &u); err != nil {
				return corrupt(s.path, "单位信息无法读取", err)
			}
		}
		return nil
	})
	return u, err
}

// SaveUnit replaces the unit profile (one per database).
func (s *Store) SaveUnit(u model.Unit) error {
	raw, err := json.Marshal(u)
	if err != nil {
		return err
	}
	return s.change("保存单位信息", func(tx *bbolt.Tx) (string, error) {
		b, err := bucket(tx, bucketUnits)
		if err != nil {
			return "", err
		}
		return u.Name, b.Put(keyUnitProfile, raw)
	})
}

// batchRecord keeps the creation order next to the batch, so that Batches
// lists them as they were made whatever their IDs.
type batchRecord struct {
	Seq   uint64      `json:"seq"`
	Batch model.Batch `json:"batch"`
}

func (s *Store) getBatch(b *bbolt.Bucket, id string) (batchRecord, bool, error) {
	raw := b.Get([]byte(id))
	if raw == nil {
		return batchRecord{}, false, nil
	}
	var r batchRecord
	if err := json.Unmarshal(raw, &r); err != nil {
		return r, false, corrupt(s.path, fmt.Sprintf("批次“%s”无法读取", id), err)
	}
	return r, true, nil
}

// Batches returns every batch in creation order.
func (s *Store) Batches() ([]model.Batch, error) {
	var recs []batchRecord
	err := s.view(func(tx *bbolt.Tx) error {
		b, err := bucket(tx, bucketBatches)
		if err != nil {
			return err
		}
		return b.ForEach(func(k, _ []byte) error {
			r, _, err := s.getBatch(b, string(k))
			recs = append(recs, r)
			return err
		})
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(recs, func(a, b batchRecord) int { return cmp.Compare(a.Seq, b.Seq) })
	out := make([]model.Batch, len(recs))
	for i, r := range recs {
		out[i] = r.Batch
	}
	return out, nil
}

// Batch returns one batch by ID.
func (s *Store) Batch(id string) (model.Batch, error) {
	var out model.Batch
	err := s.view(func(tx *bbolt.Tx) error {
		b, err := bucket(tx, bucketBatches)
		if err != nil {
			return err
		}
		r, ok, err := s.getBatch(b, id)
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("%w：批次“%s”不存在，可能已被删除", ErrNotFound, id)
		}
		out = r.Batch
		return nil
	})
	return out, err
}

// SaveBatch creates or replaces a batch. An empty b.ID is assigned (b1, b2,
// …) before saving; the batch's people are not touched.
func (s *Store) SaveBatch(b *model.Batch) error {
	if strings.TrimSpace(b.Name) == "" {
		return fmt.Errorf("批次名称不能为空，请填写如“2025年上半年”")
	}
	id := b.ID
	err := s.change("保存批次", func(tx *bbolt.Tx) (string, error) {
		batches, err := bucket(tx, bucketBatches)
		if err != nil {
			return "", err
		}
		people, err := bucket(tx, bucketPeople)
		if err != nil {
			return "", err
		}
		if id == "" {
			if id, err = newBatchID(batches); err != nil {
				return "", err
			}
		}
		rec, ok, err := s.getBatch(batches, id)
		if err != nil {
			return "", err
		}
		if !ok {
			if rec.Seq, err = batches.NextSequence(); err != nil {
				return "", err
			}
		}
		rec.Batch = *b
		rec.Batch.ID = id
		raw, err := json.Marshal(rec)
		if err != nil {
			return "", err
		}
		if err := batches.Put([]byte(id), raw); err != nil {
			return "", err
		}
		if _, err := people.CreateBucketIfNotExists([]byte(id)); err != nil {
			return "", err
		}
		return fmt.Sprintf("批次%s：%s", id, b.Name), nil
	})
	if err == nil {
		b.ID = id // only once committed
	}
	return err
}

func newBatchID(b *bbolt.Bucket) (string, error) {
	for n := b.Sequence() + 1; ; n++ {
		id := "b" + strconv.FormatUint(n, 10)
		if b.Get([]byte(id)) == nil {
			return id, nil
		}
	}
}

// DeleteBatch removes the batch and all its people.
func (s *Store) DeleteBatch(id string) error {
	return s.change("删除批次", func(tx *bbolt.Tx) (string, error) {
		batches, err := bucket(tx, bucketBatches)
		if err != nil {
			return "", err
		}
		people, err := bucket(tx, bucketPeople)
		if err != nil {
			return "", err
		}
		rec, ok, err := s.getBatch(batches, id)
		if err != nil {
			return "", err
		}
		if !ok {
			return "", fmt.Errorf("%w：批次“%s”不存在，可能已被删除", ErrNotFound, id)
		}
		n := 0
		if pb := people.Bucket([]byte(id)); pb != nil {
			n = pb.Stats().KeyN
			if err := people.DeleteBucket([]byte(id)); err != nil {
				return "", err
			}
		}
		return fmt.Sprintf("批次%s：%s，含%d人", id, rec.Batch.Name, n), batches.Delete([]byte(id))
	})
}

// Setting returns the value saved under key, or "" when none was saved.
func (s *Store) Setting(key string) (string, error) {
	var v string
	err := s.view(func(tx *bbolt.Tx) error {
		b, err := bucket(tx, bucketSettings)
		if err != nil {
			return err
		}
		v = string(b.Get([]byte(key)))
		return nil
	})
	return v, err
}

// SetSetting saves value under key.
func (s *Store) SetSetting(key, value string) error {
	if key == "" {
		return fmt.Errorf("设置项名称不能为空")
	}
	return s.change("修改设置", func(tx *bbolt.Tx) (string, error) {
		b, err := bucket(tx, bucketSettings)
		if err != nil {
			return "", err
		}
		shown := []rune(value)
		if len(shown) > 40 {
			shown = append(shown[:40], '…')
		}
		return fmt.Sprintf("%s = %s", key, string(shown)), b.Put([]byte(key), []byte(value))
	})
}
