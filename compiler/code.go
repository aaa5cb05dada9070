package compiler

// CodeFlags are a code object's co_flags.
type CodeFlags uint32

// The co_flags bits CPython 3.13's compiler sets (Include/cpython/code.h).
const (
	CoOptimized         CodeFlags = 0x0001
	CoNewLocals         CodeFlags = 0x0002
	CoVarargs           CodeFlags = 0x0004
	CoVarkeywords       CodeFlags = 0x0008
	CoNested            CodeFlags = 0x0010
	CoGenerator         CodeFlags = 0x0020
	CoCoroutine         CodeFlags = 0x0080
	CoIterableCoroutine CodeFlags = 0x0100
	CoAsyncGenerator    CodeFlags = 0x0200

	// The __future__ features, ORed into every code object compiled under
	// the import (only annotations still changes anything in 3.13, but
	// the others are recorded too).
	CoFutureDivision        CodeFlags = 0x20000
	CoFutureAbsoluteImport  CodeFlags = 0x40000
	CoFutureWithStatement   CodeFlags = 0x80000
	CoFuturePrintFunction   CodeFlags = 0x100000
	CoFutureUnicodeLiterals CodeFlags = 0x200000
	CoFutureBarryAsBDFL     CodeFlags = 0x400000
	CoFutureGeneratorStop   CodeFlags = 0x800000
	CoFutureAnnotations     CodeFlags = 0x1000000
)

// The kinds of a localsplus entry (co_localspluskinds; Include/internal/pycore_code.h).
const (
	FastHidden = 0x10 // hidden from locals(): inlined comprehension variables
	FastLocal  = 0x20
	FastCell   = 0x40
	FastFree   = 0x80
)

// Const is an element of co_consts: a pyconst.Value or a [*Code].
type Const any

// Code is a CPython 3.13 code object as the compiler produces it and as
// marshal stores it: exactly the fields a .pyc holds. The other co_*
// attributes (co_nlocals, co_varnames, co_cellvars, co_freevars, …) are
// derived from these by methods.
type Code struct {
	ArgCount        int
	PosOnlyArgCount int
	KwOnlyArgCount  int
	StackSize       int
	Flags           CodeFlags
	// Code is co_code: 2-byte code units with zeroed inline caches.
	Code []byte
	// Consts is co_consts; each element is a pyconst.Value or a *Code.
	Consts []Const
	// Names is co_names.
	Names []string
	// LocalsPlusNames and LocalsPlusKinds are co_localsplusnames and
	// co_localspluskinds: the fast locals, then cells, then free variables.
	LocalsPlusNames []string
	LocalsPlusKinds []byte
	Filename        string
	Name            string
	QualName        string
	FirstLineno     int
	// LineTable is co_linetable (the format of Objects/locations.md).
	LineTable []byte
	// ExceptionTable is co_exceptiontable.
	ExceptionTable []byte

	// key caches the object's constant key (see constKey).
	key string
}

// NLocals is co_nlocals: the number of localsplus entries that are locals.
func (c *Code) NLocals() int {
	n := 0
	for _, k := range c.LocalsPlusKinds {
		if k&FastLocal != 0 {
			n++
		}
	}
	return n
}

func (c *Code) namesOfKind(kind byte) []string {
	var out []string
	for i, k := range c.LocalsPlusKinds {
		if k&kind != 0 {
			out = append(out, c.LocalsPlusNames[i])
		}
	}
	return out
}

// VarNames is co_varnames: the names of the locals, parameters first.
func (c *Code) VarNames() []string { return c.namesOfKind(FastLocal) }

// CellVars is co_cellvars.
func (c *Code) CellVars() []string { return c.namesOfKind(FastCell) }

// FreeVars is co_freevars.
func (c *Code) FreeVars() []string { return c.namesOfKind(FastFree) }
