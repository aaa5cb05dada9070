package vm

import "strings"

// input, breakpoint, aiter and anext, and the objects the site module
// adds to builtins when CPython starts (exit, quit, help).

func init() {
	defBuiltin("input", builtinInput)
	defBuiltin("breakpoint", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		hook, ok := t.interp.Sys.dict.GetStr("breakpointhook")
		if !ok {
			return Null, t.raise(RuntimeErrorType, "lost sys.breakpointhook")
		}
		return t.Call(hook, args, kw)
	})
	defBuiltin("aiter", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := oneArg(t, "aiter", args, kw); err != nil {
			return Null, err
		}
		v := args[0]
		m := v.Type().Lookup(Intern("__aiter__"))
		if m.IsNull() {
			return Null, t.typeErrorf("'%s' object is not an async iterable", typeName(v))
		}
		r, err := callDunder(t, v, Intern("__aiter__"))
		if err != nil {
			return Null, err
		}
		if r.Type().Lookup(Intern("__anext__")).IsNull() {
			return Null, t.typeErrorf("aiter() returned not an async iterator of type '%s'", typeName(r))
		}
		return r, nil
	})
	defBuiltin("anext", builtinAnext)
}

// builtinInput is input(prompt=”, /): the prompt written to sys.stdout
// (flushed), a line read from sys.stdin without its newline, EOFError at
// the end of the input.
func builtinInput(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
	if err := checkPositional(t, "input", args, kw, 0, 1); err != nil {
		return Null, err
	}
	sys := t.interp.Sys.dict
	get := func(name string) (Value, error) {
		v, ok := sys.GetStr(name)
		if !ok || v.IsNone() {
			return Null, t.raisef(RuntimeErrorType, "input(): lost sys.%s", name)
		}
		return v, nil
	}
	fin, err := get("stdin")
	if err != nil {
		return Null, err
	}
	fout, err := get("stdout")
	if err != nil {
		return Null, err
	}
	ferr, err := get("stderr")
	if err != nil {
		return Null, err
	}
	if m, err := GetAttrString(t, ferr, "flush"); err == nil {
		t.Call(m, nil, nil)
	}
	if len(args) == 1 {
		s, err := StrOf(t, args[0])
		if err != nil {
			return Null, err
		}
		w, err := GetAttrString(t, fout, "write")
		if err != nil {
			return Null, err
		}
		if _, err := t.Call(w, []Value{{o: s}}, nil); err != nil {
			return Null, err
		}
	}
	if m, err := GetAttrString(t, fout, "flush"); err == nil {
		t.Call(m, nil, nil)
	}
	rl, err := GetAttrString(t, fin, "readline")
	if err != nil {
		return Null, err
	}
	line, err := t.Call(rl, nil, nil)
	if err != nil {
		return Null, err
	}
	s, ok := line.o.(*Str)
	if !ok {
		if b, ok := bufferBytes(line); ok && line.Type().IsSubtype(BytesType) {
			if len(b) == 0 {
				return Null, t.raise(EOFErrorType, "EOF when reading a line")
			}
			if b[len(b)-1] == '\n' {
				b = b[:len(b)-1]
			}
			return Value{o: NewBytes(b)}, nil
		}
		return Null, t.typeErrorf("object.readline() returned non-string")
	}
	if s.s == "" {
		return Null, t.raise(EOFErrorType, "EOF when reading a line")
	}
	return NewStrValue(strings.TrimSuffix(s.s, "\n")), nil
}

// anextAwaitable is what anext(it, default) returns: an awaitable that
// turns the StopAsyncIteration of __anext__()'s awaitable into
// StopIteration(default).
type anextAwaitable struct {
	ObjectBase
	wrapped, def Value
}

var anextAwaitableType = builtinType("anext_awaitable", nil, 0)

// builtinAnext is anext(aiterator, default=<unset>, /).
func builtinAnext(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
	if err := checkPositional(t, "anext", args, kw, 1, 2); err != nil {
		return Null, err
	}
	it := args[0]
	if it.Type().Lookup(Intern("__anext__")).IsNull() {
		return Null, t.typeErrorf("'%s' object is not an async iterator", typeName(it))
	}
	aw, err := t.getANextAwaitable(it)
	if err != nil {
		return Null, err
	}
	if len(args) == 1 {
		return aw, nil
	}
	if _, err := t.getAwaitable(aw, 0); err != nil {
		return Null, err
	}
	return Value{o: &anextAwaitable{ObjectBase: ObjectBase{cls: anextAwaitableType}, wrapped: aw, def: args[1]}}, nil
}

