package vm

import "fmt"

// This file parses the arguments of functions written in Go, with the
// messages CPython's argument parsers give (Argument Clinic's
// _PyArg_UnpackKeywords, PyArg_UnpackTuple, _PyArg_CheckPositional,
// _PyArg_NoKeywords). Each builtin states its parameters the way its
// CPython counterpart does, so that a wrong call fails with CPython's
// words.

// ArgSpec describes the parameters of a function written in Go.
type ArgSpec struct {
	// Name is the function's name in messages ("print", "str.split").
	Name string
	// Params are the parameter names, positional ones first. A name is
	// used for keywords unless the parameter is positional-only.
	Params []string
	// PosOnly counts the leading positional-only parameters (the ones
	// before "/").
	PosOnly int
	// Required counts the leading parameters that have no default.
	Required int
	// KwOnly counts the trailing keyword-only parameters (after "*");
	// they can be required too when Required reaches into them.
	KwOnly int
	// Style picks the messages of the parser CPython uses for it.
	Style ArgStyle
}

// ArgStyle chooses between the messages of CPython's argument parsers.
type ArgStyle int

const (
	// StyleClinic is Argument Clinic's: "f() takes at most 2 arguments
	// (3 given)", "f() missing required argument 'x' (pos 1)".
	StyleClinic ArgStyle = iota
	// StyleUnpack is PyArg_UnpackTuple's: "f expected at most 2
	// arguments, got 3", "f expected at least 1 argument, got 0".
	StyleUnpack
)

// Parse binds args (positional values then the values of kwnames) to the
// spec's parameters. Missing optional parameters are left NULL.
func (s *ArgSpec) Parse(t *Thread, args []Value, kwnames []*Str, out []Value) error {
	nargs := len(args) - len(kwnames)
	npos := len(s.Params) - s.KwOnly
	for i := range out {
		out[i] = Null
	}
	if len(kwnames) > 0 && s.PosOnly >= len(s.Params) {
		return t.typeErrorf("%s() takes no keyword arguments", s.Name)
	}
	if total := nargs + len(kwnames); s.Style == StyleClinic && total > len(s.Params) && (nargs > 0 || s.KwOnly < len(s.Params)) {
		// _PyArg_UnpackKeywords counts all the arguments first.
		kwd := ""
		if nargs == 0 {
			kwd = "keyword "
		}
		return t.typeErrorf("%s() takes at most %d %sargument%s (%d given)", s.Name, len(s.Params), kwd, plural(len(s.Params)), total)
	}
	if nargs > npos {
		return s.tooMany(t, nargs, npos, len(kwnames))
	}
	copy(out, args[:nargs])
	// As _PyArg_UnpackKeywords: a keyword naming a parameter given by
	// position first, then the missing required parameters, and only then
	// a keyword that names no parameter.
	var unknown error
	for k, kw := range kwnames {
		found := -1
		for j := s.PosOnly; j < len(s.Params); j++ {
			if s.Params[j] == kw.s {
				found = j
				break
			}
		}
		if found < 0 {
			if unknown == nil {
				unknown = t.typeErrorf("%s() got an unexpected keyword argument '%s'", s.Name, kw.s)
				for j := 0; j < s.PosOnly; j++ {
					if s.Params[j] == kw.s {
						unknown = t.typeErrorf("%s() got some positional-only arguments passed as keyword arguments: '%s'", s.Name, kw.s)
					}
				}
			}
			continue
		}
		if !out[found].IsNull() {
			if found < nargs {
				return t.typeErrorf("argument for %s() given by name ('%s') and position (%d)", s.Name, kw.s, found+1)
			}
			return t.typeErrorf("%s() got multiple values for argument '%s'", s.Name, kw.s)
		}
		out[found] = args[nargs+k]
	}
	for i := 0; i < s.Required && i < len(s.Params); i++ {
		if out[i].IsNull() {
			if s.Style == StyleUnpack || i < s.PosOnly {
				return s.tooFew(t, nargs)
			}
			return t.typeErrorf("%s() missing required argument '%s' (pos %d)", s.Name, s.Params[i], i+1)
		}
	}
	return unknown
}

