package vm

// The _heapq module (Modules/_heapqmodule.c): heapq.py takes its
// functions from here. The sift operations are CPython's, comparison for
// comparison (siftup walks the smaller child to a leaf, then sifts the
// item back up), so heaps come out in the same order, the same
// comparisons run, and a list that changes size under a comparison
// raises the same RuntimeError.

const heapqDoc = "Heap queue algorithm (a.k.a. priority queue).\n\nHeaps are arrays for which a[k] <= a[2*k+1] and a[k] <= a[2*k+2] for\nall k, counting elements from 0.  For the sake of comparison,\nnon-existing elements are considered to be infinite.  The interesting\nproperty of a heap is that a[0] is always its smallest element.\n\nUsage:\n\nheap = []            # creates an empty heap\nheappush(heap, item) # pushes a new item on the heap\nitem = heappop(heap) # pops the smallest item from the heap\nitem = heap[0]       # smallest item on the heap without popping it\nheapify(x)           # transforms list into a heap, in-place, in linear time\nitem = heapreplace(heap, item) # pops and returns smallest item, and adds\n                               # new item; the heap size is unchanged\n\nOur API differs from textbook heap algorithms as follows:\n\n- We use 0-based indexing.  This makes the relationship between the\n  index for a node and the indexes for its children slightly less\n  obvious, but is more suitable since Python uses 0-based indexing.\n\n- Our heappop() method returns the smallest item, not the largest.\n\nThese two make it possible to view the heap as a regular Python list\nwithout surprises: heap[0] is the smallest item, and heap.sort()\nmaintains the heap invariant!\n"

func init() { RegisterModule("_heapq", initHeapqModule) }

// heapLess compares two items of a heap: a < b for the min-heap, b < a
// for the max-heap.
type heapLess func(t *Thread, a, b Value) (bool, error)

func heapLessMin(t *Thread, a, b Value) (bool, error) { return RichCompareBool(t, a, b, LT) }
func heapLessMax(t *Thread, a, b Value) (bool, error) { return RichCompareBool(t, b, a, LT) }

var errHeapSize = "list changed size during iteration"

// heapSiftDown moves the item at pos up towards startpos while it is
// less than its parent.
func heapSiftDown(t *Thread, l *List, startpos, pos int, less heapLess) error {
	size := len(l.items)
	if pos >= size {
		return t.raise(IndexErrorType, "index out of range")
	}
	for pos > startpos {
		parentpos := (pos - 1) >> 1
		lt, err := less(t, l.items[pos], l.items[parentpos])
		if err != nil {
			return err
		}
		if size != len(l.items) {
			return t.raise(RuntimeErrorType, errHeapSize)
		}
		if !lt {
			break
		}
		l.items[parentpos], l.items[pos] = l.items[pos], l.items[parentpos]
		pos = parentpos
	}
	return nil
}

// heapSiftUp moves the smaller child up from pos until a leaf, then
// sifts the item that was at pos back into place.
func heapSiftUp(t *Thread, l *List, pos int, less heapLess) error {
	endpos := len(l.items)
	startpos := pos
	if pos >= endpos {
		return t.raise(IndexErrorType, "index out of range")
	}
	limit := endpos >> 1
	for pos < limit {
		childpos := 2*pos + 1
		if childpos+1 < endpos {
			lt, err := less(t, l.items[childpos], l.items[childpos+1])
			if err != nil {
				return err
			}
			if !lt {
				childpos++
			}
			if endpos != len(l.items) {
				return t.raise(RuntimeErrorType, errHeapSize)
			}
		}
		l.items[childpos], l.items[pos] = l.items[pos], l.items[childpos]
		pos = childpos
	}
	return heapSiftDown(t, l, startpos, pos, less)
}

// heapList checks the heap argument: "heappush() argument 1 must be
// list, not tuple" (argument for the one-argument functions).
func heapList(t *Thread, fname string, v Value, one bool) (*List, error) {
	if l, ok := v.o.(*List); ok {
		return l, nil
	}
	if one {
		return nil, t.typeErrorf("%s() argument must be list, not %s", fname, typeName(v))
	}
	return nil, t.typeErrorf("%s() argument 1 must be list, not %s", fname, typeName(v))
}

func heapPop(t *Thread, l *List, less heapLess) (Value, error) {
	n := len(l.items)
	if n == 0 {
		return Null, t.raise(IndexErrorType, "index out of range")
	}
	last := l.items[n-1]
	l.items[n-1] = Null
	l.items = l.items[:n-1]
	if n == 1 {
		return last, nil
	}
	ret := l.items[0]
	l.items[0] = last
	if err := heapSiftUp(t, l, 0, less); err != nil {
		return Null, err
	}
	return ret, nil
}

func heapReplace(t *Thread, l *List, item Value, less heapLess) (Value, error) {
	if len(l.items) == 0 {
		return Null, t.raise(IndexErrorType, "index out of range")
	}
	ret := l.items[0]
	l.items[0] = item
	if err := heapSiftUp(t, l, 0, less); err != nil {
		return Null, err
	}
	return ret, nil
}

