package vm

import "fmt"

// The _contextvars module (Python/context.c): ContextVar, Token, Context
// and copy_context. A context's variables are an immutable mapping, copied
// when a variable is set (CPython uses a HAMT; the order in which a
// context lists its variables is not the same, CPython's depending on
// object addresses). Each thread has its own current context.

var (
	contextVarType  = nativeType("_contextvars", "ContextVar", nil, 0)
	contextTokType  = nativeType("_contextvars", "Token", nil, 0)
	contextType     = nativeType("_contextvars", "Context", nil, 0)
	tokenMissingTyp = nativeType("builtins", "Token.MISSING", nil, 0)
	ctxKeysType     = nativeType("builtins", "keys", nil, 0)
	ctxValuesType   = nativeType("builtins", "values", nil, 0)
	ctxItemsType    = nativeType("builtins", "items", nil, 0)
	tokenMissing    = Value{o: &ObjectBase{cls: tokenMissingTyp}}
	ctxGetSpec      = ArgSpec{Name: "get", Params: []string{"key", "default"}, Required: 1}
)

// ContextVar is a contextvars.ContextVar.
type ContextVar struct {
	ObjectBase
	name *Str
	def  Value // NULL: no default
}

// contextToken is what ContextVar.set returns.
type contextToken struct {
	ObjectBase
	ctx  *PyContext
	v    *ContextVar
	old  Value // tokenMissing when the variable had no value
	used bool
}

// ctxVars is an immutable mapping of context variables to values.
type ctxVars struct {
	keys   []*ContextVar
	values []Value
	index  map[*ContextVar]int
}

func (m *ctxVars) get(v *ContextVar) (Value, bool) {
	if m == nil {
		return Null, false
	}
	i, ok := m.index[v]
	if !ok {
		return Null, false
	}
	return m.values[i], true
}

func (m *ctxVars) len() int {
	if m == nil {
		return 0
	}
	return len(m.keys)
}

// with returns the mapping with v set to x.
func (m *ctxVars) with(v *ContextVar, x Value) *ctxVars {
	n := &ctxVars{index: map[*ContextVar]int{}}
	if m != nil {
		n.keys = append(make([]*ContextVar, 0, len(m.keys)+1), m.keys...)
		n.values = append(make([]Value, 0, len(m.keys)+1), m.values...)
		for k, i := range m.index {
			n.index[k] = i
		}
	}
	if i, ok := n.index[v]; ok {
		n.values[i] = x
		return n
	}
	n.index[v] = len(n.keys)
	n.keys = append(n.keys, v)
	n.values = append(n.values, x)
	return n
}

// without returns the mapping without v.
func (m *ctxVars) without(v *ContextVar) *ctxVars {
	if _, ok := m.get(v); !ok {
		return m
	}
	n := &ctxVars{index: map[*ContextVar]int{}}
	for i, k := range m.keys {
		if k != v {
			n.index[k] = len(n.keys)
			n.keys = append(n.keys, k)
			n.values = append(n.values, m.values[i])
		}
	}
	return n
}

// PyContext is a contextvars.Context.
type PyContext struct {
	ObjectBase
	vars    *ctxVars
	prev    *PyContext
	entered bool
}

// ctxIter iterates over a context's keys, values or items.
type ctxIter struct {
	ObjectBase
	vars *ctxVars
	i    int
}

// currentContext is the thread's context, made empty on first use.
func (t *Thread) currentContext() *PyContext {
	st := t.std()
	if st.contexts == nil {
		st.contexts = map[*Thread]*PyContext{}
	}
	c := st.contexts[t]
	if c == nil {
		c = &PyContext{ObjectBase: ObjectBase{cls: contextType}}
		st.contexts[t] = c
	}
	return c
}

func (t *Thread) setCurrentContext(c *PyContext) {
	t.currentContext()
	t.std().contexts[t] = c
}

func init() {
	onSetup(setupContextVars)
	RegisterModule("_contextvars", func(t *Thread, m *Module) error {
		m.Set("__doc__", NewStrValue("Context Variables"))
		m.addType(contextType)
		m.addType(contextVarType)
		m.addType(contextTokType)
		m.AddFunc("copy_context", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := noArgs(t, "_contextvars.copy_context", args, kw); err != nil {
				return Null, err
			}
			return Value{o: &PyContext{ObjectBase: ObjectBase{cls: contextType}, vars: t.currentContext().vars}}, nil
		})
		return nil
	})
}

func contextVarRepr(t *Thread, v *ContextVar) string {
	s := "<ContextVar name=" + reprString(v.name.s)
	if !v.def.IsNull() {
		s += " default=" + safeRepr(t, v.def, "object")
	}
	return s + fmt.Sprintf(" at %#x>", identityOf(Value{o: v}))
}

func tokenRepr(t *Thread, k *contextToken) string {
	used := ""
	if k.used {
		used = " used"
	}
	return fmt.Sprintf("<Token%s var=%s at %#x>", used, contextVarRepr(t, k.v), identityOf(Value{o: k}))
}

