package vm

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/peephole-lsp/peephole/compiler"
)

// Tracing: a hook called for each instruction a thread executes, with the
// frame (its code, position and value stack) after the instruction, and
// a text tracer that prints one line per instruction (`peephole trace`).
//
// The hook costs nothing when it is off: the interpreter loop tests
// t.tracer against nil after each instruction (one well-predicted branch)
// and at the instructions that leave a frame. While the hook runs, the
// thread's tracer is off, so a hook that runs Python code (a repr) does
// not trace itself.

// TraceKind says what a trace event reports.
type TraceKind int

// The trace events.
const (
	// TraceStep: an instruction completed and its frame goes on; the
	// frame's value stack is the one after the instruction.
	TraceStep TraceKind = iota
	// TraceReturn: the instruction (RETURN_VALUE, RETURN_CONST,
	// RETURN_GENERATOR) ended the frame, returning Value.
	TraceReturn
	// TraceYield: YIELD_VALUE suspended the frame, yielding Value.
	TraceYield
	// TraceRaise: the instruction raised (or re-raised) Err; the frame
	// looks for a handler next. The stack is the one it raised with.
	TraceRaise
)

// TraceEvent is one event of a traced run.
type TraceEvent struct {
	Kind  TraceKind
	Frame *Frame
	// Offset is the byte offset of the instruction in co_code (that of
	// its opcode, after any EXTENDED_ARG), as dis shows it.
	Offset int
	// Value is the value returned or yielded; Err the exception raised.
	Value Value
	Err   error
}

// TraceFunc receives the events of a traced thread.
type TraceFunc func(t *Thread, ev *TraceEvent)

// SetTrace sets the function called for each instruction the thread
// executes (nil turns tracing off).
func (t *Thread) SetTrace(fn TraceFunc) { t.tracer = fn }

// traceEvent reports an event of frame f, at its instruction f.lasti,
// to the thread's tracer.
func (t *Thread) traceEvent(f *Frame, kind TraceKind, v Value, err error) {
	t.traceAt(f, f.lasti, kind, v, err)
}

// traceRaise reports that the instruction of f at unit reraiseAt (a
// RERAISE, which moved f.lasti to the instruction that first raised) or
// else at f.lasti raised err.
func (t *Thread) traceRaise(f *Frame, reraiseAt int, err error) {
	if _, abort := err.(*Abort); abort {
		return
	}
	at := f.lasti
	if reraiseAt >= 0 {
		at = reraiseAt
	}
	t.traceAt(f, at, TraceRaise, Null, err)
}

func (t *Thread) traceAt(f *Frame, i int, kind TraceKind, v Value, err error) {
	fn := t.tracer
	if fn == nil {
		return
	}
	code := f.code.code
	for 2*i+1 < len(code) && compiler.Opcode(code[2*i]) == compiler.EXTENDED_ARG {
		i++
	}
	ev := TraceEvent{Kind: kind, Frame: f, Offset: 2 * i, Value: v, Err: err}
	if kind == TraceRaise {
		// The line shown is the raising instruction's.
		saved := f.lasti
		f.lasti = i
		defer func() { f.lasti = saved }()
	}
	t.tracer = nil
	defer func() { t.tracer = fn }()
	fn(t, &ev)
}

// Stack returns the frame's value stack, bottom first. The slice is the
// frame's own: read it, do not keep it.
func (f *Frame) Stack() []Value { return f.stack[:f.sp] }

// Locals returns the value of the fast local, cell or free variable
// named name (the contents of a cell), or NULL when it is unbound or
// not a variable of the frame.
func (f *Frame) Locals(name string) Value {
	for i, n := range f.code.localsplusNames {
		if n.s == name {
			v := f.fast[i]
			if c, ok := v.o.(*Cell); ok && f.code.kinds[i]&(compiler.FastCell|compiler.FastFree) != 0 {
				return c.v
			}
			return v
		}
	}
	return Null
}

// Qualname returns co_qualname.
func (c *Code) Qualname() string { return c.qualname.s }

// TextTracer prints a traced run, one line per event, as `peephole trace`
// does:
//
//	add_nums    12  BINARY_OP               0 (+)            line 4    Stack: [10, 20]
//
// the code object's qualified name, the instruction's offset, opname,
// argument and its meaning (dis's argrepr), the line, and the value stack
// after the instruction. A store adds the binding it made (`x = 10`), a
// return or yield the value that leaves the frame, a raise the
// exception. Values are shown without running Python code: builtin
// values by their repr (shortened past maxReprLen), instances of classes
// as <C object>.
type TextTracer struct {
	w io.Writer
	// flush writes out the program's buffered output first, so that it
	// comes out in order with the trace when both go to one stream.
	flush  func()
	instrs map[*compiler.Code]map[int]compiler.Instruction
	buf    []byte
}

// NewTextTracer returns a tracer printing to w. flush, when not nil, is
// called before each line (to write out the program's own output first).
func NewTextTracer(w io.Writer, flush func()) *TextTracer {
	return &TextTracer{w: w, flush: flush, instrs: map[*compiler.Code]map[int]compiler.Instruction{}}
}

