package compiler

// This file holds the control-flow graph of a code unit (CPython 3.13's
// Python/flowgraph.c): how a [Seq] is cut into basic blocks, how the
// blocks go back into a Seq, and the order of the optimizer's passes.
//
// # Design
//
// A unit's instructions, as codegen writes them, become a [cfg]: a chain
// of basic blocks in layout order (b_next in CPython). A block starts at
// every jump target and after every jump or scope exit; jumps and SETUP_*
// pseudo-instructions point at their target block, and once exception
// handlers are labelled every instruction points at the handler block
// that covers it. Blocks are never freed: passes empty them, copy them,
// insert new ones and relink the chain, exactly where CPython does, so
// that the layout (and with it every jump direction, every NOP that
// survives and every line number that is propagated) comes out the same.
//
// The passes are CPython's, in CPython's order (see optimizeCodeUnit and
// optimizedToSeq), and each keeps CPython's quirks, because they are
// visible in the bytecode: which NOPs survive to carry a line number,
// which exit blocks are duplicated, which jumps are threaded and where a
// threaded jump takes its location from. The comments name the CPython
// function each Go function mirrors. Where CPython 3.12 and 3.14 differ
// from 3.13 (NOT_TAKEN, LOAD_SMALL_INT, operator folding, the borrow
// analysis are 3.14; eliminate_empty_basic_blocks is 3.12), the 3.13
// oracle decided.
//
// No pass recurses: graph walks use explicit stacks, so deep or large
// input cannot overflow the Go stack. Malformed input (a jump to nowhere,
// a constant index out of range, a POP_BLOCK without a SETUP) is reported
// as an error, never a panic; where CPython would loop forever on a
// graph no compiler produces (a cycle of jumps to jumps), the Go passes
// stop.

import (
	"fmt"
	"math"
)

// cfgInstr is one instruction of a basic block (CPython's cfg_instr).
type cfgInstr struct {
	op  Opcode
	arg int
	loc Loc
	// target is the block a jump or SETUP_* instruction goes to; or nil.
	target *block
	// except is the handler that covers the instruction once
	// labelExceptionTargets has run; or nil.
	except *block
}

// block is a basic block (CPython's basicblock).
type block struct {
	// label is the block's label while it is a jump target: the index of
	// its first instruction in the Seq it was built from, or a number
	// above those for blocks the passes create; -1 if it has none.
	label  int
	instrs []cfgInstr
	// next is the block that follows in layout order, reached by falling
	// through if the block does not end in a jump or scope exit; or nil.
	next *block

	// exceptStack is the stack of handlers at the block's entry, while
	// labelExceptionTargets walks the graph.
	exceptStack []*block
	// unsafeLocals has bit i set when local i may be unbound on entry
	// (add_checks_for_loads_of_uninitialized_variables).
	unsafeLocals uint64
	// preds counts the edges into the block, as remove_unreachable last
	// counted them and later passes adjusted them.
	preds int
	// startDepth is the stack depth at entry (calculate_stackdepth).
	startDepth int

	preserveLasti bool // a handler that wants lasti pushed (SETUP_CLEANUP, SETUP_WITH)
	visited       bool // scratch mark of the current walk
	exceptHandler bool // the target of a SETUP_* instruction
	cold          bool // moved to the end by pushColdBlocksToEnd
	warm          bool // reachable without going through a handler
}

// cfg is a code unit's control-flow graph (CPython's cfg_builder): its
// basic blocks in layout order, from entry along next.
type cfg struct {
	entry *block
	// blocks is every block ever made, in order of creation.
	blocks []*block

	// cur and curLabel are the builder's state: the block being filled
	// and the label for the next instruction (or -1).
	cur      *block
	curLabel int

	// isolatedConsts, when not nil, makes the passes merge the constants
	// they create only with each other, keyed by constant key, as
	// _testinternalcapi.optimize_cfg does with its fresh constant cache.
	// When nil, a new constant is merged with any equal constant of the
	// unit, as the compiler's shared constant cache does.
	isolatedConsts map[string]int
}

// The RESUME arguments the flowgraph reads and writes.
const (
	resumeAtFuncStart   = 0
	resumeOpargDepth1   = 4 // ORed into a RESUME after a yield at exception depth 1
	maxCopySize         = 4 // the largest exit block inline_small_or_no_lineno_blocks copies
	unsetStartDepth     = math.MinInt32
	maxOparg            = 1 << 30
	maxLocalsMaskedBits = 64
	maxSwapDepth        = 1 << 16 // deeper SWAPs are malformed; swaptimize leaves them
)

