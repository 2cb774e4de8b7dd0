package bundle

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"chuding/model"
	"chuding/model/store"
)

// idNumber makes a valid resident ID number: area, birth date, sequence
// and the ISO 7064 check character.
func idNumber(area, birth string, seq int) string {
	body := fmt.Sprintf("%s%s%03d", area, birth, seq)
	weights := []int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i, w := range weights {
		sum += int(body[i]-'0') * w
	}
	return body + string("10X98765432"[sum%11])
}

// seedStore makes a database with the unit, one batch and n copies of the
// sample's eligible people (each with its own ID number), every scan of
// scanSize bytes stored through PutAttachment as the app does.
func seedStore(t testing.TB, path string, n, scanSize int) string {
	t.Helper()
	in, _ := eligibleInput(t)
	s, err := store.Open(path, store.Options{NoBackup: true, Who: "测试"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.SaveUnit(in.Unit); err != nil {
		t.Fatal(err)
	}
	b := in.Batch
	b.ID = ""
	if err := s.SaveBatch(&b); err != nil {
		t.Fatal(err)
	}
	people := make([]model.Person, n)
	for i := range people {
		p := in.People[i%len(in.People)]
		p.IDNumber = idNumber(p.IDNumber[:6], p.IDNumber[6:14], i+1)
		var atts []model.Attachment
		for j, a := range p.Attachments {
			stored, err := s.PutAttachment(a.Material+".pdf", fakeScan(i*10+j, scanSize))
			if err != nil {
				t.Fatal(err)
			}
			stored.Material = a.Material
			atts = append(atts, stored)
		}
		p.Attachments = atts
		people[i] = p
	}
	if err := s.ImportPeople(b.ID, people); err != nil {
		t.Fatal(err)
	}
	return b.ID
}

// dbContent is everything a user keeps in the database.
type dbContent struct {
	Unit    model.Unit
	Batches []model.Batch
	People  []model.Person
	Audit   int
	Scans   map[string]int
}

func readDB(t testing.TB, path, batchID string) dbContent {
	t.Helper()
	s, err := store.Open(path, store.Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var c dbContent
	c.Unit, _ = s.Unit()
	c.Batches, _ = s.Batches()
	c.People, err = s.People(batchID)
	if err != nil {
		t.Fatal(err)
	}
	audit, _ := s.AuditLog(0)
	c.Audit = len(audit)
	c.Scans = map[string]int{}
	for _, p := range c.People {
		for _, a := range p.Attachments {
			data, err := s.Attachment(a.SHA256)
			if err != nil {
				t.Fatal(err)
			}
			c.Scans[a.SHA256] = len(data)
		}
	}
	return c
}

// exportFromDB is what the app and the CLI do: open the database, read the
// batch and export it, scans streaming out of the store.
func exportFromDB(dbPath, batchID, out string, opt Options, progress func(done, total int, what string)) (Manifest, error) {
	s, err := store.Open(dbPath, store.Options{NoBackup: true})
	if err != nil {
		return Manifest{}, err
	}
	defer s.Close()
	unit, err := s.Unit()
	if err != nil {
		return Manifest{}, err
	}
	batch, err := s.Batch(batchID)
	if err != nil {
		return Manifest{}, err
	}
	people, err := s.People(batchID)
	if err != nil {
		return Manifest{}, err
	}
	in := Input{Unit: unit, Batch: batch, People: people, Attachment: s.Attachment,
		Now: func() time.Time { return testNow }}
	return Write(context.Background(), in, out, opt, progress)
}

// TestKillChild is the child of TestKillDuringExport: it exports the
// database named in the environment, printing its progress, until killed.
func TestKillChild(t *testing.T) {
	db, out := os.Getenv("BUNDLE_KILL_DB"), os.Getenv("BUNDLE_KILL_OUT")
	if db == "" {
		t.Skip("只作为 TestKillDuringExport 的子进程运行")
	}
	_, err := exportFromDB(db, os.Getenv("BUNDLE_KILL_BATCH"), out, Options{Workers: 1}, func(done, total int, what string) {
		fmt.Printf("progress %d/%d\n", done, total)
		time.Sleep(20 * time.Millisecond) // leave the parent time to kill mid-export
	})
	fmt.Println("finished", err)
}

func TestKillDuringExport(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a 50 MB database")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "chuding.db")
	batchID := seedStore(t, db, 15, 1<<20)
	before := readDB(t, db, batchID)
	out := filepath.Join(dir, "导出", "上报包.zip")
	os.Mkdir(filepath.Dir(out), 0o700)

	cmd := exec.Command(os.Args[0], "-test.run=^TestKillChild$", "-test.v")
	cmd.Env = append(os.Environ(), "BUNDLE_KILL_DB="+db, "BUNDLE_KILL_OUT="+out, "BUNDLE_KILL_BATCH="+batchID)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := bufio.NewScanner(stdout)
	killed := false
	for lines.Scan() {
		var done, total int
		if n, _ := fmt.Sscanf(lines.Text(), "progress %d/%d", &done, &total); n == 2 && done >= total/2 {
			cmd.Process.Kill() // SIGKILL: no deferred cleanup runs
			killed = true
			break
		}
		if strings.HasPrefix(lines.Text(), "finished") {
			t.Fatalf("the child finished before it could be killed: %s", lines.Text())
		}
	}
	cmd.Wait()
	if !killed {
		t.Fatal("the child never reported progress")
	}

	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Fatalf("a killed export left %s (%v)", out, err)
	}
	temps, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".上报包.zip.*.tmp"))
	if len(temps) != 1 {
		t.Errorf("expected the killed export's hidden temporary file, found %v", temps)
	}
	if after := readDB(t, db, batchID); !reflect.DeepEqual(before, after) {
		t.Errorf("the database changed:\nbefore %+v\nafter  %+v", before.Batches, after.Batches)
	}

	// Once the user exports again, the bundle is complete.
	m, err := exportFromDB(db, batchID, out, Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res, err := Verify(out); err != nil || !res.OK() || m.Counts.People != 15 {
		t.Fatalf("export after the kill: %v %v", err, res.Problems)
	}
}