func (s *ArgSpec) tooMany(t *Thread, given, npos, nkw int) error {
	if s.Style == StyleUnpack {
		if s.Required == npos {
			return t.typeErrorf("%s expected %d argument%s, got %d", s.Name, npos, plural(npos), given)
		}
		return t.typeErrorf("%s expected at most %d argument%s, got %d", s.Name, npos, plural(npos), given)
	}
	if npos == 0 {
		return t.typeErrorf("%s() takes no arguments (%d given)", s.Name, given)
	}
	if s.Required == npos {
		if npos == 1 {
			return t.typeErrorf("%s() takes exactly one argument (%d given)", s.Name, given)
		}
		return t.typeErrorf("%s() takes exactly %d arguments (%d given)", s.Name, npos, given)
	}
	if s.KwOnly > 0 || nkw > 0 || s.PosOnly < npos {
		return t.typeErrorf("%s() takes at most %d positional argument%s (%d given)", s.Name, npos, plural(npos), given)
	}
	return t.typeErrorf("%s() takes at most %d argument%s (%d given)", s.Name, npos, plural(npos), given)
}

func (s *ArgSpec) tooFew(t *Thread, given int) error {
	req := min(s.Required, len(s.Params)-s.KwOnly)
	npos := len(s.Params) - s.KwOnly
	if s.Style == StyleUnpack {
		if req == npos {
			return t.typeErrorf("%s expected %d argument%s, got %d", s.Name, req, plural(req), given)
		}
		return t.typeErrorf("%s expected at least %d argument%s, got %d", s.Name, req, plural(req), given)
	}
	if req == npos {
		if req == 1 {
			return t.typeErrorf("%s() takes exactly one argument (%d given)", s.Name, given)
		}
		return t.typeErrorf("%s() takes exactly %d arguments (%d given)", s.Name, req, given)
	}
	return t.typeErrorf("%s() takes at least %d positional argument%s (%d given)", s.Name, req, plural(req), given)
}

// noKwargs is _PyArg_NoKeywords.
func noKwargs(t *Thread, name string, kwnames []*Str) error {
	if len(kwnames) > 0 {
		return t.typeErrorf("%s() takes no keyword arguments", name)
	}
	return nil
}

// checkPositional is _PyArg_CheckPositional: between lo and hi positional
// arguments, none by keyword.
func checkPositional(t *Thread, name string, args []Value, kwnames []*Str, lo, hi int) error {
	if len(kwnames) > 0 {
		return t.typeErrorf("%s() takes no keyword arguments", name)
	}
	n := len(args)
	if n < lo {
		if lo == hi {
			return t.typeErrorf("%s expected %d argument%s, got %d", name, lo, plural(lo), n)
		}
		return t.typeErrorf("%s expected at least %d argument%s, got %d", name, lo, plural(lo), n)
	}
	if n > hi {
		if lo == hi {
			return t.typeErrorf("%s expected %d argument%s, got %d", name, hi, plural(hi), n)
		}
		return t.typeErrorf("%s expected at most %d argument%s, got %d", name, hi, plural(hi), n)
	}
	return nil
}

// noArgs checks a METH_NOARGS call: "f() takes no arguments (1 given)".
func noArgs(t *Thread, name string, args []Value, kwnames []*Str) error {
	if len(kwnames) > 0 {
		return t.typeErrorf("%s() takes no keyword arguments", name)
	}
	if len(args) > 0 {
		return t.typeErrorf("%s() takes no arguments (%d given)", name, len(args))
	}
	return nil
}

// oneArg checks a METH_O call: "f() takes exactly one argument (0 given)".
func oneArg(t *Thread, name string, args []Value, kwnames []*Str) error {
	if len(kwnames) > 0 {
		return t.typeErrorf("%s() takes no keyword arguments", name)
	}
	if len(args) != 1 {
		return t.typeErrorf("%s() takes exactly one argument (%d given)", name, len(args))
	}
	return nil
}

// typeName is the name CPython's messages give the type of v.
func typeName(v Value) string { return v.Type().Name }

// argTypeError is "f() argument 1 must be str, not int".
func argTypeError(t *Thread, fname string, pos int, want string, got Value) error {
	return t.typeErrorf("%s() argument %d must be %s, not %s", fname, pos, want, typeName(got))
}

// sprintf is fmt.Sprintf, short.
var sprintf = fmt.Sprintf
