package vm

import "strings"

// The methods and attributes of the builtin exception types, as
// CPython's Objects/exceptions.c defines them. BaseException's __new__
// keeps the positional arguments as args and ignores keywords; its
// __init__ sets args again and refuses keywords ("X() takes no keyword
// arguments"). The types with fields (StopIteration.value,
// SystemExit.code, NameError.name, AttributeError.name/obj,
// ImportError.msg/name/path/name_from, SyntaxError's location) set them
// in __init__, so a subclass whose __init__ does not call its base's
// leaves them None, as in CPython. OSError (exceptions_os.go), the
// Unicode errors (exceptions_unicode.go) and the exception groups
// (exceptiongroup.go) have their own files.

func init() {
	onSetup(setupBaseException)
	onSetup(setupSimpleExceptionTypes)
}

// newExcInstance allocates an instance of an exception class with args
// (its __dict__ is made when first needed).
func newExcInstance(cls *Type, args []Value) *Exception {
	e := allocException(cls)
	e.Args = NewTuple(append([]Value(nil), args...)...)
	return e
}

// excNew is BaseException.__new__: args are the positional arguments,
// keywords are left to __init__.
func excNew(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
	return Value{o: newExcInstance(cls, args[:len(args)-len(kw)])}, nil
}

// excInit is BaseException.__init__.
func excInit(t *Thread, self Value, args []Value, kw []*Str) error {
	e := self.o.(*Exception)
	if len(kw) > 0 {
		return t.typeErrorf("%s() takes no keyword arguments", e.cls.Name)
	}
	e.Args = NewTuple(append([]Value(nil), args...)...)
	return nil
}

// excKeywordOnly parses the keyword-only arguments of the __init__ of
// NameError, AttributeError and ImportError (PyArg_ParseTupleAndKeywords
// with "|$O…:Name"), suggesting the closest parameter for a misspelled
// one as CPython 3.13 does.
func excKeywordOnly(t *Thread, fname string, params []string, args []Value, kw []*Str) ([]Value, error) {
	out := make([]Value, len(params))
	kwvals := args[len(args)-len(kw):]
	for i, k := range kw {
		found := -1
		for j, p := range params {
			if p == k.s {
				found = j
				break
			}
		}
		if found < 0 {
			if s := calculateSuggestion(params, k.s); s != "" {
				return nil, t.typeErrorf("%s() got an unexpected keyword argument '%s'. Did you mean '%s'?", fname, k.s, s)
			}
			return nil, t.typeErrorf("%s() got an unexpected keyword argument '%s'", fname, k.s)
		}
		out[found] = kwvals[i]
	}
	return out, nil
}

func excStr(t *Thread, v Value) (Value, error) {
	e := v.o.(*Exception)
	switch len(e.Args.items) {
	case 0:
		return Value{o: emptyStr}, nil
	case 1:
		s, err := StrOf(t, e.Args.items[0])
		if err != nil {
			return Null, err
		}
		return Value{o: s}, nil
	}
	s, err := StrOf(t, Value{o: e.Args})
	if err != nil {
		return Null, err
	}
	return Value{o: s}, nil
}

func excRepr(t *Thread, v Value) (Value, error) {
	e := v.o.(*Exception)
	name := e.cls.Name
	if len(e.Args.items) == 1 {
		r, err := Repr(t, e.Args.items[0])
		if err != nil {
			return Null, err
		}
		return NewStrValue(name + "(" + r.s + ")"), nil
	}
	r, err := Repr(t, Value{o: e.Args})
	if err != nil {
		return Null, err
	}
	return NewStrValue(name + r.s), nil
}

// defExcField adds a writable attribute backed by a field of Exception
// (a T_OBJECT member: None when unset, deletable).
func defExcField(tp *Type, name string, field func(e *Exception) *Value) {
	defGetSet(tp, name, func(t *Thread, self Value) (Value, error) {
		return noneIfNull(*field(self.o.(*Exception))), nil
	}, func(t *Thread, self, v Value) error {
		*field(self.o.(*Exception)) = v
		return nil
	})
}

// defExcReadonly adds a read-only attribute backed by a field.
func defExcReadonly(tp *Type, name string, field func(e *Exception) *Value) {
	defMember(tp, name, func(t *Thread, self Value) (Value, error) {
		return noneIfNull(*field(self.o.(*Exception))), nil
	})
}

