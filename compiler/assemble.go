package compiler

// This file is the assembler: the last stage of the pipeline, CPython 3.13's
// Python/assemble.c (_PyAssemble_MakeCodeObject). It takes the instruction
// sequence the flowgraph leaves behind — real opcodes, plus the pseudo
// jumps JUMP and JUMP_NO_INTERRUPT whose direction is only known now — and
// turns it into a [Code].
//
// The steps are CPython's, in CPython's order:
//
//  1. Labels become instruction indices (_PyInstructionSequence_ApplyLabelMap),
//     both jump targets and exception handlers.
//  2. resolve_unconditional_jumps gives each pseudo jump its real opcode by
//     comparing instruction indices: a JUMP to a later instruction is
//     JUMP_FORWARD, to itself or an earlier one JUMP_BACKWARD (and
//     JUMP_NO_INTERRUPT becomes JUMP_FORWARD or
//     JUMP_BACKWARD_NO_INTERRUPT).
//  3. resolve_jump_offsets turns targets into distances. An instruction
//     takes 1 code unit, plus one EXTENDED_ARG unit per byte of its
//     argument beyond the first, plus its inline CACHE units; a jump's
//     argument is the distance in code units from the end of the jump
//     (caches included) to the target, forwards or backwards by opcode.
//     Since distances decide sizes and sizes decide distances, the sizes
//     are recomputed until no instruction changes size. The first round
//     sizes each jump by its target's index, as CPython does, so the number
//     of rounds (and therefore the result) is CPython's.
//  4. assemble_emit writes co_code (EXTENDED_ARG prefixes most significant
//     byte first, caches as zero units), then the location table
//     (linetable.go) and the exception table (exctable.go).
//  5. makecode lays out co_localsplusnames and co_localspluskinds from the
//     unit's name tables (compute_localsplus_info), fills in the rest of
//     the code object from the unit's metadata and checks it as
//     _PyCode_Validate does.
//
// Where CPython only asserts (a forward jump opcode with an earlier target,
// a pseudo-instruction that survived to the end, an argument on an opcode
// that takes none), makeCode returns an error: such input is a bug in an
// earlier stage, and the assembler must not panic on it.

import (
	"fmt"
	"math"
)

// InstrSize returns the number of code units an instruction with opcode op
// and argument oparg occupies in co_code: its EXTENDED_ARG prefixes, the
// instruction itself and its inline caches (_PyCompile_InstrSize).
func InstrSize(op Opcode, oparg int) int {
	return extendedArgs(oparg) + 1 + op.CacheEntries()
}

// extendedArgs returns how many EXTENDED_ARG prefixes oparg needs.
func extendedArgs(oparg int) int {
	switch {
	case oparg > 0xFFFFFF:
		return 3
	case oparg > 0xFFFF:
		return 2
	case oparg > 0xFF:
		return 1
	}
	return 0
}

// AppendInstr appends the code units of one instruction to code: the
// EXTENDED_ARG prefixes carrying the high bytes of oparg (most significant
// first), the opcode with the low byte, and the inline CACHE units, all
// zero (write_instr). op must be a real opcode and oparg fit in 32 bits;
// the result has InstrSize(op, oparg) units.
func AppendInstr(code []byte, op Opcode, oparg int) []byte {
	for shift := 8 * extendedArgs(oparg); shift > 0; shift -= 8 {
		code = append(code, byte(EXTENDED_ARG), byte(oparg>>shift))
	}
	code = append(code, byte(op), byte(oparg))
	for i := op.CacheEntries(); i > 0; i-- {
		code = append(code, byte(CACHE), 0)
	}
	return code
}

