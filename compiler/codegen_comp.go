package compiler

// Comprehensions and generator expressions (compiler_comprehension and
// its helpers in Python/compile.c), including the inlining of list, set
// and dict comprehensions into their enclosing code (PEP 709).

import (
	"github.com/peephole-lsp/peephole/parser/ast"
	"github.com/peephole-lsp/peephole/symtab"
)

type compKind int

const (
	compGenexp compKind = iota
	compListComp
	compSetComp
	compDictComp
)

// inlineState is what an inlined comprehension changed in its enclosing
// unit, to be undone after it (inlined_comprehension_state).
type inlineState struct {
	pushedLocals []string
	tempSymbols  map[string]int
	tempHad      map[string]bool
	fastHidden   []string
	cleanup, end Label
}

// comprehensionIter evaluates a comprehension's iterable and gets its
// iterator (compiler_comprehension_iter).
func (c *compiler) comprehensionIter(comp *ast.Comprehension) {
	c.visitExpr(comp.Iter)
	if comp.IsAsync != 0 {
		c.addop(locOf(comp.Iter), GET_AITER)
	} else {
		c.addop(locOf(comp.Iter), GET_ITER)
	}
}

// comprehension is compiler_comprehension.
func (c *compiler) comprehension(e ast.Expr, kind compKind, name string, gens []*ast.Comprehension, elt, val ast.Expr) {
	scopeType := c.u.scopeType
	entry := c.st.Lookup(e)
	if entry == nil {
		c.internal("no symbol table for comprehension")
	}
	inlined := entry.CompInlined
	asyncComp := entry.Coroutine
	loc := locOf(e)
	outermost := gens[0]
	var state inlineState
	if inlined {
		c.comprehensionIter(outermost)
		c.pushInlinedComprehensionState(loc, entry, &state)
	} else {
		c.enterScope(name, scopeComprehension, entry, e.Range().Lineno)
	}
	if asyncComp && kind != compGenexp && scopeType != scopeAsyncFunction && scopeType != scopeComprehension {
		c.errorAt(loc, "asynchronous comprehension outside of an asynchronous function")
	}
	if kind != compGenexp {
		var op Opcode
		switch kind {
		case compListComp:
			op = BUILD_LIST
		case compSetComp:
			op = BUILD_SET
		case compDictComp:
			op = BUILD_MAP
		}
		c.addopI(loc, op, 0)
		if inlined {
			c.addopI(loc, SWAP, 2)
		}
	}
	c.comprehensionGenerator(loc, gens, 0, 0, elt, val, kind, inlined)
	if inlined {
		c.popInlinedComprehensionState(loc, &state)
		return
	}
	if kind != compGenexp {
		c.addop(locOf(e), RETURN_VALUE)
	}
	if kind == compGenexp {
		c.wrapInStopIterationHandler()
	}
	co := c.optimizeAndAssemble(true)
	c.exitScope()
	c.makeClosure(loc, co, 0)
	c.comprehensionIter(outermost)
	c.addopI(loc, CALL, 0)
	if asyncComp && kind != compGenexp {
		c.addopI(loc, GET_AWAITABLE, 0)
		c.loadNone(loc)
		c.addYieldFrom(loc, true)
	}
}

