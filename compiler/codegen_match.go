package compiler

// Structural pattern matching (PEP 634; compiler_match and the
// compiler_pattern_* functions of Python/compile.c).
//
// Every pattern routine consumes the subject on top of the stack and, on
// failure, jumps to the fail_pop label that pops what is on top of it plus
// the values captured so far. Captured values are kept on the stack,
// underneath whatever the pattern is still using, and stored to their
// names only once the whole pattern has matched.

import (
	"slices"

	"github.com/peephole-lsp/peephole/internal/pyconst"
	"github.com/peephole-lsp/peephole/parser/ast"
)

// patternContext is pattern_context.
type patternContext struct {
	stores           []string
	allowIrrefutable bool
	failPop          []Label
	onTop            int
}

func isWildcard(p ast.Pattern) bool {
	m, ok := p.(*ast.MatchAs)
	return ok && m.Pattern == nil && m.Name == ""
}

func isWildcardStar(p ast.Pattern) bool {
	m, ok := p.(*ast.MatchStar)
	return ok && m.Name == ""
}

// ensureFailPop makes sure there are labels for popping n items
// (ensure_fail_pop).
func (c *compiler) ensureFailPop(pc *patternContext, n int) {
	for len(pc.failPop) < n+1 {
		pc.failPop = append(pc.failPop, c.newLabel())
	}
}

// jumpToFailPop jumps to the label that pops everything the pattern has
// pushed (jump_to_fail_pop).
func (c *compiler) jumpToFailPop(loc Loc, pc *patternContext, op Opcode) {
	pops := pc.onTop + len(pc.stores)
	c.ensureFailPop(pc, pops)
	c.addopJump(loc, op, pc.failPop[pops])
}

// emitAndResetFailPop emits the fail_pop blocks (emit_and_reset_fail_pop).
func (c *compiler) emitAndResetFailPop(loc Loc, pc *patternContext) {
	if len(pc.failPop) == 0 {
		return
	}
	for i := len(pc.failPop) - 1; i > 0; i-- {
		c.useLabel(pc.failPop[i])
		c.addop(loc, POP_TOP)
	}
	c.useLabel(pc.failPop[0])
	pc.failPop = nil
}

// patternRotate moves the top of the stack count-1 places down
// (pattern_helper_rotate).
func (c *compiler) patternRotate(loc Loc, count int) {
	for count > 1 {
		c.addopI(loc, SWAP, count)
		count--
	}
}

// patternStoreName is pattern_helper_store_name.
func (c *compiler) patternStoreName(loc Loc, name string, pc *patternContext) {
	if name == "" {
		c.addop(loc, POP_TOP)
		return
	}
	c.forbiddenName(loc, name, ast.Store)
	if slices.Contains(pc.stores, name) {
		c.errorAt(loc, "multiple assignments to name %s in pattern", pyconst.Str(name).String())
	}
	c.patternRotate(loc, pc.onTop+len(pc.stores)+1)
	pc.stores = append(pc.stores, name)
}

// patternUnpackHelper is pattern_unpack_helper.
func (c *compiler) patternUnpackHelper(loc Loc, elts []ast.Pattern) {
	n := len(elts)
	seenStar := false
	for i, e := range elts {
		_, star := e.(*ast.MatchStar)
		if star && !seenStar {
			if i >= 1<<8 || n-i-1 >= (1<<31-1)>>8 {
				c.errorAt(loc, "too many expressions in star-unpacking sequence pattern")
			}
			c.addopI(loc, UNPACK_EX, i+(n-i-1)<<8)
			seenStar = true
		} else if star {
			c.errorAt(loc, "multiple starred expressions in sequence pattern")
		}
	}
	if !seenStar {
		c.addopI(loc, UNPACK_SEQUENCE, n)
	}
}

// patternSequenceUnpack is pattern_helper_sequence_unpack.
func (c *compiler) patternSequenceUnpack(loc Loc, patterns []ast.Pattern, pc *patternContext) {
	c.patternUnpackHelper(loc, patterns)
	pc.onTop += len(patterns)
	for _, p := range patterns {
		pc.onTop--
		c.patternSubpattern(p, pc)
	}
}

