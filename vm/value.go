package vm

import (
	"math"
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
	intTag   Object = &tag{"int"}
	floatTag Object = &tag{"float"}
	boolTag  Object = &tag{"bool"}
)

// Null is the empty Value.
var Null Value

// Int returns the Python int v.
func Int(v int64) Value { return Value{intTag, uint64(v)} }

// Float returns the Python float v.
func Float(v float64) Value { return Value{floatTag, math.Float64bits(v)} }

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
func (v Value) IsNull() bool { return v.o == nil }

// IsSmallInt reports whether v is an int held in the Value (exactly int,
// not bool).
func (v Value) IsSmallInt() bool { return v.o == intTag }

// IsFloat reports whether v is exactly a float (not a subclass).
func (v Value) IsFloat() bool { return v.o == floatTag }

// IsBool reports whether v is True or False.
func (v Value) IsBool() bool { return v.o == boolTag }

// SmallInt returns the int of a Value for which IsSmallInt (or IsBool)
// holds.
func (v Value) SmallInt() int64 { return int64(v.n) }

// FloatVal returns the float of a Value for which IsFloat holds.
func (v Value) FloatVal() float64 { return math.Float64frombits(v.n) }

// Object returns the heap object of v, or nil for NULL and the immediates.
func (v Value) Object() Object {
	switch v.o {
	case intTag, floatTag, boolTag:
		return nil
	}
	return v.o
}

// Type returns the Python type of v. v must not be NULL.
func (v Value) Type() *Type {
	switch v.o {
	case intTag:
		return IntType
	case floatTag:
		return FloatType
	case boolTag:
		return BoolType
	}
	return v.o.Type()
}

// Is reports whether v and w are the same object (Python's `is`). Equal
// immediates are the same object, as CPython's small ints and its
// singletons are; two equal floats are not distinguished either.
func (v Value) Is(w Value) bool { return v.o == w.o && v.n == w.n }

// IsNone reports whether v is None.
func (v Value) IsNone() bool { return v.o == Object(NoneObject) }

// Object is a heap object: anything that is not an immediate Value.
type Object interface {
	// Type returns the object's class.
	Type() *Type
}
