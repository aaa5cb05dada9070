package vm

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"runtime"
)

// The sys module and the standard streams.

// TextStream is sys.stdout, sys.stderr or sys.stdin: a text stream over
// one of the interpreter's Go streams (a minimal io.TextIOWrapper).
// Output is buffered like CPython's when it does not go to a terminal
// (stdout) or written through (stderr), and counted against the output
// limit.
type TextStream struct {
	ObjectBase
	name         string
	w            *bufio.Writer
	r            *bufio.Reader
	lineBuffered bool
	closed       bool
	fileno       int
	// The text layer's own buffer: once the program has used the binary
	// buffer (sys.stdout.buffer) of a buffered stream, text waits here
	// until a flush, a newline under line buffering or 8192 bytes, as in
	// CPython, so that the two layers interleave as they do there.
	pending      []byte
	usePending   bool
	writeThrough bool
	buffer       *stdBuffer
}

var textStreamType = builtinType("TextIOWrapper", nil, 0)

func (s *TextStream) write(t *Thread, text string) error {
	if s.closed {
		return t.valueErrorf("I/O operation on closed file.")
	}
	if s.w == nil {
		return NewException(UnsupportedOperationType(), NewStrValue("not writable"))
	}
	if s.usePending {
		return s.writePending(t, text)
	}
	lim := t.interp.Limits.MaxOutput
	t.output += int64(len(text))
	if lim > 0 && t.output > lim {
		over := t.output - lim
		if int64(len(text)) > over {
			s.w.WriteString(text[:int64(len(text))-over])
		}
		s.w.Flush()
		return &Abort{Kind: AbortOutput, Reason: fmt.Sprintf("the run exceeded its output limit of %d bytes", lim)}
	}
	if _, err := s.w.WriteString(text); err != nil {
		return t.osError(err, "")
	}
	if s.lineBuffered {
		for i := 0; i < len(text); i++ {
			if text[i] == '\n' {
				return s.flush(t)
			}
		}
	}
	return nil
}

func (s *TextStream) flush(t *Thread) error {
	if err := s.movePending(t); err != nil {
		return err
	}
	if s.w != nil {
		if err := s.w.Flush(); err != nil {
			return t.osError(err, "")
		}
	}
	return nil
}

// unsupportedOperation is io.UnsupportedOperation (OSError and
// ValueError). It is a builtin type of the package, set up with the
// others, and not a name of the builtins module.
var unsupportedOperation = func() *Type {
	t := builtinType("UnsupportedOperation", OSErrorType, FlagBaseType|FlagBaseExcSubclass|FlagHasDict)
	t.Bases = []*Type{OSErrorType, ValueErrorType}
	return t
}()

func init() {
	onSetup(func() { unsupportedOperation.Dict.SetStr("__module__", NewStrValue("io")) })
}

// UnsupportedOperationType returns io.UnsupportedOperation.
func UnsupportedOperationType() *Type { return unsupportedOperation }

// newTextStream wraps a Go stream.
func newTextStream(name string, w io.Writer, r io.Reader, fileno int, lineBuffered bool) *TextStream {
	s := &TextStream{ObjectBase: ObjectBase{cls: textStreamType}, name: name, fileno: fileno, lineBuffered: lineBuffered}
	if w != nil {
		s.w = bufio.NewWriterSize(w, 8192)
	}
	if r != nil {
		s.r = bufio.NewReader(r)
	}
	return s
}

// Flush writes out what sys.stdout and sys.stderr hold.
func (in *Interp) Flush() {
	for _, s := range []*TextStream{in.stdout, in.stderr} {
		if s != nil && s.w != nil {
			if len(s.pending) > 0 {
				s.w.Write(s.pending)
				s.pending = nil
			}
			s.w.Flush()
		}
	}
}

func init() {
	onSetup(func() {
		ts := textStreamType
		defMethods(ts,
			MethodDef{Name: "write", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
				if err := oneArg(t, "write", args, kw); err != nil {
					return Null, err
				}
				s, ok := args[0].o.(*Str)
				if !ok {
					return Null, t.typeErrorf("write() argument must be str, not %s", typeName(args[0]))
				}
				if err := self.o.(*TextStream).write(t, s.s); err != nil {
					return Null, err
				}
				return Int(int64(s.n)), nil
			}},
			MethodDef{Name: "flush", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
				return None, self.o.(*TextStream).flush(t)
			}},
		)
		defMethods(ts, textStreamMethods()...)
		ts.Repr = func(t *Thread, v Value) (Value, error) {
			s := v.o.(*TextStream)
			mode := "w"
			if s.r != nil {
				mode = "r"
			}
			return NewStrValue("<_io.TextIOWrapper name='" + s.name + "' mode='" + mode + "' encoding='utf-8'>"), nil
		}
	})
}

