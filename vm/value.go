package vm

import (
	"math"
	"unsafe"
)

// Value is a Python value as the VM moves it around: on the value stack,
// in locals, in containers. It is two words and a tag, so that the
// commonest results, ints that fit in 64 bits and floats, need no heap
// allocation:
//
//   - an int that fits in an int64 is {intTag, bits}; larger ints are heap
//     objects (*BigInt) and every result that fits is made small again;
//   - a float is {floatTag, IEEE bits};
//   - a bool is {boolTag, 0 or 1} (bool is an int subclass in Python: code
//     that accepts ints accepts bools through Value.IsIntLike);
//   - every other value is {object, 0}: a pointer to a heap object that
//     implements Object (None, str, list, instances, types, functions…);
//   - the zero Value is NULL: an empty slot (an unbound local, the NULL that
//     PUSH_NULL pushes, the "no value" of C APIs). It is never a Python
//     value.
//
// Values are compared with the helpers below, never with ==.
type Value struct {
	o Object
	n uint64
}

// tag marks the immediate kinds of Value.
type tag struct{ name string }

// Type makes tag an Object; it is never called on a tag reached through a
// Value, whose Type method knows the immediates.
func (t *tag) Type() *Type { panic("vm: tag " + t.name + " used as an object") }

var (
	intTagP   = &tag{"int"}
	floatTagP = &tag{"float"}
	boolTagP  = &tag{"bool"}

	intTag   Object = intTagP
	floatTag Object = floatTagP
	boolTag  Object = boolTagP
)

// Kinds of Values, as kind returns them.
const (
	kindObject = iota // a heap object, or NULL
	kindInt
	kindFloat
	kindBool
)

// dataPtr is the data word of an interface value. Comparing it with a
// tag's address tells the immediates apart without the runtime call that
// == on two interfaces costs.
func dataPtr(o Object) unsafe.Pointer {
	return (*[2]unsafe.Pointer)(unsafe.Pointer(&o))[1]
}

// kind says whether v is an immediate int, float or bool, or an object.
func (v Value) kind() int {
	switch dataPtr(v.o) {
	case unsafe.Pointer(intTagP):
		return kindInt
	case unsafe.Pointer(floatTagP):
		return kindFloat
	case unsafe.Pointer(boolTagP):
		return kindBool
	}
	return kindObject
}

// Null is the empty Value.
var Null Value

// Int returns the Python int v.
func Int(v int64) Value { return Value{intTag, uint64(v)} }

// Float returns the Python float v. A NaN is a new object each time, as
// every float result is in CPython: see nanIdentity.
func Float(v float64) Value {
	if v != v {
		return Value{floatTag, nanIdentity(math.Float64bits(v))}
	}
	return Value{floatTag, math.Float64bits(v)}
}

// Bool returns True or False.
func Bool(b bool) Value {
	if b {
		return True
	}
	return False
}

// True and False are Python's booleans.
var (
	True  = Value{boolTag, 1}
	False = Value{boolTag, 0}
)

// Obj returns the Value of a heap object.
func Obj(o Object) Value {
	if o == nil {
		return Null
	}
	return Value{o: o}
}

// IsNull reports whether v is the empty Value.
func (v Value) IsNull() bool { return dataPtr(v.o) == nil }

// IsSmallInt reports whether v is an int held in the Value (exactly int,
// not bool).
func (v Value) IsSmallInt() bool { return dataPtr(v.o) == unsafe.Pointer(intTagP) }

// IsFloat reports whether v is exactly a float (not a subclass).
func (v Value) IsFloat() bool { return dataPtr(v.o) == unsafe.Pointer(floatTagP) }

// IsBool reports whether v is True or False.
func (v Value) IsBool() bool { return dataPtr(v.o) == unsafe.Pointer(boolTagP) }

// SmallInt returns the int of a Value for which IsSmallInt (or IsBool)
// holds.
func (v Value) SmallInt() int64 { return int64(v.n) }

// FloatVal returns the float of a Value for which IsFloat holds.
func (v Value) FloatVal() float64 { return math.Float64frombits(v.n) }

// Object returns the heap object of v, or nil for NULL and the immediates.
func (v Value) Object() Object {
	if v.kind() != kindObject {
		return nil
	}
	return v.o
}

// Type returns the Python type of v. v must not be NULL.
func (v Value) Type() *Type {
	switch v.kind() {
	case kindInt:
		return IntType
	case kindFloat:
		return FloatType
	case kindBool:
		return BoolType
	}
	return v.o.Type()
}

// Is reports whether v and w are the same object (Python's `is`). Equal
// immediates are the same object, as CPython's small ints and its
// singletons are; two equal floats are not distinguished either, except
// NaNs, which carry an identity (nanIdentity) because containers test
// identity before equality (PyObject_RichCompareBool).
func (v Value) Is(w Value) bool { return dataPtr(v.o) == dataPtr(w.o) && v.n == w.n }

// IsNone reports whether v is None.
func (v Value) IsNone() bool { return dataPtr(v.o) == unsafe.Pointer(NoneObject) }

// Object is a heap object: anything that is not an immediate Value.
type Object interface {
	// Type returns the object's class.
	Type() *Type
}
