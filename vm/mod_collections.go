package vm

import (
	"fmt"
	"strings"
)

// The _collections module (Modules/_collectionsmodule.c): deque and its
// iterators, defaultdict, _count_elements and _tuplegetter. OrderedDict
// is left to collections/__init__.py's pure-Python class.
//
// A deque is a ring buffer: O(1) appends and pops at both ends. Every
// mutation bumps its state counter, which iterators and the searching
// methods compare to raise CPython's "deque mutated during iteration".

// Deque is a collections.deque.
type Deque struct {
	ObjectBase
	buf    []Value // ring buffer; len(buf) is the capacity
	head   int     // index in buf of the leftmost item
	n      int     // number of items
	maxlen int     // -1 when unbounded
	state  uint64  // bumped on every mutation
	slots  []Value
}

func (d *Deque) slotValues() []Value { return d.slots }

type dequeIter struct {
	ObjectBase
	d       *Deque
	index   int // next position (from the left, or from the right when reversed)
	counter int // items left
	state   uint64
}

var (
	DequeType           = nativeType("collections", "deque", nil, FlagBaseType|FlagSequence)
	dequeIterType       = nativeType("collections", "_deque_iterator", nil, 0)
	dequeRevIterType    = nativeType("collections", "_deque_reverse_iterator", nil, 0)
	DefaultDictType     = nativeType("collections", "defaultdict", DictType, FlagBaseType|FlagDictSubclass|FlagMapping)
	tupleGetterType     = nativeType("collections", "_tuplegetter", nil, 0)
	dequeInitSpec       = ArgSpec{Name: "deque", Params: []string{"iterable", "maxlen"}}
	dequeIterNewSpec    = ArgSpec{Name: "_deque_iterator", Params: []string{"deque", "index"}, Required: 1, PosOnly: 2}
	tupleGetterNewSpec  = ArgSpec{Name: "_tuplegetter", Params: []string{"index", "doc"}, Required: 2, PosOnly: 2}
	countElementsSpec   = ArgSpec{Name: "_count_elements", Params: []string{"mapping", "iterable"}, Required: 2, PosOnly: 2}
	defaultDictNoFactor = "first argument must be callable or None"
)

// at returns item i (0 <= i < n).
func (d *Deque) at(i int) Value { return d.buf[(d.head+i)%len(d.buf)] }

func (d *Deque) set(i int, v Value) { d.buf[(d.head+i)%len(d.buf)] = v }

// grow makes room for one more item.
func (d *Deque) grow() {
	if d.n < len(d.buf) {
		return
	}
	nb := make([]Value, max(8, 2*len(d.buf)))
	for i := 0; i < d.n; i++ {
		nb[i] = d.at(i)
	}
	d.buf, d.head = nb, 0
}

// items returns the items left to right in a new slice.
func (d *Deque) items() []Value {
	out := make([]Value, d.n)
	for i := range out {
		out[i] = d.at(i)
	}
	return out
}

func (d *Deque) pushRight(v Value) {
	d.grow()
	d.buf[(d.head+d.n)%len(d.buf)] = v
	d.n++
	d.state++
}

func (d *Deque) pushLeft(v Value) {
	d.grow()
	d.head = (d.head - 1 + len(d.buf)) % len(d.buf)
	d.buf[d.head] = v
	d.n++
	d.state++
}

func (d *Deque) popRight() Value {
	i := (d.head + d.n - 1) % len(d.buf)
	v := d.buf[i]
	d.buf[i] = Null
	d.n--
	d.state++
	return v
}

func (d *Deque) popLeft() Value {
	v := d.buf[d.head]
	d.buf[d.head] = Null
	d.head = (d.head + 1) % len(d.buf)
	d.n--
	d.state++
	return v
}

// append is deque.append: the leftmost item goes when the deque is full.
func (d *Deque) append(v Value) {
	if d.maxlen == 0 {
		return
	}
	d.pushRight(v)
	if d.maxlen >= 0 && d.n > d.maxlen {
		d.popLeft()
	}
}

