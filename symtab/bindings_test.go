package symtab_test

import (
	"encoding/json"
	"fmt"
	"os"
	"testing"

	"github.com/peephole-lsp/peephole/internal/oracle"
	"github.com/peephole-lsp/peephole/parser"
	"github.com/peephole-lsp/peephole/parser/ast"
	"github.com/peephole-lsp/peephole/symtab"
)

// The oracle's view of a module: every table's symbols with their flags
// (scope included), keyed by table type, name and first line.
const tablesScript = `
import json, sys, symtable, builtins
out = {}
for path in json.load(sys.stdin):
    top = symtable.symtable(open(path, 'rb').read(), path, 'exec')
    tables = []
    def walk(t):
        tables.append({"type": str(t.get_type()), "name": t.get_name(), "lineno": t.get_lineno(),
                       "symbols": {s.get_name(): s._Symbol__flags for s in t.get_symbols()}})
        for c in t.get_children():
            walk(c)
    walk(top)
    out[path] = tables
json.dump({"files": out, "builtins": dir(builtins)}, sys.stdout)
`

type oracleTable struct {
	Type    string         `json:"type"`
	Name    string         `json:"name"`
	Lineno  int            `json:"lineno"`
	Symbols map[string]int `json:"symbols"`
}

// expectedKind translates the oracle's classification of a name by DESIGN
// §8. ot is CPython's table for the occurrence's block; module is its module
// table. It reports false when the oracle has no classification: a name
// that only occurs in an annotation under "from __future__ import
// annotations" is never evaluated, so CPython's tables do not have it.
func expectedKind(ot *oracleTable, name string, module *oracleTable, builtins map[string]bool) (symtab.Kind, bool) {
	flags, ok := ot.Symbols[name]
	if !ok {
		return 0, false
	}
	return translate(ot.Type, flags, name, module, builtins), true
}

// translate is DESIGN §8's table: the block's type and the symbol's flags
// (with its scope) give the kind.
func translate(blockType string, flags int, name string, module *oracleTable, builtins map[string]bool) symtab.Kind {
	switch symtab.Scope((flags >> symtab.ScopeOffset) & symtab.ScopeMask) {
	case symtab.Free:
		return symtab.KindFree
	case symtab.GlobalExplicit, symtab.GlobalImplicit:
		if mf := module.Symbols[name]; mf&symtab.DefBound != 0 || mf&symtab.DefGlobal != 0 {
			return symtab.KindGlobal
		}
		if builtins[name] {
			return symtab.KindBuiltin
		}
		return symtab.KindGlobal
	case symtab.Cell:
		if blockType == "type parameters" {
			return symtab.KindTypeParameter // symtable shows type parameters as cells
		}
		return symtab.KindCell
	}
	switch blockType {
	case "type parameters":
		return symtab.KindTypeParameter
	case "module":
		return symtab.KindGlobal
	case "class":
		return symtab.KindClassBody
	}
	return symtab.KindLocal
}

// expectedInComprehension gives the kind of a name occurring in an inlined
// comprehension (PEP 709). CPython's symtable module shows such a
// comprehension only merged into its parent, so the expectation applies
// the compiler's rules for inlined comprehensions
// (push_inlined_comprehension_state): a name the comprehension binds is
// its own hidden fast local (a cell when a closure inside captures it, which
// the merged flags mark DEF_COMP_CELL); a name it does not bind is resolved
// as in the parent — except in a class body, whose names it does not see
// (they are global lookups).
func expectedInComprehension(ot *oracleTable, comp *symtab.Table, name string, module *oracleTable, builtins map[string]bool) (symtab.Kind, bool) {
	flags, ok := ot.Symbols[name]
	if !ok {
		return 0, false
	}
	compFlags := comp.Flags(name)
	if compFlags&symtab.DefBound != 0 && compFlags&(symtab.DefGlobal|symtab.DefNonlocal) == 0 {
		if flags&symtab.DefCompCell != 0 && comp.Scope(name) == symtab.Cell {
			return symtab.KindCell, true
		}
		return symtab.KindLocal, true
	}
	if ot.Type == "class" {
		// Not bound in the comprehension: as the comprehension itself sees
		// it (never a class name).
		return translate("function", compFlags, name, module, builtins), true
	}
	return translate(ot.Type, flags, name, module, builtins), true
}

// oracleTableFor finds CPython's table for a block: an inlined
// comprehension lives in its nearest non-inlined ancestor, and annotation
// blocks are invisible.
func oracleTableFor(tables []oracleTable, t *symtab.Table) *oracleTable {
	for t.Type == symtab.AnnotationBlock || t.CompInlined {
		t = t.Parent()
	}
	typ, nm := t.Type.String(), t.Name
	for i := range tables {
		o := &tables[i]
		if o.Type == typ && o.Name == nm && (o.Lineno == t.Lineno || t.Type == symtab.ModuleBlock) {
			return o
		}
	}
	return nil
}

// innermostInlined returns the inlined comprehension an occurrence's block
// is (or is in, through annotation blocks), or nil.
func innermostInlined(t *symtab.Table) *symtab.Table {
	for t.Type == symtab.AnnotationBlock {
		t = t.Parent()
	}
	if t.CompInlined {
		return t
	}
	return nil
}

