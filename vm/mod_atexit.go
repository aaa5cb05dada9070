package vm

import (
	"fmt"
	"strings"
)

// The atexit module (Modules/atexitmodule.c) and what the end of a
// program runs, as Py_FinalizeEx does: threading._shutdown() (which joins
// the threads that are not daemons), then the atexit callbacks, last
// registered first.

func init() {
	RegisterModule("atexit", initAtexitModule)
}

func initAtexitModule(t *Thread, m *Module) error {
	m.Set("__doc__", NewStrValue("allow programmer to define multiple exit functions to be executed\nupon normal program termination.\n\nTwo public functions, register and unregister, are defined.\n"))
	m.AddFunc("register", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		pos, kv := kwArgs(args, kw)
		if len(pos) == 0 {
			return Null, t.typeErrorf("register() takes at least 1 argument (0 given)")
		}
		if !isCallable(pos[0]) {
			return Null, t.typeErrorf("the first argument must be callable")
		}
		e := atexitEntry{fn: pos[0], args: append([]Value(nil), pos[1:]...)}
		if len(kw) > 0 {
			e.args = append(e.args, kv...)
			e.kwargs = append([]*Str(nil), kw...)
		}
		st := t.std()
		st.atexit = append(st.atexit, e)
		return pos[0], nil
	})
	m.AddFunc("unregister", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := oneArg(t, "unregister", args, kw); err != nil {
			return Null, err
		}
		st := t.std()
		for i := 0; i < len(st.atexit); i++ {
			e := st.atexit[i]
			if e.fn.IsNull() {
				continue
			}
			eq, err := RichCompareBool(t, e.fn, args[0], EQ)
			if err != nil {
				return Null, err
			}
			if eq && i < len(st.atexit) {
				st.atexit[i] = atexitEntry{}
			}
		}
		return None, nil
	})
	m.AddFunc("_clear", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := noArgs(t, "_clear", args, kw); err != nil {
			return Null, err
		}
		t.std().atexit = nil
		return None, nil
	})
	m.AddFunc("_run_exitfuncs", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := noArgs(t, "_run_exitfuncs", args, kw); err != nil {
			return Null, err
		}
		return None, t.runAtexit()
	})
	m.AddFunc("_ncallbacks", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := noArgs(t, "_ncallbacks", args, kw); err != nil {
			return Null, err
		}
		return Int(int64(len(t.std().atexit))), nil
	})
	return nil
}

// runAtexit calls the registered functions, the last first, reporting
// their exceptions as unraisable, and forgets them.
func (t *Thread) runAtexit() error {
	st := t.std()
	for i := len(st.atexit) - 1; i >= 0; i-- {
		if i >= len(st.atexit) {
			continue
		}
		e := st.atexit[i]
		if e.fn.IsNull() {
			continue
		}
		if _, err := t.Call(e.fn, e.args, e.kwargs); err != nil {
			ex := asException(err)
			if ex == nil {
				return err
			}
			if werr := t.reportIgnored(fmt.Sprintf("Exception ignored in atexit callback %s", safeRepr(t, e.fn, "object")), ex); werr != nil {
				return werr
			}
		}
	}
	st.atexit = nil
	return nil
}

// reportIgnored writes "msg:" and the exception as PyErr_FormatUnraisable
// does with sys.unraisablehook left as it is.
func (t *Thread) reportIgnored(msg string, e *Exception) error {
	t.interp.flushStdout(t)
	var b strings.Builder
	b.WriteString(msg + ":\n")
	if e.Traceback != nil {
		b.WriteString("Traceback (most recent call last):\n")
		for _, tb := range e.Traceback.Frames() {
			code := tb.frame.code
			line := tb.Line()
			fmt.Fprintf(&b, "  File \"%s\", line %d, in %s\n", code.filename.s, line, code.name.s)
			if src := strings.TrimSpace(t.interp.getline(code.filename.s, line)); src != "" {
				b.WriteString("    " + src + "\n")
			}
		}
	}
	b.WriteString(finalExcLine(excTypeStr(e.cls), safeStr(t, Value{o: e}, "exception")) + "\n")
	return t.writeStderr(b.String())
}

// finalizeStd runs what a program's end runs before the streams are
// flushed: threading._shutdown() when threading was imported, then the
// atexit callbacks. An error returned stops the run from outside (a
// limit, a cancellation).
func (in *Interp) finalizeStd(t *Thread) error {
	if th, ok := in.Modules.GetStr("threading"); ok {
		if fn, err := getAttrOpt(t, th, Intern("_shutdown")); err == nil && !fn.IsNull() {
			if _, err := t.Call(fn, nil, nil); err != nil {
				ex := asException(err)
				if ex == nil {
					return err
				}
				if werr := t.reportIgnored("Exception ignored on threading shutdown", ex); werr != nil {
					return werr
				}
			}
		}
	}
	if in.std == nil {
		return nil
	}
	return t.runAtexit()
}
