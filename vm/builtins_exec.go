package vm

import (
	"bytes"

	"github.com/peephole-lsp/peephole/compiler"
	"github.com/peephole-lsp/peephole/parser"
)

// eval, exec and compile — through peephole's own parser and compiler —
// and the namespace builtins locals, vars and dir, with CPython 3.13's
// semantics: a function's locals() is a fresh snapshot (PEP 667), a
// module's or class body's is its namespace, and eval/exec without
// namespaces run in the caller's globals and that snapshot.

func init() {
	defBuiltin("eval", builtinEval)
	defBuiltin("exec", builtinExec)
	defBuiltin("compile", builtinCompile)
	defBuiltin("locals", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := noArgs(t, "locals", args, kw); err != nil {
			return Null, err
		}
		return t.frameLocals()
	})
	defBuiltin("vars", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := checkPositional(t, "vars", args, kw, 0, 1); err != nil {
			if len(kw) > 0 {
				return Null, t.typeErrorf("vars() takes no keyword arguments")
			}
			return Null, err
		}
		if len(args) == 0 {
			return t.frameLocals()
		}
		d, err := getAttrOpt(t, args[0], Intern("__dict__"))
		if err != nil {
			return Null, err
		}
		if d.IsNull() {
			return Null, t.typeErrorf("vars() argument must have __dict__ attribute")
		}
		return d, nil
	})
	defBuiltin("dir", builtinDir)
}

// Kinds of fast locals (co_localspluskinds).
const (
	fastHidden = 0x10
	fastLocal  = 0x20
	fastCell   = 0x40
	fastFree   = 0x80
)

// frameLocals is _PyEval_GetFrameLocals: the caller's namespace for
// module and class bodies, else a new dict of its bound fast locals.
func (t *Thread) frameLocals() (Value, error) {
	f := t.frame
	if f == nil {
		return Null, t.raise(SystemErrorType, "frame does not exist")
	}
	if f.code.flags&compiler.CoOptimized == 0 && !f.hasHiddenLocals() && !f.locals.IsNull() {
		return f.locals, nil
	}
	return Value{o: f.fastLocalsDict()}, nil
}

// hasHiddenLocals reports whether an inlined comprehension's variables
// are bound in the frame (_PyFrame_HasHiddenLocals).
func (f *Frame) hasHiddenLocals() bool {
	co := f.code
	for i, k := range co.kinds {
		if k&fastHidden != 0 && i < len(f.fast) && !f.fast[i].IsNull() {
			return true
		}
	}
	return false
}

// fastLocalsDict returns the bound fast locals, cells and free variables
// of the frame, dereferenced, in co_localsplusnames order.
func (f *Frame) fastLocalsDict() *Dict {
	co := f.code
	d := NewDict()
	for i, name := range co.localsplusNames {
		if i >= len(f.fast) {
			break
		}
		v := f.fast[i]
		if v.IsNull() {
			continue
		}
		if i < len(co.kinds) && co.kinds[i]&(fastCell|fastFree) != 0 {
			if c, ok := v.o.(*Cell); ok {
				v = c.v
			}
		}
		if v.IsNull() {
			continue
		}
		d.setStr(name, v)
	}
	return d
}

// isMappingArg is PyMapping_Check: the type has __getitem__ (and is not a
// str-like sequence without mapping subscription; every subscriptable
// type qualifies here).
func isMappingArg(v Value) bool {
	return v.Type().GetItem != nil
}

// sourceArg turns the source argument of eval/exec/compile into bytes to
// parse (_Py_SourceAsString): a str (its UTF-8, any coding cookie
// ignored), bytes or a buffer.
func (t *Thread) sourceArg(v Value, fname, what string) ([]byte, bool, error) {
	var src []byte
	isStr := false
	switch x := v.o.(type) {
	case *Str:
		src = []byte(x.s)
		isStr = true
	default:
		b, ok := bufferBytes(v)
		if !ok {
			return nil, false, t.typeErrorf("%s() arg 1 must be a %s object", fname, what)
		}
		src = b
	}
	if bytes.IndexByte(src, 0) >= 0 {
		return nil, false, t.raise(SyntaxErrorType, "source code string cannot contain null bytes")
	}
	return src, isStr, nil
}

