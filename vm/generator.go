package vm

import (
	"fmt"
	"strings"

	"github.com/peephole-lsp/peephole/compiler"
)

// Generators, coroutines and async generators (Objects/genobject.c). A
// generator owns the frame its function's RETURN_GENERATOR left
// suspended; resuming it pushes the value sent onto the frame's stack (the
// result of the yield expression, or the None that the POP_TOP after
// RETURN_GENERATOR discards) and runs the frame until its next yield or
// its end. throw() resumes the frame with an exception raised at the
// yield; the exception table of the frame does the rest (CLEANUP_THROW for
// a delegation through yield from / await). Each generator keeps its own
// "exception being handled" (gi_exc_state), swapped in while it runs.

// genKind distinguishes the three kinds of generator objects.
type genKind int

const (
	genGenerator genKind = iota
	genCoroutine
	genAsyncGenerator
)

// Generator is a generator, a coroutine or an async generator.
type Generator struct {
	ObjectBase
	frame    *Frame
	kind     genKind
	name     *Str
	qualname *Str
	running  bool
	// excState is the exception being handled inside the generator while
	// it is suspended.
	excState Value
	// started is set at the first resumption.
	started bool
	// awaited is set once a coroutine has been awaited (cr_await).
	closed bool
	// asyncHooksDone: async generators only: aclose has run.
	agRunningAsync bool
	// hooksInited: async generators only: sys's firstiter hook has been
	// called (mod_asyncgen_hooks.go).
	hooksInited bool
	// creator is the frame whose instruction at creatorAt called the
	// generator function (nil when none did).
	creator   *Frame
	creatorAt int
	// loopOwned says a for or async for loop holds the only reference
	// there is to the generator (see ownByLoop).
	loopOwned bool
	// fin is the finalization record of a generator tracked because it
	// suspended in a try, with or except block (finalize.go).
	fin *finEntry
}

// newGenerator makes the generator of a frame that ran RETURN_GENERATOR.
func newGenerator(t *Thread, f *Frame) *Generator {
	g := &Generator{frame: f, name: f.code.name, qualname: f.code.qualname}
	switch {
	case f.code.flags&compiler.CoCoroutine != 0:
		g.kind, g.cls = genCoroutine, CoroutineType
	case f.code.flags&compiler.CoAsyncGenerator != 0:
		g.kind, g.cls = genAsyncGenerator, AsyncGeneratorType
	default:
		g.kind, g.cls = genGenerator, GeneratorType
	}
	if f.fn != nil {
		g.name, g.qualname = f.fn.name, f.fn.qualname
	}
	f.gen = g
	f.escaped = true
	if b := f.back; b != nil {
		g.creator, g.creatorAt = b, b.lasti
	}
	return g
}

// Generators that a loop alone holds.
//
// CPython finalizes a generator the moment its last reference goes: a
// loop left by break, return or an exception closes the generator it was
// iterating when nothing else refers to it, so the generator's finally
// blocks and with statements run right then. Without reference counts,
// peephole recognizes the commonest such generator: one made by the call
// just before the loop's GET_ITER (or GET_AITER), in the same frame, as in
// "for line in read_lines(path):". Nothing but the loop can reach it (the
// call that made it was a generator function's, which returns at once),
// so closing it when the loop drops it is what CPython does.

// ownByLoop marks it, the iterator GET_ITER or GET_AITER at unit at of f
// made, as held by the loop alone when it is a generator that the call
// right before made; f then closes it when it drops it.
func ownByLoop(f *Frame, it Value, at int) {
	g, ok := it.o.(*Generator)
	if !ok || g.creator != f || g.started || (g.creatorAt != at-4 && g.creatorAt != at-1) {
		return
	}
	g.loopOwned = true
	f.ownsGens = true
}

// dropOwned finalizes v if it is a generator held by a loop alone, as
// the frame drops it: it is closed, and an error that brings is reported
// as unraisable (_PyGen_Finalize).
func (t *Thread) dropOwned(v Value) {
	g, ok := v.o.(*Generator)
	if !ok || !g.loopOwned {
		return
	}
	g.loopOwned = false
	if g.frame.done || !g.started || g.running {
		return
	}
	if _, err := genClose(t, g); err != nil {
		if e := asException(err); e != nil {
			t.writeUnraisable(e, v)
		}
	}
}

