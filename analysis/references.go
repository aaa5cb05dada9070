package analysis

// This file answers "find references": every occurrence of the binding of
// the name under the cursor, and nothing else (a same-named variable of
// another scope is another binding).

import (
	"github.com/peephole-lsp/peephole/parser/ast"
	"github.com/peephole-lsp/peephole/symtab"
)

// References returns the occurrences of the binding of the name at pos, in
// source order; binding occurrences only when includeDecl.
func (f *File) References(pos ast.Pos, includeDecl bool) []Range {
	occ := f.OccurrenceAt(pos)
	if occ == nil || occ.Binding == nil {
		return nil
	}
	var out []Range
	for _, o := range f.Symbols.Occurrences(occ.Binding) {
		if !includeDecl && o.Role.IsDefinition() {
			continue
		}
		out = append(out, rangeOf(o.Range))
	}
	return out
}

// HighlightKind says what an occurrence does; the values are LSP's.
type HighlightKind int

// The highlight kinds.
const (
	HighlightText  HighlightKind = 1
	HighlightRead  HighlightKind = 2
	HighlightWrite HighlightKind = 3
)

// Highlight is one occurrence to highlight.
type Highlight struct {
	Range Range
	Kind  HighlightKind
}

// Highlights returns every occurrence of the binding of the name at pos:
// writes for the occurrences that bind it, reads for the loads, text for
// global and nonlocal declarations.
func (f *File) Highlights(pos ast.Pos) []Highlight {
	occ := f.OccurrenceAt(pos)
	if occ == nil || occ.Binding == nil {
		return nil
	}
	var out []Highlight
	for _, o := range f.Symbols.Occurrences(occ.Binding) {
		out = append(out, Highlight{rangeOf(o.Range), highlightKind(o.Role)})
	}
	return out
}

// highlightKind is the highlight of an occurrence with role.
func highlightKind(role symtab.Role) HighlightKind {
	switch {
	case role == symtab.RoleGlobal || role == symtab.RoleNonlocal:
		return HighlightText
	case role.IsDefinition():
		return HighlightWrite
	}
	return HighlightRead
}
