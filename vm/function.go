package vm

import (
	"fmt"
	"strings"

	"github.com/peephole-lsp/peephole/compiler"
)

// Function is a function defined in Python (def, lambda, a comprehension's
// or generator expression's body).
type Function struct {
	ObjectBase
	code        *Code
	globals     *Dict
	builtins    *Dict
	name        *Str
	qualname    *Str
	defaults    *Tuple
	kwdefaults  *Dict
	closure     *Tuple
	annotations Value // the compiler's flat tuple until __annotations__ is read; then a dict
	doc         Value
	module      Value
	typeParams  Value
}

func newFunction(code *Code, globals, builtins *Dict) *Function {
	fn := &Function{
		ObjectBase: ObjectBase{cls: FunctionType},
		code:       code,
		globals:    globals,
		builtins:   builtins,
		name:       code.name,
		qualname:   code.qualname,
		doc:        None,
		module:     None,
	}
	if m, ok := globals.getStr(Intern("__name__")); ok {
		fn.module = m
	}
	if code.flags&(compiler.CoOptimized) != 0 && len(code.consts) > 0 {
		// A function's first constant is its docstring or None.
		if s, ok := code.consts[0].o.(*Str); ok {
			fn.doc = Value{o: s}
		}
	}
	return fn
}

// Name returns __name__.
func (fn *Function) Name() string { return fn.name.s }

// Code returns the function's code object.
func (fn *Function) Code() *Code { return fn.code }

// Method is a bound method: a function and the object it was looked up
// on.
type Method struct {
	ObjectBase
	fn   Value
	self Value
}

// NewMethod binds fn to self.
func NewMethod(fn, self Value) *Method {
	return &Method{ObjectBase: ObjectBase{cls: MethodType}, fn: fn, self: self}
}

// BuiltinFunc is the Go signature of a builtin function or method: self is
// the object a method is bound to (NULL for a plain function), and the
// arguments come as for CallSlot.
type BuiltinFunc func(t *Thread, self Value, args []Value, kwnames []*Str) (Value, error)

// Builtin is a function implemented in Go (builtin_function_or_method),
// possibly bound to an object.
type Builtin struct {
	ObjectBase
	name   string
	qual   string // the qualified name of a method: "list.append"
	doc    string
	fn     BuiltinFunc
	self   Value // NULL when unbound
	module string
	// newOwner is set on the __new__ of a builtin type (tp_new_wrapper).
	newOwner *Type
}

// NewBuiltin returns a builtin function.
func NewBuiltin(name string, fn BuiltinFunc) *Builtin {
	return &Builtin{ObjectBase: ObjectBase{cls: BuiltinFunctionType}, name: name, qual: name, fn: fn}
}

// MethodDescr is a method of a builtin type, found on the type
// (method_descriptor): looked up on an instance it binds to it.
type MethodDescr struct {
	ObjectBase
	name  string
	owner *Type
	fn    BuiltinFunc
	doc   string
	// static and class say it is a staticmethod or classmethod of a
	// builtin type (dict.fromkeys, str.maketrans).
	static, class bool
}

// callFunction calls a Python function (the vectorcall of function
// objects): it binds the arguments to the parameters and runs the body.
func (t *Thread) callFunction(fn *Function, args []Value, kwnames []*Str) (Value, error) {
	var f *Frame
	if code := fn.code; len(kwnames) == 0 && code.simpleArgs && len(args) == code.argcount {
		// The commonest call: exactly the positional parameters.
		f = t.poolFrame(code, fn.globals, fn.builtins)
		f.fn = fn
		copy(f.fast, args)
	} else {
		var err error
		if f, err = t.bindFrame(fn, args, kwnames); err != nil {
			return Null, err
		}
	}
	if err := t.enter(); err != nil {
		return Null, err
	}
	v, _, err := t.run(f)
	t.leave()
	if finLive.Load() != 0 {
		t.finFrameExit(f)
	}
	t.release(f)
	return v, err
}

