package compiler

// The optimizing passes of the flowgraph (CPython 3.13's optimize_cfg and
// the passes _PyCfg_OptimizeCodeUnit runs after it), in the order
// optimizeCodeUnit calls them.

import (
	"fmt"

	"github.com/peephole-lsp/peephole/internal/pyconst"
)

// inlineSmallOrNoLinenoBlocks replaces an unconditional jump at the end of
// a block with a copy of its target when the target is a small exit (at
// most maxCopySize instructions ending in a return or raise) or has no
// line number and no fallthrough; it repeats until nothing changes
// (inline_small_or_no_lineno_blocks). The jump becomes a NOP. When a
// JUMP is replaced by a block that ends in another unconditional jump,
// that jump becomes a JUMP so that the eval-breaker check is kept.
func (g *cfg) inlineSmallOrNoLinenoBlocks() {
	// Every change removes a jump from its block but may copy another in;
	// on the graphs codegen makes that converges within a few rounds. A
	// cycle of line-less jumps would not (CPython would loop forever), so
	// the rounds are bounded.
	limit := 2 + len(g.blocks)
	for round := 0; round < limit; round++ {
		changed := false
		for b := g.entry; b != nil; b = b.next {
			if g.inlineSmallOrNoLinenoBlock(b) {
				changed = true
			}
		}
		if !changed {
			return
		}
	}
}

func (g *cfg) inlineSmallOrNoLinenoBlock(b *block) bool {
	last := b.last()
	if last == nil || !last.op.IsUnconditionalJump() {
		return false
	}
	target := last.target
	smallExit := target.exitsScope() && len(target.instrs) <= maxCopySize
	noLinenoNoFallthrough := target.hasNoLineno() && !target.hasFallthrough()
	if !smallExit && !noLinenoNoFallthrough {
		return false
	}
	removed := last.op
	last.op, last.arg, last.target = NOP, 0, nil
	b.instrs = append(b.instrs, target.instrs...)
	if noLinenoNoFallthrough {
		if l := b.last(); l.op.IsUnconditionalJump() && removed == JUMP {
			l.op = JUMP
		}
	}
	target.preds--
	return true
}

// removeUnreachable counts each block's predecessors along fallthrough,
// jump and SETUP_* edges from the entry, and empties the blocks nothing
// reaches (remove_unreachable).
func (g *cfg) removeUnreachable() {
	for b := g.entry; b != nil; b = b.next {
		b.preds = 0
	}
	g.resetVisited()
	stack := []*block{g.entry}
	g.entry.preds = 1
	g.entry.visited = true
	for len(stack) > 0 {
		b := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if b.next != nil && b.hasFallthrough() {
			if !b.next.visited {
				b.next.visited = true
				stack = append(stack, b.next)
			}
			b.next.preds++
		}
		for i := range b.instrs {
			in := &b.instrs[i]
			if in.op.HasJump() || in.op.IsBlockPush() {
				t := in.target
				if !t.visited {
					t.visited = true
					stack = append(stack, t)
				}
				t.preds++
			}
		}
	}
	for b := g.entry; b != nil; b = b.next {
		if b.preds == 0 {
			b.instrs = b.instrs[:0]
			b.exceptHandler = false
		}
	}
}

// removeRedundantNops deletes the NOPs of b that carry no line number the
// code needs (basicblock_remove_redundant_nops): a NOP goes if it has no
// line, if the instruction before it in the block or the one after it has
// the same line, if the one after it has no line (which then takes the
// NOP's location), or if it ends the block and the first instruction of
// the next non-empty block (skipping line-less NOPs) has its line. It
// returns how many it deleted.
func removeRedundantNops(b *block) int {
	dest := 0
	prevLine := -1
	n := len(b.instrs)
	for src := 0; src < n; src++ {
		line := b.instrs[src].loc.Line
		if b.instrs[src].op == NOP {
			if line < 0 {
				continue
			}
			if prevLine == line {
				continue
			}
			if src < n-1 {
				nextLine := b.instrs[src+1].loc.Line
				if nextLine == line {
					continue
				}
				if nextLine < 0 {
					b.instrs[src+1].loc = b.instrs[src].loc
					continue
				}
			} else if next := nextNonEmpty(b.next); next != nil {
				nextLoc := NoLoc
				for i := range next.instrs {
					in := &next.instrs[i]
					if in.op == NOP && in.loc.Line < 0 {
						continue
					}
					nextLoc = in.loc
					break
				}
				if line == nextLoc.Line {
					continue
				}
			}
		}
		if dest != src {
			b.instrs[dest] = b.instrs[src]
		}
		dest++
		prevLine = line
	}
	b.instrs = b.instrs[:dest]
	return n - dest
}

