package vm

import "github.com/peephole-lsp/peephole/compiler"

// Calls of Python functions from Python code run in the loop of their
// caller (CPython 3.11's "inlined" calls): CALL of a plain function binds
// the arguments into a new frame (pushCall) and the loop goes on with
// that frame, without a new Go call of eval; RETURN_VALUE, RETURN_CONST
// and an exception that leaves such a frame hand back to the caller's
// frame (popCall) in the same loop. The frame a loop was started with
// (its entry frame) still returns from eval. This saves the Go call, the
// large prologue of eval and its register spills at every Python call, and
// Python recursion does not use the Go stack at all.
//
// What Python sees is unchanged: the recursion depth is counted at the
// same place (Thread.enter, after the arguments are bound, so binding
// errors and RecursionError are raised in the caller), t.frame and f_back
// are the same, an exception leaving the callee goes on in the caller at
// its CALL exactly as an error returned by callFunction did, and the
// tracer sees the same events in the same order.
//
// Bodies that make a generator or a coroutine when called are not run
// inline (their frame outlives the call); they go through callFunction.

// inlineExcluded are the flags of code objects whose calls are not run
// in the caller's loop.
const inlineExcluded = compiler.CoGenerator | compiler.CoCoroutine | compiler.CoAsyncGenerator | compiler.CoIterableCoroutine

// pushCall prepares the call of fn with args (positional only) to run in
// the caller's loop: the frame with its arguments bound, entered as the
// thread's current frame. On error nothing was entered.
func (t *Thread) pushCall(fn *Function, args []Value) (*Frame, error) {
	code := fn.code
	var f *Frame
	if code.simpleArgs && len(args) == code.argcount {
		f = t.callFrame(code, fn.globals, fn.builtins)
		f.fn = fn
		fast := f.fast
		if len(args) <= len(fast) {
			for i, v := range args {
				fast[i] = v
			}
		}
	} else {
		var err error
		if f, err = t.bindFrame(fn, args, nil); err != nil {
			return nil, err
		}
	}
	if err := t.enter(); err != nil {
		return nil, err
	}
	if code.dec == nil {
		code.decoded()
	}
	f.back = t.frame
	t.frame = f
	return f, nil
}

// callFrame is poolFrame, quicker when the frame on top of the pool last
// ran the same code (a recursion, a function called in a loop): its
// locals and value stack are then already laid out.
func (t *Thread) callFrame(code *Code, globals, builtins *Dict) *Frame {
	if n := len(t.framePool); n > 0 {
		if f := t.framePool[n-1]; f.code == code && len(f.fast) == code.nlocalsplus {
			t.framePool = t.framePool[:n-1]
			f.globals, f.builtins = globals, builtins
			f.stack = f.stack[:cap(f.stack)]
			f.sp, f.ip, f.lasti, f.lineno, f.done = 0, 0, 0, 0, false
			return f
		}
	}
	return t.poolFrame(code, globals, builtins)
}

// popCall leaves a frame entered by pushCall, which has returned or
// raised, and returns its caller's frame. What it does at the frame's
// exit must stay what callFunction does after run (t.leave, then
// release): it clears the locals itself, without release's truncation of
// the buffer, so that callFrame can reuse the layout.
func (t *Thread) popCall(f *Frame) *Frame {
	caller := f.back
	t.frame = caller
	t.depth--
	if finLive.Load() != 0 {
		t.finFrameExitInline(f)
	}
	// release, keeping the frame's layout for callFrame: the locals are
	// cleared (the value stack is empty already).
	if !f.escaped && f.gen == nil && len(t.framePool) < framePoolMax {
		fast := f.fast
		// Backwards: the compiler would make a forward loop a call of
		// memclrHasPointers, slower for a few slots.
		for i := len(fast) - 1; i >= 0; i-- {
			fast[i] = Value{}
		}
		t.framePool = append(t.framePool, f)
	}
	return caller
}
