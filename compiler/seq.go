package compiler

import "fmt"

// Loc is a source location as CPython's compiler carries it
// (_Py_SourceLocation): 1-based lines, 0-based UTF-8 byte columns, and -1
// for a field that is unknown. [NoLoc] is the location of an instruction
// that has none (dis prints its line as "--" or inherits one).
type Loc struct {
	Line, EndLine, Col, EndCol int
}

// NoLoc is the location of an instruction without one.
var NoLoc = Loc{-1, -1, -1, -1}

// HasLine reports whether the location has a line.
func (l Loc) HasLine() bool { return l.Line >= 0 }

func (l Loc) String() string {
	return fmt.Sprintf("(%d, %d, %d, %d)", l.Line, l.EndLine, l.Col, l.EndCol)
}

// ExceptHandler is the exception handler that covers an instruction once
// the flowgraph has labelled them (CPython's _PyExceptHandlerInfo).
type ExceptHandler struct {
	// Label is the instruction index of the handler's first instruction,
	// or -1 when the instruction is not protected.
	Label int
	// StartDepth is the stack depth at which the handler starts, before
	// the exception (and lasti) are pushed.
	StartDepth int
	// PreserveLasti says the handler wants the offset of the raising
	// instruction pushed too (SETUP_CLEANUP and SETUP_WITH handlers).
	PreserveLasti bool
}

// NoHandler is the ExceptHandler of an unprotected instruction.
var NoHandler = ExceptHandler{Label: -1}

// Instr is one instruction of an instruction sequence (CPython's
// _PyInstruction). For jumps and SETUP_* pseudo-instructions, Arg is a
// label while the sequence is being built and the index of the target
// instruction once [Seq.ApplyLabelMap] has run.
type Instr struct {
	Op     Opcode
	Arg    int
	Loc    Loc
	Except ExceptHandler
}

// HasTarget reports whether the instruction's argument names another
// instruction: jumps and the SETUP_* pseudo-instructions.
func (in *Instr) HasTarget() bool { return in.Op.HasJump() || in.Op.HasExc() }

func (in Instr) String() string {
	if in.Op.HasArg() || in.HasTarget() {
		return fmt.Sprintf("%s %d %v", in.Op, in.Arg, in.Loc)
	}
	return fmt.Sprintf("%s %v", in.Op, in.Loc)
}

// Label names a position in a [Seq] before the position is known.
type Label int

// NoLabel is the label that is not one.
const NoLabel Label = -1

// Seq is an instruction sequence (CPython's instr_sequence): what codegen
// writes, what the flowgraph reads and writes back, and what the assembler
// encodes. It mirrors _PyInstructionSequence so that sequences can be
// compared, instruction for instruction, with what CPython's
// _testinternalcapi.compiler_codegen and optimize_cfg return.
type Seq struct {
	Instrs []Instr
	// labels maps a label to the index of the instruction it marks, or -1
	// while it is unused.
	labels []int
}

// NewLabel returns a fresh label, not yet placed.
func (s *Seq) NewLabel() Label {
	s.labels = append(s.labels, -1)
	return Label(len(s.labels) - 1)
}

// UseLabel places l before the next instruction to be added.
func (s *Seq) UseLabel(l Label) {
	for int(l) >= len(s.labels) {
		s.labels = append(s.labels, -1)
	}
	s.labels[l] = len(s.Instrs)
}

// LabelTarget returns the instruction index l marks, or -1.
func (s *Seq) LabelTarget(l Label) int {
	if l < 0 || int(l) >= len(s.labels) {
		return -1
	}
	return s.labels[l]
}

// Add appends an instruction. For an opcode with a target, arg is a Label.
func (s *Seq) Add(op Opcode, arg int, loc Loc) {
	s.Instrs = append(s.Instrs, Instr{Op: op, Arg: arg, Loc: loc, Except: NoHandler})
}

// Insert inserts an instruction at index pos, moving labels that point
// after it (CPython's _PyInstructionSequence_InsertInstruction).
func (s *Seq) Insert(pos int, in Instr) {
	s.Instrs = append(s.Instrs, Instr{})
	copy(s.Instrs[pos+1:], s.Instrs[pos:])
	s.Instrs[pos] = in
	for i, t := range s.labels {
		if t >= pos {
			s.labels[i] = t + 1
		}
	}
}

// ApplyLabelMap rewrites the argument of every instruction with a target,
// and every exception handler's label, from a label to the index of the
// instruction the label marks, and forgets the labels.
func (s *Seq) ApplyLabelMap() error {
	if s.labels == nil {
		return nil
	}
	for i := range s.Instrs {
		in := &s.Instrs[i]
		if in.HasTarget() {
			t := s.LabelTarget(Label(in.Arg))
			if t < 0 {
				return fmt.Errorf("instruction %d (%s) jumps to unplaced label %d", i, in.Op, in.Arg)
			}
			in.Arg = t
		}
		if in.Except.Label >= 0 {
			t := s.LabelTarget(Label(in.Except.Label))
			if t < 0 {
				return fmt.Errorf("instruction %d (%s) has unplaced handler label %d", i, in.Op, in.Except.Label)
			}
			in.Except.Label = t
		}
	}
	s.labels = nil
	return nil
}
