package vm

import (
	"fmt"
	"math"
)

// The itertools module (Modules/itertoolsmodule.c): every iterator type,
// each a Go struct advanced by its Next slot, with CPython's argument
// parsing, messages and reprs. Subclasses defined in Python share the
// struct of their builtin base.

var (
	itCountType        = nativeType("itertools", "count", nil, FlagBaseType)
	itCycleType        = nativeType("itertools", "cycle", nil, FlagBaseType)
	itRepeatType       = nativeType("itertools", "repeat", nil, FlagBaseType)
	itAccumulateType   = nativeType("itertools", "accumulate", nil, FlagBaseType)
	itChainType        = nativeType("itertools", "chain", nil, FlagBaseType)
	itCompressType     = nativeType("itertools", "compress", nil, FlagBaseType)
	itDropwhileType    = nativeType("itertools", "dropwhile", nil, FlagBaseType)
	itTakewhileType    = nativeType("itertools", "takewhile", nil, FlagBaseType)
	itFilterfalseType  = nativeType("itertools", "filterfalse", nil, FlagBaseType)
	itGroupbyType      = nativeType("itertools", "groupby", nil, FlagBaseType)
	itGrouperType      = nativeType("itertools", "_grouper", nil, 0)
	itIsliceType       = nativeType("itertools", "islice", nil, FlagBaseType)
	itPairwiseType     = nativeType("itertools", "pairwise", nil, FlagBaseType)
	itStarmapType      = nativeType("itertools", "starmap", nil, FlagBaseType)
	itTeeType          = nativeType("itertools", "_tee", nil, 0)
	itTeeDataType      = nativeType("itertools", "_tee_dataobject", nil, 0)
	itZipLongestType   = nativeType("itertools", "zip_longest", nil, FlagBaseType)
	itProductType      = nativeType("itertools", "product", nil, FlagBaseType)
	itPermutationsType = nativeType("itertools", "permutations", nil, FlagBaseType)
	itCombinationsType = nativeType("itertools", "combinations", nil, FlagBaseType)
	itCwrType          = nativeType("itertools", "combinations_with_replacement", nil, FlagBaseType)
	itBatchedType      = nativeType("itertools", "batched", nil, FlagBaseType)
)

func init() {
	onSetup(setupItertools)
	RegisterModule("itertools", func(t *Thread, m *Module) error {
		m.Set("__doc__", NewStrValue("Functional tools for creating and using iterators."))
		for _, tp := range []*Type{itAccumulateType, itBatchedType, itChainType, itCombinationsType, itCwrType,
			itCompressType, itCountType, itCycleType, itDropwhileType, itFilterfalseType, itGroupbyType,
			itIsliceType, itPairwiseType, itPermutationsType, itProductType, itRepeatType, itStarmapType,
			itTakewhileType, itZipLongestType, itGrouperType, itTeeType, itTeeDataType} {
			m.addType(tp)
		}
		m.AddFunc("tee", itertoolsTee)
		return nil
	})
}

// Specs of the constructors parsed as Argument Clinic does.
var (
	itCountSpec        = ArgSpec{Name: "count", Params: []string{"start", "step"}}
	itRepeatSpec       = ArgSpec{Name: "repeat", Params: []string{"object", "times"}, Required: 1}
	itAccumulateSpec   = ArgSpec{Name: "accumulate", Params: []string{"iterable", "func", "initial"}, Required: 1, KwOnly: 1}
	itCompressSpec     = ArgSpec{Name: "compress", Params: []string{"data", "selectors"}, Required: 2}
	itGroupbySpec      = ArgSpec{Name: "groupby", Params: []string{"iterable", "key"}, Required: 1}
	itPermutationsSpec = ArgSpec{Name: "permutations", Params: []string{"iterable", "r"}, Required: 1}
	itCombinationsSpec = ArgSpec{Name: "combinations", Params: []string{"iterable", "r"}, Required: 2}
	itCwrSpec          = ArgSpec{Name: "combinations_with_replacement", Params: []string{"iterable", "r"}, Required: 2}
	itBatchedSpec      = ArgSpec{Name: "batched", Params: []string{"iterable", "n", "strict"}, Required: 2, KwOnly: 1}
)

// noKwargsExact is _PyArg_NoKeywords applied, as the constructors do, only
// when the type called is the builtin itself (a subclass may take
// keywords in its own __init__).
func noKwargsExact(t *Thread, name string, cls, tp *Type, kwnames []*Str) error {
	if cls == tp && len(kwnames) > 0 {
		return t.typeErrorf("%s() takes no keyword arguments", name)
	}
	return nil
}

// positionalOnly returns the positional arguments of a call whose
// keywords were refused or ignored.
func positionalOnly(args []Value, kwnames []*Str) []Value { return args[:len(args)-len(kwnames)] }

// isNumber is PyNumber_Check.
func isNumberCheck(v Value) bool {
	switch v.kind() {
	case kindInt, kindFloat, kindBool:
		return true
	}
	tp := v.Type()
	n := &tp.Number
	return n.Index != nil || n.Int != nil || n.Float != nil || tp.IsSubtype(ComplexType)
}

// count

type itCount struct {
	ObjectBase
	cnt, step Value
}