// bufferBytes returns the content of a bytes or bytearray (of a
// subclass too).
func bufferBytes(v Value) ([]byte, bool) {
	switch x := v.o.(type) {
	case *Bytes:
		return x.b, true
	case *ByteArray:
		return x.b, true
	}
	return nil, false
}

// compileString compiles source text in a mode ("exec", "eval",
// "single") with a file name, as Py_CompileStringObject does.
func (t *Thread) compileString(src []byte, isStr bool, filename, mode string, optimize int) (*Code, error) {
	return t.compileStringFlags(src, isStr, filename, mode, optimize, 0)
}

// parseSource parses source text in a mode ("exec", "eval", "single",
// "func_type") with compile()'s flags, raising its SyntaxError and
// issuing its warnings; it returns the text parsed (without a str's
// coding cookie).
func (t *Thread) parseSource(src []byte, isStr bool, filename, mode string, flags int) (parser.Result, []byte, error) {
	pm := parser.ModeExec
	switch mode {
	case "eval":
		pm = parser.ModeEval
	case "single":
		pm = parser.ModeSingle
	case "func_type":
		pm = parser.ModeFuncType
	}
	if isStr {
		src = ignoreCookie(src)
	}
	pr := parser.Parse(src, parseOptions(filename, pm, flags))
	if pr.Fatal != "" {
		return pr, src, t.raise(MemoryErrorType, pr.Fatal)
	}
	if pr.Err != nil {
		return pr, src, t.syntaxError(pr.Err)
	}
	for _, w := range pr.Warnings {
		if err := t.warnExplicit(w.Category, w.Msg, filename, w.Lineno, src, false); err != nil {
			return pr, src, err
		}
	}
	return pr, src, nil
}

// compileStringFlags is compileString with compile()'s flags.
func (t *Thread) compileStringFlags(src []byte, isStr bool, filename, mode string, optimize, flags int) (*Code, error) {
	pr, src, err := t.parseSource(src, isStr, filename, mode, flags)
	if err != nil {
		return nil, err
	}
	res, err := compiler.Compile(pr.Tree, compiler.Options{Filename: filename, Optimize: optimize, Source: src})
	if err != nil {
		return nil, t.compileError(err)
	}
	for _, w := range res.Warnings {
		if err := t.warnExplicit("SyntaxWarning", w.Msg, filename, w.Lineno, src, false); err != nil {
			return nil, err
		}
	}
	return NewCode(res.Code), nil
}

// ignoreCookie makes a str source's coding declaration inert: CPython
// compiles a str from its UTF-8 and ignores the cookie (PyCF_IGNORE_COOKIE).
// A UTF-8 BOM is prepended, which the parser honours over any cookie.
func ignoreCookie(src []byte) []byte {
	if bytes.HasPrefix(src, []byte("\xef\xbb\xbf")) {
		return src
	}
	if !bytes.Contains(src, []byte("coding")) {
		return src
	}
	return append([]byte("\xef\xbb\xbf"), src...)
}

// namespaces resolves eval/exec's globals and locals arguments (None or
// missing: the caller's).
func (t *Thread) namespaces(globals, locals Value) (*Dict, Value, error) {
	if globals.IsNull() {
		globals = None
	}
	if locals.IsNull() {
		locals = None
	}
	if globals.IsNone() {
		if t.frame == nil {
			return nil, Null, t.typeErrorf("eval must be given globals and locals when called without a frame")
		}
		g := t.frame.globals
		if locals.IsNone() {
			l, err := t.frameLocals()
			if err != nil {
				return nil, Null, err
			}
			locals = l
		}
		return g, locals, nil
	}
	g, _ := globals.o.(*Dict)
	if locals.IsNone() {
		locals = globals
	}
	return g, locals, nil
}

