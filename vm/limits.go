package vm

import (
	"bufio"
	"context"
	"fmt"
	"math"
	"os"
	"runtime"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

// Running a program safely: the limits of a run (Limits) and the
// recursion limits.
//
// The interpreter loop calls checkLimits every 64 RESUME and
// JUMP_BACKWARD instructions of a frame (and at the first RESUME of each
// frame), so no Python loop or recursion escapes it. The check must cost
// next to nothing: it adds to the step count, compares it with MaxSteps
// and loads one atomic flag (Interp.interrupted). Everything that is slow
// to ask (the clock, a context, the size of the heap) is watched from
// other goroutines while a run lasts (startLimits): a timer for the
// timeout, context.AfterFunc for the cancellation, a sampler of the heap
// for the memory bound. A watcher that fires records its reason and
// raises the flag, and the next check turns the reason into the error. A
// flag raised without a reason is SIGINT (Interrupt): KeyboardInterrupt.
//
// Time, cancellation, steps and output end the run with an *Abort, which
// Python code cannot catch (handlers and finally blocks are skipped). The
// memory bound first raises MemoryError, as CPython does when an
// allocation fails, so the program gets its usual traceback and may free
// what it holds; a program still above the bound at a later check after
// that (it caught the MemoryError and went on) is aborted. One huge
// allocation (a sequence repeated by a huge count) is refused before it
// is made, against MaxMemory or, without one, the machine's memory, since
// a Go allocation that fails cannot be recovered from.
//
// Recursion is counted as CPython 3.13 counts it, in two budgets. Python
// frames count against sys.getrecursionlimit() (Thread.enter: calls of
// Python functions, generator resumptions, class bodies, modules), so a
// runaway Python recursion stops at CPython's depth with CPython's
// RecursionError and traceback. Go code that can recurse without a Python
// frame at each level (repr, str and comparison of nested containers,
// isinstance with nested tuples, chained iterators, calls of builtins and
// of callable objects) counts against a fixed native budget
// (Thread.enterC), CPython's C recursion limit, with the messages of
// Py_EnterRecursiveCall ("maximum recursion depth exceeded while getting
// the repr of an object"). Both budgets are bounded (sys.setrecursionlimit
// is capped at maxRecursionLimit), which bounds the Go stack a run can
// use: a Python program never overflows the Go stack, however it
// recurses.

// cRecursionLimit is the native recursion budget: CPython 3.13's
// Py_C_RECURSION_LIMIT (10000), less the one unit its own entry into the
// program consumes, so that nested containers fail at CPython's depth
// (repr of 9997 nested lists works, 9998 raise).
const cRecursionLimit = 9999

// enterC counts a native (Go) recursion level and raises RecursionError
// past the native budget; where completes the message as in CPython
// (" while getting the repr of an object", " in comparison"…).
func (t *Thread) enterC(where string) error {
	t.cdepth++
	if t.cdepth > cRecursionLimit {
		t.cdepth--
		return t.raise(RecursionErrorType, "maximum recursion depth exceeded"+where)
	}
	return nil
}

// leaveC ends a level counted by enterC.
func (t *Thread) leaveC() { t.cdepth-- }

// RecursionLimit returns sys.getrecursionlimit().
func (in *Interp) RecursionLimit() int { return in.recursionLimit }

// SetRecursionLimit sets the recursion limit (sys.setrecursionlimit),
// capped at the bound that keeps the Go stack safe.
func (in *Interp) SetRecursionLimit(n int) {
	in.recursionLimit = max(1, min(n, maxRecursionLimit))
}

// The reasons a watcher raises the interrupt flag.
const (
	limitTimeout uint32 = 1 << iota
	limitCancel
	limitMemory
)

// memorySampleEvery is how often the heap is measured while a run with a
// memory bound lasts.
const memorySampleEvery = 2 * time.Millisecond

// limitState is the state of the limits of the run in progress.
type limitState struct {
	// reasons are the limitTimeout… bits of the watchers that fired.
	reasons atomic.Uint32
	// memoryError says a MemoryError was raised for the memory bound and
	// the heap has not been seen under the bound since.
	memoryError atomic.Bool
	// endedByInterrupt says the run ended with an uncaught
	// KeyboardInterrupt.
	endedByInterrupt bool
}

// EndedByInterrupt reports that the last run ended with an uncaught
// KeyboardInterrupt (its traceback printed, status 130): CPython then
// ends the process by SIGINT, so that its parent sees the interruption.
func (in *Interp) EndedByInterrupt() bool { return in.limits.endedByInterrupt }

// AbortKind says which limit stopped a run.
type AbortKind int

// The kinds of aborts.
const (
	AbortOther AbortKind = iota
	// AbortSteps: Limits.MaxSteps was reached.
	AbortSteps
	// AbortTimeout: Limits.Timeout passed (or the context's deadline).
	AbortTimeout
	// AbortCancelled: Limits.Context was cancelled.
	AbortCancelled
	// AbortOutput: Limits.MaxOutput bytes were written.
	AbortOutput
	// AbortMemory: the program stayed above Limits.MaxMemory after a
	// MemoryError.
	AbortMemory
	// AbortInternal: the VM failed (a Go panic: a bug of peephole's).
	AbortInternal
)

// startLimits prepares the limits of a run: the counters start from
// zero and the watchers of time, cancellation and memory start. The
// returned function stops the watchers; call it when the run ends.
func (in *Interp) startLimits() (stop func()) {
	t := in.main
	t.steps, t.output = 0, 0
	ls := &in.limits
	ls.reasons.Store(0)
	ls.memoryError.Store(false)
	ls.endedByInterrupt = false
	lim := &in.Limits
	fire := func(reason uint32) {
		ls.reasons.Or(reason)
		in.interrupted.Store(true)
	}
	var stops []func()
	if lim.Timeout > 0 {
		timer := time.AfterFunc(lim.Timeout, func() { fire(limitTimeout) })
		stops = append(stops, func() { timer.Stop() })
	}
	if ctx := lim.Context; ctx != nil {
		if ctx.Err() != nil {
			fire(limitCancel)
		} else {
			unregister := context.AfterFunc(ctx, func() { fire(limitCancel) })
			stops = append(stops, func() { unregister() })
		}
	}
	if lim.MaxMemory > 0 {
		done := make(chan struct{})
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			tick := time.NewTicker(memorySampleEvery)
			defer tick.Stop()
			for {
				select {
				case <-done:
					return
				case <-tick.C:
					if overMemory(lim.MaxMemory) {
						fire(limitMemory)
					}
				}
			}
		}()
		stops = append(stops, func() { close(done); wg.Wait() })
	}
	return func() {
		for _, s := range stops {
			s()
		}
		// A watcher that fired after the run's last check must not
		// interrupt the next run.
		if ls.reasons.Swap(0) != 0 {
			in.interrupted.Store(false)
		}
	}
}