// getANextAwaitable calls the iterator's __anext__ (an async generator's
// directly).
func (t *Thread) getANextAwaitable(it Value) (Value, error) {
	if g, ok := it.o.(*Generator); ok && g.kind == genAsyncGenerator {
		if err := t.asyncGenInitHooks(g); err != nil {
			return Null, err
		}
		return Value{o: newAsyncGenSend(g, None)}, nil
	}
	return callDunder(t, it, Intern("__anext__"))
}

// proxy runs one step of the wrapped awaitable's iterator (next, send or
// throw), replacing StopAsyncIteration by StopIteration(default).
func (a *anextAwaitable) proxy(t *Thread, meth string, args []Value) (Value, error) {
	it, err := t.getAwaitable(a.wrapped, 0)
	if err != nil {
		return Null, err
	}
	var r Value
	switch meth {
	case "", "send":
		v := None
		if meth == "send" {
			v = args[0]
		}
		var done bool
		r, done, err = t.send(it, v)
		if err == nil && done {
			return Null, stopIteration(r)
		}
	default:
		var m Value
		if m, err = GetAttrString(t, it, meth); err == nil {
			r, err = t.Call(m, args, nil)
		}
	}
	if err != nil {
		if e := asException(err); e != nil && e.cls.IsSubtype(StopAsyncIterationType) {
			return Null, stopIteration(a.def)
		}
		return Null, err
	}
	return r, nil
}

func init() {
	onSetup(func() {
		at := anextAwaitableType
		at.Iter = selfIter
		at.Next = func(t *Thread, v Value) (Value, error) { return v.o.(*anextAwaitable).proxy(t, "", nil) }
		defMethods(at,
			MethodDef{Name: "__await__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
				return self, nil
			}},
			MethodDef{Name: "send", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
				if err := oneArg(t, "send", args, kw); err != nil {
					return Null, err
				}
				return self.o.(*anextAwaitable).proxy(t, "send", args)
			}},
			MethodDef{Name: "throw", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
				if err := checkPositional(t, "throw", args, kw, 1, 3); err != nil {
					return Null, err
				}
				return self.o.(*anextAwaitable).proxy(t, "throw", args)
			}},
			MethodDef{Name: "close", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
				return self.o.(*anextAwaitable).proxy(t, "close", nil)
			}},
		)
		setupSiteBuiltins()
	})
}

// quitter is site.Quitter: exit and quit.
type quitter struct {
	ObjectBase
	name string
}

// sitePrinter is site._Helper (help).
type siteHelper struct {
	ObjectBase
}

var (
	quitterType = builtinType("Quitter", nil, 0)
	helperType  = builtinType("_Helper", nil, 0)
)

func setupSiteBuiltins() {
	for _, tp := range []*Type{quitterType, helperType} {
		tp.Dict.SetStr("__module__", NewStrValue("_sitebuiltins"))
	}
	quitterType.Repr = func(t *Thread, v Value) (Value, error) {
		return NewStrValue("Use " + v.o.(*quitter).name + "() or Ctrl-D (i.e. EOF) to exit"), nil
	}
	quitterType.Call = func(t *Thread, v Value, args []Value, kw []*Str) (Value, error) {
		if len(kw) > 0 {
			return Null, t.typeErrorf("Quitter.__call__() got an unexpected keyword argument '%s'", kw[0].s)
		}
		if len(args) > 1 {
			return Null, t.typeErrorf("Quitter.__call__() takes from 1 to 2 positional arguments but %d were given", len(args)+1)
		}
		if in, ok := t.interp.Sys.dict.GetStr("stdin"); ok && !in.IsNone() {
			if m, err := getAttrOpt(t, in, Intern("close")); err == nil && !m.IsNull() {
				t.Call(m, nil, nil)
			}
		}
		code := None
		if len(args) == 1 {
			code = args[0]
		}
		return Null, NewException(SystemExitType, code)
	}
	helperType.Repr = func(t *Thread, v Value) (Value, error) {
		return NewStrValue("Type help() for interactive help, or help(object) for help about object."), nil
	}
	helperType.Call = func(t *Thread, v Value, args []Value, kw []*Str) (Value, error) {
		if len(args) == 0 {
			return None, t.interp.stdout.write(t, "\nWelcome to Python 3.13's help utility! (peephole has no interactive help)\n")
		}
		return None, t.minimalHelp(args[0])
	}
}

