package vm

import (
	"fmt"
	"math"
	"math/big"
	"time"
)

// The _thread module: locks, RLock, thread-local data and threads.
//
// Threads are cooperative here. Each Python thread runs on its own
// goroutine with its own Thread state, but only the one that holds the
// baton runs; it passes the baton on only when it blocks (acquiring a
// held lock, sleeping, joining) or finishes. CPython switches threads
// every few milliseconds as well, so programs whose output does not
// depend on that timing (the ones whose output CPython itself makes
// deterministic, by locks, events, queues and joins) print the same, and
// since one goroutine runs at a time the VM needs no locking. A thread
// that never blocks keeps the others waiting until it ends; when every
// thread waits for another with no timeout, the run stops (CPython would
// hang).

// pyThread is one Python thread.
type pyThread struct {
	t        *Thread
	ident    int64
	wake     chan struct{}
	waitFor  func() bool // nil when runnable
	deadline time.Time   // of a timed wait; zero when none
	done     bool
	daemon   bool
	handle   *threadHandle
}

// threadSched is the scheduler of an interpreter's threads.
type threadSched struct {
	threads  []*pyThread // live threads, main first
	byThread map[*Thread]*pyThread
	next     int64
	// abort is the error that stopped a thread for a reason outside the
	// program; every thread then stops with it.
	abort error
}

const mainThreadIdent = 139800000000000

func (t *Thread) sched() *threadSched {
	std := t.std()
	if std.sched == nil {
		s := &threadSched{byThread: map[*Thread]*pyThread{}, next: mainThreadIdent}
		main := &pyThread{t: t.interp.main, ident: mainThreadIdent, wake: make(chan struct{}, 1)}
		s.threads = []*pyThread{main}
		s.byThread[main.t] = main
		std.sched = s
	}
	return std.sched
}

// current returns the pyThread of t.
func (s *threadSched) current(t *Thread) *pyThread {
	if p := s.byThread[t]; p != nil {
		return p
	}
	// A Thread the scheduler has not seen (an embedder's): treat it as
	// the main thread.
	return s.threads[0]
}

// runnable reports whether p may run now.
func (p *pyThread) runnable(now time.Time) bool {
	if p.done {
		return false
	}
	if p.waitFor == nil || p.waitFor() {
		return true
	}
	return !p.deadline.IsZero() && !now.Before(p.deadline)
}

// pick returns the next thread to run after cur (round robin), or nil.
func (s *threadSched) pick(cur *pyThread, now time.Time) *pyThread {
	start := 0
	for i, p := range s.threads {
		if p == cur {
			start = i + 1
			break
		}
	}
	n := len(s.threads)
	for k := 0; k < n; k++ {
		p := s.threads[(start+k)%n]
		if p.runnable(now) {
			return p
		}
	}
	return nil
}

// earliestDeadline returns the nearest deadline of a waiting thread.
func (s *threadSched) earliestDeadline() (time.Time, bool) {
	var best time.Time
	for _, p := range s.threads {
		if !p.done && p.waitFor != nil && !p.deadline.IsZero() && (best.IsZero() || p.deadline.Before(best)) {
			best = p.deadline
		}
	}
	return best, !best.IsZero()
}

// block makes the current thread wait until cond holds or the deadline
// (if not zero) passes, running the other threads meanwhile. It reports
// whether cond held.
func (t *Thread) block(cond func() bool, deadline time.Time) (bool, error) {
	if cond() {
		return true, nil
	}
	s := t.sched()
	cur := s.current(t)
	cur.waitFor, cur.deadline = cond, deadline
	defer func() { cur.waitFor, cur.deadline = nil, time.Time{} }()
	for {
		if s.abort != nil {
			return false, s.abort
		}
		now := time.Now()
		next := s.pick(cur, now)
		if next == cur {
			return cond(), nil
		}
		if next == nil {
			if err := s.sleepUntilDeadline(t); err != nil {
				return false, err
			}
			continue
		}
		next.wake <- struct{}{}
		<-cur.wake
		// Woken with the baton: run if able rather than passing it on
		// (two runnable waiters would otherwise hand it to each other
		// forever).
		if s.abort == nil && cur.runnable(time.Now()) {
			return cond(), nil
		}
	}
}

