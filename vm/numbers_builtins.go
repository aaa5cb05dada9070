package vm

import "strings"

// The numeric builtins: round, divmod, pow, bin, oct and hex
// (Python/bltinmodule.c), and the registration of the numeric types'
// constructors and methods.

func init() {
	onSetup(func() {
		setupIntMethods()
		setupFloatMethods()
		setupComplexMethods()
		setupNumberFastSlots()
		applyDocs(IntType, intDocs)
		applyDocs(FloatType, floatDocs)
		applyDocs(ComplexType, complexDocs)
		applyDocs(BoolType, boolDocs)
	})
	defBuiltin("round", builtinRound)
	defBuiltin("divmod", builtinDivmod)
	defBuiltin("pow", builtinPow)
	defBuiltin("bin", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return intToBase(t, "bin", args, kw, 2)
	})
	defBuiltin("oct", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return intToBase(t, "oct", args, kw, 8)
	})
	defBuiltin("hex", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return intToBase(t, "hex", args, kw, 16)
	})
}

// numRuntimeWarner is the thread's runtime-warning function, where the
// interpreter has one: the warning shown as the default filters show it.
type numRuntimeWarner interface {
	warnRuntime(category *Type, msg string) error
}

// numWarnHook issues a runtime warning for the numeric code (the
// DeprecationWarnings of int() delegating to __trunc__, of __int__,
// __float__ and __complex__ returning strict subclasses, of ~ on a bool):
// through the thread's warnRuntime when it has one, else not at all.
var numWarnHook = func(t *Thread, category *Type, msg string) error {
	if w, ok := any(t).(numRuntimeWarner); ok {
		return w.warnRuntime(category, msg)
	}
	return nil
}

// numDeprecation issues a DeprecationWarning through numWarnHook.
func numDeprecation(t *Thread, msg string) error {
	return numWarnHook(t, DeprecationWarningType, msg)
}

var roundSpec = ArgSpec{Name: "round", Params: []string{"number", "ndigits"}, Required: 1}

// builtinRound is round(number, ndigits=None): number.__round__().
func builtinRound(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
	var a [2]Value
	if err := roundSpec.Parse(t, args, kw, a[:]); err != nil {
		return Null, err
	}
	num := a[0]
	// Fast paths for the exact builtin types.
	if a[1].IsNull() || a[1].IsNone() {
		switch num.o {
		case floatTag:
			return floatToInt(t, roundHalfEven(num.FloatVal()))
		case intTag:
			return num, nil
		}
	}
	m, err := lookupSpecial(t, num, Intern("__round__"))
	if err != nil {
		return Null, err
	}
	if m.IsNull() {
		return Null, t.typeErrorf("type %s doesn't define __round__ method", typeName(num))
	}
	if a[1].IsNull() || a[1].IsNone() {
		return t.Call(m, nil, nil)
	}
	return t.Call(m, []Value{a[1]}, nil)
}

// builtinDivmod is divmod(a, b).
func builtinDivmod(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
	if err := checkPositional(t, "divmod", args, kw, 2, 2); err != nil {
		return Null, err
	}
	return Divmod(t, args[0], args[1])
}

// Divmod is divmod(a, b) (PyNumber_Divmod).
func Divmod(t *Thread, a, b Value) (Value, error) {
	r, err := binaryOp1(t, a, b, func(n *NumberSlots) BinarySlot { return n.DivMod })
	if err != nil {
		return Null, err
	}
	if r.Is(NotImplemented) {
		return Null, binopTypeError(t, a, b, "divmod()")
	}
	return r, nil
}

var powSpec = ArgSpec{Name: "pow", Params: []string{"base", "exp", "mod"}, Required: 2}

// builtinPow is pow(base, exp, mod=None).
func builtinPow(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
	var a [3]Value
	if err := powSpec.Parse(t, args, kw, a[:]); err != nil {
		return Null, err
	}
	z := a[2]
	if z.IsNull() {
		z = None
	}
	return Power(t, a[0], a[1], z)
}

// intToBase is bin(), oct() and hex(): the int's digits with a prefix.
func intToBase(t *Thread, name string, args []Value, kw []*Str, base int) (Value, error) {
	if err := oneArg(t, name, args, kw); err != nil {
		return Null, err
	}
	v, err := Index(t, args[0])
	if err != nil {
		return Null, err
	}
	return NewStrValue(intBaseText(v, base)), nil
}

// intBaseText is an int in base 2, 8 or 16 with its prefix ("-0x1f").
func intBaseText(v Value, base int) string {
	i, _ := intConst(v)
	prefix := map[int]string{2: "0b", 8: "0o", 16: "0x"}[base]
	var b strings.Builder
	if i.Sign() < 0 {
		b.WriteByte('-')
	}
	b.WriteString(prefix)
	b.WriteString(i.Abs().Text(base))
	return b.String()
}
