package vm

// Frame is the execution of one code object: its fast locals (the locals,
// then the cells, then the free variables: co_localsplusnames), its value
// stack, and where it is (CPython's _PyInterpreterFrame and, for Python
// code that asks, its frame object).
type Frame struct {
	ObjectBase
	code     *Code
	fn       *Function // nil for module and class bodies run by exec
	globals  *Dict
	builtins *Dict
	// locals is the namespace of a module or class body (LOAD_NAME), or
	// nil in a function.
	locals Value
	// fast holds the localsplus slots followed by the value stack.
	fast  []Value
	stack []Value
	sp    int
	// ip is the index (in 2-byte code units) of the next instruction to
	// run; lasti that of the instruction running or last run.
	ip, lasti int
	back      *Frame
	// gen is the generator, coroutine or async generator running this
	// frame, or nil.
	gen *Generator
	// lineno is f_lineno when set by a tracer; 0 otherwise.
	lineno int
	// throwing is the exception a generator's throw() raises at the
	// yield where the frame is suspended.
	throwing error
	// escaped is set once something outside the call can reach the frame
	// (a traceback, a generator, a frame object): it is then never
	// recycled, nor are its callers.
	escaped bool
	// done is set once the frame has returned or raised for good.
	done bool
	// ownsGens is set once a loop of the frame holds a generator alone
	// (ownByLoop): POP_TOP and unwinding then finalize what they drop.
	ownsGens bool
}

// newFrame prepares a frame to run code.
func newFrame(code *Code, globals, builtins *Dict, locals Value) *Frame {
	stacksize := code.co.StackSize
	buf := make([]Value, code.nlocalsplus+stacksize)
	return &Frame{
		ObjectBase: ObjectBase{cls: FrameType},
		code:       code,
		globals:    globals,
		builtins:   builtins,
		locals:     locals,
		fast:       buf[:code.nlocalsplus],
		stack:      buf[code.nlocalsplus:],
	}
}

// framePoolMax bounds the frames a thread keeps for reuse.
const framePoolMax = 64

// poolFrame makes the frame of a function call, reusing one that a
// finished call left when its buffer is large enough.
func (t *Thread) poolFrame(code *Code, globals, builtins *Dict) *Frame {
	need := code.nlocalsplus + code.co.StackSize
	if n := len(t.framePool); n > 0 {
		f := t.framePool[n-1]
		if cap(f.fast) >= need {
			t.framePool = t.framePool[:n-1]
			buf := f.fast[:need]
			f.code, f.globals, f.builtins = code, globals, builtins
			f.fast = buf[:code.nlocalsplus]
			f.stack = buf[code.nlocalsplus:]
			f.sp, f.ip, f.lasti, f.lineno, f.done = 0, 0, 0, 0, false
			return f
		}
	}
	return newFrame(code, globals, builtins, Null)
}

// release gives a finished, unescaped call frame back to the pool.
func (t *Thread) release(f *Frame) {
	if f.escaped || f.gen != nil || len(t.framePool) >= framePoolMax {
		return
	}
	// The locals are cleared (they must read as unbound next time, and
	// must not keep objects alive); the value stack is already empty, every
	// pop having cleared its slot. The other fields are set on reuse.
	clear(f.fast)
	f.stack = f.stack[:0]
	f.fast = f.fast[:0]
	t.framePool = append(t.framePool, f)
}

// escape marks f and its callers as reachable from outside their calls.
func (f *Frame) escape() {
	for x := f; x != nil && !x.escaped; x = x.back {
		x.escaped = true
	}
}

// Code returns the frame's code object.
func (f *Frame) Code() *Code { return f.code }

// Line returns the line the frame is running (f_lineno).
func (f *Frame) Line() int {
	if f.lineno > 0 {
		return f.lineno
	}
	return f.code.position(f.lasti).Line
}

// Back returns the calling frame, or nil.
func (f *Frame) Back() *Frame { return f.back }

func (f *Frame) push(v Value) {
	f.stack[f.sp] = v
	f.sp++
}

func (f *Frame) pop() Value {
	f.sp--
	v := f.stack[f.sp]
	f.stack[f.sp] = Value{}
	return v
}

func (f *Frame) top() Value { return f.stack[f.sp-1] }

func (f *Frame) peek(n int) Value { return f.stack[f.sp-n] }
