//go:build !unix

package harness

const cpuTimeSupported = false

// processCPU is not measured on this platform; only wall-clock times are
// reported.
func processCPU() float64 { return 0 }