// sleepUntilDeadline sleeps until the nearest deadline of a waiting
// thread, watching the run's limits; with no deadline every thread waits
// for another forever.
func (s *threadSched) sleepUntilDeadline(t *Thread) error {
	d, ok := s.earliestDeadline()
	if !ok {
		return &Abort{Reason: "deadlock: every thread is waiting for another"}
	}
	for {
		left := time.Until(d)
		if left <= 0 {
			return nil
		}
		time.Sleep(min(left, 20*time.Millisecond))
		if err := t.checkLimits(); err != nil {
			return err
		}
	}
}

// sleep is time.sleep: with other threads it lets them run meanwhile.
func (t *Thread) sleep(d time.Duration) error {
	if std := t.interp.std; std != nil && std.sched != nil && len(std.sched.threads) > 1 {
		_, err := t.block(func() bool { return false }, time.Now().Add(d))
		return err
	}
	deadline := time.Now().Add(d)
	for {
		left := time.Until(deadline)
		if left <= 0 {
			return nil
		}
		time.Sleep(min(left, 20*time.Millisecond))
		if err := t.checkLimits(); err != nil {
			return err
		}
	}
}

// startThread starts fn(*args, **kwargs) in a new thread; it runs when
// the current thread next blocks.
func (t *Thread) startThread(fn Value, args []Value, kwnames []*Str, daemon bool, handle *threadHandle, reportErrors bool) *pyThread {
	s := t.sched()
	s.next++
	nt := &Thread{interp: t.interp}
	p := &pyThread{t: nt, ident: s.next, wake: make(chan struct{}, 1), daemon: daemon, handle: handle}
	if handle != nil {
		handle.ident = p.ident
		handle.thread = p
	}
	s.threads = append(s.threads, p)
	s.byThread[nt] = p
	go func() {
		<-p.wake
		if s.abort == nil {
			_, err := nt.Call(fn, args, kwnames)
			if err != nil {
				if _, ok := err.(*Abort); ok {
					s.abort = err
				} else if e := asException(err); e != nil && !e.cls.IsSubtype(SystemExitType) && reportErrors {
					nt.writeStderr(fmt.Sprintf("Exception ignored in thread started by: %s\n", reprOrType(nt, fn)))
					if tb := e.cls.Name; tb != "" {
						msg, _ := StrOf(nt, Value{o: e})
						line := tb
						if msg != nil && msg.s != "" {
							line += ": " + msg.s
						}
						nt.writeStderr(line + "\n")
					}
				}
			}
		}
		p.done = true
		if handle != nil {
			handle.done = true
		}
		for i, q := range s.threads {
			if q == p {
				s.threads = append(s.threads[:i:i], s.threads[i+1:]...)
				break
			}
		}
		delete(s.byThread, nt)
		// Pass the baton on.
		for {
			next := s.pick(nil, time.Now())
			if next != nil {
				next.wake <- struct{}{}
				return
			}
			if err := s.sleepUntilDeadline(nt); err != nil {
				s.abort = err
				// Wake the main thread so that it sees the abort.
				s.threads[0].wake <- struct{}{}
				return
			}
		}
	}()
	return p
}

// shutdownThreads waits for the non-daemon threads (threading._shutdown
// calls it through _thread._shutdown).
func (t *Thread) shutdownThreads() error {
	std := t.interp.std
	if std == nil || std.sched == nil {
		return nil
	}
	s := std.sched
	_, err := t.block(func() bool {
		for _, p := range s.threads[1:] {
			if !p.daemon && !p.done {
				return false
			}
		}
		return true
	}, time.Time{})
	return err
}

// threadLock is a _thread.lock.
type threadLock struct {
	ObjectBase
	locked bool
}

// threadRLock is a _thread.RLock.
type threadRLock struct {
	ObjectBase
	owner int64
	count int
}

// threadHandle is a _thread._ThreadHandle.
type threadHandle struct {
	ObjectBase
	ident  int64
	thread *pyThread
	done   bool
}

// threadLocal is a _thread._local: its attributes are per thread.
type threadLocal struct {
	ObjectBase
	dicts  map[*Thread]*Dict
	args   []Value
	kwargs []*Str
}