// removeRedundantNopsAll runs removeRedundantNops on every block
// (remove_redundant_nops) and returns how many NOPs went.
func (g *cfg) removeRedundantNopsAll() int {
	n := 0
	for b := g.entry; b != nil; b = b.next {
		n += removeRedundantNops(b)
	}
	return n
}

// removeRedundantJumps turns into a NOP every unconditional jump whose
// target is the next non-empty block (remove_redundant_jumps), and returns
// how many it changed.
func (g *cfg) removeRedundantJumps() int {
	n := 0
	for b := g.entry; b != nil; b = b.next {
		last := b.last()
		if last == nil || !last.op.IsUnconditionalJump() {
			continue
		}
		if nextNonEmpty(last.target) == nextNonEmpty(b.next) {
			last.op, last.arg, last.target = NOP, 0, nil
			n++
		}
	}
	return n
}

// removeRedundantNopsAndJumps alternates the two until neither changes
// anything (remove_redundant_nops_and_jumps).
func (g *cfg) removeRedundantNopsAndJumps() {
	for {
		n := g.removeRedundantNopsAll()
		j := g.removeRedundantJumps()
		if n+j == 0 {
			return
		}
	}
}

// removeRedundantNopsAndPairs removes NOPs and turns the pairs
// "LOAD_CONST; POP_TOP" and "COPY 1; POP_TOP" into NOPs, repeating until
// none is left (remove_redundant_nops_and_pairs). A pair may straddle a
// fallthrough into the next block unless that block is a jump target.
func (g *cfg) removeRedundantNopsAndPairs() {
	for done := false; !done; {
		done = true
		var prev, cur *cfgInstr
		for b := g.entry; b != nil; b = b.next {
			removeRedundantNops(b)
			if b.label >= 0 {
				cur = nil
			}
			for i := range b.instrs {
				prev = cur
				cur = &b.instrs[i]
				if cur.op != POP_TOP || prev == nil {
					continue
				}
				if prev.op == LOAD_CONST || (prev.op == COPY && prev.arg == 1) {
					prev.op, prev.arg = NOP, 0
					cur.op, cur.arg = NOP, 0
					done = false
				}
			}
			if (cur != nil && cur.op.HasJump()) || !b.hasFallthrough() {
				cur = nil
			}
		}
	}
}

// duplicateExitsWithoutLineno gives each jump to a line-less exit block
// (or a line-less block that checks the eval breaker) with more than one
// predecessor its own copy of the block, laid out right after the
// original, whose first instruction takes the jump's location; a block
// reached only by falling into such a block lends it its last location
// (duplicate_exits_without_lineno).
func (g *cfg) duplicateExitsWithoutLineno() {
	nextLabel := g.maxLabel() + 1
	for b := g.entry; b != nil; b = b.next {
		last := b.last()
		if last == nil || !last.op.HasJump() {
			continue
		}
		target := nextNonEmpty(last.target)
		if target == nil || !isExitOrEvalCheckWithoutLineno(target) || target.preds <= 1 {
			continue
		}
		nt := g.copyBlock(target)
		nt.instrs[0].loc = last.loc
		last.target = nt
		target.preds--
		nt.preds = 1
		nt.next = target.next
		nt.label = nextLabel
		nextLabel++
		target.next = nt
	}
	for b := g.entry; b != nil; b = b.next {
		if b.hasFallthrough() && b.next != nil && len(b.instrs) > 0 && isExitOrEvalCheckWithoutLineno(b.next) {
			b.next.instrs[0].loc = b.last().loc
		}
	}
}

func isExitOrEvalCheckWithoutLineno(b *block) bool {
	if b.exitsScope() || b.hasEvalBreak() {
		return b.hasNoLineno()
	}
	return false
}

