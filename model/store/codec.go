package store

import (
	"encoding/binary"
	"errors"
	"math"
	"time"

	"chuding/model"
)

// personRecord is what the people bucket holds under a normalised ID
// number: the whole person — including Attachments and OpinionDone, which
// the people file leaves out — and its 序号 (insertion sequence) in the batch.
type personRecord struct {
	Seq    uint64
	Person model.Person
}

// People records use a compact binary form rather than JSON: decoding
// 10,000 JSON records alone took ~100 ms on the 2-core target machine, the
// whole budget for loading a batch (docs/performance.md). Every field is
// written in a fixed order; slices and maps store length+1 so that nil and
// empty survive a round trip. TestCodecCoversEveryField fails when a field
// is added to model.Person and not taught to this codec.
//
// A new layout gets a new recordVersion and a decoder branch; old records
// stay readable.
const recordVersion = 1

var errTruncated = errors.New("record truncated")

func encodePerson(r personRecord) []byte {
	p := &r.Person
	e := encoder{buf: make([]byte, 0, 256+len(p.Opinion))}
	e.uvarint(recordVersion)
	e.uvarint(r.Seq)
	e.strings(p.Name, p.IDNumber, p.Unit, p.Relation)
	e.bools(p.CivilServant, p.Retired, p.OpinionDone)
	e.date(p.SanctionUntil)
	e.strings(p.Series, p.Specialty)
	e.length(p.Education == nil, len(p.Education))
	for _, ed := range p.Education {
		e.strings(ed.Level, ed.Type, ed.School, ed.Major)
		e.date(ed.Start)
		e.date(ed.Graduated)
		e.bools(ed.FullTime, ed.Certified)
		e.float(ed.Years)
	}
	e.length(p.Degrees == nil, len(p.Degrees))
	e.strings(p.Degrees...)
	e.date(p.WorkStart)
	e.length(p.Appraisals == nil, len(p.Appraisals))
	for _, y := range model.Years(p.Appraisals) {
		e.varint(int64(y))
		e.strings(p.Appraisals[y])
	}
	e.length(p.ContinuingEd == nil, len(p.ContinuingEd))
	for _, y := range model.Years(p.ContinuingEd) {
		e.varint(int64(y))
		e.bools(p.ContinuingEd[y])
	}
	e.strings(p.QualificationCert, p.Opinion, p.Phone, p.Political, p.Post, p.TraineeResult)
	e.length(p.Attachments == nil, len(p.Attachments))
	for _, a := range p.Attachments {
		e.strings(a.Material, a.Name, a.SHA256)
		e.varint(a.Size)
		e.strings(a.MIME)
	}
	return e.buf
}

func decodePerson(raw []byte) (personRecord, error) {
	var r personRecord
	var err error
	r.Seq, err = decodeInto(raw, &r.Person)
	return r, err
}

// recordSeq reads only the 序号 of a record.
func recordSeq(raw []byte) (uint64, error) {
	v, n := binary.Uvarint(raw)
	if n <= 0 || v != recordVersion {
		return 0, errors.New("unknown record version")
	}
	seq, m := binary.Uvarint(raw[n:])
	if m <= 0 {
		return 0, errTruncated
	}
	return seq, nil
}

// decodeInto fills *p from a record and returns the record's 序号.
func decodeInto(raw []byte, p *model.Person) (seq uint64, err error) {
	// One string conversion per record; every field is a substring of it,
	// so a record costs a handful of allocations, not one per field.
	d := decoder{s: string(raw)}
	if v := d.uvarint(); d.err == nil && v != recordVersion {
		return 0, errors.New("unknown record version")
	}
	seq = d.uvarint()
	d.strings(&p.Name, &p.IDNumber, &p.Unit, &p.Relation)
	d.bools(&p.CivilServant, &p.Retired, &p.OpinionDone)
	p.SanctionUntil = d.date()
	d.strings(&p.Series, &p.Specialty)
	if n, ok := d.length(); ok {
		p.Education = make([]model.Education, n)
		for i := range p.Education {
			ed := &p.Education[i]
			d.strings(&ed.Level, &ed.Type, &ed.School, &ed.Major)
			ed.Start = d.date()
			ed.Graduated = d.date()
			d.bools(&ed.FullTime, &ed.Certified)
			ed.Years = d.float()
		}
	}
	if n, ok := d.length(); ok {
		p.Degrees = make([]string, n)
		for i := range p.Degrees {
			d.strings(&p.Degrees[i])
		}
	}
	p.WorkStart = d.date()
	if n, ok := d.length(); ok {
		p.Appraisals = make(map[int]string, n)
		for range n {
			y := int(d.varint())
			var v string
			d.strings(&v)
			p.Appraisals[y] = v
		}
	}
	if n, ok := d.length(); ok {
		p.ContinuingEd = make(map[int]bool, n)
		for range n {
			y := int(d.varint())
			var v bool
			d.bools(&v)
			p.ContinuingEd[y] = v
		}
	}
	d.strings(&p.QualificationCert, &p.Opinion, &p.Phone, &p.Political, &p.Post, &p.TraineeResult)
	if n, ok := d.length(); ok {
		p.Attachments = make([]model.Attachment, n)
		for i := range p.Attachments {
			a := &p.Attachments[i]
			d.strings(&a.Material, &a.Name, &a.SHA256)
			a.Size = d.varint()
			d.strings(&a.MIME)
		}
	}
	if d.err == nil && len(d.s) != 0 {
		d.err = errors.New("trailing bytes in record")
	}
	return seq, d.err
}