func setupBaseException() {
	bt := BaseExceptionType
	bt.Doc = "Common base class for all exceptions"
	bt.New = excNew
	bt.Init = excInit
	bt.Str = excStr
	bt.Repr = excRepr
	defGetSet(bt, "args", func(t *Thread, self Value) (Value, error) {
		return Value{o: self.o.(*Exception).Args}, nil
	}, func(t *Thread, self, v Value) error {
		if v.IsNull() {
			return t.typeErrorf("args may not be deleted")
		}
		if tu, ok := v.o.(*Tuple); ok && tu.cls == TupleType {
			self.o.(*Exception).Args = tu
			return nil
		}
		items, err := t.collectIterable(v, nil)
		if err != nil {
			return err
		}
		self.o.(*Exception).Args = NewTuple(append([]Value(nil), items...)...)
		return nil
	})
	excRef := func(name, what string, get func(e *Exception) *Value) {
		defGetSet(bt, name, func(t *Thread, self Value) (Value, error) {
			return noneIfNull(*get(self.o.(*Exception))), nil
		}, func(t *Thread, self, v Value) error {
			if v.IsNull() {
				return t.typeErrorf("%s may not be deleted", name)
			}
			if _, ok := v.o.(*Exception); !ok && !v.IsNone() {
				return t.typeErrorf("exception %s must be None or derive from BaseException", what)
			}
			e := self.o.(*Exception)
			if v.IsNone() {
				v = Null
			}
			*get(e) = v
			if name == "__cause__" {
				e.SuppressContext = true
			}
			return nil
		})
	}
	excRef("__cause__", "cause", func(e *Exception) *Value { return &e.Cause })
	excRef("__context__", "context", func(e *Exception) *Value { return &e.Context })
	defGetSet(bt, "__suppress_context__", func(t *Thread, self Value) (Value, error) {
		return Bool(self.o.(*Exception).SuppressContext), nil
	}, func(t *Thread, self, v Value) error {
		if v.IsNull() {
			return t.typeErrorf("can't delete numeric/char attribute")
		}
		if !v.IsBool() {
			return t.typeErrorf("attribute value type must be bool")
		}
		self.o.(*Exception).SuppressContext = v.SmallInt() != 0
		return nil
	})
	setTB := func(t *Thread, e *Exception, v Value) error {
		if v.IsNull() {
			return t.typeErrorf("__traceback__ may not be deleted")
		}
		if v.IsNone() {
			e.Traceback = nil
			return nil
		}
		tb, ok := v.o.(*Traceback)
		if !ok {
			return t.typeErrorf("__traceback__ must be a traceback or None")
		}
		e.Traceback = tb
		return nil
	}
	defGetSet(bt, "__traceback__", func(t *Thread, self Value) (Value, error) {
		if tb := self.o.(*Exception).Traceback; tb != nil {
			return Value{o: tb}, nil
		}
		return None, nil
	}, func(t *Thread, self, v Value) error {
		return setTB(t, self.o.(*Exception), v)
	})
	defGetSet(bt, "__dict__", func(t *Thread, self Value) (Value, error) {
		e := self.o.(*Exception)
		if e.dict == nil {
			e.dict = NewDict()
		}
		return Value{o: e.dict}, nil
	}, func(t *Thread, self, v Value) error {
		if v.IsNull() {
			return t.typeErrorf("__dict__ may not be deleted")
		}
		d, ok := v.o.(*Dict)
		if !ok {
			return t.typeErrorf("__dict__ must be set to a dictionary, not a '%s'", typeName(v))
		}
		self.o.(*Exception).dict = d
		return nil
	})
	defMethods(bt,
		MethodDef{Name: "with_traceback", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "with_traceback", args, kw); err != nil {
				return Null, err
			}
			if err := setTB(t, self.o.(*Exception), args[0]); err != nil {
				return Null, err
			}
			return self, nil
		}, Doc: "Set self.__traceback__ to tb and return self."},
		MethodDef{Name: "add_note", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "add_note", args, kw); err != nil {
				return Null, err
			}
			if !args[0].Type().IsSubtype(StrType) {
				return Null, t.typeErrorf("note must be a str, not '%s'", typeName(args[0]))
			}
			notes, err := getAttrOpt(t, self, Intern("__notes__"))
			if err != nil {
				return Null, err
			}
			if notes.IsNull() {
				notes = Value{o: NewList()}
				if err := SetAttr(t, self, Intern("__notes__"), notes); err != nil {
					return Null, err
				}
			}
			l, ok := notes.o.(*List)
			if !ok {
				return Null, t.typeErrorf("Cannot add note: __notes__ is not a list")
			}
			l.Append(args[0])
			return None, nil
		}, Doc: "Add a note to the exception"},
		MethodDef{Name: "__reduce__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := noArgs(t, "__reduce__", args, kw); err != nil {
				return Null, err
			}
			return t.excReduce(self.o.(*Exception))
		}},
		MethodDef{Name: "__setstate__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "__setstate__", args, kw); err != nil {
				return Null, err
			}
			state := args[0]
			if state.IsNone() {
				return None, nil
			}
			d, ok := state.o.(*Dict)
			if !ok {
				return Null, t.typeErrorf("state is not a dictionary")
			}
			var err error
			d.Items(func(k, v Value) bool {
				if s, ok := k.o.(*Str); ok {
					err = SetAttr(t, self, s, v)
				} else {
					err = t.typeErrorf("attribute name must be string, not '%s'", typeName(k))
				}
				return err == nil
			})
			if err != nil {
				return Null, err
			}
			return None, nil
		}},
	)
}