// heapify builds the heap bottom-up; above 2500 items in CPython's
// cache-friendly order (which sifts the same nodes over the same
// children, so the result and the comparisons' outcomes are the same
// but their order differs, as a comparison with side effects can see).
func heapify(t *Thread, l *List, less heapLess) error {
	n := len(l.items)
	if n <= 2500 {
		for i := n>>1 - 1; i >= 0; i-- {
			if err := heapSiftUp(t, l, i, less); err != nil {
				return err
			}
		}
		return nil
	}
	m := n >> 1
	leftmost := topBit(m+1) - 1
	mhalf := m >> 1
	sift := func(i int) error {
		for j := i; ; j >>= 1 {
			if err := heapSiftUp(t, l, j, less); err != nil {
				return err
			}
			if j&1 == 0 {
				return nil
			}
		}
	}
	for i := leftmost - 1; i >= mhalf; i-- {
		if err := sift(i); err != nil {
			return err
		}
	}
	for i := m - 1; i >= leftmost; i-- {
		if err := sift(i); err != nil {
			return err
		}
	}
	return nil
}

// topBit keeps the highest set bit of n (n >= 1).
func topBit(n int) int {
	i := 0
	for n > 1 {
		n >>= 1
		i++
	}
	return n << i
}

func initHeapqModule(t *Thread, m *Module) error {
	m.Set("__doc__", NewStrValue(heapqDoc))
	add := func(name, doc string, fn BuiltinFunc) {
		b := NewBuiltin(name, fn)
		b.module = "_heapq"
		b.doc = doc
		m.Set(name, Value{o: b})
	}
	// The two-argument functions (heap, item, /), METH_FASTCALL.
	two := func(name, doc string, f func(t *Thread, l *List, item Value) (Value, error)) {
		add(name, doc, func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := noKwargs(t, "_heapq."+name, kw); err != nil {
				return Null, err
			}
			if err := checkPositional(t, name, args, nil, 2, 2); err != nil {
				return Null, err
			}
			l, err := heapList(t, name, args[0], false)
			if err != nil {
				return Null, err
			}
			return f(t, l, args[1])
		})
	}
	// The one-argument functions (heap, /), METH_O.
	one := func(name, doc string, f func(t *Thread, l *List) (Value, error)) {
		add(name, doc, func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "_heapq."+name, args, kw); err != nil {
				return Null, err
			}
			l, err := heapList(t, name, args[0], true)
			if err != nil {
				return Null, err
			}
			return f(t, l)
		})
	}
	two("heappush", "Push item onto heap, maintaining the heap invariant.", func(t *Thread, l *List, item Value) (Value, error) {
		l.items = append(l.items, item)
		if err := heapSiftDown(t, l, 0, len(l.items)-1, heapLessMin); err != nil {
			return Null, err
		}
		return None, nil
	})
	one("heappop", "Pop the smallest item off the heap, maintaining the heap invariant.", func(t *Thread, l *List) (Value, error) {
		return heapPop(t, l, heapLessMin)
	})
	two("heapreplace", "Pop and return the current smallest value, and add the new item.\n\nThis is more efficient than heappop() followed by heappush(), and can be\nmore appropriate when using a fixed-size heap.  Note that the value\nreturned may be larger than item!  That constrains reasonable uses of\nthis routine unless written as part of a conditional replacement:\n\n    if item > heap[0]:\n        item = heapreplace(heap, item)",
		func(t *Thread, l *List, item Value) (Value, error) { return heapReplace(t, l, item, heapLessMin) })
	two("heappushpop", "Push item on the heap, then pop and return the smallest item from the heap.\n\nThe combined action runs more efficiently than heappush() followed by\na separate call to heappop().",
		func(t *Thread, l *List, item Value) (Value, error) {
			if len(l.items) == 0 {
				return item, nil
			}
			lt, err := RichCompareBool(t, l.items[0], item, LT)
			if err != nil {
				return Null, err
			}
			if !lt {
				return item, nil
			}
			return heapReplace(t, l, item, heapLessMin)
		})
	one("heapify", "Transform list into a heap, in-place, in O(len(heap)) time.", func(t *Thread, l *List) (Value, error) {
		if err := heapify(t, l, heapLessMin); err != nil {
			return Null, err
		}
		return None, nil
	})
	one("_heappop_max", "Maxheap variant of heappop.", func(t *Thread, l *List) (Value, error) {
		return heapPop(t, l, heapLessMax)
	})
	two("_heapreplace_max", "Maxheap variant of heapreplace.", func(t *Thread, l *List, item Value) (Value, error) {
		return heapReplace(t, l, item, heapLessMax)
	})
	one("_heapify_max", "Maxheap variant of heapify.", func(t *Thread, l *List) (Value, error) {
		if err := heapify(t, l, heapLessMax); err != nil {
			return Null, err
		}
		return None, nil
	})
	return nil
}