// makeCode is _PyAssemble_MakeCodeObject: it assembles the final
// instruction sequence of a unit into its code object. consts become
// co_consts as they are; stackdepth is the flowgraph's maximum stack depth
// and nlocalsplus the number of localsplus slots prepare_localsplus laid
// out. seq itself is left unchanged.
func makeCode(meta *unitMeta, consts []Const, stackdepth int, seq *Seq, nlocalsplus int, flags CodeFlags, filename string) (*Code, error) {
	if meta == nil || seq == nil {
		return nil, fmt.Errorf("assemble: no unit")
	}
	work := Seq{Instrs: append([]Instr(nil), seq.Instrs...), labels: seq.labels}
	if err := work.ApplyLabelMap(); err != nil {
		return nil, fmt.Errorf("assemble: %v", err)
	}
	instrs := work.Instrs
	if err := checkInstrs(instrs); err != nil {
		return nil, err
	}
	resolveUnconditionalJumps(instrs)
	offsets, err := resolveJumpOffsets(instrs)
	if err != nil {
		return nil, err
	}

	code := make([]byte, 0, 2*offsets[len(instrs)])
	lt := NewLineTableWriter(meta.FirstLineno)
	for _, in := range instrs {
		code = AppendInstr(code, in.Op, in.Arg)
		lt.Add(in.Loc, InstrSize(in.Op, in.Arg))
	}
	linetable := lt.Finish()
	exctable, err := assembleExceptionTable(instrs, offsets)
	if err != nil {
		return nil, fmt.Errorf("assemble: %v", err)
	}

	names, kinds, err := computeLocalsplusInfo(meta, nlocalsplus)
	if err != nil {
		return nil, err
	}
	qualname := meta.QualName
	if qualname == "" {
		qualname = meta.Name
	}
	co := &Code{
		ArgCount:        meta.PosOnlyArgCount + meta.ArgCount,
		PosOnlyArgCount: meta.PosOnlyArgCount,
		KwOnlyArgCount:  meta.KwOnlyArgCount,
		StackSize:       stackdepth,
		Flags:           flags,
		Code:            code,
		Consts:          append([]Const{}, consts...),
		Names:           append([]string{}, meta.Names.names...),
		LocalsPlusNames: names,
		LocalsPlusKinds: kinds,
		Filename:        filename,
		Name:            meta.Name,
		QualName:        qualname,
		FirstLineno:     meta.FirstLineno,
		LineTable:       linetable,
		ExceptionTable:  exctable,
	}
	if err := validateCode(co); err != nil {
		return nil, err
	}
	// init_code: a code object never has a stack size of 0.
	if co.StackSize == 0 {
		co.StackSize = 1
	}
	return co, nil
}

// checkInstrs checks what CPython's assembler asserts about its input once
// labels are resolved: targets and handlers name instructions of the
// sequence, arguments fit an int and only opcodes with an argument have a
// non-zero one, and the only pseudo-instructions left are the two
// unconditional jumps.
func checkInstrs(instrs []Instr) error {
	n := len(instrs)
	for i, in := range instrs {
		switch {
		case in.Op < 0 || in.Op > 255 && in.Op != JUMP && in.Op != JUMP_NO_INTERRUPT:
			return fmt.Errorf("assemble: instruction %d: %s is not a real opcode", i, in.Op)
		case in.Arg < 0 || in.Arg > math.MaxInt32:
			return fmt.Errorf("assemble: instruction %d: %s has argument %d out of range", i, in.Op, in.Arg)
		case !in.Op.HasArg() && in.Arg != 0:
			return fmt.Errorf("assemble: instruction %d: %s takes no argument but has %d", i, in.Op, in.Arg)
		case in.Op.HasJump() && in.Arg >= n:
			return fmt.Errorf("assemble: instruction %d: %s jumps to %d, past the end", i, in.Op, in.Arg)
		case in.Except.Label >= n:
			return fmt.Errorf("assemble: instruction %d: handler %d is past the end", i, in.Except.Label)
		}
	}
	return nil
}

// resolveUnconditionalJumps gives JUMP and JUMP_NO_INTERRUPT their real
// opcodes by the direction of their target (resolve_unconditional_jumps).
func resolveUnconditionalJumps(instrs []Instr) {
	for i := range instrs {
		in := &instrs[i]
		forward := in.Arg > i
		switch in.Op {
		case JUMP:
			if forward {
				in.Op = JUMP_FORWARD
			} else {
				in.Op = JUMP_BACKWARD
			}
		case JUMP_NO_INTERRUPT:
			if forward {
				in.Op = JUMP_FORWARD
			} else {
				in.Op = JUMP_BACKWARD_NO_INTERRUPT
			}
		}
	}
}

// isBackwardJump reports whether op jumps backwards.
func isBackwardJump(op Opcode) bool {
	return op == JUMP_BACKWARD || op == JUMP_BACKWARD_NO_INTERRUPT
}