// excReduce is BaseException.__reduce__ (OSError and ImportError add
// their fields).
func (t *Thread) excReduce(e *Exception) (Value, error) {
	args := e.Args
	switch {
	case e.cls.IsSubtype(OSErrorType) && args.Len() == 2 && !e.Filename.IsNull():
		items := []Value{args.items[0], args.items[1], e.Filename}
		if !e.Filename2.IsNull() {
			items = append(items, None, e.Filename2)
		}
		args = NewTuple(items...)
	case e.cls.IsSubtype(ImportErrorType):
		if !e.Name.IsNull() || !e.Path.IsNull() || !e.NameFrom.IsNull() {
			d := NewDict()
			if e.dict != nil {
				d = e.dict.Copy()
			}
			if !e.Name.IsNull() {
				d.SetStr("name", e.Name)
			}
			if !e.Path.IsNull() {
				d.SetStr("path", e.Path)
			}
			if !e.NameFrom.IsNull() {
				d.SetStr("name_from", e.NameFrom)
			}
			return Value{o: NewTuple(Value{o: e.cls}, Value{o: args}, Value{o: d})}, nil
		}
	}
	if e.dict != nil && e.dict.Len() > 0 {
		return Value{o: NewTuple(Value{o: e.cls}, Value{o: args}, Value{o: e.dict})}, nil
	}
	return Value{o: NewTuple(Value{o: e.cls}, Value{o: args})}, nil
}

