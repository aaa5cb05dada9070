package vm

import "unsafe"

// finReachBudget bounds the objects one deep reachability search visits.
const finReachBudget = 20000

// finReachable is finSurely's second, deeper try: a breadth-first search
// of the objects the running frames hold, through the containers a
// program's data lives in (instances' attributes and slots, lists,
// tuples, dicts, sets, deques, bound methods, partials, closures' cells,
// and the frames of suspended generators and coroutines), for the
// objects of want (by address; found ones are deleted). It reports
// whether all were found, so are reachable and cannot be finalized now.
//
// It is what keeps asyncio cheap: a Task or Future (classes with __del__
// in asyncio's Python code) dropped by one frame is still held by the
// loop's ready queue, a timer handle's arguments or another future's
// callbacks, several levels away from any frame, where the shallow check
// cannot see it and only a collection of the whole heap (tens of
// milliseconds with asyncio imported) could tell. Classes, modules and
// functions' globals are not searched (they lead to the whole heap): an
// object only reachable through them costs a collection, never a wrong
// answer, since finding an object proves it reachable. Objects a weak
// reference was made to count as found.
func (t *Thread) finReachable(cands []*finEntry, want map[uintptr]bool) bool {
	// An object a weak reference was made to is held by the weakref
	// table (mod_weakref.go keeps referents strongly): reachable.
	if std := t.interp.std; std != nil && len(std.weakrefs) > 0 {
		for _, e := range cands {
			if !want[e.addr] {
				continue
			}
			var o Object
			if x := e.inst.Value(); x != nil {
				o = x
			} else if g := e.gen.Value(); g != nil {
				o = g
			}
			if o != nil && len(std.weakrefs[o]) > 0 {
				delete(want, e.addr)
			}
		}
		if len(want) == 0 {
			return true
		}
	}
	seen := make(map[Object]struct{}, 256)
	queue := make([]Object, 0, 256)
	push := func(v Value) {
		switch v.o.(type) {
		case *Instance, *List, *Tuple, *Dict, *Set, *FrozenSet, *Deque,
			*Method, *Partial, *Cell, *Generator, *Function, *sliceIter:
		default:
			return
		}
		if v.IsNull() {
			return
		}
		if _, ok := seen[v.o]; ok {
			return
		}
		seen[v.o] = struct{}{}
		queue = append(queue, v.o)
	}
	pushAll := func(vs []Value) {
		for _, v := range vs {
			push(v)
		}
	}
	pushDict := func(d *Dict) {
		if d == nil {
			return
		}
		for _, e := range d.entries {
			if !e.key.IsNull() {
				push(e.key)
				push(e.value)
			}
		}
	}
	for f := t.frame; f != nil; f = f.back {
		pushAll(f.fast)
		pushAll(f.stack[:f.sp])
		push(f.locals)
	}
	for f := t.frame; f != nil; f = f.back {
		if f.globals != nil {
			push(Value{o: f.globals})
		}
	}
	for i := 0; i < len(queue) && i < finReachBudget; i++ {
		switch x := queue[i].(type) {
		case *Instance:
			if want[uintptr(unsafe.Pointer(x))] {
				delete(want, uintptr(unsafe.Pointer(x)))
				if len(want) == 0 {
					return true
				}
			}
			pushAll(x.slots)
			pushDict(x.dict)
		case *Generator:
			if want[uintptr(unsafe.Pointer(x))] {
				delete(want, uintptr(unsafe.Pointer(x)))
				if len(want) == 0 {
					return true
				}
			}
			if f := x.frame; f != nil && !f.done {
				pushAll(f.fast)
				pushAll(f.stack[:f.sp])
			}
		case *List:
			pushAll(x.items)
		case *Tuple:
			pushAll(x.items)
		case *Dict:
			pushDict(x)
		case *Set:
			x.each(func(v Value) bool { push(v); return true })
		case *FrozenSet:
			x.each(func(v Value) bool { push(v); return true })
		case *Deque:
			for j := 0; j < x.n; j++ {
				push(x.buf[(x.head+j)%len(x.buf)])
			}
		case *Method:
			push(x.self)
			push(x.fn)
		case *Partial:
			push(x.fn)
			pushAll(x.args)
			pushAll(x.kwvalues)
		case *Cell:
			push(x.v)
		case *Function:
			if x.closure != nil {
				pushAll(x.closure.items)
			}
		case *sliceIter:
			if x.list != nil {
				push(Value{o: x.list})
			}
			if x.tuple != nil {
				push(Value{o: x.tuple})
			}
		}
	}
	return false
}
