//go:build unix

package harness

import "syscall"

const cpuTimeSupported = true

// processCPU returns the CPU time (user and system) this process has used,
// in seconds, over all its threads (so GC work on other cores is counted).
func processCPU() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}