func (g *Generator) what() string {
	switch g.kind {
	case genCoroutine:
		return "coroutine"
	case genAsyncGenerator:
		return "async generator"
	}
	return "generator"
}

// resume runs the generator's frame with v sent in (or with the
// exception throwing raised at its yield). It returns the value yielded
// (done false) or returned (done true).
func (t *Thread) resume(g *Generator, v Value, throwing error) (Value, bool, error) {
	f := g.frame
	if g.running {
		return Null, false, t.raisef(ValueErrorType, "%s already executing", g.what())
	}
	if f.done || g.closed {
		if throwing != nil {
			return Null, false, throwing
		}
		if g.kind == genCoroutine {
			return Null, false, t.raise(RuntimeErrorType, "cannot reuse already awaited coroutine")
		}
		if g.kind == genAsyncGenerator {
			return Null, true, NewException(StopAsyncIterationType)
		}
		return Null, true, nil
	}
	if !g.started && throwing == nil && !v.IsNone() {
		return Null, false, t.typeErrorf("can't send non-None value to a just-started %s", g.what())
	}
	g.started = true
	g.creator = nil
	if g.fin != nil {
		f.gen = g
	}
	// The value sent is pushed even when throwing (None then), as
	// gen_send_ex2 does: the handlers' stack depths count it.
	if v.IsNull() {
		v = None
	}
	f.push(v)
	f.throwing = throwing
	if err := t.enter(); err != nil {
		f.pop()
		f.throwing = nil
		return Null, false, err
	}
	g.running = true
	prev := t.handled
	t.handled = g.excState
	r, how, err := t.run(f)
	g.excState = t.handled
	t.handled = prev
	g.running = false
	t.leave()
	if err != nil {
		f.done = true
		if g.fin != nil {
			t.genFinished(g, false)
		}
		if e := asException(err); e != nil {
			if e.cls.IsSubtype(StopIterationType) && g.kind != genGenerator {
				// Coroutines and async generators convert escaping
				// StopIteration (generators do it in bytecode).
				re := NewException(RuntimeErrorType, NewStrValue(g.what()+" raised StopIteration"))
				re.Cause, re.Context, re.SuppressContext = Value{o: e}, Value{o: e}, true
				return Null, false, re
			}
			if g.kind == genAsyncGenerator && e.cls.IsSubtype(StopAsyncIterationType) {
				re := NewException(RuntimeErrorType, NewStrValue("async generator raised StopAsyncIteration"))
				re.Cause, re.Context, re.SuppressContext = Value{o: e}, Value{o: e}, true
				return Null, false, re
			}
		}
		return Null, false, err
	}
	if how == frameYielded {
		if g.fin == nil && f.code.finTry != 1 {
			t.genSuspended(g)
		}
		if g.fin != nil {
			// No cycle through g while it is suspended (Go never
			// finalizes an object on a cycle): see finalize.go.
			f.gen, f.back = finSuspended, nil
		}
		return r, false, nil
	}
	if g.fin != nil || finLive.Load() != 0 {
		t.genFinished(g, true)
	}
	return r, true, nil
}

// send is SEND's step: it resumes receiver with v and reports the value
// yielded, or the value returned (done).
func (t *Thread) send(receiver, v Value) (Value, bool, error) {
	if g, ok := receiver.o.(*Generator); ok && g.kind != genAsyncGenerator {
		r, done, err := t.resume(g, v, nil)
		if err != nil {
			return Null, false, err
		}
		if done && r.IsNull() {
			r = None
		}
		return r, done, nil
	}
	var r Value
	var err error
	if v.IsNone() && receiver.Type().Next != nil {
		r, err = receiver.Type().Next(t, receiver)
		if err == nil && r.IsNull() {
			return None, true, nil
		}
	} else {
		var m Value
		if m, err = GetAttr(t, receiver, Intern("send")); err == nil {
			r, err = t.Call(m, []Value{v}, nil)
		}
	}
	if err != nil {
		if e := asException(err); e != nil && e.cls.IsSubtype(StopIterationType) {
			val := e.Value
			if val.IsNull() {
				val = None
			}
			return val, true, nil
		}
		return Null, false, err
	}
	return r, false, nil
}