func newCFG() *cfg {
	g := &cfg{curLabel: -1}
	g.entry = g.newBlock()
	g.cur = g.entry
	return g
}

// newBlock allocates a block that is not yet linked into the chain
// (cfg_builder_new_block).
func (g *cfg) newBlock() *block {
	b := &block{label: -1}
	g.blocks = append(g.blocks, b)
	return b
}

func (b *block) last() *cfgInstr {
	if len(b.instrs) == 0 {
		return nil
	}
	return &b.instrs[len(b.instrs)-1]
}

// hasFallthrough reports whether control can run off the end of b into
// b.next: an empty block falls through, as does any block whose last
// instruction is neither an unconditional jump nor a scope exit.
func (b *block) hasFallthrough() bool {
	l := b.last()
	return l == nil || !(l.op.IsScopeExit() || l.op.IsUnconditionalJump())
}

// exitsScope reports whether b ends with a return or a raise.
func (b *block) exitsScope() bool {
	l := b.last()
	return l != nil && l.op.IsScopeExit()
}

// hasEvalBreak reports whether an instruction of b checks the eval breaker
// (basicblock_has_eval_break).
func (b *block) hasEvalBreak() bool {
	for i := range b.instrs {
		if hasEvalBreak(b.instrs[i].op) {
			return true
		}
	}
	return false
}

// hasEvalBreak reports whether op carries CPython 3.13's HAS_EVAL_BREAK
// flag: the instructions that may run signal handlers and thread switches.
func hasEvalBreak(op Opcode) bool {
	switch op {
	case JUMP, JUMP_BACKWARD, CALL, CALL_KW, CALL_FUNCTION_EX, RESUME:
		return true
	}
	return false
}

// hasNoLineno reports whether no instruction of b has a line.
func (b *block) hasNoLineno() bool {
	for i := range b.instrs {
		if b.instrs[i].loc.Line >= 0 {
			return false
		}
	}
	return true
}

// nextNonEmpty returns b or the first block after it with instructions; or
// nil.
func nextNonEmpty(b *block) *block {
	for b != nil && len(b.instrs) == 0 {
		b = b.next
	}
	return b
}

// isTerminator reports whether op ends a basic block.
func isTerminator(op Opcode) bool { return op.HasJump() || op.IsScopeExit() }

// useLabel starts a new block for the next instruction, with label lbl
// (_PyCfgBuilder_UseLabel).
func (g *cfg) useLabel(lbl int) {
	g.curLabel = lbl
	g.maybeStartNewBlock()
}

// addop appends an instruction, first starting a new block if the current
// one is terminated (_PyCfgBuilder_Addop).
func (g *cfg) addop(op Opcode, arg int, loc Loc) {
	g.maybeStartNewBlock()
	g.cur.instrs = append(g.cur.instrs, cfgInstr{op: op, arg: arg, loc: loc})
}

func (g *cfg) maybeStartNewBlock() {
	if !g.curBlockIsTerminated() {
		return
	}
	b := g.newBlock()
	b.label = g.curLabel
	g.curLabel = -1
	g.cur.next = b
	g.cur = b
}

// curBlockIsTerminated reports whether the next instruction must go into
// a new block: the current one ends with a jump or an exit, or a label is
// pending and the current block already has instructions or a label. An
// empty unlabelled block just takes the pending label.
func (g *cfg) curBlockIsTerminated() bool {
	if l := g.cur.last(); l != nil && isTerminator(l.op) {
		return true
	}
	if g.curLabel >= 0 {
		if len(g.cur.instrs) > 0 || g.cur.label >= 0 {
			return true
		}
		g.cur.label = g.curLabel
		g.curLabel = -1
	}
	return false
}