func (d *Deque) appendLeft(v Value) {
	if d.maxlen == 0 {
		return
	}
	d.pushLeft(v)
	if d.maxlen >= 0 && d.n > d.maxlen {
		d.popRight()
	}
}

func (d *Deque) clear() {
	d.buf, d.head, d.n = nil, 0, 0
	d.state++
}

// rotate rotates n steps to the right.
func (d *Deque) rotate(n int) {
	if d.n <= 1 {
		return
	}
	n %= d.n
	if n < 0 {
		n += d.n
	}
	if n == 0 {
		return
	}
	if d.n == len(d.buf) {
		d.head = (d.head - n + len(d.buf)) % len(d.buf)
	} else {
		items := d.items()
		for i := 0; i < d.n; i++ {
			d.set(i, items[(i-n+d.n)%d.n])
		}
	}
	d.state++
}

// extend appends the items of an iterable (a copy first when it is the
// deque itself).
func (t *Thread) dequeExtend(d *Deque, dv, iterable Value, left bool) error {
	if iterable.o == Object(d) {
		iterable = Value{o: NewList(d.items()...)}
	}
	it, err := Iter(t, iterable)
	if err != nil {
		return err
	}
	for {
		x, err := Next(t, it)
		if err != nil {
			return err
		}
		if x.IsNull() {
			return nil
		}
		if left {
			d.appendLeft(x)
		} else {
			d.append(x)
		}
	}
}

// dequeCopy is deque.copy(): the same type with the same maxlen.
func (t *Thread) dequeCopy(v Value) (Value, error) {
	d := v.o.(*Deque)
	if v.Type() == DequeType {
		nd := &Deque{ObjectBase: ObjectBase{cls: DequeType}, maxlen: d.maxlen}
		for i := 0; i < d.n; i++ {
			nd.pushRight(d.at(i))
		}
		return Value{o: nd}, nil
	}
	if d.maxlen < 0 {
		return t.Call(Value{o: v.Type()}, []Value{v}, nil)
	}
	return t.Call(Value{o: v.Type()}, []Value{v, Int(int64(d.maxlen))}, nil)
}

// dequeIndex converts a subscript as sq_item does.
func dequeIndex(t *Thread, d *Deque, key Value) (int, error) {
	if !hasIndex(key) {
		return 0, t.typeErrorf("sequence index must be integer, not '%s'", typeName(key))
	}
	i, err := AsSize(t, key, IndexErrorType)
	if err != nil {
		return 0, err
	}
	if i < 0 {
		i += d.n
	}
	if i < 0 || i >= d.n {
		return 0, t.raise(IndexErrorType, "deque index out of range")
	}
	return i, nil
}

func init() {
	onSetup(setupCollections)
	RegisterModule("_collections", func(t *Thread, m *Module) error {
		m.Set("__doc__", NewStrValue("High performance data structures.\n- deque:        ordered collection accessible from endpoints only\n- defaultdict:  dict subclass with a default value factory\n"))
		m.addType(DequeType)
		m.addType(DefaultDictType)
		m.addType(dequeIterType)
		m.addType(dequeRevIterType)
		m.addType(tupleGetterType)
		m.AddFunc("_count_elements", countElements)
		return nil
	})
}

