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
	// done is set once the frame has returned or raised for good.
	done bool
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
	f.stack[f.sp] = Null
	return v
}

func (f *Frame) top() Value { return f.stack[f.sp-1] }

func (f *Frame) peek(n int) Value { return f.stack[f.sp-n] }
