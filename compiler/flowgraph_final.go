package compiler

// The last steps of the flowgraph, after the optimizer
// (_PyCfg_OptimizedCfgToInstructionSequence): stack depth, the localsplus
// prefix, pseudo-instructions and backward conditional jumps.

import "fmt"

// optimizedToSeq finishes an optimized graph and flattens it
// (_PyCfg_OptimizedCfgToInstructionSequence):
//
//	calculate_stackdepth
//	prepare_localsplus: build_cellfixedoffsets, insert_prefix_instructions,
//	    fix_cell_offsets
//	convert_pseudo_ops (then remove_redundant_nops_and_jumps)
//	normalize_jumps
//	_PyCfg_ToInstructionSequence
//
// It returns the sequence, the stack size (co_stacksize: the deepest stack
// any path needs, and never less than 1, as CPython 3.13's code objects
// have it even when nothing is pushed) and the number of localsplus
// slots. flags are the unit's co_flags (a generator, coroutine or async
// generator gets RETURN_GENERATOR; POP_TOP).
func (g *cfg) optimizedToSeq(meta *unitMeta, flags CodeFlags) (seq *Seq, stackdepth, nlocalsplus int, err error) {
	stackdepth, err = g.calculateStackdepth()
	if err != nil {
		return nil, 0, 0, err
	}
	nlocalsplus, err = g.prepareLocalsplus(meta, flags)
	if err != nil {
		return nil, 0, 0, err
	}
	g.convertPseudoOps()
	if err := g.normalizeJumps(); err != nil {
		return nil, 0, 0, err
	}
	return g.toSeq(), max(stackdepth, 1), nlocalsplus, nil
}

// calculateStackdepth walks the graph from the entry at depth 0 and
// returns the deepest stack any path needs (calculate_stackdepth). Each
// block's start depth is recorded; a handler starts at the depth of its
// SETUP_* plus the jump effect. Code after an unconditional jump or exit
// in a block is dead. A block reached at two depths, or a stack that
// would go below zero, is an error.
func (g *cfg) calculateStackdepth() (int, error) {
	for b := g.entry; b != nil; b = b.next {
		b.startDepth = unsetStartDepth
	}
	var stack []*block
	push := func(b *block, depth int) error {
		if !(b.startDepth < 0 || b.startDepth == depth) {
			return fmt.Errorf("Invalid CFG, inconsistent stackdepth")
		}
		if b.startDepth < depth && b.startDepth < 100 {
			b.startDepth = depth
			stack = append(stack, b)
		}
		return nil
	}
	maxdepth := 0
	if err := push(g.entry, 0); err != nil {
		return 0, err
	}
	for len(stack) > 0 {
		b := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		depth := b.startDepth
		next := b.next
		for i := range b.instrs {
			in := &b.instrs[i]
			effect, ok := StackEffect(in.op, in.arg, false)
			if !ok {
				return 0, fmt.Errorf("Invalid stack effect for opcode=%d, arg=%d", int(in.op), in.arg)
			}
			newDepth := depth + effect
			if newDepth < 0 {
				return 0, fmt.Errorf("Invalid CFG, stack underflow")
			}
			maxdepth = max(maxdepth, newDepth)
			if in.op.HasJump() || in.op.HasExc() {
				effect, ok = StackEffect(in.op, in.arg, true)
				if !ok {
					return 0, fmt.Errorf("Invalid stack effect for opcode=%d, arg=%d", int(in.op), in.arg)
				}
				targetDepth := depth + effect
				if targetDepth < 0 {
					return 0, fmt.Errorf("Invalid CFG, stack underflow")
				}
				maxdepth = max(maxdepth, targetDepth)
				if err := push(in.target, targetDepth); err != nil {
					return 0, err
				}
			}
			depth = newDepth
			if in.op.IsUnconditionalJump() || in.op.IsScopeExit() {
				next = nil
				break
			}
		}
		if next != nil {
			if err := push(next, depth); err != nil {
				return 0, err
			}
		}
	}
	return maxdepth, nil
}

// isGenerator reports whether code with these flags starts with
// RETURN_GENERATOR.
func isGenerator(flags CodeFlags) bool {
	return flags&(CoGenerator|CoCoroutine|CoAsyncGenerator) != 0
}

// prepareLocalsplus lays out the localsplus slots (prepare_localsplus):
// the fast locals, then the cells that are not also parameters, then the
// free variables. It inserts the prefix (insert_prefix_instructions) —
// COPY_FREE_VARS n, a MAKE_CELL per cell in slot order, RETURN_GENERATOR;
// POP_TOP for generators — and rewrites every DEREF-style argument from
// codegen's numbering (cell index, or the number of cells plus the free
// variable's index) to the slot (fix_cell_offsets). It returns the number
// of slots.
func (g *cfg) prepareLocalsplus(meta *unitMeta, flags CodeFlags) (int, error) {
	nlocals := meta.VarNames.len()
	ncells := meta.CellVars.len()
	nfrees := meta.FreeVars.len()
	// build_cellfixedoffsets: a cell that is also a local keeps the
	// local's slot.
	fixed := make([]int, ncells+nfrees)
	for i := range fixed {
		fixed[i] = nlocals + i
	}
	for i, name := range meta.CellVars.names {
		if v := meta.VarNames.lookup(name); v >= 0 {
			fixed[i] = v
		}
	}
	if err := g.insertPrefixInstructions(meta, fixed, ncells, nfrees, flags); err != nil {
		return 0, err
	}
	dropped, err := g.fixCellOffsets(nlocals, fixed)
	if err != nil {
		return 0, err
	}
	return nlocals + ncells + nfrees - dropped, nil
}

