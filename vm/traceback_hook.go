package vm

import (
	"sort"
)

// What happens to an exception nothing caught (CPython's _PyErr_PrintEx):
// sys.last_exc and the older last_type/last_value/last_traceback are set,
// then sys.excepthook(type, value, traceback) is called. The default hook
// (sys.__excepthook__) prints the traceback on sys.stderr. A hook that
// raises SystemExit ends the program with that status; a hook that raises
// anything else gets "Error in sys.excepthook:", its own exception,
// "Original exception was:" and the original one printed; a deleted hook
// gets "sys.excepthook is missing" before the printing.

func init() {
	sysSetups = append(sysSetups, setupSysExceptions)
}

// setupSysExceptions adds excepthook, __excepthook__, _getframe and
// stdlib_module_names to sys.
func setupSysExceptions(in *Interp, m *Module) {
	hook := NewBuiltin("excepthook", sysExcepthook)
	hook.module = "sys"
	hook.self = Value{o: m}
	m.dict.SetStr("excepthook", Value{o: hook})
	m.dict.SetStr("__excepthook__", Value{o: hook})
	m.AddFunc("_getframe", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := checkPositional(t, "_getframe", args, kw, 0, 1); err != nil {
			return Null, err
		}
		depth := 0
		if len(args) == 1 {
			if args[0].IsFloat() {
				return Null, t.typeErrorf("'float' object cannot be interpreted as an integer")
			}
			n, err := AsSize(t, args[0], OverflowErrorType)
			if err != nil {
				return Null, err
			}
			depth = n
		}
		f := t.frame
		for ; depth > 0 && f != nil; depth-- {
			f = f.back
		}
		if f == nil {
			return Null, t.valueErrorf("call stack is not deep enough")
		}
		return Value{o: f}, nil
	})
	names := make([]string, 0, len(stdlibModuleNames))
	for n := range stdlibModuleNames {
		names = append(names, n)
	}
	sort.Strings(names)
	m.dict.SetStr("stdlib_module_names", Value{o: newFrozenSetOrdered(strValues(names))})
}

// sysExcepthook is sys.excepthook(type, value, traceback).
func sysExcepthook(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
	if err := checkPositional(t, "excepthook", args, kw, 3, 3); err != nil {
		return Null, err
	}
	return None, t.displayException(args[1], args[2])
}

// displayException is PyErr_Display(type, value, tb): the traceback
// printed on sys.stderr (nothing when it is None).
func (t *Thread) displayException(value, tb Value) error {
	w, ok := t.interp.Sys.dict.GetStr("stderr")
	if !ok {
		_, err := t.interp.Stderr.Write([]byte("lost sys.stderr\n"))
		return err
	}
	if w.IsNone() {
		return nil
	}
	e, isExc := value.o.(*Exception)
	if !isExc {
		return t.writeStderr("TypeError: print_exception(): Exception expected for value, " + typeName(value) + " found\n")
	}
	if e.Traceback == nil {
		if x, ok := tb.o.(*Traceback); ok {
			e.Traceback = x
		}
	}
	return t.writeStderr(t.FormatException(e))
}

// printUncaught reports an exception that ended the program through
// sys.excepthook. It returns the exit status and true when the hook
// raised SystemExit.
func (in *Interp) printUncaught(t *Thread, e *Exception) (int, bool) {
	ev := Value{o: e}
	var tb Value = None
	if e.Traceback != nil {
		tb = Value{o: e.Traceback}
	}
	d := in.Sys.dict
	d.SetStr("last_exc", ev)
	d.SetStr("last_type", Value{o: e.cls})
	d.SetStr("last_value", ev)
	d.SetStr("last_traceback", tb)
	hook, ok := d.GetStr("excepthook")
	if !ok {
		t.writeStderr("sys.excepthook is missing\n")
		in.writeDefault(t, e)
		return 0, false
	}
	_, err := t.Call(hook, []Value{{o: e.cls}, ev, tb}, nil)
	if err == nil {
		return 0, false
	}
	e2 := asException(err)
	if e2 == nil {
		return 1, false
	}
	if e2.cls.IsSubtype(SystemExitType) {
		return in.systemExit(t, e2), true
	}
	in.flushStdout(t)
	t.writeStderr("Error in sys.excepthook:\n")
	in.writeDefault(t, e2)
	t.writeStderr("\nOriginal exception was:\n")
	in.writeDefault(t, e)
	return 0, false
}

// writeDefault prints an exception as the default hook does.
func (in *Interp) writeDefault(t *Thread, e *Exception) {
	var tb Value = None
	if e.Traceback != nil {
		tb = Value{o: e.Traceback}
	}
	if err := t.displayException(Value{o: e}, tb); err != nil {
		in.Stderr.Write([]byte(t.FormatException(e)))
	}
}

// A stand-in for builtins.__import__ until the builtins module defines
// its own (whichever registration runs last wins; this one steps aside
// when another is already there), so that `import sys` works for the
// exception machinery's tests.
func init() {
	if _, ok := builtinFuncs["__import__"]; ok {
		return
	}
	spec := &ArgSpec{Name: "__import__", Params: []string{"name", "globals", "locals", "fromlist", "level"}, Required: 1}
	defBuiltin("__import__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		var a [5]Value
		if err := spec.Parse(t, args, kw, a[:]); err != nil {
			return Null, err
		}
		name, ok := a[0].o.(*Str)
		if !ok {
			return Null, t.typeErrorf("__import__() argument 1 must be str, not %s", typeName(a[0]))
		}
		var globals *Dict
		if d, ok := a[1].o.(*Dict); ok {
			globals = d
		}
		fromlist := a[3]
		if fromlist.IsNull() {
			fromlist = None
		}
		level := 0
		if !a[4].IsNull() {
			n, err := AsSize(t, a[4], OverflowErrorType)
			if err != nil {
				return Null, err
			}
			level = n
		}
		return t.importModuleLevel(name.s, globals, fromlist, level)
	})
}
