package vm

import (
	"os"
	"strings"
	"syscall"
)

// This file holds what the native modules (mod_*.go) share: the types
// they define, named as CPython's static types of extension modules are.
// Such a type's tp_name is dotted ("collections.deque"): CPython's
// messages print the whole of it ("'collections.deque' object is not
// callable"), while __name__ and __qualname__ are the part after the last
// dot and __module__ the part before. Our Type keeps the dotted name in
// Name (the one messages use), the short one in QualName, and the module
// in its namespace's __module__.

// nativeTypeModules remembers the module of each type made by nativeType,
// for the setup that writes __module__ into the namespaces.
var nativeTypeModules = map[*Type]string{}

// nativeType declares, in a file's variable initializers, a builtin type
// that belongs to a native module: nativeType("collections", "deque",
// nil, FlagBaseType).
func nativeType(module, name string, base *Type, flags TypeFlags) *Type {
	full := name
	if module != "" && module != "builtins" {
		full = module + "." + name
	}
	t := builtinType(full, base, flags)
	t.QualName = name
	nativeTypeModules[t] = module
	return t
}

func init() {
	onSetup(func() {
		for t, mod := range nativeTypeModules {
			t.Dict.SetStr("__module__", NewStrValue(mod))
		}
	})
}

// shortName is a type's __name__: the part of a builtin type's dotted
// name after the last dot.
func shortName(t *Type) string {
	if t.HasFlag(FlagHeapType) {
		return t.Name
	}
	if i := strings.LastIndexByte(t.Name, '.'); i >= 0 {
		return t.Name[i+1:]
	}
	return t.Name
}

// addType puts a type in a native module under its __name__.
func (m *Module) addType(tp *Type) { m.dict.SetStr(shortName(tp), Value{o: tp}) }

// builtinMethod is a shorthand for the Go functions of native modules.
type builtinMethod = func(t *Thread, self Value, args []Value, kw []*Str) (Value, error)

// kwArgs splits the arguments of a call: the positional ones and the
// keyword values by name.
func kwArgs(args []Value, kwnames []*Str) ([]Value, []Value) {
	n := len(args) - len(kwnames)
	return args[:n], args[n:]
}

// newInstanceOf allocates an instance of a class whose layout is object's
// (for the types of native modules that keep their state in Go structs,
// subclasses made in Python share the Go struct).
func isExactly(v Value, tp *Type) bool { return v.Type() == tp }

// clinicArgs binds the arguments of a call to a function whose CPython
// counterpart parses them with Argument Clinic's _PyArg_UnpackKeywords,
// with its checks in its order and its messages. The spec's Params are
// the parameters (positional-only ones first, keyword-only ones last);
// out receives them, NULL where an optional one was not given.
func clinicArgs(t *Thread, s *ArgSpec, args []Value, kwnames []*Str, out []Value) error {
	for i := range out {
		out[i] = Null
	}
	nargs := len(args) - len(kwnames)
	nkw := len(kwnames)
	maxargs := len(s.Params)
	maxpos := maxargs - s.KwOnly
	minpos := min(s.Required, maxpos)
	minkw := max(0, s.Required-maxpos)
	reqlimit := minpos
	if minkw > 0 {
		reqlimit = maxpos + minkw
	}
	minposonly := min(s.PosOnly, minpos)
	if nkw == 0 && minkw == 0 && minpos <= nargs && nargs <= maxpos {
		copy(out, args[:nargs])
		return nil
	}
	if nargs+nkw > maxargs {
		kwWord := ""
		if nargs == 0 {
			kwWord = "keyword "
		}
		return t.typeErrorf("%s() takes at most %d %sargument%s (%d given)", s.Name, maxargs, kwWord, plural(maxargs), nargs+nkw)
	}
	if nargs > maxpos {
		if maxpos == 0 {
			return t.typeErrorf("%s() takes no positional arguments", s.Name)
		}
		word := "exactly"
		if minpos < maxpos {
			word = "at most"
		}
		return t.typeErrorf("%s() takes %s %d positional argument%s (%d given)", s.Name, word, maxpos, plural(maxpos), nargs)
	}
	if nargs < minposonly {
		word := "exactly"
		if minposonly < maxpos {
			word = "at least"
		}
		return t.typeErrorf("%s() takes %s %d positional argument%s (%d given)", s.Name, word, minposonly, plural(minposonly), nargs)
	}
	copy(out, args[:nargs])
	kwvals := args[nargs:]
	find := func(name string) Value {
		for k, kw := range kwnames {
			if kw.s == name {
				return kwvals[k]
			}
		}
		return Null
	}
	left := nkw
	for i := max(nargs, s.PosOnly); i < maxargs; i++ {
		var cur Value
		if left > 0 {
			cur = find(s.Params[i])
		} else if i >= reqlimit {
			break
		}
		out[i] = cur
		if !cur.IsNull() {
			left--
		} else if i < minpos || (maxpos <= i && i < reqlimit) {
			return t.typeErrorf("%s() missing required argument '%s' (pos %d)", s.Name, s.Params[i], i+1)
		}
	}
	if left > 0 {
		for i := s.PosOnly; i < nargs; i++ {
			if !find(s.Params[i]).IsNull() {
				return t.typeErrorf("argument for %s() given by name ('%s') and position (%d)", s.Name, s.Params[i], i+1)
			}
		}
		return unexpectedKeyword(t, s.Name+"()", s.Params[s.PosOnly:], s.Params[:s.PosOnly], kwnames)
	}
	return nil
}

