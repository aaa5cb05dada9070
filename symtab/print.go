package symtab

import (
	"fmt"
	"io"
	"strings"

	"github.com/peephole-lsp/peephole/internal/pyconst"
)

// flagNames are the flags `python -m symtable` prints, in its order: USE,
// then the DEF_* names the symtable module imports from _symtable.
var flagNames = []struct {
	name string
	v    int
}{
	{"use", Use},
	{"def_global", DefGlobal},
	{"def_nonlocal", DefNonlocal},
	{"def_local", DefLocal},
	{"def_param", DefParam},
	{"def_import", DefImport},
	{"def_bound", DefBound},
	{"def_annot", DefAnnot},
}

// Print writes the tables the way `python3.13 -m symtable FILE` prints
// them; filename is the name as the command was given it.
func (m *Module) Print(w io.Writer, filename string) {
	printTable(w, m.Top, 0, filename)
}

func printTable(w io.Writer, t *Table, level int, filename string) {
	indent := strings.Repeat("    ", level)
	nested := ""
	if t.Nested {
		nested = "nested "
	}
	var what string
	if t.Type == ModuleBlock {
		what = "from file " + pyconst.Str(filename).String()
	} else {
		what = pyconst.Str(t.Name).String()
	}
	fmt.Fprintf(w, "%ssymbol table for %s%s %s:\n", indent, nested, t.Type, what)
	for _, name := range t.symbols.Names() {
		flags, _ := t.symbols.Get(name)
		var fs []string
		for _, f := range flagNames {
			if flags&f.v == f.v {
				fs = append(fs, f.name)
			}
		}
		scope := Scope((flags >> ScopeOffset) & ScopeMask)
		fmt.Fprintf(w, "    %s%s symbol %s: %s\n", indent, strings.ToLower(scope.String()), pyconst.Str(name).String(), strings.Join(fs, ", "))
	}
	fmt.Fprintln(w)
	for _, c := range t.Children {
		printTable(w, c, level+1, filename)
	}
}