var (
	threadLockType   = nativeType("_thread", "lock", nil, 0)
	threadRLockType  = nativeType("_thread", "RLock", nil, FlagBaseType)
	threadHandleType = nativeType("_thread", "_ThreadHandle", nil, 0)
	threadLocalType  = nativeType("_thread", "_local", nil, FlagBaseType|FlagHasDict)
)

const threadTimeoutMax = 9223372036.0

var lockAcquireSpec = ArgSpec{Name: "acquire", Params: []string{"blocking", "timeout"}}

// lockDeadline parses acquire(blocking=True, timeout=-1): whether to
// block, and the deadline (zero for none).
func lockDeadline(t *Thread, args []Value, kw []*Str) (bool, time.Time, error) {
	var a [2]Value
	if err := clinicArgs(t, &lockAcquireSpec, args, kw, a[:]); err != nil {
		return false, time.Time{}, err
	}
	blocking := true
	if !a[0].IsNull() {
		b, err := Truth(t, a[0])
		if err != nil {
			return false, time.Time{}, err
		}
		blocking = b
	}
	timeout := -1.0
	if !a[1].IsNull() {
		f, err := floatArg(t, a[1])
		if err != nil {
			return false, time.Time{}, err
		}
		timeout = f
	}
	if !blocking && timeout != -1 {
		return false, time.Time{}, t.valueErrorf("can't specify a timeout for a non-blocking call")
	}
	if timeout < 0 && timeout != -1 {
		return false, time.Time{}, t.valueErrorf("timeout value must be a non-negative number")
	}
	if timeout > threadTimeoutMax {
		return false, time.Time{}, t.raise(OverflowErrorType, "timeout value is too large")
	}
	var deadline time.Time
	if timeout >= 0 {
		deadline = time.Now().Add(time.Duration(timeout * float64(time.Second)))
	}
	return blocking, deadline, nil
}

// floatArg converts a number argument to a Go float (the "d" converter
// of PyArg_Parse: float, int, or __float__/__index__).
func floatArg(t *Thread, v Value) (float64, error) {
	if v.IsFloat() {
		return v.FloatVal(), nil
	}
	if v.IsSmallInt() || v.IsBool() {
		return float64(v.SmallInt()), nil
	}
	if f, ok := floatOf(v); ok {
		return f, nil
	}
	tp := v.Type()
	if tp.Number.Float != nil {
		r, err := tp.Number.Float(t, v)
		if err != nil {
			return 0, err
		}
		if f, ok := floatOf(r); ok {
			return f, nil
		}
	}
	if hasIndex(v) {
		i, err := Index(t, v)
		if err != nil {
			return 0, err
		}
		if i.IsSmallInt() {
			return float64(i.SmallInt()), nil
		}
		if b, ok := i.o.(*BigInt); ok {
			f, _ := new(big.Float).SetInt(b.v).Float64()
			if math.IsInf(f, 0) {
				return 0, t.raise(OverflowErrorType, "int too large to convert to float")
			}
			return f, nil
		}
	}
	return 0, t.typeErrorf("must be real number, not %s", typeName(v))
}

func (t *Thread) threadIdent() int64 {
	if std := t.interp.std; std == nil || std.sched == nil {
		return mainThreadIdent
	}
	return t.sched().current(t).ident
}

func init() {
	onSetup(setupThreadTypes)
	RegisterModule("_thread", initThreadModule)
}