// patternSequenceSubscr matches the items of a sequence pattern with a
// starred wildcard by indexing (pattern_helper_sequence_subscr).
func (c *compiler) patternSequenceSubscr(loc Loc, patterns []ast.Pattern, star int, pc *patternContext) {
	pc.onTop++
	size := len(patterns)
	for i, p := range patterns {
		if isWildcard(p) || i == star {
			continue
		}
		c.addopI(loc, COPY, 1)
		if i < star {
			c.loadConst(loc, pyconst.IntFromInt64(int64(i)))
		} else {
			c.addop(loc, GET_LEN)
			c.loadConst(loc, pyconst.IntFromInt64(int64(size-i)))
			c.addopI(loc, BINARY_OP, binaryOparg(ast.Sub, false))
		}
		c.addop(loc, BINARY_SUBSCR)
		c.patternSubpattern(p, pc)
	}
	pc.onTop--
	c.addop(loc, POP_TOP)
}

// patternSubpattern is compiler_pattern_subpattern: a pattern inside
// another may be irrefutable.
func (c *compiler) patternSubpattern(p ast.Pattern, pc *patternContext) {
	allow := pc.allowIrrefutable
	pc.allowIrrefutable = true
	c.pattern(p, pc)
	pc.allowIrrefutable = allow
}

// pattern is compiler_pattern.
func (c *compiler) pattern(pat ast.Pattern, pc *patternContext) {
	loc := locOf(pat)
	switch p := pat.(type) {
	case *ast.MatchValue:
		switch p.Value.(type) {
		case *ast.Constant, *ast.Attribute:
		default:
			c.errorAt(loc, "patterns may only match literals and attribute lookups")
		}
		c.visitExpr(p.Value)
		c.addCompare(loc, ast.Eq)
		c.addop(loc, TO_BOOL)
		c.jumpToFailPop(loc, pc, POP_JUMP_IF_FALSE)
	case *ast.MatchSingleton:
		c.loadConst(loc, p.Value)
		c.addCompare(loc, ast.Is)
		c.jumpToFailPop(loc, pc, POP_JUMP_IF_FALSE)
	case *ast.MatchSequence:
		c.patternSequence(p, pc)
	case *ast.MatchMapping:
		c.patternMapping(p, pc)
	case *ast.MatchClass:
		c.patternClass(p, pc)
	case *ast.MatchStar:
		c.patternStoreName(loc, p.Name, pc)
	case *ast.MatchAs:
		if p.Pattern == nil {
			if !pc.allowIrrefutable {
				if p.Name != "" {
					c.errorAt(loc, "name capture %s makes remaining patterns unreachable", pyconst.Str(p.Name).String())
				}
				c.errorAt(loc, "wildcard makes remaining patterns unreachable")
			}
			c.patternStoreName(loc, p.Name, pc)
			return
		}
		pc.onTop++
		c.addopI(loc, COPY, 1)
		c.pattern(p.Pattern, pc)
		pc.onTop--
		c.patternStoreName(loc, p.Name, pc)
	case *ast.MatchOr:
		c.patternOr(p, pc)
	default:
		c.errorAt(loc, "invalid match pattern node in AST")
	}
}

// patternSequence is compiler_pattern_sequence.
func (c *compiler) patternSequence(p *ast.MatchSequence, pc *patternContext) {
	loc := locOf(p)
	size := len(p.Patterns)
	star := -1
	onlyWildcard := true
	starWildcard := false
	for i, sub := range p.Patterns {
		if _, ok := sub.(*ast.MatchStar); ok {
			if star >= 0 {
				c.errorAt(loc, "multiple starred names in sequence pattern")
			}
			starWildcard = isWildcardStar(sub)
			onlyWildcard = onlyWildcard && starWildcard
			star = i
			continue
		}
		onlyWildcard = onlyWildcard && isWildcard(sub)
	}
	pc.onTop++
	c.addop(loc, MATCH_SEQUENCE)
	c.jumpToFailPop(loc, pc, POP_JUMP_IF_FALSE)
	if star < 0 {
		c.addop(loc, GET_LEN)
		c.loadConst(loc, pyconst.IntFromInt64(int64(size)))
		c.addCompare(loc, ast.Eq)
		c.jumpToFailPop(loc, pc, POP_JUMP_IF_FALSE)
	} else if size > 1 {
		c.addop(loc, GET_LEN)
		c.loadConst(loc, pyconst.IntFromInt64(int64(size-1)))
		c.addCompare(loc, ast.GtE)
		c.jumpToFailPop(loc, pc, POP_JUMP_IF_FALSE)
	}
	pc.onTop--
	switch {
	case onlyWildcard:
		c.addop(loc, POP_TOP)
	case starWildcard:
		c.patternSequenceSubscr(loc, p.Patterns, star, pc)
	default:
		c.patternSequenceUnpack(loc, p.Patterns, pc)
	}
}

