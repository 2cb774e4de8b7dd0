package ui

import (
	"sync"
)

// jobs runs heavy work (import, export, PDF batches) off the UI goroutine so
// the window never freezes. Work reports back to widgets only through
// fyne.Do; wait lets tests (and shutdown) block until every job has ended.
type jobs struct {
	wg sync.WaitGroup
}

// run starts work on its own goroutine.
func (j *jobs) run(work func()) {
	j.wg.Add(1)
	go func() {
		defer j.wg.Done()
		work()
	}()
}

// wait blocks until all started jobs have finished.
func (j *jobs) wait() { j.wg.Wait() }