func setupThreadTypes() {
	lt := threadLockType
	lt.New = func(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
		if err := checkPositional(t, "lock", args, kw, 0, 0); err != nil {
			return Null, err
		}
		return Value{o: &threadLock{ObjectBase: ObjectBase{cls: cls}}}, nil
	}
	acquire := func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		l := self.o.(*threadLock)
		blocking, deadline, err := lockDeadline(t, args, kw)
		if err != nil {
			return Null, err
		}
		if !l.locked {
			l.locked = true
			return True, nil
		}
		if !blocking {
			return False, nil
		}
		ok, err := t.block(func() bool { return !l.locked }, deadline)
		if err != nil {
			return Null, err
		}
		if ok {
			l.locked = true
		}
		return Bool(ok), nil
	}
	release := func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		l := self.o.(*threadLock)
		if !l.locked {
			return Null, t.raise(RuntimeErrorType, "release unlocked lock")
		}
		l.locked = false
		return None, nil
	}
	lockExit := func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return release(t, self, nil, nil)
	}
	defMethods(lt,
		MethodDef{Name: "acquire", Fn: acquire},
		MethodDef{Name: "acquire_lock", Fn: acquire},
		MethodDef{Name: "__enter__", Fn: acquire},
		MethodDef{Name: "release", Fn: release},
		MethodDef{Name: "release_lock", Fn: release},
		MethodDef{Name: "__exit__", Fn: lockExit},
		MethodDef{Name: "locked", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return Bool(self.o.(*threadLock).locked), nil
		}},
		MethodDef{Name: "locked_lock", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return Bool(self.o.(*threadLock).locked), nil
		}},
		MethodDef{Name: "_at_fork_reinit", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			self.o.(*threadLock).locked = false
			return None, nil
		}},
	)
	lt.Repr = func(t *Thread, v Value) (Value, error) {
		state := "unlocked"
		if v.o.(*threadLock).locked {
			state = "locked"
		}
		return NewStrValue(fmt.Sprintf("<%s %s object at %s>", state, v.Type().fullName(), hexID(v))), nil
	}
	weakrefableNative[lt] = true

	rt := threadRLockType
	rt.New = func(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
		return Value{o: &threadRLock{ObjectBase: ObjectBase{cls: cls}}}, nil
	}
	rAcquire := func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		r := self.o.(*threadRLock)
		blocking, deadline, err := lockDeadline(t, args, kw)
		if err != nil {
			return Null, err
		}
		me := t.threadIdent()
		if r.count > 0 && r.owner == me {
			r.count++
			return True, nil
		}
		if r.count == 0 {
			r.owner, r.count = me, 1
			return True, nil
		}
		if !blocking {
			return False, nil
		}
		ok, err := t.block(func() bool { return r.count == 0 }, deadline)
		if err != nil {
			return Null, err
		}
		if ok {
			r.owner, r.count = me, 1
		}
		return Bool(ok), nil
	}
	rRelease := func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		r := self.o.(*threadRLock)
		if r.count == 0 || r.owner != t.threadIdent() {
			return Null, t.raise(RuntimeErrorType, "cannot release un-acquired lock")
		}
		r.count--
		if r.count == 0 {
			r.owner = 0
		}
		return None, nil
	}
	defMethods(rt,
		MethodDef{Name: "acquire", Fn: rAcquire},
		MethodDef{Name: "__enter__", Fn: rAcquire},
		MethodDef{Name: "release", Fn: rRelease},
		MethodDef{Name: "__exit__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return rRelease(t, self, nil, nil)
		}},
		MethodDef{Name: "locked", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return Bool(self.o.(*threadRLock).count > 0), nil
		}},
		MethodDef{Name: "_is_owned", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			r := self.o.(*threadRLock)
			return Bool(r.count > 0 && r.owner == t.threadIdent()), nil
		}},
		MethodDef{Name: "_recursion_count", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			r := self.o.(*threadRLock)
			if r.owner == t.threadIdent() {
				return Int(int64(r.count)), nil
			}
			return Int(0), nil
		}},
		MethodDef{Name: "_release_save", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			r := self.o.(*threadRLock)
			if r.count == 0 {
				return Null, t.raise(RuntimeErrorType, "cannot release un-acquired lock")
			}
			st := NewTuple(Int(int64(r.count)), Int(r.owner))
			r.count, r.owner = 0, 0
			return Value{o: st}, nil
		}},
		MethodDef{Name: "_acquire_restore", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "_acquire_restore", args, kw); err != nil {
				return Null, err
			}
			r := self.o.(*threadRLock)
			st, ok := args[0].o.(*Tuple)
			if !ok || len(st.items) != 2 {
				return Null, t.typeErrorf("_acquire_restore() argument 1 must be tuple")
			}
			if _, err := t.block(func() bool { return r.count == 0 }, time.Time{}); err != nil {
				return Null, err
			}
			r.count = int(st.items[0].SmallInt())
			r.owner = st.items[1].SmallInt()
			return None, nil
		}},
		MethodDef{Name: "_at_fork_reinit", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			r := self.o.(*threadRLock)
			r.count, r.owner = 0, 0
			return None, nil
		}},
	)
	rt.Repr = func(t *Thread, v Value) (Value, error) {
		r := v.o.(*threadRLock)
		state := "unlocked"
		if r.count > 0 {
			state = "locked"
		}
		return NewStrValue(fmt.Sprintf("<%s %s object owner=%d count=%d at %s>", state, v.Type().fullName(), r.owner, r.count, hexID(v))), nil
	}
	weakrefableNative[rt] = true

	ht := threadHandleType
	ht.New = func(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
		return Value{o: &threadHandle{ObjectBase: ObjectBase{cls: cls}}}, nil
	}
	defGetSet(ht, "ident", func(t *Thread, self Value) (Value, error) {
		h := self.o.(*threadHandle)
		if h.ident == 0 {
			return None, nil
		}
		return Int(h.ident), nil
	}, nil)
	defMethods(ht,
		MethodDef{Name: "is_done", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return Bool(self.o.(*threadHandle).done), nil
		}},
		MethodDef{Name: "_set_done", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			self.o.(*threadHandle).done = true
			return None, nil
		}},
		MethodDef{Name: "join", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			h := self.o.(*threadHandle)
			var deadline time.Time
			if len(args) > 0 && !args[0].IsNone() {
				f, err := floatArg(t, args[0])
				if err != nil {
					return Null, err
				}
				deadline = time.Now().Add(time.Duration(max(f, 0) * float64(time.Second)))
			}
			if h.thread != nil && h.thread.t == t {
				return Null, t.raise(RuntimeErrorType, "Cannot join current thread")
			}
			_, err := t.block(func() bool { return h.done }, deadline)
			return None, err
		}},
	)
	ht.Repr = func(t *Thread, v Value) (Value, error) {
		h := v.o.(*threadHandle)
		return NewStrValue(fmt.Sprintf("<%s object: ident=%d>", v.Type().fullName(), h.ident)), nil
	}

	lc := threadLocalType
	lc.New = func(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
		if len(args) > 0 && (cls.Init == nil || sameSlot(cls.Init, InitSlot(objectInit))) {
			return Null, t.typeErrorf("Initialization arguments are not supported")
		}
		l := &threadLocal{ObjectBase: ObjectBase{cls: cls, dict: NewDict()}, dicts: map[*Thread]*Dict{}, args: append([]Value(nil), args...), kwargs: kw}
		l.dicts[t] = l.dict
		return Value{o: l}, nil
	}
	lc.GetAttr = func(t *Thread, v Value, name *Str) (Value, error) {
		if err := v.o.(*threadLocal).switchTo(t, v); err != nil {
			return Null, err
		}
		return genericGetAttr(t, v, name)
	}
	lc.SetAttr = func(t *Thread, v Value, name *Str, value Value) error {
		if err := v.o.(*threadLocal).switchTo(t, v); err != nil {
			return err
		}
		return genericSetAttr(t, v, name, value)
	}
	defGetSet(lc, "__dict__", func(t *Thread, self Value) (Value, error) {
		if err := self.o.(*threadLocal).switchTo(t, self); err != nil {
			return Null, err
		}
		return Value{o: self.o.(*threadLocal).dict}, nil
	}, nil)
}

