package vm

import (
	"strings"
)

// This file holds what the sequence types share: slice objects and their
// indices, index normalization, the iterator of objects that only have
// __getitem__, and the core slots of list and tuple (their methods live
// in list.go and tuple.go).

// Slice is a slice object (start:stop:step).
type Slice struct {
	ObjectBase
	Start, Stop, Step Value
}

// NewSlice returns slice(start, stop, step); NULL parts are None.
func NewSlice(start, stop, step Value) *Slice {
	return &Slice{ObjectBase: ObjectBase{cls: SliceType}, Start: noneIfNull(start), Stop: noneIfNull(stop), Step: noneIfNull(step)}
}

// sliceIndex converts a slice bound to an int, clamping huge values as
// _PyEval_SliceIndex does.
func sliceIndex(t *Thread, v Value) (int, error) {
	if !hasIndex(v) {
		return 0, t.typeErrorf("slice indices must be integers or None or have an __index__ method")
	}
	return AsSize(t, v, nil)
}

// Unpack returns the start, stop and step of a slice before they are
// adjusted to a length (PySlice_Unpack).
func (s *Slice) Unpack(t *Thread) (start, stop, step int, err error) {
	step = 1
	if !s.Step.IsNone() {
		if step, err = sliceIndex(t, s.Step); err != nil {
			return
		}
		if step == 0 {
			err = t.valueErrorf("slice step cannot be zero")
			return
		}
		if step < -(1 << 62) {
			step = -(1 << 62)
		}
	}
	if s.Start.IsNone() {
		if step < 0 {
			start = 1<<62 - 1
		} else {
			start = 0
		}
	} else if start, err = sliceIndex(t, s.Start); err != nil {
		return
	}
	if s.Stop.IsNone() {
		if step < 0 {
			stop = -(1 << 62)
		} else {
			stop = 1<<62 - 1
		}
	} else if stop, err = sliceIndex(t, s.Stop); err != nil {
		return
	}
	return
}

// adjustIndices clamps unpacked slice bounds to a sequence of length n
// and returns the number of items selected (PySlice_AdjustIndices).
func adjustIndices(n int, start, stop *int, step int) int {
	if *start < 0 {
		*start += n
		if *start < 0 {
			if step < 0 {
				*start = -1
			} else {
				*start = 0
			}
		}
	} else if *start >= n {
		if step < 0 {
			*start = n - 1
		} else {
			*start = n
		}
	}
	if *stop < 0 {
		*stop += n
		if *stop < 0 {
			if step < 0 {
				*stop = -1
			} else {
				*stop = 0
			}
		}
	} else if *stop >= n {
		if step < 0 {
			*stop = n - 1
		} else {
			*stop = n
		}
	}
	if step < 0 {
		if *stop < *start {
			return (*start-*stop-1)/(-step) + 1
		}
	} else if *start < *stop {
		return (*stop-*start-1)/step + 1
	}
	return 0
}

// Indices returns the slice's indices for a sequence of length n.
func (s *Slice) Indices(t *Thread, n int) (start, stop, step, count int, err error) {
	if start, stop, step, err = s.Unpack(t); err != nil {
		return
	}
	count = adjustIndices(n, &start, &stop, step)
	return
}

// seqIndex normalizes an index for a sequence of length n, or reports
// an IndexError with the sequence's message.
func seqIndex(t *Thread, key Value, n int, what string) (int, error) {
	i, err := AsSize(t, key, IndexErrorType)
	if err != nil {
		if e := asException(err); e != nil && e.cls == IndexErrorType {
			return 0, t.raisef(IndexErrorType, "cannot fit '%s' into an index-sized integer", typeName(key))
		}
		return 0, err
	}
	if i < 0 {
		i += n
	}
	if i < 0 || i >= n {
		return 0, t.raisef(IndexErrorType, "%s index out of range", what)
	}
	return i, nil
}

// selectItems returns the items a slice selects.
func selectItems(items []Value, start, step, count int) []Value {
	out := make([]Value, count)
	for i, j := 0, start; i < count; i, j = i+1, j+step {
		out[i] = items[j]
	}
	return out
}

// seqIter iterates an object that has __getitem__ but no __iter__.
type seqIter struct {
	ObjectBase
	seq Value
	i   int
}

func newSeqIter(v Value) *seqIter {
	return &seqIter{ObjectBase: ObjectBase{cls: SeqIterType}, seq: v}
}

