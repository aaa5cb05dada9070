package analysis

// This file finds reads of fast locals that would raise UnboundLocalError,
// from the bytecode CPython 3.13 emits.
//
// CPython's compiler already decides which reads of a local might find it
// unbound: those are the LOAD_FAST_CHECK instructions (a plain LOAD_FAST
// means the compiler proved the local bound). To tell "might" from "will",
// a forward data-flow pass computes, before each instruction, the set of
// locals that some path from the entry has bound (parameters at the entry,
// STORE_FAST and its superinstructions bind, DELETE_FAST and
// LOAD_FAST_AND_CLEAR unbind). Jumps, fall-through and the exception table
// (an instruction in a protected range may go to its handler before or
// after its effect) give the paths. A LOAD_FAST_CHECK (or DELETE_FAST) of a
// local that no path binds raises UnboundLocalError whenever it runs; one of
// a local that only some paths bind may.

import (
	"fmt"

	"github.com/peephole-lsp/peephole/compiler"
)

// unboundRead is a read (or del) of a local found unbound.
type unboundRead struct {
	info   *codeInfo
	idx    int
	name   string
	always bool // no path binds the local: it always raises
}

// bitset is a set of localsplus indexes.
type bitset []uint64

func newBitset(n int) bitset       { return make(bitset, (n+63)/64) }
func (s bitset) has(i int) bool    { return i/64 < len(s) && s[i/64]&(1<<(i%64)) != 0 }
func (s bitset) add(i int)         { s[i/64] |= 1 << (i % 64) }
func (s bitset) remove(i int)      { s[i/64] &^= 1 << (i % 64) }
func (s bitset) copyFrom(t bitset) { copy(s, t) }

// unionInto adds t to s and reports whether s grew.
func (s bitset) unionInto(t bitset) bool {
	grew := false
	for i, w := range t {
		if s[i]|w != s[i] {
			s[i] |= w
			grew = true
		}
	}
	return grew
}

// unboundReads runs the data-flow pass over every function-like code
// object under code (in dis order) that can raise UnboundLocalError. Only
// a code object with a LOAD_FAST_CHECK or a DELETE_FAST can, and most have
// neither: co_code is scanned for them first, and only those that have one
// are decoded, without the code index the other questions build (the
// diagnostics need nothing else from it).
func unboundReads(code *compiler.Code) []unboundRead {
	var out []unboundRead
	var walk func(c *compiler.Code)
	walk = func(c *compiler.Code) {
		if c.Flags&compiler.CoOptimized != 0 && mayBeUnbound(c.Code) {
			out = append(out, unboundIn(&codeInfo{Code: c, Instrs: c.Instructions()})...)
		}
		for _, k := range c.Consts {
			if sub, ok := k.(*compiler.Code); ok {
				walk(sub)
			}
		}
	}
	if code != nil {
		walk(code)
	}
	return out
}

// safeUnboundReads is unboundReads, with a failure of peephole itself (a
// recovered panic) described instead of raised.
func safeUnboundReads(code *compiler.Code) (reads []unboundRead, failure string) {
	defer func() {
		if r := recover(); r != nil {
			reads, failure = nil, fmt.Sprintf("internal error in the unbound-read analysis: %v", r)
		}
	}()
	return unboundReads(code), ""
}

// mayBeUnbound reports whether co_code has a LOAD_FAST_CHECK or a
// DELETE_FAST. Every code unit is an opcode and its argument byte, the
// inline caches being zeroed units (CACHE), so the opcodes are exactly
// the even bytes.
func mayBeUnbound(co []byte) bool {
	for i := 0; i+1 < len(co); i += 2 {
		switch compiler.Opcode(co[i]) {
		case compiler.LOAD_FAST_CHECK, compiler.DELETE_FAST:
			return true
		}
	}
	return false
}

