package vm

import (
	"math"

	c "github.com/peephole-lsp/peephole/compiler"
)

// Fast paths of the interpreter loop for slices of lists: l[a:b:c] and
// l[a:b] = other, when the list (and the list or tuple assigned) is of
// the exact builtin type and the slice's parts are small ints or None.
// Anything else goes the general way (GetItem, SetItem), which these
// paths give the same results as.

// sliceParts is PySlice_Unpack followed by PySlice_AdjustIndices for a
// sequence of length n, for a slice whose parts are small ints or None;
// ok is false otherwise, or for a zero step (an error the general path
// raises).
func sliceParts(s *Slice, n int) (start, step, length int, ok bool) {
	step = 1
	switch {
	case s.Step.IsSmallInt():
		step = int(int64(s.Step.n))
		if step == 0 {
			return 0, 0, 0, false
		}
		if step < -math.MaxInt64 {
			step = -math.MaxInt64
		}
	case !s.Step.IsNone():
		return 0, 0, 0, false
	}
	var stop int
	switch {
	case s.Start.IsSmallInt():
		start = int(int64(s.Start.n))
	case s.Start.IsNone():
		if step < 0 {
			start = math.MaxInt64
		}
	default:
		return 0, 0, 0, false
	}
	switch {
	case s.Stop.IsSmallInt():
		stop = int(int64(s.Stop.n))
	case s.Stop.IsNone():
		if step < 0 {
			stop = math.MinInt64
		} else {
			stop = math.MaxInt64
		}
	default:
		return 0, 0, 0, false
	}
	start = adjustIndex(start, n, step)
	stop = adjustIndex(stop, n, step)
	if step < 0 {
		if stop < start {
			length = (start-stop-1)/(-step) + 1
		}
	} else if start < stop {
		length = (stop-start-1)/step + 1
	}
	return start, step, length, true
}

// adjustIndex is one bound of PySlice_AdjustIndices.
func adjustIndex(i, n, step int) int {
	if i < 0 {
		i += n
		if i < 0 {
			if step < 0 {
				return -1
			}
			return 0
		}
	} else if i >= n {
		if step < 0 {
			return n - 1
		}
		return n
	}
	return i
}

// listSliceFast is container[key] for an exact list and a slice key.
func listSliceFast(container, key Value) (Value, bool) {
	s, ok := key.o.(*Slice)
	if !ok {
		return Null, false
	}
	l, ok := container.o.(*List)
	if !ok || l.cls != ListType {
		return Null, false
	}
	start, step, n, ok := sliceParts(s, len(l.items))
	if !ok {
		return Null, false
	}
	items := make([]Value, n)
	if step == 1 {
		copy(items, l.items[start:start+n])
	} else {
		for i, j := 0, start; i < n; i, j = i+1, j+step {
			items[i] = l.items[j]
		}
	}
	return Value{o: NewList(items...)}, true
}

// listStoreSliceFast is container[start:stop] = v (STORE_SLICE) for an
// exact list and an exact list or tuple v; it reports whether it did it.
func listStoreSliceFast(container, start, stop, v Value) bool {
	l, ok := container.o.(*List)
	if !ok || l.cls != ListType {
		return false
	}
	var src []Value
	switch x := v.o.(type) {
	case *List:
		if x.cls != ListType {
			return false
		}
		src = x.items
	case *Tuple:
		if x.cls != TupleType {
			return false
		}
		src = x.items
	default:
		return false
	}
	i, j, ok := simpleBounds(start, stop, len(l.items))
	if !ok {
		return false
	}
	if len(src) == j-i {
		// The same length: in place (copy allows src to be l.items).
		copy(l.items[i:j], src)
		return true
	}
	items := make([]Value, 0, len(l.items)-(j-i)+len(src))
	items = append(items, l.items[:i]...)
	items = append(items, src...)
	items = append(items, l.items[j:]...)
	l.items = items
	return true
}

// jumpOn fuses a test with the conditional jump that follows it: when the
// instruction at unit ip of dec is POP_JUMP_IF_FALSE or POP_JUMP_IF_TRUE,
// it returns where that jump goes given the truth of the value it would
// pop, and true. The loop then skips the jump's dispatch (and the push and
// pop of the bool); it does so only when no tracer watches instructions.
func jumpOn(dec []decInstr, ip int, cond bool) (int, bool) {
	nx := dec[ip]
	switch nx.op {
	case c.POP_JUMP_IF_FALSE:
		if !cond {
			return int(nx.next + nx.arg), true
		}
		return int(nx.next), true
	case c.POP_JUMP_IF_TRUE:
		if cond {
			return int(nx.next + nx.arg), true
		}
		return int(nx.next), true
	}
	return 0, false
}

// exactSeqItems returns the items of an exact tuple or list, or nil
// (UNPACK_SEQUENCE's fast path).
func exactSeqItems(v Value) []Value {
	switch x := v.o.(type) {
	case *Tuple:
		if x.cls == TupleType {
			return x.items
		}
	case *List:
		if x.cls == ListType {
			return x.items
		}
	}
	return nil
}
