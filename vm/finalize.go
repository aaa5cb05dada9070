package vm

// Finalization when the last reference goes (CPython's reference
// counting, emulated on Go's collector).
//
// CPython finalizes an object the moment its reference count drops to 0:
// "del x", "x = None", lst.clear(), a function returning run __del__ and
// close suspended generators (whose finally and with blocks then run) at
// once. peephole's objects are Go's to collect, so it emulates that with
// "finalize on drop, verified by the Go collector":
//
//   - Finalizable objects are instances of classes that define __del__
//     (made by object.__new__) and generators, coroutines and async
//     generators that suspended in code with a try, with or except block
//     (closing one suspended elsewhere has no effect, _PyGen_Finalize).
//     Each is tracked when made (at its first such yield for generators):
//     it gets a Go finalizer, which only queues it for the VM (Go
//     finalizers run on their own goroutine: never Python code there), a
//     weak pointer (to tell exactly which objects a collection found dead,
//     so that the VM knows how many Go finalizers to wait for) and a serial
//     number (creation order).
//   - finLive counts the tracked objects of all interpreters. The drop
//     sites test it with one load and do nothing else while it is 0: a
//     program without finalizable objects pays nothing more.
//   - When the VM drops a value that is, or holds (two levels down: a list
//     of objects, an instance's attributes), a tracked object — a store
//     overwrites it, a del, a POP_TOP, a frame returning with it in its
//     locals, list.clear()/remove() and dict.clear() — it runs runtime.GC
//     right there (the instruction is complete, the value stack
//     consistent), waits for the Go finalizers of the objects found dead,
//     and runs their finalizations on the VM thread: __del__ (once: Go
//     finalizers run once, so a resurrected object is never finalized
//     again, as PEP 442 says) or a generator's close, errors reported as
//     unraisable. Objects dead together run in CPython's order: the order
//     in which the dropped value's deallocation would reach them (a list's
//     items last first, a dict's and a frame's locals in order), then by
//     creation. Objects that a finalized one held die in the next
//     collection (Go runs finalizers of chained objects one link per
//     collection), which the loop does until nothing more dies.
//   - A collection is skipped when every object it could find dead is
//     plainly still reachable (finSurely: from the running frames' locals,
//     stacks and namespaces, or as the item a list iterator just gave):
//     "del a" while b refers to the object, or a for loop over a list of
//     such objects, costs no collection.
//   - Things that would hide unreachability are avoided: a suspended
//     tracked generator's frame does not point back at it (Go never
//     finalizes an object on a cycle), a pooled frame forgets its function,
//     list deletions clear the slots past the end, and CALL hands its
//     arguments to the drop check as it pops them (CPython's callee owns
//     them; peephole's caller keeps them on its stack until the return).
//   - Go's collector never frees a reachable object, so a drop missed (or
//     a reference the VM keeps longer than CPython) only makes a
//     finalization late, never wrong. Late ones run at the next drop, at
//     the periodic limits check when a natural collection found them, or
//     at exit.
//   - The cost is bounded: once there were 32 collections on drop and
//     they marked 256 MB of live heap in all, they stop while the time
//     they took passes 10% of the run's time (finalization is then lazy:
//     natural collections and exit).
//   - At exit (after atexit), __main__'s finalizable globals are finalized
//     in the dict's order, then those its containers hold, then every other
//     tracked object by creation: CPython's collection of the __main__
//     namespace at shutdown does the first two in this order.
//
//   - asyncio's Future, Task and event loop classes have a __del__ in
//     Python (CPython runs C versions of them, _asyncio, which peephole
//     does not have) that only logs an exception never retrieved or an
//     unclosed loop. They are not tracked: their instances die by the
//     hundred in an asyncio program, each death would cost a collection
//     of a big heap, and they sit on reference cycles (a loop and its
//     handles, a future and its waiting task), which Go never frees when
//     one of them has a finalizer. Those two messages are not shown.
//
// Not emulated: objects on a reference cycle through a tracked object
// (Go never finalizes nor frees those; CPython's cyclic collector does at
// gc.collect(): here they stay, and are finalized at exit), objects a weakref
// refers to (mod_weakref.go holds its referents strongly), instances of
// builtin-type subclasses with __del__, and the warning for coroutines
// never awaited.

