package main

import (
	"syscall"
	"unsafe"
)

// defaultSIGINT sets SIGINT's disposition to SIG_DFL, as CPython does
// before it kills itself with SIGINT after an uncaught KeyboardInterrupt:
// signal.Reset only restores the disposition the process started with,
// which is SIG_IGN for a child of a shell's background job, and the kill
// would then be ignored.
func defaultSIGINT() {
	// struct kernel_sigaction: handler (SIG_DFL is 0), flags, restorer,
	// mask.
	var act [4]uint64
	syscall.RawSyscall6(syscall.SYS_RT_SIGACTION, uintptr(syscall.SIGINT), uintptr(unsafe.Pointer(&act)), 0, 8, 0, 0)
}
