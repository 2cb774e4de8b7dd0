//go:build unix

package bundle

import (
	"syscall"
	"time"
)

// cpuTime is the user+system CPU time the process has used so far, to
// report benchmarks in CPU as well as wall time on a shared machine.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