// propagateLineNumbers gives each line-less instruction the location of
// the instruction before it in its block, and the first instruction of a
// block with a single predecessor, if line-less, the last location of
// that predecessor (propagate_line_numbers).
func (g *cfg) propagateLineNumbers() {
	for b := g.entry; b != nil; b = b.next {
		last := b.last()
		if last == nil {
			continue
		}
		prev := NoLoc
		for i := range b.instrs {
			if b.instrs[i].loc.Line < 0 {
				b.instrs[i].loc = prev
			} else {
				prev = b.instrs[i].loc
			}
		}
		if b.hasFallthrough() && b.next != nil && b.next.preds == 1 && len(b.next.instrs) > 0 &&
			b.next.instrs[0].loc.Line < 0 {
			b.next.instrs[0].loc = prev
		}
		if last.op.HasJump() {
			t := last.target
			if t.preds == 1 && len(t.instrs) > 0 && t.instrs[0].loc.Line < 0 {
				t.instrs[0].loc = prev
			}
		}
	}
}

// resolveLineNumbers is resolve_line_numbers (whose firstlineno 3.13 no
// longer uses).
func (g *cfg) resolveLineNumbers() {
	g.duplicateExitsWithoutLineno()
	g.propagateLineNumbers()
}

// constAt returns consts[i], or an error for an index out of range.
func constAt(consts []Const, i int) (Const, error) {
	if i < 0 || i >= len(consts) {
		return nil, fmt.Errorf("constant index %d out of range (%d constants)", i, len(consts))
	}
	return consts[i], nil
}

// constTruth is PyObject_IsTrue for a constant.
func constTruth(c Const) bool {
	switch v := c.(type) {
	case pyconst.NoneType:
		return false
	case pyconst.Bool:
		return bool(v)
	case pyconst.Int:
		return v.Sign() != 0
	case pyconst.Float:
		return v != 0
	case pyconst.Complex:
		return v.Real != 0 || v.Imag != 0
	case pyconst.Str:
		return len(v) > 0
	case pyconst.Bytes:
		return len(v) > 0
	case pyconst.Tuple:
		return len(v) > 0
	case pyconst.FrozenSet:
		return v.Len() > 0
	}
	return true // Ellipsis, code objects
}

// addConst returns the index of c in *consts, appending it if needed
// (flowgraph.c's add_const). Normally a constant is merged with an equal
// one anywhere in the list, as the compiler's constant cache makes it;
// with isolatedConsts set, a tuple is merged only with the constants the
// passes made (True, False and the empty tuple are singletons, found
// anywhere).
func (g *cfg) addConst(consts *[]Const, c Const) int {
	if g.isolatedConsts == nil {
		return addConst(consts, c)
	}
	switch v := c.(type) {
	case pyconst.Bool:
		return addConst(consts, c)
	case pyconst.Tuple:
		if len(v) == 0 {
			return addConst(consts, c)
		}
	}
	k := constKey(c)
	if i, ok := g.isolatedConsts[k]; ok {
		return i
	}
	*consts = append(*consts, c)
	g.isolatedConsts[k] = len(*consts) - 1
	return len(*consts) - 1
}

// optimizeLoadConst folds the instructions that consume a constant just
// loaded (optimize_load_const and basicblock_optimize_load_const):
//
//	LOAD_CONST c; POP_JUMP_IF_FALSE/TRUE  → NOP and a JUMP or a NOP
//	LOAD_CONST None; IS_OP [TO_BOOL] POP_JUMP_IF_x → POP_JUMP_IF_[NOT_]NONE
//	LOAD_CONST c; RETURN_VALUE           → NOP; RETURN_CONST c
//	LOAD_CONST c; TO_BOOL                → NOP; LOAD_CONST bool(c)
//
// A "COPY 1" right after the LOAD_CONST counts as the constant too (the
// COPY is what becomes the NOP).
func (g *cfg) optimizeLoadConst(consts *[]Const) error {
	for b := g.entry; b != nil; b = b.next {
		if err := g.optimizeLoadConstBlock(b, consts); err != nil {
			return err
		}
	}
	return nil
}

