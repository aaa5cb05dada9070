package vm

import (
	"fmt"
	"strings"
)

// Exception is an instance of BaseException or of one of its subclasses,
// builtin or defined in Python. It is the Go error the VM's functions
// return for a Python exception.
type Exception struct {
	ObjectBase
	Args            *Tuple
	Traceback       *Traceback
	Cause           Value // NULL when unset
	Context         Value // NULL when unset
	SuppressContext bool
	// notes is __notes__ when set (kept in the instance dict otherwise).

	// Fields of particular exception types.
	Value Value // StopIteration.value
	Code  Value // SystemExit.code
	// Name and Obj: NameError.name, AttributeError.name/obj,
	// ImportError.name.
	Name, Obj Value
	// excFields holds the fields of the types that have more of them
	// (ImportError, OSError, SyntaxError, the Unicode errors, exception
	// groups); it is nil for the others, which keeps the commonest
	// exceptions small.
	*excFields
}

// excFields are the fields of the exception types with many.
type excFields struct {
	// Path and NameFrom: ImportError.path and .name_from.
	Path, NameFrom Value
	// Message is BaseExceptionGroup.message, ImportError.msg and
	// SyntaxError.msg (no class can have two of these layouts).
	Message Value
	// Exceptions is BaseExceptionGroup.exceptions.
	Exceptions *Tuple
	// SyntaxError's fields.
	Filename, Lineno, Offset, Text, EndLineno, EndOffset, PrintFileAndLine Value
	// OSError's fields.
	Errno, Strerror, Filename2, Winerror Value
	// UnicodeError's fields.
	Encoding, Object, Start, End, Reason Value
	// written is BlockingIOError.characters_written, stored +1 so that
	// 0 means unset.
	written int64
}

// allocException returns a new, empty instance of an exception class,
// with the extra fields when its layout has them.
func allocException(cls *Type) *Exception {
	e := &Exception{ObjectBase: ObjectBase{cls: cls}}
	switch cls.builtin {
	case BaseExceptionType, StopIterationType, SystemExitType, NameErrorType, AttributeErrorType:
		if !cls.IsSubtype(OSErrorType) {
			return e
		}
	}
	e.excFields = &excFields{}
	return e
}

// Error returns "Type: message", for Go callers.
func (e *Exception) Error() string {
	name := e.cls.Name
	msg := e.messageText()
	if msg == "" {
		return name
	}
	return name + ": " + msg
}