import (
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"
	"weak"

	"github.com/peephole-lsp/peephole/compiler"
)

// Collections on drop are free while they are fewer than finGCFree or
// have marked less than finScanFree of live heap in all; after that they
// are limited to a tenth of the run's time. The allowance is priced in
// collections and bytes, not time, so that a program behaves the same on
// a loaded machine; the bytes let a small heap (a script: about 2 MB, a
// collection of a millisecond or two) have a hundred or more, while a
// big one (asyncio and its imports: 35 MB) has finGCFree. The count keeps
// a program run inside a bigger process (the language server, the
// tests) from finding its allowance spent by the host's heap.
const (
	finGCFree   = 32
	finScanFree = 256 << 20
)

// finLive counts the tracked finalizable objects alive in all
// interpreters (see above); the hot paths test it.
var finLive atomic.Int32

// finEntry is the record of one tracked object. It holds no strong
// reference to the object.
type finEntry struct {
	serial uint64
	addr   uintptr
	inst   weak.Pointer[Instance]
	gen    weak.Pointer[Generator]
	// done is set once the object is finalized, or no longer needs to be
	// (a generator that finished); its Go finalizer then does nothing.
	done bool
	// dead is set once a collection found the object unreachable.
	dead bool
}

func (e *finEntry) unreachable() bool {
	if e.gen != (weak.Pointer[Generator]{}) {
		return e.gen.Value() == nil
	}
	return e.inst.Value() == nil
}

// finQueued is an object a Go finalizer handed to the VM.
type finQueued struct {
	e   *finEntry
	obj Object
}

// finState is an interpreter's finalization state.
type finState struct {
	mu sync.Mutex
	// queue holds the objects the Go finalizers handed over.
	queue   []finQueued
	arrived atomic.Int64 // objects ever queued
	// detected counts the objects collections found dead (their Go
	// finalizers are due).
	detected int64
	// entries are the tracked objects by address (Go's heap does not move,
	// and an entry goes before its object can be freed); reg lists the
	// ones not yet found dead.
	entries map[uintptr]*finEntry
	reg     []*finEntry
	serial  uint64
	live    int
	// running is set while finalizations run (drops inside them only ask
	// for one more round).
	running bool
	again   bool
	start   time.Time
	gcSpent time.Duration
	gcs     int
	// scanned is the live heap the collections on drop found, summed.
	scanned uint64
	// exiting is set once the exit finalization started.
	exiting bool
}

func (in *Interp) finState() *finState {
	if in.fin == nil {
		in.fin = &finState{entries: map[uintptr]*finEntry{}, start: time.Now()}
	}
	return in.fin
}

// enqueue is the Go finalizer's work: hand obj to the VM.
func (fs *finState) enqueue(e *finEntry, obj Object) {
	fs.mu.Lock()
	if !e.done {
		fs.queue = append(fs.queue, finQueued{e, obj})
		fs.arrived.Add(1)
	}
	fs.mu.Unlock()
}

// typeHasDel reports whether instances of tp have a __del__ to track:
// one not defined by asyncio (cached by the type's version).
func typeHasDel(tp *Type) bool {
	if !tp.finKnown || tp.finVersion != tp.version {
		tp.finKnown, tp.finVersion = true, tp.version
		del := tp.Lookup(Intern("__del__"))
		tp.finHasDel = !del.IsNull()
		tp.finLazy = false
		if fn, ok := del.o.(*Function); ok && fn.globals != nil {
			v, _ := fn.globals.getStr(Intern("__name__"))
			if name, ok := v.o.(*Str); ok {
				tp.finLazy = strings.HasPrefix(name.s, "asyncio.")
			}
		}
	}
	return tp.finHasDel && !tp.finLazy
}

