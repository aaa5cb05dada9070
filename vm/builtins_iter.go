package vm

import (
	"math/big"
)

// The iterator types of the builtins module: zip (with strict=), map,
// filter, enumerate and reversed, as Python/bltinmodule.c and
// Objects/enumobject.c define them (constructors and their messages, the
// order in which the underlying iterators are advanced, __length_hint__
// where CPython has one).

// The iterator types of the builtins module.
var (
	// ZipType is zip.
	ZipType = builtinType("zip", nil, FlagBaseType)
	// MapType is map.
	MapType = builtinType("map", nil, FlagBaseType)
	// FilterType is filter.
	FilterType = builtinType("filter", nil, FlagBaseType)
	// EnumerateType is enumerate.
	EnumerateType = builtinType("enumerate", nil, FlagBaseType)
	// ReversedType is reversed.
	ReversedType = builtinType("reversed", nil, FlagBaseType)
)

func init() {
	for _, tp := range []*Type{ZipType, MapType, FilterType, EnumerateType, ReversedType} {
		publicBuiltinTypes[tp] = true
	}
	onSetup(setupBuiltinIters)
}

// zipObject is a zip iterator.
type zipObject struct {
	ObjectBase
	iters  []Value
	strict bool
}

// mapObject is a map iterator.
type mapObject struct {
	ObjectBase
	fn    Value
	iters []Value
}

// filterObject is a filter iterator.
type filterObject struct {
	ObjectBase
	fn Value
	it Value
}

// enumObject is an enumerate iterator; the index moves to a big int past
// the machine word.
type enumObject struct {
	ObjectBase
	it    Value
	index int64
	big   *big.Int
}

// reversedObject is reversed(seq) for a sequence without __reversed__.
type reversedObject struct {
	ObjectBase
	seq   Value // NULL once exhausted
	index int
}

// iterNext is tp_iternext: the next item or NULL at the end, a
// StopIteration raised by a Python __next__ counting as the end.
func iterNext(t *Thread, it Value) (Value, error) {
	v, err := Next(t, it)
	if err != nil {
		if e := asException(err); e != nil && e.cls.IsSubtype(StopIterationType) {
			return Null, nil
		}
		return Null, err
	}
	return v, nil
}

// endOnStopIteration turns a StopIteration raised while computing an
// iterator's next item into the end of the iteration, as a C iterator's
// NULL result with StopIteration set is taken by every consumer.
func endOnStopIteration(v Value, err error) (Value, error) {
	if err != nil {
		if e := asException(err); e != nil && e.cls.IsSubtype(StopIterationType) {
			return Null, nil
		}
	}
	return v, err
}

var zipSpec = ArgSpec{Name: "zip", Params: []string{"strict"}, KwOnly: 1}