// genNext is the iterator step of a generator: NULL at its end.
func genNext(t *Thread, v Value) (Value, error) {
	g := v.o.(*Generator)
	r, done, err := t.resume(g, None, nil)
	if err != nil {
		return Null, err
	}
	if done {
		return Null, nil
	}
	return r, nil
}

// genNextOrStop is next(generator): like genNext, but a generator that
// returns raises StopIteration carrying the value returned, as its
// tp_iternext does in CPython (FOR_ITER and the Go callers only need the
// end, which genNext gives as NULL).
func genNextOrStop(t *Thread, g *Generator) (Value, error) {
	r, done, err := t.resume(g, None, nil)
	if err != nil {
		return Null, err
	}
	if done {
		return Null, stopIteration(r)
	}
	return r, nil
}

// genSend is generator.send(v): the value yielded, or StopIteration with
// the value returned.
func genSend(t *Thread, g *Generator, v Value) (Value, error) {
	r, done, err := t.resume(g, v, nil)
	if err != nil {
		return Null, err
	}
	if done {
		return Null, stopIteration(r)
	}
	return r, nil
}

// stopIteration is the StopIteration that carries a return value.
func stopIteration(r Value) error {
	if r.IsNull() || r.IsNone() {
		return NewException(StopIterationType)
	}
	return NewException(StopIterationType, r)
}

// yieldFrom returns the iterator a suspended generator is delegating to
// (yield from, await), or NULL: the frame is suspended at a RESUME whose
// argument says it follows a yield from or an await, with the delegate on
// top of its stack.
func (g *Generator) yieldFrom() Value {
	f := g.frame
	if !g.started || f.done || f.sp == 0 {
		return Null
	}
	code := f.code.code
	if 2*f.ip+1 >= len(code) || compiler.Opcode(code[2*f.ip]) != compiler.RESUME || code[2*f.ip+1] < 2 {
		return Null
	}
	return f.stack[f.sp-1]
}

// genThrow is generator.throw(exc): exc raised at the yield where the
// generator is suspended, passed on to the iterator it delegates to.
func genThrow(t *Thread, g *Generator, exc *Exception) (Value, error) {
	if yf := g.yieldFrom(); !yf.IsNull() {
		var err error
		var r Value
		if exc.cls.IsSubtype(GeneratorExitType) {
			g.running = true
			err = closeIter(t, yf)
			g.running = false
			if err != nil {
				return genThrowInto(t, g, err)
			}
			return genThrowInto(t, g, exc)
		}
		if sub, ok := yf.o.(*Generator); ok {
			g.running = true
			r, err = genThrow(t, sub, exc)
			g.running = false
		} else {
			m, merr := getAttrOpt(t, yf, Intern("throw"))
			if merr != nil {
				return genThrowInto(t, g, merr)
			}
			if m.IsNull() {
				return genThrowInto(t, g, exc)
			}
			g.running = true
			r, err = t.Call(m, []Value{{o: exc}}, nil)
			g.running = false
		}
		if err != nil {
			// The delegate ended (StopIteration) or failed: that goes into
			// this frame at its yield, where CLEANUP_THROW sorts it out.
			return genThrowInto(t, g, err)
		}
		return r, nil
	}
	return genThrowInto(t, g, exc)
}

func genThrowInto(t *Thread, g *Generator, err error) (Value, error) {
	if !g.started {
		// A generator that never ran ends without running its body; the
		// exception passes through its frame where it would have
		// started, as in CPython.
		g.frame.done = true
		if e := asException(err); e != nil {
			e.Traceback = newTraceback(g.frame, g.frame.ip, e.Traceback)
		}
		return Null, err
	}
	r, done, rerr := t.resume(g, Null, err)
	if rerr != nil {
		return Null, rerr
	}
	if done {
		if g.kind == genAsyncGenerator {
			return Null, NewException(StopAsyncIterationType)
		}
		return Null, stopIteration(r)
	}
	return r, nil
}