// patternMapping is compiler_pattern_mapping.
func (c *compiler) patternMapping(p *ast.MatchMapping, pc *patternContext) {
	loc := locOf(p)
	size := len(p.Keys)
	if size != len(p.Patterns) {
		c.errorAt(loc, "keys (%d) / patterns (%d) length mismatch in mapping pattern", size, len(p.Patterns))
	}
	pc.onTop++
	c.addop(loc, MATCH_MAPPING)
	c.jumpToFailPop(loc, pc, POP_JUMP_IF_FALSE)
	if size == 0 && p.Rest == "" {
		pc.onTop--
		c.addop(loc, POP_TOP)
		return
	}
	if size > 0 {
		c.addop(loc, GET_LEN)
		c.loadConst(loc, pyconst.IntFromInt64(int64(size)))
		c.addCompare(loc, ast.GtE)
		c.jumpToFailPop(loc, pc, POP_JUMP_IF_FALSE)
	}
	var seen []pyconst.Value
	for i, key := range p.Keys {
		if key == nil {
			c.errorAt(locOf(p.Patterns[i]), "can't use NULL keys in MatchMapping (set 'rest' parameter instead)")
		}
		switch k := key.(type) {
		case *ast.Constant:
			for _, s := range seen {
				if pyconst.Equal(s, k.Value) {
					r, _ := k.Value.Repr()
					c.errorAt(loc, "mapping pattern checks duplicate key (%s)", r)
				}
			}
			seen = append(seen, k.Value)
		case *ast.Attribute:
		default:
			c.errorAt(loc, "mapping pattern keys may only match literals and attribute lookups")
		}
		c.visitExpr(key)
	}
	c.addopI(loc, BUILD_TUPLE, size)
	c.addop(loc, MATCH_KEYS)
	pc.onTop += 2
	c.addopI(loc, COPY, 1)
	c.loadNone(loc)
	c.addopI(loc, IS_OP, 1)
	c.jumpToFailPop(loc, pc, POP_JUMP_IF_FALSE)
	c.addopI(loc, UNPACK_SEQUENCE, size)
	pc.onTop += size - 1
	for _, sub := range p.Patterns {
		pc.onTop--
		c.patternSubpattern(sub, pc)
	}
	pc.onTop -= 2
	if p.Rest != "" {
		c.addopI(loc, BUILD_MAP, 0)
		c.addopI(loc, SWAP, 3)
		c.addopI(loc, DICT_UPDATE, 2)
		c.addopI(loc, UNPACK_SEQUENCE, size)
		for size > 0 {
			c.addopI(loc, COPY, 1+size)
			size--
			c.addopI(loc, SWAP, 2)
			c.addop(loc, DELETE_SUBSCR)
		}
		c.patternStoreName(loc, p.Rest, pc)
	} else {
		c.addop(loc, POP_TOP)
		c.addop(loc, POP_TOP)
	}
}

// patternClass is compiler_pattern_class.
func (c *compiler) patternClass(p *ast.MatchClass, pc *patternContext) {
	loc := locOf(p)
	nargs, nattrs := len(p.Patterns), len(p.KwdAttrs)
	if nattrs != len(p.KwdPatterns) {
		c.errorAt(loc, "kwd_attrs (%d) / kwd_patterns (%d) length mismatch in class pattern", nattrs, len(p.KwdPatterns))
	}
	for i, attr := range p.KwdAttrs {
		c.forbiddenName(locOf(p.KwdPatterns[i]), attr, ast.Store)
		for j := i + 1; j < nattrs; j++ {
			if p.KwdAttrs[j] == attr {
				c.errorAt(locOf(p.KwdPatterns[j]), "attribute name repeated in class pattern: %s", attr)
			}
		}
	}
	c.visitExpr(p.Cls)
	names := make(pyconst.Tuple, nattrs)
	for i, a := range p.KwdAttrs {
		names[i] = str(a)
	}
	c.loadConst(loc, names)
	c.addopI(loc, MATCH_CLASS, nargs)
	c.addopI(loc, COPY, 1)
	c.loadNone(loc)
	c.addopI(loc, IS_OP, 1)
	pc.onTop++
	c.jumpToFailPop(loc, pc, POP_JUMP_IF_FALSE)
	c.addopI(loc, UNPACK_SEQUENCE, nargs+nattrs)
	pc.onTop += nargs + nattrs - 1
	for i := 0; i < nargs+nattrs; i++ {
		pc.onTop--
		var sub ast.Pattern
		if i < nargs {
			sub = p.Patterns[i]
		} else {
			sub = p.KwdPatterns[i-nargs]
		}
		if isWildcard(sub) {
			c.addop(loc, POP_TOP)
			continue
		}
		c.patternSubpattern(sub, pc)
	}
}

