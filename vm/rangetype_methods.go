package vm

import "math/big"

// range's hash, count() and index() (rangeobject.c's range_hash,
// range_count, range_index): for exact ints they are computed, for other
// values they search by iteration with ==.

func init() { onSetup(setupRangeMethods) }

func setupRangeMethods() {
	rt := RangeType
	if rt.Hash == nil {
		rt.Hash = func(t *Thread, v Value) (int64, error) {
			r := v.o.(*Range)
			// The hash of (len, start, step), with None for what does not
			// matter: start and step when empty, step with one item.
			items := []Value{r.length, None, None}
			if !(r.length.IsSmallInt() && r.length.SmallInt() == 0) {
				items[1] = r.start
				if !(r.length.IsSmallInt() && r.length.SmallInt() == 1) {
					items[2] = r.step
				}
			}
			return Hash(t, Value{o: NewTuple(items...)})
		}
	}
	if get := rt.GetItem; get != nil {
		rt.GetItem = func(t *Thread, v, key Value) (Value, error) {
			if s, ok := key.o.(*Slice); ok && !v.o.(*Range).length.IsSmallInt() {
				return rangeBigSlice(t, v.o.(*Range), s)
			}
			return get(t, v, key)
		}
	}
	exactInt := func(v Value) bool { return v.Type() == IntType || v.Type() == BoolType }
	if _, ok := rt.Dict.getStr(Intern("count")); !ok {
		defMethods(rt, MethodDef{Name: "count", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "count", args, kw); err != nil {
				return Null, err
			}
			if exactInt(args[0]) {
				in, err := rt.Contains(t, self, args[0])
				if err != nil {
					return Null, err
				}
				if in {
					return Int(1), nil
				}
				return Int(0), nil
			}
			n := int64(0)
			err := rangeSearch(t, self, args[0], func(int64) bool { n++; return false })
			return Int(n), err
		}})
	}
	if _, ok := rt.Dict.getStr(Intern("index")); !ok {
		defMethods(rt, MethodDef{Name: "index", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "index", args, kw); err != nil {
				return Null, err
			}
			x := args[0]
			if exactInt(x) {
				r := self.o.(*Range)
				in, err := rt.Contains(t, self, x)
				if err != nil {
					return Null, err
				}
				if !in {
					rep, err := Repr(t, x)
					if err != nil {
						return Null, err
					}
					return Null, t.valueErrorf("%s is not in range", rep.s)
				}
				d := new(big.Int).Sub(bigOf(x), bigOf(r.start))
				return NewBigInt(d.Quo(d, bigOf(r.step))), nil
			}
			found := int64(-1)
			err := rangeSearch(t, self, x, func(i int64) bool { found = i; return true })
			if err != nil {
				return Null, err
			}
			if found < 0 {
				return Null, t.valueErrorf("sequence.index(x): x not in sequence")
			}
			return Int(found), nil
		}})
	}
}

// rangeSearch iterates the range r calling match with the index of each
// item equal to x, until match returns true.
func rangeSearch(t *Thread, r, x Value, match func(i int64) bool) error {
	it, err := RangeType.Iter(t, r)
	if err != nil {
		return err
	}
	for i := int64(0); ; i++ {
		v, err := Next(t, it)
		if err != nil || v.IsNull() {
			return err
		}
		eq, err := RichCompareBool(t, v, x, EQ)
		if err != nil {
			return err
		}
		if eq && match(i) {
			return nil
		}
	}
}

// rangeBigSlice is range[slice] for a range too long for machine-sized
// indices (_PySlice_GetLongIndices, then compute_slice).
func rangeBigSlice(t *Thread, r *Range, s *Slice) (Value, error) {
	length := bigOf(r.length)
	index := func(v Value) (*big.Int, error) {
		if !hasIndex(v) {
			return nil, t.typeErrorf("slice indices must be integers or None or have an __index__ method")
		}
		i, err := Index(t, v)
		if err != nil {
			return nil, err
		}
		return new(big.Int).Set(bigOf(i)), nil
	}
	step := big.NewInt(1)
	if !s.Step.IsNull() && !s.Step.IsNone() {
		var err error
		if step, err = index(s.Step); err != nil {
			return Null, err
		}
		if step.Sign() == 0 {
			return Null, t.valueErrorf("slice step cannot be zero")
		}
	}
	lower, upper := big.NewInt(0), new(big.Int).Set(length)
	if step.Sign() < 0 {
		lower = big.NewInt(-1)
		upper = new(big.Int).Sub(length, big.NewInt(1))
	}
	bound := func(v Value, dflt *big.Int) (*big.Int, error) {
		if v.IsNull() || v.IsNone() {
			return dflt, nil
		}
		i, err := index(v)
		if err != nil {
			return nil, err
		}
		if i.Sign() < 0 {
			i.Add(i, length)
			if i.Cmp(lower) < 0 {
				i.Set(lower)
			}
		} else if i.Cmp(upper) > 0 {
			i.Set(upper)
		}
		return i, nil
	}
	dStart, dStop := lower, upper
	if step.Sign() < 0 {
		dStart, dStop = upper, lower
	}
	start, err := bound(s.Start, dStart)
	if err != nil {
		return Null, err
	}
	stop, err := bound(s.Stop, dStop)
	if err != nil {
		return Null, err
	}
	item := func(i *big.Int) Value {
		v := new(big.Int).Mul(i, bigOf(r.step))
		return NewBigInt(v.Add(v, bigOf(r.start)))
	}
	st := new(big.Int).Mul(step, bigOf(r.step))
	nr, err := newRange(t, []Value{item(start), item(stop), NewBigInt(st)})
	if err != nil {
		return Null, err
	}
	return Value{o: nr}, nil
}