// ensureBuiltins puts __builtins__ in globals when it is missing.
func (t *Thread) ensureBuiltins(g *Dict) error {
	if _, ok, err := g.Get(t, NewStrValue("__builtins__")); err != nil || ok {
		return err
	}
	b := t.interp.Builtins.dict
	if t.frame != nil && t.frame.builtins != nil {
		b = t.frame.builtins
	}
	return g.Set(t, NewStrValue("__builtins__"), Value{o: b})
}

var evalSpec = ArgSpec{Name: "eval", Params: []string{"source", "globals", "locals"}, PosOnly: 1, Required: 1}

// builtinEval is eval(source, /, globals=None, locals=None).
func builtinEval(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
	var a [3]Value
	if err := parseClinic(t, &evalSpec, args, kw, a[:]); err != nil {
		return Null, err
	}
	globals, locals := a[1], a[2]
	if !locals.IsNull() && !locals.IsNone() && !isMappingArg(locals) {
		return Null, t.typeErrorf("locals must be a mapping")
	}
	if !globals.IsNull() && !globals.IsNone() {
		if _, ok := globals.o.(*Dict); !ok {
			if isMappingArg(globals) {
				return Null, t.typeErrorf("globals must be a real dict; try eval(expr, {}, mapping)")
			}
			return Null, t.typeErrorf("globals must be a dict")
		}
	}
	g, l, err := t.namespaces(globals, locals)
	if err != nil {
		return Null, err
	}
	if err := t.ensureBuiltins(g); err != nil {
		return Null, err
	}
	if co, ok := a[0].o.(*Code); ok {
		if n := len(co.co.FreeVars()); n > 0 {
			return Null, t.typeErrorf("code object passed to eval() may not contain free variables")
		}
		return t.RunCode(co, g, l)
	}
	src, isStr, err := t.sourceArg(a[0], "eval", "string, bytes or code")
	if err != nil {
		return Null, err
	}
	i := 0
	for i < len(src) && (src[i] == ' ' || src[i] == '\t') {
		i++
	}
	co, err := t.compileString(src[i:], isStr, "<string>", "eval", 0)
	if err != nil {
		return Null, err
	}
	return t.RunCode(co, g, l)
}

var execSpec = ArgSpec{Name: "exec", Params: []string{"source", "globals", "locals", "closure"}, PosOnly: 1, Required: 1, KwOnly: 1}

// builtinExec is exec(source, /, globals=None, locals=None, *,
// closure=None).
func builtinExec(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
	var a [4]Value
	if err := parseClinic(t, &execSpec, args, kw, a[:]); err != nil {
		return Null, err
	}
	globals, locals, closure := a[1], a[2], a[3]
	g, l, err := t.namespaces(globals, locals)
	if err != nil {
		return Null, err
	}
	if g == nil {
		return Null, t.typeErrorf("exec() globals must be a dict, not %s", typeName(globals))
	}
	if !isMappingArg(l) {
		return Null, t.typeErrorf("locals must be a mapping or None, not %s", typeName(l))
	}
	if err := t.ensureBuiltins(g); err != nil {
		return Null, err
	}
	if closure.IsNone() {
		closure = Null
	}
	if co, ok := a[0].o.(*Code); ok {
		nfree := len(co.co.FreeVars())
		if nfree == 0 {
			if !closure.IsNull() {
				return Null, t.typeErrorf("cannot use a closure with this code object")
			}
			_, err := t.RunCode(co, g, l)
			if err != nil {
				return Null, err
			}
			return None, nil
		}
		cl, ok := closure.o.(*Tuple)
		good := ok && cl.cls == TupleType && len(cl.items) == nfree
		if good {
			for _, c := range cl.items {
				if _, ok := c.o.(*Cell); !ok {
					good = false
					break
				}
			}
		}
		if !good {
			return Null, t.typeErrorf("code object requires a closure of exactly length %d", nfree)
		}
		fn := newFunction(co, g, t.builtinsFor(g))
		fn.closure = cl
		f := newFrame(co, g, fn.builtins, l)
		f.fn = fn
		if err := t.enter(); err != nil {
			return Null, err
		}
		_, _, err := t.run(f)
		t.leave()
		if err != nil {
			return Null, err
		}
		return None, nil
	}
	if !closure.IsNull() {
		return Null, t.typeErrorf("closure can only be used when source is a code object")
	}
	src, isStr, err := t.sourceArg(a[0], "exec", "string, bytes or code")
	if err != nil {
		return Null, err
	}
	co, err := t.compileString(src, isStr, "<string>", "exec", 0)
	if err != nil {
		return Null, err
	}
	if _, err := t.RunCode(co, g, l); err != nil {
		return Null, err
	}
	return None, nil
}