// bindFrame makes the frame of a call and binds its arguments
// (initialize_locals), with CPython's error messages.
func (t *Thread) bindFrame(fn *Function, args []Value, kwnames []*Str) (*Frame, error) {
	code := fn.code
	f := t.poolFrame(code, fn.globals, fn.builtins)
	f.fn = fn
	fast := f.fast
	co := code.co
	nargs := len(args) - len(kwnames)
	// co_argcount counts the positional-only parameters too.
	nposParams := code.argcount
	// Fast path: exactly the positional parameters, no keywords.
	if len(kwnames) == 0 && nargs == nposParams && code.kwonly == 0 && co.Flags&(compiler.CoVarargs|compiler.CoVarkeywords) == 0 {
		copy(fast, args)
		return f, nil
	}
	varargsIx := -1
	kwargsIx := -1
	i := nposParams + code.kwonly
	if co.Flags&compiler.CoVarargs != 0 {
		varargsIx = i
		i++
	}
	if co.Flags&compiler.CoVarkeywords != 0 {
		kwargsIx = i
	}
	var kwdict *Dict
	if kwargsIx >= 0 {
		kwdict = NewDict()
		fast[kwargsIx] = Value{o: kwdict}
	}
	n := nargs
	if n > nposParams {
		n = nposParams
	}
	copy(fast, args[:n])
	if varargsIx >= 0 {
		extra := make([]Value, 0)
		if nargs > nposParams {
			extra = append(extra, args[nposParams:nargs]...)
		}
		fast[varargsIx] = Value{o: NewTuple(extra...)}
	}
	names := code.localsplusNames
	for k, kw := range kwnames {
		value := args[nargs+k]
		found := -1
		for j := code.posonly; j < nposParams+code.kwonly; j++ {
			if names[j] == kw || names[j].s == kw.s {
				found = j
				break
			}
		}
		if found < 0 {
			if kwdict == nil {
				for j := 0; j < code.posonly; j++ {
					if names[j].s == kw.s {
						return nil, t.posonlyPassedAsKeyword(fn, kwnames)
					}
				}
				return nil, t.typeErrorf("%s() got an unexpected keyword argument '%s'", fn.qualname.s, kw.s)
			}
			if err := kwdict.Set(t, Value{o: kw}, value); err != nil {
				return nil, err
			}
			continue
		}
		if !fast[found].IsNull() {
			return nil, t.typeErrorf("%s() got multiple values for argument '%s'", fn.qualname.s, kw.s)
		}
		fast[found] = value
	}
	// Too many positional arguments is found once the keywords are bound
	// (initialize_locals' order).
	if varargsIx < 0 && nargs > nposParams {
		return nil, t.tooManyPositional(fn, nargs, fast)
	}
	// Defaults and missing arguments.
	if nargs < nposParams {
		ndefs := 0
		if fn.defaults != nil {
			ndefs = len(fn.defaults.items)
		}
		m := nposParams - ndefs
		var missing []string
		for j := nargs; j < m; j++ {
			if fast[j].IsNull() {
				missing = append(missing, names[j].s)
			}
		}
		if len(missing) > 0 {
			return nil, t.missingArguments(fn, missing, "positional")
		}
		for j := m; j < nposParams; j++ {
			if fast[j].IsNull() {
				fast[j] = fn.defaults.items[j-m]
			}
		}
	}
	if code.kwonly > 0 {
		var missing []string
		for j := nposParams; j < nposParams+code.kwonly; j++ {
			if !fast[j].IsNull() {
				continue
			}
			if fn.kwdefaults != nil {
				if v, ok := fn.kwdefaults.getStr(names[j]); ok {
					fast[j] = v
					continue
				}
			}
			missing = append(missing, names[j].s)
		}
		if len(missing) > 0 {
			return nil, t.missingArguments(fn, missing, "keyword-only")
		}
	}
	return f, nil
}

// missingArguments is CPython's format_missing.
func (t *Thread) missingArguments(fn *Function, missing []string, kind string) error {
	quoted := make([]string, len(missing))
	for i, m := range missing {
		quoted[i] = "'" + m + "'"
	}
	var list string
	switch len(quoted) {
	case 1:
		list = quoted[0]
	case 2:
		list = quoted[0] + " and " + quoted[1]
	default:
		list = strings.Join(quoted[:len(quoted)-1], ", ") + ", and " + quoted[len(quoted)-1]
	}
	s := ""
	if len(missing) > 1 {
		s = "s"
	}
	return t.typeErrorf("%s() missing %d required %s argument%s: %s", fn.qualname.s, len(missing), kind, s, list)
}