// genClose is generator.close(): GeneratorExit thrown in; a yield in
// response is a RuntimeError.
func genClose(t *Thread, g *Generator) (Value, error) {
	if g.frame.done {
		return None, nil
	}
	if !g.started {
		g.frame.done = true
		return None, nil
	}
	r, err := genThrow(t, g, NewException(GeneratorExitType))
	if err == nil {
		if g.kind == genAsyncGenerator {
			return Null, t.raise(RuntimeErrorType, "async generator ignored GeneratorExit")
		}
		_ = r
		return Null, t.raisef(RuntimeErrorType, "%s ignored GeneratorExit", g.what())
	}
	if e := asException(err); e != nil && (e.cls.IsSubtype(GeneratorExitType) || e.cls.IsSubtype(StopIterationType)) {
		if e.cls.IsSubtype(StopIterationType) && !e.Value.IsNull() && !e.Value.IsNone() {
			return e.Value, nil
		}
		return None, nil
	}
	return Null, err
}

// closeIter calls an iterator's close method, if it has one.
func closeIter(t *Thread, it Value) error {
	if g, ok := it.o.(*Generator); ok {
		_, err := genClose(t, g)
		return err
	}
	m, err := getAttrOpt(t, it, Intern("close"))
	if err != nil || m.IsNull() {
		return err
	}
	_, err = t.Call(m, nil, nil)
	return err
}

// throwArgs turns throw()'s arguments into the exception to raise.
func throwArgs(t *Thread, args []Value, method string) (*Exception, error) {
	if len(args) >= 1 && len(args) <= 3 {
		if err := warnThrowSignature(t, args, method); err != nil {
			return nil, err
		}
	}
	return parseThrowArgs(t, args, method)
}

// warnThrowSignature warns about the deprecated (type, exc, tb) form of
// throw() and athrow().
func warnThrowSignature(t *Thread, args []Value, method string) error {
	if len(args) > 1 {
		return t.warnRuntime(DeprecationWarningType, "the (type, exc, tb) signature of "+method+"() is deprecated, use the single-arg signature instead.")
	}
	return nil
}

// parseThrowArgs makes the exception that throw(typ[, val[, tb]])
// throws, with the messages of _gen_throw (method names the function in
// the arity messages).
func parseThrowArgs(t *Thread, args []Value, method string) (*Exception, error) {
	if len(args) < 1 {
		return nil, t.typeErrorf("%s expected at least 1 argument, got %d", method, len(args))
	}
	if len(args) > 3 {
		return nil, t.typeErrorf("%s expected at most 3 arguments, got %d", method, len(args))
	}
	typ := args[0]
	val := None
	if len(args) > 1 {
		val = args[1]
	}
	if len(args) > 2 && !args[2].IsNone() {
		if _, ok := args[2].o.(*Traceback); !ok {
			return nil, t.typeErrorf("throw() third argument must be a traceback object")
		}
	}
	switch x := typ.o.(type) {
	case *Type:
		if !x.IsSubtype(BaseExceptionType) {
			break
		}
		if e, ok := val.o.(*Exception); ok && e.cls.IsSubtype(x) {
			return e, nil
		}
		var cargs []Value
		if tu, ok := val.o.(*Tuple); ok {
			cargs = tu.items
		} else if !val.IsNone() {
			cargs = []Value{val}
		}
		v, err := t.Call(typ, cargs, nil)
		if err != nil {
			return nil, err
		}
		if e, ok := v.o.(*Exception); ok {
			return e, nil
		}
		return nil, t.typeErrorf("calling %s should have returned an instance of BaseException, not %s", reprOrType(t, typ), typeName(v))
	case *Exception:
		if !val.IsNone() {
			return nil, t.typeErrorf("instance exception may not have a separate value")
		}
		return x, nil
	}
	return nil, t.typeErrorf("exceptions must be classes or instances deriving from BaseException, not %s", typeName(typ))
}

