package vm

import "strings"

// The methods and attributes of BaseException that every exception has;
// the particular types' own (__str__ of KeyError, OSError's fields,
// ExceptionGroup's split…) are added by excTypes.go.

func init() {
	onSetup(setupBaseException)
}

func excNew(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
	e := &Exception{ObjectBase: ObjectBase{cls: cls}, Args: NewTuple(append([]Value(nil), args[:len(args)-len(kw)]...)...)}
	if cls.HasFlag(FlagHeapType) || cls.HasFlag(FlagHasDict) {
		e.dict = NewDict()
	}
	initExceptionFields(e, e.Args.items)
	return Value{o: e}, nil
}

func excInit(t *Thread, self Value, args []Value, kw []*Str) error {
	e := self.o.(*Exception)
	if len(kw) > 0 && e.cls.Init == nil {
		return t.typeErrorf("%s() takes no keyword arguments", e.cls.Name)
	}
	e.Args = NewTuple(append([]Value(nil), args[:len(args)-len(kw)]...)...)
	initExceptionFields(e, e.Args.items)
	return nil
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
	if len(e.Args.items) == 0 {
		return NewStrValue(name + "()"), nil
	}
	return NewStrValue(name + r.s), nil
}

func setupBaseException() {
	bt := BaseExceptionType
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
		items, err := t.collectIterable(v, nil)
		if err != nil {
			return err
		}
		self.o.(*Exception).Args = NewTuple(append([]Value(nil), items...)...)
		return nil
	})
	excRef := func(name string, get func(e *Exception) *Value, check func(t *Thread, v Value) error) {
		defGetSet(bt, name, func(t *Thread, self Value) (Value, error) {
			return noneIfNull(*get(self.o.(*Exception))), nil
		}, func(t *Thread, self, v Value) error {
			if v.IsNull() {
				return t.typeErrorf("%s may not be deleted", name)
			}
			if err := check(t, v); err != nil {
				return err
			}
			e := self.o.(*Exception)
			if v.IsNone() {
				*get(e) = Null
			} else {
				*get(e) = v
			}
			if name == "__cause__" {
				e.SuppressContext = true
			}
			return nil
		})
	}
	excRef("__cause__", func(e *Exception) *Value { return &e.Cause }, func(t *Thread, v Value) error {
		if _, ok := v.o.(*Exception); !ok && !v.IsNone() {
			return t.typeErrorf("exception cause must be None or derive from BaseException")
		}
		return nil
	})
	excRef("__context__", func(e *Exception) *Value { return &e.Context }, func(t *Thread, v Value) error {
		if _, ok := v.o.(*Exception); !ok && !v.IsNone() {
			return t.typeErrorf("exception context must be None or derive from BaseException")
		}
		return nil
	})
	defGetSet(bt, "__suppress_context__", func(t *Thread, self Value) (Value, error) {
		return Bool(self.o.(*Exception).SuppressContext), nil
	}, func(t *Thread, self, v Value) error {
		b, err := Truth(t, v)
		self.o.(*Exception).SuppressContext = b
		return err
	})
	defGetSet(bt, "__traceback__", func(t *Thread, self Value) (Value, error) {
		if tb := self.o.(*Exception).Traceback; tb != nil {
			return Value{o: tb}, nil
		}
		return None, nil
	}, func(t *Thread, self, v Value) error {
		e := self.o.(*Exception)
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
	})
	defMethods(bt,
		MethodDef{Name: "with_traceback", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "BaseException.with_traceback", args, kw); err != nil {
				return Null, err
			}
			e := self.o.(*Exception)
			if args[0].IsNone() {
				e.Traceback = nil
			} else if tb, ok := args[0].o.(*Traceback); ok {
				e.Traceback = tb
			} else {
				return Null, t.typeErrorf("__traceback__ must be a traceback or None")
			}
			return self, nil
		}},
		MethodDef{Name: "add_note", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "BaseException.add_note", args, kw); err != nil {
				return Null, err
			}
			note, ok := args[0].o.(*Str)
			if !ok {
				return Null, t.typeErrorf("note must be a str, not '%s'", typeName(args[0]))
			}
			e := self.o.(*Exception)
			if e.dict == nil {
				e.dict = NewDict()
			}
			notes, ok := e.dict.GetStr("__notes__")
			if !ok {
				l := NewList()
				e.dict.SetStr("__notes__", Value{o: l})
				notes = Value{o: l}
			}
			l, ok := notes.o.(*List)
			if !ok {
				return Null, t.typeErrorf("Cannot add note: __notes__ is not a list")
			}
			l.Append(Value{o: note})
			return None, nil
		}},
	)
	_ = strings.Join
}
