package analysis

// This file answers "go to definition": where the binding of the name under
// the cursor is bound.

import "github.com/peephole-lsp/peephole/parser/ast"

// Definition returns the ranges where the name at pos is bound (every
// binding occurrence: assignments, defs, parameters, imports), or nil for a
// builtin, an undefined name, or no name.
func (f *File) Definition(pos ast.Pos) []Range {
	occ := f.OccurrenceAt(pos)
	if occ == nil || occ.Binding == nil {
		return nil
	}
	var out []Range
	for _, d := range occ.Binding.Definitions() {
		out = append(out, rangeOf(d.Range))
	}
	return out
}
