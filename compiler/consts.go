package compiler

import (
	"fmt"
	"math"
	"sort"
	"strings"

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
	var b strings.Builder
	writeConstKey(&b, c)
	return b.String()
}

func writeConstKey(b *strings.Builder, c Const) {
	switch v := c.(type) {
	case pyconst.NoneType:
		b.WriteString("N")
	case pyconst.EllipsisType:
		b.WriteString(".")
	case pyconst.Bool:
		if v {
			b.WriteString("T")
		} else {
			b.WriteString("F")
		}
	case pyconst.Int:
		b.WriteString("i")
		b.WriteString(v.String())
		b.WriteByte(';')
	case pyconst.Float:
		fmt.Fprintf(b, "f%x;", math.Float64bits(float64(v)))
	case pyconst.Complex:
		fmt.Fprintf(b, "c%x,%x;", math.Float64bits(v.Real), math.Float64bits(v.Imag))
	case pyconst.Str:
		fmt.Fprintf(b, "s%d:%s", len(v), string(v))
	case pyconst.Bytes:
		fmt.Fprintf(b, "b%d:%s", len(v), string(v))
	case pyconst.Tuple:
		b.WriteString("(")
		for _, e := range v {
			writeConstKey(b, e)
		}
		b.WriteString(")")
	case pyconst.FrozenSet:
		keys := make([]string, 0, v.Len())
		for _, e := range v.Elems() {
			keys = append(keys, constKey(e))
		}
		sort.Strings(keys)
		b.WriteString("{")
		for _, k := range keys {
			b.WriteString(k)
		}
		b.WriteString("}")
	case *Code:
		fmt.Fprintf(b, "code(%d:%s;%d,%d,%d,%x,%d;", len(v.Name), v.Name, v.ArgCount, v.PosOnlyArgCount, v.KwOnlyArgCount, uint32(v.Flags), v.FirstLineno)
		fmt.Fprintf(b, "%d:%s;", len(v.Code), v.Code)
		for _, c := range v.Consts {
			writeConstKey(b, c)
		}
		b.WriteString(";")
		for _, n := range v.Names {
			fmt.Fprintf(b, "%d:%s", len(n), n)
		}
		b.WriteString(";")
		for _, n := range v.LocalsPlusNames {
			fmt.Fprintf(b, "%d:%s", len(n), n)
		}
		fmt.Fprintf(b, ";%d:%s;%d:%s)", len(v.LineTable), v.LineTable, len(v.ExceptionTable), v.ExceptionTable)
	default:
		panic(fmt.Sprintf("compiler: %T is not a constant", c))
	}
}

// constIndex returns the index of the constant with c's key in consts, or
// -1. (The flowgraph's add_const searches the list this way.)
func constIndex(consts []Const, c Const) int {
	k := constKey(c)
	for i, e := range consts {
		if constKey(e) == k {
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
