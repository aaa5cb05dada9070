package analysis

// This file answers the `peephole/bytecode` request (and the
// peephole.showBytecode command): the innermost code object at a position,
// with exactly what dis prints for it alone, its instructions and its
// nested code objects.

import (
	"errors"

	"github.com/peephole-lsp/peephole/compiler"
	"github.com/peephole-lsp/peephole/parser/ast"
)

// Bytecode is one code object as an editor shows it.
type Bytecode struct {
	Name, QualName string
	// FirstLine is co_firstlineno.
	FirstLine int
	// Text is exactly what dis.dis prints for this code object alone (its
	// own section, without those of nested code objects).
	Text string
	// Instructions are what Text lists, in order.
	Instructions []BytecodeInstruction
	// Children are the code objects nested in this one, in co_consts order.
	Children []CodeRef
}

// BytecodeInstruction is one instruction of a Bytecode.
type BytecodeInstruction struct {
	// Offset is the byte offset dis prints.
	Offset int
	Opname string
	Opcode int
	// Arg is the argument, EXTENDED_ARG prefixes included; HasArg is false
	// for opcodes without one.
	Arg     int
	HasArg  bool
	ArgRepr string
	// Line is the source line dis gives the instruction (line_number: 0
	// for the module's RESUME), or -1 for none.
	Line int
	// Range is the instruction's co_positions location; HasRange is false
	// when CPython records none or only its line.
	Range    Range
	HasRange bool
	// IsJumpTarget reports whether the instruction carries a label in the
	// listing (L1:, L2:, …): a jump goes to it or an exception-table range
	// starts, ends or lands there, as dis.Bytecode's is_jump_target says.
	IsJumpTarget bool
}

// CodeRef names a nested code object and where its source is.
type CodeRef struct {
	Name, QualName string
	FirstLine      int
	Range          Range
}

// ErrNoCode is the error of a request for bytecode on a buffer that does not
// compile.
var ErrNoCode = errors.New("the buffer does not compile")

// Bytecode returns the innermost code object whose source contains pos (the
// module's when none does).
func (f *File) Bytecode(pos ast.Pos) (*Bytecode, error) {
	ix := f.index()
	if ix == nil {
		return nil, errors.New(f.whyNoCode())
	}
	return ix.codeAt(pos).bytecode(), nil
}

// bytecode returns the code object as an editor shows it.
func (ci *codeInfo) bytecode() *Bytecode {
	text, _ := ci.dis()
	bc := &Bytecode{Name: ci.Code.Name, QualName: ci.Code.QualName, FirstLine: ci.Code.FirstLineno, Text: text}
	for i := range ci.Instrs {
		in := &ci.Instrs[i]
		bi := BytecodeInstruction{
			Offset: in.Offset, Opname: in.Opname(), Opcode: int(in.Op),
			Arg: in.Arg, HasArg: in.HasArg, ArgRepr: in.ArgRepr,
			IsJumpTarget: in.Label != 0,
		}
		bi.Line = max(in.Line, -1)
		if r, ok := locRange(in.Pos); ok {
			bi.Range, bi.HasRange = r, true
		}
		bc.Instructions = append(bc.Instructions, bi)
	}
	for _, k := range ci.Children {
		bc.Children = append(bc.Children, CodeRef{Name: k.Code.Name, QualName: k.Code.QualName, FirstLine: k.Code.FirstLineno, Range: k.Extent})
	}
	return bc
}

// locRange converts a complete co_positions location to a Range.
func locRange(p compiler.Loc) (Range, bool) {
	if p.Line < 1 || p.EndLine < 1 || p.Col < 0 || p.EndCol < 0 {
		return Range{}, false
	}
	return Range{ast.Pos{Line: p.Line, Col: p.Col}, ast.Pos{Line: p.EndLine, Col: p.EndCol}}, true
}
