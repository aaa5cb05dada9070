package vm

import (
	"math"

	c "github.com/peephole-lsp/peephole/compiler"
)

// This file is the interpreter loop (CPython's _PyEval_EvalFrameDefault
// and Python/bytecodes.c): it runs a frame's instructions until the frame
// returns, yields (in a generator) or raises.
//
// Errors follow CPython's two paths: an instruction that fails goes to
// `raised`, which adds the frame to the exception's traceback and then
// unwinds; RERAISE and a bare `raise` go straight to `unwind`, which looks
// the failing instruction up in the exception table: the handler found
// gets the stack cut to its depth, the offset of the failing instruction
// when it asked for it, and the exception; without a handler the frame
// ends with the error.

// frameResult says how run left a frame.
type frameResult int

const (
	frameReturned frameResult = iota
	frameYielded
)

// run runs f from f.ip. It returns the value returned or yielded and how
// the frame was left, or the error it raised.
func (t *Thread) run(f *Frame) (Value, frameResult, error) {
	f.back = t.frame
	t.frame = f
	v, how, err := t.eval(f)
	t.frame = f.back
	return v, how, err
}

// eval is run's loop.
func (t *Thread) eval(f *Frame) (Value, frameResult, error) {
	// entry is the frame eval was called for; the others it runs are
	// calls made inline (evalcall.go).
	entry := f
	f.code.decoded()
	// t.checkEvery counts down to the next check of the limits (cancel,
	// time, steps); the first RESUME of every frame checks.
	t.checkEvery = 0

	// The loop keeps as few variables as it can across instructions (the
	// code object, its constants and names, the locals are loaded from
	// the frame by each instruction): Go's register allocator spills every
	// variable live around the loop at each iteration.
	for {
		co := f.code
		var op c.Opcode
		var ip, arg, at int
		var err error
		// reraiseAt is the instruction from which a RERAISE's handler is
		// looked up (it may differ from f.lasti), or -1.
		reraiseAt := -1
		if f.throwing != nil {
			// A generator resumed by throw() starts by raising at its
			// yield.
			err, f.throwing = f.throwing, nil
			goto raised
		}
		ip = f.ip
		f.lasti = ip
		op, arg = co.dec[ip].op, int(co.dec[ip].arg)
		f.ip = int(co.dec[ip].next)

		switch op {
		case c.NOP, c.RESUME, c.CACHE:
			if op == c.RESUME {
				t.checkEvery--
				if t.checkEvery <= 0 {
					t.checkEvery = 64
					if err = t.checkLimits(); err != nil {
						goto raised
					}
				}
			}

		case c.LOAD_CONST:
			f.push(co.consts[arg])
		case c.LOAD_FAST:
			f.push(f.fast[arg])
		case c.LOAD_FAST_CHECK:
			v := f.fast[arg]
			if v.IsNull() {
				err = t.unboundLocal(co, arg)
				goto raised
			}
			f.push(v)
		case c.LOAD_FAST_AND_CLEAR:
			f.push(f.fast[arg])
			f.fast[arg] = Null
		case c.LOAD_FAST_LOAD_FAST:
			f.push(f.fast[arg>>4])
			f.push(f.fast[arg&15])
		case c.STORE_FAST:
			if finLive.Load() != 0 {
				t.finStoreFast(f.fast, arg, f.pop())
				break
			}
			f.fast[arg] = f.pop()
		case c.STORE_FAST_LOAD_FAST:
			if finLive.Load() != 0 {
				t.finStoreFast(f.fast, arg>>4, f.pop())
			} else {
				f.fast[arg>>4] = f.pop()
			}
			f.push(f.fast[arg&15])
		case c.STORE_FAST_STORE_FAST:
			if finLive.Load() != 0 {
				t.finStoreFast(f.fast, arg>>4, f.pop())
				t.finStoreFast(f.fast, arg&15, f.pop())
				break
			}
			f.fast[arg>>4] = f.pop()
			f.fast[arg&15] = f.pop()
		case c.POP_TOP:
			v := f.pop()
			if f.ownsGens {
				t.dropOwned(v)
			}
			if finLive.Load() != 0 {
				t.finDrop(v)
			}
		case c.PUSH_NULL:
			f.push(Null)
		case c.COPY:
			f.push(f.peek(arg))
		case c.SWAP:
			i, j := f.sp-1, f.sp-arg
			f.stack[i], f.stack[j] = f.stack[j], f.stack[i]
		case c.END_FOR:
			f.pop()
		case c.LOAD_NAME:
			var v Value
			v, err = t.loadName(f, co.names[arg])
			if err != nil {
				goto raised
			}
			f.push(v)
		case c.STORE_NAME:
			v := f.pop()
			if f.locals.IsNull() {
				err = t.raisef(SystemErrorType, "no locals found when storing '%s'", co.names[arg].s)
				goto raised
			}
			if finLive.Load() != 0 {
				if err = t.finStoreName(f, co.names[arg], v); err != nil {
					goto raised
				}
				break
			}
			if d, ok := f.locals.o.(*Dict); ok && d.cls == DictType {
				d.setStr(co.names[arg], v)
			} else if err = SetItem(t, f.locals, Value{o: co.names[arg]}, v); err != nil {
				goto raised
			}
		case c.LOAD_GLOBAL:
			var v Value
			v, err = t.loadGlobalCached(f, ip, co.names[arg>>1])
			if err != nil {
				goto raised
			}
			f.push(v)
			if arg&1 != 0 {
				f.push(Null)
			}
		case c.STORE_GLOBAL:
			if finLive.Load() != 0 {
				_ = t.finStoreGlobal(f, co.names[arg], f.pop())
				break
			}
			f.globals.setStr(co.names[arg], f.pop())
		case c.MAKE_CELL:
			f.fast[arg] = Value{o: NewCell(f.fast[arg])}
		case c.COPY_FREE_VARS:
			if f.fn != nil && f.fn.closure != nil {
				n := co.nlocalsplus - arg
				copy(f.fast[n:], f.fn.closure.items)
			}
		case c.LOAD_DEREF:
			cell := f.fast[arg].o.(*Cell)
			if cell.v.IsNull() {
				err = t.unboundDeref(co, arg)
				goto raised
			}
			f.push(cell.v)
		case c.STORE_DEREF:
			if finLive.Load() != 0 {
				t.finStoreDeref(f.fast[arg].o.(*Cell), f.pop())
				break
			}
			f.fast[arg].o.(*Cell).v = f.pop()
		case c.LOAD_ATTR:
			owner := f.pop()
			name := co.names[arg>>1]
			if arg&1 != 0 {
				var meth, self Value
				meth, self, err = t.getMethodCached(co, f.lasti, owner, name)
				if err != nil {
					goto raised
				}
				f.push(meth)
				f.push(self)
			} else {
				var v Value
				v, err = t.getAttrCached(co, f.lasti, owner, name)
				if err != nil {
					goto raised
				}
				f.push(v)
			}
		case c.STORE_ATTR:
			owner := f.pop()
			v := f.pop()
			if finLive.Load() != 0 {
				err = t.finSetAttr(co, f.lasti, owner, co.names[arg], v)
			} else {
				err = t.setAttrCached(co, f.lasti, owner, co.names[arg], v)
			}
			if err != nil {
				goto raised
			}
		case c.UNARY_NEGATIVE:
			var v Value
			if v, err = Negative(t, f.top()); err != nil {
				goto raised
			}
			f.stack[f.sp-1] = v
		case c.UNARY_INVERT:
			var v Value
			if v, err = Invert(t, f.top()); err != nil {
				goto raised
			}
			f.stack[f.sp-1] = v
		case c.UNARY_NOT:
			f.stack[f.sp-1] = Bool(!f.top().Is(True))
		case c.TO_BOOL:
			v := f.top()
			var b bool
			if v.IsSmallInt() || v.IsBool() {
				b = v.n != 0
			} else if b, err = Truth(t, v); err != nil {
				goto raised
			}
			if t.tracer == nil {
				if to, ok := jumpOn(co.dec, f.ip, b); ok {
					f.pop()
					f.ip = to
					continue
				}
			}
			f.stack[f.sp-1] = Bool(b)

		case c.BINARY_OP:
			b := f.pop()
			a := f.top()
			var v Value
			if a.IsSmallInt() && b.IsSmallInt() {
				if r, ok := smallIntOp(arg, int64(a.n), int64(b.n)); ok {
					f.stack[f.sp-1] = r
					break
				}
			} else if a.IsFloat() && b.IsFloat() && (arg == 0 || arg == 13 || arg == 10 || arg == 23 || arg == 5 || arg == 18) {
				// float + - * float, without calls.
				x, y := a.FloatVal(), b.FloatVal()
				switch arg {
				case 0, 13:
					x += y
				case 10, 23:
					x -= y
				default:
					x *= y
				}
				f.stack[f.sp-1] = Float(x)
				break
			} else if x, y, ok := fastFloatOperands(a, b); ok {
				if r, ok := floatOp(arg, x, y); ok {
					f.stack[f.sp-1] = r
					break
				}
			}
			if v, err = BinaryOpArg(t, a, b, arg); err != nil {
				goto raised
			}
			f.stack[f.sp-1] = v
		case c.BINARY_SUBSCR:
			key := f.pop()
			container := f.top()
			var v Value
			if key.IsSmallInt() {
				// list[i] and tuple[i], the commonest subscripts.
				i := int(int64(key.n))
				switch x := container.o.(type) {
				case *List:
					if x.cls == ListType {
						if i < 0 {
							i += len(x.items)
						}
						if uint(i) < uint(len(x.items)) {
							f.stack[f.sp-1] = x.items[i]
							goto dispatched
						}
					}
				case *Tuple:
					if x.cls == TupleType {
						if i < 0 {
							i += len(x.items)
						}
						if uint(i) < uint(len(x.items)) {
							f.stack[f.sp-1] = x.items[i]
							goto dispatched
						}
					}
				}
			} else if r, ok := listSliceFast(container, key); ok {
				f.stack[f.sp-1] = r
				goto dispatched
			}
			if v, err = GetItem(t, container, key); err != nil {
				goto raised
			}
			f.stack[f.sp-1] = v
		case c.STORE_SUBSCR:
			key := f.pop()
			container := f.pop()
			v := f.pop()
			if finLive.Load() != 0 {
				if err = t.finSetItem(container, key, v); err != nil {
					goto raised
				}
				break
			}
			if l, ok := container.o.(*List); ok && key.IsSmallInt() && l.cls == ListType {
				i := int(int64(key.n))
				if i < 0 {
					i += len(l.items)
				}
				if uint(i) < uint(len(l.items)) {
					l.items[i] = v
					goto dispatched
				}
			}
			if err = SetItem(t, container, key, v); err != nil {
				goto raised
			}
		case c.BINARY_SLICE:
			stop := f.pop()
			start := f.pop()
			container := f.top()
			var v Value
			if l, ok := container.o.(*List); ok && l.cls == ListType {
				if i, j, ok := simpleBounds(start, stop, len(l.items)); ok {
					f.stack[f.sp-1] = Value{o: NewList(append([]Value(nil), l.items[i:j]...)...)}
					goto dispatched
				}
			}
			if v, err = GetItem(t, container, Value{o: NewSlice(start, stop, None)}); err != nil {
				goto raised
			}
			f.stack[f.sp-1] = v
		case c.COMPARE_OP:
			b := f.pop()
			a := f.top()
			cmp := CompareOp(arg >> 5)
			var v Value
			if a.IsSmallInt() && b.IsSmallInt() {
				v = Bool(compareInts(int64(a.n), int64(b.n), cmp))
			} else if x, y, ok := fastFloatOperands(a, b); ok {
				v = Bool(compareFloats(x, y, cmp))
			} else if v, err = RichCompare(t, a, b, cmp); err != nil {
				goto raised
			}
			if arg&16 != 0 && !v.IsBool() {
				var ok bool
				if ok, err = Truth(t, v); err != nil {
					goto raised
				}
				v = Bool(ok)
			}
			if t.tracer == nil && v.IsBool() {
				if to, ok := jumpOn(co.dec, f.ip, v.n != 0); ok {
					f.pop()
					f.ip = to
					continue
				}
			}
			f.stack[f.sp-1] = v
		case c.IS_OP:
			b := f.pop()
			a := f.top()
			f.stack[f.sp-1] = Bool(a.Is(b) != (arg == 1))
		case c.CONTAINS_OP:
			container := f.pop()
			item := f.top()
			var in bool
			if in, err = Contains(t, container, item); err != nil {
				goto raised
			}
			f.stack[f.sp-1] = Bool(in != (arg == 1))

		case c.BUILD_TUPLE:
			items := make([]Value, arg)
			copy(items, f.stack[f.sp-arg:f.sp])
			f.popN(arg)
			f.push(Value{o: NewTuple(items...)})
		case c.BUILD_LIST:
			items := make([]Value, arg)
			copy(items, f.stack[f.sp-arg:f.sp])
			f.popN(arg)
			f.push(Value{o: NewList(items...)})
		case c.BUILD_STRING:
			var s *Str
			if s, err = joinStrs(t, f.stack[f.sp-arg:f.sp]); err != nil {
				goto raised
			}
			f.popN(arg)
			f.push(Value{o: s})
		case c.LIST_APPEND:
			v := f.pop()
			l := f.peek(arg).o.(*List)
			l.items = append(l.items, v)
		case c.UNPACK_SEQUENCE:
			seq := f.pop()
			var items []Value
			if items = exactSeqItems(seq); len(items) == arg && arg > 0 {
				// A tuple or list of the right length: its items, the
				// first on top.
				for i := arg - 1; i >= 0; i-- {
					f.push(items[i])
				}
				break
			}
			if items, err = t.unpack(seq, arg, -1); err != nil {
				goto raised
			}
			// unpack returns the items in stack order.
			for _, v := range items {
				f.push(v)
			}
		case c.GET_ITER:
			var it Value
			if it, err = Iter(t, f.top()); err != nil {
				goto raised
			}
			f.stack[f.sp-1] = it
			ownByLoop(f, it, f.lasti)
		case c.FOR_ITER:
			var v Value
			if v, err = t.forIterNext(f.top()); err != nil {
				goto raised
			}
			if v.IsNull() {
				f.pop()
				f.ip += arg + 2
				break
			}
			f.push(v)

		case c.JUMP_FORWARD:
			f.ip += arg
		case c.JUMP_BACKWARD:
			f.ip -= arg
			t.checkEvery--
			if t.checkEvery <= 0 {
				t.checkEvery = 64
				if err = t.checkLimits(); err != nil {
					goto raised
				}
			}
		case c.JUMP_BACKWARD_NO_INTERRUPT:
			f.ip -= arg
		case c.POP_JUMP_IF_FALSE:
			if f.pop().Is(False) {
				f.ip += arg
			}
		case c.POP_JUMP_IF_TRUE:
			if f.pop().Is(True) {
				f.ip += arg
			}
		case c.POP_JUMP_IF_NONE:
			if f.pop().IsNone() {
				f.ip += arg
			}
		case c.POP_JUMP_IF_NOT_NONE:
			if !f.pop().IsNone() {
				f.ip += arg
			}

		case c.RETURN_VALUE, c.RETURN_CONST:
			var v Value
			if op == c.RETURN_VALUE {
				v = f.pop()
			} else {
				v = co.consts[arg]
			}
			f.done = true
			if t.tracer != nil {
				t.traceEvent(f, TraceReturn, v, nil)
			}
			if f == entry {
				return v, frameReturned, nil
			}
			// The end of an inline call: the caller's CALL completes.
			f = t.popCall(f)
			f.push(v)
			goto dispatched
		case c.RETURN_GENERATOR:
			// The frame becomes a generator's; the caller gets the
			// generator and the body runs when it is resumed.
			g := newGenerator(t, f)
			if t.tracer != nil {
				t.traceEvent(f, TraceReturn, Value{o: g}, nil)
			}
			return Value{o: g}, frameReturned, nil
		case c.YIELD_VALUE:
			v := f.pop()
			if t.tracer != nil {
				t.traceEvent(f, TraceYield, v, nil)
			}
			return v, frameYielded, nil
		case c.SEND:
			v := f.pop()
			receiver := f.top()
			var r Value
			var done bool
			if r, done, err = t.send(receiver, v); err != nil {
				goto raised
			}
			f.push(r)
			if done {
				f.ip += arg
			}
		case c.CALL:
			args := f.stack[f.sp-arg : f.sp]
			selfOrNull := f.peek(arg + 1)
			callable := f.peek(arg + 2)
			if !selfOrNull.IsNull() {
				args = f.stack[f.sp-arg-1 : f.sp]
			}
			var v Value
			if fn, ok := callable.o.(*Function); ok {
				if fn.code.flags&inlineExcluded == 0 {
					// Run the call in this loop (evalcall.go).
					var nf *Frame
					nf, err = t.pushCall(fn, args)
					f.popN(arg + 2)
					if err != nil {
						goto raised
					}
					f = nf
					t.checkEvery = 0
					continue
				}
				v, err = t.callFunction(fn, args, nil)
			} else {
				v, err = t.Call(callable, args, nil)
			}
			if finLive.Load() != 0 {
				t.finPopCall(f, arg+2)
			} else {
				f.popN(arg + 2)
			}
			if err != nil {
				goto raised
			}
			f.push(v)
		case c.CALL_KW:
			kwn := f.pop().o.(*Tuple)
			args := f.stack[f.sp-arg : f.sp]
			selfOrNull := f.peek(arg + 1)
			callable := f.peek(arg + 2)
			if !selfOrNull.IsNull() {
				args = f.stack[f.sp-arg-1 : f.sp]
			}
			var v Value
			v, err = t.Call(callable, args, strsOf(kwn))
			f.popN(arg + 2)
			if err != nil {
				goto raised
			}
			f.push(v)
		case c.MAKE_FUNCTION:
			code := f.top().o.(*Code)
			f.stack[f.sp-1] = Value{o: newFunction(code, f.globals, f.builtins)}
		case c.RAISE_VARARGS:
			var exc, cause Value
			switch arg {
			case 2:
				cause = f.pop()
				exc = f.pop()
			case 1:
				exc = f.pop()
			}
			if arg == 0 {
				// A bare raise re-raises the exception being handled,
				// without a new traceback entry.
				if t.handled.IsNull() {
					err = t.raise(RuntimeErrorType, "No active exception to reraise")
					goto raised
				}
				err = t.reraiseValue(t.handled)
				goto unwind
			}
			err = t.doRaise(exc, cause)
			goto raised
		case c.RERAISE:
			exc := f.pop()
			// The handler is looked up from this instruction; with an
			// argument, lasti (pushed for the handler) is the original
			// instruction's.
			handlerAt := f.lasti
			if arg != 0 {
				if lv := f.peek(arg); lv.IsSmallInt() {
					f.lasti = int(lv.SmallInt())
				}
			}
			err = t.reraiseValue(exc)
			reraiseAt = handlerAt
			goto unwind
		case c.PUSH_EXC_INFO:
			exc := f.top()
			prev := t.handled
			if prev.IsNull() {
				prev = None
			}
			f.stack[f.sp-1] = prev
			f.push(exc)
			t.handled = exc
		case c.POP_EXCEPT:
			v := f.pop()
			if v.IsNone() {
				v = Null
			}
			t.handled = v
		case c.CHECK_EXC_MATCH:
			match := f.pop()
			exc := f.top()
			if err = t.checkExceptType(match); err != nil {
				goto raised
			}
			f.push(Bool(exceptionMatches(exc, match)))
		case c.FORMAT_SIMPLE:
			v := f.top()
			if s, ok := v.o.(*Str); !ok || s.cls != StrType {
				var r *Str
				if r, err = Format(t, v, emptyStr); err != nil {
					goto raised
				}
				f.stack[f.sp-1] = Value{o: r}
			}
		case c.CONVERT_VALUE:
			var r *Str
			switch arg {
			case 1:
				r, err = StrOf(t, f.top())
			case 2:
				r, err = Repr(t, f.top())
			case 3:
				r, err = ASCII(t, f.top())
			}
			if err != nil {
				goto raised
			}
			f.stack[f.sp-1] = Value{o: r}

		default:
			// The rarer instructions (evalrare.go).
			var unwinding bool
			if unwinding, err = t.evalRare(f, op, arg); err != nil {
				if unwinding {
					goto unwind
				}
				goto raised
			}
		}
	dispatched:
		if t.tracer != nil {
			t.traceEvent(f, TraceStep, Null, nil)
		}
		continue

	raised:
		// An instruction raised: the frame joins the traceback.
		if e := asException(err); e != nil {
			if e.Traceback == nil && e.Context.IsNull() {
				t.setContext(e)
			}
			f.escape()
			e.Traceback = &Traceback{ObjectBase: ObjectBase{cls: TracebackType}, frame: f, lasti: f.lasti, next: e.Traceback}
		}
	unwind:
		if t.tracer != nil {
			t.traceRaise(f, reraiseAt, err)
		}
		if _, ok := err.(*Abort); ok {
			goto unwindAbort
		}
		at = f.lasti
		if reraiseAt >= 0 {
			at, reraiseAt = reraiseAt, -1
		}
		if h, ok := co.handlerFor(at); ok {
			for f.sp > h.depth {
				if v := f.pop(); f.ownsGens {
					t.dropOwned(v)
				}
			}
			if h.lasti {
				f.push(Int(int64(f.lasti)))
			}
			f.push(Value{o: asException(err)})
			f.ip = h.target
			err = nil
			continue
		}
		for f.sp > 0 {
			if v := f.pop(); f.ownsGens {
				t.dropOwned(v)
			}
		}
		f.done = true
		if f != entry {
			goto raisedInline
		}
		return Null, frameReturned, err
	unwindAbort:
		for f.sp > 0 {
			f.pop()
		}
		f.done = true
		if f != entry {
			goto raisedInline
		}
		return Null, frameReturned, err
	raisedInline:
		// An inline call raised: its caller's CALL raises.
		f = t.popCall(f)
		co = f.code
		goto raised
	}
}