func setupCollections() {
	dt := DequeType
	dt.hashNone = true
	weakrefableNative[dt] = true
	dt.New = func(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
		d := &Deque{ObjectBase: ObjectBase{cls: cls}, maxlen: -1}
		if cls.nslots > 0 {
			d.slots = make([]Value, cls.nslots)
		}
		return Value{o: d}, nil
	}
	dt.Init = func(t *Thread, self Value, args []Value, kw []*Str) error {
		var a [2]Value
		if err := clinicArgs(t, &dequeInitSpec, args, kw, a[:]); err != nil {
			return err
		}
		d := self.o.(*Deque)
		maxlen := -1
		if !a[1].IsNull() && !a[1].IsNone() {
			if !a[1].IsIntLike() {
				if _, ok := a[1].o.(*BigInt); !ok {
					return t.typeErrorf("an integer is required")
				}
			}
			n, err := AsSize(t, a[1], OverflowErrorType)
			if err != nil {
				return err
			}
			if n < 0 {
				return t.valueErrorf("maxlen must be non-negative")
			}
			maxlen = n
		}
		d.maxlen = maxlen
		if d.n > 0 {
			d.clear()
		}
		if !a[0].IsNull() {
			return t.dequeExtend(d, self, a[0], false)
		}
		return nil
	}
	dt.Repr = func(t *Thread, v Value) (Value, error) {
		d := v.o.(*Deque)
		if t.reprEnter(v) {
			return NewStrValue("[...]"), nil
		}
		items := d.items()
		var b strings.Builder
		b.WriteString(shortName(v.Type()))
		b.WriteString("([")
		for i, x := range items {
			if i > 0 {
				b.WriteString(", ")
			}
			r, err := Repr(t, x)
			if err != nil {
				t.reprLeave(v)
				return Null, err
			}
			b.WriteString(r.s)
		}
		t.reprLeave(v)
		b.WriteString("]")
		if d.maxlen >= 0 {
			fmt.Fprintf(&b, ", maxlen=%d", d.maxlen)
		}
		b.WriteString(")")
		return NewStrValue(b.String()), nil
	}
	dt.Len = func(t *Thread, v Value) (int, error) { return v.o.(*Deque).n, nil }
	dt.Iter = func(t *Thread, v Value) (Value, error) {
		d := v.o.(*Deque)
		return Value{o: &dequeIter{ObjectBase: ObjectBase{cls: dequeIterType}, d: d, counter: d.n, state: d.state}}, nil
	}
	dt.Contains = func(t *Thread, v, x Value) (bool, error) {
		d := v.o.(*Deque)
		state := d.state
		for i := 0; i < d.n; i++ {
			item := d.at(i)
			eq, err := RichCompareBool(t, item, x, EQ)
			if err != nil {
				return false, err
			}
			if d.state != state {
				return false, t.raise(RuntimeErrorType, "deque mutated during iteration")
			}
			if eq {
				return true, nil
			}
		}
		return false, nil
	}
	dt.GetItem = func(t *Thread, v, key Value) (Value, error) {
		d := v.o.(*Deque)
		i, err := dequeIndex(t, d, key)
		if err != nil {
			return Null, err
		}
		return d.at(i), nil
	}
	dt.SetItem = func(t *Thread, v, key, value Value) error {
		d := v.o.(*Deque)
		i, err := dequeIndex(t, d, key)
		if err != nil {
			return err
		}
		if value.IsNull() {
			items := d.items()
			items = append(items[:i], items[i+1:]...)
			d.clear()
			for _, x := range items {
				d.pushRight(x)
			}
			return nil
		}
		d.set(i, value)
		return nil
	}
	dt.Compare = func(t *Thread, a, b Value, op CompareOp) (Value, error) {
		da := a.o.(*Deque)
		db, ok := b.o.(*Deque)
		if !ok || !b.Type().IsSubtype(DequeType) {
			return NotImplemented, nil
		}
		return seqCompare(t, da.items(), db.items(), op)
	}
	dt.SqConcat = func(t *Thread, a, b Value) (Value, error) {
		if _, ok := b.o.(*Deque); !ok || !b.Type().IsSubtype(DequeType) {
			return Null, t.typeErrorf("can only concatenate deque (not \"%s\") to deque", typeName(b))
		}
		nv, err := t.dequeCopy(a)
		if err != nil {
			return Null, err
		}
		nd, ok := nv.o.(*Deque)
		if !ok {
			return Null, t.typeErrorf("copy() returned a non-deque")
		}
		return nv, t.dequeExtend(nd, nv, b, false)
	}
	dt.SqRepeat = func(t *Thread, v Value, n int) (Value, error) {
		nv, err := t.dequeCopy(v)
		if err != nil {
			return Null, err
		}
		return nv, dequeRepeatInPlace(t, nv.o.(*Deque), n)
	}
	dt.SqInplaceConcat = func(t *Thread, a, b Value) (Value, error) {
		return a, t.dequeExtend(a.o.(*Deque), a, b, false)
	}
	dt.SqInplaceRepeat = func(t *Thread, v Value, n int) (Value, error) {
		return v, dequeRepeatInPlace(t, v.o.(*Deque), n)
	}
	defGetSet(dt, "maxlen", func(t *Thread, self Value) (Value, error) {
		d := self.o.(*Deque)
		if d.maxlen < 0 {
			return None, nil
		}
		return Int(int64(d.maxlen)), nil
	}, nil)
	method := func(name string, fn func(t *Thread, self Value, d *Deque, args []Value, kw []*Str) (Value, error)) MethodDef {
		return MethodDef{Name: name, Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return fn(t, self, self.o.(*Deque), args, kw)
		}}
	}
	oneArgMethod := func(name string, fn func(t *Thread, self Value, d *Deque, x Value) (Value, error)) MethodDef {
		return method(name, func(t *Thread, self Value, d *Deque, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, name, args, kw); err != nil {
				return Null, err
			}
			return fn(t, self, d, args[0])
		})
	}
	noArgMethod := func(name string, fn func(t *Thread, self Value, d *Deque) (Value, error)) MethodDef {
		return method(name, func(t *Thread, self Value, d *Deque, args []Value, kw []*Str) (Value, error) {
			if err := noArgs(t, name, args, kw); err != nil {
				return Null, err
			}
			return fn(t, self, d)
		})
	}
	defMethods(dt,
		oneArgMethod("append", func(t *Thread, self Value, d *Deque, x Value) (Value, error) {
			d.append(x)
			return None, nil
		}),
		oneArgMethod("appendleft", func(t *Thread, self Value, d *Deque, x Value) (Value, error) {
			d.appendLeft(x)
			return None, nil
		}),
		noArgMethod("pop", func(t *Thread, self Value, d *Deque) (Value, error) {
			if d.n == 0 {
				return Null, t.raise(IndexErrorType, "pop from an empty deque")
			}
			return d.popRight(), nil
		}),
		noArgMethod("popleft", func(t *Thread, self Value, d *Deque) (Value, error) {
			if d.n == 0 {
				return Null, t.raise(IndexErrorType, "pop from an empty deque")
			}
			return d.popLeft(), nil
		}),
		oneArgMethod("extend", func(t *Thread, self Value, d *Deque, x Value) (Value, error) {
			return None, t.dequeExtend(d, self, x, false)
		}),
		oneArgMethod("extendleft", func(t *Thread, self Value, d *Deque, x Value) (Value, error) {
			return None, t.dequeExtend(d, self, x, true)
		}),
		method("rotate", func(t *Thread, self Value, d *Deque, args []Value, kw []*Str) (Value, error) {
			if err := checkPositional(t, "rotate", args, kw, 0, 1); err != nil {
				return Null, err
			}
			n := 1
			if len(args) == 1 {
				var err error
				if n, err = AsSize(t, args[0], OverflowErrorType); err != nil {
					return Null, err
				}
			}
			d.rotate(n)
			return None, nil
		}),
		oneArgMethod("count", func(t *Thread, self Value, d *Deque, x Value) (Value, error) {
			state := d.state
			count := 0
			for i := 0; i < d.n; i++ {
				eq, err := RichCompareBool(t, d.at(i), x, EQ)
				if err != nil {
					return Null, err
				}
				if d.state != state {
					return Null, t.raise(RuntimeErrorType, "deque mutated during iteration")
				}
				if eq {
					count++
				}
			}
			return Int(int64(count)), nil
		}),
		method("index", func(t *Thread, self Value, d *Deque, args []Value, kw []*Str) (Value, error) {
			if err := checkPositional(t, "index", args, kw, 1, 3); err != nil {
				return Null, err
			}
			start, stop := 0, d.n
			if len(args) > 1 {
				var err error
				if start, err = sliceIndex(t, args[1]); err != nil {
					return Null, err
				}
				if start < 0 {
					start = max(start+d.n, 0)
				}
			}
			if len(args) > 2 {
				var err error
				if stop, err = sliceIndex(t, args[2]); err != nil {
					return Null, err
				}
				if stop < 0 {
					stop = max(stop+d.n, 0)
				}
			}
			stop = min(stop, d.n)
			state := d.state
			for i := start; i < stop; i++ {
				eq, err := RichCompareBool(t, d.at(i), args[0], EQ)
				if err != nil {
					return Null, err
				}
				if d.state != state {
					return Null, t.raise(RuntimeErrorType, "deque mutated during iteration")
				}
				if eq {
					return Int(int64(i)), nil
				}
			}
			r, err := Repr(t, args[0])
			if err != nil {
				return Null, err
			}
			return Null, t.valueErrorf("%s is not in deque", r.s)
		}),
		method("insert", func(t *Thread, self Value, d *Deque, args []Value, kw []*Str) (Value, error) {
			if err := checkPositional(t, "insert", args, kw, 2, 2); err != nil {
				return Null, err
			}
			i, err := AsSize(t, args[0], OverflowErrorType)
			if err != nil {
				return Null, err
			}
			if d.maxlen >= 0 && d.n >= d.maxlen {
				return Null, t.raise(IndexErrorType, "deque already at its maximum size")
			}
			if i < 0 {
				i = max(i+d.n, 0)
			}
			i = min(i, d.n)
			items := d.items()
			items = append(items[:i], append([]Value{args[1]}, items[i:]...)...)
			d.clear()
			for _, x := range items {
				d.pushRight(x)
			}
			return None, nil
		}),
		oneArgMethod("remove", func(t *Thread, self Value, d *Deque, x Value) (Value, error) {
			state := d.state
			for i := 0; i < d.n; i++ {
				eq, err := RichCompareBool(t, d.at(i), x, EQ)
				if err != nil {
					return Null, err
				}
				if d.state != state {
					return Null, t.raise(IndexErrorType, "deque mutated during remove().")
				}
				if eq {
					items := d.items()
					items = append(items[:i], items[i+1:]...)
					d.clear()
					for _, y := range items {
						d.pushRight(y)
					}
					return None, nil
				}
			}
			r, err := Repr(t, x)
			if err != nil {
				return Null, err
			}
			return Null, t.valueErrorf("%s is not in deque", r.s)
		}),
		noArgMethod("reverse", func(t *Thread, self Value, d *Deque) (Value, error) {
			for i, j := 0, d.n-1; i < j; i, j = i+1, j-1 {
				a, b := d.at(i), d.at(j)
				d.set(i, b)
				d.set(j, a)
			}
			d.state++
			return None, nil
		}),
		noArgMethod("clear", func(t *Thread, self Value, d *Deque) (Value, error) {
			d.clear()
			return None, nil
		}),
		noArgMethod("copy", func(t *Thread, self Value, d *Deque) (Value, error) { return t.dequeCopy(self) }),
		noArgMethod("__copy__", func(t *Thread, self Value, d *Deque) (Value, error) { return t.dequeCopy(self) }),
		noArgMethod("__reversed__", func(t *Thread, self Value, d *Deque) (Value, error) {
			return Value{o: &dequeIter{ObjectBase: ObjectBase{cls: dequeRevIterType}, d: d, counter: d.n, state: d.state}}, nil
		}),
		noArgMethod("__reduce__", func(t *Thread, self Value, d *Deque) (Value, error) {
			var state Value = None
			if dd := InstanceDict(self.o); dd != nil && dd.Len() > 0 {
				state = Value{o: dd}
			}
			it := Value{o: &dequeIter{ObjectBase: ObjectBase{cls: dequeIterType}, d: d, counter: d.n, state: d.state}}
			if d.maxlen < 0 {
				return Value{o: NewTuple(Value{o: self.Type()}, Value{o: emptyTuple}, state, it)}, nil
			}
			return Value{o: NewTuple(Value{o: self.Type()}, Value{o: NewTuple(Value{o: emptyTuple}, Int(int64(d.maxlen)))}, state, it)}, nil
		}),
		noArgMethod("__sizeof__", func(t *Thread, self Value, d *Deque) (Value, error) {
			blocks := (d.n + 64) / 64
			return Int(int64(96 + blocks*528)), nil
		}),
		MethodDef{Name: "__class_getitem__", Class: true, Fn: classGetItemAlias},
	)
	defMethods(dt, dequeSeqWrappers()...)

	for _, it := range []*Type{dequeIterType, dequeRevIterType} {
		it := it
		reverse := it == dequeRevIterType
		it.Iter = selfIter
		it.Next = func(t *Thread, v Value) (Value, error) {
			di := v.o.(*dequeIter)
			if di.d.state != di.state {
				di.counter = 0
				return Null, t.raise(RuntimeErrorType, "deque mutated during iteration")
			}
			if di.counter == 0 {
				return Null, nil
			}
			var x Value
			if reverse {
				x = di.d.at(di.d.n - 1 - di.index)
			} else {
				x = di.d.at(di.index)
			}
			di.index++
			di.counter--
			return x, nil
		}
		it.New = func(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
			spec := dequeIterNewSpec
			spec.Name = shortName(it)
			var a [2]Value
			if err := clinicArgs(t, &spec, args, kw, a[:]); err != nil {
				return Null, err
			}
			d, ok := a[0].o.(*Deque)
			if !ok {
				return Null, t.typeErrorf("%s() argument 1 must be collections.deque, not %s", spec.Name, typeName(a[0]))
			}
			di := &dequeIter{ObjectBase: ObjectBase{cls: it}, d: d, counter: d.n, state: d.state}
			if !a[1].IsNull() {
				n, err := AsSize(t, a[1], OverflowErrorType)
				if err != nil {
					return Null, err
				}
				n = min(max(n, 0), d.n)
				di.index, di.counter = n, d.n-n
			}
			return Value{o: di}, nil
		}
		defMethods(it,
			MethodDef{Name: "__length_hint__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
				return Int(int64(self.o.(*dequeIter).counter)), nil
			}},
			MethodDef{Name: "__reduce__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
				di := self.o.(*dequeIter)
				return Value{o: NewTuple(Value{o: it}, Value{o: NewTuple(Value{o: di.d}, Int(int64(di.d.n-di.counter)))})}, nil
			}},
		)
	}

	setupDefaultDict()
	setupTupleGetter()
}