func (g *cfg) optimizeLoadConstBlock(b *block, consts *[]Const) error {
	opcode, oparg := Opcode(0), 0
	ins := b.instrs
	for i := 0; i < len(ins); i++ {
		in := &ins[i]
		isCopyOfLoadConst := opcode == LOAD_CONST && in.op == COPY && in.arg == 1
		if !isCopyOfLoadConst {
			opcode, oparg = in.op, in.arg
		}
		if opcode != LOAD_CONST {
			continue
		}
		nextop := Opcode(0)
		if i+1 < len(ins) {
			nextop = ins[i+1].op
		}
		switch nextop {
		case POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE:
			c, err := constAt(*consts, oparg)
			if err != nil {
				return err
			}
			isTrue := constTruth(c)
			in.op, in.arg = NOP, 0
			if isTrue == (nextop == POP_JUMP_IF_TRUE) {
				ins[i+1].op = JUMP
			} else {
				ins[i+1].op, ins[i+1].arg, ins[i+1].target = NOP, 0, nil
			}
		case IS_OP:
			c, err := constAt(*consts, oparg)
			if err != nil {
				return err
			}
			if _, isNone := c.(pyconst.NoneType); !isNone || len(ins) <= i+2 {
				break
			}
			isInstr := &ins[i+1]
			jump := &ins[i+2]
			if jump.op == TO_BOOL {
				jump.op, jump.arg = NOP, 0
				if len(ins) <= i+3 {
					break
				}
				jump = &ins[i+3]
			}
			invert := isInstr.arg != 0
			if jump.op == POP_JUMP_IF_FALSE {
				invert = !invert
			} else if jump.op != POP_JUMP_IF_TRUE {
				break
			}
			in.op, in.arg = NOP, 0
			isInstr.op, isInstr.arg = NOP, 0
			if invert {
				jump.op = POP_JUMP_IF_NOT_NONE
			} else {
				jump.op = POP_JUMP_IF_NONE
			}
		case RETURN_VALUE:
			in.op, in.arg = NOP, 0
			i++
			ins[i].op, ins[i].arg = RETURN_CONST, oparg
		case TO_BOOL:
			c, err := constAt(*consts, oparg)
			if err != nil {
				return err
			}
			idx := g.addConst(consts, pyconst.Bool(constTruth(c)))
			in.op, in.arg = NOP, 0
			ins[i+1].op, ins[i+1].arg = LOAD_CONST, idx
		}
	}
	return nil
}

// optimizeBasicBlock is optimize_basic_block: the peephole rewrites of one
// block, then the SWAP optimizations.
//
//	BUILD_TUPLE n; UNPACK_SEQUENCE n  → NOP; NOP (n=1) or NOP; SWAP n (n=2, 3)
//	LOAD_CONST…×n; BUILD_TUPLE n      → NOP…; LOAD_CONST (tuple)
//	conditional/unconditional jump to a JUMP → jump threading
//	STORE_FAST x; STORE_FAST x (same line) → POP_TOP; STORE_FAST x
//	SWAP 1                            → NOP
//	LOAD_GLOBAL; PUSH_NULL            → LOAD_GLOBAL|1; NOP
//	COMPARE_OP; TO_BOOL               → NOP; COMPARE_OP|16
//	IS_OP/CONTAINS_OP; TO_BOOL        → NOP; IS_OP/CONTAINS_OP
//	TO_BOOL; TO_BOOL                  → NOP; TO_BOOL
//	UNARY_NOT; TO_BOOL                → NOP; UNARY_NOT
//	UNARY_NOT; UNARY_NOT              → NOP; NOP
//
// ("IS_OP; UNARY_NOT" is left alone in 3.13; 3.14 inverts it.)
func (g *cfg) optimizeBasicBlock(bb *block, consts *[]Const) error {
	// Jump threading appends a jump to the block and revisits it; a
	// cycle of blocks that only jump to each other would thread forever,
	// so the number of threadings is bounded.
	threads := 0
	maxThreads := len(g.blocks) + len(bb.instrs) + 8
	for i := 0; i < len(bb.instrs); i++ {
		in := bb.instrs[i]
		var target *cfgInstr
		if (in.op.HasJump() || in.op.HasExc()) && len(in.target.instrs) > 0 {
			target = &in.target.instrs[0]
		}
		targetOp := Opcode(NOP)
		if target != nil {
			targetOp = target.op
		}
		nextop := Opcode(0)
		if i+1 < len(bb.instrs) {
			nextop = bb.instrs[i+1].op
		}
		cur := &bb.instrs[i]
		switch in.op {
		case BUILD_TUPLE:
			if nextop == UNPACK_SEQUENCE && in.arg == bb.instrs[i+1].arg {
				switch in.arg {
				case 1:
					cur.op, cur.arg = NOP, 0
					bb.instrs[i+1].op, bb.instrs[i+1].arg = NOP, 0
					continue
				case 2, 3:
					cur.op, cur.arg = NOP, 0
					bb.instrs[i+1].op = SWAP
					continue
				}
			}
			if i >= in.arg {
				if err := g.foldTupleOnConstants(bb, i, consts); err != nil {
					return err
				}
			}
		case POP_JUMP_IF_NOT_NONE, POP_JUMP_IF_NONE, POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE:
			if targetOp == JUMP && threads < maxThreads && g.jumpThread(bb, i, target, in.op) {
				threads++
				i--
			}
		case JUMP, JUMP_NO_INTERRUPT:
			switch targetOp {
			case JUMP:
				if threads < maxThreads && g.jumpThread(bb, i, target, JUMP) {
					threads++
					i--
				}
				continue
			case JUMP_NO_INTERRUPT:
				if threads < maxThreads && g.jumpThread(bb, i, target, in.op) {
					threads++
					i--
				}
				continue
			}
		case STORE_FAST:
			if nextop == STORE_FAST && in.arg == bb.instrs[i+1].arg && in.loc.Line == bb.instrs[i+1].loc.Line {
				cur.op, cur.arg = POP_TOP, 0
			}
		case SWAP:
			if in.arg == 1 {
				cur.op, cur.arg = NOP, 0
			}
		case LOAD_GLOBAL:
			if nextop == PUSH_NULL && in.arg&1 == 0 {
				cur.arg = in.arg | 1
				bb.instrs[i+1].op, bb.instrs[i+1].arg = NOP, 0
			}
		case COMPARE_OP:
			if nextop == TO_BOOL {
				cur.op, cur.arg = NOP, 0
				bb.instrs[i+1].op, bb.instrs[i+1].arg = COMPARE_OP, in.arg|16
				continue
			}
		case CONTAINS_OP, IS_OP:
			if nextop == TO_BOOL {
				cur.op, cur.arg = NOP, 0
				bb.instrs[i+1].op, bb.instrs[i+1].arg = in.op, in.arg
				continue
			}
		case TO_BOOL:
			if nextop == TO_BOOL {
				cur.op, cur.arg = NOP, 0
				continue
			}
		case UNARY_NOT:
			if nextop == TO_BOOL {
				cur.op, cur.arg = NOP, 0
				bb.instrs[i+1].op, bb.instrs[i+1].arg = UNARY_NOT, 0
				continue
			}
			if nextop == UNARY_NOT {
				cur.op, cur.arg = NOP, 0
				bb.instrs[i+1].op, bb.instrs[i+1].arg = NOP, 0
				continue
			}
		}
	}
	for i := 0; i < len(bb.instrs); i++ {
		if bb.instrs[i].op == SWAP {
			i = swaptimize(bb, i)
			applyStaticSwaps(bb, i)
		}
	}
	return nil
}

