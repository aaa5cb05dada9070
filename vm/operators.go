package vm

import (
	"reflect"
	"unsafe"
)

// Binary and unary operators and rich comparisons, dispatched as CPython's
// abstract.c does: the right operand's slot first when its type is a
// subclass of the left's, NotImplemented passing the turn, the sequence
// fallbacks for + and *, in-place slots falling back to the binary ones.

// binaryOps describes BINARY_OP's arguments 0-12 (13-25 are the in-place
// forms): the symbol and the number slots.
var binaryOps = [13]struct {
	sym     string
	slot    func(*NumberSlots) BinarySlot
	inplace func(*NumberSlots) BinarySlot
}{
	{"+", func(n *NumberSlots) BinarySlot { return n.Add }, func(n *NumberSlots) BinarySlot { return n.InplaceAdd }},
	{"&", func(n *NumberSlots) BinarySlot { return n.And }, func(n *NumberSlots) BinarySlot { return n.InplaceAnd }},
	{"//", func(n *NumberSlots) BinarySlot { return n.FloorDiv }, func(n *NumberSlots) BinarySlot { return n.InplaceFloorDiv }},
	{"<<", func(n *NumberSlots) BinarySlot { return n.LShift }, func(n *NumberSlots) BinarySlot { return n.InplaceLShift }},
	{"@", func(n *NumberSlots) BinarySlot { return n.MatMul }, func(n *NumberSlots) BinarySlot { return n.InplaceMatMul }},
	{"*", func(n *NumberSlots) BinarySlot { return n.Mul }, func(n *NumberSlots) BinarySlot { return n.InplaceMul }},
	{"%", func(n *NumberSlots) BinarySlot { return n.Mod }, func(n *NumberSlots) BinarySlot { return n.InplaceMod }},
	{"|", func(n *NumberSlots) BinarySlot { return n.Or }, func(n *NumberSlots) BinarySlot { return n.InplaceOr }},
	{"**", nil, nil},
	{">>", func(n *NumberSlots) BinarySlot { return n.RShift }, func(n *NumberSlots) BinarySlot { return n.InplaceRShift }},
	{"-", func(n *NumberSlots) BinarySlot { return n.Sub }, func(n *NumberSlots) BinarySlot { return n.InplaceSub }},
	{"/", func(n *NumberSlots) BinarySlot { return n.TrueDiv }, func(n *NumberSlots) BinarySlot { return n.InplaceTrueDiv }},
	{"^", func(n *NumberSlots) BinarySlot { return n.Xor }, func(n *NumberSlots) BinarySlot { return n.InplaceXor }},
}

const (
	opAdd = 0
	opMul = 5
	opPow = 8
)

// sameSlot reports whether two slot function values are the same one:
// the same top-level function, or the same closure (a slot a type
// inherited by copying it). Two closures of the same code made for two
// types (the number slots of int and of float) are different slots, as
// long_add and float_add are in CPython, so the reflected operation is
// tried; comparing code pointers would wrongly merge them.
func sameSlot(a, b any) bool {
	return funcvalOf(a) == funcvalOf(b)
}

// funcvalOf is the function value held by an interface (a func is
// pointer-shaped: the data word is the closure).
func funcvalOf(f any) unsafe.Pointer {
	return (*[2]unsafe.Pointer)(unsafe.Pointer(&f))[1]
}

// BinaryOpArg performs BINARY_OP with its argument.
func BinaryOpArg(t *Thread, a, b Value, arg int) (Value, error) {
	if arg >= 13 {
		return inplaceOp(t, a, b, arg-13)
	}
	return binaryOp(t, a, b, arg)
}

// binaryOp is PyNumber_Add and its siblings.
func binaryOp(t *Thread, a, b Value, op int) (Value, error) {
	var r Value
	var err error
	if op == opPow {
		r, err = ternaryOp1(t, a, b, None)
	} else {
		r, err = binaryOp1(t, a, b, binaryOps[op].slot)
	}
	if err != nil {
		return Null, err
	}
	if !r.Is(NotImplemented) {
		return r, nil
	}
	switch op {
	case opAdd:
		if c := a.Type().SqConcat; c != nil {
			return c(t, a, b)
		}
	case opMul:
		if r := a.Type().SqRepeat; r != nil {
			return sequenceRepeat(t, r, a, b)
		}
		if r := b.Type().SqRepeat; r != nil {
			return sequenceRepeat(t, r, b, a)
		}
	}
	return Null, binopTypeError(t, a, b, binaryOps[op].sym)
}

func binopTypeError(t *Thread, a, b Value, sym string) error {
	if sym == "**" {
		sym = "** or pow()"
	}
	if sym == "**=" {
		sym = "**="
	}
	return t.typeErrorf("unsupported operand type(s) for %s: '%s' and '%s'", sym, a.Type().Name, b.Type().Name)
}