// finTrackInstance tracks a new instance of a class with __del__ other
// than asyncio's (see the file comment).
func (t *Thread) finTrackInstance(x *Instance) {
	fs := t.interp.finState()
	e := fs.newEntry(uintptr(unsafe.Pointer(x)))
	e.inst = weak.Make(x)
	runtime.SetFinalizer(x, func(x *Instance) { fs.enqueue(e, x) })
}

// finTrackGen tracks a generator that suspended in code with handlers.
func (t *Thread) finTrackGen(g *Generator) {
	fs := t.interp.finState()
	e := fs.newEntry(uintptr(unsafe.Pointer(g)))
	e.gen = weak.Make(g)
	g.fin = e
	runtime.SetFinalizer(g, func(g *Generator) { fs.enqueue(e, g) })
}

func (fs *finState) newEntry(addr uintptr) *finEntry {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	fs.serial++
	e := &finEntry{serial: fs.serial, addr: addr}
	fs.entries[addr] = e
	fs.reg = append(fs.reg, e)
	fs.live++
	finLive.Add(1)
	return e
}

// retire marks e finalized (or no longer finalizable).
func (fs *finState) retire(e *finEntry) {
	fs.mu.Lock()
	if !e.done {
		e.done = true
		delete(fs.entries, e.addr)
		fs.live--
		finLive.Add(-1)
	}
	fs.mu.Unlock()
	e.dropGoFinalizer()
}

// dropGoFinalizer removes the Go finalizer of e's object if it is alive
// (a generator that finished): Go never frees an object with a finalizer
// that is on a reference cycle, nor what it refers to.
func (e *finEntry) dropGoFinalizer() {
	if x := e.inst.Value(); x != nil {
		runtime.SetFinalizer(x, nil)
	} else if g := e.gen.Value(); g != nil {
		runtime.SetFinalizer(g, nil)
	}
}

// genFinished is called when a tracked generator ends: nothing is left
// to finalize, and the locals its frame drops are a drop.
func (t *Thread) genFinished(g *Generator, returned bool) {
	if e := g.fin; e != nil {
		t.interp.fin.retire(e)
	}
	if returned && finLive.Load() != 0 {
		f := g.frame
		cands := t.interp.fin.candsOf(nil, f.fast, 2, false)
		if len(cands) > 0 {
			clear(f.fast)
			t.finCollect(cands)
		}
	}
}

// finScanBudget bounds the values candidate scans look at per drop.
const finScanBudget = 256

// cands appends the entries of the tracked objects v is or holds (depth
// levels down) in the order CPython's deallocation of v reaches them.
func (fs *finState) cands(out []*finEntry, v Value, depth int, budget *int) []*finEntry {
	if v.o == nil || *budget <= 0 {
		return out
	}
	*budget--
	switch x := v.o.(type) {
	case *Instance:
		if e := fs.entries[uintptr(unsafe.Pointer(x))]; e != nil && !e.done {
			out = append(out, e)
		}
		if depth > 0 {
			for _, s := range x.slots {
				out = fs.cands(out, s, depth-1, budget)
			}
			if x.dict != nil {
				out = fs.dictCands(out, x.dict, depth-1, budget)
			}
		}
	case *Generator:
		if e := x.fin; e != nil && !e.done {
			out = append(out, e)
		}
		if depth > 0 && x.frame != nil {
			// Its locals, and the iterator a yield from delegates to.
			for _, s := range x.frame.fast {
				out = fs.cands(out, s, depth-1, budget)
			}
			for _, s := range x.frame.stack[:x.frame.sp] {
				out = fs.cands(out, s, depth-1, budget)
			}
		}
	case *List:
		if depth > 0 {
			for i := len(x.items) - 1; i >= 0; i-- {
				out = fs.cands(out, x.items[i], depth-1, budget)
			}
		}
	case *Tuple:
		if depth > 0 {
			for i := len(x.items) - 1; i >= 0; i-- {
				out = fs.cands(out, x.items[i], depth-1, budget)
			}
		}
	case *Dict:
		if depth > 0 {
			out = fs.dictCands(out, x, depth-1, budget)
		}
	case *Cell:
		if depth > 0 {
			out = fs.cands(out, x.v, depth-1, budget)
		}
	}
	return out
}