// itChainObj is an itertools.chain.
type itChainObj struct {
	ObjectBase
	source Value // iterator of iterables, NULL when exhausted
	active Value // current iterator, NULL when none
}

type itCycle struct {
	ObjectBase
	it       Value
	saved    []Value
	index    int
	firstRun bool
}

type itRepeat struct {
	ObjectBase
	element Value
	cnt     int // -1 for forever
}

type itAccumulate struct {
	ObjectBase
	it, fn, total, initial Value
}

type itCompress struct {
	ObjectBase
	data, selectors Value
}

// itPredicate is dropwhile, takewhile and filterfalse.
type itPredicate struct {
	ObjectBase
	fn, it Value
	state  bool // dropwhile: done dropping; takewhile: stopped
}

type itGroupby struct {
	ObjectBase
	it, keyfn                  Value
	tgtkey, currkey, currvalue Value
	currgrouper                *itGrouper
}

type itGrouper struct {
	ObjectBase
	parent *itGroupby
	tgtkey Value
}

type itIslice struct {
	ObjectBase
	it                    Value
	next, stop, step, cnt int
}

type itPairwise struct {
	ObjectBase
	it, old Value
}

type itStarmap struct {
	ObjectBase
	fn, it Value
}

// teeChunk is a run of values read from the iterator that tee objects
// share (CPython's teedataobject, LINKCELLS values each).
type teeChunk struct {
	ObjectBase
	it      Value
	values  []Value
	next    *teeChunk
	running bool
}

const teeLinkCells = 57

type itTee struct {
	ObjectBase
	data  *teeChunk
	index int
}

type itZipLongest struct {
	ObjectBase
	its       []Value // NULL once exhausted
	active    int
	fillvalue Value
	done      bool
}

type itProduct struct {
	ObjectBase
	pools   [][]Value
	indices []int
	result  []Value
	stopped bool
	started bool
}

// itCombinatoric is permutations, combinations and
// combinations_with_replacement.
type itCombinatoric struct {
	ObjectBase
	pool    []Value
	r       int
	indices []int
	cycles  []int
	result  []Value
	stopped bool
	started bool
}

type itBatched struct {
	ObjectBase
	it     Value
	n      int
	strict bool
}