// dequeSeqWrappers are deque's __add__, __mul__, __rmul__, __iadd__ and
// __imul__ (the wrappers of its sequence slots).
func dequeSeqWrappers() []MethodDef {
	binary := func(name string, fn func(t *Thread, self, x Value) (Value, error)) MethodDef {
		return MethodDef{Name: name, Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, name, args, kw); err != nil {
				return Null, err
			}
			return fn(t, self, args[0])
		}}
	}
	repeat := func(r func() RepeatSlot) func(t *Thread, self, x Value) (Value, error) {
		return func(t *Thread, self, x Value) (Value, error) {
			if !hasIndex(x) {
				return NotImplemented, nil
			}
			n, err := AsSize(t, x, OverflowErrorType)
			if err != nil {
				return Null, err
			}
			return r()(t, self, n)
		}
	}
	dt := DequeType
	return []MethodDef{
		binary("__add__", func(t *Thread, self, x Value) (Value, error) { return dt.SqConcat(t, self, x) }),
		binary("__iadd__", func(t *Thread, self, x Value) (Value, error) { return dt.SqInplaceConcat(t, self, x) }),
		binary("__mul__", repeat(func() RepeatSlot { return dt.SqRepeat })),
		binary("__rmul__", repeat(func() RepeatSlot { return dt.SqRepeat })),
		binary("__imul__", repeat(func() RepeatSlot { return dt.SqInplaceRepeat })),
	}
}

