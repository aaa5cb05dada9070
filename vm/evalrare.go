package vm

import (
	c "github.com/peephole-lsp/peephole/compiler"
)

// evalRare runs the instructions that eval's switch leaves out: the ones
// that programs run rarely (deletions, imports, pattern matching, async,
// building sets and dicts, calls with * and **…). They live in their own
// function to keep eval small: the Go compiler stops inlining all but the
// tiniest helpers (push, pop, Value.Is…) into a function it considers big
// (about 5000 nodes), which makes every instruction of the loop slower.
//
// It returns the error the instruction raised, if any; unwinding says the
// error is re-raised as it is (RERAISE's way: no new traceback entry),
// not raised by this instruction.
func (t *Thread) evalRare(f *Frame, op c.Opcode, arg int) (unwinding bool, err error) {
	co := f.code
	names := co.names
	fast := f.fast
	switch op {
	case c.DELETE_FAST:
		if fast[arg].IsNull() {
			err = t.unboundLocal(co, arg)
			return
		}
		if finLive.Load() != 0 {
			t.finStoreFast(fast, arg, Null)
			break
		}
		fast[arg] = Null
	case c.END_SEND:
		v := f.pop()
		f.stack[f.sp-1] = v
	case c.DELETE_NAME:
		if finLive.Load() != 0 && !f.locals.IsNull() {
			err = t.finStoreName(f, names[arg], Null)
		} else {
			err = t.deleteName(f, names[arg])
		}
		if err != nil {
			return
		}
	case c.DELETE_GLOBAL:
		if finLive.Load() != 0 {
			err = t.finStoreGlobal(f, names[arg], Null)
			return
		}
		var ok bool
		ok, err = f.globals.Delete(t, Value{o: names[arg]})
		if err != nil {
			return
		}
		if !ok {
			err = t.nameError(names[arg])
			return
		}
	case c.DELETE_DEREF:
		cell := fast[arg].o.(*Cell)
		if cell.v.IsNull() {
			err = t.unboundDeref(co, arg)
			return
		}
		if finLive.Load() != 0 {
			t.finStoreDeref(cell, Null)
			break
		}
		cell.v = Null
	case c.LOAD_FROM_DICT_OR_DEREF:
		mapping := f.pop()
		name := co.localsplusNames[arg]
		var v Value
		var ok bool
		v, ok, err = t.mappingGet(mapping, name)
		if err != nil {
			return
		}
		if !ok {
			cell := fast[arg].o.(*Cell)
			if cell.v.IsNull() {
				err = t.unboundDeref(co, arg)
				return
			}
			v = cell.v
		}
		f.push(v)
	case c.LOAD_FROM_DICT_OR_GLOBALS:
		mapping := f.pop()
		var v Value
		var ok bool
		v, ok, err = t.mappingGet(mapping, names[arg])
		if err != nil {
			return
		}
		if !ok {
			v, err = t.loadGlobal(f, names[arg])
			if err != nil {
				return
			}
		}
		f.push(v)
	case c.LOAD_LOCALS:
		if f.locals.IsNull() {
			err = t.raise(SystemErrorType, "no locals found")
			return
		}
		f.push(f.locals)
	case c.DELETE_ATTR:
		if finLive.Load() != 0 {
			err = t.finSetAttr(co, f.lasti, f.pop(), names[arg], Null)
		} else {
			err = SetAttr(t, f.pop(), names[arg], Null)
		}
		if err != nil {
			return
		}
	case c.LOAD_SUPER_ATTR:
		self := f.pop()
		cls := f.pop()
		global := f.pop()
		var v, selfOut Value
		v, selfOut, err = t.loadSuperAttr(global, cls, self, names[arg>>2], arg&2 != 0, arg&1 != 0)
		if err != nil {
			return
		}
		f.push(v)
		if arg&1 != 0 {
			f.push(selfOut)
		}
	case c.DELETE_SUBSCR:
		key := f.pop()
		container := f.pop()
		if finLive.Load() != 0 {
			err = t.finSetItem(container, key, Null)
		} else {
			err = SetItem(t, container, key, Null)
		}
		if err != nil {
			return
		}
	case c.STORE_SLICE:
		stop := f.pop()
		start := f.pop()
		container := f.pop()
		v := f.pop()
		if listStoreSliceFast(container, start, stop, v) {
			return
		}
		if err = SetItem(t, container, Value{o: NewSlice(start, stop, None)}, v); err != nil {
			return
		}
	case c.BUILD_SLICE:
		var step Value = None
		if arg == 3 {
			step = f.pop()
		}
		stop := f.pop()
		start := f.pop()
		f.push(Value{o: NewSlice(start, stop, step)})
	case c.BUILD_SET:
		s := NewSet()
		for _, v := range f.stack[f.sp-arg : f.sp] {
			if err = s.Add(t, v); err != nil {
				return
			}
		}
		f.popN(arg)
		f.push(Value{o: s})
	case c.BUILD_MAP:
		d := NewDictSized(arg)
		items := f.stack[f.sp-2*arg : f.sp]
		for i := 0; i < arg; i++ {
			if err = d.Set(t, items[2*i], items[2*i+1]); err != nil {
				return
			}
		}
		f.popN(2 * arg)
		f.push(Value{o: d})
	case c.BUILD_CONST_KEY_MAP:
		keys := f.pop().o.(*Tuple)
		d := NewDictSized(arg)
		vals := f.stack[f.sp-arg : f.sp]
		for i, k := range keys.items {
			if err = d.Set(t, k, vals[i]); err != nil {
				return
			}
		}
		f.popN(arg)
		f.push(Value{o: d})
	case c.SET_ADD:
		v := f.pop()
		if err = f.peek(arg).o.(*Set).Add(t, v); err != nil {
			return
		}
	case c.MAP_ADD:
		v := f.pop()
		k := f.pop()
		if err = f.peek(arg).o.(*Dict).Set(t, k, v); err != nil {
			return
		}
	case c.LIST_EXTEND:
		it := f.pop()
		l := f.peek(arg).o.(*List)
		if err = t.listExtend(l, it); err != nil {
			return
		}
	case c.SET_UPDATE:
		it := f.pop()
		if err = t.setUpdate(f.peek(arg).o.(*Set), it); err != nil {
			return
		}
	case c.DICT_UPDATE:
		other := f.pop()
		if err = t.dictUpdateOp(f.peek(arg).o.(*Dict), other); err != nil {
			return
		}
	case c.DICT_MERGE:
		other := f.pop()
		// Under the dict: the positional arguments, self or NULL, then
		// the callable.
		callable := f.peek(arg + 3)
		if err = t.dictMerge(f.peek(arg).o.(*Dict), other, callable); err != nil {
			return
		}
	case c.UNPACK_EX:
		seq := f.pop()
		before, after := arg&0xFF, arg>>8
		var items []Value
		if items, err = t.unpack(seq, before, after); err != nil {
			return
		}
		// unpack returns the items in stack order.
		for _, v := range items {
			f.push(v)
		}
	case c.GET_YIELD_FROM_ITER:
		v := f.top()
		if g, ok := v.o.(*Generator); ok && g.kind == genCoroutine {
			if co.flags&(c.CoCoroutine|c.CoIterableCoroutine) == 0 {
				err = t.typeErrorf("cannot 'yield from' a coroutine object in a non-coroutine generator")
				return
			}
		} else if _, ok := v.o.(*Generator); !ok {
			var it Value
			if it, err = Iter(t, v); err != nil {
				return
			}
			f.stack[f.sp-1] = it
		}
	case c.CLEANUP_THROW:
		exc := f.pop()
		f.pop() // last_sent_val
		f.pop() // sub_iter
		if e, ok := exc.o.(*Exception); ok && e.cls.IsSubtype(StopIterationType) {
			f.push(None)
			f.push(e.Value)
		} else {
			err = t.reraiseValue(exc)
			return true, err
		}
	case c.CALL_FUNCTION_EX:
		var kwargs Value
		if arg&1 != 0 {
			kwargs = f.pop()
		}
		callargs := f.pop()
		f.pop() // NULL
		callable := f.pop()
		var v Value
		if v, err = t.callEx(callable, callargs, kwargs); err != nil {
			return
		}
		f.push(v)
	case c.CALL_INTRINSIC_1:
		var v Value
		if v, err = t.intrinsic1(f, arg, f.top()); err != nil {
			return
		}
		f.stack[f.sp-1] = v
	case c.CALL_INTRINSIC_2:
		v1 := f.pop()
		v2 := f.top()
		var v Value
		if v, err = t.intrinsic2(f, arg, v2, v1); err != nil {
			return
		}
		f.stack[f.sp-1] = v
	case c.SET_FUNCTION_ATTRIBUTE:
		fn := f.pop().o.(*Function)
		v := f.top()
		switch arg {
		case 1:
			fn.defaults = v.o.(*Tuple)
		case 2:
			fn.kwdefaults = v.o.(*Dict)
		case 4:
			fn.annotations = v
		case 8:
			fn.closure = v.o.(*Tuple)
		}
		f.stack[f.sp-1] = Value{o: fn}
	case c.LOAD_BUILD_CLASS:
		v, ok := f.builtins.getStr(Intern("__build_class__"))
		if !ok {
			err = t.raise(NameErrorType, "__build_class__ not found")
			return
		}
		f.push(v)
	case c.SETUP_ANNOTATIONS:
		if err = t.setupAnnotations(f); err != nil {
			return
		}
	case c.LOAD_ASSERTION_ERROR:
		f.push(Value{o: AssertionErrorType})
	case c.IMPORT_NAME:
		fromlist := f.pop()
		level := f.pop()
		var m Value
		if m, err = t.importName(f, names[arg], fromlist, level); err != nil {
			return
		}
		f.push(m)
	case c.IMPORT_FROM:
		var v Value
		if v, err = t.importFrom(f.top(), names[arg]); err != nil {
			return
		}
		f.push(v)
	case c.CHECK_EG_MATCH:
		match := f.pop()
		eg := f.pop()
		var rest, matched Value
		if matched, rest, err = t.exceptionGroupMatch(eg, match); err != nil {
			return
		}
		f.push(rest)
		f.push(matched)
		if !matched.IsNone() {
			t.handled = matched
		}
	case c.WITH_EXCEPT_START:
		// stack: exit_func, lasti, prev_exc, exc (3.13's layout: the
		// bound __exit__ was pushed by BEFORE_WITH).
		exc := f.peek(1)
		exitFunc := f.peek(4)
		var tb Value = None
		if e, ok := exc.o.(*Exception); ok && e.Traceback != nil {
			tb = Value{o: e.Traceback}
		}
		var v Value
		if v, err = t.Call(exitFunc, []Value{{o: exc.Type()}, exc, tb}, nil); err != nil {
			return
		}
		f.push(v)
	case c.BEFORE_WITH, c.BEFORE_ASYNC_WITH:
		mgr := f.pop()
		async := op == c.BEFORE_ASYNC_WITH
		var enter, exit, res Value
		if enter, exit, err = t.withMethods(mgr, async); err != nil {
			return
		}
		f.push(exit)
		if res, err = t.Call(enter, nil, nil); err != nil {
			return
		}
		if async {
			if res, err = t.getAwaitable(res, 1); err != nil {
				return
			}
		}
		f.push(res)
	case c.FORMAT_WITH_SPEC:
		spec := f.pop().o.(*Str)
		var r *Str
		if r, err = Format(t, f.top(), spec); err != nil {
			return
		}
		f.stack[f.sp-1] = Value{o: r}
	case c.GET_LEN:
		var n int
		if n, err = Len(t, f.top()); err != nil {
			return
		}
		f.push(Int(int64(n)))
	case c.MATCH_MAPPING:
		f.push(Bool(f.top().Type().Flags&FlagMapping != 0))
	case c.MATCH_SEQUENCE:
		f.push(Bool(f.top().Type().Flags&FlagSequence != 0))
	case c.MATCH_KEYS:
		keys := f.top()
		subject := f.peek(2)
		var v Value
		if v, err = t.matchKeys(subject, keys); err != nil {
			return
		}
		f.push(v)
	case c.MATCH_CLASS:
		kwnames := f.pop()
		cls := f.pop()
		subject := f.top()
		var v Value
		if v, err = t.matchClass(subject, cls, arg, kwnames.o.(*Tuple)); err != nil {
			return
		}
		f.stack[f.sp-1] = v
	case c.GET_AWAITABLE:
		var v Value
		if v, err = t.getAwaitable(f.top(), arg); err != nil {
			return
		}
		f.stack[f.sp-1] = v
	case c.GET_AITER:
		var v Value
		if v, err = t.getAIter(f.top()); err != nil {
			return
		}
		f.stack[f.sp-1] = v
		ownByLoop(f, v, f.lasti)
	case c.GET_ANEXT:
		var v Value
		if v, err = t.getANext(f.top()); err != nil {
			return
		}
		f.push(v)
	case c.END_ASYNC_FOR:
		exc := f.pop()
		f.pop() // the async iterator
		if exc.Type().IsSubtype(StopAsyncIterationType) {
			t.handled = Null
			break
		}
		err = t.reraiseValue(exc)
		return true, err
	default:
		err = t.raisef(SystemErrorType, "unknown opcode %s", op)
		return
	}
	return false, nil
}
