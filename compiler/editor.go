package compiler

import "github.com/peephole-lsp/peephole/parser/ast"

// This file is the compiler's API for editors: from a position or a range
// of the source, the instructions CPython 3.13 runs for it.

// CodeInstruction is an instruction together with the code object that
// holds it.
type CodeInstruction struct {
	Code *Code
	Instruction
}

// Walk calls fn for c and every code object nested in its constants,
// depth first, in the order dis prints them.
func (c *Code) Walk(fn func(*Code)) {
	fn(c)
	for _, k := range c.Consts {
		if sub, ok := k.(*Code); ok {
			sub.Walk(fn)
		}
	}
}

// InstructionsInRange returns the instructions, in c and in the code
// objects nested in it, whose source location lies within the half-open
// range [start, end) of positions (1-based lines, 0-based UTF-8 byte
// columns). An instruction located by its line only (no columns) counts
// when its whole line range lies within [start.Line, end.Line]; one without
// a location never counts. The instructions come in dis order: code object
// by code object, then by offset.
func (c *Code) InstructionsInRange(start, end ast.Pos) []CodeInstruction {
	var out []CodeInstruction
	c.Walk(func(co *Code) {
		for _, in := range co.Instructions() {
			if locWithin(in.Pos, start, end) {
				out = append(out, CodeInstruction{co, in})
			}
		}
	})
	return out
}

// InstructionsAt returns the instructions whose source location contains
// pos; they are what CPython runs for the expression or statement under
// the cursor, innermost locations included.
func (c *Code) InstructionsAt(pos ast.Pos) []CodeInstruction {
	var out []CodeInstruction
	c.Walk(func(co *Code) {
		for _, in := range co.Instructions() {
			if locContains(in.Pos, pos) {
				out = append(out, CodeInstruction{co, in})
			}
		}
	})
	return out
}

// locWithin reports whether l lies within [start, end).
func locWithin(l Loc, start, end ast.Pos) bool {
	if l.Line < 0 {
		return false
	}
	endLine := l.EndLine
	if endLine < 0 {
		endLine = l.Line
	}
	if l.Col < 0 || l.EndCol < 0 {
		return l.Line >= start.Line && endLine <= end.Line
	}
	s := ast.Pos{Line: l.Line, Col: l.Col}
	e := ast.Pos{Line: endLine, Col: l.EndCol}
	return !s.Before(start) && !end.Before(e)
}

// locContains reports whether pos lies within l (half-open; a location
// without columns contains every position of its lines).
func locContains(l Loc, pos ast.Pos) bool {
	if l.Line < 0 {
		return false
	}
	endLine := l.EndLine
	if endLine < 0 {
		endLine = l.Line
	}
	if l.Col < 0 || l.EndCol < 0 {
		return pos.Line >= l.Line && pos.Line <= endLine
	}
	s := ast.Pos{Line: l.Line, Col: l.Col}
	e := ast.Pos{Line: endLine, Col: l.EndCol}
	return !pos.Before(s) && pos.Before(e)
}
