//go:build !linux

package vm

import (
	"os"
	"syscall"
)

// statvfsOf is not written for this system: statvfs raises ENOSYS.
func statvfsOf(path string, f *os.File) ([]uint64, error) { return nil, syscall.ENOSYS }
