package vm

import (
	"fmt"

	"github.com/peephole-lsp/peephole/compiler"
)

// This file gives code objects and cells their Python attributes
// (CPython's Objects/codeobject.c and cellobject.c): the co_* members and
// getters, co_lines() and co_positions(), replace(), equality and hash of
// code objects, and the cell type with cell_contents. The Code itself (what
// the interpreter runs) is in code.go; everything here is derived from the
// compiler's code object it wraps, except co_consts and co_names, which
// come from the VM's converted copies.

var (
	lineIterType      = builtinType("line_iterator", nil, 0)
	positionsIterType = builtinType("positions_iterator", nil, 0)
)

// tupleIter is an iterator over precomputed tuples (co_lines(),
// co_positions()).
type tupleIter struct {
	ObjectBase
	items []Value
	i     int
}

func init() { onSetup(setupCodeObject) }

// strsTuple returns a tuple of interned strings.
func strsTuple(names []string) Value {
	if len(names) == 0 {
		return Value{o: emptyTuple}
	}
	items := make([]Value, len(names))
	for i, n := range names {
		items[i] = Value{o: Intern(n)}
	}
	return Value{o: NewTuple(items...)}
}

// optInt is an int, or None for a negative value (a missing position).
func optInt(n int) Value {
	if n < 0 {
		return None
	}
	return Int(int64(n))
}

// lnotab computes the deprecated co_lnotab from the line table, as
// CPython's decode_linetable does: a (byte delta, line delta) pair at each
// change of the computed line, the line of a range without one being the
// line before it.
func (c *Code) lnotab() []byte {
	var out []byte
	emit := func(b, l int) { out = append(out, byte(b), byte(int8(l))) }
	line := c.co.FirstLineno
	codeOffset := 0
	for i, p := range c.co.Positions() {
		if p.Line < 0 || p.Line == line {
			continue
		}
		bdelta := i*2 - codeOffset
		ldelta := p.Line - line
		for bdelta > 255 {
			emit(255, 0)
			bdelta -= 255
		}
		for ldelta > 127 {
			emit(bdelta, 127)
			bdelta = 0
			ldelta -= 127
		}
		for ldelta < -128 {
			emit(bdelta, -128)
			bdelta = 0
			ldelta += 128
		}
		emit(bdelta, ldelta)
		codeOffset = i * 2
		line = p.Line
	}
	return out
}