// buildCFG cuts an instruction sequence into basic blocks
// (_PyCfg_FromInstructionSequence followed by
// translate_jump_labels_to_targets). The sequence may hold labels (as
// codegen writes it) or instruction indices (after [Seq.ApplyLabelMap], as
// _testinternalcapi returns it); seq itself is not changed. Each jump
// target starts a block whose label is the target's instruction index.
func buildCFG(seq *Seq) (*cfg, error) {
	instrs := seq.Instrs
	if seq.labels != nil {
		cp := &Seq{Instrs: append([]Instr(nil), seq.Instrs...), labels: append([]int(nil), seq.labels...)}
		if err := cp.ApplyLabelMap(); err != nil {
			return nil, err
		}
		instrs = cp.Instrs
	}
	n := len(instrs)
	isTarget := make([]bool, n)
	for i := range instrs {
		in := &instrs[i]
		if in.Op < 0 || int(in.Op) >= len(opcodeNames) || opcodeNames[in.Op] == "" {
			return nil, fmt.Errorf("instruction %d: unknown opcode %d", i, int(in.Op))
		}
		if in.Arg < 0 || in.Arg >= maxOparg {
			return nil, fmt.Errorf("instruction %d (%s): argument %d out of range", i, in.Op, in.Arg)
		}
		if in.HasTarget() {
			if in.Arg >= n {
				return nil, fmt.Errorf("instruction %d (%s) jumps to %d, past the end", i, in.Op, in.Arg)
			}
			isTarget[in.Arg] = true
		}
	}
	g := newCFG()
	for i := range instrs {
		if isTarget[i] {
			g.useLabel(i)
		}
		g.addop(instrs[i].Op, instrs[i].Arg, instrs[i].Loc)
	}
	// translate_jump_labels_to_targets: every target index starts a block
	// labelled with it.
	byLabel := make(map[int]*block)
	for b := g.entry; b != nil; b = b.next {
		if b.label >= 0 {
			byLabel[b.label] = b
		}
	}
	for b := g.entry; b != nil; b = b.next {
		for i := range b.instrs {
			in := &b.instrs[i]
			if in.op.HasJump() || in.op.HasExc() {
				in.target = byLabel[in.arg]
				if in.target == nil {
					return nil, fmt.Errorf("%s has no block for target %d", in.op, in.arg)
				}
			}
		}
	}
	return g, nil
}

// maxLabel returns the largest label of the chain's blocks, or -1
// (get_max_label).
func (g *cfg) maxLabel() int {
	m := -1
	for b := g.entry; b != nil; b = b.next {
		if b.label > m {
			m = b.label
		}
	}
	return m
}

// resetVisited clears the visited mark of every block of the chain and
// returns how many there are (make_cfg_traversal_stack).
func (g *cfg) resetVisited() int {
	n := 0
	for b := g.entry; b != nil; b = b.next {
		b.visited = false
		n++
	}
	return n
}

// copyBlock returns a new, unlinked block with a copy of b's instructions
// (copy_basicblock).
func (g *cfg) copyBlock(b *block) *block {
	c := g.newBlock()
	c.instrs = append([]cfgInstr(nil), b.instrs...)
	return c
}

// toSeq flattens the graph into an instruction sequence
// (_PyCfg_ToInstructionSequence). Block i of the chain is label i; as
// CPython does, the label map is then applied, so the argument of a jump
// and the Label of each instruction's Except are instruction indices. The
// Except also carries the handler's start depth (as calculate_stackdepth
// left it) and whether it preserves lasti.
func (g *cfg) toSeq() *Seq {
	start := make(map[*block]int)
	n := 0
	for b := g.entry; b != nil; b = b.next {
		start[b] = n
		n += len(b.instrs)
	}
	index := func(b *block) int {
		if i, ok := start[b]; ok {
			return i
		}
		return -1
	}
	seq := &Seq{Instrs: make([]Instr, 0, n)}
	for b := g.entry; b != nil; b = b.next {
		for i := range b.instrs {
			in := &b.instrs[i]
			arg := in.arg
			if in.op.HasJump() || in.op.HasExc() {
				arg = index(in.target)
			}
			h := NoHandler
			if in.except != nil {
				h = ExceptHandler{Label: index(in.except), StartDepth: in.except.startDepth, PreserveLasti: in.except.preserveLasti}
			}
			seq.Instrs = append(seq.Instrs, Instr{Op: in.op, Arg: arg, Loc: in.loc, Except: h})
		}
	}
	return seq
}

// optimizeCodeUnit runs CPython 3.13's optimizer over the graph
// (_PyCfg_OptimizeCodeUnit), every pass in its order:
//
//	translate_jump_labels_to_targets (done by buildCFG)
//	mark_except_handlers
//	label_exception_targets
//	optimize_cfg:
//	    check_cfg
//	    inline_small_or_no_lineno_blocks
//	    remove_unreachable
//	    resolve_line_numbers
//	    optimize_load_const
//	    optimize_basic_block, per block
//	    remove_redundant_nops_and_pairs
//	    remove_unreachable
//	    remove_redundant_nops_and_jumps
//	remove_unused_consts
//	add_checks_for_loads_of_uninitialized_variables
//	insert_superinstructions
//	push_cold_blocks_to_end
//	resolve_line_numbers
//
// consts is the unit's constant list: folding appends to it and
// remove_unused_consts compacts it. nlocals counts the fast locals and
// nparams the parameters among them. firstlineno is part of CPython's
// signature; no 3.13 pass reads it.
func (g *cfg) optimizeCodeUnit(consts *[]Const, nlocals, nparams, firstlineno int) error {
	g.markExceptHandlers()
	if err := g.labelExceptionTargets(); err != nil {
		return err
	}
	if err := g.optimizeCFG(consts); err != nil {
		return err
	}
	if err := g.removeUnusedConsts(consts); err != nil {
		return err
	}
	g.addChecksForLoadsOfUninitializedVariables(nlocals, nparams)
	g.insertSuperinstructions()
	g.pushColdBlocksToEnd()
	g.resolveLineNumbers()
	return nil
}