// sliceIter iterates a list or a tuple.
type sliceIter struct {
	ObjectBase
	list  *List
	tuple *Tuple
	i     int
}

var (
	listIterType     = builtinType("list_iterator", nil, 0)
	tupleIterType    = builtinType("tuple_iterator", nil, 0)
	listRevIterType  = builtinType("list_reverseiterator", nil, 0)
	callableIterType = builtinType("callable_iterator", nil, 0)
)

func (it *sliceIter) next() Value {
	if it.list != nil {
		if it.i < len(it.list.items) {
			v := it.list.items[it.i]
			it.i++
			return v
		}
		it.list = nil
		return Null
	}
	if it.tuple != nil {
		if it.i < len(it.tuple.items) {
			v := it.tuple.items[it.i]
			it.i++
			return v
		}
		it.tuple = nil
	}
	return Null
}

// listRevIter iterates a list backwards.
type listRevIter struct {
	ObjectBase
	list *List
	i    int
}

// callableIter is iter(callable, sentinel).
type callableIter struct {
	ObjectBase
	fn, sentinel Value
}

// seqRepr is the repr of a list or tuple's items between the brackets,
// guarding against recursion as Py_ReprEnter does.
func seqRepr(t *Thread, self Value, items []Value, open, close string) (Value, error) {
	if t.reprEnter(self) {
		// A recursive tuple shows as "(...)", even with one item.
		return NewStrValue(open + "..." + close[len(close)-1:]), nil
	}
	defer t.reprLeave(self)
	var b strings.Builder
	b.WriteString(open)
	for i := 0; i < len(items); i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		r, err := Repr(t, items[i])
		if err != nil {
			return Null, err
		}
		b.WriteString(r.s)
	}
	b.WriteString(close)
	return NewStrValue(b.String()), nil
}

// reprEnter marks v as being repr'd; it reports true when it already is
// (a recursive container).
func (t *Thread) reprEnter(v Value) bool {
	o := v.Object()
	if t.reprs == nil {
		t.reprs = map[Object]bool{}
	}
	if t.reprs[o] {
		return true
	}
	t.reprs[o] = true
	return false
}

func (t *Thread) reprLeave(v Value) { delete(t.reprs, v.Object()) }

// seqCompare compares two sequences item by item (list and tuple
// richcompare).
func seqCompare(t *Thread, a, b []Value, op CompareOp) (Value, error) {
	if len(a) != len(b) && (op == EQ || op == NE) {
		return Bool(op == NE), nil
	}
	i := 0
	for ; i < len(a) && i < len(b); i++ {
		if a[i].Is(b[i]) {
			continue
		}
		eq, err := RichCompareBool(t, a[i], b[i], EQ)
		if err != nil {
			return Null, err
		}
		if !eq {
			break
		}
	}
	if i >= len(a) || i >= len(b) {
		return Bool(cmpResult(compareLen(len(a), len(b)), op)), nil
	}
	switch op {
	case EQ:
		return False, nil
	case NE:
		return True, nil
	}
	return RichCompare(t, a[i], b[i], op)
}