// tooManyPositional is CPython's too_many_positional, called once the
// keyword arguments are in the frame's locals.
func (t *Thread) tooManyPositional(fn *Function, given int, fast []Value) error {
	code := fn.code
	// co_argcount counts the positional-only parameters too.
	nposParams := code.argcount
	ndefs := 0
	if fn.defaults != nil {
		ndefs = len(fn.defaults.items)
	}
	kwonlyGiven := 0
	for j := nposParams; j < nposParams+code.kwonly; j++ {
		if !fast[j].IsNull() {
			kwonlyGiven++
		}
	}
	var sig string
	plural := nposParams != 1
	if ndefs > 0 {
		plural = true
		sig = fmt.Sprintf("from %d to %d", nposParams-ndefs, nposParams)
	} else {
		sig = fmt.Sprint(nposParams)
	}
	kwonlySig := ""
	if kwonlyGiven > 0 {
		s := ""
		if given != 1 {
			s = "s"
		}
		ks := ""
		if kwonlyGiven != 1 {
			ks = "s"
		}
		kwonlySig = fmt.Sprintf(" positional argument%s (and %d keyword-only argument%s)", s, kwonlyGiven, ks)
	}
	ps := ""
	if plural {
		ps = "s"
	}
	was := "were"
	if given == 1 && kwonlyGiven == 0 {
		was = "was"
	}
	return t.typeErrorf("%s() takes %s positional argument%s but %d%s %s given", fn.qualname.s, sig, ps, given, kwonlySig, was)
}

// posonlyPassedAsKeyword is positional_only_passed_as_keyword.
func (t *Thread) posonlyPassedAsKeyword(fn *Function, kwnames []*Str) error {
	var names []string
	for _, kw := range kwnames {
		for j := 0; j < fn.code.posonly; j++ {
			if fn.code.localsplusNames[j].s == kw.s {
				names = append(names, kw.s)
			}
		}
	}
	return t.typeErrorf("%s() got some positional-only arguments passed as keyword arguments: '%s'", fn.qualname.s, strings.Join(names, ", "))
}

var functionNewSpec = ArgSpec{Name: "function", Params: []string{"code", "globals", "name", "argdefs", "closure", "kwdefaults"}, Required: 2}

// functionNew is types.FunctionType(code, globals, name=None,
// argdefs=None, closure=None, kwdefaults=None) (func_new_impl), with its
// checks in CPython's order.
func functionNew(t *Thread, cls *Type, args []Value, kwnames []*Str) (Value, error) {
	var a [6]Value
	if err := parseClinic(t, &functionNewSpec, args, kwnames, a[:]); err != nil {
		return Null, err
	}
	code, ok := a[0].o.(*Code)
	if !ok {
		return Null, t.typeErrorf("function() argument 'code' must be code, not %s", typeName(a[0]))
	}
	globals, ok := a[1].o.(*Dict)
	if !ok {
		return Null, t.typeErrorf("function() argument 'globals' must be dict, not %s", typeName(a[1]))
	}
	for i := 2; i < len(a); i++ {
		if a[i].IsNull() {
			a[i] = None
		}
	}
	name, defaults, closure, kwdefaults := a[2], a[3], a[4], a[5]
	if _, ok := name.o.(*Str); !ok && !name.IsNone() {
		return Null, t.typeErrorf("arg 3 (name) must be None or string")
	}
	if _, ok := defaults.o.(*Tuple); !ok && !defaults.IsNone() {
		return Null, t.typeErrorf("arg 4 (defaults) must be None or tuple")
	}
	nfree := len(code.co.FreeVars())
	cl, isTuple := closure.o.(*Tuple)
	if !isTuple {
		if nfree > 0 && closure.IsNone() {
			return Null, t.typeErrorf("arg 5 (closure) must be tuple")
		} else if !closure.IsNone() {
			return Null, t.typeErrorf("arg 5 (closure) must be None or tuple")
		}
	}
	if _, ok := kwdefaults.o.(*Dict); !ok && !kwdefaults.IsNone() {
		return Null, t.typeErrorf("arg 6 (kwdefaults) must be None or dict")
	}
	nclosure := 0
	if cl != nil {
		nclosure = len(cl.items)
	}
	if nfree != nclosure {
		return Null, t.valueErrorf("%s requires closure of length %d, not %d", code.name.s, nfree, nclosure)
	}
	if cl != nil {
		for _, c := range cl.items {
			if _, ok := c.o.(*Cell); !ok {
				return Null, t.typeErrorf("arg 5 (closure) expected cell, found %s", typeName(c))
			}
		}
	}
	fn := newFunction(code, globals, t.builtinsFor(globals))
	if s, ok := name.o.(*Str); ok {
		fn.name = s
	}
	if d, ok := defaults.o.(*Tuple); ok {
		fn.defaults = d
	}
	if cl != nil && nclosure > 0 {
		fn.closure = cl
	}
	if d, ok := kwdefaults.o.(*Dict); ok {
		fn.kwdefaults = d
	}
	return Value{o: fn}, nil
}