// The compile() flags CPython accepts (PyCF_MASK | PyCF_MASK_OBSOLETE |
// PyCF_COMPILE_MASK).
const (
	pyCFOnlyAST       = 0x0400
	pyCFAcceptedFlags = 0x20000 | 0x40000 | 0x80000 | 0x100000 | 0x200000 | 0x400000 | 0x800000 | 0x1000000 | // __future__
		0x0010 | // CO_NESTED
		0x0400 | 0x2000 | 0x1000 | 0x0200 | 0x4000 | 0x8000
)

var compileSpec = ArgSpec{Name: "compile", Params: []string{"source", "filename", "mode", "flags", "dont_inherit", "optimize", "_feature_version"}, Required: 3, KwOnly: 1}

// builtinCompile is compile(source, filename, mode, flags=0,
// dont_inherit=False, optimize=-1, *, _feature_version=-1).
func builtinCompile(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
	var a [7]Value
	if err := parseClinic(t, &compileSpec, args, kw, a[:]); err != nil {
		return Null, err
	}
	filename, err := t.fsPath(a[1])
	if err != nil {
		return Null, err
	}
	ms, ok := a[2].o.(*Str)
	if !ok {
		return Null, t.typeErrorf("compile() argument 'mode' must be str, not %s", typeName(a[2]))
	}
	flags := 0
	if !a[3].IsNull() {
		n, err := asCInt(t, a[3])
		if err != nil {
			return Null, err
		}
		flags = n
	}
	if !a[4].IsNull() {
		if _, err := asCInt(t, a[4]); err != nil {
			return Null, err
		}
	}
	optimize := -1
	if !a[5].IsNull() {
		n, err := asCInt(t, a[5])
		if err != nil {
			return Null, err
		}
		optimize = n
	}
	if flags&^pyCFAcceptedFlags != 0 {
		return Null, t.valueErrorf("compile(): unrecognised flags")
	}
	if optimize < -1 || optimize > 2 {
		return Null, t.valueErrorf("compile(): invalid optimize value")
	}
	if optimize == -1 {
		optimize = 0
	}
	mode := ms.s
	switch mode {
	case "exec", "eval", "single":
	case "func_type":
		if flags&pyCFOnlyAST == 0 {
			return Null, t.valueErrorf("compile() mode 'func_type' requires flag PyCF_ONLY_AST")
		}
	default:
		if flags&pyCFOnlyAST != 0 {
			return Null, t.valueErrorf("compile() mode must be 'exec', 'eval', 'single' or 'func_type'")
		}
		return Null, t.valueErrorf("compile() mode must be 'exec', 'eval' or 'single'")
	}
	if v, done, err := t.compileAST(a[0], filename, mode, flags, optimize); done {
		return v, err
	}
	src, isStr, err := t.sourceArg(a[0], "compile", "string, bytes or AST")
	if err != nil {
		return Null, err
	}
	co, err := t.compileStringFlags(src, isStr, filename, mode, optimize, flags)
	if err != nil {
		return Null, err
	}
	return Value{o: co}, nil
}