func setupBuiltinIters() {
	ZipType.New = func(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
		npos := len(args) - len(kw)
		strict := false
		if len(kw) > 0 {
			var opt [1]Value
			if err := zipSpec.Parse(t, args[npos:], kw, opt[:]); err != nil {
				return Null, err
			}
			if !opt[0].IsNull() {
				b, err := Truth(t, opt[0])
				if err != nil {
					return Null, err
				}
				strict = b
			}
		}
		iters := make([]Value, npos)
		for i, a := range args[:npos] {
			it, err := Iter(t, a)
			if err != nil {
				return Null, err
			}
			iters[i] = it
		}
		return Value{o: &zipObject{ObjectBase: ObjectBase{cls: cls}, iters: iters, strict: strict}}, nil
	}
	ZipType.Iter = selfIter
	ZipType.Next = func(t *Thread, v Value) (Value, error) { return v.o.(*zipObject).next(t) }

	MapType.New = func(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
		if cls == MapType {
			if err := noKwargs(t, "map", kw); err != nil {
				return Null, err
			}
		}
		npos := len(args) - len(kw)
		if npos < 2 {
			return Null, t.typeErrorf("map() must have at least two arguments.")
		}
		iters := make([]Value, npos-1)
		for i, a := range args[1:npos] {
			it, err := Iter(t, a)
			if err != nil {
				return Null, err
			}
			iters[i] = it
		}
		return Value{o: &mapObject{ObjectBase: ObjectBase{cls: cls}, fn: args[0], iters: iters}}, nil
	}
	MapType.Iter = selfIter
	MapType.Next = func(t *Thread, v Value) (Value, error) {
		m := v.o.(*mapObject)
		items := make([]Value, len(m.iters))
		for i, it := range m.iters {
			x, err := iterNext(t, it)
			if err != nil || x.IsNull() {
				return Null, err
			}
			items[i] = x
		}
		return endOnStopIteration(t.Call(m.fn, items, nil))
	}

	FilterType.New = func(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
		if cls == FilterType {
			if err := noKwargs(t, "filter", kw); err != nil {
				return Null, err
			}
		}
		npos := len(args) - len(kw)
		if npos != 2 {
			return Null, t.typeErrorf("filter expected 2 arguments, got %d", npos)
		}
		it, err := Iter(t, args[1])
		if err != nil {
			return Null, err
		}
		return Value{o: &filterObject{ObjectBase: ObjectBase{cls: cls}, fn: args[0], it: it}}, nil
	}
	FilterType.Iter = selfIter
	FilterType.Next = func(t *Thread, v Value) (Value, error) {
		f := v.o.(*filterObject)
		checkTrue := f.fn.IsNone() || f.fn.o == Object(BoolType)
		for {
			item, err := iterNext(t, f.it)
			if err != nil || item.IsNull() {
				return Null, err
			}
			var ok bool
			if checkTrue {
				ok, err = Truth(t, item)
			} else {
				var good Value
				good, err = endOnStopIteration(t.Call(f.fn, []Value{item}, nil))
				if err == nil && good.IsNull() {
					return Null, nil
				}
				if err == nil {
					ok, err = Truth(t, good)
				}
			}
			if err != nil {
				return Null, err
			}
			if ok {
				return item, nil
			}
		}
	}

	EnumerateType.New = enumerateNew
	EnumerateType.Iter = selfIter
	EnumerateType.Next = func(t *Thread, v Value) (Value, error) {
		e := v.o.(*enumObject)
		item, err := iterNext(t, e.it)
		if err != nil || item.IsNull() {
			return Null, err
		}
		var idx Value
		if e.big == nil && e.index < 1<<63-1 {
			idx = Int(e.index)
			e.index++
		} else {
			if e.big == nil {
				e.big = big.NewInt(e.index)
			}
			idx = NewBigInt(new(big.Int).Set(e.big))
			e.big.Add(e.big, big.NewInt(1))
		}
		return Value{o: NewTuple(idx, item)}, nil
	}
	defMethods(EnumerateType, MethodDef{Name: "__class_getitem__", Class: true, Fn: classGetItemAlias})

	ReversedType.New = func(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
		if cls == ReversedType {
			if err := noKwargs(t, "reversed", kw); err != nil {
				return Null, err
			}
		}
		npos := len(args) - len(kw)
		if npos != 1 {
			return Null, t.typeErrorf("reversed expected 1 argument, got %d", npos)
		}
		return reversedNew(t, cls, args[0])
	}
	ReversedType.Iter = selfIter
	ReversedType.Next = func(t *Thread, v Value) (Value, error) {
		r := v.o.(*reversedObject)
		if r.index >= 0 && !r.seq.IsNull() {
			item, err := GetItem(t, r.seq, Int(int64(r.index)))
			if err == nil {
				r.index--
				return item, nil
			}
			if e := asException(err); e == nil || !(e.cls.IsSubtype(IndexErrorType) || e.cls.IsSubtype(StopIterationType)) {
				return Null, err
			}
		}
		r.index = -1
		r.seq = Null
		return Null, nil
	}
	defMethods(ReversedType, MethodDef{Name: "__length_hint__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := noArgs(t, "__length_hint__", args, kw); err != nil {
			return Null, err
		}
		r := self.o.(*reversedObject)
		if r.seq.IsNull() {
			return Int(0), nil
		}
		n, err := Len(t, r.seq)
		if err != nil {
			return Null, err
		}
		pos := r.index + 1
		if n < pos {
			return Int(0), nil
		}
		return Int(int64(pos)), nil
	}})

	// The iterator of a sequence with only __getitem__ knows how much is
	// left when the sequence has a length (iter_len).
	defMethods(SeqIterType, MethodDef{Name: "__length_hint__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := noArgs(t, "__length_hint__", args, kw); err != nil {
			return Null, err
		}
		it := self.o.(*seqIter)
		if it.seq.IsNull() {
			return Int(0), nil
		}
		if it.seq.Type().Len == nil {
			return NotImplemented, nil
		}
		n, err := Len(t, it.seq)
		if err != nil {
			return Null, err
		}
		return Int(int64(max(0, n-it.i))), nil
	}})

	// range iterators tell how many items are left, unless the range
	// type's file defines that.
	for _, tp := range []*Type{rangeIterType, longRangeIterType} {
		if _, ok := tp.Dict.getStr(Intern("__length_hint__")); ok {
			continue
		}
		defMethods(tp, MethodDef{Name: "__length_hint__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := noArgs(t, "__length_hint__", args, kw); err != nil {
				return Null, err
			}
			it := self.o.(*rangeIter)
			if it.big != nil {
				if it.big.left.Sign() <= 0 {
					return Int(0), nil
				}
				return NewBigInt(new(big.Int).Set(it.big.left)), nil
			}
			return Int(max(0, it.left)), nil
		}})
	}

	// range.__reversed__ (a range_iterator running backwards), unless the
	// range type defines its own.
	if _, ok := RangeType.Dict.getStr(Intern("__reversed__")); !ok {
		defMethods(RangeType, MethodDef{Name: "__reversed__", Fn: rangeReversed})
	}
}