// setupSys makes the sys module.
func (in *Interp) setupSys() {
	m := NewModule("sys")
	in.Sys = m
	d := m.dict
	in.stdout = newTextStream("<stdout>", in.Stdout, nil, 1, false)
	in.stderr = newTextStream("<stderr>", in.Stderr, nil, 2, true)
	in.stdin = newTextStream("<stdin>", nil, in.Stdin, 0, false)
	if unbufferedStreams() {
		// python -u (PYTHONUNBUFFERED): text is written through to raw
		// streams.
		in.stdout.writeThrough = true
		in.stderr.writeThrough = true
	}
	for _, p := range [][2]string{{"stdout", ""}, {"stderr", ""}, {"stdin", ""}} {
		_ = p
	}
	d.SetStr("stdout", Value{o: in.stdout})
	d.SetStr("stderr", Value{o: in.stderr})
	d.SetStr("stdin", Value{o: in.stdin})
	d.SetStr("__stdout__", Value{o: in.stdout})
	d.SetStr("__stderr__", Value{o: in.stderr})
	d.SetStr("__stdin__", Value{o: in.stdin})
	d.SetStr("modules", Value{o: in.Modules})
	d.SetStr("maxsize", Int(math.MaxInt64))
	d.SetStr("byteorder", NewStrValue("little"))
	d.SetStr("platform", NewStrValue(runtime.GOOS))
	// In CPython's shape, "version (build) [compiler]", which platform
	// parses (python_implementation, python_build, python_compiler).
	d.SetStr("version", NewStrValue("3.13.0 (peephole) [Go]"))
	d.SetStr("hexversion", Int(0x030d00f0))
	d.SetStr("version_info", Value{o: NewTuple(Int(3), Int(13), Int(0), NewStrValue("final"), Int(0))})
	d.SetStr("dont_write_bytecode", True)
	d.SetStr("executable", NewStrValue(""))
	d.SetStr("builtin_module_names", Value{o: NewTuple(strValues(append([]string{"builtins", "sys"}, NativeModuleNames()...))...)})
	m.AddFunc("exit", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := checkPositional(t, "exit", args, kw, 0, 1); err != nil {
			return Null, err
		}
		return Null, NewException(SystemExitType, args...)
	})
	m.AddFunc("getrecursionlimit", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return Int(int64(t.interp.recursionLimit)), nil
	})
	m.AddFunc("setrecursionlimit", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := oneArg(t, "setrecursionlimit", args, kw); err != nil {
			return Null, err
		}
		if args[0].IsFloat() {
			return Null, t.typeErrorf("'float' object cannot be interpreted as an integer")
		}
		n, err := AsSize(t, args[0], OverflowErrorType)
		if err != nil {
			return Null, err
		}
		if n < 1 {
			return Null, t.valueErrorf("recursion limit must be greater or equal than 1")
		}
		if n <= t.depth {
			return Null, t.raisef(RecursionErrorType, "cannot set the recursion limit to %d at the recursion depth %d: the limit is too low", n, t.depth)
		}
		t.interp.recursionLimit = min(n, maxRecursionLimit)
		return None, nil
	})
	m.AddFunc("exception", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return noneIfNull(t.handled), nil
	})
	m.AddFunc("exc_info", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if t.handled.IsNull() || t.handled.IsNone() {
			return Value{o: NewTuple(None, None, None)}, nil
		}
		e := t.handled.o.(*Exception)
		var tb Value = None
		if e.Traceback != nil {
			tb = Value{o: e.Traceback}
		}
		return Value{o: NewTuple(Value{o: e.cls}, t.handled, tb)}, nil
	})
	m.AddFunc("intern", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := oneArg(t, "intern", args, kw); err != nil {
			return Null, err
		}
		s, ok := args[0].o.(*Str)
		if !ok || s.cls != StrType {
			return Null, t.typeErrorf("intern() argument must be str, not %s", typeName(args[0]))
		}
		return Value{o: Intern(s.s)}, nil
	})
	m.AddFunc("displayhook", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := oneArg(t, "displayhook", args, kw); err != nil {
			return Null, err
		}
		v := args[0]
		if v.IsNone() {
			return None, nil
		}
		t.interp.Builtins.dict.SetStr("_", None)
		r, err := Repr(t, v)
		if err != nil {
			return Null, err
		}
		// The text goes to the current sys.stdout (doctest replaces it).
		out, ok := t.interp.Sys.dict.GetStr("stdout")
		if !ok || out.IsNone() {
			return Null, t.raise(RuntimeErrorType, "lost sys.stdout")
		}
		if w, ok := out.o.(*TextStream); ok {
			if err := w.write(t, r.s+"\n"); err != nil {
				return Null, err
			}
		} else {
			write, err := GetAttrString(t, out, "write")
			if err != nil {
				return Null, err
			}
			for _, text := range []Value{{o: r}, NewStrValue("\n")} {
				if _, err := t.Call(write, []Value{text}, nil); err != nil {
					return Null, err
				}
			}
		}
		t.interp.Builtins.dict.SetStr("_", v)
		return None, nil
	})
	m.AddFunc("get_int_max_str_digits", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return Int(int64(t.interp.maxStrDigits)), nil
	})
	m.AddFunc("set_int_max_str_digits", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if len(args) != 1 {
			return Null, t.typeErrorf("set_int_max_str_digits() takes exactly one argument (%d given)", len(args))
		}
		n, err := AsSize(t, args[0], OverflowErrorType)
		if err != nil {
			return Null, err
		}
		if n != 0 && n < 640 {
			return Null, t.valueErrorf("maxdigits must be 0 or larger than 640")
		}
		t.interp.maxStrDigits = n
		return None, nil
	})
	d.SetStr("argv", Value{o: strList(in.Argv)})
	d.SetStr("path", Value{o: strList(in.Path)})
	for _, setup := range sysSetups {
		setup(in, m)
	}
	in.Modules.SetStr("sys", Value{o: m})
}

// sysSetups are functions that add to the sys module of each new
// interpreter, registered by the files that own those parts of sys.
var sysSetups []func(in *Interp, m *Module)

// maxRecursionLimit caps sys.setrecursionlimit so that deep Python
// recursion can never exhaust the Go stack.
const maxRecursionLimit = 100000

func strValues(ss []string) []Value {
	out := make([]Value, len(ss))
	for i, s := range ss {
		out[i] = NewStrValue(s)
	}
	return out
}
