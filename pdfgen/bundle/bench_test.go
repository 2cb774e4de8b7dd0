package bundle

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"chuding/model"
	"chuding/model/rules"
)

// generated is an attachment source that makes each scan's bytes when
// asked (as a database hands out a copy), so the benchmark's own data does
// not count towards the export's memory.
type generated struct {
	mu    sync.Mutex
	scans map[string][2]int // SHA-256 → seed, size
}

func (g *generated) add(material string, seed, size int) model.Attachment {
	data := fakeScan(seed, size)
	sum := sha256.Sum256(data)
	sha := hex.EncodeToString(sum[:])
	g.mu.Lock()
	g.scans[sha] = [2]int{seed, size}
	g.mu.Unlock()
	return model.Attachment{Material: material, Name: material + ".pdf", SHA256: sha, Size: int64(size), MIME: "application/pdf"}
}

func (g *generated) get(sha string) ([]byte, error) {
	g.mu.Lock()
	s, ok := g.scans[sha]
	g.mu.Unlock()
	if !ok {
		return nil, fmt.Errorf("no scan %s", sha)
	}
	return fakeScan(s[0], s[1]), nil
}

// benchInput is n people (the sample's eligible three, repeated with their
// own ID numbers) with two 1 MB scans each and the remaining required
// materials at 100 KB, so the bundle passes pre-flight.
func benchInput(b *testing.B, n int) Input {
	in, _ := eligibleInput(b)
	g := &generated{scans: map[string][2]int{}}
	people := make([]model.Person, n)
	for i := range people {
		p := in.People[i%len(in.People)]
		p.IDNumber = idNumber(p.IDNumber[:6], p.IDNumber[6:14], i+1)
		p.Attachments = nil
		big := 0
		for j, m := range rules.Evaluate(&p, &in.Batch.Policy).Materials {
			if m.Code == rules.MaterialForm {
				continue
			}
			size := 100 << 10
			if big < 2 {
				size, big = 1<<20, big+1
			}
			p.Attachments = append(p.Attachments, g.add(m.Code, i*10+j, size))
		}
		people[i] = p
	}
	in.People, in.Attachment = people, g.get
	return in
}

// peakMemory samples the Go runtime's total mapped memory every 5 ms until
// stopped, and returns the highest value seen in MB.
func peakMemory() (stop func() float64) {
	sample := []metrics.Sample{{Name: "/memory/classes/total:bytes"}}
	var peak atomic.Uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(sample)
			if v := sample[0].Value.Uint64(); v > peak.Load() {
				peak.Store(v)
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() float64 {
		close(done)
		wg.Wait()
		return float64(peak.Load()) / (1 << 20)
	}
}

// BenchmarkWrite exports 50, 100 and 200 people. Run with -benchtime=1x:
//
//	go test -tags migrated_fynedo -run '^$' -bench Write -benchtime=1x ./pdfgen/bundle/
func BenchmarkWrite(b *testing.B) {
	for _, n := range []int{50, 100, 200} {
		b.Run(fmt.Sprintf("people=%d", n), func(b *testing.B) {
			in := benchInput(b, n)
			path := filepath.Join(b.TempDir(), "上报包.zip")
			runtime.GC()
			stop := peakMemory()
			cpu0 := cpuTime()
			b.ResetTimer()
			var m Manifest
			for range b.N {
				var err error
				if m, err = Write(context.Background(), in, path, Options{}, nil); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
			b.ReportMetric(stop(), "peak-MB")
			st, _ := os.Stat(path)
			b.ReportMetric(float64(st.Size())/(1<<20), "zip-MB")
			b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N)/float64(n), "ms/person")
			if m.Counts.People != n {
				b.Fatalf("%d people in the bundle", m.Counts.People)
			}
		})
	}
}

// BenchmarkVerify re-checks a 100-person bundle.
func BenchmarkVerify(b *testing.B) {
	in := benchInput(b, 100)
	path := filepath.Join(b.TempDir(), "上报包.zip")
	if _, err := Write(context.Background(), in, path, Options{}, nil); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for range b.N {
		if res, err := Verify(path); err != nil || !res.OK() {
			b.Fatal(err, res.Problems)
		}
	}
}