func setupCodeObject() {
	ct := CodeType
	code := func(v Value) *Code { return v.o.(*Code) }
	member := func(name string, get func(c *Code) Value) {
		defMember(ct, name, func(t *Thread, self Value) (Value, error) { return get(code(self)), nil })
	}
	getter := func(name string, get func(c *Code) Value) {
		defGetSet(ct, name, func(t *Thread, self Value) (Value, error) { return get(code(self)), nil }, nil)
	}
	member("co_argcount", func(c *Code) Value { return Int(int64(c.argcount)) })
	member("co_posonlyargcount", func(c *Code) Value { return Int(int64(c.posonly)) })
	member("co_kwonlyargcount", func(c *Code) Value { return Int(int64(c.kwonly)) })
	member("co_stacksize", func(c *Code) Value { return Int(int64(c.co.StackSize)) })
	member("co_flags", func(c *Code) Value { return Int(int64(c.flags)) })
	member("co_nlocals", func(c *Code) Value { return Int(int64(c.nlocals)) })
	member("co_consts", func(c *Code) Value { return Value{o: NewTuple(append([]Value(nil), c.consts...)...)} })
	member("co_names", func(c *Code) Value {
		items := make([]Value, len(c.names))
		for i, n := range c.names {
			items[i] = Value{o: n}
		}
		return Value{o: NewTuple(items...)}
	})
	member("co_filename", func(c *Code) Value { return Value{o: c.filename} })
	member("co_name", func(c *Code) Value { return Value{o: c.name} })
	member("co_qualname", func(c *Code) Value { return Value{o: c.qualname} })
	member("co_firstlineno", func(c *Code) Value { return Int(int64(c.co.FirstLineno)) })
	member("co_linetable", func(c *Code) Value { return Value{o: NewBytes(c.co.LineTable)} })
	member("co_exceptiontable", func(c *Code) Value { return Value{o: NewBytes(c.co.ExceptionTable)} })
	getter("co_varnames", func(c *Code) Value { return strsTuple(c.co.VarNames()) })
	getter("co_cellvars", func(c *Code) Value { return strsTuple(c.co.CellVars()) })
	getter("co_freevars", func(c *Code) Value { return strsTuple(c.co.FreeVars()) })
	getter("co_code", func(c *Code) Value { return Value{o: NewBytes(c.co.Code)} })
	getter("_co_code_adaptive", func(c *Code) Value { return Value{o: NewBytes(c.quickened())} })
	defGetSet(ct, "co_lnotab", func(t *Thread, self Value) (Value, error) {
		if err := t.warnDeprecated("co_lnotab is deprecated, use co_lines instead."); err != nil {
			return Null, err
		}
		return Value{o: NewBytes(code(self).lnotab())}, nil
	}, nil)

	defMethods(ct,
		MethodDef{Name: "co_lines", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := noArgs(t, "co_lines", args, kw); err != nil {
				return Null, err
			}
			var items []Value
			for _, r := range code(self).co.Lines() {
				items = append(items, Value{o: NewTuple(Int(int64(r.Start)), Int(int64(r.End)), optInt(r.Line))})
			}
			return Value{o: &tupleIter{ObjectBase: ObjectBase{cls: lineIterType}, items: items}}, nil
		}},
		MethodDef{Name: "co_positions", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := noArgs(t, "co_positions", args, kw); err != nil {
				return Null, err
			}
			c := code(self)
			ps := c.co.Positions()
			items := make([]Value, len(ps))
			for i, p := range ps {
				items[i] = Value{o: NewTuple(optInt(p.Line), optInt(p.EndLine), optInt(p.Col), optInt(p.EndCol))}
			}
			return Value{o: &tupleIter{ObjectBase: ObjectBase{cls: positionsIterType}, items: items}}, nil
		}},
		MethodDef{Name: "replace", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return codeReplace(t, "replace", code(self), args, kw)
		}},
		MethodDef{Name: "__replace__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return codeReplace(t, "__replace__", code(self), args, kw)
		}},
	)
	ct.Repr = func(t *Thread, v Value) (Value, error) {
		c := code(v)
		return NewStrValue(fmt.Sprintf("<code object %s at %s, file \"%s\", line %d>", c.name.s, hexID(v), c.filename.s, c.co.FirstLineno)), nil
	}
	ct.Compare = func(t *Thread, a, b Value, op CompareOp) (Value, error) {
		x, ok1 := a.o.(*Code)
		y, ok2 := b.o.(*Code)
		if !ok1 || !ok2 || (op != EQ && op != NE) {
			return NotImplemented, nil
		}
		eq, err := codeEqual(t, x, y)
		if err != nil {
			return Null, err
		}
		return Bool(eq == (op == EQ)), nil
	}
	ct.Hash = func(t *Thread, v Value) (int64, error) {
		c := code(v)
		h := int64(20221211)
		mix := func(x int64) { h = h*1000003 ^ x }
		for _, s := range []*Str{c.name, c.qualname} {
			x, err := Hash(t, Value{o: s})
			if err != nil {
				return 0, err
			}
			mix(x)
		}
		mix(int64(c.argcount))
		mix(int64(c.posonly))
		mix(int64(c.kwonly))
		mix(int64(c.flags))
		mix(int64(c.co.FirstLineno))
		mix(int64(len(c.co.Code)))
		mix(int64(len(c.consts)))
		mix(int64(len(c.names)))
		if h == -1 {
			h = -2
		}
		return h, nil
	}

	it := func(tp *Type) {
		tp.Iter = func(t *Thread, v Value) (Value, error) { return v, nil }
		tp.Next = func(t *Thread, v Value) (Value, error) {
			ti := v.o.(*tupleIter)
			if ti.i >= len(ti.items) {
				ti.items = nil
				return Null, nil
			}
			ti.i++
			return ti.items[ti.i-1], nil
		}
	}
	it(lineIterType)
	it(positionsIterType)

	setupCell()
}

// codeEqual compares two code objects as code_richcompare does: the same
// names, counts, flags, bytecode, constants (of the same types), names and
// tables.
func codeEqual(t *Thread, x, y *Code) (bool, error) {
	if x == y {
		return true, nil
	}
	a, b := x.co, y.co
	if x.name.s != y.name.s || x.qualname.s != y.qualname.s || x.argcount != y.argcount ||
		x.posonly != y.posonly || x.kwonly != y.kwonly || x.flags != y.flags ||
		a.FirstLineno != b.FirstLineno || string(a.Code) != string(b.Code) ||
		string(a.LineTable) != string(b.LineTable) || string(a.ExceptionTable) != string(b.ExceptionTable) ||
		len(x.consts) != len(y.consts) || len(x.names) != len(y.names) ||
		len(a.LocalsPlusNames) != len(b.LocalsPlusNames) || string(a.LocalsPlusKinds) != string(b.LocalsPlusKinds) {
		return false, nil
	}
	for i := range x.names {
		if x.names[i].s != y.names[i].s {
			return false, nil
		}
	}
	for i := range a.LocalsPlusNames {
		if a.LocalsPlusNames[i] != b.LocalsPlusNames[i] {
			return false, nil
		}
	}
	for i := range x.consts {
		p, q := x.consts[i], y.consts[i]
		if p.Type() != q.Type() {
			return false, nil
		}
		eq, err := RichCompareBool(t, p, q, EQ)
		if err != nil || !eq {
			return false, err
		}
	}
	return true, nil
}