func (fs *finState) dictCands(out []*finEntry, d *Dict, depth int, budget *int) []*finEntry {
	for _, e := range d.entries {
		if !e.key.IsNull() {
			out = fs.cands(out, e.key, depth, budget)
			out = fs.cands(out, e.value, depth, budget)
		}
	}
	return out
}

// candsOf is cands over values, in order or last first.
func (fs *finState) candsOf(out []*finEntry, vs []Value, depth int, reverse bool) []*finEntry {
	if fs == nil {
		return out
	}
	fs.mu.Lock()
	defer fs.mu.Unlock()
	budget := finScanBudget
	if reverse {
		for i := len(vs) - 1; i >= 0; i-- {
			out = fs.cands(out, vs[i], depth, &budget)
		}
		return out
	}
	for _, v := range vs {
		out = fs.cands(out, v, depth, &budget)
	}
	return out
}

// finDrop is called (when finLive is not 0) with a value the VM just
// dropped: when it is or holds a tracked object, the objects that died
// are finalized now. The caller must not use v afterwards.
func (t *Thread) finDrop(v Value) {
	if v.o == nil {
		return
	}
	if _, ok := v.o.(*Str); ok {
		return
	}
	cands := t.interp.fin.candsOf(nil, []Value{v}, 2, false)
	if len(cands) > 0 {
		t.finCollect(cands)
	}
}

// finDropItems is finDrop for the items a container just let go, in
// CPython's order of release (reverse for lists' clear and deletion).
func (t *Thread) finDropItems(items []Value, reverse bool) {
	cands := t.interp.fin.candsOf(nil, items, 1, reverse)
	if len(cands) > 0 {
		t.finCollect(cands)
	}
}

// finFrameExit is called (when finLive is not 0) as a call frame that
// nothing else can reach returns: its locals are dropped.
func (t *Thread) finFrameExit(f *Frame) {
	if f.escaped {
		return
	}
	// A pooled frame must not keep its function (and the closure's
	// cells) alive.
	f.fn = nil
	// The parameters' values are still on the caller's stack (CPython
	// moves them into the frame): they cannot die here.
	co := f.code
	nparams := co.argcount + co.kwonly
	if co.flags&compiler.CoVarargs != 0 {
		nparams++
	}
	if co.flags&compiler.CoVarkeywords != 0 {
		nparams++
	}
	if nparams > len(f.fast) {
		nparams = len(f.fast)
	}
	cands := t.interp.fin.candsOf(nil, f.fast[nparams:], 2, false)
	if len(cands) > 0 {
		clear(f.fast)
		t.finCollect(cands)
	}
}

// finPoll runs the finalizations natural collections queued (called from
// the periodic limits check when finLive is not 0).
func (t *Thread) finPoll() {
	fs := t.interp.fin
	if fs == nil || fs.running || fs.arrived.Load() == 0 {
		return
	}
	fs.mu.Lock()
	n := len(fs.queue)
	fs.mu.Unlock()
	if n > 0 {
		t.finCollect(nil)
	}
}