// asCInt converts an argument declared as a C int: an index that fits
// in 32 bits.
func asCInt(t *Thread, v Value) (int, error) {
	if v.IsFloat() {
		return 0, t.typeErrorf("'float' object cannot be interpreted as an integer")
	}
	i, err := Index(t, v)
	if err != nil {
		return 0, err
	}
	if !i.IsSmallInt() || i.SmallInt() > 1<<31-1 || i.SmallInt() < -(1<<31) {
		if i.IsSmallInt() || i.o.(*BigInt).v.Sign() > 0 {
			return 0, t.raise(OverflowErrorType, "Python int too large to convert to C int")
		}
		return 0, t.raise(OverflowErrorType, "Python int too small to convert to C int")
	}
	return int(i.SmallInt()), nil
}

// fsPath converts a path argument (str, bytes or os.PathLike) to a
// string (PyUnicode_FSDecoder).
func (t *Thread) fsPath(v Value) (string, error) {
	switch x := v.o.(type) {
	case *Str:
		return x.s, nil
	}
	if b, ok := bufferBytes(v); ok && v.Type().IsSubtype(BytesType) {
		return string(b), nil
	}
	m := v.Type().Lookup(Intern("__fspath__"))
	if m.IsNull() {
		return "", t.typeErrorf("expected str, bytes or os.PathLike object, not %s", typeName(v))
	}
	f, err := bindDescriptor(t, m, v, v.Type())
	if err != nil {
		return "", err
	}
	r, err := t.Call(f, nil, nil)
	if err != nil {
		return "", err
	}
	switch x := r.o.(type) {
	case *Str:
		return x.s, nil
	}
	if b, ok := bufferBytes(r); ok && r.Type().IsSubtype(BytesType) {
		return string(b), nil
	}
	return "", t.typeErrorf("expected %s.__fspath__() to return str or bytes, not %s", v.Type().Name, typeName(r))
}

// builtinDir is dir([object]): the sorted names of the caller's scope, or
// of the object's __dir__().
func builtinDir(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
	if err := checkPositional(t, "dir", args, kw, 0, 1); err != nil {
		return Null, err
	}
	var names []Value
	if len(args) == 0 {
		loc, err := t.frameLocals()
		if err != nil {
			return Null, err
		}
		ks, err := mappingKeys(t, loc)
		if err != nil {
			return Null, err
		}
		l, ok := ks.o.(*List)
		if !ok {
			return Null, t.typeErrorf("dir(): expected keys() of locals to be a list, not '%s'", typeName(ks))
		}
		names = append([]Value(nil), l.items...)
	} else {
		m, err := lookupSpecial(t, args[0], Intern("__dir__"))
		if err != nil {
			return Null, err
		}
		if m.IsNull() {
			return Null, t.typeErrorf("object does not provide __dir__")
		}
		r, err := t.Call(m, nil, nil)
		if err != nil {
			return Null, err
		}
		if names, err = t.collectIterable(r, nil); err != nil {
			return Null, err
		}
	}
	l := NewList(names...)
	if _, err := listSort(t, Value{o: l}, nil, nil); err != nil {
		return Null, err
	}
	return Value{o: l}, nil
}

// mappingKeys is PyMapping_Keys: a dict's keys as a list, else
// list(m.keys()).
func mappingKeys(t *Thread, m Value) (Value, error) {
	if d, ok := m.o.(*Dict); ok && d.cls == DictType {
		return Value{o: NewList(d.Keys()...)}, nil
	}
	k, err := GetAttrString(t, m, "keys")
	if err != nil {
		return Null, err
	}
	r, err := t.Call(k, nil, nil)
	if err != nil {
		return Null, err
	}
	if _, ok := r.o.(*List); ok {
		return r, nil
	}
	items, err := t.collectIterable(r, nil)
	if err != nil {
		return Null, err
	}
	return Value{o: NewList(items...)}, nil
}