// codeReplace is code.replace(**changes): a copy of c with the given
// co_* fields replaced. Structural fields (co_code, the counts, the
// variable names) must keep the shape the bytecode relies on, since the
// interpreter trusts it; the others may change freely.
func codeReplace(t *Thread, fname string, c *Code, args []Value, kwnames []*Str) (Value, error) {
	if len(args) > len(kwnames) {
		return Null, t.typeErrorf("%s() takes no positional arguments", fname)
	}
	co := *c.co
	consts := c.consts
	names := c.names
	vals := args[len(args)-len(kwnames):]
	intArg := func(name string, v Value, dst *int) error {
		if !v.IsSmallInt() && !v.IsBool() {
			if _, ok := v.o.(*BigInt); !ok {
				return t.typeErrorf("%s() argument '%s' must be int, not %s", fname, name, typeName(v))
			}
			return t.raisef(OverflowErrorType, "Python int too large to convert to C int")
		}
		n := v.SmallInt()
		if v.IsBool() {
			n = 0
			if v.Is(True) {
				n = 1
			}
		}
		*dst = int(n)
		return nil
	}
	strArg := func(name string, v Value, dst *string) error {
		s, ok := v.o.(*Str)
		if !ok {
			return t.typeErrorf("%s() argument '%s' must be str, not %s", fname, name, typeName(v))
		}
		*dst = s.s
		return nil
	}
	bytesArg := func(name string, v Value, dst *[]byte) error {
		b, ok := v.o.(*Bytes)
		if !ok {
			return t.typeErrorf("%s() argument '%s' must be bytes, not %s", fname, name, typeName(v))
		}
		*dst = b.b
		return nil
	}
	tupleArg := func(name string, v Value) (*Tuple, error) {
		tu, ok := v.o.(*Tuple)
		if !ok {
			return nil, t.typeErrorf("%s() argument '%s' must be tuple, not %s", fname, name, typeName(v))
		}
		return tu, nil
	}
	strsArg := func(name string, v Value) ([]string, error) {
		tu, err := tupleArg(name, v)
		if err != nil {
			return nil, err
		}
		out := make([]string, len(tu.items))
		for i, it := range tu.items {
			s, ok := it.o.(*Str)
			if !ok {
				return nil, t.typeErrorf("name tuples must contain only strings, not '%s'", typeName(it))
			}
			out[i] = s.s
		}
		return out, nil
	}
	// setKind renames the localsplus entries of one kind, in order.
	setKind := func(name string, v Value, kind byte) error {
		ns, err := strsArg(name, v)
		if err != nil {
			return err
		}
		lp := append([]string(nil), co.LocalsPlusNames...)
		j := 0
		for i, k := range co.LocalsPlusKinds {
			if k&kind != 0 {
				if j < len(ns) {
					lp[i] = ns[j]
				}
				j++
			}
		}
		if j != len(ns) {
			return t.valueErrorf("code: %s must not change its size", name)
		}
		co.LocalsPlusNames = lp
		return nil
	}
	var err error
	for i, kw := range kwnames {
		v := vals[i]
		switch kw.s {
		case "co_argcount":
			n := co.ArgCount
			err = intArg(kw.s, v, &n)
			if err == nil && n != co.ArgCount {
				err = t.valueErrorf("code: co_argcount cannot be changed here")
			}
		case "co_posonlyargcount":
			n := co.PosOnlyArgCount
			err = intArg(kw.s, v, &n)
			if err == nil && n != co.PosOnlyArgCount {
				err = t.valueErrorf("code: co_posonlyargcount cannot be changed here")
			}
		case "co_kwonlyargcount":
			n := co.KwOnlyArgCount
			err = intArg(kw.s, v, &n)
			if err == nil && n != co.KwOnlyArgCount {
				err = t.valueErrorf("code: co_kwonlyargcount cannot be changed here")
			}
		case "co_nlocals":
			n := 0
			err = intArg(kw.s, v, &n)
		case "co_stacksize":
			n := 0
			if err = intArg(kw.s, v, &n); err == nil && n > co.StackSize {
				co.StackSize = n
			}
		case "co_flags":
			n := 0
			if err = intArg(kw.s, v, &n); err == nil {
				co.Flags = compiler.CodeFlags(n)
			}
		case "co_firstlineno":
			err = intArg(kw.s, v, &co.FirstLineno)
		case "co_code":
			var b []byte
			if err = bytesArg(kw.s, v, &b); err == nil && string(b) != string(co.Code) {
				err = t.valueErrorf("code: co_code cannot be changed here")
			}
		case "co_consts":
			var tu *Tuple
			if tu, err = tupleArg(kw.s, v); err == nil {
				if len(tu.items) < len(consts) {
					err = t.valueErrorf("code: co_consts is too small")
				} else {
					consts = append([]Value(nil), tu.items...)
				}
			}
		case "co_names":
			var ns []string
			if ns, err = strsArg(kw.s, v); err == nil {
				if len(ns) < len(names) {
					err = t.valueErrorf("code: co_names is too small")
				} else {
					names = make([]*Str, len(ns))
					for i, n := range ns {
						names[i] = Intern(n)
					}
				}
			}
		case "co_varnames":
			err = setKind(kw.s, v, compiler.FastLocal)
		case "co_freevars":
			err = setKind(kw.s, v, compiler.FastFree)
		case "co_cellvars":
			err = setKind(kw.s, v, compiler.FastCell)
		case "co_filename":
			err = strArg(kw.s, v, &co.Filename)
		case "co_name":
			err = strArg(kw.s, v, &co.Name)
		case "co_qualname":
			err = strArg(kw.s, v, &co.QualName)
		case "co_linetable":
			err = bytesArg(kw.s, v, &co.LineTable)
		case "co_exceptiontable":
			var b []byte
			if err = bytesArg(kw.s, v, &b); err == nil && string(b) != string(co.ExceptionTable) {
				err = t.valueErrorf("code: co_exceptiontable cannot be changed here")
			}
		default:
			err = t.typeErrorf("%s() got an unexpected keyword argument '%s'", fname, kw.s)
		}
		if err != nil {
			return Null, err
		}
	}
	nc := newCode(&co, map[*compiler.Code]*Code{})
	nc.consts = consts
	nc.names = names
	return Value{o: nc}, nil
}