// getAwaitable is GET_AWAITABLE: the iterator an await drives.
func (t *Thread) getAwaitable(v Value, where int) (Value, error) {
	if g, ok := v.o.(*Generator); ok {
		if g.kind == genCoroutine {
			if yf := g.yieldFrom(); !yf.IsNull() {
				return Null, t.raise(RuntimeErrorType, "coroutine is being awaited already")
			}
			return v, nil
		}
		if g.kind == genGenerator && g.frame.code.flags&compiler.CoIterableCoroutine != 0 {
			return v, nil
		}
	}
	m := v.Type().LookupString("__await__")
	if m.IsNull() {
		switch where {
		case 1:
			return Null, t.typeErrorf("'async with' received an object from __aenter__ that does not implement __await__: %s", typeName(v))
		case 2:
			return Null, t.typeErrorf("'async with' received an object from __aexit__ that does not implement __await__: %s", typeName(v))
		}
		return Null, t.typeErrorf("object %s can't be used in 'await' expression", typeName(v))
	}
	r, err := callDunder(t, v, Intern("__await__"))
	if err != nil {
		return Null, err
	}
	if g, ok := r.o.(*Generator); ok && (g.kind == genCoroutine || g.frame.code.flags&compiler.CoIterableCoroutine != 0) {
		return Null, t.typeErrorf("__await__() returned a coroutine")
	}
	if r.Type().Next == nil {
		return Null, t.typeErrorf("__await__() returned non-iterator of type '%s'", typeName(r))
	}
	return r, nil
}

// getAIter is GET_AITER.
func (t *Thread) getAIter(v Value) (Value, error) {
	if v.Type().LookupString("__aiter__").IsNull() {
		return Null, t.typeErrorf("'async for' requires an object with __aiter__ method, got %s", typeName(v))
	}
	r, err := callDunder(t, v, Intern("__aiter__"))
	if err != nil {
		return Null, err
	}
	if r.Type().LookupString("__anext__").IsNull() {
		return Null, t.typeErrorf("'async for' received an object from __aiter__ that does not implement __anext__: %s", typeName(r))
	}
	return r, nil
}

// getANext is GET_ANEXT: the awaitable of the next item.
func (t *Thread) getANext(v Value) (Value, error) {
	if g, ok := v.o.(*Generator); ok && g.kind == genAsyncGenerator {
		if err := t.asyncGenInitHooks(g); err != nil {
			return Null, err
		}
		return Value{o: newAsyncGenSend(g, None)}, nil
	}
	if v.Type().LookupString("__anext__").IsNull() {
		return Null, t.typeErrorf("'async for' requires an iterator with __anext__ method, got %s", typeName(v))
	}
	r, err := callDunder(t, v, Intern("__anext__"))
	if err != nil {
		return Null, err
	}
	aw, err := t.getAwaitable(r, 0)
	if err != nil {
		if e := asException(err); e != nil && e.cls == TypeErrorType {
			return Null, t.typeErrorf("'async for' received an invalid object from __anext__: %s", typeName(r))
		}
		return Null, err
	}
	return aw, nil
}

// asyncGenWrapped marks a value an async generator yields to its
// consumer (INTRINSIC_ASYNC_GEN_WRAP), as opposed to what an await inside
// it passes up to the event loop.
type asyncGenWrapped struct {
	ObjectBase
	v Value
}

var asyncGenWrappedType = builtinType("async_generator_wrapped_value", nil, 0)

// AsyncGenSend is the awaitable of asend(v) / __anext__ / athrow(...).
type AsyncGenSend struct {
	ObjectBase
	gen   *Generator
	v     Value
	throw *Exception
	// athrowArgs are athrow()'s arguments, checked when it is first
	// awaited, as CPython does.
	athrowArgs []Value
	state      int // 0 init, 1 iterating, 2 closed
	close      bool
}

var (
	asyncGenASendType  = builtinType("async_generator_asend", nil, 0)
	asyncGenAThrowType = builtinType("async_generator_athrow", nil, 0)
)

func newAsyncGenSend(g *Generator, v Value) *AsyncGenSend {
	return &AsyncGenSend{ObjectBase: ObjectBase{cls: asyncGenASendType}, gen: g, v: v}
}