// jumpThread retargets the jump at bb.instrs[i], whose target block starts
// with the jump target, to where target goes (jump_thread): the jump
// becomes a NOP (kept if its line is needed) and a new jump with opcode op
// and target's location is appended. It reports whether it changed
// anything.
func (g *cfg) jumpThread(bb *block, i int, target *cfgInstr, op Opcode) bool {
	in := &bb.instrs[i]
	if in.target == target.target {
		return false
	}
	dest, loc := target.target, target.loc
	in.op, in.arg, in.target = NOP, 0, nil
	// CPython fills in a fresh slot: the new jump has no handler, which
	// leaves a hole in the exception table where a threaded jump sits
	// inside a try.
	bb.instrs = append(bb.instrs, cfgInstr{op: op, arg: dest.label, loc: loc, target: dest})
	return true
}

// foldTupleOnConstants replaces n LOAD_CONSTs followed by BUILD_TUPLE n,
// with the BUILD_TUPLE at bb.instrs[i], by NOPs and one LOAD_CONST of the
// tuple (fold_tuple_on_constants). The NOPs keep their locations.
func (g *cfg) foldTupleOnConstants(bb *block, i int, consts *[]Const) error {
	n := bb.instrs[i].arg
	first := i - n
	for j := first; j < i; j++ {
		if !bb.instrs[j].op.HasConst() {
			return nil
		}
	}
	tuple := make(pyconst.Tuple, n)
	for j := first; j < i; j++ {
		c, err := constAt(*consts, bb.instrs[j].arg)
		if err != nil {
			return err
		}
		v, ok := c.(pyconst.Value)
		if !ok {
			return nil // a code object cannot go into a constant tuple here
		}
		tuple[j-first] = v
	}
	idx := g.addConst(consts, tuple)
	for j := first; j < i; j++ {
		bb.instrs[j].op, bb.instrs[j].arg = NOP, 0
	}
	bb.instrs[i].op, bb.instrs[i].arg = LOAD_CONST, idx
	return nil
}