// setupSimpleExceptionTypes gives the types with a field or a __str__ of
// their own their slots and attributes.
func setupSimpleExceptionTypes() {
	// The instance layouts (CPython's solid bases): a class may derive
	// from several exception types only when their layouts are in line
	// (ValueError and TypeError share BaseException's; NameError and
	// AttributeError conflict).
	solid := map[*Type]bool{BaseExceptionType: true, StopIterationType: true, SystemExitType: true,
		BaseExceptionGroupType: true, ImportErrorType: true, OSErrorType: true, NameErrorType: true,
		AttributeErrorType: true, SyntaxErrorType: true, UnicodeEncodeErrorType: true,
		UnicodeDecodeErrorType: true, UnicodeTranslateErrorType: true}
	for _, tp := range exceptionTypesInOrder {
		if doc, ok := excDocs[tp.Name]; ok && tp.Doc == "" {
			tp.Doc = doc
		}
		for _, b := range tp.MRO {
			if solid[b] {
				tp.builtin = b
				break
			}
		}
	}

	// StopIteration: value (StopAsyncIteration has none in 3.13).
	for _, tp := range []*Type{StopIterationType} {
		tp.Init = func(t *Thread, self Value, args []Value, kw []*Str) error {
			if err := excInit(t, self, args, kw); err != nil {
				return err
			}
			e := self.o.(*Exception)
			e.Value = None
			if len(args) > 0 {
				e.Value = args[0]
			}
			return nil
		}
		defExcField(tp, "value", func(e *Exception) *Value { return &e.Value })
	}

	// SystemExit: code.
	SystemExitType.Init = func(t *Thread, self Value, args []Value, kw []*Str) error {
		if err := excInit(t, self, args, kw); err != nil {
			return err
		}
		e := self.o.(*Exception)
		switch len(args) {
		case 0:
		case 1:
			e.Code = args[0]
		default:
			e.Code = Value{o: e.Args}
		}
		return nil
	}
	defExcField(SystemExitType, "code", func(e *Exception) *Value { return &e.Code })

	// KeyError: str is the repr of a single argument.
	KeyErrorType.Str = func(t *Thread, v Value) (Value, error) {
		e := v.o.(*Exception)
		if e.Args.Len() == 1 {
			r, err := Repr(t, e.Args.items[0])
			if err != nil {
				return Null, err
			}
			return Value{o: r}, nil
		}
		return excStr(t, v)
	}

	// NameError: name.
	NameErrorType.Init = func(t *Thread, self Value, args []Value, kw []*Str) error {
		e := self.o.(*Exception)
		e.Args = NewTuple(append([]Value(nil), args[:len(args)-len(kw)]...)...)
		vals, err := excKeywordOnly(t, "NameError", []string{"name"}, args, kw)
		if err != nil {
			return err
		}
		e.Name = vals[0]
		return nil
	}
	defExcField(NameErrorType, "name", func(e *Exception) *Value { return &e.Name })

	// AttributeError: name and obj.
	AttributeErrorType.Init = func(t *Thread, self Value, args []Value, kw []*Str) error {
		e := self.o.(*Exception)
		e.Args = NewTuple(append([]Value(nil), args[:len(args)-len(kw)]...)...)
		vals, err := excKeywordOnly(t, "AttributeError", []string{"name", "obj"}, args, kw)
		if err != nil {
			return err
		}
		e.Name, e.Obj = vals[0], vals[1]
		return nil
	}
	defExcField(AttributeErrorType, "name", func(e *Exception) *Value { return &e.Name })
	defExcField(AttributeErrorType, "obj", func(e *Exception) *Value { return &e.Obj })
	defMethods(AttributeErrorType, MethodDef{Name: "__getstate__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		e := self.o.(*Exception)
		d := NewDict()
		if e.dict != nil {
			d = e.dict.Copy()
		}
		if !e.Name.IsNull() {
			d.SetStr("name", e.Name)
		}
		d.SetStr("args", Value{o: e.Args})
		return Value{o: d}, nil
	}}, MethodDef{Name: "__reduce__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		e := self.o.(*Exception)
		d := NewDict()
		if e.dict != nil {
			d = e.dict.Copy()
		}
		if !e.Name.IsNull() {
			d.SetStr("name", e.Name)
		}
		d.SetStr("args", Value{o: e.Args})
		return Value{o: NewTuple(Value{o: e.cls}, Value{o: e.Args}, Value{o: d})}, nil
	}})

	// ImportError: msg, name, path, name_from; str is msg when it is a str.
	ImportErrorType.Init = func(t *Thread, self Value, args []Value, kw []*Str) error {
		e := self.o.(*Exception)
		pos := args[:len(args)-len(kw)]
		e.Args = NewTuple(append([]Value(nil), pos...)...)
		vals, err := excKeywordOnly(t, "ImportError", []string{"name", "path", "name_from"}, args, kw)
		if err != nil {
			return err
		}
		e.Name, e.Path, e.NameFrom = vals[0], vals[1], vals[2]
		e.Message = Null
		if len(pos) == 1 {
			e.Message = pos[0]
		}
		return nil
	}
	ImportErrorType.Str = func(t *Thread, v Value) (Value, error) {
		e := v.o.(*Exception)
		if s, ok := e.Message.o.(*Str); ok && s.cls == StrType {
			return e.Message, nil
		}
		return excStr(t, v)
	}
	defExcField(ImportErrorType, "msg", func(e *Exception) *Value { return &e.Message })
	defExcField(ImportErrorType, "name", func(e *Exception) *Value { return &e.Name })
	defExcField(ImportErrorType, "path", func(e *Exception) *Value { return &e.Path })
	defExcField(ImportErrorType, "name_from", func(e *Exception) *Value { return &e.NameFrom })

	// SyntaxError: msg and the location.
	SyntaxErrorType.Init = syntaxErrorInit
	SyntaxErrorType.Str = syntaxErrorStr
	defExcField(SyntaxErrorType, "msg", func(e *Exception) *Value { return &e.Message })
	defExcField(SyntaxErrorType, "filename", func(e *Exception) *Value { return &e.Filename })
	defExcField(SyntaxErrorType, "lineno", func(e *Exception) *Value { return &e.Lineno })
	defExcField(SyntaxErrorType, "offset", func(e *Exception) *Value { return &e.Offset })
	defExcField(SyntaxErrorType, "text", func(e *Exception) *Value { return &e.Text })
	defExcField(SyntaxErrorType, "end_lineno", func(e *Exception) *Value { return &e.EndLineno })
	defExcField(SyntaxErrorType, "end_offset", func(e *Exception) *Value { return &e.EndOffset })
	defExcField(SyntaxErrorType, "print_file_and_line", func(e *Exception) *Value { return &e.PrintFileAndLine })
}

