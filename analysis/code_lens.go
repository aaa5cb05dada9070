package analysis

// This file lists the code lenses: "▶ Run" at the top of the module, and
// "bytecode" above each def and class.

import "github.com/peephole-lsp/peephole/parser/ast"

// LensKind says what a lens does.
type LensKind int

// The lens kinds.
const (
	// LensRun runs the buffer.
	LensRun LensKind = iota + 1
	// LensBytecode shows the bytecode of the def or class at Target.
	LensBytecode
)

// Lens is one code lens.
type Lens struct {
	Range Range
	Kind  LensKind
	Title string
	// Target is the position the lens's command is about (the def's name).
	Target ast.Pos
}

// CodeLenses returns the buffer's lenses, in source order.
func (f *File) CodeLenses() []Lens {
	start := ast.Pos{Line: 1, Col: 0}
	out := []Lens{{Range: Range{start, start}, Kind: LensRun, Title: "▶ Run", Target: start}}
	ast.Inspect(f.Tree, func(n ast.Node) bool {
		var pos ast.Pos
		var name string
		switch n := n.(type) {
		case *ast.FunctionDef:
			pos, name = n.NamePos, n.Name
		case *ast.AsyncFunctionDef:
			pos, name = n.NamePos, n.Name
		case *ast.ClassDef:
			pos, name = n.NamePos, n.Name
		default:
			return true
		}
		if pos.Line < 1 {
			return true
		}
		head := n.(ast.Located).Range()
		r := Range{ast.Pos{Line: head.Lineno, Col: head.ColOffset}, nameRange(pos, name).End}
		out = append(out, Lens{Range: r, Kind: LensBytecode, Title: "bytecode", Target: pos})
		return true
	})
	return out
}