// patternOr is compiler_pattern_or.
func (c *compiler) patternOr(p *ast.MatchOr, pc *patternContext) {
	loc := locOf(p)
	end := c.newLabel()
	size := len(p.Patterns)
	old := *pc
	var control []string
	for i, alt := range p.Patterns {
		aloc := locOf(alt)
		pc.stores = nil
		pc.allowIrrefutable = i == size-1 && old.allowIrrefutable
		pc.failPop = nil
		pc.onTop = 0
		c.addopI(aloc, COPY, 1)
		c.pattern(alt, pc)
		nstores := len(pc.stores)
		if i == 0 {
			control = pc.stores
		} else if nstores != len(control) {
			c.errorAt(loc, "alternative patterns bind different names")
		} else if nstores > 0 {
			for icontrol := nstores - 1; icontrol >= 0; icontrol-- {
				name := control[icontrol]
				istores := slices.Index(pc.stores, name)
				if istores < 0 {
					c.errorAt(loc, "alternative patterns bind different names")
				}
				if icontrol != istores {
					rotations := istores + 1
					rotated := append([]string(nil), pc.stores[:rotations]...)
					rest := append([]string(nil), pc.stores[rotations:]...)
					at := icontrol - istores
					stores := append([]string(nil), rest[:at]...)
					stores = append(stores, rotated...)
					stores = append(stores, rest[at:]...)
					pc.stores = stores
					for ; rotations > 0; rotations-- {
						c.patternRotate(aloc, icontrol+1)
					}
				}
			}
		}
		c.addopJump(aloc, JUMP, end)
		c.emitAndResetFailPop(aloc, pc)
	}
	*pc = old
	c.addop(loc, POP_TOP)
	c.jumpToFailPop(loc, pc, JUMP)
	c.useLabel(end)
	nstores := len(control)
	nrots := nstores + 1 + pc.onTop + len(pc.stores)
	for i := 0; i < nstores; i++ {
		c.patternRotate(loc, nrots)
		name := control[i]
		if slices.Contains(pc.stores, name) {
			c.errorAt(loc, "multiple assignments to name %s in pattern", pyconst.Str(name).String())
		}
		pc.stores = append(pc.stores, name)
	}
	c.addop(loc, POP_TOP)
}

// match is compiler_match.
func (c *compiler) match(s *ast.Match) {
	c.visitExpr(s.Subject)
	end := c.newLabel()
	cases := len(s.Cases)
	last := s.Cases[cases-1]
	hasDefault := 0
	if isWildcard(last.Pattern) && cases > 1 {
		hasDefault = 1
	}
	pc := &patternContext{}
	for i := 0; i < cases-hasDefault; i++ {
		m := s.Cases[i]
		ploc := locOf(m.Pattern)
		if i != cases-hasDefault-1 {
			c.addopI(ploc, COPY, 1)
		}
		pc.stores = nil
		pc.allowIrrefutable = m.Guard != nil || i == cases-1
		pc.failPop = nil
		pc.onTop = 0
		c.pattern(m.Pattern, pc)
		for _, name := range pc.stores {
			c.nameop(ploc, name, ast.Store)
		}
		if m.Guard != nil {
			c.ensureFailPop(pc, 0)
			c.jumpIf(ploc, m.Guard, pc.failPop[0], false)
		}
		if i != cases-hasDefault-1 {
			c.addop(ploc, POP_TOP)
		}
		c.visitStmts(m.Body)
		c.addopJump(NoLoc, JUMP, end)
		c.emitAndResetFailPop(ploc, pc)
	}
	if hasDefault == 1 {
		ploc := locOf(last.Pattern)
		if cases == 1 {
			c.addop(ploc, POP_TOP)
		} else {
			c.addop(ploc, NOP)
		}
		if last.Guard != nil {
			c.jumpIf(ploc, last.Guard, end, false)
		}
		c.visitStmts(last.Body)
	}
	c.useLabel(end)
}