// unexpectedKeyword is error_unexpected_keyword_arg: the first keyword
// that names no parameter, with a suggestion of the nearest parameter
// name.
func unexpectedKeyword(t *Thread, fname string, kwParams, posOnly []string, kwnames []*Str) error {
	for _, kw := range kwnames {
		known := false
		for _, p := range kwParams {
			if p == kw.s {
				known = true
				break
			}
		}
		if known {
			continue
		}
		for _, p := range posOnly {
			if p == kw.s {
				return t.typeErrorf("%s got some positional-only arguments passed as keyword arguments: '%s'", fname, kw.s)
			}
		}
		if s := suggestName(kw.s, kwParams); s != "" {
			return t.typeErrorf("%s got an unexpected keyword argument '%s'. Did you mean '%s'?", fname, kw.s, s)
		}
		return t.typeErrorf("%s got an unexpected keyword argument '%s'", fname, kw.s)
	}
	return t.typeErrorf("%s got an unexpected keyword argument", fname)
}

// suggestName is _Py_CalculateSuggestions: the candidate nearest to name
// by the Levenshtein distance CPython uses (moves cost 2, a change of
// case 1), when no more than a third of the characters change; "" when
// none is near enough.
func suggestName(name string, candidates []string) string {
	const moveCost = 2
	best, bestDist := "", int(^uint(0)>>1)
	for _, c := range candidates {
		if c == name {
			continue
		}
		maxDist := (len(name) + len(c) + 3) * moveCost / 6
		maxDist = min(maxDist, bestDist-1)
		d := kwLevenshtein(name, c, maxDist)
		if d > maxDist {
			continue
		}
		if best == "" || d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

// kwLevenshtein is CPython's levenshtein_distance (suggestions.c): common
// affixes trimmed, max+1 once the distance is known to exceed max.
func kwLevenshtein(a, b string, maxCost int) int {
	const moveCost, caseCost, maxSize = 2, 1, 40
	for len(a) > 0 && len(b) > 0 && a[0] == b[0] {
		a, b = a[1:], b[1:]
	}
	for len(a) > 0 && len(b) > 0 && a[len(a)-1] == b[len(b)-1] {
		a, b = a[:len(a)-1], b[:len(b)-1]
	}
	if len(a) == 0 || len(b) == 0 {
		return (len(a) + len(b)) * moveCost
	}
	if len(a) > maxSize || len(b) > maxSize {
		return maxCost + 1
	}
	if len(b) < len(a) {
		a, b = b, a
	}
	if (len(b)-len(a))*moveCost > maxCost {
		return maxCost + 1
	}
	subst := func(x, y byte) int {
		if x&31 != y&31 {
			return moveCost
		}
		if x == y {
			return 0
		}
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x == y {
			return caseCost
		}
		return moveCost
	}
	buf := make([]int, len(a))
	for i := range buf {
		buf[i] = (i + 1) * moveCost
	}
	result := 0
	for bi := 0; bi < len(b); bi++ {
		code := b[bi]
		distance := bi * moveCost
		result = distance
		minimum := int(^uint(0) >> 1)
		for i := 0; i < len(a); i++ {
			substitute := distance + subst(code, a[i])
			distance = buf[i]
			insertDelete := min(result, distance) + moveCost
			result = min(insertDelete, substitute)
			buf[i] = result
			minimum = min(minimum, result)
		}
		if minimum > maxCost {
			return maxCost + 1
		}
	}
	return result
}

// fdTable holds the descriptors os.open made, by number.
type fdTable struct {
	files map[int]*os.File
}

func (t *Thread) fds() *fdTable {
	std := t.std()
	if std.fds == nil {
		std.fds = &fdTable{files: map[int]*os.File{}}
	}
	return std.fds
}

// fileOf returns the Go file of a descriptor.
func (t *Thread) fileOf(fd int) (*os.File, error) {
	switch fd {
	case 0:
		return os.Stdin, nil
	case 1:
		return os.Stdout, nil
	case 2:
		return os.Stderr, nil
	}
	if f, ok := t.fds().files[fd]; ok {
		return f, nil
	}
	return nil, t.osError(syscall.EBADF, "")
}

// objectAttrSlot reports whether sd is the attribute access slot pair
// (__getattribute__/__getattr__ or __setattr__/__delattr__), whose
// wrappers object has although its slots are nil (slots.go).
func objectAttrSlot(sd slotDef) bool {
	return sd.names[0] == "__getattribute__" || sd.names[0] == "__setattr__"
}