// checkLimits stops the run when it is cancelled, out of time, out of
// steps or out of memory, and raises KeyboardInterrupt after SIGINT. The
// interpreter loop calls it every 64 RESUME and JUMP_BACKWARD
// instructions, and at the first RESUME of every frame.
func (t *Thread) checkLimits() error {
	in := t.interp
	t.steps += 64
	if finLive.Load() != 0 {
		t.finPoll()
	}
	if lim := in.Limits.MaxSteps; lim > 0 && t.steps > lim {
		return &Abort{Kind: AbortSteps, Reason: fmt.Sprintf("the run executed more than %d instructions", lim)}
	}
	if !in.interrupted.Load() {
		return nil
	}
	return t.limitEvent()
}

// limitEvent handles the interrupt flag raised by a watcher or by SIGINT.
func (t *Thread) limitEvent() error {
	in := t.interp
	ls := &in.limits
	reasons := ls.reasons.Load()
	switch {
	case reasons&limitCancel != 0:
		// The flag stays up: whatever runs next stops too.
		if ctx := in.Limits.Context; ctx != nil && ctx.Err() == context.DeadlineExceeded {
			return &Abort{Kind: AbortTimeout, Reason: "the run exceeded its time limit (its context's deadline)"}
		}
		return &Abort{Kind: AbortCancelled, Reason: "the run was cancelled"}
	case reasons&limitTimeout != 0:
		return &Abort{Kind: AbortTimeout, Reason: fmt.Sprintf("the run exceeded its time limit of %v", in.Limits.Timeout)}
	case reasons&limitMemory != 0:
		ls.reasons.And(^limitMemory)
		in.interrupted.Store(false)
		return t.checkMemory()
	}
	in.interrupted.Store(false)
	return t.onSIGINT()
}

// checkMemory measures the live heap, after a collection (so that what
// the program let go of, or what ran before it, does not count), against
// the memory bound: MemoryError the first time it is above, an abort when
// it is still above after a MemoryError.
func (t *Thread) checkMemory() error {
	in := t.interp
	limit := in.Limits.MaxMemory
	if limit <= 0 {
		return nil
	}
	ls := &in.limits
	runtime.GC()
	if readHeap().live <= uint64(limit) {
		ls.memoryError.Store(false)
		return nil
	}
	if ls.memoryError.Swap(true) {
		return &Abort{Kind: AbortMemory, Reason: fmt.Sprintf("the run exceeded its memory limit of %d bytes", limit)}
	}
	return NewException(MemoryErrorType)
}