func setupItertools() {
	// count
	itCountType.New = func(t *Thread, cls *Type, args []Value, kwnames []*Str) (Value, error) {
		var a [2]Value
		if err := clinicArgs(t, &itCountSpec, args, kwnames, a[:]); err != nil {
			return Null, err
		}
		start, step := a[0], a[1]
		if start.IsNull() {
			start = Int(0)
		}
		if step.IsNull() {
			step = Int(1)
		}
		if !isNumberCheck(start) || !isNumberCheck(step) {
			return Null, t.typeErrorf("a number is required")
		}
		return Value{o: &itCount{ObjectBase: ObjectBase{cls: cls}, cnt: start, step: step}}, nil
	}
	itCountType.Iter = selfIter
	itCountType.Next = func(t *Thread, v Value) (Value, error) {
		c := v.o.(*itCount)
		r := c.cnt
		if r.IsSmallInt() && c.step.IsSmallInt() {
			a, b := r.SmallInt(), c.step.SmallInt()
			if s := a + b; (s > a) == (b > 0) {
				c.cnt = Int(s)
				return r, nil
			}
		}
		n, err := binaryOp(t, r, c.step, opAdd)
		if err != nil {
			return Null, err
		}
		c.cnt = n
		return r, nil
	}
	itCountType.Repr = func(t *Thread, v Value) (Value, error) {
		c := v.o.(*itCount)
		name := shortName(v.Type())
		cr, err := Repr(t, c.cnt)
		if err != nil {
			return Null, err
		}
		if c.step.IsSmallInt() && c.step.SmallInt() == 1 {
			return NewStrValue(name + "(" + cr.s + ")"), nil
		}
		sr, err := Repr(t, c.step)
		if err != nil {
			return Null, err
		}
		return NewStrValue(name + "(" + cr.s + ", " + sr.s + ")"), nil
	}

	// cycle
	itCycleType.New = func(t *Thread, cls *Type, args []Value, kwnames []*Str) (Value, error) {
		if err := noKwargsExact(t, "cycle", cls, itCycleType, kwnames); err != nil {
			return Null, err
		}
		pos := positionalOnly(args, kwnames)
		if err := checkPositional(t, "cycle", pos, nil, 1, 1); err != nil {
			return Null, err
		}
		it, err := Iter(t, pos[0])
		if err != nil {
			return Null, err
		}
		return Value{o: &itCycle{ObjectBase: ObjectBase{cls: cls}, it: it, firstRun: true}}, nil
	}
	itCycleType.Iter = selfIter
	itCycleType.Next = func(t *Thread, v Value) (Value, error) {
		c := v.o.(*itCycle)
		if !c.it.IsNull() {
			x, err := Next(t, c.it)
			if err != nil {
				return Null, err
			}
			if !x.IsNull() {
				if c.firstRun {
					c.saved = append(c.saved, x)
				}
				return x, nil
			}
			c.it = Null
		}
		if len(c.saved) == 0 {
			return Null, nil
		}
		x := c.saved[c.index]
		c.index++
		if c.index >= len(c.saved) {
			c.index = 0
		}
		return x, nil
	}

	// repeat
	itRepeatType.New = func(t *Thread, cls *Type, args []Value, kwnames []*Str) (Value, error) {
		var a [2]Value
		if err := clinicArgs(t, &itRepeatSpec, args, kwnames, a[:]); err != nil {
			return Null, err
		}
		cnt := -1
		if !a[1].IsNull() {
			n, err := AsSize(t, a[1], OverflowErrorType)
			if err != nil {
				return Null, err
			}
			cnt = max(n, 0)
		}
		return Value{o: &itRepeat{ObjectBase: ObjectBase{cls: cls}, element: a[0], cnt: cnt}}, nil
	}
	itRepeatType.Iter = selfIter
	itRepeatType.Next = func(t *Thread, v Value) (Value, error) {
		r := v.o.(*itRepeat)
		if r.cnt == 0 {
			return Null, nil
		}
		if r.cnt > 0 {
			r.cnt--
		}
		return r.element, nil
	}
	itRepeatType.Repr = func(t *Thread, v Value) (Value, error) {
		r := v.o.(*itRepeat)
		er, err := Repr(t, r.element)
		if err != nil {
			return Null, err
		}
		name := shortName(v.Type())
		if r.cnt == -1 {
			return NewStrValue(name + "(" + er.s + ")"), nil
		}
		return NewStrValue(fmt.Sprintf("%s(%s, %d)", name, er.s, r.cnt)), nil
	}
	defMethods(itRepeatType, MethodDef{Name: "__length_hint__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		r := self.o.(*itRepeat)
		if r.cnt == -1 {
			return Null, t.typeErrorf("len() of unsized object")
		}
		return Int(int64(r.cnt)), nil
	}})

	// accumulate
	itAccumulateType.New = func(t *Thread, cls *Type, args []Value, kwnames []*Str) (Value, error) {
		var a [3]Value
		if err := clinicArgs(t, &itAccumulateSpec, args, kwnames, a[:]); err != nil {
			return Null, err
		}
		it, err := Iter(t, a[0])
		if err != nil {
			return Null, err
		}
		fn := a[1]
		if fn.IsNone() {
			fn = Null
		}
		initial := a[2]
		if initial.IsNone() {
			initial = Null
		}
		return Value{o: &itAccumulate{ObjectBase: ObjectBase{cls: cls}, it: it, fn: fn, initial: initial}}, nil
	}
	itAccumulateType.Iter = selfIter
	itAccumulateType.Next = func(t *Thread, v Value) (Value, error) {
		a := v.o.(*itAccumulate)
		if !a.initial.IsNull() {
			a.total = a.initial
			a.initial = Null
			return a.total, nil
		}
		x, err := Next(t, a.it)
		if err != nil || x.IsNull() {
			return Null, err
		}
		if a.total.IsNull() {
			a.total = x
			return x, nil
		}
		var r Value
		if a.fn.IsNull() {
			r, err = binaryOp(t, a.total, x, opAdd)
		} else {
			r, err = t.Call(a.fn, []Value{a.total, x}, nil)
		}
		if err != nil {
			return Null, err
		}
		a.total = r
		return r, nil
	}

	// chain
	itChainType.New = func(t *Thread, cls *Type, args []Value, kwnames []*Str) (Value, error) {
		if err := noKwargsExact(t, "chain", cls, itChainType, kwnames); err != nil {
			return Null, err
		}
		pos := positionalOnly(args, kwnames)
		src, err := Iter(t, Value{o: NewTuple(append([]Value(nil), pos...)...)})
		if err != nil {
			return Null, err
		}
		return Value{o: &itChainObj{ObjectBase: ObjectBase{cls: cls}, source: src}}, nil
	}
	itChainType.Iter = selfIter
	itChainType.Next = func(t *Thread, v Value) (Value, error) {
		c := v.o.(*itChainObj)
		for !c.source.IsNull() {
			if c.active.IsNull() {
				iterable, err := Next(t, c.source)
				if err != nil {
					return Null, err
				}
				if iterable.IsNull() {
					c.source = Null
					return Null, nil
				}
				it, err := Iter(t, iterable)
				if err != nil {
					return Null, err
				}
				c.active = it
			}
			x, err := Next(t, c.active)
			if err != nil || !x.IsNull() {
				return x, err
			}
			c.active = Null
		}
		return Null, nil
	}
	defMethods(itChainType,
		MethodDef{Name: "from_iterable", Class: true, Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "chain.from_iterable", args, kw); err != nil {
				return Null, err
			}
			src, err := Iter(t, args[0])
			if err != nil {
				return Null, err
			}
			cls, _ := self.o.(*Type)
			if cls == nil {
				cls = itChainType
			}
			return Value{o: &itChainObj{ObjectBase: ObjectBase{cls: cls}, source: src}}, nil
		}},
		MethodDef{Name: "__class_getitem__", Class: true, Fn: classGetItemAlias},
	)

	// compress
	itCompressType.New = func(t *Thread, cls *Type, args []Value, kwnames []*Str) (Value, error) {
		var a [2]Value
		if err := clinicArgs(t, &itCompressSpec, args, kwnames, a[:]); err != nil {
			return Null, err
		}
		d, err := Iter(t, a[0])
		if err != nil {
			return Null, err
		}
		s, err := Iter(t, a[1])
		if err != nil {
			return Null, err
		}
		return Value{o: &itCompress{ObjectBase: ObjectBase{cls: cls}, data: d, selectors: s}}, nil
	}
	itCompressType.Iter = selfIter
	itCompressType.Next = func(t *Thread, v Value) (Value, error) {
		c := v.o.(*itCompress)
		for {
			d, err := Next(t, c.data)
			if err != nil || d.IsNull() {
				return Null, err
			}
			s, err := Next(t, c.selectors)
			if err != nil || s.IsNull() {
				return Null, err
			}
			ok, err := Truth(t, s)
			if err != nil {
				return Null, err
			}
			if ok {
				return d, nil
			}
		}
	}

	// dropwhile, takewhile, filterfalse
	for _, pt := range []*Type{itDropwhileType, itTakewhileType, itFilterfalseType} {
		pt := pt
		name := shortName(pt)
		pt.New = func(t *Thread, cls *Type, args []Value, kwnames []*Str) (Value, error) {
			if err := noKwargsExact(t, name, cls, pt, kwnames); err != nil {
				return Null, err
			}
			pos := positionalOnly(args, kwnames)
			if err := checkPositional(t, name, pos, nil, 2, 2); err != nil {
				return Null, err
			}
			it, err := Iter(t, pos[1])
			if err != nil {
				return Null, err
			}
			return Value{o: &itPredicate{ObjectBase: ObjectBase{cls: cls}, fn: pos[0], it: it}}, nil
		}
		pt.Iter = selfIter
	}
	itDropwhileType.Next = func(t *Thread, v Value) (Value, error) {
		p := v.o.(*itPredicate)
		for {
			x, err := Next(t, p.it)
			if err != nil || x.IsNull() {
				return Null, err
			}
			if p.state {
				return x, nil
			}
			r, err := t.Call(p.fn, []Value{x}, nil)
			if err != nil {
				return Null, err
			}
			ok, err := Truth(t, r)
			if err != nil {
				return Null, err
			}
			if !ok {
				p.state = true
				return x, nil
			}
		}
	}
	itTakewhileType.Next = func(t *Thread, v Value) (Value, error) {
		p := v.o.(*itPredicate)
		if p.state {
			return Null, nil
		}
		x, err := Next(t, p.it)
		if err != nil || x.IsNull() {
			return Null, err
		}
		r, err := t.Call(p.fn, []Value{x}, nil)
		if err != nil {
			return Null, err
		}
		ok, err := Truth(t, r)
		if err != nil {
			return Null, err
		}
		if ok {
			return x, nil
		}
		p.state = true
		return Null, nil
	}
	itFilterfalseType.Next = func(t *Thread, v Value) (Value, error) {
		p := v.o.(*itPredicate)
		for {
			x, err := Next(t, p.it)
			if err != nil || x.IsNull() {
				return Null, err
			}
			var ok bool
			if p.fn.IsNone() || (p.fn.o == BoolType) {
				ok, err = Truth(t, x)
			} else {
				var r Value
				r, err = t.Call(p.fn, []Value{x}, nil)
				if err == nil {
					ok, err = Truth(t, r)
				}
			}
			if err != nil {
				return Null, err
			}
			if !ok {
				return x, nil
			}
		}
	}

	// groupby
	itGroupbyType.New = func(t *Thread, cls *Type, args []Value, kwnames []*Str) (Value, error) {
		var a [2]Value
		if err := clinicArgs(t, &itGroupbySpec, args, kwnames, a[:]); err != nil {
			return Null, err
		}
		it, err := Iter(t, a[0])
		if err != nil {
			return Null, err
		}
		key := a[1]
		if key.IsNone() {
			key = Null
		}
		return Value{o: &itGroupby{ObjectBase: ObjectBase{cls: cls}, it: it, keyfn: key}}, nil
	}
	itGroupbyType.Iter = selfIter
	itGroupbyType.Next = func(t *Thread, v Value) (Value, error) {
		g := v.o.(*itGroupby)
		g.currgrouper = nil
		// Skip to the next key.
		for {
			if g.currkey.IsNull() {
				// fall through to step
			} else if g.tgtkey.IsNull() {
				break
			} else {
				eq, err := RichCompareBool(t, g.tgtkey, g.currkey, EQ)
				if err != nil {
					return Null, err
				}
				if !eq {
					break
				}
			}
			ok, err := g.step(t)
			if err != nil || !ok {
				return Null, err
			}
		}
		g.tgtkey = g.currkey
		gr := &itGrouper{ObjectBase: ObjectBase{cls: itGrouperType}, parent: g, tgtkey: g.tgtkey}
		g.currgrouper = gr
		return Value{o: NewTuple(g.currkey, Value{o: gr})}, nil
	}
	itGrouperType.Iter = selfIter
	itGrouperType.Next = func(t *Thread, v Value) (Value, error) {
		gr := v.o.(*itGrouper)
		g := gr.parent
		if g.currgrouper != gr {
			return Null, nil
		}
		if g.currvalue.IsNull() {
			ok, err := g.step(t)
			if err != nil || !ok {
				return Null, err
			}
		}
		eq, err := RichCompareBool(t, gr.tgtkey, g.currkey, EQ)
		if err != nil || !eq {
			return Null, err
		}
		r := g.currvalue
		g.currvalue = Null
		return r, nil
	}

	// islice
	itIsliceType.New = func(t *Thread, cls *Type, args []Value, kwnames []*Str) (Value, error) {
		if err := noKwargsExact(t, "islice", cls, itIsliceType, kwnames); err != nil {
			return Null, err
		}
		pos := positionalOnly(args, kwnames)
		if err := checkPositional(t, "islice", pos, nil, 2, 4); err != nil {
			return Null, err
		}
		start, stop, step := 0, -1, 1
		stopErr := func() error {
			return t.valueErrorf("Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
		}
		idx := func(v Value) (int, bool) {
			if !hasIndex(v) {
				return 0, false
			}
			n, err := AsSize(t, v, OverflowErrorType)
			if err != nil {
				return 0, false
			}
			return n, true
		}
		if len(pos) == 2 {
			if !pos[1].IsNone() {
				n, ok := idx(pos[1])
				if !ok || n < 0 {
					return Null, stopErr()
				}
				stop = n
			}
		} else {
			if !pos[2].IsNone() {
				n, ok := idx(pos[2])
				if !ok || n < 0 {
					return Null, stopErr()
				}
				stop = n
			}
			if !pos[1].IsNone() {
				n, ok := idx(pos[1])
				if !ok || n < 0 {
					return Null, t.valueErrorf("Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
				}
				start = n
			}
			if len(pos) == 4 && !pos[3].IsNone() {
				n, ok := idx(pos[3])
				if !ok || n < 1 {
					return Null, t.valueErrorf("Step for islice() must be a positive integer or None.")
				}
				step = n
			}
		}
		it, err := Iter(t, pos[0])
		if err != nil {
			return Null, err
		}
		return Value{o: &itIslice{ObjectBase: ObjectBase{cls: cls}, it: it, next: start, stop: stop, step: step}}, nil
	}
	itIsliceType.Iter = selfIter
	itIsliceType.Next = func(t *Thread, v Value) (Value, error) {
		s := v.o.(*itIslice)
		if s.it.IsNull() {
			return Null, nil
		}
		for s.cnt < s.next {
			x, err := Next(t, s.it)
			if err != nil {
				return Null, err
			}
			if x.IsNull() {
				s.it = Null
				return Null, nil
			}
			s.cnt++
		}
		if s.stop != -1 && s.cnt >= s.stop {
			s.it = Null
			return Null, nil
		}
		x, err := Next(t, s.it)
		if err != nil {
			return Null, err
		}
		if x.IsNull() {
			s.it = Null
			return Null, nil
		}
		s.cnt++
		old := s.next
		s.next += s.step
		if s.next < old || (s.stop != -1 && s.next > s.stop) {
			s.next = s.stop
		}
		return x, nil
	}

	// pairwise
	itPairwiseType.New = func(t *Thread, cls *Type, args []Value, kwnames []*Str) (Value, error) {
		if err := noKwargsExact(t, "pairwise", cls, itPairwiseType, kwnames); err != nil {
			return Null, err
		}
		pos := positionalOnly(args, kwnames)
		if err := checkPositional(t, "pairwise", pos, nil, 1, 1); err != nil {
			return Null, err
		}
		it, err := Iter(t, pos[0])
		if err != nil {
			return Null, err
		}
		return Value{o: &itPairwise{ObjectBase: ObjectBase{cls: cls}, it: it}}, nil
	}
	itPairwiseType.Iter = selfIter
	itPairwiseType.Next = func(t *Thread, v Value) (Value, error) {
		p := v.o.(*itPairwise)
		if p.it.IsNull() {
			return Null, nil
		}
		if p.old.IsNull() {
			x, err := Next(t, p.it)
			if err != nil {
				return Null, err
			}
			if x.IsNull() {
				p.it = Null
				return Null, nil
			}
			p.old = x
		}
		x, err := Next(t, p.it)
		if err != nil {
			return Null, err
		}
		if x.IsNull() {
			p.it, p.old = Null, Null
			return Null, nil
		}
		r := NewTuple(p.old, x)
		p.old = x
		return Value{o: r}, nil
	}

	// starmap
	itStarmapType.New = func(t *Thread, cls *Type, args []Value, kwnames []*Str) (Value, error) {
		if err := noKwargsExact(t, "starmap", cls, itStarmapType, kwnames); err != nil {
			return Null, err
		}
		pos := positionalOnly(args, kwnames)
		if err := checkPositional(t, "starmap", pos, nil, 2, 2); err != nil {
			return Null, err
		}
		it, err := Iter(t, pos[1])
		if err != nil {
			return Null, err
		}
		return Value{o: &itStarmap{ObjectBase: ObjectBase{cls: cls}, fn: pos[0], it: it}}, nil
	}
	itStarmapType.Iter = selfIter
	itStarmapType.Next = func(t *Thread, v Value) (Value, error) {
		s := v.o.(*itStarmap)
		x, err := Next(t, s.it)
		if err != nil || x.IsNull() {
			return Null, err
		}
		items, err := t.collectIterable(x, nil)
		if err != nil {
			return Null, err
		}
		return t.Call(s.fn, items, nil)
	}

	// _tee and _tee_dataobject
	itTeeType.New = func(t *Thread, cls *Type, args []Value, kwnames []*Str) (Value, error) {
		if err := noKwargs(t, "_tee", kwnames); err != nil {
			return Null, err
		}
		if err := checkPositional(t, "_tee", args, nil, 1, 1); err != nil {
			return Null, err
		}
		it, err := Iter(t, args[0])
		if err != nil {
			return Null, err
		}
		return teeFromIterator(t, it), nil
	}
	itTeeType.Iter = selfIter
	itTeeType.Next = func(t *Thread, v Value) (Value, error) {
		te := v.o.(*itTee)
		if te.index >= teeLinkCells {
			if te.data.next == nil {
				te.data.next = &teeChunk{ObjectBase: ObjectBase{cls: itTeeDataType}, it: te.data.it}
			}
			te.data = te.data.next
			te.index = 0
		}
		d := te.data
		if te.index < len(d.values) {
			x := d.values[te.index]
			te.index++
			return x, nil
		}
		if d.running {
			return Null, t.raise(RuntimeErrorType, "cannot re-enter the tee iterator")
		}
		if d.it.IsNull() {
			return Null, nil
		}
		d.running = true
		x, err := Next(t, d.it)
		d.running = false
		if err != nil {
			return Null, err
		}
		if x.IsNull() {
			return Null, nil
		}
		d.values = append(d.values, x)
		te.index++
		return x, nil
	}
	defMethods(itTeeType, MethodDef{Name: "__copy__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := noArgs(t, "__copy__", args, kw); err != nil {
			return Null, err
		}
		te := self.o.(*itTee)
		return Value{o: &itTee{ObjectBase: ObjectBase{cls: itTeeType}, data: te.data, index: te.index}}, nil
	}})
	weakrefableNative[itTeeType] = true

	// zip_longest
	itZipLongestType.New = func(t *Thread, cls *Type, args []Value, kwnames []*Str) (Value, error) {
		pos, kv := kwArgs(args, kwnames)
		fill := None
		for i, k := range kwnames {
			if k.s != "fillvalue" || len(kwnames) > 1 {
				return Null, t.typeErrorf("zip_longest() got an unexpected keyword argument")
			}
			fill = kv[i]
		}
		its := make([]Value, len(pos))
		for i, p := range pos {
			it, err := Iter(t, p)
			if err != nil {
				return Null, err
			}
			its[i] = it
		}
		return Value{o: &itZipLongest{ObjectBase: ObjectBase{cls: cls}, its: its, active: len(its), fillvalue: fill}}, nil
	}
	itZipLongestType.Iter = selfIter
	itZipLongestType.Next = func(t *Thread, v Value) (Value, error) {
		z := v.o.(*itZipLongest)
		if len(z.its) == 0 || z.active == 0 || z.done {
			return Null, nil
		}
		items := make([]Value, len(z.its))
		for i, it := range z.its {
			if it.IsNull() {
				items[i] = z.fillvalue
				continue
			}
			x, err := Next(t, it)
			if err != nil {
				z.done = true
				return Null, err
			}
			if x.IsNull() {
				z.active--
				if z.active == 0 {
					z.done = true
					return Null, nil
				}
				z.its[i] = Null
				x = z.fillvalue
			}
			items[i] = x
		}
		return Value{o: NewTuple(items...)}, nil
	}

	// product
	itProductType.New = func(t *Thread, cls *Type, args []Value, kwnames []*Str) (Value, error) {
		pos, kv := kwArgs(args, kwnames)
		repeat := 1
		for i, k := range kwnames {
			if k.s != "repeat" {
				return Null, unexpectedKeyword(t, "product()", []string{"repeat"}, nil, kwnames[i:i+1])
			}
			n, err := AsSize(t, kv[i], OverflowErrorType)
			if err != nil {
				return Null, err
			}
			if n < 0 {
				return Null, t.valueErrorf("repeat argument cannot be negative")
			}
			repeat = n
		}
		var base [][]Value
		for _, p := range pos {
			items, err := t.collectIterable(p, nil)
			if err != nil {
				return Null, err
			}
			base = append(base, items)
		}
		if len(pos) > 0 && repeat > math.MaxInt32/len(pos) {
			return Null, t.raise(OverflowErrorType, "repeat argument too large")
		}
		pools := make([][]Value, 0, len(base)*repeat)
		for r := 0; r < repeat; r++ {
			pools = append(pools, base...)
		}
		return Value{o: &itProduct{ObjectBase: ObjectBase{cls: cls}, pools: pools}}, nil
	}
	itProductType.Iter = selfIter
	itProductType.Next = func(t *Thread, v Value) (Value, error) {
		p := v.o.(*itProduct)
		if p.stopped {
			return Null, nil
		}
		n := len(p.pools)
		if !p.started {
			p.started = true
			p.indices = make([]int, n)
			p.result = make([]Value, n)
			for i, pool := range p.pools {
				if len(pool) == 0 {
					p.stopped = true
					return Null, nil
				}
				p.result[i] = pool[0]
			}
			return Value{o: NewTuple(append([]Value(nil), p.result...)...)}, nil
		}
		if n == 0 {
			p.stopped = true
			return Null, nil
		}
		i := n - 1
		for ; i >= 0; i-- {
			pool := p.pools[i]
			p.indices[i]++
			if p.indices[i] == len(pool) {
				p.indices[i] = 0
				p.result[i] = pool[0]
			} else {
				p.result[i] = pool[p.indices[i]]
				break
			}
		}
		if i < 0 {
			p.stopped = true
			return Null, nil
		}
		return Value{o: NewTuple(append([]Value(nil), p.result...)...)}, nil
	}

	// permutations, combinations, combinations_with_replacement
	itPermutationsType.New = func(t *Thread, cls *Type, args []Value, kwnames []*Str) (Value, error) {
		var a [2]Value
		if err := clinicArgs(t, &itPermutationsSpec, args, kwnames, a[:]); err != nil {
			return Null, err
		}
		pool, err := t.collectIterable(a[0], nil)
		if err != nil {
			return Null, err
		}
		r := len(pool)
		if !a[1].IsNull() && !a[1].IsNone() {
			if !a[1].IsIntLike() {
				if _, ok := a[1].o.(*BigInt); !ok {
					return Null, t.typeErrorf("Expected int as r")
				}
			}
			n, err := AsSize(t, a[1], OverflowErrorType)
			if err != nil {
				return Null, err
			}
			if n < 0 {
				return Null, t.valueErrorf("r must be non-negative")
			}
			r = n
		}
		return Value{o: &itCombinatoric{ObjectBase: ObjectBase{cls: cls}, pool: pool, r: r}}, nil
	}
	combNew := func(spec *ArgSpec) NewSlot {
		return func(t *Thread, cls *Type, args []Value, kwnames []*Str) (Value, error) {
			var a [2]Value
			if err := clinicArgs(t, spec, args, kwnames, a[:]); err != nil {
				return Null, err
			}
			pool, err := t.collectIterable(a[0], nil)
			if err != nil {
				return Null, err
			}
			r, err := AsSize(t, a[1], OverflowErrorType)
			if err != nil {
				return Null, err
			}
			if r < 0 {
				return Null, t.valueErrorf("r must be non-negative")
			}
			return Value{o: &itCombinatoric{ObjectBase: ObjectBase{cls: cls}, pool: pool, r: r}}, nil
		}
	}
	itCombinationsType.New = combNew(&itCombinationsSpec)
	itCwrType.New = combNew(&itCwrSpec)
	for _, ct := range []*Type{itPermutationsType, itCombinationsType, itCwrType} {
		ct.Iter = selfIter
	}
	itPermutationsType.Next = func(t *Thread, v Value) (Value, error) { return v.o.(*itCombinatoric).nextPermutation() }
	itCombinationsType.Next = func(t *Thread, v Value) (Value, error) { return v.o.(*itCombinatoric).nextCombination() }
	itCwrType.Next = func(t *Thread, v Value) (Value, error) { return v.o.(*itCombinatoric).nextCwr() }

	// batched
	itBatchedType.New = func(t *Thread, cls *Type, args []Value, kwnames []*Str) (Value, error) {
		var a [3]Value
		if err := clinicArgs(t, &itBatchedSpec, args, kwnames, a[:]); err != nil {
			return Null, err
		}
		n, err := AsSize(t, a[1], OverflowErrorType)
		if err != nil {
			return Null, err
		}
		if n < 1 {
			return Null, t.valueErrorf("n must be at least one")
		}
		strict := false
		if !a[2].IsNull() {
			if strict, err = Truth(t, a[2]); err != nil {
				return Null, err
			}
		}
		it, err := Iter(t, a[0])
		if err != nil {
			return Null, err
		}
		return Value{o: &itBatched{ObjectBase: ObjectBase{cls: cls}, it: it, n: n, strict: strict}}, nil
	}
	itBatchedType.Iter = selfIter
	itBatchedType.Next = func(t *Thread, v Value) (Value, error) {
		b := v.o.(*itBatched)
		if b.it.IsNull() {
			return Null, nil
		}
		items := make([]Value, 0, min(b.n, 1024))
		for len(items) < b.n {
			x, err := Next(t, b.it)
			if err != nil {
				b.it = Null
				return Null, err
			}
			if x.IsNull() {
				b.it = Null
				break
			}
			items = append(items, x)
		}
		if len(items) == 0 {
			return Null, nil
		}
		if b.strict && len(items) < b.n {
			b.it = Null
			return Null, t.valueErrorf("batched(): incomplete batch")
		}
		return Value{o: NewTuple(items...)}, nil
	}
}

