package vm

import (
	"fmt"
	"sync"
	"syscall"
)

// The _signal module (Modules/signalmodule.c) that signal.py wraps. The
// handlers are remembered per interpreter; raise_signal runs a Python
// handler at once, as CPython does, and SIGINT (Interp.Interrupt) runs the
// handler installed for it. There are no timers: alarm and setitimer never
// fire. A signal whose default action ends the process ends the program
// with SystemExit(128 + signal number) instead.

// Linux's numbers.
var signalNumbers = map[string]int{
	"SIGHUP": 1, "SIGINT": 2, "SIGQUIT": 3, "SIGILL": 4, "SIGTRAP": 5, "SIGABRT": 6, "SIGIOT": 6, "SIGBUS": 7,
	"SIGFPE": 8, "SIGKILL": 9, "SIGUSR1": 10, "SIGSEGV": 11, "SIGUSR2": 12, "SIGPIPE": 13, "SIGALRM": 14,
	"SIGTERM": 15, "SIGSTKFLT": 16, "SIGCHLD": 17, "SIGCLD": 17, "SIGCONT": 18, "SIGSTOP": 19, "SIGTSTP": 20,
	"SIGTTIN": 21, "SIGTTOU": 22, "SIGURG": 23, "SIGXCPU": 24, "SIGXFSZ": 25, "SIGVTALRM": 26, "SIGPROF": 27,
	"SIGWINCH": 28, "SIGIO": 29, "SIGPOLL": 29, "SIGPWR": 30, "SIGSYS": 31, "SIGRTMIN": 34, "SIGRTMAX": 64,
}

// glibc's strsignal descriptions.
var signalDescriptions = [...]string{1: "Hangup", "Interrupt", "Quit", "Illegal instruction", "Trace/breakpoint trap",
	"Aborted", "Bus error", "Floating point exception", "Killed", "User defined signal 1", "Segmentation fault",
	"User defined signal 2", "Broken pipe", "Alarm clock", "Terminated", "Stack fault", "Child exited", "Continued",
	"Stopped (signal)", "Stopped", "Stopped (tty input)", "Stopped (tty output)", "Urgent I/O condition",
	"CPU time limit exceeded", "File size limit exceeded", "Virtual timer expired", "Profiling timer expired",
	"Window changed", "I/O possible", "Power failure", "Bad system call"}

const signalNSIG = 65

var (
	itimerErrorType *Type
	itimerOnce      sync.Once
	signalSpec      = ArgSpec{Name: "signal", Params: []string{"signalnum", "handler"}, PosOnly: 2, Required: 2}
)

// signalState is the handler table of an interpreter.
type signalState struct {
	handlers   [signalNSIG]Value
	defaultInt Value
	wakeupFd   int
}

func (t *Thread) signals() *signalState {
	st := t.std()
	if st.signals == nil {
		s := &signalState{wakeupFd: -1}
		for i := range s.handlers {
			s.handlers[i] = Int(0) // SIG_DFL
		}
		s.handlers[13] = Int(1) // SIGPIPE and SIGXFSZ are ignored
		s.handlers[25] = Int(1)
		st.signals = s
	}
	return st.signals
}

func init() {
	RegisterModule("_signal", initSignalModule)
}

// signalNum converts a signal number argument and checks its range.
func signalNum(t *Thread, v Value) (int, error) {
	n, err := intArg32(t, v)
	if err != nil {
		return 0, err
	}
	if n < 1 || n >= signalNSIG {
		return 0, t.valueErrorf("signal number out of range")
	}
	return n, nil
}

