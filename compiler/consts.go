package compiler

import (
	"fmt"
	"math"
	"reflect"
	"sort"
	"strconv"

	"github.com/peephole-lsp/peephole/internal/pyconst"
)

// constKey returns a string that two constants share exactly when
// CPython's _PyCode_ConstantKey makes them the same dictionary key: values
// of different types never share a key (1, 1.0 and True are three
// constants), 0.0 and -0.0 differ, tuples and frozensets compare
// element-wise by key. Code objects compare as code_richcompare does:
// name, argument counts, flags, first line, instructions, constants (by
// key), names, localsplus names, line table and exception table — so the
// two identical code objects of a generator expression compiled twice (the
// test of a while loop) are one constant.
func constKey(c Const) string {
	switch v := c.(type) {
	case pyconst.Str:
		// The commonest constant: no builder needed.
		return "s" + strconv.Itoa(len(v)) + ":" + string(v)
	case *Code:
		return v.constKey()
	}
	return string(appendConstKey(nil, c))
}

// constKey returns the code object's key, computed once: a code object is
// not changed after the assembler made it.
func (co *Code) constKey() string {
	if co.key == "" {
		co.key = string(appendConstKey(nil, co))
	}
	return co.key
}

func appendLenString(b []byte, s string) []byte {
	b = strconv.AppendInt(b, int64(len(s)), 10)
	b = append(b, ':')
	return append(b, s...)
}

func appendConstKey(b []byte, c Const) []byte {
	switch v := c.(type) {
	case pyconst.NoneType:
		return append(b, 'N')
	case pyconst.EllipsisType:
		return append(b, '.')
	case pyconst.Bool:
		if v {
			return append(b, 'T')
		}
		return append(b, 'F')
	case pyconst.Int:
		b = append(b, 'i')
		if n, ok := v.Int64(); ok {
			b = strconv.AppendInt(b, n, 10)
		} else {
			b = append(b, v.Text(10)...)
		}
		return append(b, ';')
	case pyconst.Float:
		b = append(b, 'f')
		b = strconv.AppendUint(b, math.Float64bits(float64(v)), 16)
		return append(b, ';')
	case pyconst.Complex:
		b = append(b, 'c')
		b = strconv.AppendUint(b, math.Float64bits(v.Real), 16)
		b = append(b, ',')
		b = strconv.AppendUint(b, math.Float64bits(v.Imag), 16)
		return append(b, ';')
	case pyconst.Str:
		b = append(b, 's')
		return appendLenString(b, string(v))
	case pyconst.Bytes:
		b = append(b, 'b')
		return appendLenString(b, string(v))
	case pyconst.Tuple:
		b = append(b, '(')
		for _, e := range v {
			b = appendConstKey(b, e)
		}
		return append(b, ')')
	case pyconst.FrozenSet:
		keys := make([]string, 0, v.Len())
		for _, e := range v.Elems() {
			keys = append(keys, constKey(e))
		}
		sort.Strings(keys)
		b = append(b, '{')
		for _, k := range keys {
			b = append(b, k...)
		}
		return append(b, '}')
	case *Code:
		if v.key != "" {
			return append(b, v.key...)
		}
		b = append(b, "code("...)
		b = appendLenString(b, v.Name)
		for _, n := range []int{v.ArgCount, v.PosOnlyArgCount, v.KwOnlyArgCount, int(v.Flags), v.FirstLineno} {
			b = append(b, ',')
			b = strconv.AppendInt(b, int64(n), 10)
		}
		b = append(b, ';')
		b = appendLenString(b, string(v.Code))
		for _, c := range v.Consts {
			b = appendConstKey(b, c)
		}
		b = append(b, ';')
		for _, n := range v.Names {
			b = appendLenString(b, n)
		}
		b = append(b, ';')
		for _, n := range v.LocalsPlusNames {
			b = appendLenString(b, n)
		}
		b = append(b, ';')
		b = appendLenString(b, string(v.LineTable))
		b = appendLenString(b, string(v.ExceptionTable))
		return append(b, ')')
	}
	panic(fmt.Sprintf("compiler: %T is not a constant", c))
}

// constIndex returns the index of the constant with c's key in consts, or
// -1. (The flowgraph's add_const searches the list this way.)
func constIndex(consts []Const, c Const) int {
	k := constKey(c)
	for i, e := range consts {
		// Constants of different types never share a key: skip them
		// without building theirs.
		if reflect.TypeOf(e) == reflect.TypeOf(c) && constKey(e) == k {
			return i
		}
	}
	return -1
}

// addConst returns the index of c in *consts, appending it if it is not
// there yet.
func addConst(consts *[]Const, c Const) int {
	if i := constIndex(*consts, c); i >= 0 {
		return i
	}
	*consts = append(*consts, c)
	return len(*consts) - 1
}

// constTable is the constants of a unit being compiled: a list in order
// of first addition, with a map from key to index (CPython's u_consts
// dict).
type constTable struct {
	list  []Const
	index map[string]int
}

// add returns the index of c, adding it if needed.
func (t *constTable) add(c Const) int {
	k := constKey(c)
	if i, ok := t.index[k]; ok {
		return i
	}
	if t.index == nil {
		t.index = map[string]int{}
	}
	t.list = append(t.list, c)
	t.index[k] = len(t.list) - 1
	return len(t.list) - 1
}

// nameTable is an insertion-ordered set of names that gives each its index
// (CPython's u_names, u_varnames, u_cellvars and u_freevars dicts).
type nameTable struct {
	names []string
	index map[string]int
}

// add returns the index of name, adding it if needed.
func (t *nameTable) add(name string) int {
	if i, ok := t.index[name]; ok {
		return i
	}
	if t.index == nil {
		t.index = map[string]int{}
	}
	t.names = append(t.names, name)
	t.index[name] = len(t.names) - 1
	return len(t.names) - 1
}

// lookup returns the index of name, or -1.
func (t *nameTable) lookup(name string) int {
	if i, ok := t.index[name]; ok {
		return i
	}
	return -1
}

func (t *nameTable) len() int { return len(t.names) }

// unitMeta is what a compiled unit records about itself for the flowgraph
// and the assembler (CPython's _PyCompile_CodeUnitMetadata).
type unitMeta struct {
	Name     string
	QualName string
	Names    nameTable
	// VarNames are the fast locals: the parameters, then other locals in
	// order of first use by codegen.
	VarNames nameTable
	// CellVars are the cells, in CPython's order (__class__ and
	// __classdict__ first, then sorted); FreeVars the free variables,
	// sorted. Codegen numbers them together, as CPython does: the argument
	// of a DEREF opcode is a cell's index, or len(CellVars) plus a free
	// variable's index; prepare_localsplus maps that to the localsplus
	// index.
	CellVars nameTable
	FreeVars nameTable
	// FastHidden marks the fast locals hidden from locals(): the variables
	// of comprehensions inlined at module or class level. As in CPython's
	// u_fasthidden, a name is hidden when it is a key, whatever its value:
	// codegen sets it true while the comprehension is inlined and false
	// after, and the assembler only tests membership.
	FastHidden map[string]bool

	// ArgCount is CPython's u_argcount: the positional parameters that are
	// not positional-only, so co_argcount is PosOnlyArgCount + ArgCount.
	ArgCount        int
	PosOnlyArgCount int
	KwOnlyArgCount  int
	FirstLineno     int
}