// unboundIn finds the unbound reads of one code object.
func unboundIn(ci *codeInfo) []unboundRead {
	co := ci.Code
	n := len(co.LocalsPlusNames)
	ins := ci.Instrs
	if n == 0 || len(ins) == 0 {
		return nil
	}
	// The fast locals that can be unbound: locals that are not cells.
	tracked := func(i int) bool {
		return i >= 0 && i < n && i < len(co.LocalsPlusKinds) &&
			co.LocalsPlusKinds[i]&compiler.FastLocal != 0 && co.LocalsPlusKinds[i]&compiler.FastCell == 0
	}
	byOffset := make(map[int]int, len(ins))
	for i := range ins {
		byOffset[ins[i].Offset] = i
	}
	handlers := make([][]int, len(ins))
	for _, e := range co.ExceptionEntries() {
		t, ok := byOffset[e.Target]
		if !ok {
			continue
		}
		for i := range ins {
			if ins[i].Offset >= e.Start && ins[i].Offset < e.End {
				handlers[i] = append(handlers[i], t)
			}
		}
	}
	nparams := co.ArgCount + co.KwOnlyArgCount
	if co.Flags&compiler.CoVarargs != 0 {
		nparams++
	}
	if co.Flags&compiler.CoVarkeywords != 0 {
		nparams++
	}
	before := make([]bitset, len(ins))
	reached := make([]bool, len(ins))
	entry := newBitset(n)
	for i := 0; i < nparams && i < n; i++ {
		entry.add(i)
	}
	before[0], reached[0] = entry, true
	work := []int{0}
	queued := make([]bool, len(ins))
	queued[0] = true
	after := newBitset(n)
	flow := func(to int, s bitset) {
		if to < 0 || to >= len(ins) {
			return
		}
		if !reached[to] {
			before[to] = newBitset(n)
			before[to].copyFrom(s)
			reached[to] = true
		} else if !before[to].unionInto(s) {
			return
		}
		if !queued[to] {
			queued[to] = true
			work = append(work, to)
		}
	}
	for len(work) > 0 {
		i := work[len(work)-1]
		work = work[:len(work)-1]
		queued[i] = false
		in := &ins[i]
		after.copyFrom(before[i])
		transfer(in, after, tracked)
		for _, h := range handlers[i] {
			flow(h, before[i])
			flow(h, after)
		}
		if in.JumpTarget >= 0 {
			if t, ok := byOffset[in.JumpTarget]; ok {
				flow(t, after)
			}
		}
		if !in.Op.IsUnconditionalJump() && !in.Op.IsScopeExit() {
			flow(i+1, after)
		}
	}
	var out []unboundRead
	for i := range ins {
		in := &ins[i]
		if !reached[i] || !in.HasArg || !tracked(in.Arg) {
			continue
		}
		switch in.Op {
		case compiler.LOAD_FAST_CHECK, compiler.DELETE_FAST:
		default:
			continue
		}
		name, _ := in.ArgVal.(string)
		if !before[i].has(in.Arg) {
			out = append(out, unboundRead{ci, i, name, true})
		} else if in.Op == compiler.LOAD_FAST_CHECK {
			out = append(out, unboundRead{ci, i, name, false})
		}
	}
	return out
}

// transfer applies an instruction's effect on the bound locals.
func transfer(in *compiler.Instruction, s bitset, tracked func(int) bool) {
	if !in.HasArg {
		return
	}
	switch in.Op {
	case compiler.STORE_FAST:
		if tracked(in.Arg) {
			s.add(in.Arg)
		}
	case compiler.STORE_FAST_LOAD_FAST:
		if a := in.Arg >> 4; tracked(a) {
			s.add(a)
		}
	case compiler.STORE_FAST_STORE_FAST:
		if a := in.Arg >> 4; tracked(a) {
			s.add(a)
		}
		if b := in.Arg & 15; tracked(b) {
			s.add(b)
		}
	case compiler.DELETE_FAST, compiler.LOAD_FAST_AND_CLEAR:
		if tracked(in.Arg) {
			s.remove(in.Arg)
		}
	}
}
