package vm

import (
	"math/big"

	"github.com/peephole-lsp/peephole/compiler"
	"github.com/peephole-lsp/peephole/internal/pyconst"
)

// Code is a code object as the VM runs it: the compiler's Code (what
// co_code, co_consts… hold) with its constants turned into Values, its
// names interned, and the tables the interpreter loop reads decoded once.
type Code struct {
	ObjectBase
	co *compiler.Code

	code     []byte
	consts   []Value
	names    []*Str
	filename *Str
	name     *Str
	qualname *Str

	nlocalsplus int
	nlocals     int
	// kinds are co_localspluskinds.
	kinds []byte
	// localsplusNames are the names of the fast locals, cells and frees.
	localsplusNames []*Str
	// excTable is the decoded exception table (in code units).
	excTable []excEntry
	// positions are co_positions() per code unit, decoded on first use.
	positions []compiler.Loc
	argcount  int
	posonly   int
	kwonly    int
	// simpleArgs says the parameters are positional ones only (no
	// keyword-only parameters, no *args or **kwargs).
	simpleArgs bool
	flags      compiler.CodeFlags
	// inline caches for specialization, by instruction unit.
	caches []inlineCache
	// dec is co_code decoded for the loop (decoded).
	dec []decInstr
	// finTry says whether the code has handlers besides a generator's
	// outermost one: 0 not yet known, 1 no, 2 yes (finalize.go).
	finTry int8
}

type excEntry struct {
	start, end, target, depth int
	lasti                     bool
}

// inlineCache is what the interpreter remembers about one instruction to
// go faster next time (the role CPython gives the CACHE units after it).
type inlineCache struct {
	version uint64
	index   int
	value   Value
	typ     *Type
}

// NewCode turns a compiler code object into a runnable one. Nested code
// objects in its constants are converted too.
func NewCode(co *compiler.Code) *Code {
	return newCode(co, map[*compiler.Code]*Code{})
}

func newCode(co *compiler.Code, seen map[*compiler.Code]*Code) *Code {
	if c, ok := seen[co]; ok {
		return c
	}
	c := &Code{
		ObjectBase:  ObjectBase{cls: CodeType},
		co:          co,
		code:        co.Code,
		filename:    Intern(co.Filename),
		name:        Intern(co.Name),
		qualname:    Intern(co.QualName),
		nlocalsplus: len(co.LocalsPlusNames),
		nlocals:     co.NLocals(),
		kinds:       co.LocalsPlusKinds,
		argcount:    co.ArgCount,
		posonly:     co.PosOnlyArgCount,
		kwonly:      co.KwOnlyArgCount,
		flags:       co.Flags,
	}
	c.simpleArgs = c.kwonly == 0 && co.Flags&(compiler.CoVarargs|compiler.CoVarkeywords) == 0
	seen[co] = c
	c.consts = make([]Value, len(co.Consts))
	for i, k := range co.Consts {
		c.consts[i] = constValue(k, seen)
	}
	c.names = make([]*Str, len(co.Names))
	for i, n := range co.Names {
		c.names[i] = Intern(n)
	}
	c.localsplusNames = make([]*Str, len(co.LocalsPlusNames))
	for i, n := range co.LocalsPlusNames {
		c.localsplusNames[i] = Intern(n)
	}
	for _, e := range co.ExceptionEntries() {
		c.excTable = append(c.excTable, excEntry{start: e.Start / 2, end: e.End / 2, target: e.Target / 2, depth: e.Depth, lasti: e.Lasti})
	}
	c.caches = make([]inlineCache, len(c.code)/2)
	return c
}

// Compiler returns the compiler's code object.
func (c *Code) Compiler() *compiler.Code { return c.co }

// Name returns co_name.
func (c *Code) Name() string { return c.name.s }

// position returns the source location of the instruction at unit i.
func (c *Code) position(i int) compiler.Loc {
	if c.positions == nil {
		c.positions = c.co.Positions()
	}
	if i < 0 || i >= len(c.positions) {
		return compiler.NoLoc
	}
	return c.positions[i]
}

// constValue turns a compiler constant into a Value.
func constValue(k compiler.Const, seen map[*compiler.Code]*Code) Value {
	switch v := k.(type) {
	case *compiler.Code:
		return Value{o: newCode(v, seen)}
	case pyconst.Value:
		return FromConst(v)
	}
	panic("vm: unexpected constant")
}

// FromConst turns a pyconst value into a Value.
func FromConst(k pyconst.Value) Value {
	switch v := k.(type) {
	case pyconst.NoneType:
		return None
	case pyconst.EllipsisType:
		return Ellipsis
	case pyconst.Bool:
		return Bool(bool(v))
	case pyconst.Int:
		if n, ok := v.Int64(); ok {
			return Int(n)
		}
		return NewBigInt(v.Big())
	case pyconst.Float:
		return Float(float64(v))
	case pyconst.Complex:
		return Value{o: NewComplex(v.Real, v.Imag)}
	case pyconst.Str:
		s := string(v)
		if isIdentifierLike(s) {
			return Value{o: Intern(s)}
		}
		return Value{o: NewStr(s)}
	case pyconst.Bytes:
		return Value{o: NewBytes([]byte(v))}
	case pyconst.Tuple:
		items := make([]Value, len(v))
		for i, e := range v {
			items[i] = FromConst(e)
		}
		return Value{o: NewTuple(items...)}
	case pyconst.FrozenSet:
		order := v.InsertionOrder()
		if order == nil {
			order = v.Elems()
		}
		items := make([]Value, 0, len(order))
		for _, e := range order {
			items = append(items, FromConst(e))
		}
		return Value{o: newFrozenSetOrdered(items)}
	}
	panic("vm: unexpected constant type")
}

// isIdentifierLike reports whether CPython interns a string constant
// (all_name_chars).
func isIdentifierLike(s string) bool {
	for i := 0; i < len(s); i++ {
		ch := s[i]
		if !(ch == '_' || ch >= '0' && ch <= '9' || ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z') {
			return false
		}
	}
	return true
}

// NewBigInt returns the int v, small when it fits.
func NewBigInt(v *big.Int) Value {
	if v.IsInt64() {
		return Int(v.Int64())
	}
	return Value{o: &BigInt{ObjectBase: ObjectBase{cls: IntType}, v: v}}
}

// decInstr is an instruction decoded once for the interpreter loop: its
// opcode, its argument with the EXTENDED_ARG prefixes folded in, and the
// unit after its inline caches (where execution continues and relative
// jumps count from). Every unit of co_code has one, so a jump may land on
// any instruction, a prefix included; a prefix's entry decodes the whole
// instruction.
type decInstr struct {
	op   compiler.Opcode
	arg  int32
	next int32
}

// decoded returns the decoded instructions, making them on first use.
func (c *Code) decoded() []decInstr {
	if c.dec != nil {
		return c.dec
	}
	code := c.code
	n := len(code) / 2
	dec := make([]decInstr, n)
	for i := 0; i < n; i++ {
		op := compiler.Opcode(code[2*i])
		arg := int32(code[2*i+1])
		j := i + 1
		for op == compiler.EXTENDED_ARG && j < n {
			op = compiler.Opcode(code[2*j])
			arg = arg<<8 | int32(code[2*j+1])
			j++
		}
		dec[i] = decInstr{op: op, arg: arg, next: int32(j + op.CacheEntries())}
	}
	c.dec = dec
	return dec
}
