package store

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"go.etcd.io/bbolt"

	"chuding/model"
)

// idKey is the people-bucket key of an ID number: trimmed and upper-case
// (as model.ParseID reads it), so that "…022x" and " …022X" are one person.
func idKey(id string) string {
	return strings.ReplaceAll(strings.ToUpper(strings.TrimSpace(id)), "Ｘ", "X")
}

// maxIDLen bounds keys: a wrong paste must not become a huge key.
const maxIDLen = 64

func checkIDKey(key, name string) error {
	who := "该人员"
	if name = strings.TrimSpace(name); name != "" {
		who = "“" + name + "”"
	}
	switch {
	case key == "":
		return fmt.Errorf("%s的身份证号码为空，请填写后再保存", who)
	case len(key) > maxIDLen:
		return fmt.Errorf("%s的身份证号码过长（%d个字符），请核对", who, len([]rune(key)))
	}
	return nil
}

// batchPeople is the nested bucket holding one batch's people.
func batchPeople(tx *bbolt.Tx, path, batchID string) (*bbolt.Bucket, error) {
	people, err := bucket(tx, bucketPeople)
	if err != nil {
		return nil, err
	}
	if b := people.Bucket([]byte(batchID)); b != nil {
		return b, nil
	}
	if batches, err := bucket(tx, bucketBatches); err == nil && batches.Get([]byte(batchID)) != nil {
		// The batch exists but its people bucket is gone: a damaged file.
		return nil, corrupt(path, fmt.Sprintf("批次“%s”的人员数据缺失", batchID), nil)
	}
	return nil, fmt.Errorf("%w：批次“%s”不存在，可能已被删除", ErrNotFound, batchID)
}

func (s *Store) getRecord(b *bbolt.Bucket, key string) (personRecord, bool, error) {
	raw := b.Get([]byte(key))
	if raw == nil {
		return personRecord{}, false, nil
	}
	r, err := decodePerson(raw)
	if err != nil {
		return r, false, corrupt(s.path, fmt.Sprintf("人员记录 %s 无法读取", model.MaskID(key)), err)
	}
	return r, true, nil
}

func duplicateErr(key string, existing model.Person, seq uint64) error {
	return fmt.Errorf("%w：%s 已在本批次中（第%d号 %s），同一身份证号码不能录入两次",
		ErrDuplicateID, model.MaskID(key), seq, existing.Name)
}

func personLabel(p model.Person) string {
	return fmt.Sprintf("%s（%s）", p.Name, model.MaskID(p.IDNumber))
}

