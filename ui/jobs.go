package ui

import (
	"sync"
)

// jobs runs heavy work (import, export, PDF batches) off the UI goroutine so
// the window never freezes. Work reports back to widgets only through
// fyne.Do; wait lets shutdown block until every job has ended.
//
// On Fyne's test driver fyne.Do runs its function at once on the calling
// goroutine, so concurrent jobs would touch widgets concurrently; tests set
// inline, which runs each job to completion on the caller's goroutine.
type jobs struct {
	wg     sync.WaitGroup
	inline bool
}

// run starts work on its own goroutine (or runs it now when inline).
func (j *jobs) run(work func()) {
	if j.inline {
		work()
		return
	}
	j.wg.Add(1)
	go func() {
		defer j.wg.Done()
		work()
	}()
}

// wait blocks until all started jobs have finished.
func (j *jobs) wait() { j.wg.Wait() }
