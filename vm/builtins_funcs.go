package vm

import (
	"math"
)

// Builtin functions over iterables and numbers: sorted, min, max, sum,
// any, all, and __import__, each with CPython's argument handling and
// messages (Python/bltinmodule.c).

func init() {
	defBuiltin("sorted", builtinSorted)
	defBuiltin("min", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return minMax(t, args, kw, LT)
	})
	defBuiltin("max", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return minMax(t, args, kw, GT)
	})
	defBuiltin("sum", builtinSum)
	defBuiltin("any", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return anyAll(t, "any", args, kw, true)
	})
	defBuiltin("all", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return anyAll(t, "all", args, kw, false)
	})
	defBuiltin("__import__", builtinImport)
}

// builtinSorted is sorted(iterable, /, *, key=None, reverse=False): a new
// list, sorted by list.sort (which checks the keywords).
func builtinSorted(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
	npos := len(args) - len(kw)
	if npos != 1 {
		return Null, t.typeErrorf("sorted expected 1 argument, got %d", npos)
	}
	items, err := t.collectIterable(args[0], nil)
	if err != nil {
		return Null, err
	}
	l := NewList(items...)
	if _, err := listSort(t, Value{o: l}, args[1:], kw); err != nil {
		return Null, err
	}
	return Value{o: l}, nil
}

var (
	minSpec = ArgSpec{Name: "min", Params: []string{"key", "default"}, KwOnly: 2}
	maxSpec = ArgSpec{Name: "max", Params: []string{"key", "default"}, KwOnly: 2}
)

// minMax is min() and max() (min_max): one iterable or several
// arguments, key=, and default= for the iterable form.
func minMax(t *Thread, args []Value, kw []*Str, op CompareOp) (Value, error) {
	name, spec := "min", &minSpec
	if op == GT {
		name, spec = "max", &maxSpec
	}
	npos := len(args) - len(kw)
	if npos == 0 {
		return Null, t.typeErrorf("%s expected at least 1 argument, got 0", name)
	}
	var opts [2]Value
	if len(kw) > 0 {
		if err := spec.Parse(t, args[npos:], kw, opts[:]); err != nil {
			return Null, err
		}
	}
	keyfn, def := opts[0], opts[1]
	if npos > 1 && !def.IsNull() {
		return Null, t.typeErrorf("Cannot specify a default for %s() with multiple positional arguments", name)
	}
	if keyfn.IsNone() {
		keyfn = Null
	}
	var best, bestKey Value
	step := func(item Value) error {
		val := item
		if !keyfn.IsNull() {
			v, err := t.Call(keyfn, []Value{item}, nil)
			if err != nil {
				return err
			}
			val = v
		}
		if bestKey.IsNull() {
			best, bestKey = item, val
			return nil
		}
		better, err := RichCompareBool(t, val, bestKey, op)
		if err != nil {
			return err
		}
		if better {
			best, bestKey = item, val
		}
		return nil
	}
	if npos > 1 {
		for _, item := range args[:npos] {
			if err := step(item); err != nil {
				return Null, err
			}
		}
	} else if err := forEach(t, args[0], func(x Value) (bool, error) { return false, step(x) }); err != nil {
		return Null, err
	}
	if bestKey.IsNull() {
		if !def.IsNull() {
			return def, nil
		}
		return Null, t.valueErrorf("%s() iterable argument is empty", name)
	}
	return best, nil
}

var sumSpec = ArgSpec{Name: "sum", Params: []string{"iterable", "start"}, PosOnly: 1, Required: 1}