// People returns the batch's people in insertion order (序号), with their
// Attachments and OpinionDone.
func (s *Store) People(batchID string) ([]model.Person, error) {
	var out []model.Person
	err := s.view(func(tx *bbolt.Tx) error {
		b, err := batchPeople(tx, s.path, batchID)
		if err != nil {
			return err
		}
		// Records come in key (ID number) order. A first pass reads only
		// the 序号 to find each record's place, so that the second decodes
		// every person straight into its slot: no big structs are sorted.
		pos, err := s.positions(b)
		if err != nil {
			return err
		}
		out = make([]model.Person, len(pos))
		i := 0
		return b.ForEach(func(k, v []byte) error {
			if _, err := decodeInto(v, &out[pos[i]]); err != nil {
				return corrupt(s.path, fmt.Sprintf("人员记录 %s 无法读取", model.MaskID(string(k))), err)
			}
			i++
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// positions returns, for the i-th record in key order, its place in 序号
// order.
func (s *Store) positions(b *bbolt.Bucket) ([]int, error) {
	type entry struct {
		seq uint64
		key int
	}
	// The sequence bounds the count (deleted people used numbers too).
	entries := make([]entry, 0, min(b.Sequence(), 1<<16))
	err := b.ForEach(func(k, v []byte) error {
		seq, err := recordSeq(v)
		if err != nil {
			return corrupt(s.path, fmt.Sprintf("人员记录 %s 无法读取", model.MaskID(string(k))), err)
		}
		entries = append(entries, entry{seq, len(entries)})
		return nil
	})
	slices.SortFunc(entries, func(a, b entry) int { return cmp.Compare(a.seq, b.seq) })
	pos := make([]int, len(entries))
	for place, e := range entries {
		pos[e.key] = place
	}
	return pos, err
}

// Person returns one person of the batch by ID number.
func (s *Store) Person(batchID, id string) (model.Person, error) {
	var p model.Person
	err := s.view(func(tx *bbolt.Tx) error {
		b, err := batchPeople(tx, s.path, batchID)
		if err != nil {
			return err
		}
		r, ok, err := s.getRecord(b, idKey(id))
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("%w：本批次中没有身份证号码为 %s 的人员", ErrNotFound, model.MaskID(idKey(id)))
		}
		p = r.Person
		return nil
	})
	return p, err
}

// AddPerson appends p to the batch. An ID number already in the batch
// gives ErrDuplicateID naming the masked number.
func (s *Store) AddPerson(batchID string, p model.Person) error {
	key := idKey(p.IDNumber)
	if err := checkIDKey(key, p.Name); err != nil {
		return err
	}
	p.IDNumber = key
	return s.change("新增人员", func(tx *bbolt.Tx) (string, error) {
		b, err := batchPeople(tx, s.path, batchID)
		if err != nil {
			return "", err
		}
		if old, ok, err := s.getRecord(b, key); err != nil {
			return "", err
		} else if ok {
			return "", duplicateErr(key, old.Person, old.Seq)
		}
		seq, err := b.NextSequence()
		if err != nil {
			return "", err
		}
		if err := b.Put([]byte(key), encodePerson(personRecord{Seq: seq, Person: p})); err != nil {
			return "", err
		}
		return fmt.Sprintf("批次%s：第%d号 %s", batchID, seq, personLabel(p)), nil
	})
}

// UpdatePerson replaces the person stored under oldID with p, keeping the
// 序号. When p carries a different ID number that is already in the batch
// it gives ErrDuplicateID.
func (s *Store) UpdatePerson(batchID, oldID string, p model.Person) error {
	oldKey, key := idKey(oldID), idKey(p.IDNumber)
	if err := checkIDKey(key, p.Name); err != nil {
		return err
	}
	p.IDNumber = key
	return s.change("修改人员", func(tx *bbolt.Tx) (string, error) {
		b, err := batchPeople(tx, s.path, batchID)
		if err != nil {
			return "", err
		}
		old, ok, err := s.getRecord(b, oldKey)
		if err != nil {
			return "", err
		}
		if !ok {
			return "", fmt.Errorf("%w：本批次中没有身份证号码为 %s 的人员，可能已被删除", ErrNotFound, model.MaskID(oldKey))
		}
		detail := fmt.Sprintf("批次%s：第%d号 %s", batchID, old.Seq, personLabel(p))
		if key != oldKey {
			if other, ok, err := s.getRecord(b, key); err != nil {
				return "", err
			} else if ok {
				return "", duplicateErr(key, other.Person, other.Seq)
			}
			if err := b.Delete([]byte(oldKey)); err != nil {
				return "", err
			}
			detail += fmt.Sprintf("，身份证号码由 %s 改为 %s", model.MaskID(oldKey), model.MaskID(key))
		}
		return detail, b.Put([]byte(key), encodePerson(personRecord{Seq: old.Seq, Person: p}))
	})
}

// DeletePerson removes the person with this ID number from the batch. The
// scanned files stay in the store (another person may share them); see
// PruneAttachments.
func (s *Store) DeletePerson(batchID, id string) error {
	key := idKey(id)
	return s.change("删除人员", func(tx *bbolt.Tx) (string, error) {
		b, err := batchPeople(tx, s.path, batchID)
		if err != nil {
			return "", err
		}
		old, ok, err := s.getRecord(b, key)
		if err != nil {
			return "", err
		}
		if !ok {
			return "", fmt.Errorf("%w：本批次中没有身份证号码为 %s 的人员，可能已被删除", ErrNotFound, model.MaskID(key))
		}
		return fmt.Sprintf("批次%s：第%d号 %s", batchID, old.Seq, personLabel(old.Person)), b.Delete([]byte(key))
	})
}

// RowError is one refused row of ImportPeople; Row counts from 1 in the
// list given.
type RowError struct {
	Row     int
	Message string
}

// ImportError lists every refused row of an ImportPeople call. It matches
// ErrDuplicateID with errors.Is when any row was a duplicate.
type ImportError struct {
	Rows []RowError
	dup  bool
}

func (e *ImportError) Error() string {
	const shown = 10
	var b strings.Builder
	fmt.Fprintf(&b, "导入失败，未写入任何人员：%d行有问题", len(e.Rows))
	for i, r := range e.Rows {
		if i == shown {
			fmt.Fprintf(&b, "；另有%d行未列出", len(e.Rows)-shown)
			break
		}
		fmt.Fprintf(&b, "；第%d行：%s", r.Row, r.Message)
	}
	return b.String()
}

func (e *ImportError) Unwrap() error {
	if e.dup {
		return ErrDuplicateID
	}
	return nil
}

// ImportPeople appends people to the batch in one transaction, all or
// nothing: an empty ID number, or one repeated in the list or already in
// the batch, refuses the whole import with an *ImportError naming the rows.
func (s *Store) ImportPeople(batchID string, people []model.Person) error {
	if len(people) == 0 { // nothing changes, so nothing to audit
		return s.view(func(tx *bbolt.Tx) error {
			_, err := batchPeople(tx, s.path, batchID)
			return err
		})
	}
	return s.change("导入人员", func(tx *bbolt.Tx) (string, error) {
		b, err := batchPeople(tx, s.path, batchID)
		if err != nil {
			return "", err
		}
		if err := s.checkImport(b, people); err != nil {
			return "", err
		}
		for _, p := range people {
			p.IDNumber = idKey(p.IDNumber)
			seq, err := b.NextSequence()
			if err != nil {
				return "", err
			}
			if err := b.Put([]byte(p.IDNumber), encodePerson(personRecord{Seq: seq, Person: p})); err != nil {
				return "", err
			}
		}
		return fmt.Sprintf("批次%s：导入%d人", batchID, len(people)), nil
	})
}

func (s *Store) checkImport(b *bbolt.Bucket, people []model.Person) error {
	ie := &ImportError{}
	seen := make(map[string]int, len(people))
	for i, p := range people {
		row, key := i+1, idKey(p.IDNumber)
		if err := checkIDKey(key, p.Name); err != nil {
			ie.Rows = append(ie.Rows, RowError{row, err.Error()})
			continue
		}
		if first, ok := seen[key]; ok {
			ie.dup = true
			ie.Rows = append(ie.Rows, RowError{row, fmt.Sprintf("%s的身份证号码 %s 与第%d行重复", p.Name, model.MaskID(key), first)})
			continue
		}
		seen[key] = row
		old, ok, err := s.getRecord(b, key)
		if err != nil {
			return err
		}
		if ok {
			ie.dup = true
			ie.Rows = append(ie.Rows, RowError{row, fmt.Sprintf("%s的身份证号码 %s 已在本批次中（第%d号 %s）",
				p.Name, model.MaskID(key), old.Seq, old.Person.Name)})
		}
	}
	if len(ie.Rows) > 0 {
		return ie
	}
	return nil
}