// binaryOp1 is binary_op1: the slots of both operands, in CPython's order.
func binaryOp1(t *Thread, a, b Value, slotOf func(*NumberSlots) BinarySlot) (Value, error) {
	ta, tb := a.Type(), b.Type()
	slotA := slotOf(&ta.Number)
	var slotB BinarySlot
	if tb != ta {
		slotB = slotOf(&tb.Number)
		if slotB != nil && slotA != nil && sameSlot(slotA, slotB) {
			slotB = nil
		}
	}
	if slotA != nil {
		if slotB != nil && tb.IsSubtype(ta) {
			r, err := slotB(t, a, b)
			if err != nil || !r.Is(NotImplemented) {
				return r, err
			}
			slotB = nil
		}
		r, err := slotA(t, a, b)
		if err != nil || !r.Is(NotImplemented) {
			return r, err
		}
	}
	if slotB != nil {
		return slotB(t, a, b)
	}
	return NotImplemented, nil
}

// ternaryOp1 is ternary_op for pow (z is None for the ** operator).
func ternaryOp1(t *Thread, a, b, z Value) (Value, error) {
	ta, tb := a.Type(), b.Type()
	slotA := ta.Number.Pow
	var slotB TernarySlot
	if tb != ta {
		slotB = tb.Number.Pow
		if slotB != nil && slotA != nil && sameSlot(slotA, slotB) {
			slotB = nil
		}
	}
	if slotA != nil {
		if slotB != nil && tb.IsSubtype(ta) {
			r, err := slotB(t, a, b, z)
			if err != nil || !r.Is(NotImplemented) {
				return r, err
			}
			slotB = nil
		}
		r, err := slotA(t, a, b, z)
		if err != nil || !r.Is(NotImplemented) {
			return r, err
		}
	}
	if slotB != nil {
		r, err := slotB(t, a, b, z)
		if err != nil || !r.Is(NotImplemented) {
			return r, err
		}
	}
	if !z.IsNone() {
		if tz := z.Type(); tz.Number.Pow != nil && tz != ta && tz != tb {
			return tz.Number.Pow(t, a, b, z)
		}
	}
	return NotImplemented, nil
}

// Power is pow(a, b, z) (z None for two arguments).
func Power(t *Thread, a, b, z Value) (Value, error) {
	r, err := ternaryOp1(t, a, b, z)
	if err != nil {
		return Null, err
	}
	if r.Is(NotImplemented) {
		if z.IsNone() {
			return Null, binopTypeError(t, a, b, "**")
		}
		return Null, t.typeErrorf("unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'", a.Type().Name, b.Type().Name, z.Type().Name)
	}
	return r, nil
}

// inplaceOp is PyNumber_InPlaceAdd and its siblings.
func inplaceOp(t *Thread, a, b Value, op int) (Value, error) {
	ta := a.Type()
	if op == opPow {
		if s := ta.Number.InplacePow; s != nil {
			r, err := s(t, a, b, None)
			if err != nil || !r.Is(NotImplemented) {
				return r, err
			}
		}
		r, err := ternaryOp1(t, a, b, None)
		if err != nil {
			return Null, err
		}
		if r.Is(NotImplemented) {
			return Null, t.typeErrorf("unsupported operand type(s) for **=: '%s' and '%s'", ta.Name, b.Type().Name)
		}
		return r, nil
	}
	if s := binaryOps[op].inplace(&ta.Number); s != nil {
		r, err := s(t, a, b)
		if err != nil || !r.Is(NotImplemented) {
			return r, err
		}
	}
	r, err := binaryOp1(t, a, b, binaryOps[op].slot)
	if err != nil {
		return Null, err
	}
	if !r.Is(NotImplemented) {
		return r, nil
	}
	switch op {
	case opAdd:
		if c := ta.SqInplaceConcat; c != nil {
			return c(t, a, b)
		}
		if c := ta.SqConcat; c != nil {
			return c(t, a, b)
		}
	case opMul:
		if r := ta.SqInplaceRepeat; r != nil {
			return sequenceRepeat(t, r, a, b)
		}
		if r := ta.SqRepeat; r != nil {
			return sequenceRepeat(t, r, a, b)
		}
		if r := b.Type().SqRepeat; r != nil {
			return sequenceRepeat(t, r, b, a)
		}
	}
	return Null, binopTypeError(t, a, b, binaryOps[op].sym+"=")
}

// sequenceRepeat checks the count of seq * n (an index) and repeats.
func sequenceRepeat(t *Thread, repeat RepeatSlot, seq, n Value) (Value, error) {
	if !hasIndex(n) {
		return Null, t.typeErrorf("can't multiply sequence by non-int of type '%s'", n.Type().Name)
	}
	count, err := AsSize(t, n, OverflowErrorType)
	if err != nil {
		return Null, err
	}
	if err := t.checkRepeatAlloc(seq, count); err != nil {
		return Null, err
	}
	return repeat(t, seq, count)
}

// RepeatSlot repeats a sequence n times.
type RepeatSlot func(t *Thread, seq Value, n int) (Value, error)

