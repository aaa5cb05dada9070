//go:build !linux

package main

// defaultSIGINT does nothing where the process cannot set SIG_DFL itself.
func defaultSIGINT() {}