func (g *cfg) insertPrefixInstructions(meta *unitMeta, fixed []int, ncells, nfrees int, flags CodeFlags) error {
	entry := g.entry
	var prefix []cfgInstr
	if nfrees > 0 {
		prefix = append(prefix, cfgInstr{op: COPY_FREE_VARS, arg: nfrees, loc: NoLoc})
	}
	if ncells > 0 {
		// The MAKE_CELLs go in slot order; their arguments are codegen's
		// cell numbers, which fixCellOffsets maps to slots.
		nvars := ncells + meta.VarNames.len()
		sorted := make([]int, nvars)
		for i := 0; i < ncells; i++ {
			if fixed[i] < 0 || fixed[i] >= nvars {
				return fmt.Errorf("cell %d has slot %d out of range", i, fixed[i])
			}
			sorted[fixed[i]] = i + 1
		}
		for i, used := 0, 0; used < ncells && i < nvars; i++ {
			if sorted[i] == 0 {
				continue
			}
			prefix = append(prefix, cfgInstr{op: MAKE_CELL, arg: sorted[i] - 1, loc: NoLoc})
			used++
		}
	}
	if isGenerator(flags) {
		loc := Loc{Line: meta.FirstLineno, EndLine: meta.FirstLineno, Col: -1, EndCol: -1}
		prefix = append(prefix, cfgInstr{op: RETURN_GENERATOR, loc: loc}, cfgInstr{op: POP_TOP, loc: loc})
	}
	if len(prefix) > 0 {
		entry.instrs = append(prefix, entry.instrs...)
	}
	return nil
}

// fixCellOffsets maps the arguments of MAKE_CELL, LOAD_CLOSURE and the
// DEREF instructions to localsplus slots (fix_cell_offsets) and returns
// how many cells share a parameter's slot.
func (g *cfg) fixCellOffsets(nlocals int, fixed []int) (int, error) {
	dropped := 0
	for i := range fixed {
		if fixed[i] == i+nlocals {
			fixed[i] -= dropped
		} else {
			dropped++
		}
	}
	for b := g.entry; b != nil; b = b.next {
		for i := range b.instrs {
			in := &b.instrs[i]
			switch in.op {
			case MAKE_CELL, LOAD_CLOSURE, LOAD_DEREF, STORE_DEREF, DELETE_DEREF, LOAD_FROM_DICT_OR_DEREF:
				if in.arg < 0 || in.arg >= len(fixed) {
					return 0, fmt.Errorf("%s %d: no such cell or free variable", in.op, in.arg)
				}
				in.arg = fixed[in.arg]
			}
		}
	}
	return dropped, nil
}

// convertPseudoOps lowers the pseudo-instructions that survive to here
// (convert_pseudo_ops): SETUP_* and POP_BLOCK become NOPs, LOAD_CLOSURE
// becomes LOAD_FAST and STORE_FAST_MAYBE_NULL becomes STORE_FAST; then
// redundant NOPs and jumps go. JUMP and JUMP_NO_INTERRUPT stay for the
// assembler.
func (g *cfg) convertPseudoOps() {
	for b := g.entry; b != nil; b = b.next {
		for i := range b.instrs {
			in := &b.instrs[i]
			switch {
			case in.op.IsBlockPush() || in.op == POP_BLOCK:
				in.op, in.arg, in.target = NOP, 0, nil
			case in.op == LOAD_CLOSURE:
				in.op = LOAD_FAST
			case in.op == STORE_FAST_MAYBE_NULL:
				in.op = STORE_FAST
			}
		}
	}
	g.removeRedundantNopsAndJumps()
}

// normalizeJumps makes every conditional jump go forward
// (normalize_jumps): one whose target comes earlier in the layout becomes
// the reversed condition jumping to the next block, followed by a new
// block holding a JUMP to the old target, with the conditional jump's
// location and no exception handler.
func (g *cfg) normalizeJumps() error {
	for b := g.entry; b != nil; b = b.next {
		b.visited = false
	}
	for b := g.entry; b != nil; b = b.next {
		b.visited = true
		last := b.last()
		if last == nil {
			continue
		}
		var reversed Opcode
		switch last.op {
		case POP_JUMP_IF_NOT_NONE:
			reversed = POP_JUMP_IF_NONE
		case POP_JUMP_IF_NONE:
			reversed = POP_JUMP_IF_NOT_NONE
		case POP_JUMP_IF_FALSE:
			reversed = POP_JUMP_IF_TRUE
		case POP_JUMP_IF_TRUE:
			reversed = POP_JUMP_IF_FALSE
		default:
			continue
		}
		if !last.target.visited {
			continue // forward
		}
		if b.next == nil {
			return fmt.Errorf("%s at the end of the code jumps backward", last.op)
		}
		target := last.target
		j := g.newBlock()
		j.instrs = []cfgInstr{{op: JUMP, arg: target.label, loc: last.loc, target: target}}
		last.op = reversed
		last.target = b.next
		j.cold = b.cold
		j.next = b.next
		b.next = j
	}
	return nil
}
