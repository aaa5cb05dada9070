package vm

// This file adds to code objects what the dis module reads beyond the
// co_* attributes of codeobject.go: _varname_from_oparg, the name of a
// localsplus slot given an instruction's argument (LOAD_FAST, LOAD_DEREF…).

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