func compareLen(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// seqContains is `x in items`.
func seqContains(t *Thread, items []Value, x Value) (bool, error) {
	for i := 0; i < len(items); i++ {
		if items[i].Is(x) {
			return true, nil
		}
		eq, err := RichCompareBool(t, items[i], x, EQ)
		if err != nil || eq {
			return eq, err
		}
	}
	return false, nil
}

func init() {
	onSetup(setupSequences)
}

func setupSequences() {
	SeqIterType.Iter = selfIter
	SeqIterType.Next = func(t *Thread, v Value) (Value, error) {
		it := v.o.(*seqIter)
		if it.seq.IsNull() {
			return Null, nil
		}
		r, err := GetItem(t, it.seq, Int(int64(it.i)))
		if err != nil {
			if e := asException(err); e != nil && (e.cls.IsSubtype(IndexErrorType) || e.cls.IsSubtype(StopIterationType)) {
				it.seq = Null
				return Null, nil
			}
			return Null, err
		}
		it.i++
		return r, nil
	}
	for _, tp := range []*Type{listIterType, tupleIterType} {
		tp.Iter = selfIter
		tp.Next = func(t *Thread, v Value) (Value, error) { return v.o.(*sliceIter).next(), nil }
	}
	listRevIterType.Iter = selfIter
	listRevIterType.Next = func(t *Thread, v Value) (Value, error) {
		it := v.o.(*listRevIter)
		if it.list != nil && it.i >= 0 && it.i < len(it.list.items) {
			r := it.list.items[it.i]
			it.i--
			return r, nil
		}
		it.list = nil
		return Null, nil
	}
	callableIterType.Iter = selfIter
	callableIterType.Next = func(t *Thread, v Value) (Value, error) {
		it := v.o.(*callableIter)
		if it.fn.IsNull() {
			return Null, nil
		}
		r, err := t.Call(it.fn, nil, nil)
		if err != nil {
			if e := asException(err); e != nil && e.cls.IsSubtype(StopIterationType) {
				it.fn = Null
				return Null, nil
			}
			return Null, err
		}
		eq, err := RichCompareBool(t, it.sentinel, r, EQ)
		if err != nil {
			return Null, err
		}
		if eq {
			it.fn = Null
			return Null, nil
		}
		return r, nil
	}

	SliceType.Repr = func(t *Thread, v Value) (Value, error) {
		s := v.o.(*Slice)
		parts := make([]string, 3)
		for i, x := range []Value{s.Start, s.Stop, s.Step} {
			r, err := Repr(t, x)
			if err != nil {
				return Null, err
			}
			parts[i] = r.s
		}
		return NewStrValue("slice(" + strings.Join(parts, ", ") + ")"), nil
	}
	SliceType.Compare = func(t *Thread, a, b Value, op CompareOp) (Value, error) {
		y, ok := b.o.(*Slice)
		if !ok {
			return NotImplemented, nil
		}
		x := a.o.(*Slice)
		return seqCompare(t, []Value{x.Start, x.Stop, x.Step}, []Value{y.Start, y.Stop, y.Step}, op)
	}
	SliceType.Hash = func(t *Thread, v Value) (int64, error) {
		s := v.o.(*Slice)
		return tupleHash(t, []Value{s.Start, s.Stop, s.Step})
	}
	defMember(SliceType, "start", func(t *Thread, self Value) (Value, error) { return self.o.(*Slice).Start, nil })
	defMember(SliceType, "stop", func(t *Thread, self Value) (Value, error) { return self.o.(*Slice).Stop, nil })
	defMember(SliceType, "step", func(t *Thread, self Value) (Value, error) { return self.o.(*Slice).Step, nil })
	SliceType.New = func(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
		if err := noKwargs(t, "slice", kw); err != nil {
			return Null, err
		}
		switch len(args) {
		case 1:
			return Value{o: NewSlice(None, args[0], None)}, nil
		case 2:
			return Value{o: NewSlice(args[0], args[1], None)}, nil
		case 3:
			return Value{o: NewSlice(args[0], args[1], args[2])}, nil
		case 0:
			return Null, t.typeErrorf("slice expected at least 1 argument, got 0")
		}
		return Null, t.typeErrorf("slice expected at most 3 arguments, got %d", len(args))
	}
	defMethods(SliceType, MethodDef{Name: "indices", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := oneArg(t, "indices", args, kw); err != nil {
			return Null, err
		}
		n, err := AsSize(t, args[0], OverflowErrorType)
		if err != nil {
			return Null, err
		}
		if n < 0 {
			return Null, t.valueErrorf("length should not be negative")
		}
		start, stop, step, _, err := self.o.(*Slice).Indices(t, n)
		if err != nil {
			return Null, err
		}
		return Value{o: NewTuple(Int(int64(start)), Int(int64(stop)), Int(int64(step)))}, nil
	}})
}

// tupleHash is CPython's tuple hash (xxHash-based, 3.8+).
func tupleHash(t *Thread, items []Value) (int64, error) {
	const (
		prime1 = 11400714785074694791
		prime2 = 14029467366897019727
		prime5 = 2870177450012600261
	)
	acc := uint64(prime5)
	for _, it := range items {
		h, err := Hash(t, it)
		if err != nil {
			return 0, err
		}
		acc += uint64(h) * prime2
		acc = acc<<31 | acc>>33
		acc *= prime1
	}
	acc += uint64(len(items)) ^ (prime5 ^ 3527539)
	if acc == ^uint64(0) {
		return 1546275796, nil
	}
	return int64(acc), nil
}