// step reads the next value of a groupby's iterator and its key; false
// at the end.
func (g *itGroupby) step(t *Thread) (bool, error) {
	x, err := Next(t, g.it)
	if err != nil || x.IsNull() {
		return false, err
	}
	key := x
	if !g.keyfn.IsNull() {
		key, err = t.Call(g.keyfn, []Value{x}, nil)
		if err != nil {
			return false, err
		}
	}
	g.currvalue = x
	g.currkey = key
	return true, nil
}

// teeFromIterator makes the first _tee of an iterator.
func teeFromIterator(t *Thread, it Value) Value {
	if te, ok := it.o.(*itTee); ok {
		return Value{o: &itTee{ObjectBase: ObjectBase{cls: itTeeType}, data: te.data, index: te.index}}
	}
	d := &teeChunk{ObjectBase: ObjectBase{cls: itTeeDataType}, it: it}
	return Value{o: &itTee{ObjectBase: ObjectBase{cls: itTeeType}, data: d}}
}

// itertoolsTee is tee(iterable, n=2).
func itertoolsTee(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
	if len(kw) > 0 {
		return Null, t.typeErrorf("itertools.tee() takes no keyword arguments")
	}
	if err := checkPositional(t, "tee", args, nil, 1, 2); err != nil {
		return Null, err
	}
	n := 2
	if len(args) == 2 {
		var err error
		if n, err = AsSize(t, args[1], OverflowErrorType); err != nil {
			return Null, err
		}
	}
	if n < 0 {
		return Null, t.valueErrorf("n must be >= 0")
	}
	if n == 0 {
		return Value{o: emptyTuple}, nil
	}
	it, err := Iter(t, args[0])
	if err != nil {
		return Null, err
	}
	copyFn, err := getAttrOpt(t, it, Intern("__copy__"))
	if err != nil {
		return Null, err
	}
	var first Value
	if !copyFn.IsNull() {
		first = it
	} else {
		first = teeFromIterator(t, it)
		if copyFn, err = GetAttr(t, first, Intern("__copy__")); err != nil {
			return Null, err
		}
	}
	out := make([]Value, n)
	out[0] = first
	for i := 1; i < n; i++ {
		c, err := t.Call(copyFn, nil, nil)
		if err != nil {
			return Null, err
		}
		out[i] = c
	}
	return Value{o: NewTuple(out...)}, nil
}