// finCollect collects, and finalizes what died, in rounds until nothing
// more dies; order ranks the objects of the first round.
func (t *Thread) finCollect(order []*finEntry) {
	fs := t.interp.fin
	if fs == nil || fs.exiting {
		return
	}
	if fs.running {
		fs.again = true
		return
	}
	gc := fs.gcs < finGCFree || fs.scanned < finScanFree || fs.gcSpent < time.Since(fs.start)/10
	if !gc && fs.arrived.Load() == 0 {
		return // lazy: nothing a natural collection found yet
	}
	if gc && len(order) > 0 && t.finSurely(order) {
		return
	}
	fs.running = true
	defer func() { fs.running = false }()
	for round := 0; round < 64; round++ {
		fs.again = false
		var batch []finQueued
		if gc {
			batch = fs.collectDead()
		} else {
			batch = fs.take()
		}
		if len(batch) == 0 {
			if fs.again && gc {
				continue
			}
			return
		}
		sortFinBatch(batch, order)
		order = order[:0]
		for i := range batch {
			q := batch[i]
			batch[i] = finQueued{}
			t.finalize(q)
			order = fs.candsOf(order, []Value{{o: q.obj}}, 2, false)
		}
		// Another collection only when what was finalized held tracked
		// objects (they die one link per collection) or a finalizer
		// dropped some.
		if len(order) == 0 && !fs.again {
			return
		}
	}
}

// sortFinBatch puts batch in order's order, the rest by creation.
func sortFinBatch(batch []finQueued, order []*finEntry) {
	rank := func(e *finEntry) int {
		if i := slices.Index(order, e); i >= 0 {
			return i
		}
		return len(order)
	}
	slices.SortStableFunc(batch, func(a, b finQueued) int {
		ra, rb := rank(a.e), rank(b.e)
		if ra != rb {
			return ra - rb
		}
		if a.e.serial < b.e.serial {
			return -1
		}
		if a.e.serial > b.e.serial {
			return 1
		}
		return 0
	})
}

// collectDead runs the Go collector, waits for the Go finalizers of the
// tracked objects it found dead, and returns them.
func (fs *finState) collectDead() []finQueued {
	start := time.Now()
	fs.gcs++
	runtime.GC()
	fs.scanned += readHeap().live
	fs.mu.Lock()
	keep := fs.reg[:0]
	for _, e := range fs.reg {
		if e.done {
			continue
		}
		if e.unreachable() {
			e.dead = true
			fs.detected++
			continue
		}
		keep = append(keep, e)
	}
	clear(fs.reg[len(keep):])
	fs.reg = keep
	want := fs.detected
	fs.mu.Unlock()
	// The finalizer goroutine runs them at once; the wait is bounded in
	// case it is slow to be scheduled.
	deadline := start.Add(250 * time.Millisecond)
	for spins := 0; fs.arrived.Load() < want && time.Now().Before(deadline); spins++ {
		if spins < 100 {
			runtime.Gosched()
		} else {
			time.Sleep(20 * time.Microsecond)
		}
	}
	b := fs.take()
	fs.gcSpent += time.Since(start)
	return b
}

// take empties the queue.
func (fs *finState) take() []finQueued {
	fs.mu.Lock()
	b := fs.queue
	fs.queue = nil
	fs.mu.Unlock()
	return b
}

// finalize runs the finalization of one object: __del__, or a
// generator's close, errors reported as unraisable (PyObject_CallFinalizer).
func (t *Thread) finalize(q finQueued) {
	fs := t.interp.fin
	if q.e.done {
		return
	}
	fs.retire(q.e)
	saved := t.handled
	defer func() { t.handled = saved }()
	switch x := q.obj.(type) {
	case *Instance:
		self := Value{o: x}
		del := x.cls.Lookup(Intern("__del__"))
		if del.IsNull() {
			return
		}
		if _, err := t.Call(del, []Value{self}, nil); err != nil {
			if e := asException(err); e != nil {
				t.writeUnraisable(e, del)
			}
		}
	case *Generator:
		if x.frame.done || !x.started || x.running {
			return
		}
		if _, err := genClose(t, x); err != nil {
			if e := asException(err); e != nil {
				t.writeUnraisable(e, Value{o: x})
			}
		}
	}
}

