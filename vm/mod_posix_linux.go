//go:build linux

package vm

import "syscall"

// statTimes returns a stat's access, modification and change times in
// nanoseconds.
func statTimes(st *syscall.Stat_t, fi interface{ Name() string }) (int64, int64, int64) {
	return st.Atim.Nano(), st.Mtim.Nano(), st.Ctim.Nano()
}

// posixUname is uname(): sysname, nodename, release, version, machine.
func posixUname() [5]string {
	vals := [5]string{"Linux", "localhost", "", "", "x86_64"}
	var u syscall.Utsname
	if err := syscall.Uname(&u); err == nil {
		for i, f := range [][65]int8{u.Sysname, u.Nodename, u.Release, u.Version, u.Machine} {
			var b []byte
			for _, c := range f {
				if c == 0 {
					break
				}
				b = append(b, byte(c))
			}
			vals[i] = string(b)
		}
	}
	return vals
}

// posixTimes is times(): user, system, children's user and system, and
// elapsed seconds.
func posixTimes() (float64, float64, float64, float64, float64) {
	var tms syscall.Tms
	ticks, _ := syscall.Times(&tms)
	const hz = 100.0
	return float64(tms.Utime) / hz, float64(tms.Stime) / hz, float64(tms.Cutime) / hz, float64(tms.Cstime) / hz, float64(ticks) / hz
}