// handlerFor finds the exception handler covering the instruction at unit i.
func (co *Code) handlerFor(i int) (excEntry, bool) {
	for _, e := range co.excTable {
		if e.start <= i && i < e.end {
			return e, true
		}
	}
	return excEntry{}, false
}

func (f *Frame) popN(n int) {
	for i := 0; i < n; i++ {
		f.sp--
		f.stack[f.sp] = Value{}
	}
}

// strsOf returns the strs of a tuple of keyword names.
func strsOf(t *Tuple) []*Str {
	out := make([]*Str, len(t.items))
	for i, v := range t.items {
		out[i] = v.o.(*Str)
	}
	return out
}

// smallIntOp does BINARY_OP on two small ints when the result is exact in
// an int64 and the operation is simple; it reports false otherwise.
func smallIntOp(arg int, a, b int64) (Value, bool) {
	switch arg {
	case 0, 13: // +
		s := a + b
		if (s > a) == (b > 0) {
			return Int(s), true
		}
	case 10, 23: // -
		s := a - b
		if (s < a) == (b > 0) {
			return Int(s), true
		}
	case 5, 18: // *
		if a > -(1<<31) && a < 1<<31 && b > -(1<<31) && b < 1<<31 {
			return Int(a * b), true
		}
	case 11, 24: // /
		const exact = 1 << 53
		if b != 0 && a > -exact && a < exact && b > -exact && b < exact {
			return Float(float64(a) / float64(b)), true
		}
	case 1, 14:
		return Int(a & b), true
	case 7, 20:
		return Int(a | b), true
	case 12, 25:
		return Int(a ^ b), true
	case 9, 22: // >>
		if b >= 0 {
			return Int(a >> min(b, 63)), true
		}
	case 3, 16: // <<
		if b >= 0 && b < 63 {
			if r := a << b; r>>b == a {
				return Int(r), true
			}
		}
	case 2, 15: // //
		if b != 0 && !(a == -1<<63 && b == -1) {
			q := a / b
			if (a%b != 0) && ((a < 0) != (b < 0)) {
				q--
			}
			return Int(q), true
		}
	case 6, 19: // %
		if b != 0 && !(a == -1<<63 && b == -1) {
			m := a % b
			if m != 0 && ((m < 0) != (b < 0)) {
				m += b
			}
			return Int(m), true
		}
	}
	return Null, false
}