// rangeReversed is range.__reversed__: an iterator from the last item
// down by the step.
func rangeReversed(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
	if err := noArgs(t, "__reversed__", args, kw); err != nil {
		return Null, err
	}
	r := self.o.(*Range)
	length, step, start := bigOf(r.length), bigOf(r.step), bigOf(r.start)
	last := new(big.Int).Sub(length, big.NewInt(1))
	last.Mul(last, step)
	last.Add(last, start)
	negStep := new(big.Int).Neg(step)
	end := new(big.Int).Mul(negStep, length)
	end.Add(end, last)
	if last.IsInt64() && negStep.IsInt64() && length.IsInt64() && end.IsInt64() {
		return Value{o: &rangeIter{ObjectBase: ObjectBase{cls: rangeIterType}, next: last.Int64(), step: negStep.Int64(), left: length.Int64()}}, nil
	}
	return Value{o: &rangeIter{ObjectBase: ObjectBase{cls: longRangeIterType}, big: &bigRangeIter{
		next: last, step: negStep, left: new(big.Int).Set(length)}}}, nil
}

// reversedNew is reversed_new_impl: __reversed__ when the type has one
// (None makes it not reversible), else a sequence read backwards.
func reversedNew(t *Thread, cls *Type, seq Value) (Value, error) {
	m := seq.Type().Lookup(Intern("__reversed__"))
	if !m.IsNull() {
		if m.IsNone() {
			return Null, t.typeErrorf("'%s' object is not reversible", seq.Type().Name)
		}
		f, err := bindDescriptor(t, m, seq, seq.Type())
		if err != nil {
			return Null, err
		}
		return t.Call(f, nil, nil)
	}
	tp := seq.Type()
	if tp.GetItem == nil || tp.IsSubtype(DictType) {
		return Null, t.typeErrorf("'%s' object is not reversible", tp.Name)
	}
	n, err := Len(t, seq)
	if err != nil {
		return Null, err
	}
	return Value{o: &reversedObject{ObjectBase: ObjectBase{cls: cls}, seq: seq, index: n - 1}}, nil
}

var enumerateSpec = ArgSpec{Name: "enumerate", Params: []string{"iterable", "start"}, Required: 1}

// enumerateNew is enumerate's constructor: enum_vectorcall's hand-made
// argument handling for enumerate itself, Argument Clinic's for
// subclasses.
func enumerateNew(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
	npos := len(args) - len(kw)
	var iterable, start Value
	if cls == EnumerateType {
		checkKw := func(i int, name string) error {
			if kw[i].s != name {
				return t.typeErrorf("'%s' is an invalid keyword argument for enumerate()", kw[i].s)
			}
			return nil
		}
		switch len(args) {
		case 2:
			iterable, start = args[0], args[1]
			switch len(kw) {
			case 1:
				if err := checkKw(0, "start"); err != nil {
					return Null, err
				}
			case 2:
				if kw[0].s == "start" {
					if err := checkKw(1, "iterable"); err != nil {
						return Null, err
					}
					iterable, start = args[1], args[0]
				} else {
					if err := checkKw(0, "iterable"); err != nil {
						return Null, err
					}
					if err := checkKw(1, "start"); err != nil {
						return Null, err
					}
				}
			}
		case 1:
			if len(kw) == 1 {
				if err := checkKw(0, "iterable"); err != nil {
					return Null, err
				}
			}
			iterable = args[0]
		default:
			if npos == 0 {
				return Null, t.typeErrorf("enumerate() missing required argument 'iterable'")
			}
			return Null, t.typeErrorf("enumerate() takes at most 2 arguments (%d given)", len(args))
		}
	} else {
		var a [2]Value
		if err := parseClinic(t, &enumerateSpec, args, kw, a[:]); err != nil {
			return Null, err
		}
		iterable, start = a[0], a[1]
	}
	it, err := Iter(t, iterable)
	if err != nil {
		return Null, err
	}
	e := &enumObject{ObjectBase: ObjectBase{cls: cls}, it: it}
	if !start.IsNull() {
		s, err := Index(t, start)
		if err != nil {
			return Null, err
		}
		if s.IsSmallInt() {
			e.index = s.SmallInt()
		} else {
			e.big = new(big.Int).Set(bigOf(s))
		}
	}
	return Value{o: e}, nil
}

func (z *zipObject) next(t *Thread) (Value, error) {
	n := len(z.iters)
	if n == 0 {
		return Null, nil
	}
	items := make([]Value, n)
	for i, it := range z.iters {
		x, err := iterNext(t, it)
		if err != nil {
			return Null, err
		}
		if x.IsNull() {
			if !z.strict {
				return Null, nil
			}
			return Null, z.strictCheck(t, i)
		}
		items[i] = x
	}
	return Value{o: NewTuple(items...)}, nil
}

// strictCheck reports the lengths that differ once iterator i of a
// strict zip is exhausted.
func (z *zipObject) strictCheck(t *Thread, i int) error {
	plural := func(i int) string {
		if i == 1 {
			return " "
		}
		return "s 1-"
	}
	if i > 0 {
		return t.valueErrorf("zip() argument %d is shorter than argument%s%d", i+1, plural(i), i)
	}
	for i = 1; i < len(z.iters); i++ {
		x, err := iterNext(t, z.iters[i])
		if err != nil {
			return err
		}
		if !x.IsNull() {
			return t.valueErrorf("zip() argument %d is longer than argument%s%d", i+1, plural(i), i)
		}
	}
	return nil
}