// Func returns the tracer as a TraceFunc.
func (tt *TextTracer) Func() TraceFunc { return tt.event }

// maxReprLen bounds the text of one value in a trace line.
const maxReprLen = 60

func (tt *TextTracer) event(t *Thread, ev *TraceEvent) {
	f := ev.Frame
	co := f.code.co
	table := tt.instrs[co]
	if table == nil {
		table = map[int]compiler.Instruction{}
		for _, in := range co.Instructions() {
			table[in.Offset] = in
		}
		tt.instrs[co] = table
	}
	in := table[ev.Offset]
	b := tt.buf[:0]
	b = append(b, f.code.qualname.s...)
	b = pad(b, 12)
	b = append(b, ' ')
	b = appendRight(b, strconv.Itoa(ev.Offset), 4)
	b = append(b, "  "...)
	start := len(b)
	b = append(b, in.Op.String()...)
	b = padFrom(b, start, 22)
	b = append(b, ' ')
	start = len(b)
	if in.HasArg {
		b = appendRight(b, strconv.Itoa(in.Arg), 3)
		if r := in.ArgRepr; r != "" {
			// A code object's repr ends with its address and file.
			if strings.HasPrefix(r, "<code object ") {
				if i := strings.Index(r, " at 0x"); i > 0 {
					r = r[:i] + ">"
				}
			}
			b = append(b, " ("...)
			b = append(b, shorten(r, 40)...)
			b = append(b, ')')
		}
	}
	b = padFrom(b, start, 20)
	b = append(b, "  line "...)
	start = len(b)
	if line := f.code.position(f.lasti).Line; line >= 0 {
		b = strconv.AppendInt(b, int64(line), 10)
	} else {
		b = append(b, '-')
	}
	b = padFrom(b, start, 4)
	b = append(b, "  Stack: ["...)
	for i, v := range f.Stack() {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = append(b, traceRepr(t, v, 0)...)
	}
	b = append(b, ']')
	switch ev.Kind {
	case TraceStep:
		b = tt.appendStores(b, t, f, in)
	case TraceReturn:
		b = append(b, "  -> returns "...)
		b = append(b, traceRepr(t, ev.Value, 0)...)
	case TraceYield:
		b = append(b, "  -> yields "...)
		b = append(b, traceRepr(t, ev.Value, 0)...)
	case TraceRaise:
		b = append(b, "  !! raises "...)
		b = append(b, traceException(t, ev.Err)...)
	}
	b = append(b, '\n')
	tt.buf = b
	if tt.flush != nil {
		tt.flush()
	}
	tt.w.Write(b)
}

// appendStores adds the bindings a store instruction made.
func (tt *TextTracer) appendStores(b []byte, t *Thread, f *Frame, in compiler.Instruction) []byte {
	binding := func(name string, v Value) {
		if v.IsNull() {
			return
		}
		b = append(b, "  "...)
		b = append(b, name...)
		b = append(b, " = "...)
		b = append(b, traceRepr(t, v, 0)...)
	}
	fast := func(i int) {
		if i >= 0 && i < len(f.code.localsplusNames) {
			binding(f.code.localsplusNames[i].s, f.fast[i])
		}
	}
	switch in.Op {
	case compiler.STORE_FAST:
		fast(in.Arg)
	case compiler.STORE_FAST_LOAD_FAST:
		fast(in.Arg >> 4)
	case compiler.STORE_FAST_STORE_FAST:
		fast(in.Arg >> 4)
		fast(in.Arg & 15)
	case compiler.STORE_DEREF:
		if in.Arg >= 0 && in.Arg < len(f.fast) {
			if c, ok := f.fast[in.Arg].o.(*Cell); ok {
				binding(f.code.localsplusNames[in.Arg].s, c.v)
			}
		}
	case compiler.STORE_NAME:
		if d, ok := f.locals.o.(*Dict); ok && in.Arg < len(f.code.names) {
			v, _ := d.getStr(f.code.names[in.Arg])
			binding(f.code.names[in.Arg].s, v)
		}
	case compiler.STORE_GLOBAL:
		if in.Arg < len(f.code.names) {
			v, _ := f.globals.getStr(f.code.names[in.Arg])
			binding(f.code.names[in.Arg].s, v)
		}
	}
	return b
}

// pad pads b with spaces to n bytes.
func pad(b []byte, n int) []byte { return padFrom(b, 0, n) }

// padFrom pads b with spaces so that b[start:] is at least n bytes.
func padFrom(b []byte, start, n int) []byte {
	for len(b)-start < n {
		b = append(b, ' ')
	}
	return b
}

// appendRight appends s right-aligned in n bytes.
func appendRight(b []byte, s string, n int) []byte {
	for i := len(s); i < n; i++ {
		b = append(b, ' ')
	}
	return append(b, s...)
}

// shorten cuts s to about n characters, marking the cut with "...".
func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n - 3
	for cut > 0 && s[cut]&0xC0 == 0x80 {
		cut--
	}
	return s[:cut] + "..."
}