// tuple returns the current result as a new tuple.
func (c *itCombinatoric) tuple() Value {
	return Value{o: NewTuple(append([]Value(nil), c.result...)...)}
}

func (c *itCombinatoric) nextPermutation() (Value, error) {
	if c.stopped {
		return Null, nil
	}
	n, r := len(c.pool), c.r
	if !c.started {
		c.started = true
		if r > n {
			c.stopped = true
			return Null, nil
		}
		c.indices = make([]int, n)
		for i := range c.indices {
			c.indices[i] = i
		}
		c.cycles = make([]int, r)
		for i := range c.cycles {
			c.cycles[i] = n - i
		}
		c.result = make([]Value, r)
		for i := 0; i < r; i++ {
			c.result[i] = c.pool[i]
		}
		return c.tuple(), nil
	}
	if n == 0 {
		c.stopped = true
		return Null, nil
	}
	i := r - 1
	for ; i >= 0; i-- {
		c.cycles[i]--
		if c.cycles[i] == 0 {
			// Rotate indices[i:] left by one.
			idx := c.indices[i]
			copy(c.indices[i:], c.indices[i+1:])
			c.indices[n-1] = idx
			c.cycles[i] = n - i
		} else {
			j := c.cycles[i]
			c.indices[i], c.indices[n-j] = c.indices[n-j], c.indices[i]
			for k := i; k < r; k++ {
				c.result[k] = c.pool[c.indices[k]]
			}
			break
		}
	}
	if i < 0 {
		c.stopped = true
		return Null, nil
	}
	return c.tuple(), nil
}

