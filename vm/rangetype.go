package vm

import "math/big"

// range and its iterator. A range whose bounds fit in an int64 is
// iterated without allocation; the others go through big ints.

// Range is a range object.
type Range struct {
	ObjectBase
	start, stop, step Value // ints
	length            Value // int
}

type rangeIter struct {
	ObjectBase
	next, step int64
	left       int64
	big        *bigRangeIter
}

type bigRangeIter struct {
	next, step, left *big.Int
}

var rangeIterType = builtinType("range_iterator", nil, 0)
var longRangeIterType = builtinType("longrange_iterator", nil, 0)

// rangeLen computes the length of a range of ints.
func rangeLen(start, stop, step *big.Int) *big.Int {
	n := new(big.Int)
	if step.Sign() > 0 {
		if start.Cmp(stop) >= 0 {
			return n
		}
		n.Sub(stop, start)
		n.Sub(n, big.NewInt(1))
		n.Quo(n, step)
		return n.Add(n, big.NewInt(1))
	}
	if start.Cmp(stop) <= 0 {
		return n
	}
	n.Sub(start, stop)
	n.Sub(n, big.NewInt(1))
	n.Quo(n, new(big.Int).Neg(step))
	return n.Add(n, big.NewInt(1))
}

func bigOf(v Value) *big.Int {
	i, _ := intConst(v)
	return i.Big()
}

// newRange builds a range from index-able bounds.
func newRange(t *Thread, args []Value) (*Range, error) {
	var vals [3]Value
	for i, a := range args {
		v, err := Index(t, a)
		if err != nil {
			return nil, err
		}
		vals[i] = v
	}
	r := &Range{ObjectBase: ObjectBase{cls: RangeType}, start: Int(0), step: Int(1)}
	switch len(args) {
	case 1:
		r.stop = vals[0]
	case 2, 3:
		r.start, r.stop = vals[0], vals[1]
		if len(args) == 3 {
			r.step = vals[2]
		}
	}
	if r.step.IsSmallInt() && r.step.SmallInt() == 0 {
		return nil, t.valueErrorf("range() arg 3 must not be zero")
	}
	if r.start.IsSmallInt() && r.stop.IsSmallInt() && r.step.IsSmallInt() {
		a, b, s := r.start.SmallInt(), r.stop.SmallInt(), r.step.SmallInt()
		var n int64
		if s > 0 && a < b {
			n = int64((uint64(b-a)-1)/uint64(s)) + 1
		} else if s < 0 && a > b {
			n = int64((uint64(a-b)-1)/uint64(-s)) + 1
		}
		if n >= 0 {
			r.length = Int(n)
			return r, nil
		}
	}
	r.length = NewBigInt(rangeLen(bigOf(r.start), bigOf(r.stop), bigOf(r.step)))
	return r, nil
}

// item returns r[i] for 0 <= i < len.
func (r *Range) item(i Value) Value {
	if r.start.IsSmallInt() && r.step.IsSmallInt() && i.IsSmallInt() {
		a, s, k := r.start.SmallInt(), r.step.SmallInt(), i.SmallInt()
		if k < 1<<31 && s > -(1<<31) && s < 1<<31 {
			v := a + s*k
			if (s >= 0 && v >= a) || (s < 0 && v <= a) {
				return Int(v)
			}
		}
	}
	v := new(big.Int).Mul(bigOf(r.step), bigOf(i))
	return NewBigInt(v.Add(v, bigOf(r.start)))
}

func init() {
	onSetup(setupRange)
}