// swaptimize replaces the run of SWAPs and NOPs that starts at
// bb.instrs[ix] with the shortest run of SWAPs that permutes the stack the
// same way, padded with NOPs (swaptimize). It returns the index of the
// run's last instruction.
func swaptimize(bb *block, ix int) int {
	ins := bb.instrs[ix:]
	depth := ins[0].arg
	n := 1
	more := false
	for ; n < len(ins); n++ {
		if ins[n].op == SWAP {
			depth = max(depth, ins[n].arg)
			more = true
		} else if ins[n].op != NOP {
			break
		}
	}
	if !more {
		return ix
	}
	if depth > maxSwapDepth {
		return ix // no stack is that deep: leave a malformed run alone
	}
	for k := 0; k < n; k++ {
		if ins[k].op == SWAP && ins[k].arg < 1 {
			return ix // SWAP 0 is malformed: leave the run alone
		}
	}
	stack := make([]int, depth)
	for k := range stack {
		stack[k] = k
	}
	for k := 0; k < n; k++ {
		if ins[k].op == SWAP {
			a := ins[k].arg - 1
			stack[0], stack[a] = stack[a], stack[0]
		}
	}
	const visited = -1
	current := n - 1
	for k := 0; k < depth; k++ {
		if stack[k] == visited || stack[k] == k {
			continue
		}
		j := k
		for {
			if j != 0 {
				ins[current].op, ins[current].arg = SWAP, j+1
				current--
			}
			if stack[j] == visited {
				break
			}
			nj := stack[j]
			stack[j] = visited
			j = nj
		}
	}
	for ; current >= 0; current-- {
		ins[current].op, ins[current].arg = NOP, 0
	}
	return ix + n - 1
}

// swappable reports whether an instruction may be moved past a SWAP:
// it only pops the top of the stack and cannot run arbitrary code.
func swappable(op Opcode) bool {
	return op == STORE_FAST || op == STORE_FAST_MAYBE_NULL || op == POP_TOP
}

// storesTo returns the local a store writes, or -1.
func storesTo(in *cfgInstr) int {
	if in.op == STORE_FAST || in.op == STORE_FAST_MAYBE_NULL {
		return in.arg
	}
	return -1
}

// nextSwappable returns the index of the next swappable instruction after
// i, skipping NOPs; or -1 if another instruction comes first, or, when
// line is not negative, an instruction on another line.
func nextSwappable(bb *block, i, line int) int {
	for i++; i < len(bb.instrs); i++ {
		in := &bb.instrs[i]
		if line >= 0 && in.loc.Line != line {
			return -1
		}
		if in.op == NOP {
			continue
		}
		if swappable(in.op) {
			return i
		}
		return -1
	}
	return -1
}

// applyStaticSwaps removes SWAPs at and before bb.instrs[i] by swapping
// the stores that follow them instead (apply_static_swaps): "SWAP 2;
// POP_TOP; STORE_FAST x" becomes "NOP; STORE_FAST x; POP_TOP". It stops at
// the first instruction it cannot reason about, and leaves a SWAP whose
// operands are on different lines or store to the same local.
func applyStaticSwaps(bb *block, i int) {
	for ; i >= 0; i-- {
		swap := &bb.instrs[i]
		if swap.op != SWAP {
			if swap.op == NOP || swappable(swap.op) {
				continue
			}
			return
		}
		j := nextSwappable(bb, i, -1)
		if j < 0 {
			return
		}
		k := j
		line := bb.instrs[j].loc.Line
		for count := swap.arg - 1; count > 0; count-- {
			k = nextSwappable(bb, k, line)
			if k < 0 {
				return
			}
		}
		sj, sk := storesTo(&bb.instrs[j]), storesTo(&bb.instrs[k])
		if sj >= 0 || sk >= 0 {
			if sj == sk {
				return
			}
			for idx := j + 1; idx < k; idx++ {
				if s := storesTo(&bb.instrs[idx]); s >= 0 && (s == sj || s == sk) {
					return
				}
			}
		}
		swap.op, swap.arg = NOP, 0
		bb.instrs[j], bb.instrs[k] = bb.instrs[k], bb.instrs[j]
	}
}