// resolveJumpOffsets replaces the target index of every jump by its
// distance in code units (resolve_jump_offsets) and returns the code unit
// offset of every instruction, with the total size appended.
func resolveJumpOffsets(instrs []Instr) ([]int, error) {
	n := len(instrs)
	targets := make([]int, n)
	njumps := 0
	for i, in := range instrs {
		targets[i] = -1
		if in.Op.HasJump() {
			targets[i] = in.Arg
			njumps++
		}
	}
	offsets := make([]int, n+1)
	// CPython repeats until the sizes settle, which takes two or three
	// rounds in practice. The bound is far above that; it only keeps input
	// on which CPython would loop forever from hanging.
	for round := 0; ; round++ {
		if round > 3*njumps+8 {
			return nil, fmt.Errorf("assemble: jump offsets do not settle")
		}
		total := 0
		for i, in := range instrs {
			offsets[i] = total
			total += InstrSize(in.Op, in.Arg)
		}
		offsets[n] = total
		changed := false
		end := 0
		for i := range instrs {
			in := &instrs[i]
			size := InstrSize(in.Op, in.Arg)
			end += size
			if targets[i] < 0 {
				continue
			}
			t := offsets[targets[i]]
			if t < end {
				if !isBackwardJump(in.Op) {
					return nil, fmt.Errorf("assemble: instruction %d: %s jumps backwards to instruction %d", i, in.Op, targets[i])
				}
				in.Arg = end - t
			} else {
				if isBackwardJump(in.Op) {
					return nil, fmt.Errorf("assemble: instruction %d: %s jumps forwards to instruction %d", i, in.Op, targets[i])
				}
				in.Arg = t - end
			}
			if InstrSize(in.Op, in.Arg) != size {
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	// The loop ends with every size as the offsets assumed it.
	return offsets, nil
}

// computeLocalsplusInfo lays out co_localsplusnames and co_localspluskinds
// (compute_localsplus_info): the fast locals in their slots (a local that
// is also a cell is marked so and keeps its slot), then the cells that are
// not locals, then the free variables. Slots are counted as
// prepare_localsplus counted them, so every one of the nlocalsplus slots
// must be filled exactly once.
func computeLocalsplusInfo(meta *unitMeta, nlocalsplus int) ([]string, []byte, error) {
	if nlocalsplus < 0 {
		return nil, nil, fmt.Errorf("assemble: %d localsplus slots", nlocalsplus)
	}
	names := make([]string, nlocalsplus)
	kinds := make([]byte, nlocalsplus)
	filled := make([]bool, nlocalsplus)
	set := func(offset int, name string, kind byte) error {
		if offset < 0 || offset >= nlocalsplus {
			return fmt.Errorf("assemble: %s needs localsplus slot %d of %d", name, offset, nlocalsplus)
		}
		names[offset], kinds[offset], filled[offset] = name, kind, true
		return nil
	}
	for i, name := range meta.VarNames.names {
		kind := byte(FastLocal)
		// Membership, not the value, hides a local (see unitMeta.FastHidden).
		if _, ok := meta.FastHidden[name]; ok {
			kind |= FastHidden
		}
		if meta.CellVars.lookup(name) >= 0 {
			kind |= FastCell
		}
		if err := set(i, name, kind); err != nil {
			return nil, nil, err
		}
	}
	nlocals := meta.VarNames.len()
	dropped := 0
	for i, name := range meta.CellVars.names {
		if meta.VarNames.lookup(name) >= 0 {
			dropped++
			continue
		}
		if err := set(nlocals+i-dropped, name, FastCell); err != nil {
			return nil, nil, err
		}
	}
	ncells := meta.CellVars.len()
	for i, name := range meta.FreeVars.names {
		if err := set(nlocals+ncells+i-dropped, name, FastFree); err != nil {
			return nil, nil, err
		}
	}
	for i, ok := range filled {
		if !ok {
			return nil, nil, fmt.Errorf("assemble: localsplus slot %d of %d is not filled", i, nlocalsplus)
		}
	}
	return names, kinds, nil
}

// validateCode makes the checks of _PyCode_Validate that can fail for a
// code object the assembler builds.
func validateCode(co *Code) error {
	if co.ArgCount < co.PosOnlyArgCount || co.PosOnlyArgCount < 0 || co.KwOnlyArgCount < 0 ||
		co.StackSize < 0 || int32(co.Flags) < 0 {
		return fmt.Errorf("assemble: bad argument to internal function (counts %d/%d/%d, stack size %d, flags %#x)",
			co.ArgCount, co.PosOnlyArgCount, co.KwOnlyArgCount, co.StackSize, uint32(co.Flags))
	}
	if len(co.Code) > math.MaxInt32 {
		return fmt.Errorf("assemble: code: co_code larger than INT_MAX")
	}
	plain := co.NLocals() - co.ArgCount - co.KwOnlyArgCount
	if co.Flags&CoVarargs != 0 {
		plain--
	}
	if co.Flags&CoVarkeywords != 0 {
		plain--
	}
	if plain < 0 {
		return fmt.Errorf("assemble: code: co_varnames is too small")
	}
	return nil
}
