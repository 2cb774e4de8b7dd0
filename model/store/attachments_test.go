package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"
	"testing"

	"go.etcd.io/bbolt"

	"chuding/model"
)

var (
	pdfData  = []byte("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")
	jpegData = append([]byte{0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0}, bytes.Repeat([]byte{7}, 100)...)
	pngData  = append([]byte{0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, bytes.Repeat([]byte{1}, 100)...)
)

func TestPutAttachmentChecksContent(t *testing.T) {
	cases := []struct {
		name    string
		data    []byte
		mime    string // "" when refused
		errIs   error
		wantMsg string
	}{
		{"劳动合同.pdf", pdfData, "application/pdf", nil, ""},
		{"学历证书.JPG", jpegData, "image/jpeg", nil, ""},
		{"成绩单.jpeg", jpegData, "image/jpeg", nil, ""},
		{"资格证书.png", pngData, "image/png", nil, ""},
		{`C:\扫描\聘书.pdf`, pdfData, "application/pdf", nil, ""},
		{"照片.pdf", jpegData, "", ErrAttachmentType, "内容是JPG图片，但扩展名是“.pdf”"},
		{"合同.png", pdfData, "", ErrAttachmentType, "请把扩展名改为“.pdf”"},
		{"无扩展名", pdfData, "", ErrAttachmentType, "扩展名是“”"},
		{"报告.docx", []byte("PK\x03\x04 word document"), "", ErrAttachmentType, "不是PDF、JPG或PNG"},
		{"伪装.pdf", []byte("这只是改了扩展名的文本"), "", ErrAttachmentType, "按文件内容判断"},
		{"空.pdf", nil, "", nil, "空文件"},
		{"", pdfData, "", nil, "文件名为空"},
	}
	s := openTest(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, err := s.PutAttachment(c.name, c.data)
			if c.mime == "" {
				if err == nil {
					t.Fatalf("accepted: %+v", a)
				}
				if c.errIs != nil && !errors.Is(err, c.errIs) {
					t.Errorf("error %v, want %v", err, c.errIs)
				}
				if !strings.Contains(err.Error(), c.wantMsg) {
					t.Errorf("message %q lacks %q", err, c.wantMsg)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			sum := sha256.Sum256(c.data)
			want := model.Attachment{Name: baseName(c.name), SHA256: hex.EncodeToString(sum[:]), Size: int64(len(c.data)), MIME: c.mime}
			if a != want {
				t.Errorf("PutAttachment = %+v, want %+v", a, want)
			}
			got, err := s.Attachment(strings.ToUpper(a.SHA256))
			if err != nil || !bytes.Equal(got, c.data) {
				t.Errorf("Attachment(%s) = %d bytes, %v", a.SHA256, len(got), err)
			}
		})
	}
}

func TestAttachmentSizeLimit(t *testing.T) {
	opt := testOptions()
	opt.MaxAttachmentSize = 2 << 20
	s := openAt(t, t.TempDir()+"/chuding.db", opt)
	big := append(bytes.Clone(pdfData), make([]byte, 3<<20)...)
	_, err := s.PutAttachment("扫描件.pdf", big)
	if !errors.Is(err, ErrAttachmentTooLarge) {
		t.Fatalf("3 MB file with a 2 MB limit: error %v, want ErrAttachmentTooLarge", err)
	}
	for _, m := range []string{"扫描件.pdf", "3 MB", "2 MB"} {
		if !strings.Contains(err.Error(), m) {
			t.Errorf("message %q lacks %q", err, m)
		}
	}
	if _, err := s.PutAttachment("扫描件.pdf", big[:2<<20]); err != nil {
		t.Errorf("a file exactly at the limit was refused: %v", err)
	}
	if def := openTest(t); def.MaxAttachmentSize() != 10<<20 {
		t.Errorf("default limit %d, want 10 MB", def.MaxAttachmentSize())
	}
}

func TestAttachmentDeduplicated(t *testing.T) {
	s := openTest(t)
	a1, err := s.PutAttachment("合同.pdf", pdfData)
	if err != nil {
		t.Fatal(err)
	}
	before, _ := s.AuditLog(0)
	a2, err := s.PutAttachment("合同（副本）.pdf", bytes.Clone(pdfData))
	if err != nil {
		t.Fatal(err)
	}
	if a1.SHA256 != a2.SHA256 || a2.Name != "合同（副本）.pdf" {
		t.Errorf("second put = %+v, want the same hash under the new name", a2)
	}
	if after, _ := s.AuditLog(0); len(after) != len(before) {
		t.Error("storing the same content again was audited as a change")
	}
	var n int
	s.view(func(tx *bbolt.Tx) error { n = tx.Bucket(bucketAttachments).Stats().KeyN; return nil })
	if n != 1 {
		t.Errorf("%d blobs stored for one content, want 1", n)
	}
	if _, err := s.Attachment(strings.Repeat("0", 64)); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown hash: error %v, want ErrNotFound", err)
	}
	if _, err := s.Attachment("not-a-hash"); !errors.Is(err, ErrNotFound) {
		t.Errorf("malformed hash: error %v, want ErrNotFound", err)
	}
}

func TestPruneAttachmentsKeepsUsedOnes(t *testing.T) {
	s := openTest(t)
	batch := newBatch(t, s, "2025年上半年")
	used, _ := s.PutAttachment("合同.pdf", pdfData)
	unused, _ := s.PutAttachment("照片.png", pngData)
	p := makePerson(1)
	used.Material = "CONTRACT"
	p.Attachments = []model.Attachment{used}
	if err := s.AddPerson(batch, p); err != nil {
		t.Fatal(err)
	}
	n, err := s.PruneAttachments()
	if err != nil || n != 1 {
		t.Fatalf("PruneAttachments = %d, %v; want 1", n, err)
	}
	if _, err := s.Attachment(used.SHA256); err != nil {
		t.Errorf("attachment in use was pruned: %v", err)
	}
	if _, err := s.Attachment(unused.SHA256); !errors.Is(err, ErrNotFound) {
		t.Errorf("unused attachment still there: %v", err)
	}
	if n, err := s.PruneAttachments(); err != nil || n != 0 {
		t.Errorf("second prune = %d, %v; want 0", n, err)
	}
}