// pushInlinedComprehensionState isolates the names an inlined
// comprehension binds from the enclosing code
// (push_inlined_comprehension_state).
func (c *compiler) pushInlinedComprehensionState(loc Loc, entry *symtab.Table, state *inlineState) {
	u := c.u
	inClassBlock := u.ste.Type == symtab.ClassBlock && u.inInlinedComp == 0
	u.inInlinedComp++
	for _, k := range entry.Symbols() {
		symbol := entry.Flags(k)
		scope := symtab.Scope((symbol >> symtab.ScopeOffset) & symtab.ScopeMask)
		outv := u.symFlags(k)
		outsc := symtab.Scope((outv >> symtab.ScopeOffset) & symtab.ScopeMask)
		if scope != outsc && scope != symtab.Free && !(scope == symtab.Cell && outsc == symtab.Free) {
			if state.tempSymbols == nil {
				state.tempSymbols = map[string]int{}
				state.tempHad = map[string]bool{}
			}
			if u.tempScopes == nil {
				u.tempScopes = map[string]int{}
			}
			prev, had := u.tempScopes[k]
			if !had {
				prev = outv
			}
			if _, seen := state.tempSymbols[k]; !seen {
				state.tempSymbols[k] = prev
				state.tempHad[k] = had
			}
			u.tempScopes[k] = symbol
		}
		if (symbol&symtab.DefLocal != 0 && symbol&symtab.DefNonlocal == 0) || inClassBlock {
			if !u.ste.IsFunctionLike() {
				if !u.meta.FastHidden[k] {
					u.meta.FastHidden[k] = true
					state.fastHidden = append(state.fastHidden, k)
				}
			}
			c.addopName(loc, LOAD_FAST_AND_CLEAR, &u.meta.VarNames, k)
			if scope == symtab.Cell {
				if outsc == symtab.Free {
					c.addopI(loc, MAKE_CELL, u.derefIndex(c.mangle(k), true))
				} else {
					c.addopI(loc, MAKE_CELL, u.derefIndex(c.mangle(k), false))
				}
			}
			state.pushedLocals = append(state.pushedLocals, k)
		}
	}
	if len(state.pushedLocals) > 0 {
		c.addopI(loc, SWAP, len(state.pushedLocals)+1)
		state.cleanup = c.newLabel()
		state.end = c.newLabel()
		c.addopJump(loc, SETUP_FINALLY, state.cleanup)
	}
}

// popInlinedComprehensionState undoes pushInlinedComprehensionState
// (pop_inlined_comprehension_state).
func (c *compiler) popInlinedComprehensionState(loc Loc, state *inlineState) {
	u := c.u
	u.inInlinedComp--
	for k, v := range state.tempSymbols {
		if state.tempHad[k] {
			u.tempScopes[k] = v
		} else {
			delete(u.tempScopes, k)
		}
	}
	for _, k := range state.fastHidden {
		u.meta.FastHidden[k] = false
	}
	if len(state.pushedLocals) > 0 {
		c.addop(NoLoc, POP_BLOCK)
		c.addopJump(NoLoc, JUMP_NO_INTERRUPT, state.end)
		c.useLabel(state.cleanup)
		c.addopI(NoLoc, SWAP, 2)
		c.addop(NoLoc, POP_TOP)
		c.restoreInlinedComprehensionLocals(loc, state)
		c.addopI(NoLoc, RERAISE, 0)
		c.useLabel(state.end)
		c.restoreInlinedComprehensionLocals(loc, state)
	}
}

// restoreInlinedComprehensionLocals is
// restore_inlined_comprehension_locals.
func (c *compiler) restoreInlinedComprehensionLocals(loc Loc, state *inlineState) {
	n := len(state.pushedLocals)
	c.addopI(loc, SWAP, n+1)
	for i := n - 1; i >= 0; i-- {
		c.addopName(loc, STORE_FAST_MAYBE_NULL, &c.u.meta.VarNames, state.pushedLocals[i])
	}
}

// comprehensionGenerator is compiler_comprehension_generator.
func (c *compiler) comprehensionGenerator(loc Loc, gens []*ast.Comprehension, genIndex, depth int, elt, val ast.Expr, kind compKind, iterOnStack bool) {
	if gens[genIndex].IsAsync != 0 {
		c.asyncComprehensionGenerator(loc, gens, genIndex, depth, elt, val, kind, iterOnStack)
	} else {
		c.syncComprehensionGenerator(loc, gens, genIndex, depth, elt, val, kind, iterOnStack)
	}
}

// comprehensionElement emits what a comprehension does with each element
// and returns the element's location.
func (c *compiler) comprehensionElement(elt, val ast.Expr, kind compKind, depth int) Loc {
	eltLoc := locOf(elt)
	switch kind {
	case compGenexp:
		c.visitExpr(elt)
		c.addopYield(eltLoc)
		c.addop(eltLoc, POP_TOP)
	case compListComp:
		c.visitExpr(elt)
		c.addopI(eltLoc, LIST_APPEND, depth+1)
	case compSetComp:
		c.visitExpr(elt)
		c.addopI(eltLoc, SET_ADD, depth+1)
	case compDictComp:
		c.visitExpr(elt)
		c.visitExpr(val)
		er, vr := elt.Range(), val.Range()
		eltLoc = Loc{er.Lineno, vr.EndLineno, er.ColOffset, vr.EndColOffset}
		c.addopI(eltLoc, MAP_ADD, depth+1)
	}
	return eltLoc
}