// messageText is str(exc) for the common cases, without running Python
// code (a best effort for Go callers; the traceback printer uses str()).
func (e *Exception) messageText() string {
	if e.Args == nil || len(e.Args.items) == 0 {
		return ""
	}
	if len(e.Args.items) == 1 {
		if s, ok := e.Args.items[0].o.(*Str); ok {
			return s.s
		}
		return goValueText(e.Args.items[0])
	}
	parts := make([]string, len(e.Args.items))
	for i, v := range e.Args.items {
		if s, ok := v.o.(*Str); ok {
			parts[i] = reprString(s.s)
		} else {
			parts[i] = goValueText(v)
		}
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

// goValueText renders the simple values without running Python code.
func goValueText(v Value) string {
	switch {
	case v.IsSmallInt():
		return itoa(int(v.SmallInt()))
	case v.IsBool():
		if v.SmallInt() != 0 {
			return "True"
		}
		return "False"
	case v.IsNone():
		return "None"
	case v.IsNull():
		return "NULL"
	}
	return "<" + v.Type().Name + " object>"
}

// The exception types, created in types.go.
var (
	BaseExceptionType             = newExcType("BaseException", nil)
	BaseExceptionGroupType        = newExcType("BaseExceptionGroup", BaseExceptionType)
	GeneratorExitType             = newExcType("GeneratorExit", BaseExceptionType)
	KeyboardInterruptType         = newExcType("KeyboardInterrupt", BaseExceptionType)
	SystemExitType                = newExcType("SystemExit", BaseExceptionType)
	ExceptionType                 = newExcType("Exception", BaseExceptionType)
	ArithmeticErrorType           = newExcType("ArithmeticError", ExceptionType)
	FloatingPointErrorType        = newExcType("FloatingPointError", ArithmeticErrorType)
	OverflowErrorType             = newExcType("OverflowError", ArithmeticErrorType)
	ZeroDivisionErrorType         = newExcType("ZeroDivisionError", ArithmeticErrorType)
	AssertionErrorType            = newExcType("AssertionError", ExceptionType)
	AttributeErrorType            = newExcType("AttributeError", ExceptionType)
	BufferErrorType               = newExcType("BufferError", ExceptionType)
	EOFErrorType                  = newExcType("EOFError", ExceptionType)
	ExceptionGroupType            = newExcType("ExceptionGroup", BaseExceptionGroupType, ExceptionType)
	ImportErrorType               = newExcType("ImportError", ExceptionType)
	ModuleNotFoundErrorType       = newExcType("ModuleNotFoundError", ImportErrorType)
	LookupErrorType               = newExcType("LookupError", ExceptionType)
	IndexErrorType                = newExcType("IndexError", LookupErrorType)
	KeyErrorType                  = newExcType("KeyError", LookupErrorType)
	MemoryErrorType               = newExcType("MemoryError", ExceptionType)
	NameErrorType                 = newExcType("NameError", ExceptionType)
	UnboundLocalErrorType         = newExcType("UnboundLocalError", NameErrorType)
	OSErrorType                   = newExcType("OSError", ExceptionType)
	BlockingIOErrorType           = newExcType("BlockingIOError", OSErrorType)
	ChildProcessErrorType         = newExcType("ChildProcessError", OSErrorType)
	ConnectionErrorType           = newExcType("ConnectionError", OSErrorType)
	BrokenPipeErrorType           = newExcType("BrokenPipeError", ConnectionErrorType)
	ConnectionAbortedErrorType    = newExcType("ConnectionAbortedError", ConnectionErrorType)
	ConnectionRefusedErrorType    = newExcType("ConnectionRefusedError", ConnectionErrorType)
	ConnectionResetErrorType      = newExcType("ConnectionResetError", ConnectionErrorType)
	FileExistsErrorType           = newExcType("FileExistsError", OSErrorType)
	FileNotFoundErrorType         = newExcType("FileNotFoundError", OSErrorType)
	InterruptedErrorType          = newExcType("InterruptedError", OSErrorType)
	IsADirectoryErrorType         = newExcType("IsADirectoryError", OSErrorType)
	NotADirectoryErrorType        = newExcType("NotADirectoryError", OSErrorType)
	PermissionErrorType           = newExcType("PermissionError", OSErrorType)
	ProcessLookupErrorType        = newExcType("ProcessLookupError", OSErrorType)
	TimeoutErrorType              = newExcType("TimeoutError", OSErrorType)
	ReferenceErrorType            = newExcType("ReferenceError", ExceptionType)
	RuntimeErrorType              = newExcType("RuntimeError", ExceptionType)
	NotImplementedErrorType       = newExcType("NotImplementedError", RuntimeErrorType)
	PythonFinalizationErrorType   = newExcType("PythonFinalizationError", RuntimeErrorType)
	RecursionErrorType            = newExcType("RecursionError", RuntimeErrorType)
	StopAsyncIterationType        = newExcType("StopAsyncIteration", ExceptionType)
	StopIterationType             = newExcType("StopIteration", ExceptionType)
	SyntaxErrorType               = newExcType("SyntaxError", ExceptionType)
	IndentationErrorType          = newExcType("IndentationError", SyntaxErrorType)
	TabErrorType                  = newExcType("TabError", IndentationErrorType)
	SystemErrorType               = newExcType("SystemError", ExceptionType)
	TypeErrorType                 = newExcType("TypeError", ExceptionType)
	ValueErrorType                = newExcType("ValueError", ExceptionType)
	UnicodeErrorType              = newExcType("UnicodeError", ValueErrorType)
	UnicodeDecodeErrorType        = newExcType("UnicodeDecodeError", UnicodeErrorType)
	UnicodeEncodeErrorType        = newExcType("UnicodeEncodeError", UnicodeErrorType)
	UnicodeTranslateErrorType     = newExcType("UnicodeTranslateError", UnicodeErrorType)
	WarningType                   = newExcType("Warning", ExceptionType)
	BytesWarningType              = newExcType("BytesWarning", WarningType)
	DeprecationWarningType        = newExcType("DeprecationWarning", WarningType)
	EncodingWarningType           = newExcType("EncodingWarning", WarningType)
	FutureWarningType             = newExcType("FutureWarning", WarningType)
	ImportWarningType             = newExcType("ImportWarning", WarningType)
	PendingDeprecationWarningType = newExcType("PendingDeprecationWarning", WarningType)
	ResourceWarningType           = newExcType("ResourceWarning", WarningType)
	RuntimeWarningType            = newExcType("RuntimeWarning", WarningType)
	SyntaxWarningType             = newExcType("SyntaxWarning", WarningType)
	UnicodeWarningType            = newExcType("UnicodeWarning", WarningType)
	UserWarningType               = newExcType("UserWarning", WarningType)
	exceptionTypesInOrder         []*Type
	exceptionTypesRegistered      = registerExceptionTypes()
	_                             = exceptionTypesRegistered
)

// newExcType declares a builtin exception type; its slots are filled in
// types.go.
func newExcType(name string, bases ...*Type) *Type {
	t := &Type{Name: name, QualName: name, Flags: FlagBaseType | FlagBaseExcSubclass | FlagHasDict}
	if len(bases) > 0 && bases[0] != nil {
		t.Base = bases[0]
		t.Bases = bases
	}
	exceptionTypesInOrder = append(exceptionTypesInOrder, t)
	return t
}

func registerExceptionTypes() bool { return true }

// NewException returns a new instance of a builtin exception type, with
// args as its arguments and the fields its __init__ would set, without
// calling Python code.
func NewException(cls *Type, args ...Value) *Exception {
	e := allocException(cls)
	// Copied: callers may pass a slice of a value stack.
	e.Args = NewTuple(append([]Value(nil), args...)...)
	initExceptionFields(e, e.Args.items)
	return e
}

// initExceptionFields sets the fields that the builtin types' __init__
// derive from the positional arguments.
func initExceptionFields(e *Exception, args []Value) {
	cls := e.cls
	switch {
	case cls.IsSubtype(StopIterationType):
		e.Value = None
		if len(args) > 0 {
			e.Value = args[0]
		}
	case cls.IsSubtype(SystemExitType):
		switch len(args) {
		case 0:
		case 1:
			e.Code = args[0]
		default:
			e.Code = Value{o: e.Args}
		}
	case cls.IsSubtype(ImportErrorType):
		if len(args) == 1 {
			e.Message = args[0]
		}
	case cls.IsSubtype(SyntaxErrorType):
		if len(args) >= 1 {
			e.Message = args[0]
		}
	case cls.IsSubtype(OSErrorType):
		oserrorSetFields(e, args)
	case cls.IsSubtype(UnicodeErrorType):
		unicodeErrorSetFields(e, args)
	}
}

// raise returns a new exception of type cls with the message msg.
func (t *Thread) raise(cls *Type, msg string) error {
	return NewException(cls, NewStrValue(msg))
}

// raisef is raise with a format.
func (t *Thread) raisef(cls *Type, format string, args ...any) error {
	return t.raise(cls, fmt.Sprintf(format, args...))
}

func (t *Thread) typeErrorf(format string, args ...any) error {
	return t.raisef(TypeErrorType, format, args...)
}

func (t *Thread) valueErrorf(format string, args ...any) error {
	return t.raisef(ValueErrorType, format, args...)
}

// attributeError is the AttributeError of a missing attribute, with the
// name and object that the traceback's suggestions use.
func (t *Thread) attributeError(obj Value, name *Str, msg string) error {
	e := NewException(AttributeErrorType, NewStrValue(msg))
	e.Name = Value{o: name}
	e.Obj = obj
	return e
}

// noAttribute is the AttributeError of obj.name for an instance.
func (t *Thread) noAttribute(obj Value, name *Str) error {
	tp := obj.Type()
	if tp == TypeType || tp.IsSubtype(TypeType) {
		if c, ok := obj.o.(*Type); ok {
			return t.attributeError(obj, name, fmt.Sprintf("type object '%s' has no attribute '%s'", c.Name, name.s))
		}
	}
	if m, ok := obj.o.(*Module); ok {
		return t.attributeError(obj, name, fmt.Sprintf("module '%s' has no attribute '%s'", m.name(), name.s))
	}
	return t.attributeError(obj, name, fmt.Sprintf("'%s' object has no attribute '%s'", tp.Name, name.s))
}

// exceptionMatches reports whether exception value exc is an instance of
// the class (or of one of the classes of the tuple) match, as an except
// clause tests it (PyErr_GivenExceptionMatches).
func exceptionMatches(exc Value, match Value) bool {
	if tu, ok := match.o.(*Tuple); ok {
		for _, m := range tu.items {
			if exceptionMatches(exc, m) {
				return true
			}
		}
		return false
	}
	c, ok := match.o.(*Type)
	if !ok {
		return false
	}
	return exc.Type().IsSubtype(c)
}

// asException returns the exception of an error, or nil for an abort.
func asException(err error) *Exception {
	e, _ := err.(*Exception)
	return e
}

// typeNameList joins type names as CPython's messages do.
func typeNameList(ts []*Type) string {
	names := make([]string, len(ts))
	for i, t := range ts {
		names[i] = t.Name
	}
	return strings.Join(names, ", ")
}