func initSignalModule(t *Thread, m *Module) error {
	itimerOnce.Do(func() {
		itimerErrorType = moduleExceptionType("signal", "itimer_error", OSErrorType)
	})
	st := t.signals()
	m.Set("__doc__", NewStrValue("This module provides mechanisms to use signal handlers in Python.\n\nFunctions:\n\nalarm() -- cause SIGALRM after a specified time [Unix only]\nsetitimer() -- cause a signal (described below) after a specified\n               float time and the timer may restart then [Unix only]\ngetitimer() -- get current value of timer [Unix only]\nsignal() -- set the action for a given signal\ngetsignal() -- get the signal action for a given signal\npause() -- wait until a signal arrives [Unix only]\ndefault_int_handler() -- default SIGINT handler\n\nsignal constants:\nSIG_DFL -- used to refer to the system default handler\nSIG_IGN -- used to ignore the signal\nNSIG -- number of defined signals\nSIGINT, SIGTERM, etc. -- signal numbers\n\nitimer constants:\nITIMER_REAL -- decrements in real time, and delivers SIGALRM upon\n               expiration\nITIMER_VIRTUAL -- decrements only when the process is executing,\n               and delivers SIGVTALRM upon expiration\nITIMER_PROF -- decrements both when the process is executing and\n               when the system is executing on behalf of the process.\n               Coupled with ITIMER_VIRTUAL, this timer is usually\n               used to profile the time spent by the application\n               in user and kernel space. SIGPROF is delivered upon\n               expiration.\n\n\n*** IMPORTANT NOTICE ***\nA signal handler function is called with two arguments:\nthe first is the signal number, the second is the interrupted stack frame."))
	for name, n := range signalNumbers {
		m.Set(name, Int(int64(n)))
	}
	for name, n := range map[string]int64{"SIG_DFL": 0, "SIG_IGN": 1, "NSIG": signalNSIG, "SIG_BLOCK": 0, "SIG_UNBLOCK": 1,
		"SIG_SETMASK": 2, "ITIMER_REAL": 0, "ITIMER_VIRTUAL": 1, "ITIMER_PROF": 2} {
		m.Set(name, Int(n))
	}
	m.Set("ItimerError", Value{o: itimerErrorType})
	dih := NewBuiltin("default_int_handler", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return Null, NewException(KeyboardInterruptType)
	})
	dih.doc = "The default handler for SIGINT installed by Python.\n\nIt raises KeyboardInterrupt."
	dih.module = "_signal"
	dih.self = Value{o: m}
	st.defaultInt = Value{o: dih}
	if st.handlers[2].IsIntLike() {
		st.handlers[2] = st.defaultInt
	}
	m.Set("default_int_handler", st.defaultInt)

	m.AddFunc("signal", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		var a [2]Value
		if err := clinicArgs(t, &signalSpec, args, kw, a[:]); err != nil {
			return Null, err
		}
		n, err := signalNum(t, a[0])
		if err != nil {
			return Null, err
		}
		h := a[1]
		if !isCallable(h) {
			ok := false
			if h.IsIntLike() {
				if i, isSmall := smallIntOf(h); isSmall && (i == 0 || i == 1) {
					ok = true
					h = Int(int64(i))
				}
			}
			if !ok {
				return Null, t.typeErrorf("signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object")
			}
		}
		if n == 9 || n == 19 {
			return Null, t.osError(syscall.EINVAL, "")
		}
		old := st.handlers[n]
		st.handlers[n] = h
		return old, nil
	})
	m.AddFunc("getsignal", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := oneArg(t, "getsignal", args, kw); err != nil {
			return Null, err
		}
		n, err := signalNum(t, args[0])
		if err != nil {
			return Null, err
		}
		return st.handlers[n], nil
	})
	m.AddFunc("raise_signal", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := oneArg(t, "raise_signal", args, kw); err != nil {
			return Null, err
		}
		n, err := intArg32(t, args[0])
		if err != nil {
			return Null, err
		}
		if n < 0 || n >= signalNSIG {
			return Null, t.osError(syscall.EINVAL, "")
		}
		if n == 0 {
			return None, nil
		}
		return None, t.deliverSignal(n)
	})
	m.AddFunc("strsignal", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := oneArg(t, "strsignal", args, kw); err != nil {
			return Null, err
		}
		n, err := signalNum(t, args[0])
		if err != nil {
			return Null, err
		}
		switch {
		case n < len(signalDescriptions):
			return NewStrValue(signalDescriptions[n]), nil
		case n >= 34:
			return NewStrValue(fmt.Sprintf("Real-time signal %d", n-34)), nil
		}
		return None, nil
	})
	m.AddFunc("valid_signals", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := noArgs(t, "valid_signals", args, kw); err != nil {
			return Null, err
		}
		s := NewSet()
		for i := 1; i < signalNSIG; i++ {
			if i != 32 && i != 33 {
				s.Add(t, Int(int64(i)))
			}
		}
		return Value{o: s}, nil
	})
	m.AddFunc("alarm", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := oneArg(t, "alarm", args, kw); err != nil {
			return Null, err
		}
		if _, err := intArg32(t, args[0]); err != nil {
			return Null, err
		}
		return Int(0), nil
	})
	m.AddFunc("pause", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := noArgs(t, "pause", args, kw); err != nil {
			return Null, err
		}
		return Null, t.raise(NotImplementedErrorType, "peephole has no signals to wait for (signal.pause)")
	})
	m.AddFunc("set_wakeup_fd", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if len(args)-len(kw) != 1 {
			return Null, t.typeErrorf("set_wakeup_fd() takes exactly 1 positional argument (%d given)", len(args)-len(kw))
		}
		fd, err := intArg32(t, args[0])
		if err != nil {
			return Null, err
		}
		old := st.wakeupFd
		st.wakeupFd = fd
		return Int(int64(old)), nil
	})
	m.AddFunc("siginterrupt", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := checkPositional(t, "siginterrupt", args, kw, 2, 2); err != nil {
			return Null, err
		}
		if _, err := signalNum(t, args[0]); err != nil {
			return Null, err
		}
		return None, nil
	})
	timer := func(name string, lo, hi int) {
		m.AddFunc(name, func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := checkPositional(t, name, args, kw, lo, hi); err != nil {
				return Null, err
			}
			if _, err := intArg32(t, args[0]); err != nil {
				return Null, err
			}
			return Value{o: NewTuple(Float(0), Float(0))}, nil
		})
	}
	timer("getitimer", 1, 1)
	timer("setitimer", 2, 3)
	m.AddFunc("pthread_sigmask", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := checkPositional(t, "pthread_sigmask", args, kw, 2, 2); err != nil {
			return Null, err
		}
		return Value{o: NewSet()}, nil
	})
	m.AddFunc("sigpending", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := noArgs(t, "sigpending", args, kw); err != nil {
			return Null, err
		}
		return Value{o: NewSet()}, nil
	})
	m.AddFunc("pthread_kill", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := checkPositional(t, "pthread_kill", args, kw, 2, 2); err != nil {
			return Null, err
		}
		n, err := intArg32(t, args[1])
		if err != nil {
			return Null, err
		}
		if n < 0 || n >= signalNSIG {
			return Null, t.osError(syscall.EINVAL, "")
		}
		if n == 0 {
			return None, nil
		}
		return None, t.deliverSignal(n)
	})
	return nil
}

// deliverSignal acts on signal n as its handler says: a Python handler
// is called with the number and the current frame.
func (t *Thread) deliverSignal(n int) error {
	st := t.signals()
	h := st.handlers[n]
	if isCallable(h) {
		frame := None
		if f := t.frame; f != nil {
			f.escape()
			frame = Value{o: f}
		}
		_, err := t.Call(h, []Value{Int(int64(n)), frame}, nil)
		return err
	}
	if i, _ := smallIntOf(h); i == 1 {
		return nil
	}
	switch n {
	case 17, 18, 23, 28: // ignored by default
		return nil
	case 2:
		return NewException(KeyboardInterruptType)
	}
	return NewException(SystemExitType, Int(int64(128+n)))
}

// onSIGINT is what an interrupt (Interp.Interrupt) raises: the SIGINT
// handler's doing, KeyboardInterrupt by default.
func (t *Thread) onSIGINT() error {
	st := t.std()
	if st.signals == nil {
		return NewException(KeyboardInterruptType)
	}
	return t.deliverSignal(2)
}
