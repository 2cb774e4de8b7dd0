package bundle

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"chuding/model"
	"chuding/model/peoplefile"
	"chuding/model/policy"
	"chuding/model/rules"
	"chuding/pdfgen/pdftest"
)

const samplePeople = "../../testdata/people-sample.json"

// The sample batch: 2025年上半年, publicity 2025-06-03 … 06-09 (five working
// days after the 端午 holiday), signing from 06-10, exported on 06-12.
var (
	testStart = model.MustDate("2025-06-03")
	testNow   = time.Date(2025, 6, 12, 9, 30, 0, 0, time.FixedZone("CST", 8*3600))
)

// scans is an in-memory attachment source keyed by SHA-256, safe for the
// bundle's concurrent reads.
type scans struct {
	mu   sync.Mutex
	data map[string][]byte
}

func newScans() *scans { return &scans{data: map[string][]byte{}} }

// add makes a scan of size bytes for material (a PDF by its magic bytes,
// content derived from seed) and returns its description.
func (s *scans) add(material, name string, seed, size int) model.Attachment {
	data := fakeScan(seed, size)
	sum := sha256.Sum256(data)
	a := model.Attachment{Material: material, Name: name, SHA256: hex.EncodeToString(sum[:]),
		Size: int64(len(data)), MIME: "application/pdf"}
	s.mu.Lock()
	s.data[a.SHA256] = data
	s.mu.Unlock()
	return a
}

func (s *scans) get(sha string) ([]byte, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d, ok := s.data[sha]
	if !ok {
		return nil, fmt.Errorf("没有SHA-256为 %.12s… 的附件", sha)
	}
	return d, nil
}

// fakeScan is size bytes starting with %PDF- and then incompressible
// pseudo-random bytes, like a real scan's image data.
func fakeScan(seed, size int) []byte {
	head := fmt.Sprintf("%%PDF-1.4\n%% scan %d\n", seed)
	out := make([]byte, max(size, len(head))+8)
	n := copy(out, head)
	x := uint64(seed)*0x9E3779B97F4A7C15 + 1
	for ; n < size; n += 8 {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		binary.LittleEndian.PutUint64(out[n:], x)
	}
	return out[:max(size, len(head))]
}

// testUnit is a complete unit profile.
var testUnit = model.Unit{Name: "连云港示例机械有限公司", Kind: "企业", Address: "连云港市海州区示例路1号",
	Contact: "王芳", Phone: "0518-85550000"}

func loadSample(t testing.TB) []model.Person {
	t.Helper()
	people, err := peoplefile.ReadFile(samplePeople)
	if err != nil {
		t.Fatal(err)
	}
	return people
}

// eligibleInput is the sample's three eligible people with a scan for
// every material the rules require: a bundle that passes pre-flight.
func eligibleInput(t testing.TB) (Input, *scans) {
	t.Helper()
	src := newScans()
	pol := policy.Builtin2025H1()
	var people []model.Person
	for i, p := range loadSample(t) {
		r := rules.Evaluate(&p, &pol)
		if !r.Eligible {
			continue
		}
		if p.Opinion == "" { // the sample leaves two opinions for the user to write
			text, err := os.ReadFile("testdata/opinion-" + p.Name + ".txt")
			if err != nil {
				t.Fatal(err)
			}
			p.Opinion = strings.TrimSpace(string(text))
		}
		for j, m := range r.Materials {
			if m.Code != rules.MaterialForm {
				p.Attachments = append(p.Attachments, src.add(m.Code, m.Code+".pdf", i*10+j, 2048+j))
			}
		}
		people = append(people, p)
	}
	in := Input{Unit: testUnit, People: people, Attachment: src.get,
		Batch: model.Batch{ID: "b1", Name: "2025年上半年", Policy: pol, Publicity: model.Publicity{Start: testStart}},
		Now:   func() time.Time { return testNow }}
	return in, src
}

// writeTest writes in to a bundle in a temp folder and returns its path.
func writeTest(t testing.TB, in Input, opt Options) (string, Manifest) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "上报包.zip")
	m, err := Write(t.Context(), in, path, opt, nil)
	if err != nil {
		t.Fatal(err)
	}
	return path, m
}

// zipEntries reads the archive's entries by name.
func zipEntries(t testing.TB, path string) map[string][]byte {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	out := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		out[f.Name] = b
	}
	return out
}

// rewriteZip copies the archive at path to a new one, letting edit change
// or drop (return nil) each entry's content, and add extra entries.
func rewriteZip(t testing.TB, path string, edit func(name string, data []byte) []byte, extra map[string][]byte) string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(rc)
		rc.Close()
		if data = edit(f.Name, data); data == nil {
			continue
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: f.Method, Modified: f.Modified})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	for name, data := range extra {
		w, _ := zw.Create(name)
		w.Write(data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "改过.zip")
	if err := os.WriteFile(out, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return out
}

// -look DIR renders the bundle's PDFs as PNGs in DIR for a person to check
// (go test ./pdfgen/bundle -run RealPDFs -look /tmp/look).
var lookDir = flag.String("look", "", "render the bundle's PDFs to PNG files in this folder")

func look(t *testing.T, files map[string][]byte) {
	t.Helper()
	if *lookDir == "" {
		return
	}
	if err := os.MkdirAll(*lookDir, 0o700); err != nil {
		t.Fatal(err)
	}
	for name, data := range files {
		if strings.HasSuffix(name, ".pdf") && !strings.Contains(name, AttachmentFolder) {
			pdftest.Render(t, data, *lookDir, strings.ReplaceAll(strings.TrimSuffix(name, ".pdf"), "/", "-"), 60)
		}
	}
}