// switchTo makes the thread's own namespace the local's __dict__,
// running __init__ again the first time a thread uses it.
func (l *threadLocal) switchTo(t *Thread, v Value) error {
	if d, ok := l.dicts[t]; ok {
		l.dict = d
		return nil
	}
	d := NewDict()
	l.dicts[t] = d
	l.dict = d
	if init := v.Type().Init; init != nil && !sameSlot(init, InitSlot(objectInit)) {
		return init(t, v, l.args, l.kwargs)
	}
	return nil
}

var startJoinableSpec = ArgSpec{Name: "start_joinable_thread", Params: []string{"function", "handle", "daemon"}, Required: 1}

func initThreadModule(t *Thread, m *Module) error {
	m.addTypeAs("LockType", threadLockType)
	m.addTypeAs("lock", threadLockType)
	m.addType(threadRLockType)
	m.addType(threadHandleType)
	m.addType(threadLocalType)
	m.Set("error", Value{o: RuntimeErrorType})
	m.Set("TIMEOUT_MAX", Float(threadTimeoutMax))
	newLock := func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := noArgs(t, "allocate_lock", args, kw); err != nil {
			return Null, err
		}
		return Value{o: &threadLock{ObjectBase: ObjectBase{cls: threadLockType}}}, nil
	}
	m.AddFunc("allocate_lock", newLock)
	m.AddFunc("allocate", newLock)
	m.AddFunc("get_ident", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return Int(t.threadIdent()), noArgs(t, "get_ident", args, kw)
	})
	m.AddFunc("get_native_id", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return Int(t.threadIdent() % 100000), noArgs(t, "get_native_id", args, kw)
	})
	m.AddFunc("_get_main_thread_ident", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return Int(mainThreadIdent), nil
	})
	m.AddFunc("_is_main_interpreter", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return True, nil
	})
	m.AddFunc("daemon_threads_allowed", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return True, nil
	})
	m.AddFunc("_count", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if std := t.interp.std; std != nil && std.sched != nil {
			return Int(int64(len(std.sched.threads) - 1)), nil
		}
		return Int(0), nil
	})
	m.AddFunc("stack_size", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := checkPositional(t, "stack_size", args, kw, 0, 1); err != nil {
			return Null, err
		}
		return Int(0), nil
	})
	m.AddFunc("interrupt_main", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		t.interp.Interrupt()
		return None, nil
	})
	exit := func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return Null, NewException(SystemExitType)
	}
	m.AddFunc("exit", exit)
	m.AddFunc("exit_thread", exit)
	m.AddFunc("_make_thread_handle", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := oneArg(t, "_make_thread_handle", args, kw); err != nil {
			return Null, err
		}
		h := &threadHandle{ObjectBase: ObjectBase{cls: threadHandleType}}
		if args[0].IsSmallInt() {
			h.ident = args[0].SmallInt()
		}
		if std := t.interp.std; std != nil && std.sched != nil {
			for _, p := range std.sched.threads {
				if p.ident == h.ident {
					h.thread = p
				}
			}
		}
		return Value{o: h}, nil
	})
	m.AddFunc("_shutdown", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return None, t.shutdownThreads()
	})
	m.AddFunc("start_joinable_thread", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		var a [3]Value
		if err := clinicArgs(t, &startJoinableSpec, args, kw, a[:]); err != nil {
			return Null, err
		}
		if !isCallable(a[0]) {
			return Null, t.typeErrorf("thread function must be callable")
		}
		var h *threadHandle
		if !a[1].IsNull() && !a[1].IsNone() {
			hh, ok := a[1].o.(*threadHandle)
			if !ok {
				return Null, t.typeErrorf("'handle' must be a _ThreadHandle")
			}
			h = hh
		} else {
			h = &threadHandle{ObjectBase: ObjectBase{cls: threadHandleType}}
		}
		daemon := true
		if !a[2].IsNull() {
			b, err := Truth(t, a[2])
			if err != nil {
				return Null, err
			}
			daemon = b
		}
		t.startThread(a[0], nil, nil, daemon, h, false)
		return Value{o: h}, nil
	})
	startNew := func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := checkPositional(t, "start_new_thread", args, kw, 2, 3); err != nil {
			return Null, err
		}
		if !isCallable(args[0]) {
			return Null, t.typeErrorf("first arg must be callable")
		}
		tu, ok := args[1].o.(*Tuple)
		if !ok {
			return Null, t.typeErrorf("2nd arg must be a tuple")
		}
		callArgs := append([]Value(nil), tu.items...)
		var kwnames []*Str
		if len(args) == 3 && !args[2].IsNone() {
			d, ok := args[2].o.(*Dict)
			if !ok {
				return Null, t.typeErrorf("optional 3rd arg must be a dictionary")
			}
			vals, names := dictToKwargs(d)
			callArgs = append(callArgs, vals...)
			kwnames = names
		}
		p := t.startThread(args[0], callArgs, kwnames, true, nil, true)
		return Int(p.ident), nil
	}
	m.AddFunc("start_new_thread", startNew)
	m.AddFunc("start_new", startNew)
	return nil
}