// dequeRepeatInPlace is d *= n.
func dequeRepeatInPlace(t *Thread, d *Deque, n int) error {
	if n <= 0 || d.n == 0 {
		d.clear()
		return nil
	}
	if n == 1 {
		return nil
	}
	items := d.items()
	if d.maxlen < 0 {
		if err := t.checkRepeat(len(items), n); err != nil {
			return err
		}
	}
	for r := 1; r < n; r++ {
		for _, x := range items {
			d.append(x)
		}
		if d.maxlen >= 0 && r*len(items) >= d.maxlen+len(items) {
			break
		}
	}
	return nil
}

func setupDefaultDict() {
	dd := DefaultDictType
	dd.New = func(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
		r, err := DictType.New(t, cls, args, kw)
		if err != nil {
			return Null, err
		}
		r.o.(*Dict).ext = None
		return r, nil
	}
	dd.Init = func(t *Thread, self Value, args []Value, kw []*Str) error {
		pos, _ := kwArgs(args, kw)
		factory := None
		if len(pos) > 0 {
			factory = pos[0]
			if !factory.IsNone() && !isCallable(factory) {
				return t.typeErrorf("%s", defaultDictNoFactor)
			}
			args = args[1:]
		}
		self.o.(*Dict).ext = factory
		return DictType.Init(t, self, args, kw)
	}
	dd.Repr = func(t *Thread, v Value) (Value, error) {
		d := v.o.(*Dict)
		factory := d.ext
		fr := "None"
		if !factory.IsNull() && !factory.IsNone() {
			if t.reprEnter(v) {
				fr = "..."
			} else {
				r, err := Repr(t, factory)
				t.reprLeave(v)
				if err != nil {
					return Null, err
				}
				fr = r.s
			}
		}
		dr, err := DictType.Repr(t, v)
		if err != nil {
			return Null, err
		}
		return NewStrValue(shortName(v.Type()) + "(" + fr + ", " + dr.o.(*Str).s + ")"), nil
	}
	defGetSet(dd, "default_factory", func(t *Thread, self Value) (Value, error) {
		return noneIfNull(self.o.(*Dict).ext), nil
	}, func(t *Thread, self, v Value) error {
		if v.IsNull() {
			v = None
		}
		self.o.(*Dict).ext = v
		return nil
	})
	missing := func(t *Thread, self Value, key Value) (Value, error) {
		d := self.o.(*Dict)
		if d.ext.IsNull() || d.ext.IsNone() {
			return Null, NewException(KeyErrorType, key)
		}
		v, err := t.Call(d.ext, nil, nil)
		if err != nil {
			return Null, err
		}
		if err := SetItem(t, self, key, v); err != nil {
			return Null, err
		}
		return v, nil
	}
	ddCopy := func(t *Thread, self Value) (Value, error) {
		d := self.o.(*Dict)
		return t.Call(Value{o: self.Type()}, []Value{noneIfNull(d.ext), self}, nil)
	}
	defMethods(dd,
		MethodDef{Name: "__missing__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "__missing__", args, kw); err != nil {
				return Null, err
			}
			return missing(t, self, args[0])
		}},
		MethodDef{Name: "copy", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return ddCopy(t, self)
		}},
		MethodDef{Name: "__copy__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return ddCopy(t, self)
		}},
		MethodDef{Name: "__reduce__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			d := self.o.(*Dict)
			var fargs Value = Value{o: emptyTuple}
			if !d.ext.IsNull() && !d.ext.IsNone() {
				fargs = Value{o: NewTuple(d.ext)}
			}
			items, err := callMethodName(t, self, "items")
			if err != nil {
				return Null, err
			}
			it, err := Iter(t, items)
			if err != nil {
				return Null, err
			}
			return Value{o: NewTuple(Value{o: self.Type()}, fargs, None, None, it)}, nil
		}},
	)
	// d | other and other | d keep the defaultdict type and factory.
	dd.Number.Or = func(t *Thread, a, b Value) (Value, error) {
		self, other := a, b
		if !a.Type().IsSubtype(DefaultDictType) {
			self, other = b, a
		}
		if _, ok := other.o.(*Dict); !ok {
			return NotImplemented, nil
		}
		r, err := t.Call(Value{o: self.Type()}, []Value{noneIfNull(self.o.(*Dict).ext), a}, nil)
		if err != nil {
			return Null, err
		}
		rd, ok := r.o.(*Dict)
		if !ok {
			return r, nil
		}
		return r, dictUpdate(t, rd, b, false)
	}
}