// syntaxErrorInit is SyntaxError.__init__(msg, (filename, lineno,
// offset, text[, end_lineno, end_offset])).
func syntaxErrorInit(t *Thread, self Value, args []Value, kw []*Str) error {
	if err := excInit(t, self, args, kw); err != nil {
		return err
	}
	e := self.o.(*Exception)
	if len(args) >= 1 {
		e.Message = args[0]
	}
	if len(args) != 2 {
		return nil
	}
	info, err := t.collectIterable(args[1], nil)
	if err != nil {
		return err
	}
	switch {
	case len(info) < 4:
		return t.typeErrorf("function takes at least 4 arguments (%d given)", len(info))
	case len(info) > 6:
		return t.typeErrorf("function takes at most 6 arguments (%d given)", len(info))
	}
	e.Filename, e.Lineno, e.Offset, e.Text = info[0], info[1], info[2], info[3]
	e.EndLineno, e.EndOffset = Null, Null
	if len(info) >= 5 {
		e.EndLineno = info[4]
	}
	if len(info) == 6 {
		e.EndOffset = info[5]
	}
	if !e.EndLineno.IsNull() && e.EndOffset.IsNull() {
		return t.typeErrorf("end_offset must be provided when end_lineno is provided")
	}
	return nil
}

// syntaxErrorStr is "msg (file.py, line 3)": the file's base name and the
// line when they are known.
func syntaxErrorStr(t *Thread, v Value) (Value, error) {
	e := v.o.(*Exception)
	msg := noneIfNull(e.Message)
	filename := ""
	haveFile := false
	if s, ok := e.Filename.o.(*Str); ok {
		filename = s.s
		if i := strings.LastIndexByte(filename, '/'); i >= 0 {
			filename = filename[i+1:]
		}
		haveFile = true
	}
	haveLine := e.Lineno.IsSmallInt() || (e.Lineno.IsIntLike() && !e.Lineno.IsBool() && e.Lineno.Type() == IntType)
	if !haveFile && !haveLine {
		s, err := StrOf(t, msg)
		if err != nil {
			return Null, err
		}
		return Value{o: s}, nil
	}
	ms, err := StrOf(t, msg)
	if err != nil {
		return Null, err
	}
	line := ""
	if haveLine {
		if n, ok := excIntOf(e.Lineno); ok {
			line = itoa(n)
		} else {
			line = "-1"
		}
	}
	switch {
	case haveFile && haveLine:
		return NewStrValue(ms.s + " (" + filename + ", line " + line + ")"), nil
	case haveFile:
		return NewStrValue(ms.s + " (" + filename + ")"), nil
	}
	return NewStrValue(ms.s + " (line " + line + ")"), nil
}