// removeUnusedConsts drops the constants no instruction loads, except the
// first one (which may be the docstring), keeping the others' order and
// renumbering the loads (remove_unused_consts).
func (g *cfg) removeUnusedConsts(consts *[]Const) error {
	n := len(*consts)
	if n == 0 {
		return nil
	}
	used := make([]bool, n)
	used[0] = true
	for b := g.entry; b != nil; b = b.next {
		for i := range b.instrs {
			in := &b.instrs[i]
			if in.op.HasConst() {
				if in.arg < 0 || in.arg >= n {
					return fmt.Errorf("constant index %d out of range (%d constants)", in.arg, n)
				}
				used[in.arg] = true
			}
		}
	}
	remap := make([]int, n)
	kept := (*consts)[:0:0]
	for i, c := range *consts {
		if used[i] {
			remap[i] = len(kept)
			kept = append(kept, c)
		}
	}
	if len(kept) == n {
		return nil
	}
	*consts = kept
	for b := g.entry; b != nil; b = b.next {
		for i := range b.instrs {
			if in := &b.instrs[i]; in.op.HasConst() {
				in.arg = remap[in.arg]
			}
		}
	}
	return nil
}

// addChecksForLoadsOfUninitializedVariables turns each LOAD_FAST of a
// local that may be unbound into LOAD_FAST_CHECK
// (add_checks_for_loads_of_uninitialized_variables). The first 64 locals
// are tracked through the graph with one bit each: the locals that are not
// parameters start unbound, stores bind, DELETE_FAST, LOAD_FAST_AND_CLEAR
// and STORE_FAST_MAYBE_NULL unbind, and a handler sees the state at every
// instruction it covers. Locals from 64 on are only tracked within a block
// (fast_scan_many_locals).
func (g *cfg) addChecksForLoadsOfUninitializedVariables(nlocals, nparams int) {
	if nlocals == 0 {
		return
	}
	if nlocals > maxLocalsMaskedBits {
		g.fastScanManyLocals(nlocals)
		nlocals = maxLocalsMaskedBits
	}
	g.resetVisited()
	var stack []*block
	push := func(b *block, mask uint64) {
		both := b.unsafeLocals | mask
		if b.unsafeLocals != both {
			b.unsafeLocals = both
			if !b.visited {
				stack = append(stack, b)
				b.visited = true
			}
		}
	}
	var start uint64
	for i := max(nparams, 0); i < nlocals; i++ {
		start |= 1 << uint(i)
	}
	push(g.entry, start)
	scan := func(b *block) {
		mask := b.unsafeLocals
		for i := range b.instrs {
			in := &b.instrs[i]
			if in.except != nil {
				push(in.except, mask)
			}
			if in.arg < 0 || in.arg >= maxLocalsMaskedBits {
				continue
			}
			bit := uint64(1) << uint(in.arg)
			switch in.op {
			case DELETE_FAST, LOAD_FAST_AND_CLEAR, STORE_FAST_MAYBE_NULL:
				mask |= bit
			case STORE_FAST, LOAD_FAST_CHECK:
				mask &^= bit
			case LOAD_FAST:
				if mask&bit != 0 {
					in.op = LOAD_FAST_CHECK
				}
				mask &^= bit
			}
		}
		if b.next != nil && b.hasFallthrough() {
			push(b.next, mask)
		}
		if l := b.last(); l != nil && l.op.HasJump() {
			push(l.target, mask)
		}
	}
	for b := g.entry; b != nil; b = b.next {
		scan(b)
	}
	for len(stack) > 0 {
		b := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		b.visited = false
		scan(b)
	}
}

// fastScanManyLocals checks the locals from 64 on, block by block: a
// LOAD_FAST not preceded in its block by a store or load of the same local
// becomes LOAD_FAST_CHECK, parameters included (fast_scan_many_locals).
func (g *cfg) fastScanManyLocals(nlocals int) {
	states := make([]int, nlocals-maxLocalsMaskedBits)
	blocknum := 0
	for b := g.entry; b != nil; b = b.next {
		blocknum++
		for i := range b.instrs {
			in := &b.instrs[i]
			a := in.arg - maxLocalsMaskedBits
			if a < 0 || a >= len(states) {
				continue
			}
			switch in.op {
			case DELETE_FAST, LOAD_FAST_AND_CLEAR, STORE_FAST_MAYBE_NULL:
				states[a] = blocknum - 1
			case STORE_FAST:
				states[a] = blocknum
			case LOAD_FAST:
				if states[a] != blocknum {
					in.op = LOAD_FAST_CHECK
				}
				states[a] = blocknum
			}
		}
	}
}