// callMethodName calls v.name().
func callMethodName(t *Thread, v Value, name string, args ...Value) (Value, error) {
	m, err := GetAttrString(t, v, name)
	if err != nil {
		return Null, err
	}
	return t.Call(m, args, nil)
}

// countElements is _count_elements(mapping, iterable): mapping[x] =
// mapping.get(x, 0) + 1 for each x.
func countElements(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
	var a [2]Value
	if err := clinicArgs(t, &countElementsSpec, args, kw, a[:]); err != nil {
		return Null, err
	}
	it, err := Iter(t, a[1])
	if err != nil {
		return Null, err
	}
	d, exact := a[0].o.(*Dict)
	exact = exact && a[0].Type() == DictType
	var getFn Value
	for {
		x, err := Next(t, it)
		if err != nil {
			return Null, err
		}
		if x.IsNull() {
			return None, nil
		}
		if exact {
			old, ok, err := d.Get(t, x)
			if err != nil {
				return Null, err
			}
			n := Int(1)
			if ok {
				if n, err = binaryOp(t, old, Int(1), opAdd); err != nil {
					return Null, err
				}
			}
			if err := d.Set(t, x, n); err != nil {
				return Null, err
			}
			continue
		}
		if getFn.IsNull() {
			if getFn, err = GetAttrString(t, a[0], "get"); err != nil {
				return Null, err
			}
		}
		old, err := t.Call(getFn, []Value{x, Int(0)}, nil)
		if err != nil {
			return Null, err
		}
		n, err := binaryOp(t, old, Int(1), opAdd)
		if err != nil {
			return Null, err
		}
		if err := SetItem(t, a[0], x, n); err != nil {
			return Null, err
		}
	}
}

