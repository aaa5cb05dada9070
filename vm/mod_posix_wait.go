package vm

import "syscall"

// The process-status functions of posix that subprocess binds at import
// (os.waitpid, os.WIFSTOPPED, ...). The VM starts no processes, so
// waitpid and wait always find no child (ChildProcessError, as CPython
// reports with no children); the W* functions decode a status as
// CPython's macros do.

func addPosixWait(m *Module) {
	noChild := func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return Null, t.osError(syscall.ECHILD, "")
	}
	m.AddFunc("waitpid", noChild)
	m.AddFunc("wait", noChild)
	status := func(name string, f func(ws syscall.WaitStatus) Value) {
		m.AddFunc(name, func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, name, args, kw); err != nil {
				return Null, err
			}
			n, err := AsSize(t, args[0], OverflowErrorType)
			if err != nil {
				return Null, err
			}
			return f(syscall.WaitStatus(n)), nil
		})
	}
	status("WIFSTOPPED", func(ws syscall.WaitStatus) Value { return Bool(ws.Stopped()) })
	status("WIFSIGNALED", func(ws syscall.WaitStatus) Value { return Bool(ws.Signaled()) })
	status("WIFEXITED", func(ws syscall.WaitStatus) Value { return Bool(ws.Exited()) })
	status("WIFCONTINUED", func(ws syscall.WaitStatus) Value { return Bool(ws.Continued()) })
	status("WCOREDUMP", func(ws syscall.WaitStatus) Value { return Bool(ws.CoreDump()) })
	status("WEXITSTATUS", func(ws syscall.WaitStatus) Value { return Int(int64(uint32(ws)>>8) & 0xff) })
	status("WSTOPSIG", func(ws syscall.WaitStatus) Value { return Int(int64(uint32(ws)>>8) & 0xff) })
	status("WTERMSIG", func(ws syscall.WaitStatus) Value { return Int(int64(uint32(ws) & 0x7f)) })
}