type encoder struct{ buf []byte }

func (e *encoder) uvarint(v uint64) { e.buf = binary.AppendUvarint(e.buf, v) }
func (e *encoder) varint(v int64)   { e.buf = binary.AppendVarint(e.buf, v) }

func (e *encoder) strings(ss ...string) {
	for _, s := range ss {
		e.uvarint(uint64(len(s)))
		e.buf = append(e.buf, s...)
	}
}

// bools packs up to 8 flags into one byte.
func (e *encoder) bools(bs ...bool) {
	var b byte
	for i, v := range bs {
		if v {
			b |= 1 << i
		}
	}
	e.buf = append(e.buf, b)
}

// length writes 0 for nil, n+1 otherwise.
func (e *encoder) length(isNil bool, n int) {
	if isNil {
		e.uvarint(0)
		return
	}
	e.uvarint(uint64(n) + 1)
}

func (e *encoder) date(d model.Date) {
	e.varint(int64(d.Year))
	e.buf = append(e.buf, byte(d.Month), byte(d.Day))
	e.bools(d.Approx)
}

func (e *encoder) float(f float64) {
	e.buf = binary.LittleEndian.AppendUint64(e.buf, math.Float64bits(f))
}

// decoder reads what encoder wrote; the first error sticks and later
// reads return zero values.
type decoder struct {
	s   string
	err error
}

func (d *decoder) fail() { d.err, d.s = errTruncated, "" }

func (d *decoder) uvarint() uint64 {
	v, n := uvarintString(d.s)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.s = d.s[n:]
	return v
}

func (d *decoder) varint() int64 {
	u := d.uvarint()
	return int64(u>>1) ^ -int64(u&1) // zig-zag, as binary.AppendVarint writes
}

func (d *decoder) strings(dst ...*string) {
	for _, p := range dst {
		n := d.uvarint()
		if n > uint64(len(d.s)) {
			d.fail()
			return
		}
		*p, d.s = d.s[:n], d.s[n:]
	}
}

func (d *decoder) bools(dst ...*bool) {
	if len(d.s) < 1 {
		d.fail()
		return
	}
	b := d.s[0]
	d.s = d.s[1:]
	for i, p := range dst {
		*p = b&(1<<i) != 0
	}
}

// length returns n and true for a non-nil slice or map of n elements,
// refusing counts the remaining bytes cannot possibly hold.
func (d *decoder) length() (int, bool) {
	v := d.uvarint()
	if v == 0 || d.err != nil {
		return 0, false
	}
	if v-1 > uint64(len(d.s)) {
		d.fail()
		return 0, false
	}
	return int(v - 1), true
}

func (d *decoder) date() model.Date {
	y := d.varint()
	if len(d.s) < 2 {
		d.fail()
		return model.Date{}
	}
	m, day := d.s[0], d.s[1]
	d.s = d.s[2:]
	var approx bool
	d.bools(&approx)
	return model.Date{Year: int(y), Month: time.Month(m), Day: int(day), Approx: approx}
}

func (d *decoder) float() float64 {
	if len(d.s) < 8 {
		d.fail()
		return 0
	}
	var v uint64
	for i := 7; i >= 0; i-- {
		v = v<<8 | uint64(d.s[i])
	}
	d.s = d.s[8:]
	return math.Float64frombits(v)
}

// uvarintString is binary.Uvarint over a string, avoiding a copy.
func uvarintString(s string) (uint64, int) {
	var x uint64
	var shift uint
	for i := 0; i < len(s) && i < binary.MaxVarintLen64; i++ {
		b := s[i]
		if b < 0x80 {
			if i == binary.MaxVarintLen64-1 && b > 1 {
				return 0, -(i + 1)
			}
			return x | uint64(b)<<shift, i + 1
		}
		x |= uint64(b&0x7f) << shift
		shift += 7
	}
	return 0, 0
}