// step resumes the async generator for its awaitable: a wrapped yield
// ends the await with StopIteration(value); anything else yielded passes
// up to the event loop.
func (a *AsyncGenSend) step(t *Thread, v Value, exc *Exception) (Value, error) {
	if a.state == 2 {
		return Null, t.raise(RuntimeErrorType, "cannot reuse already awaited __anext__()/asend()")
	}
	if a.state == 0 {
		v = a.v
		if a.athrowArgs != nil {
			e, err := parseThrowArgs(t, a.athrowArgs, "athrow")
			if err != nil {
				a.state = 2
				return Null, err
			}
			a.throw, a.athrowArgs = e, nil
		}
		if a.throw != nil {
			exc = a.throw
		}
		a.state = 1
	}
	var r Value
	var err error
	if exc != nil {
		// athrow() and aclose() of a finished async generator end at
		// once; aclose() of one never started finishes it.
		if a.gen.frame.done || a.close && !a.gen.started {
			a.gen.frame.done = true
			a.state = 2
			return Null, NewException(StopIterationType)
		}
		r, err = genThrow(t, a.gen, exc)
	} else {
		var done bool
		r, done, err = t.resume(a.gen, v, nil)
		if err == nil && done {
			a.state = 2
			return Null, NewException(StopAsyncIterationType)
		}
	}
	if err != nil {
		a.state = 2
		if a.close {
			if e := asException(err); e != nil && (e.cls.IsSubtype(StopAsyncIterationType) || e.cls.IsSubtype(GeneratorExitType)) {
				return Null, NewException(StopIterationType)
			}
		}
		return Null, err
	}
	if w, ok := r.o.(*asyncGenWrapped); ok {
		a.state = 2
		if a.close {
			return Null, t.raise(RuntimeErrorType, "async generator ignored GeneratorExit")
		}
		return Null, stopIteration(w.v)
	}
	return r, nil
}

func init() {
	onSetup(setupGenerators)
}