// minimalHelp prints what peephole knows of an object: its kind, name and
// docstring (pydoc's full rendering is not reproduced).
func (t *Thread) minimalHelp(v Value) error {
	name := ""
	if n, err := getAttrOpt(t, v, Intern("__name__")); err == nil && !n.IsNull() {
		if s, ok := n.o.(*Str); ok {
			name = s.s
		}
	}
	what := "object"
	switch v.o.(type) {
	case *Type:
		what = "class"
	case *Function, *Builtin, *MethodDescr:
		what = "function"
	case *Module:
		what = "module"
	}
	var b strings.Builder
	if name != "" {
		b.WriteString("Help on " + what + " " + name + ":\n\n")
	} else {
		b.WriteString("Help on " + typeName(v) + " object:\n\n")
	}
	if d, err := getAttrOpt(t, v, Intern("__doc__")); err == nil && !d.IsNull() {
		if s, ok := d.o.(*Str); ok {
			for _, line := range strings.Split(s.s, "\n") {
				b.WriteString("    " + line + "\n")
			}
		}
	}
	b.WriteString("\n")
	return t.interp.stdout.write(t, b.String())
}

// sitePrinter is site._Printer: copyright, credits and license.
type sitePrinter struct {
	ObjectBase
	text string // what the repr shows and a call prints
}

var printerType = builtinType("_Printer", nil, 0)

const creditsText = "    Thanks to CWI, CNRI, BeOpen.com, Zope Corporation and a cast of thousands\n" +
	"    for supporting Python development.  See www.python.org for more information."

func init() {
	onSetup(func() {
		printerType.Dict.SetStr("__module__", NewStrValue("_sitebuiltins"))
		printerType.Repr = func(t *Thread, v Value) (Value, error) {
			return NewStrValue(v.o.(*sitePrinter).text), nil
		}
		printerType.Call = func(t *Thread, v Value, args []Value, kw []*Str) (Value, error) {
			if len(args) > 0 || len(kw) > 0 {
				return Null, t.typeErrorf("_Printer.__call__() takes 1 positional argument but %d were given", len(args)+1)
			}
			text := v.o.(*sitePrinter).text
			if strings.HasPrefix(text, "Type license()") {
				text = "See https://www.python.org/psf/license/"
			}
			return None, t.interp.stdout.write(t, text+"\n")
		}
	})
}

// addSiteBuiltins puts exit, quit, help, copyright, credits and license
// in a builtins namespace, as the site module does at startup.
func addSiteBuiltins(d *Dict) {
	copyright := "Copyright (c) 2001-2024 Python Software Foundation.\nAll Rights Reserved.\n\nCopyright (c) 2000 BeOpen.com.\nAll Rights Reserved.\n\nCopyright (c) 1995-2001 Corporation for National Research Initiatives.\nAll Rights Reserved.\n\nCopyright (c) 1991-1995 Stichting Mathematisch Centrum, Amsterdam.\nAll Rights Reserved."
	for _, p := range [][2]string{{"copyright", copyright}, {"credits", creditsText}, {"license", "Type license() to see the full license text"}} {
		d.SetStr(p[0], Value{o: &sitePrinter{ObjectBase: ObjectBase{cls: printerType}, text: p[1]}})
	}
	d.SetStr("exit", Value{o: &quitter{ObjectBase: ObjectBase{cls: quitterType}, name: "exit"}})
	d.SetStr("quit", Value{o: &quitter{ObjectBase: ObjectBase{cls: quitterType}, name: "quit"}})
	d.SetStr("help", Value{o: &siteHelper{ObjectBase: ObjectBase{cls: helperType}}})
}