// heapStats are the Go heap's figures the memory bound watches.
type heapStats struct {
	// live is the heap the last collection found live; total the heap's
	// objects now, garbage included.
	live, total uint64
}

var heapSamples = []metrics.Sample{
	{Name: "/gc/heap/live:bytes"},
	{Name: "/memory/classes/heap/objects:bytes"},
}

var heapSamplesMu sync.Mutex

func readHeap() heapStats {
	heapSamplesMu.Lock()
	defer heapSamplesMu.Unlock()
	metrics.Read(heapSamples)
	var v [2]uint64
	for i, s := range heapSamples {
		if s.Value.Kind() == metrics.KindUint64 {
			v[i] = s.Value.Uint64()
		}
	}
	return heapStats{live: v[0], total: v[1]}
}

// overMemory reports whether the live heap is above limit. The live heap
// is known at each collection; when garbage and new objects together pass
// twice the limit, a collection is made now rather than when the
// collector would (so the heap never grows far past the bound).
func overMemory(limit int64) bool {
	st := readHeap()
	if st.live <= uint64(limit) && st.total > 2*uint64(limit) {
		runtime.GC()
		st = readHeap()
	}
	return st.live > uint64(limit)
}

// checkAlloc refuses, with MemoryError, an allocation of about n bytes
// that cannot fit: past Limits.MaxMemory (with the live heap), or past
// the machine's memory when the run has no memory bound. Code that makes
// an object whose size the program chooses (a repetition, a join, a
// conversion of a huge count) calls it before allocating.
func (t *Thread) checkAlloc(n int64) error {
	limit := t.interp.Limits.MaxMemory
	if limit <= 0 {
		limit = machineMemory()
		if limit <= 0 {
			return nil
		}
	}
	if n > limit {
		return NewException(MemoryErrorType)
	}
	if t.interp.Limits.MaxMemory > 0 && n > limit/16 {
		if st := readHeap(); int64(st.live)+n > limit {
			runtime.GC()
			if int64(readHeap().live)+n > limit {
				return NewException(MemoryErrorType)
			}
		}
	}
	return nil
}

// checkRepeatAlloc is checkAlloc for seq * count: count copies of a sequence
// of n items of about size bytes each. A product too large for an int64
// is left to the repeat itself (which raises OverflowError or
// MemoryError as the type does).
func (t *Thread) checkRepeatAlloc(seq Value, count int) error {
	if count <= 1 {
		return nil
	}
	var n, size int64
	switch s := seq.o.(type) {
	case *List:
		n, size = int64(len(s.items)), 16
	case *Tuple:
		n, size = int64(len(s.items)), 16
	case *Str:
		n, size = int64(len(s.s)), 1
	default:
		l, err := Len(t, seq)
		if err != nil {
			return nil
		}
		n, size = int64(l), 1
	}
	if n == 0 || n > math.MaxInt64/size/int64(count) {
		return nil
	}
	return t.checkAlloc(n * size * int64(count))
}

var (
	machineMemoryOnce sync.Once
	machineMemorySize int64
)

// machineMemory returns the bytes of memory and swap of the machine
// (/proc/meminfo), or 0 when unknown: the most any allocation can get.
func machineMemory() int64 {
	machineMemoryOnce.Do(func() {
		f, err := os.Open("/proc/meminfo")
		if err != nil {
			return
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			fields := strings.Fields(sc.Text())
			if len(fields) < 2 || (fields[0] != "MemTotal:" && fields[0] != "SwapTotal:") {
				continue
			}
			if kb, err := strconv.ParseInt(fields[1], 10, 64); err == nil {
				machineMemorySize += kb * 1024
			}
		}
	})
	return machineMemorySize
}

// CheckFileAccess applies the run's file-system policy (Limits.FS): the
// functions that touch files (open, the os functions) call it before
// they do. Under FSReadOnly a write (creating, writing, renaming,
// removing) raises PermissionError; under FSNone any access does (the
// import of modules is not concerned). The error is CPython's for a
// denied access ([Errno 13] Permission denied: 'path') with a note that
// says why.
func (t *Thread) CheckFileAccess(path string, write bool) error {
	var why string
	switch t.interp.Limits.FS {
	case FSFull:
		return nil
	case FSReadOnly:
		if !write {
			return nil
		}
		why = "peephole: this run may not write files"
	case FSNone:
		why = "peephole: this run may not use files"
	}
	e := asException(t.osError(syscall.EACCES, path))
	if e == nil {
		return t.raise(PermissionErrorType, why)
	}
	if e.dict == nil {
		e.dict = NewDict()
	}
	e.dict.SetStr("__notes__", Value{o: NewList(NewStrValue(why))})
	return e
}
