package vm

// The __setstate__ methods of the builtin iterators that pickle their
// position (listiter_setstate, tupleiter_setstate, listreviter_setstate,
// zip_setstate): the position is clamped into the sequence as CPython
// clamps it.

func init() { onSetup(setupIterState) }

func setupIterState() {
	stateIndex := func(t *Thread, args []Value, kw []*Str) (int, error) {
		if err := oneArg(t, "__setstate__", args, kw); err != nil {
			return 0, err
		}
		return AsSize(t, args[0], OverflowErrorType)
	}
	for _, tp := range []*Type{listIterType, tupleIterType} {
		defMethods(tp, MethodDef{Name: "__setstate__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			i, err := stateIndex(t, args, kw)
			if err != nil {
				return Null, err
			}
			it := self.o.(*sliceIter)
			n := -1
			if it.list != nil {
				n = len(it.list.items)
			} else if it.tuple != nil {
				n = len(it.tuple.items)
			}
			switch {
			case it.list != nil && i < 0:
				// A list iterator set before its start is exhausted.
				it.list = nil
			case n >= 0:
				it.i = min(max(i, 0), n)
			}
			return None, nil
		}})
	}
	defMethods(listRevIterType, MethodDef{Name: "__setstate__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		i, err := stateIndex(t, args, kw)
		if err != nil {
			return Null, err
		}
		it := self.o.(*listRevIter)
		if it.list != nil {
			it.i = min(max(i, -1), len(it.list.items)-1)
		}
		return None, nil
	}})
	defMethods(ZipType, MethodDef{Name: "__setstate__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := oneArg(t, "__setstate__", args, kw); err != nil {
			return Null, err
		}
		strict, err := Truth(t, args[0])
		if err != nil {
			return Null, err
		}
		self.o.(*zipObject).strict = strict
		return None, nil
	}})
}

var memoryViewFromFlagsSpec = ArgSpec{Name: "_from_flags", Params: []string{"object", "flags"}, Required: 2}

func init() {
	onSetup(func() {
		// memoryview._from_flags(object, flags, /): a memoryview of object
		// (the buffer flags only matter to C code).
		defMethods(MemoryViewType, MethodDef{Name: "_from_flags", Class: true, Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			var a [2]Value
			if err := memoryViewFromFlagsSpec.Parse(t, args, kw, a[:]); err != nil {
				return Null, err
			}
			if _, err := AsSize(t, a[1], OverflowErrorType); err != nil {
				return Null, err
			}
			m, err := newMemoryView(t, a[0])
			if err != nil {
				return Null, err
			}
			return Value{o: m}, nil
		}})
	})
}
