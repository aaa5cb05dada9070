package vm

// ObjectBase is embedded first in every heap object's struct: the object's
// class, and its instance __dict__ when it has one (instances of classes
// defined in Python, and of their subclasses of builtin types).
type ObjectBase struct {
	cls  *Type
	dict *Dict
}

// Type returns the object's class.
func (b *ObjectBase) Type() *Type { return b.cls }

// base returns the ObjectBase of any heap object.
func (b *ObjectBase) base() *ObjectBase { return b }

// hasBase is implemented by every heap object through ObjectBase.
type hasBase interface {
	Object
	base() *ObjectBase
}

// InstanceDict returns the __dict__ of a heap object, or nil.
func InstanceDict(o Object) *Dict {
	if b, ok := o.(hasBase); ok {
		return b.base().dict
	}
	return nil
}

// CompareOp is a rich comparison operator, numbered as CPython's Py_LT…Py_GE
// (and COMPARE_OP's argument >> 5).
type CompareOp int

const (
	LT CompareOp = iota
	LE
	EQ
	NE
	GT
	GE
)

var compareOpSymbols = [...]string{"<", "<=", "==", "!=", ">", ">="}

func (op CompareOp) String() string { return compareOpSymbols[op] }

// swapped returns the operator with its operands exchanged (a < b is b > a).
func (op CompareOp) swapped() CompareOp {
	return [...]CompareOp{GT, GE, EQ, NE, LT, LE}[op]
}

// Singletons that are heap objects.
type (
	// NoneType is the type of None.
	NoneType struct{ ObjectBase }
	// NotImplementedType is the type of NotImplemented.
	NotImplementedType struct{ ObjectBase }
	// EllipsisType is the type of Ellipsis.
	EllipsisType struct{ ObjectBase }
)

// The singletons, set up with their types in types.go.
var (
	NoneObject           = &NoneType{}
	NotImplementedObject = &NotImplementedType{}
	EllipsisObject       = &EllipsisType{}

	None           = Value{o: NoneObject}
	NotImplemented = Value{o: NotImplementedObject}
	Ellipsis       = Value{o: EllipsisObject}
)