func (c *itCombinatoric) nextCombination() (Value, error) {
	if c.stopped {
		return Null, nil
	}
	n, r := len(c.pool), c.r
	if !c.started {
		c.started = true
		if r > n {
			c.stopped = true
			return Null, nil
		}
		c.indices = make([]int, r)
		c.result = make([]Value, r)
		for i := 0; i < r; i++ {
			c.indices[i] = i
			c.result[i] = c.pool[i]
		}
		return c.tuple(), nil
	}
	i := r - 1
	for i >= 0 && c.indices[i] == i+n-r {
		i--
	}
	if i < 0 {
		c.stopped = true
		return Null, nil
	}
	c.indices[i]++
	for j := i + 1; j < r; j++ {
		c.indices[j] = c.indices[j-1] + 1
	}
	for j := i; j < r; j++ {
		c.result[j] = c.pool[c.indices[j]]
	}
	return c.tuple(), nil
}

func (c *itCombinatoric) nextCwr() (Value, error) {
	if c.stopped {
		return Null, nil
	}
	n, r := len(c.pool), c.r
	if !c.started {
		c.started = true
		if n == 0 && r > 0 {
			c.stopped = true
			return Null, nil
		}
		c.indices = make([]int, r)
		c.result = make([]Value, r)
		for i := 0; i < r; i++ {
			c.result[i] = c.pool[0]
		}
		return c.tuple(), nil
	}
	i := r - 1
	for i >= 0 && c.indices[i] == n-1 {
		i--
	}
	if i < 0 {
		c.stopped = true
		return Null, nil
	}
	idx := c.indices[i] + 1
	for j := i; j < r; j++ {
		c.indices[j] = idx
		c.result[j] = c.pool[idx]
	}
	return c.tuple(), nil
}