// traceScalars are the builtin types whose repr runs no Python code and
// is short enough to show.
var traceScalars map[*Type]bool

func init() {
	onSetup(func() {
		traceScalars = map[*Type]bool{
			IntType: true, BoolType: true, FloatType: true, ComplexType: true, StrType: true,
			BytesType: true, RangeType: true, SliceType: true,
		}
	})
}

// traceRepr shows a value in a trace without running Python code.
func traceRepr(t *Thread, v Value, depth int) string {
	if v.IsNull() {
		return "NULL"
	}
	switch v.o {
	case Object(NoneObject):
		return "None"
	}
	tp := v.Type()
	switch tp {
	case EllipsisTypeType:
		return "Ellipsis"
	case NotImplementedTType:
		return "NotImplemented"
	}
	if traceScalars[tp] {
		if s, ok := v.o.(*Str); ok && len(s.s) > 4*maxReprLen {
			v = NewStrValue(s.s[:4*maxReprLen])
		}
		if r, err := Repr(t, v); err == nil {
			return shorten(r.s, maxReprLen)
		}
		return "<" + tp.Name + ">"
	}
	if depth >= 3 {
		switch v.o.(type) {
		case *List:
			return "[...]"
		case *Tuple:
			return "(...)"
		case *Dict, *Set, *FrozenSet:
			return "{...}"
		}
	}
	items := func(open, close string, vals []Value, n int) string {
		var sb strings.Builder
		sb.WriteString(open)
		for i, x := range vals {
			if i > 0 {
				sb.WriteString(", ")
			}
			if i == 8 || sb.Len() > maxReprLen {
				sb.WriteString("...")
				break
			}
			sb.WriteString(traceRepr(t, x, depth+1))
		}
		if n == 1 && close == ")" {
			sb.WriteString(",")
		}
		sb.WriteString(close)
		return sb.String()
	}
	switch x := v.o.(type) {
	case *List:
		if tp == ListType {
			return items("[", "]", x.items, len(x.items))
		}
	case *Tuple:
		if tp == TupleType {
			return items("(", ")", x.items, len(x.items))
		}
	case *Set:
		if tp == SetType {
			if x.Len() == 0 {
				return "set()"
			}
			return items("{", "}", x.elems(), x.Len())
		}
	case *FrozenSet:
		if tp == FrozenSetType {
			return items("frozenset({", "})", x.elems(), x.Len())
		}
	case *Dict:
		if tp == DictType {
			var sb strings.Builder
			sb.WriteByte('{')
			i := 0
			x.Items(func(k, val Value) bool {
				if i > 0 {
					sb.WriteString(", ")
				}
				if i == 8 || sb.Len() > maxReprLen {
					sb.WriteString("...")
					return false
				}
				sb.WriteString(traceRepr(t, k, depth+1))
				sb.WriteString(": ")
				sb.WriteString(traceRepr(t, val, depth+1))
				i++
				return true
			})
			sb.WriteByte('}')
			return sb.String()
		}
	case *Function:
		return "<function " + x.qualname.s + ">"
	case *Method:
		return "<bound method " + strings.TrimPrefix(strings.TrimSuffix(traceRepr(t, x.fn, depth+1), ">"), "<function ") + ">"
	case *Builtin:
		return "<built-in function " + x.name + ">"
	case *Type:
		return "<class '" + x.fullName() + "'>"
	case *Code:
		return "<code object " + x.name.s + ">"
	case *Module:
		if n, ok := x.dict.GetStr("__name__"); ok {
			if s, ok := n.o.(*Str); ok {
				return "<module '" + s.s + "'>"
			}
		}
	case *Generator:
		return "<" + tp.Name + " object " + x.qualname.s + ">"
	case *Cell:
		return "<cell: " + traceRepr(t, x.v, depth+1) + ">"
	case *Exception:
		if x.Args != nil {
			return tp.Name + items("(", ")", x.Args.items, 0)
		}
		return tp.Name + "()"
	}
	return "<" + tp.Name + " object>"
}

// traceException shows an exception as the last line of a traceback
// does, without running Python code.
func traceException(t *Thread, err error) string {
	e := asException(err)
	if e == nil {
		return err.Error()
	}
	name := e.cls.Name
	if e.Args == nil || len(e.Args.items) == 0 {
		return name
	}
	if len(e.Args.items) == 1 {
		if s, ok := e.Args.items[0].o.(*Str); ok {
			return name + ": " + shorten(s.s, 2*maxReprLen)
		}
		return name + ": " + traceRepr(t, e.Args.items[0], 0)
	}
	return name + ": " + traceRepr(t, Value{o: e.Args}, 0)
}

// String returns the name of a trace event kind.
func (k TraceKind) String() string {
	switch k {
	case TraceStep:
		return "step"
	case TraceReturn:
		return "return"
	case TraceYield:
		return "yield"
	case TraceRaise:
		return "raise"
	}
	return fmt.Sprintf("TraceKind(%d)", int(k))
}