// excDocs are the builtin exception types' docstrings.
var excDocs = map[string]string{
	"Exception":                 "Common base class for all non-exit exceptions.",
	"TypeError":                 "Inappropriate argument type.",
	"StopAsyncIteration":        "Signal the end from iterator.__anext__().",
	"StopIteration":             "Signal the end from iterator.__next__().",
	"GeneratorExit":             "Request that a generator exit.",
	"SystemExit":                "Request to exit from the interpreter.",
	"BaseExceptionGroup":        "A combination of multiple unrelated exceptions.",
	"KeyboardInterrupt":         "Program interrupted by user.",
	"ImportError":               "Import can't find module, or can't find name in module.",
	"ModuleNotFoundError":       "Module not found.",
	"OSError":                   "Base class for I/O related errors.",
	"EOFError":                  "Read beyond end of file.",
	"RuntimeError":              "Unspecified run-time error.",
	"RecursionError":            "Recursion limit exceeded.",
	"NotImplementedError":       "Method or function hasn't been implemented yet.",
	"NameError":                 "Name not found globally.",
	"UnboundLocalError":         "Local name referenced but not bound to a value.",
	"AttributeError":            "Attribute not found.",
	"SyntaxError":               "Invalid syntax.",
	"IndentationError":          "Improper indentation.",
	"TabError":                  "Improper mixture of spaces and tabs.",
	"LookupError":               "Base class for lookup errors.",
	"IndexError":                "Sequence index out of range.",
	"KeyError":                  "Mapping key not found.",
	"ValueError":                "Inappropriate argument value (of correct type).",
	"UnicodeError":              "Unicode related error.",
	"UnicodeEncodeError":        "Unicode encoding error.",
	"UnicodeDecodeError":        "Unicode decoding error.",
	"UnicodeTranslateError":     "Unicode translation error.",
	"AssertionError":            "Assertion failed.",
	"ArithmeticError":           "Base class for arithmetic errors.",
	"FloatingPointError":        "Floating-point operation failed.",
	"OverflowError":             "Result too large to be represented.",
	"ZeroDivisionError":         "Second argument to a division or modulo operation was zero.",
	"SystemError":               "Internal error in the Python interpreter.\n\nPlease report this to the Python maintainer, along with the traceback,\nthe Python version, and the hardware/OS platform and version.",
	"ReferenceError":            "Weak ref proxy used after referent went away.",
	"MemoryError":               "Out of memory.",
	"BufferError":               "Buffer error.",
	"Warning":                   "Base class for warning categories.",
	"UserWarning":               "Base class for warnings generated by user code.",
	"EncodingWarning":           "Base class for warnings about encodings.",
	"DeprecationWarning":        "Base class for warnings about deprecated features.",
	"PendingDeprecationWarning": "Base class for warnings about features which will be deprecated\nin the future.",
	"SyntaxWarning":             "Base class for warnings about dubious syntax.",
	"RuntimeWarning":            "Base class for warnings about dubious runtime behavior.",
	"FutureWarning":             "Base class for warnings about constructs that will change semantically\nin the future.",
	"ImportWarning":             "Base class for warnings about probable mistakes in module imports",
	"UnicodeWarning":            "Base class for warnings about Unicode related problems, mostly\nrelated to conversion problems.",
	"BytesWarning":              "Base class for warnings about bytes and buffer related problems, mostly\nrelated to conversion from str or comparing to str.",
	"ResourceWarning":           "Base class for warnings about resource usage.",
	"PythonFinalizationError":   "Operation blocked during Python finalization.",
	"BlockingIOError":           "I/O operation would block.",
	"ConnectionError":           "Connection error.",
	"ChildProcessError":         "Child process error.",
	"BrokenPipeError":           "Broken pipe.",
	"ConnectionAbortedError":    "Connection aborted.",
	"ConnectionRefusedError":    "Connection refused.",
	"ConnectionResetError":      "Connection reset.",
	"FileExistsError":           "File already exists.",
	"FileNotFoundError":         "File not found.",
	"IsADirectoryError":         "Operation doesn't work on directories.",
	"NotADirectoryError":        "Operation only works on directories.",
	"InterruptedError":          "Interrupted by signal.",
	"PermissionError":           "Not enough permissions.",
	"ProcessLookupError":        "Process not found.",
	"TimeoutError":              "Timeout expired.",
}