func setupCell() {
	ct := CellType
	cell := func(v Value) *Cell { return v.o.(*Cell) }
	ct.New = func(t *Thread, cls *Type, args []Value, kwnames []*Str) (Value, error) {
		if err := noKwargs(t, "cell", kwnames); err != nil {
			return Null, err
		}
		if len(args) > 1 {
			return Null, t.typeErrorf("cell expected at most 1 argument, got %d", len(args))
		}
		c := NewCell(Null)
		if len(args) == 1 {
			c.v = args[0]
		}
		return Value{o: c}, nil
	}
	ct.hashNone = true
	ct.Repr = func(t *Thread, v Value) (Value, error) {
		c := cell(v)
		if c.v.IsNull() {
			return NewStrValue(fmt.Sprintf("<cell at %s: empty>", hexID(v))), nil
		}
		return NewStrValue(fmt.Sprintf("<cell at %s: %s object at %s>", hexID(v), typeName(c.v), hexID(c.v))), nil
	}
	ct.Compare = func(t *Thread, a, b Value, op CompareOp) (Value, error) {
		x, ok1 := a.o.(*Cell)
		y, ok2 := b.o.(*Cell)
		if !ok1 || !ok2 {
			return NotImplemented, nil
		}
		if !x.v.IsNull() && !y.v.IsNull() {
			return RichCompare(t, x.v, y.v, op)
		}
		// An empty cell is less than a full one.
		p, q := 0, 0
		if !x.v.IsNull() {
			p = 1
		}
		if !y.v.IsNull() {
			q = 1
		}
		var r bool
		switch op {
		case LT:
			r = p < q
		case LE:
			r = p <= q
		case EQ:
			r = p == q
		case NE:
			r = p != q
		case GT:
			r = p > q
		case GE:
			r = p >= q
		}
		return Bool(r), nil
	}
	defGetSet(ct, "cell_contents", func(t *Thread, self Value) (Value, error) {
		c := cell(self)
		if c.v.IsNull() {
			return Null, t.raise(ValueErrorType, "Cell is empty")
		}
		return c.v, nil
	}, func(t *Thread, self, v Value) error {
		cell(self).v = v
		return nil
	})
}