// insertSuperinstructions fuses "LOAD_FAST a; LOAD_FAST b",
// "STORE_FAST a; LOAD_FAST b" and "STORE_FAST a; STORE_FAST b" into one
// instruction with argument a<<4|b when a and b are below 16 and the two
// are on the same line (or one has none), then removes the NOPs left
// behind (insert_superinstructions).
func (g *cfg) insertSuperinstructions() {
	for b := g.entry; b != nil; b = b.next {
		for i := 0; i+1 < len(b.instrs); i++ {
			in, next := &b.instrs[i], &b.instrs[i+1]
			var super Opcode
			switch {
			case in.op == LOAD_FAST && next.op == LOAD_FAST:
				super = LOAD_FAST_LOAD_FAST
			case in.op == STORE_FAST && next.op == LOAD_FAST:
				super = STORE_FAST_LOAD_FAST
			case in.op == STORE_FAST && next.op == STORE_FAST:
				super = STORE_FAST_STORE_FAST
			default:
				continue
			}
			l1, l2 := in.loc.Line, next.loc.Line
			if l1 >= 0 && l2 >= 0 && l1 != l2 {
				continue
			}
			if in.arg >= 16 || next.arg >= 16 {
				continue
			}
			in.op, in.arg = super, in.arg<<4|next.arg
			next.op, next.arg = NOP, 0
		}
	}
	g.removeRedundantNopsAll()
}

// markWarm marks the blocks reachable from the entry without going
// through an exception handler (mark_warm).
func (g *cfg) markWarm() {
	g.resetVisited()
	stack := []*block{g.entry}
	g.entry.visited = true
	for len(stack) > 0 {
		b := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		b.warm = true
		if b.next != nil && b.hasFallthrough() && !b.next.visited {
			b.next.visited = true
			stack = append(stack, b.next)
		}
		for i := range b.instrs {
			if in := &b.instrs[i]; in.op.HasJump() && !in.target.visited {
				in.target.visited = true
				stack = append(stack, in.target)
			}
		}
	}
}

// markCold marks the exception handlers and the blocks reachable only
// through them (mark_cold).
func (g *cfg) markCold() {
	g.markWarm()
	g.resetVisited()
	var stack []*block
	for b := g.entry; b != nil; b = b.next {
		if b.exceptHandler {
			b.visited = true
			stack = append(stack, b)
		}
	}
	for len(stack) > 0 {
		b := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		b.cold = true
		if b.next != nil && b.hasFallthrough() && !b.next.warm && !b.next.visited {
			b.next.visited = true
			stack = append(stack, b.next)
		}
		for i := range b.instrs {
			if in := &b.instrs[i]; in.op.HasJump() && !in.target.warm && !in.target.visited {
				in.target.visited = true
				stack = append(stack, in.target)
			}
		}
	}
}

// pushColdBlocksToEnd moves the cold blocks, in their order, after the
// warm ones (push_cold_blocks_to_end). A cold block that fell through into
// a warm one gets an explicit JUMP_NO_INTERRUPT block, without location,
// as its new successor. Redundant NOPs and jumps are removed afterwards.
func (g *cfg) pushColdBlocksToEnd() {
	if g.entry.next == nil {
		return
	}
	g.markCold()
	nextLabel := g.maxLabel() + 1
	for b := g.entry; b != nil; b = b.next {
		if b.cold && b.hasFallthrough() && b.next != nil && b.next.warm {
			j := g.newBlock()
			if b.next.label < 0 {
				b.next.label = nextLabel
				nextLabel++
			}
			j.instrs = []cfgInstr{{op: JUMP_NO_INTERRUPT, arg: b.next.label, loc: NoLoc, target: b.next}}
			j.cold = true
			j.next = b.next
			j.preds = 1
			b.next = j
		}
	}
	var coldHead, coldTail *block
	b := g.entry
	for b.next != nil {
		for b.next != nil && !b.next.cold {
			b = b.next
		}
		if b.next == nil {
			break
		}
		end := b.next
		for end.next != nil && end.next.cold {
			end = end.next
		}
		if coldHead == nil {
			coldHead = b.next
		} else {
			coldTail.next = b.next
		}
		coldTail = end
		b.next = end.next
		end.next = nil
	}
	b.next = coldHead
	if coldHead != nil {
		g.removeRedundantNopsAndJumps()
	}
}