// fastFloatOperands returns two operands as floats when one is a float and
// the other a float or an int small enough to convert exactly, the cases
// where CPython's float operations and comparisons are plain IEEE ones.
func fastFloatOperands(a, b Value) (float64, float64, bool) {
	const exact = 1 << 53
	var x, y float64
	switch a.kind() {
	case kindFloat:
		x = a.FloatVal()
	case kindInt:
		n := int64(a.n)
		if n <= -exact || n >= exact || !b.IsFloat() {
			return 0, 0, false
		}
		x = float64(n)
	default:
		return 0, 0, false
	}
	switch b.kind() {
	case kindFloat:
		y = b.FloatVal()
	case kindInt:
		n := int64(b.n)
		if n <= -exact || n >= exact {
			return 0, 0, false
		}
		y = float64(n)
	default:
		return 0, 0, false
	}
	return x, y, true
}

// floatOp does BINARY_OP's +, -, * and / on floats; the others (and a
// division by zero) take the general path.
func floatOp(arg int, x, y float64) (Value, bool) {
	switch arg {
	case 0, 13:
		return Float(x + y), true
	case 10, 23:
		return Float(x - y), true
	case 5, 18:
		return Float(x * y), true
	case 11, 24:
		if y != 0 {
			return Float(x / y), true
		}
	case 8, 21: // **, in the plain case of floatPowValues
		if x > 0 && x != 1 && x <= math.MaxFloat64 && y != 0 && math.Abs(y) <= math.MaxFloat64 {
			if r := fastPow(x, y); !math.IsInf(r, 0) {
				return Float(r), true
			}
		}
	}
	return Null, false
}

