package vm

import "github.com/peephole-lsp/peephole/compiler"

// This file adds to code objects what the dis module reads beyond the
// co_* attributes of codeobject.go: _varname_from_oparg, the name of a
// localsplus slot given an instruction's argument (LOAD_FAST, LOAD_DEREF…),
// and the quickened code behind _co_code_adaptive.

var varnameFromOpargSpec = ArgSpec{Name: "_varname_from_oparg", Params: []string{"oparg"}, Required: 1}

func init() {
	onSetup(func() {
		defMethods(CodeType, MethodDef{Name: "_varname_from_oparg", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			var a [1]Value
			if err := clinicArgs(t, &varnameFromOpargSpec, args, kw, a[:]); err != nil {
				return Null, err
			}
			i, err := asCInt(t, a[0])
			if err != nil {
				return Null, err
			}
			c := self.o.(*Code)
			if i < 0 || i >= len(c.localsplusNames) {
				return Null, t.raise(IndexErrorType, "tuple index out of range")
			}
			return Value{o: c.localsplusNames[i]}, nil
		}})
	})
}

// warnDeprecated issues a DeprecationWarning as PyErr_WarnEx(…, 1) does:
// through the warnings module once a program has imported it (so that
// catch_warnings and filters apply), else by the VM's own default
// handling.
func (t *Thread) warnDeprecated(msg string) error {
	if _, ok := t.interp.Modules.GetStr("warnings"); ok {
		return t.stdWarn(DeprecationWarningType, msg, 1)
	}
	return t.warnRuntime(DeprecationWarningType, msg)
}

// quickened is _co_code_adaptive before the code has run: co_code with
// the first inline cache entry of each instruction that has caches set
// as _PyCode_Quicken sets it (the branch history of the conditional
// jumps, the backoff counter of JUMP_BACKWARD, the warm-up counter of
// the specializable instructions). peephole does not rewrite its code
// as it runs, so this is what dis(adaptive=True) shows at any time.
func (c *Code) quickened() []byte {
	code := append([]byte(nil), c.co.Code...)
	for i := 0; i+1 < len(code)/2; i++ {
		op := compiler.Opcode(code[2*i])
		n := op.CacheEntries()
		if n == 0 {
			continue
		}
		var v uint16
		switch op {
		case compiler.JUMP_BACKWARD:
			v = 16<<4 | 4
		case compiler.POP_JUMP_IF_FALSE, compiler.POP_JUMP_IF_TRUE, compiler.POP_JUMP_IF_NONE, compiler.POP_JUMP_IF_NOT_NONE:
			v = 0x5555
		default:
			v = 1<<4 | 1
		}
		code[2*i+2], code[2*i+3] = byte(v), byte(v>>8)
		i += n
	}
	return code
}