// ctxKey checks that a Context's key is a ContextVar.
func ctxKey(t *Thread, v Value) (*ContextVar, error) {
	cv, ok := v.o.(*ContextVar)
	if !ok {
		return nil, t.typeErrorf("a ContextVar key was expected, got %s", safeRepr(t, v, "object"))
	}
	return cv, nil
}

func setupContextVars() {
	// ContextVar.
	vt := contextVarType
	vt.New = func(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
		pos, kv := kwArgs(args, kw)
		if len(args) > 2 {
			return Null, t.typeErrorf("ContextVar() takes at most 2 arguments (%d given)", len(args))
		}
		if len(pos) > 1 {
			return Null, t.typeErrorf("ContextVar() takes at most 1 positional argument (%d given)", len(pos))
		}
		def := Null
		for i, k := range kw {
			if k.s != "default" {
				return Null, t.typeErrorf("ContextVar() got an unexpected keyword argument '%s'", k.s)
			}
			def = kv[i]
		}
		if len(pos) == 0 {
			return Null, t.typeErrorf("ContextVar() takes exactly 1 positional argument (0 given)")
		}
		name, ok := pos[0].o.(*Str)
		if !ok {
			return Null, t.typeErrorf("context variable name must be a str")
		}
		return Value{o: &ContextVar{ObjectBase: ObjectBase{cls: cls}, name: name, def: def}}, nil
	}
	vt.Repr = func(t *Thread, v Value) (Value, error) {
		return NewStrValue(contextVarRepr(t, v.o.(*ContextVar))), nil
	}
	defMember(vt, "name", func(t *Thread, self Value) (Value, error) {
		return Value{o: self.o.(*ContextVar).name}, nil
	})
	defMethods(vt,
		MethodDef{Name: "get", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if len(kw) > 0 {
				return Null, t.typeErrorf("ContextVar.get() takes no keyword arguments")
			}
			if err := checkPositional(t, "get", args, kw, 0, 1); err != nil {
				return Null, err
			}
			v := self.o.(*ContextVar)
			if x, ok := t.currentContext().vars.get(v); ok {
				return x, nil
			}
			if len(args) == 1 {
				return args[0], nil
			}
			if !v.def.IsNull() {
				return v.def, nil
			}
			return Null, NewException(LookupErrorType, self)
		}, Doc: "Return a value for the context variable for the current context.\n\nIf there is no value for the variable in the current context, the method will:\n * return the value of the default argument of the method, if provided; or\n * return the default value for the context variable, if it was created\n   with one; or\n * raise a LookupError."},
		MethodDef{Name: "set", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "ContextVar.set", args, kw); err != nil {
				return Null, err
			}
			v := self.o.(*ContextVar)
			c := t.currentContext()
			old, ok := c.vars.get(v)
			if !ok {
				old = tokenMissing
			}
			c.vars = c.vars.with(v, args[0])
			return Value{o: &contextToken{ObjectBase: ObjectBase{cls: contextTokType}, ctx: c, v: v, old: old}}, nil
		}, Doc: "Call to set a new value for the context variable in the current context.\n\nThe required value argument is the new value for the context variable.\n\nReturns a Token object that can be used to restore the variable to its previous\nvalue via the `ContextVar.reset()` method."},
		MethodDef{Name: "reset", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "ContextVar.reset", args, kw); err != nil {
				return Null, err
			}
			v := self.o.(*ContextVar)
			k, ok := args[0].o.(*contextToken)
			if !ok {
				return Null, t.typeErrorf("expected an instance of Token, got %s", safeRepr(t, args[0], "object"))
			}
			if k.used {
				return Null, t.raise(RuntimeErrorType, tokenRepr(t, k)+" has already been used once")
			}
			if k.v != v {
				return Null, t.valueErrorf("%s was created by a different ContextVar", tokenRepr(t, k))
			}
			c := t.currentContext()
			if k.ctx != c {
				return Null, t.valueErrorf("%s was created in a different Context", tokenRepr(t, k))
			}
			k.used = true
			if k.old.o == tokenMissing.o {
				c.vars = c.vars.without(v)
			} else {
				c.vars = c.vars.with(v, k.old)
			}
			return None, nil
		}, Doc: "Reset the context variable.\n\nThe variable is reset to the value it had before the `ContextVar.set()` that\ncreated the token was used."},
		MethodDef{Name: "__class_getitem__", Class: true, Fn: classGetItemAlias, Doc: "See PEP 585"},
	)

	// Token.
	kt := contextTokType
	kt.New = func(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
		return Null, t.raise(RuntimeErrorType, "Tokens can only be created by ContextVars")
	}
	kt.Repr = func(t *Thread, v Value) (Value, error) {
		return NewStrValue(tokenRepr(t, v.o.(*contextToken))), nil
	}
	defGetSet(kt, "var", func(t *Thread, self Value) (Value, error) {
		return Value{o: self.o.(*contextToken).v}, nil
	}, nil)
	defGetSet(kt, "old_value", func(t *Thread, self Value) (Value, error) {
		return self.o.(*contextToken).old, nil
	}, nil)
	kt.Dict.SetStr("MISSING", tokenMissing)
	defMethods(kt, MethodDef{Name: "__class_getitem__", Class: true, Fn: classGetItemAlias, Doc: "See PEP 585"})
	tokenMissingTyp.Repr = func(t *Thread, v Value) (Value, error) { return NewStrValue("<Token.MISSING>"), nil }

	// Context.
	ct := contextType
	ct.hashNone = true
	ct.New = func(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
		if len(args) > 0 {
			return Null, t.typeErrorf("Context() does not accept any arguments")
		}
		return Value{o: &PyContext{ObjectBase: ObjectBase{cls: cls}}}, nil
	}
	ct.Len = func(t *Thread, v Value) (int, error) { return v.o.(*PyContext).vars.len(), nil }
	ct.GetItem = func(t *Thread, self, key Value) (Value, error) {
		cv, err := ctxKey(t, key)
		if err != nil {
			return Null, err
		}
		if x, ok := self.o.(*PyContext).vars.get(cv); ok {
			return x, nil
		}
		return Null, NewException(KeyErrorType, key)
	}
	ct.Contains = func(t *Thread, self, key Value) (bool, error) {
		cv, err := ctxKey(t, key)
		if err != nil {
			return false, err
		}
		_, ok := self.o.(*PyContext).vars.get(cv)
		return ok, nil
	}
	newIter := func(tp *Type, c *PyContext) Value {
		return Value{o: &ctxIter{ObjectBase: ObjectBase{cls: tp}, vars: c.vars}}
	}
	ct.Iter = func(t *Thread, v Value) (Value, error) { return newIter(ctxKeysType, v.o.(*PyContext)), nil }
	ct.Compare = func(t *Thread, a, b Value, op CompareOp) (Value, error) {
		cb, ok := b.o.(*PyContext)
		if !ok || (op != EQ && op != NE) {
			return NotImplemented, nil
		}
		va, vb := a.o.(*PyContext).vars, cb.vars
		eq := va.len() == vb.len()
		if eq && va != vb {
			for i, k := range va.keys {
				x, ok := vb.get(k)
				if !ok {
					eq = false
					break
				}
				same, err := RichCompareBool(t, va.values[i], x, EQ)
				if err != nil {
					return Null, err
				}
				if !same {
					eq = false
					break
				}
			}
		}
		return Bool(eq == (op == EQ)), nil
	}
	view := func(name string, tp *Type) MethodDef {
		return MethodDef{Name: name, Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := noArgs(t, "Context."+name, args, kw); err != nil {
				return Null, err
			}
			return newIter(tp, self.o.(*PyContext)), nil
		}}
	}
	defMethods(ct,
		MethodDef{Name: "run", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if len(args)-len(kw) < 1 {
				return Null, t.typeErrorf("run() missing 1 required positional argument")
			}
			c := self.o.(*PyContext)
			if c.entered {
				return Null, t.raise(RuntimeErrorType, fmt.Sprintf("cannot enter context: %s is already entered", safeRepr(t, self, "object")))
			}
			c.prev = t.currentContext()
			c.entered = true
			t.setCurrentContext(c)
			r, err := t.Call(args[0], args[1:], kw)
			t.setCurrentContext(c.prev)
			c.prev = nil
			c.entered = false
			return r, err
		}},
		MethodDef{Name: "copy", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := noArgs(t, "Context.copy", args, kw); err != nil {
				return Null, err
			}
			return Value{o: &PyContext{ObjectBase: ObjectBase{cls: contextType}, vars: self.o.(*PyContext).vars}}, nil
		}, Doc: "Return a shallow copy of the context object."},
		MethodDef{Name: "get", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if len(kw) > 0 {
				return Null, t.typeErrorf("Context.get() takes no keyword arguments")
			}
			if err := checkPositional(t, "get", args, kw, 1, 2); err != nil {
				return Null, err
			}
			cv, err := ctxKey(t, args[0])
			if err != nil {
				return Null, err
			}
			if x, ok := self.o.(*PyContext).vars.get(cv); ok {
				return x, nil
			}
			if len(args) == 2 {
				return args[1], nil
			}
			return None, nil
		}, Doc: "Return the value for `key` if `key` has the value in the context object.\n\nIf `key` does not exist, return `default`. If `default` is not given,\nreturn None."},
		view("keys", ctxKeysType),
		view("values", ctxValuesType),
		view("items", ctxItemsType),
	)

	for _, tp := range []*Type{ctxKeysType, ctxValuesType, ctxItemsType} {
		tp.Iter = func(t *Thread, v Value) (Value, error) { return v, nil }
		tp.Next = func(t *Thread, v Value) (Value, error) {
			it := v.o.(*ctxIter)
			if it.i >= it.vars.len() {
				return Null, nil
			}
			i := it.i
			it.i++
			switch it.cls {
			case ctxKeysType:
				return Value{o: it.vars.keys[i]}, nil
			case ctxValuesType:
				return it.vars.values[i], nil
			}
			return Value{o: NewTuple(Value{o: it.vars.keys[i]}, it.vars.values[i])}, nil
		}
	}
}