// compareFloats compares as IEEE does (NaN unequal to everything), which
// is float_richcompare for these operands.
func compareFloats(a, b float64, op CompareOp) bool {
	switch op {
	case LT:
		return a < b
	case LE:
		return a <= b
	case EQ:
		return a == b
	case NE:
		return a != b
	case GT:
		return a > b
	}
	return a >= b
}

// simpleBounds clamps the int or None bounds of a step-1 slice to a
// sequence of length n, as PySlice_AdjustIndices does; ok is false for
// other bounds (objects with __index__, huge ints), left to the general
// path.
func simpleBounds(start, stop Value, n int) (int, int, bool) {
	i, j := 0, n
	switch {
	case start.IsSmallInt():
		i = int(int64(start.n))
		if i < 0 {
			i = max(i+n, 0)
		} else if i > n {
			i = n
		}
	case !start.IsNone():
		return 0, 0, false
	}
	switch {
	case stop.IsSmallInt():
		j = int(int64(stop.n))
		if j < 0 {
			j = max(j+n, 0)
		} else if j > n {
			j = n
		}
	case !stop.IsNone():
		return 0, 0, false
	}
	if j < i {
		j = i
	}
	return i, j, true
}

func compareInts(a, b int64, op CompareOp) bool {
	switch op {
	case LT:
		return a < b
	case LE:
		return a <= b
	case EQ:
		return a == b
	case NE:
		return a != b
	case GT:
		return a > b
	}
	return a >= b
}