func setupGenerators() {
	for _, tp := range []*Type{GeneratorType, CoroutineType, AsyncGeneratorType} {
		tp := tp
		defGetSet(tp, "__name__", func(t *Thread, self Value) (Value, error) { return Value{o: self.o.(*Generator).name}, nil },
			func(t *Thread, self, v Value) error {
				s, ok := v.o.(*Str)
				if !ok {
					return t.typeErrorf("__name__ must be set to a string object")
				}
				self.o.(*Generator).name = s
				return nil
			})
		defGetSet(tp, "__qualname__", func(t *Thread, self Value) (Value, error) { return Value{o: self.o.(*Generator).qualname}, nil },
			func(t *Thread, self, v Value) error {
				s, ok := v.o.(*Str)
				if !ok {
					return t.typeErrorf("__qualname__ must be set to a string object")
				}
				self.o.(*Generator).qualname = s
				return nil
			})
		prefix := map[*Type]string{GeneratorType: "gi", CoroutineType: "cr", AsyncGeneratorType: "ag"}[tp]
		defMember(tp, prefix+"_running", func(t *Thread, self Value) (Value, error) { return Bool(self.o.(*Generator).running), nil })
		defMember(tp, prefix+"_frame", func(t *Thread, self Value) (Value, error) {
			g := self.o.(*Generator)
			if g.frame.done {
				return None, nil
			}
			return Value{o: g.frame}, nil
		})
		defMember(tp, prefix+"_code", func(t *Thread, self Value) (Value, error) { return Value{o: self.o.(*Generator).frame.code}, nil })
		defMember(tp, prefix+"_suspended", func(t *Thread, self Value) (Value, error) {
			g := self.o.(*Generator)
			return Bool(g.started && !g.running && !g.frame.done), nil
		})
		tp.Repr = func(t *Thread, v Value) (Value, error) {
			g := v.o.(*Generator)
			return NewStrValue("<" + g.cls.Name + " object " + g.qualname.s + " at " + hexID(v) + ">"), nil
		}
	}
	for _, tp := range []*Type{GeneratorType, CoroutineType, AsyncGeneratorType} {
		defMethods(tp,
			MethodDef{Name: "__class_getitem__", Class: true, Fn: classGetItemAlias},
		)
		tp.Dict.setStr(Intern("__del__"), Value{o: &MethodDescr{ObjectBase: ObjectBase{cls: WrapperDescrType}, name: "__del__", owner: tp, fn: genDel}})
	}
	defMember(CoroutineType, "cr_origin", func(t *Thread, self Value) (Value, error) { return None, nil })
	defMember(GeneratorType, "gi_yieldfrom", func(t *Thread, self Value) (Value, error) { return noneIfNull(self.o.(*Generator).yieldFrom()), nil })
	defMember(CoroutineType, "cr_await", func(t *Thread, self Value) (Value, error) { return noneIfNull(self.o.(*Generator).yieldFrom()), nil })
	defMember(AsyncGeneratorType, "ag_await", func(t *Thread, self Value) (Value, error) { return noneIfNull(self.o.(*Generator).yieldFrom()), nil })

	GeneratorType.Iter = selfIter
	GeneratorType.Next = genNext
	// generator.__next__ raises StopIteration with the value returned.
	GeneratorType.Dict.SetStr("__next__", Value{o: &MethodDescr{ObjectBase: ObjectBase{cls: WrapperDescrType}, name: "__next__", owner: GeneratorType,
		fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := exactArgs(t, "__next__", args, kw, 0); err != nil {
				return Null, err
			}
			return genNextOrStop(t, self.o.(*Generator))
		}}})
	for _, tp := range []*Type{GeneratorType, CoroutineType} {
		defMethods(tp,
			MethodDef{Name: "send", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
				if err := oneArg(t, tp.Name+".send", args, kw); err != nil {
					return Null, err
				}
				return genSend(t, self.o.(*Generator), args[0])
			}},
			MethodDef{Name: "throw", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
				if err := noKwargs(t, "throw", kw); err != nil {
					return Null, err
				}
				e, err := throwArgs(t, args, "throw")
				if err != nil {
					return Null, err
				}
				return genThrow(t, self.o.(*Generator), e)
			}},
			MethodDef{Name: "close", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
				if err := noArgs(t, tp.Name+".close", args, kw); err != nil {
					return Null, err
				}
				return genClose(t, self.o.(*Generator))
			}},
		)
	}
	// A coroutine's __await__ is an iterator over it (coroutine_wrapper).
	coroWrapperType := builtinTypeLate("coroutine_wrapper")
	coroWrapperType.Iter = selfIter
	coroWrapperType.Next = func(t *Thread, v Value) (Value, error) {
		return genNext(t, Value{o: v.o.(*coroWrapper).g})
	}
	defMethods(coroWrapperType,
		MethodDef{Name: "send", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "coroutine_wrapper.send", args, kw); err != nil {
				return Null, err
			}
			return genSend(t, self.o.(*coroWrapper).g, args[0])
		}},
		MethodDef{Name: "throw", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			e, err := throwArgs(t, args, "throw")
			if err != nil {
				return Null, err
			}
			return genThrow(t, self.o.(*coroWrapper).g, e)
		}},
		MethodDef{Name: "close", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return genClose(t, self.o.(*coroWrapper).g)
		}},
	)
	defMethods(CoroutineType, MethodDef{Name: "__await__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return Value{o: &coroWrapper{ObjectBase{cls: coroWrapperType}, self.o.(*Generator)}}, nil
	}})

	// Async generators.
	defMethods(AsyncGeneratorType,
		MethodDef{Name: "__aiter__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) { return self, nil }},
		MethodDef{Name: "__anext__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := t.asyncGenInitHooks(self.o.(*Generator)); err != nil {
				return Null, err
			}
			return Value{o: newAsyncGenSend(self.o.(*Generator), None)}, nil
		}},
		MethodDef{Name: "asend", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "async_generator.asend", args, kw); err != nil {
				return Null, err
			}
			if err := t.asyncGenInitHooks(self.o.(*Generator)); err != nil {
				return Null, err
			}
			return Value{o: newAsyncGenSend(self.o.(*Generator), args[0])}, nil
		}},
		MethodDef{Name: "athrow", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := noKwargs(t, "athrow", kw); err != nil {
				return Null, err
			}
			if err := warnThrowSignature(t, args, "athrow"); err != nil {
				return Null, err
			}
			if err := t.asyncGenInitHooks(self.o.(*Generator)); err != nil {
				return Null, err
			}
			a := newAsyncGenSend(self.o.(*Generator), None)
			a.cls = asyncGenAThrowType
			a.athrowArgs = append([]Value{}, args...)
			return Value{o: a}, nil
		}},
		MethodDef{Name: "aclose", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := noArgs(t, "async_generator.aclose", args, kw); err != nil {
				return Null, err
			}
			if err := t.asyncGenInitHooks(self.o.(*Generator)); err != nil {
				return Null, err
			}
			a := newAsyncGenSend(self.o.(*Generator), None)
			a.cls = asyncGenAThrowType
			a.throw = NewException(GeneratorExitType)
			a.close = true
			return Value{o: a}, nil
		}},
	)
	for _, tp := range []*Type{asyncGenASendType, asyncGenAThrowType} {
		tp.Iter = selfIter
		tp.Next = func(t *Thread, v Value) (Value, error) {
			r, err := v.o.(*AsyncGenSend).step(t, None, nil)
			if err != nil {
				if e := asException(err); e != nil && e.cls == StopIterationType && e.Args.Len() == 0 {
					return Null, nil
				}
			}
			return r, err
		}
		defMethods(tp,
			MethodDef{Name: "__await__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) { return self, nil }},
			MethodDef{Name: "send", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
				if err := oneArg(t, tp.Name+".send", args, kw); err != nil {
					return Null, err
				}
				return self.o.(*AsyncGenSend).step(t, args[0], nil)
			}},
			MethodDef{Name: "throw", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
				e, err := throwArgs(t, args, "throw")
				if err != nil {
					return Null, err
				}
				return self.o.(*AsyncGenSend).step(t, None, e)
			}},
			MethodDef{Name: "close", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
				if err := noArgs(t, tp.Name+".close", args, kw); err != nil {
					return Null, err
				}
				self.o.(*AsyncGenSend).state = 2
				return None, nil
			}},
		)
	}
}