// RichCompare returns a op b (do_richcompare).
func RichCompare(t *Thread, a, b Value, op CompareOp) (Value, error) {
	if err := t.enterC(" in comparison"); err != nil {
		return Null, err
	}
	defer t.leaveC()
	ta, tb := a.Type(), b.Type()
	checkedReverse := false
	if ta != tb && tb.IsSubtype(ta) && tb.Compare != nil {
		checkedReverse = true
		r, err := tb.Compare(t, b, a, op.swapped())
		if err != nil || !r.Is(NotImplemented) {
			return r, err
		}
	}
	if ta.Compare != nil {
		r, err := ta.Compare(t, a, b, op)
		if err != nil || !r.Is(NotImplemented) {
			return r, err
		}
	}
	if !checkedReverse && tb.Compare != nil {
		r, err := tb.Compare(t, b, a, op.swapped())
		if err != nil || !r.Is(NotImplemented) {
			return r, err
		}
	}
	switch op {
	case EQ:
		return Bool(a.Is(b)), nil
	case NE:
		return Bool(!a.Is(b)), nil
	}
	return Null, t.typeErrorf("'%s' not supported between instances of '%s' and '%s'", op, ta.Name, tb.Name)
}

// RichCompareBool returns bool(a op b), with identity implying equality
// (PyObject_RichCompareBool).
func RichCompareBool(t *Thread, a, b Value, op CompareOp) (bool, error) {
	if a.Is(b) {
		if op == EQ {
			return true, nil
		}
		if op == NE {
			return false, nil
		}
	}
	if a.IsSmallInt() && b.IsSmallInt() {
		return compareInts(int64(a.n), int64(b.n), op), nil
	}
	r, err := RichCompare(t, a, b, op)
	if err != nil {
		return false, err
	}
	if r.IsBool() {
		return r.n != 0, nil
	}
	return Truth(t, r)
}

// Negative returns -v.
func Negative(t *Thread, v Value) (Value, error) {
	if s := v.Type().Number.Neg; s != nil {
		return s(t, v)
	}
	return Null, t.typeErrorf("bad operand type for unary -: '%s'", v.Type().Name)
}

// Positive returns +v.
func Positive(t *Thread, v Value) (Value, error) {
	if s := v.Type().Number.Pos; s != nil {
		return s(t, v)
	}
	return Null, t.typeErrorf("bad operand type for unary +: '%s'", v.Type().Name)
}

// Invert returns ~v.
func Invert(t *Thread, v Value) (Value, error) {
	if s := v.Type().Number.Invert; s != nil {
		return s(t, v)
	}
	return Null, t.typeErrorf("bad operand type for unary ~: '%s'", v.Type().Name)
}

// Absolute returns abs(v).
func Absolute(t *Thread, v Value) (Value, error) {
	if s := v.Type().Number.Abs; s != nil {
		return s(t, v)
	}
	return Null, t.typeErrorf("bad operand type for abs(): '%s'", v.Type().Name)
}

// hasIndex reports whether v supports __index__.
func hasIndex(v Value) bool {
	switch v.kind() {
	case kindInt, kindBool:
		return true
	}
	return v.Type().Number.Index != nil
}

// Index returns operator.index(v): an int.
func Index(t *Thread, v Value) (Value, error) {
	switch v.kind() {
	case kindInt:
		return v, nil
	case kindBool:
		return Int(int64(v.n)), nil
	}
	if _, ok := v.o.(*BigInt); ok {
		return v, nil
	}
	if _, ok := v.o.(*IntSub); ok {
		// An int subclass is an int: its __index__ is not called.
		return intValue(v), nil
	}
	s := v.Type().Number.Index
	if s == nil {
		return Null, t.typeErrorf("'%s' object cannot be interpreted as an integer", v.Type().Name)
	}
	r, err := s(t, v)
	if err != nil {
		return Null, err
	}
	if !r.IsSmallInt() && !r.IsBool() {
		if _, ok := r.o.(*BigInt); !ok {
			return Null, t.typeErrorf("__index__ returned non-int (type %s)", r.Type().Name)
		}
	}
	if rt := r.Type(); rt != IntType {
		if err := t.warnRuntime(DeprecationWarningType, "__index__ returned non-int (type "+rt.Name+").  The ability to return an instance of a strict subclass of int is deprecated, and may be removed in a future version of Python."); err != nil {
			return Null, err
		}
	}
	if r.IsBool() {
		r = Int(int64(r.n))
	}
	return r, nil
}

// AsSize returns v (which must support __index__) as an int, raising
// overflow (an OverflowError, or IndexError for sequence indexes) when it
// does not fit (PyNumber_AsSsize_t).
func AsSize(t *Thread, v Value, overflow *Type) (int, error) {
	i, err := Index(t, v)
	if err != nil {
		return 0, err
	}
	if i.IsSmallInt() {
		return int(i.SmallInt()), nil
	}
	if overflow == nil {
		if i.o.(*BigInt).v.Sign() < 0 {
			return -1 << 62, nil
		}
		return 1<<62 - 1, nil
	}
	return 0, t.raisef(overflow, "cannot fit '%s' into an index-sized integer", v.Type().Name)
}

// reflectIsNil reports whether f (a slot function in an interface) is a
// nil function.
func reflectIsNil(f any) bool {
	v := reflect.ValueOf(f)
	return v.Kind() == reflect.Func && v.IsNil()
}