// jumpLabelsToTargets prepares a graph built from an already optimized
// sequence for optimizedToSeq (_PyCfg_JumpLabelsToTargets, which
// _PyCompile_Assemble runs): buildCFG has resolved the targets, this
// labels the exception handlers.
func (g *cfg) jumpLabelsToTargets() error {
	return g.labelExceptionTargets()
}

// optimizeCFG is optimize_cfg.
func (g *cfg) optimizeCFG(consts *[]Const) error {
	if err := g.checkCFG(); err != nil {
		return err
	}
	g.inlineSmallOrNoLinenoBlocks()
	g.removeUnreachable()
	g.resolveLineNumbers()
	if err := g.optimizeLoadConst(consts); err != nil {
		return err
	}
	for b := g.entry; b != nil; b = b.next {
		if err := g.optimizeBasicBlock(b, consts); err != nil {
			return err
		}
	}
	g.removeRedundantNopsAndPairs()
	g.removeUnreachable()
	g.removeRedundantNopsAndJumps()
	return nil
}

// checkCFG reports a jump or exit that is not the last instruction of its
// block (check_cfg).
func (g *cfg) checkCFG() error {
	for b := g.entry; b != nil; b = b.next {
		for i := range b.instrs {
			if isTerminator(b.instrs[i].op) && i != len(b.instrs)-1 {
				return fmt.Errorf("malformed control flow graph")
			}
		}
	}
	return nil
}

// markExceptHandlers marks the target of every SETUP_* instruction
// (mark_except_handlers).
func (g *cfg) markExceptHandlers() {
	for b := g.entry; b != nil; b = b.next {
		for i := range b.instrs {
			if in := &b.instrs[i]; in.op.IsBlockPush() {
				in.target.exceptHandler = true
			}
		}
	}
}

// labelExceptionTargets walks the graph with a stack of handlers, pushed
// by SETUP_* and popped by POP_BLOCK (which becomes a NOP), and records on
// every instruction the handler on top (label_exception_targets). Handlers
// of SETUP_CLEANUP and SETUP_WITH preserve lasti. A RESUME that follows a
// YIELD_VALUE in its block gets resumeOpargDepth1 when the yield was
// inside exactly one handler.
func (g *cfg) labelExceptionTargets() error {
	g.resetVisited()
	top := func(s []*block) *block {
		if len(s) == 0 {
			return nil
		}
		return s[len(s)-1]
	}
	clone := func(s []*block) []*block { return append([]*block(nil), s...) }
	todo := []*block{g.entry}
	g.entry.visited = true
	g.entry.exceptStack = nil
	for len(todo) > 0 {
		b := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		stack := b.exceptStack
		b.exceptStack = nil
		handler := top(stack)
		lastYieldDepth := -1
		for i := range b.instrs {
			in := &b.instrs[i]
			switch {
			case in.op.IsBlockPush():
				if !in.target.visited {
					in.target.exceptStack = clone(stack)
					in.target.visited = true
					todo = append(todo, in.target)
				}
				if in.op == SETUP_WITH || in.op == SETUP_CLEANUP {
					in.target.preserveLasti = true
				}
				stack = append(stack, in.target)
				handler = in.target
			case in.op == POP_BLOCK:
				if len(stack) == 0 {
					return fmt.Errorf("POP_BLOCK with no handler to pop")
				}
				stack = stack[:len(stack)-1]
				handler = top(stack)
				in.op, in.arg = NOP, 0
			case in.op.HasJump():
				in.except = handler
				if !in.target.visited {
					in.target.exceptStack = clone(stack)
					in.target.visited = true
					todo = append(todo, in.target)
				}
			case in.op == YIELD_VALUE:
				in.except = handler
				lastYieldDepth = len(stack)
			case in.op == RESUME:
				in.except = handler
				if in.arg != resumeAtFuncStart {
					if lastYieldDepth == 1 {
						in.arg |= resumeOpargDepth1
					}
					lastYieldDepth = -1
				}
			default:
				in.except = handler
			}
		}
		if b.hasFallthrough() && b.next != nil && !b.next.visited {
			b.next.exceptStack = stack
			b.next.visited = true
			todo = append(todo, b.next)
		}
	}
	return nil
}