// finExit finalizes what is left as the interpreter ends: __main__'s
// globals in the dict's order, then what its containers hold, then the
// rest by creation (see the file comment).
func (in *Interp) finExit(t *Thread, main *Dict) {
	fs := in.fin
	if fs == nil || fs.exiting {
		return
	}
	if fs.running {
		return
	}
	fs.exiting = true
	fs.running = true
	defer func() { fs.running = false }()
	run := func(e *finEntry) {
		if e.done {
			return
		}
		var obj Object
		if p := e.inst.Value(); p != nil {
			obj = p
		} else if p := e.gen.Value(); p != nil {
			obj = p
		} else {
			return // dead: its Go finalizer queues it
		}
		t.finalize(finQueued{e, obj})
	}
	for pass := 0; pass < 8; pass++ {
		var order []*finEntry
		if main != nil && pass == 0 {
			var vals []Value
			main.Items(func(k, v Value) bool {
				vals = append(vals, v)
				return true
			})
			order = fs.candsOf(order, vals, 0, false)
			order = fs.candsOf(order, vals, 2, false)
		}
		fs.mu.Lock()
		rest := make([]*finEntry, 0, len(fs.entries))
		for _, e := range fs.entries {
			rest = append(rest, e)
		}
		fs.mu.Unlock()
		slices.SortFunc(rest, func(a, b *finEntry) int {
			if a.serial < b.serial {
				return -1
			}
			return 1
		})
		order = append(order, rest...)
		for _, e := range order {
			run(e)
		}
		q := fs.take()
		sortFinBatch(q, nil)
		for _, x := range q {
			t.finalize(x)
		}
		fs.mu.Lock()
		n := len(fs.entries) + len(fs.queue)
		fs.mu.Unlock()
		if n == 0 {
			break
		}
	}
}

// finRelease forgets the tracked objects left as the run ends (an
// aborted run does not finalize them; an exit finalization can leave
// objects still referenced from outside Python code): the count the hot
// paths test goes back down, their Go finalizers are removed and objects
// already queued are let go (both would keep the ended run's heap alive).
func (in *Interp) finRelease() {
	fs := in.fin
	if fs == nil {
		return
	}
	fs.mu.Lock()
	defer fs.mu.Unlock()
	fs.exiting = true
	for _, e := range fs.entries {
		if !e.done {
			e.done = true
			fs.live--
			finLive.Add(-1)
		}
		// Go keeps an object with a finalizer, and all it refers to, for
		// a collection more, a chain of them one link per collection, and
		// one on a cycle for ever: the ended run's heap would stay.
		e.dropGoFinalizer()
	}
	clear(fs.entries)
	fs.reg = nil
	fs.queue = nil
}

// finSuspended stands for a tracked generator in its frame's gen while
// it is suspended: the frame pointing back at the generator would put the
// generator on a cycle, and Go never finalizes those. resume sets it back.
var finSuspended = &Generator{}

// genSuspended tracks g when it yielded inside a handler's range other
// than the outermost one of generators (which turns StopIteration into
// RuntimeError) and a yield from's: closing it then runs code.
func (t *Thread) genSuspended(g *Generator) {
	co := g.frame.code
	if co.finTry == 0 {
		// 2 when some yield of the code is in a handler's range.
		co.finTry = 1
		dec := co.decoded()
		for i := range dec {
			if dec[i].op == compiler.YIELD_VALUE && co.closeRuns(i) {
				co.finTry = 2
				break
			}
		}
		if co.finTry == 1 {
			return
		}
	}
	if co.closeRuns(g.frame.lasti) {
		t.finTrackGen(g)
	}
}