func setupRange() {
	rt := RangeType
	rt.New = func(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
		if err := noKwargs(t, "range", kw); err != nil {
			return Null, err
		}
		switch len(args) {
		case 0:
			return Null, t.typeErrorf("range expected at least 1 argument, got 0")
		case 1, 2, 3:
		default:
			return Null, t.typeErrorf("range expected at most 3 arguments, got %d", len(args))
		}
		r, err := newRange(t, args)
		if err != nil {
			return Null, err
		}
		return Value{o: r}, nil
	}
	rt.Repr = func(t *Thread, v Value) (Value, error) {
		r := v.o.(*Range)
		a, _ := Repr(t, r.start)
		b, _ := Repr(t, r.stop)
		if r.step.IsSmallInt() && r.step.SmallInt() == 1 {
			return NewStrValue("range(" + a.s + ", " + b.s + ")"), nil
		}
		c, _ := Repr(t, r.step)
		return NewStrValue("range(" + a.s + ", " + b.s + ", " + c.s + ")"), nil
	}
	rt.Len = func(t *Thread, v Value) (int, error) {
		r := v.o.(*Range)
		if !r.length.IsSmallInt() {
			return 0, t.raise(OverflowErrorType, "Python int too large to convert to C ssize_t")
		}
		return int(r.length.SmallInt()), nil
	}
	rt.Number.Bool = func(t *Thread, v Value) (bool, error) {
		l := v.o.(*Range).length
		return !(l.IsSmallInt() && l.SmallInt() == 0), nil
	}
	rt.Iter = func(t *Thread, v Value) (Value, error) {
		r := v.o.(*Range)
		if r.start.IsSmallInt() && r.step.IsSmallInt() && r.length.IsSmallInt() {
			stop := new(big.Int).Mul(bigOf(r.step), bigOf(r.length))
			stop.Add(stop, bigOf(r.start))
			if stop.IsInt64() {
				return Value{o: &rangeIter{ObjectBase: ObjectBase{cls: rangeIterType}, next: r.start.SmallInt(), step: r.step.SmallInt(), left: r.length.SmallInt()}}, nil
			}
		}
		return Value{o: &rangeIter{ObjectBase: ObjectBase{cls: longRangeIterType}, big: &bigRangeIter{
			next: new(big.Int).Set(bigOf(r.start)), step: bigOf(r.step), left: new(big.Int).Set(bigOf(r.length))}}}, nil
	}
	for _, tp := range []*Type{rangeIterType, longRangeIterType} {
		tp.Iter = selfIter
		tp.Next = func(t *Thread, v Value) (Value, error) {
			it := v.o.(*rangeIter)
			if it.big != nil {
				if it.big.left.Sign() <= 0 {
					return Null, nil
				}
				r := NewBigInt(new(big.Int).Set(it.big.next))
				it.big.next.Add(it.big.next, it.big.step)
				it.big.left.Sub(it.big.left, big.NewInt(1))
				return r, nil
			}
			if it.left <= 0 {
				return Null, nil
			}
			r := it.next
			it.next += it.step
			it.left--
			return Int(r), nil
		}
	}
	rt.GetItem = func(t *Thread, v, key Value) (Value, error) {
		r := v.o.(*Range)
		if s, ok := key.o.(*Slice); ok {
			n, err := AsSize(t, r.length, OverflowErrorType)
			if err != nil {
				return Null, err
			}
			start, stop, step, _, err := s.Indices(t, n)
			if err != nil {
				return Null, err
			}
			st := new(big.Int).Mul(bigOf(r.step), big.NewInt(int64(step)))
			a := bigOf(r.item(Int(int64(start))))
			b := bigOf(r.item(Int(int64(stop))))
			nr, err := newRange(t, []Value{NewBigInt(a), NewBigInt(b), NewBigInt(st)})
			if err != nil {
				return Null, err
			}
			return Value{o: nr}, nil
		}
		if !hasIndex(key) {
			return Null, t.typeErrorf("range indices must be integers or slices, not %s", typeName(key))
		}
		i, err := Index(t, key)
		if err != nil {
			return Null, err
		}
		if intCompare(i, Int(0)) < 0 {
			i = fromNumConst(mustInt(i).Add(mustInt(r.length)))
		}
		if intCompare(i, Int(0)) < 0 || intCompare(i, r.length) >= 0 {
			return Null, t.raise(IndexErrorType, "range object index out of range")
		}
		return r.item(i), nil
	}
	rt.Contains = func(t *Thread, c, x Value) (bool, error) {
		r := c.o.(*Range)
		if x.Type() == IntType || x.Type() == BoolType {
			n := bigOf(r.length)
			if n.Sign() == 0 {
				return false, nil
			}
			d := new(big.Int).Sub(bigOf(x), bigOf(r.start))
			q, m := new(big.Int).QuoRem(d, bigOf(r.step), new(big.Int))
			return m.Sign() == 0 && q.Sign() >= 0 && q.Cmp(n) < 0, nil
		}
		it, err := rt.Iter(t, c)
		if err != nil {
			return false, err
		}
		for {
			v, err := Next(t, it)
			if err != nil || v.IsNull() {
				return false, err
			}
			eq, err := RichCompareBool(t, v, x, EQ)
			if err != nil || eq {
				return eq, err
			}
		}
	}
	rt.Compare = func(t *Thread, a, b Value, op CompareOp) (Value, error) {
		y, ok := b.o.(*Range)
		if !ok || (op != EQ && op != NE) {
			return NotImplemented, nil
		}
		x := a.o.(*Range)
		eq := rangeEqual(x, y)
		return Bool(eq == (op == EQ)), nil
	}
	defMember(rt, "start", func(t *Thread, self Value) (Value, error) { return self.o.(*Range).start, nil })
	defMember(rt, "stop", func(t *Thread, self Value) (Value, error) { return self.o.(*Range).stop, nil })
	defMember(rt, "step", func(t *Thread, self Value) (Value, error) { return self.o.(*Range).step, nil })
}

func mustInt(v Value) (i pyconstInt) {
	i, _ = intConst(v)
	return i
}

func rangeEqual(x, y *Range) bool {
	if intCompare(x.length, y.length) != 0 {
		return false
	}
	if x.length.IsSmallInt() && x.length.SmallInt() == 0 {
		return true
	}
	if intCompare(x.start, y.start) != 0 {
		return false
	}
	if x.length.IsSmallInt() && x.length.SmallInt() == 1 {
		return true
	}
	return intCompare(x.step, y.step) == 0
}