// coroWrapper is what coroutine.__await__() returns.
type coroWrapper struct {
	ObjectBase
	g *Generator
}

// builtinTypeLate makes a builtin type during setup (after bootstrap).
func builtinTypeLate(name string) *Type {
	tp := &Type{Name: name, QualName: name, Base: ObjectType, Bases: []*Type{ObjectType}, Dict: NewDict(), Flags: FlagImmutable}
	tp.cls = TypeType
	tp.MRO = []*Type{tp, ObjectType}
	tp.builtin = tp
	tp.version = nextTypeVersion()
	return tp
}

// selfIter is the __iter__ of iterators.
func selfIter(t *Thread, v Value) (Value, error) { return v, nil }

func noneIfNull(v Value) Value {
	if v.IsNull() {
		return None
	}
	return v
}

// genDel is the __del__ of generators, coroutines and async generators
// (_PyGen_Finalize): a suspended one is closed, and an error that brings
// is reported as unraisable, not raised.
func genDel(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
	if err := exactArgs(t, "__del__", args, kw, 0); err != nil {
		return Null, err
	}
	g := self.o.(*Generator)
	if g.frame.done || !g.started {
		return None, nil
	}
	if _, err := genClose(t, g); err != nil {
		e := asException(err)
		if e == nil {
			return Null, err
		}
		if werr := t.writeUnraisable(e, self); werr != nil {
			return Null, werr
		}
	}
	return None, nil
}

// writeUnraisable reports an exception that cannot be raised (one out of
// a finalizer) as CPython's default sys.unraisablehook does: "Exception
// ignored in: <repr of obj>", then the traceback as PyTraceBack_Print
// writes it (source lines without carets, no chained exceptions) and the
// exception's type and message.
func (t *Thread) writeUnraisable(e *Exception, obj Value) error {
	var b strings.Builder
	b.WriteString("Exception ignored in: ")
	b.WriteString(safeRepr(t, obj, "object"))
	b.WriteString("\n")
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
	} else if f := t.frame; f != nil {
		// Without a traceback, the frame running is shown
		// (write_unraisable's _PyTraceBack_FromFrame).
		code, line := f.code, f.Line()
		fmt.Fprintf(&b, "Traceback (most recent call last):\n  File \"%s\", line %d, in %s\n", code.filename.s, line, code.name.s)
		if src := strings.TrimSpace(t.interp.getline(code.filename.s, line)); src != "" {
			b.WriteString("    " + src + "\n")
		}
	}
	b.WriteString(finalExcLine(excTypeStr(e.cls), safeStr(t, Value{o: e}, "exception")) + "\n")
	return t.writeStderr(b.String())
}