// builtinSum is sum(iterable, /, start=0), with CPython's fast paths: ints
// summed in a machine word until one overflows, floats with Neumaier's
// compensated summation.
func builtinSum(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
	var opts [2]Value
	if err := parseClinic(t, &sumSpec, args, kw, opts[:]); err != nil {
		return Null, err
	}
	result := opts[1]
	if result.IsNull() {
		result = Int(0)
	} else {
		switch result.Type() {
		case StrType:
			return Null, t.typeErrorf("sum() can't sum strings [use ''.join(seq) instead]")
		case BytesType:
			return Null, t.typeErrorf("sum() can't sum bytes [use b''.join(seq) instead]")
		case ByteArrayType:
			return Null, t.typeErrorf("sum() can't sum bytearray [use b''.join(seq) instead]")
		}
		if tp := result.Type(); tp.IsSubtype(StrType) {
			return Null, t.typeErrorf("sum() can't sum strings [use ''.join(seq) instead]")
		} else if tp.IsSubtype(BytesType) {
			return Null, t.typeErrorf("sum() can't sum bytes [use b''.join(seq) instead]")
		} else if tp.IsSubtype(ByteArrayType) {
			return Null, t.typeErrorf("sum() can't sum bytearray [use b''.join(seq) instead]")
		}
	}
	it, err := Iter(t, opts[0])
	if err != nil {
		return Null, err
	}
	next := func() (Value, error) { return Next(t, it) }

	if result.IsSmallInt() {
		acc := result.SmallInt()
		for {
			item, err := next()
			if err != nil {
				return Null, err
			}
			if item.IsNull() {
				return Int(acc), nil
			}
			if item.IsSmallInt() || item.IsBool() {
				b := int64(item.n)
				if (acc >= 0 && b <= math.MaxInt64-acc) || (acc < 0 && b >= math.MinInt64-acc) {
					acc += b
					continue
				}
			}
			result, err = binaryOp(t, Int(acc), item, opAdd)
			if err != nil {
				return Null, err
			}
			break
		}
	}
	if result.IsFloat() {
		f := result.FloatVal()
		c := 0.0
		for {
			item, err := next()
			if err != nil {
				return Null, err
			}
			if item.IsNull() {
				if c != 0 && !math.IsInf(c, 0) && !math.IsNaN(c) {
					f += c
				}
				return Float(f), nil
			}
			if item.IsFloat() {
				x := item.FloatVal()
				s := f + x
				if math.Abs(f) >= math.Abs(x) {
					c += (f - s) + x
				} else {
					c += (x - s) + f
				}
				f = s
				continue
			}
			if item.IsSmallInt() || item.IsBool() {
				f += float64(int64(item.n))
				continue
			}
			if v, ok := intSubclassSmall(item); ok {
				f += float64(v)
				continue
			}
			if c != 0 && !math.IsInf(c, 0) && !math.IsNaN(c) {
				f += c
			}
			result, err = binaryOp(t, Float(f), item, opAdd)
			if err != nil {
				return Null, err
			}
			break
		}
	}
	for {
		item, err := next()
		if err != nil {
			return Null, err
		}
		if item.IsNull() {
			return result, nil
		}
		result, err = binaryOp(t, result, item, opAdd)
		if err != nil {
			return Null, err
		}
	}
}

// intSubclassSmall returns the value of an int (of a subclass of int)
// that fits in a machine word, as PyLong_AsLongAndOverflow does.
func intSubclassSmall(v Value) (int64, bool) {
	if !v.Type().IsSubtype(IntType) {
		return 0, false
	}
	iv := intValue(v)
	if iv.IsSmallInt() {
		return iv.SmallInt(), true
	}
	return 0, false
}

// anyAll is any() and all(): METH_O functions.
func anyAll(t *Thread, name string, args []Value, kw []*Str, want bool) (Value, error) {
	if err := oneArg(t, name, args, kw); err != nil {
		return Null, err
	}
	found := false
	err := forEach(t, args[0], func(x Value) (bool, error) {
		b, err := Truth(t, x)
		if err != nil {
			return true, err
		}
		if b == want {
			found = true
			return true, nil
		}
		return false, nil
	})
	if err != nil {
		return Null, err
	}
	if want {
		return Bool(found), nil
	}
	return Bool(!found), nil
}

var importSpec = ArgSpec{Name: "__import__", Params: []string{"name", "globals", "locals", "fromlist", "level"}, Required: 1}

// builtinImport is __import__(name, globals=None, locals=None,
// fromlist=(), level=0).
func builtinImport(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
	var a [5]Value
	if err := parseClinic(t, &importSpec, args, kw, a[:]); err != nil {
		return Null, err
	}
	name, ok := a[0].o.(*Str)
	if !ok {
		return Null, t.typeErrorf("module name must be a string")
	}
	level := 0
	if !a[4].IsNull() {
		n, err := AsSize(t, a[4], OverflowErrorType)
		if err != nil {
			return Null, err
		}
		level = n
	}
	var globals *Dict
	if d, ok := a[1].o.(*Dict); ok {
		globals = d
	}
	fromlist := a[3]
	if fromlist.IsNull() {
		fromlist = None
	}
	return t.importModuleLevel(name.s, globals, fromlist, level)
}

// parseClinic parses arguments as Argument Clinic's _PyArg_UnpackKeywords
// does: more arguments in all than parameters is "f() takes at most N
// arguments (M given)" ("keyword arguments" when none was positional),
// before the spec's own checks.
func parseClinic(t *Thread, spec *ArgSpec, args []Value, kw []*Str, out []Value) error {
	nargs := len(args) - len(kw)
	if maxargs := len(spec.Params); len(args) > maxargs && !(len(kw) == 0 && nargs <= maxargs-spec.KwOnly) {
		what := ""
		if nargs == 0 {
			what = "keyword "
		}
		return t.typeErrorf("%s() takes at most %d %sargument%s (%d given)", spec.Name, maxargs, what, plural(maxargs), len(args))
	}
	if minpos := min(spec.Required, spec.PosOnly); nargs < minpos {
		maxpos := len(spec.Params) - spec.KwOnly
		how := "exactly"
		if spec.Required < maxpos {
			how = "at least"
		}
		return t.typeErrorf("%s() takes %s %d positional argument%s (%d given)", spec.Name, how, spec.Required, plural(spec.Required), nargs)
	}
	return spec.Parse(t, args, kw, out)
}
