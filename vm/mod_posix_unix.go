//go:build unix && !linux

package vm

import (
	"runtime"
	"syscall"
	"time"
)

// statTimes returns a stat's access, modification and change times in
// nanoseconds (the modification time for all three here).
func statTimes(st *syscall.Stat_t, fi interface{ ModTime() time.Time }) (int64, int64, int64) {
	m := fi.ModTime().UnixNano()
	return m, m, m
}

func posixUname() [5]string {
	return [5]string{runtime.GOOS, "localhost", "", "", runtime.GOARCH}
}

func posixTimes() (float64, float64, float64, float64, float64) {
	el := time.Since(posixStartTime).Seconds()
	return el, 0, 0, 0, el
}