// tupleGetter is collections._tuplegetter: the field descriptors of the
// classes namedtuple makes.
type tupleGetter struct {
	ObjectBase
	index int
	doc   Value
}

func setupTupleGetter() {
	tg := tupleGetterType
	tg.New = func(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
		var a [2]Value
		if err := clinicArgs(t, &tupleGetterNewSpec, args, kw, a[:]); err != nil {
			return Null, err
		}
		i, err := AsSize(t, a[0], OverflowErrorType)
		if err != nil {
			return Null, err
		}
		return Value{o: &tupleGetter{ObjectBase: ObjectBase{cls: cls}, index: i, doc: a[1]}}, nil
	}
	tg.DescrGet = func(t *Thread, descr, obj Value, cls *Type) (Value, error) {
		g := descr.o.(*tupleGetter)
		if obj.IsNull() || obj.IsNone() {
			return descr, nil
		}
		tu, ok := obj.o.(*Tuple)
		if !ok {
			return Null, t.typeErrorf("descriptor for index '%d' for tuple subclasses doesn't apply to '%s' object", g.index, typeName(obj))
		}
		if g.index < 0 || g.index >= len(tu.items) {
			return Null, t.raise(IndexErrorType, "tuple index out of range")
		}
		return tu.items[g.index], nil
	}
	tg.DescrSet = func(t *Thread, descr, obj, value Value) error {
		if value.IsNull() {
			return t.raise(AttributeErrorType, "can't delete attribute")
		}
		return t.raise(AttributeErrorType, "can't set attribute")
	}
	tg.Repr = func(t *Thread, v Value) (Value, error) {
		g := v.o.(*tupleGetter)
		r, err := Repr(t, g.doc)
		if err != nil {
			return Null, err
		}
		return NewStrValue(fmt.Sprintf("%s(%d, %s)", shortName(v.Type()), g.index, r.s)), nil
	}
	defGetSet(tg, "__doc__", func(t *Thread, self Value) (Value, error) {
		return self.o.(*tupleGetter).doc, nil
	}, func(t *Thread, self, v Value) error {
		if v.IsNull() {
			v = None
		}
		self.o.(*tupleGetter).doc = v
		return nil
	})
	defMethods(tg, MethodDef{Name: "__reduce__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		g := self.o.(*tupleGetter)
		return Value{o: NewTuple(Value{o: self.Type()}, Value{o: NewTuple(Int(int64(g.index)), g.doc)})}, nil
	}})
}
