package bundle

import (
	"context"
	"fmt"
	"strings"
	"sync"
)

// entry is one file of the archive: how to make its bytes (on a worker)
// and how to store it.
type entry struct {
	path    string
	deflate bool                   // compress: only the JSON; scans, PDFs and the xlsx are compressed already
	make    func() ([]byte, error) // PDF generation or reading a scan
	want    string                 // expected SHA-256 of a scan; "" for generated files
	// inline entries are made by the writer when their turn comes rather
	// than ahead of time by a worker: scans are quick to read but large,
	// so only one is ever held, and the look-ahead window is left to the
	// PDFs, which are slow to make but small.
	inline bool
}

// made is an entry's bytes with their SHA-256, or why they could not be made.
type made struct {
	data []byte
	sum  string
	err  error
}

func (e entry) run() (m made) {
	defer func() {
		if r := recover(); r != nil { // a layout bug must not take the app down
			m = made{err: fmt.Errorf("生成“%s”时出错（程序缺陷，请报告）：%v", e.path, r)}
		}
	}()
	data, err := e.make()
	if err != nil {
		return made{err: err}
	}
	sum := sumHex(data)
	if e.want != "" && sum != strings.ToLower(strings.TrimSpace(e.want)) {
		return made{err: fmt.Errorf("“%s”的内容与登记的SHA-256不符（登记 %.12s…，实际 %.12s…）：数据库中的扫描件可能已损坏，请重新添加该扫描件",
			e.path, e.want, sum)}
	}
	return made{data: data, sum: sum}
}

// produce makes the entries and hands them to emit strictly in order, on
// the calling goroutine. Entries that are not inline are made ahead on a
// pool of workers, at most lookahead×workers of them in flight or waiting,
// so memory stays bounded whatever the batch size. It stops at the first
// error or when ctx is cancelled, and returns only after every worker has
// finished (none touches Input afterwards).
func produce(ctx context.Context, entries []entry, workers int, emit func(i int, m made) error) error {
	ctx, cancel := context.WithCancel(ctx)
	slots := make([]chan made, len(entries))
	var ahead []int
	for i, e := range entries {
		if !e.inline {
			slots[i] = make(chan made, 1)
			ahead = append(ahead, i)
		}
	}
	jobs := make(chan int)
	window := make(chan struct{}, lookahead*workers)
	var wg sync.WaitGroup
	defer func() {
		cancel()
		wg.Wait()
	}()

	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(jobs)
		for _, i := range ahead {
			select {
			case window <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				slots[i] <- entries[i].run()
			}
		}()
	}

	for i, e := range entries {
		var m made
		if e.inline {
			if err := ctx.Err(); err != nil {
				return err
			}
			m = e.run()
		} else {
			select {
			case m = <-slots[i]:
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		if m.err != nil {
			return m.err
		}
		if err := emit(i, m); err != nil {
			return err
		}
		if !e.inline {
			<-window
		}
	}
	return nil
}

// lookahead is how many generated files per worker may wait for the
// writer. Generated files are 50–150 KB (the roster of a large batch a few
// MB), so even a deep window costs little memory, and it keeps the workers
// busy while the writer copies a person's scans.
const lookahead = 8