// TestBindingKinds checks the kind of every name occurrence of the test
// programs against the oracle's symtable module, through DESIGN §8.
func TestBindingKinds(t *testing.T) {
	files := globFiles(t, "testdata/valid/*.py")
	in, _ := json.Marshal(files)
	r := oracle.Run(t, in, "-c", tablesScript)
	if r.ExitCode != 0 {
		t.Fatalf("oracle: %s", r.Stderr)
	}
	var data struct {
		Files    map[string][]oracleTable `json:"files"`
		Builtins []string                 `json:"builtins"`
	}
	if err := json.Unmarshal(r.Stdout, &data); err != nil {
		t.Fatal(err)
	}
	builtins := map[string]bool{}
	for _, b := range data.Builtins {
		builtins[b] = true
	}
	kinds := map[symtab.Kind]int{}
	skipped := 0
	for _, path := range files {
		src, _ := os.ReadFile(path)
		res := parser.Parse(src, parser.Options{Filename: path})
		m, err := symtab.Build(res.Tree, symtab.Options{Filename: path})
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		tables := data.Files[path]
		for _, occ := range m.AllOccurrences() {
			ot := oracleTableFor(tables, occ.Table)
			if ot == nil {
				t.Errorf("%s:%d: no oracle table for %s %q", path, occ.Range.Lineno, occ.Table.Type, occ.Table.Name)
				continue
			}
			var want symtab.Kind
			var ok bool
			if comp := innermostInlined(occ.Table); comp != nil {
				want, ok = expectedInComprehension(ot, comp, occ.Mangled, &tables[0], builtins)
			} else {
				want, ok = expectedKind(ot, occ.Mangled, &tables[0], builtins)
			}
			if !ok {
				skipped++
				continue
			}
			if occ.Kind != want {
				t.Errorf("%s:%d:%d: %s (%s) is %s, want %s", path, occ.Range.Lineno, occ.Range.ColOffset, occ.Name, occ.Role, occ.Kind, want)
			}
			kinds[occ.Kind]++
		}
	}
	t.Logf("%d occurrences checked by kind, %d not classified by CPython (annotations under PEP 563)", sum(kinds), skipped)
	for k := symtab.KindLocal; k <= symtab.KindTypeParameter; k++ {
		if kinds[k] == 0 {
			t.Errorf("the test programs have no occurrence of kind %s", k)
		}
	}
}

// TestOccurrenceQueries checks "what is at this position" and "all
// occurrences of this binding" on the seeds' closure.
func TestOccurrenceQueries(t *testing.T) {
	src := "def outer(x):\n    def inner():\n        return x\n    y = x\n    return inner\n\nprint(outer(1)())\n"
	res := parser.Parse([]byte(src), parser.Options{})
	m, err := symtab.Build(res.Tree, symtab.Options{})
	if err != nil {
		t.Fatal(err)
	}
	at := func(line, col int) *symtab.Occurrence {
		o := m.OccurrenceAt(ast.Pos{Line: line, Col: col})
		if o == nil {
			t.Fatalf("no occurrence at %d:%d", line, col)
		}
		return o
	}
	x := at(3, 15) // x in inner
	if x.Name != "x" || x.Kind != symtab.KindFree || x.Binding.Kind != symtab.KindCell || x.Binding.Owner.Name != "outer" {
		t.Errorf("x in inner: %s %s, binding %s in %s", x.Name, x.Kind, x.Binding.Kind, x.Binding.Owner.Name)
	}
	var got []string
	for _, o := range m.Occurrences(x.Binding) {
		got = append(got, fmt.Sprintf("%d:%d %s %s", o.Range.Lineno, o.Range.ColOffset, o.Role, o.Kind))
	}
	want := "[1:10 param cell 3:15 load free 4:8 load cell]"
	if fmt.Sprint(got) != want {
		t.Errorf("occurrences of x: %v, want %s", got, want)
	}
	if p := at(7, 2); p.Kind != symtab.KindBuiltin || p.Binding.Defined {
		t.Errorf("print: %s defined=%v", p.Kind, p.Binding.Defined)
	}
	if o := at(7, 7); o.Kind != symtab.KindGlobal || len(o.Binding.Definitions()) != 1 || o.Binding.Definitions()[0].Role != symtab.RoleDef {
		t.Errorf("outer: %s, definitions %v", o.Kind, o.Binding.Definitions())
	}
	if m.OccurrenceAt(ast.Pos{Line: 6, Col: 0}) != nil {
		t.Errorf("an occurrence on an empty line")
	}
}

func sum(m map[symtab.Kind]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

// TestEditorMode builds tables for a damaged buffer: the parser's editor
// tree holds BadStmt nodes, the symbol table reports all its errors, and the
// names around the damage still resolve.
func TestEditorMode(t *testing.T) {
	src := `def f(x):
    global x
    y = x +
    return y

def g(a, a):
    nonlocal q
    def h():
        return a
    return h
`
	res := parser.ParseEditor([]byte(src), parser.Options{Filename: "t.py"})
	if len(res.Errors) == 0 {
		t.Fatal("the damaged line gave no parse error")
	}
	m, errs := symtab.BuildEditor(res.Tree, symtab.Options{Filename: "t.py"})
	var msgs []string
	for _, e := range errs {
		msgs = append(msgs, fmt.Sprintf("%d: %s", e.Lineno, e.Msg))
	}
	want := "[2: name 'x' is parameter and global 6: duplicate argument 'a' in function definition 7: no binding for nonlocal 'q' found]"
	if fmt.Sprint(msgs) != want {
		t.Errorf("errors %v, want %s", msgs, want)
	}
	// y's assignment is the damaged line (a BadStmt): y is then an
	// undefined global, as CPython would see it too.
	if o := m.OccurrenceAt(ast.Pos{Line: 4, Col: 11}); o == nil || o.Name != "y" || o.Kind != symtab.KindGlobal || o.Binding.Defined {
		t.Errorf("y after the damage: %+v", o)
	}
	if o := m.OccurrenceAt(ast.Pos{Line: 9, Col: 15}); o == nil || o.Kind != symtab.KindFree || o.Binding.Owner.Name != "g" {
		t.Errorf("a in h: %+v", o)
	}
}