// syncComprehensionGenerator is compiler_sync_comprehension_generator.
func (c *compiler) syncComprehensionGenerator(loc Loc, gens []*ast.Comprehension, genIndex, depth int, elt, val ast.Expr, kind compKind, iterOnStack bool) {
	start := c.newLabel()
	hasStart := true
	ifCleanup := c.newLabel()
	anchor := c.newLabel()
	gen := gens[genIndex]
	if !iterOnStack {
		if genIndex == 0 {
			c.u.meta.ArgCount = 1
			c.addopI(loc, LOAD_FAST, 0)
		} else {
			var elts []ast.Expr
			switch it := gen.Iter.(type) {
			case *ast.List:
				elts = it.Elts
			case *ast.Tuple:
				elts = it.Elts
			}
			if len(elts) == 1 {
				if _, ok := elts[0].(*ast.Starred); !ok {
					c.visitExpr(elts[0])
					hasStart = false
				}
			}
			if hasStart {
				c.visitExpr(gen.Iter)
				c.addop(locOf(gen.Iter), GET_ITER)
			}
		}
	}
	if hasStart {
		depth++
		c.useLabel(start)
		c.addopJump(locOf(gen.Iter), FOR_ITER, anchor)
	}
	c.visitExpr(gen.Target)
	for _, e := range gen.Ifs {
		c.jumpIf(loc, e, ifCleanup, false)
	}
	genIndex++
	if genIndex < len(gens) {
		c.comprehensionGenerator(loc, gens, genIndex, depth, elt, val, kind, false)
	}
	eltLoc := locOf(elt)
	if genIndex >= len(gens) {
		eltLoc = c.comprehensionElement(elt, val, kind, depth)
	}
	c.useLabel(ifCleanup)
	if hasStart {
		c.addopJump(eltLoc, JUMP, start)
		c.useLabel(anchor)
		c.addop(NoLoc, END_FOR)
		c.addop(NoLoc, POP_TOP)
	}
}

// asyncComprehensionGenerator is compiler_async_comprehension_generator.
func (c *compiler) asyncComprehensionGenerator(loc Loc, gens []*ast.Comprehension, genIndex, depth int, elt, val ast.Expr, kind compKind, iterOnStack bool) {
	start := c.newLabel()
	except := c.newLabel()
	ifCleanup := c.newLabel()
	gen := gens[genIndex]
	if !iterOnStack {
		if genIndex == 0 {
			c.u.meta.ArgCount = 1
			c.addopI(loc, LOAD_FAST, 0)
		} else {
			c.visitExpr(gen.Iter)
			c.addop(locOf(gen.Iter), GET_AITER)
		}
	}
	c.useLabel(start)
	c.pushFblock(loc, fbAsyncComprehensionGenerator, start, NoLabel)
	c.addopJump(loc, SETUP_FINALLY, except)
	c.addop(loc, GET_ANEXT)
	c.loadNone(loc)
	c.addYieldFrom(loc, true)
	c.addop(loc, POP_BLOCK)
	c.visitExpr(gen.Target)
	for _, e := range gen.Ifs {
		c.jumpIf(loc, e, ifCleanup, false)
	}
	depth++
	genIndex++
	if genIndex < len(gens) {
		c.comprehensionGenerator(loc, gens, genIndex, depth, elt, val, kind, false)
	}
	eltLoc := locOf(elt)
	if genIndex >= len(gens) {
		eltLoc = c.comprehensionElement(elt, val, kind, depth)
	}
	c.useLabel(ifCleanup)
	c.addopJump(eltLoc, JUMP, start)
	c.popFblock(fbAsyncComprehensionGenerator, start)
	c.useLabel(except)
	c.addop(loc, END_ASYNC_FOR)
}
