package vm

import (
	"github.com/peephole-lsp/peephole/compiler"
)

// Frame objects as Python code sees them (tb_frame, sys._getframe()):
// f_code, f_lineno, f_lasti, f_globals, f_builtins, f_back and f_locals.
// For a module or class body f_locals is the namespace itself; for a
// function it is a snapshot dict of the bound fast locals, cells and
// free variables (CPython 3.13 returns a write-through proxy; writing to
// the snapshot does not change the frame).

// frameLocal returns the value of a local variable of a frame.
func frameLocal(f *Frame, name string) (Value, bool) {
	if f.code.flags&compiler.CoOptimized == 0 {
		if d, ok := f.locals.o.(*Dict); ok {
			return d.GetStr(name)
		}
		return Null, false
	}
	for i, n := range f.code.localsplusNames {
		if n.s == name {
			v := frameSlotValue(f, i)
			return v, !v.IsNull()
		}
	}
	return Null, false
}

// frameSlotValue is the value of fast slot i, through its cell for cell
// and free variables.
func frameSlotValue(f *Frame, i int) Value {
	if i >= len(f.fast) {
		return Null
	}
	v := f.fast[i]
	if f.code.kinds[i]&(compiler.FastCell|compiler.FastFree) != 0 {
		if c, ok := v.o.(*Cell); ok {
			return c.v
		}
	}
	return v
}

// frameLocalNames is list(frame.f_locals): the names of the bound
// variables, in co_localsplusnames order for a function.
func frameLocalNames(t *Thread, f *Frame) []string {
	if f.code.flags&compiler.CoOptimized == 0 {
		if d, ok := f.locals.o.(*Dict); ok {
			return dictStrKeys(d)
		}
		if f.locals.IsNull() {
			return nil
		}
		keys, err := t.collectIterable(f.locals, nil)
		if err != nil {
			return nil
		}
		var out []string
		for _, k := range keys {
			if s, ok := k.o.(*Str); ok {
				out = append(out, s.s)
			}
		}
		return out
	}
	var out []string
	for i, n := range f.code.localsplusNames {
		if f.code.kinds[i]&compiler.FastHidden != 0 {
			continue
		}
		if !frameSlotValue(f, i).IsNull() {
			out = append(out, n.s)
		}
	}
	return out
}

// frameLocalsValue is f_locals.
func frameLocalsValue(f *Frame) Value {
	if f.code.flags&compiler.CoOptimized == 0 {
		if f.locals.IsNull() {
			return Value{o: f.globals}
		}
		return f.locals
	}
	d := NewDict()
	for i, n := range f.code.localsplusNames {
		if f.code.kinds[i]&compiler.FastHidden != 0 {
			continue
		}
		if v := frameSlotValue(f, i); !v.IsNull() {
			d.setStr(n, v)
		}
	}
	return Value{o: d}
}

func init() {
	onSetup(setupFrameObjects)
}

func setupFrameObjects() {
	ft := FrameType
	frame := func(v Value) *Frame { return v.o.(*Frame) }
	defMember(ft, "f_code", func(t *Thread, self Value) (Value, error) { return Value{o: frame(self).code}, nil })
	defMember(ft, "f_globals", func(t *Thread, self Value) (Value, error) { return Value{o: frame(self).globals}, nil })
	defMember(ft, "f_builtins", func(t *Thread, self Value) (Value, error) {
		if b := frame(self).builtins; b != nil {
			return Value{o: b}, nil
		}
		return Value{o: NewDict()}, nil
	})
	defMember(ft, "f_locals", func(t *Thread, self Value) (Value, error) { return frameLocalsValue(frame(self)), nil })
	defMember(ft, "f_lasti", func(t *Thread, self Value) (Value, error) { return Int(int64(2 * frame(self).lasti)), nil })
	defMember(ft, "f_back", func(t *Thread, self Value) (Value, error) {
		if b := frame(self).back; b != nil {
			return Value{o: b}, nil
		}
		return None, nil
	})
	defGetSet(ft, "f_lineno", func(t *Thread, self Value) (Value, error) {
		if l := frame(self).Line(); l >= 0 {
			return Int(int64(l)), nil
		}
		return None, nil
	}, nil)
	defGetSet(ft, "f_trace", func(t *Thread, self Value) (Value, error) { return None, nil },
		func(t *Thread, self, v Value) error { return nil })
	defMethods(ft, MethodDef{Name: "clear", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := noArgs(t, "clear", args, kw); err != nil {
			return Null, err
		}
		f := frame(self)
		if !f.done && f.gen == nil {
			return Null, t.raise(RuntimeErrorType, "cannot clear an executing frame")
		}
		if f.gen != nil && !f.done {
			return Null, t.raise(RuntimeErrorType, "cannot clear a suspended frame")
		}
		for i := range f.fast {
			f.fast[i] = Null
		}
		return None, nil
	}})
	ft.Repr = func(t *Thread, v Value) (Value, error) {
		f := frame(v)
		return NewStrValue("<frame at " + hexID(v) + ", file " + reprString(f.code.filename.s) + ", line " + itoa(f.Line()) + ", code " + f.code.name.s + ">"), nil
	}

	// The code attributes a traceback needs.
	ct := CodeType
	code := func(v Value) *Code { return v.o.(*Code) }
	setIfAbsent := func(name string, get func(t *Thread, self Value) (Value, error)) {
		if _, ok := ct.Dict.GetStr(name); !ok {
			defMember(ct, name, get)
		}
	}
	setIfAbsent("co_name", func(t *Thread, self Value) (Value, error) { return Value{o: code(self).name}, nil })
	setIfAbsent("co_qualname", func(t *Thread, self Value) (Value, error) { return Value{o: code(self).qualname}, nil })
	setIfAbsent("co_filename", func(t *Thread, self Value) (Value, error) { return Value{o: code(self).filename}, nil })
	setIfAbsent("co_firstlineno", func(t *Thread, self Value) (Value, error) { return Int(int64(code(self).co.FirstLineno)), nil })
}