// closeRuns reports whether an exception raised at unit i reaches a
// handler other than a generator's outermost one (which turns
// StopIteration into RuntimeError), going through the CLEANUP_THROW of a
// yield from or await to the handler around it.
func (co *Code) closeRuns(i int) bool {
	dec := co.decoded()
	for range 8 {
		h, ok := co.handlerFor(i)
		if !ok || h.target >= len(dec) {
			return false
		}
		d := dec[h.target]
		switch {
		case d.op == compiler.CALL_INTRINSIC_1 && d.arg == compiler.IntrinsicStopIterationErr:
			return false
		case d.op == compiler.CLEANUP_THROW:
			i = h.target
		default:
			return true
		}
	}
	return true
}

// finDropEntries is finDrop for the entries a dict just let go (keys and
// values in order, as dict_dealloc and PyDict_Clear release them).
func (t *Thread) finDropEntries(entries []dictEntry) {
	fs := t.interp.fin
	if fs == nil {
		return
	}
	vals := make([]Value, 0, 2*len(entries))
	for _, e := range entries {
		if !e.key.IsNull() {
			vals = append(vals, e.key, e.value)
		}
	}
	entries = nil
	cands := fs.candsOf(nil, vals, 1, false)
	clear(vals)
	if len(cands) > 0 {
		t.finCollect(cands)
	}
}

// finSurely reports whether every entry of cands is certainly still
// reachable: found (two levels down) from the running frames' locals and
// value stacks, or, for module and class bodies, their namespaces, or as
// the current item of a list being iterated on a stack. A collection
// would then find nothing to finalize, and is skipped (it is costly: a
// for loop over objects with __del__ drops one at each step).
func (t *Thread) finSurely(cands []*finEntry) bool {
	want := make(map[uintptr]bool, len(cands))
	for _, e := range cands {
		want[e.addr] = true
	}
	budget := 4096
	var look func(v Value, depth int)
	look = func(v Value, depth int) {
		if v.o == nil || budget <= 0 || len(want) == 0 {
			return
		}
		budget--
		switch x := v.o.(type) {
		case *Instance:
			delete(want, uintptr(unsafe.Pointer(x)))
			if depth > 0 && x.dict != nil {
				for _, e := range x.dict.entries {
					look(e.value, depth-1)
				}
			}
		case *Generator:
			delete(want, uintptr(unsafe.Pointer(x)))
		case *List:
			if depth > 0 {
				for _, it := range x.items {
					look(it, depth-1)
				}
			}
		case *Tuple:
			if depth > 0 {
				for _, it := range x.items {
					look(it, depth-1)
				}
			}
		case *Dict:
			if depth > 0 {
				for _, e := range x.entries {
					look(e.value, depth-1)
				}
			}
		case *Cell:
			look(x.v, depth)
		case *sliceIter:
			// The iterator still holds the list, whose items the loop
			// variable takes one at a time.
			if x.list != nil && x.i > 0 && x.i <= len(x.list.items) {
				look(x.list.items[x.i-1], 0)
			}
			if depth > 0 && x.list != nil {
				look(Value{o: x.list}, depth-1)
			}
		}
	}
	n := 0
	for f := t.frame; f != nil && n < 32 && len(want) > 0 && budget > 0; f = f.back {
		n++
		for _, v := range f.fast {
			look(v, 2)
		}
		for _, v := range f.stack[:f.sp] {
			look(v, 2)
		}
		if d, ok := f.locals.o.(*Dict); ok {
			look(Value{o: d}, 2)
		}
		if f.back == nil && f.globals != nil {
			look(Value{o: f.globals}, 2)
		}
	}
	return len(want) == 0 || t.finReachable(cands, want)
}

// finPopCall pops a call's callable and arguments as CALL does, as a
// drop: CPython's callee frame owns the arguments and releases them as
// it returns, so an argument nothing else holds dies with the call.
func (t *Thread) finPopCall(f *Frame, n int) {
	cands := t.interp.fin.candsOf(nil, f.stack[f.sp-n:f.sp], 1, false)
	f.popN(n)
	if len(cands) > 0 {
		t.finCollect(cands)
	}
}
