package store

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"go.etcd.io/bbolt"
)

// Environment of the crash test's child process.
const (
	crashDBEnv    = "CHUDING_STORE_CRASH_DB"
	crashBatchEnv = "CHUDING_STORE_CRASH_BATCH"
)

// TestHelperWriter is not a test on its own: TestCrashKeepsCommittedPeople
// runs the test binary again with only this function and the database path
// in the environment. It adds people one transaction at a time, after those
// already there, and prints "committed N" (the batch's new total) after each
// commit returns, until it is killed.
func TestHelperWriter(t *testing.T) {
	path := os.Getenv(crashDBEnv)
	if path == "" {
		t.Skip("helper process for TestCrashKeepsCommittedPeople")
	}
	opt := testOptions()
	opt.NoBackup = true
	s, err := Open(path, opt)
	if err != nil {
		fmt.Println("open failed:", err)
		os.Exit(2)
	}
	batch := os.Getenv(crashBatchEnv)
	have, err := s.People(batch)
	if err != nil {
		fmt.Println("read failed:", err)
		os.Exit(2)
	}
	for i := len(have); ; i++ {
		if err := s.AddPerson(batch, makePerson(i)); err != nil {
			fmt.Println("add failed:", err)
			os.Exit(3)
		}
		fmt.Printf("committed %d\n", i+1) // os.Stdout is unbuffered
	}
}

// TestCrashKeepsCommittedPeople kills a writing process with SIGKILL (no
// deferred code, no flush) several times at arbitrary moments, and checks
// after each kill that every person it reported committed is intact and
// that tx.Check finds the file consistent.
func TestCrashKeepsCommittedPeople(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns child processes")
	}
	path := filepath.Join(t.TempDir(), "chuding.db")
	s := openAt(t, path, testOptions())
	batch := newBatch(t, s, "2025年上半年")
	s.Close()
	for round, wait := range []time.Duration{0, 3 * time.Millisecond, 11 * time.Millisecond} {
		committed := runAndKillWriter(t, path, batch, wait)
		t.Logf("round %d: child killed after reporting %d people committed", round+1, committed)
		checkAfterCrash(t, path, batch, committed)
	}
}

// runAndKillWriter starts the writer, lets it commit at least 50 more
// people, then kills it wait later, while it keeps writing. It returns the
// highest total the writer reported.
func runAndKillWriter(t *testing.T, path, batch string, wait time.Duration) int {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperWriter$")
	cmd.Env = append(os.Environ(), crashDBEnv+"="+path, crashBatchEnv+"="+batch)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Wait()
	defer cmd.Process.Kill() // on a failed round too

	lines := make(chan string)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	committed, first := 0, -1
	timeout := time.After(30 * time.Second)
	var kill <-chan time.Time
	for {
		select {
		case line, ok := <-lines:
			if !ok {
				if kill != nil { // killed (or about to be): all reports read
					return committed
				}
				t.Fatalf("child stopped on its own after reporting %d", committed)
			}
			n, err := strconv.Atoi(strings.TrimPrefix(line, "committed "))
			if err != nil {
				t.Fatalf("child said %q", line)
			}
			if first < 0 {
				first = n
			}
			committed = n
			if kill == nil && committed-first >= 50 {
				kill = time.After(wait)
			}
		case <-kill:
			if err := cmd.Process.Kill(); err != nil {
				t.Fatal(err)
			}
			kill = make(chan time.Time) // never again; drain the reports already on their way
		case <-timeout:
			t.Fatalf("child reported only %d in 30s", committed)
		}
	}
}

func checkAfterCrash(t *testing.T, path, batch string, committed int) {
	t.Helper()
	s := openAt(t, path, testOptions()) // Open runs tx.Check too
	defer s.Close()
	var problems []error
	s.db.View(func(tx *bbolt.Tx) error {
		for err := range tx.Check() {
			problems = append(problems, err)
		}
		return nil
	})
	if len(problems) > 0 {
		t.Fatalf("tx.Check after the crash: %v", problems)
	}
	people, err := s.People(batch)
	if err != nil {
		t.Fatal(err)
	}
	// Every reported commit is there; at most the one in flight is extra.
	if len(people) < committed || len(people) > committed+1 {
		t.Fatalf("%d people after the crash, child reported %d", len(people), committed)
	}
	for i, p := range people {
		if want := makePerson(i); !reflect.DeepEqual(p, want) {
			t.Fatalf("person %d damaged:\n got %+v\nwant %+v", i+1, p, want)
		}
	}
}
