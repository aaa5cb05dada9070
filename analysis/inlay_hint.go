package analysis

// This file gives the inlay hints (off by default in the server): after each
// name, the opcode CPython 3.13 loads, stores or deletes it with.

import (
	"strings"

	"github.com/peephole-lsp/peephole/parser/ast"
)

// InlayHint is a label shown at a position.
type InlayHint struct {
	Pos   ast.Pos
	Label string
}

// InlayHints returns a hint after every name in r that an instruction acts
// on: the opcodes of those instructions ("LOAD_FAST", "STORE_NAME", …).
func (f *File) InlayHints(r Range) []InlayHint {
	ix := f.index()
	if ix == nil {
		return nil
	}
	var out []InlayHint
	for _, o := range f.occurrences() {
		or := rangeOf(o.Range)
		if !or.Overlaps(r) {
			continue
		}
		var ops []string
		for _, ref := range ix.instructionsFor(o) {
			in := ref.instr()
			if !actsOn(in, o.Mangled, o.Role) {
				continue
			}
			if name := in.Opname(); !contains(ops, name) {
				ops = append(ops, name)
			}
		}
		if ops != nil {
			out = append(out, InlayHint{Pos: or.End, Label: strings.Join(ops, "/")})
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
