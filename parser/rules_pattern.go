package parser

import (
	"github.com/peephole-lsp/peephole/parser/ast"
)

// This file holds the rules of match statement patterns.

// patterns: open_sequence_pattern | pattern
func (p *parser) patterns() ast.Pattern {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if p.peek() == nil {
		return nil
	}
	if ps := p.openSequencePattern(); ps != nil {
		return &ast.MatchSequence{Loc: p.extra(mark), Patterns: ps}
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if pat := p.pattern(); pat != nil {
		return pat
	}
	p.mark = mark
	return nil
}

// pattern: as_pattern | or_pattern
func (p *parser) pattern() ast.Pattern {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if pat := p.asPattern(); pat != nil {
		return pat
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if pat := p.orPattern(); pat != nil {
		return pat
	}
	p.mark = mark
	return nil
}

// as_pattern: or_pattern 'as' pattern_capture_target | invalid_as_pattern
func (p *parser) asPattern() ast.Pattern {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if p.peek() == nil {
		return nil
	}
	if pat := p.orPattern(); pat != nil && p.expect(kwAs) != nil {
		if t := p.patternCaptureTarget(); t != nil {
			return &ast.MatchAs{Loc: p.extra(mark), Pattern: pat, Name: t.ID, NamePos: t.Start()}
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if p.callInvalidRules {
		p.invalidAsPattern()
		p.mark = mark
	}
	return nil
}

// or_pattern: '|'.closed_pattern+
func (p *parser) orPattern() ast.Pattern {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if p.peek() == nil {
		return nil
	}
	a := p.closedPattern()
	if a == nil {
		p.mark = mark
		return nil
	}
	pats := []ast.Pattern{a}
	for {
		m := p.mark
		if p.expect(tVBAR) == nil {
			break
		}
		b := p.closedPattern()
		if b == nil {
			p.mark = m
			break
		}
		pats = append(pats, b)
	}
	if p.errorIndicator {
		return nil
	}
	if len(pats) == 1 {
		return a
	}
	return &ast.MatchOr{Loc: p.extra(mark), Patterns: pats}
}

// closed_pattern (memo):
//
//	| literal_pattern | capture_pattern | wildcard_pattern | value_pattern
//	| group_pattern | sequence_pattern | mapping_pattern | class_pattern
func (p *parser) closedPattern() ast.Pattern {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	start := p.mark
	if r, ok := p.memoGet(ruleClosedPattern); ok {
		e, _ := r.(ast.Pattern)
		return e
	}
	var res ast.Pattern
	for _, f := range []func() ast.Pattern{p.literalPattern, p.capturePattern, p.wildcardPattern, p.valuePattern,
		p.groupPattern, p.sequencePattern, p.mappingPattern, p.classPattern} {
		if res = f(); res != nil {
			break
		}
		p.mark = start
		if p.errorIndicator {
			return nil
		}
	}
	p.memoPut(start, ruleClosedPattern, res)
	return res
}

// literal_pattern:
//
//	| signed_number !('+' | '-') | complex_number | strings
//	| 'None' | 'True' | 'False'
func (p *parser) literalPattern() ast.Pattern {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if p.peek() == nil {
		return nil
	}
	e := p.literalExpr()
	if e == nil {
		p.mark = mark
		return nil
	}
	if c, ok := e.(*ast.Constant); ok {
		switch c.Value {
		case pyNone, pyTrue, pyFalse:
			if t := p.tokens[mark]; t.typ == kwNone || t.typ == kwTrue || t.typ == kwFalse {
				return &ast.MatchSingleton{Loc: p.extra(mark), Value: c.Value}
			}
		}
	}
	return &ast.MatchValue{Loc: p.extra(mark), Value: e}
}

// literal_expr:
//
//	| signed_number !('+' | '-') | complex_number | &(STRING|FSTRING_START) strings
//	| 'None' | 'True' | 'False'
func (p *parser) literalExpr() ast.Expr {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if e := p.signedNumber(); e != nil && !p.check(tPLUS) && !p.check(tMINUS) && !p.errorIndicator {
		return e
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if e := p.complexNumber(); e != nil {
		return e
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if p.check(tSTRING) || p.check(tFSTRING_START) {
		if e := p.strings(); e != nil {
			return e
		}
		p.mark = mark
		if p.errorIndicator {
			return nil
		}
	}
	t := p.peek()
	if t == nil {
		return nil
	}
	switch t.typ {
	case kwNone:
		p.mark++
		return &ast.Constant{Loc: tokLoc(t), Value: pyNone}
	case kwTrue:
		p.mark++
		return &ast.Constant{Loc: tokLoc(t), Value: pyTrue}
	case kwFalse:
		p.mark++
		return &ast.Constant{Loc: tokLoc(t), Value: pyFalse}
	}
	return nil
}

// complex_number: signed_real_number ('+' | '-') imaginary_number
func (p *parser) complexNumber() ast.Expr {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	for _, op := range []tokType{tPLUS, tMINUS} {
		p.mark = mark
		if p.errorIndicator {
			return nil
		}
		real := p.signedRealNumber()
		if real == nil || p.expect(op) == nil {
			continue
		}
		imag := p.imaginaryNumber()
		if imag == nil {
			continue
		}
		o := ast.Add
		if op == tMINUS {
			o = ast.Sub
		}
		return &ast.BinOp{Loc: p.extra(mark), Left: real, Op: o, Right: imag}
	}
	p.mark = mark
	return nil
}

// signed_number: NUMBER | '-' NUMBER
func (p *parser) signedNumber() ast.Expr {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if p.peek() == nil {
		return nil
	}
	if n := p.number(); n != nil {
		return n
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if p.expect(tMINUS) != nil {
		if n := p.number(); n != nil {
			return &ast.UnaryOp{Loc: p.extra(mark), Op: ast.USub, Operand: n}
		}
	}
	p.mark = mark
	return nil
}

// signed_real_number: real_number | '-' real_number
func (p *parser) signedRealNumber() ast.Expr {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if p.peek() == nil {
		return nil
	}
	if n := p.realNumber(); n != nil {
		return n
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if p.expect(tMINUS) != nil {
		if n := p.realNumber(); n != nil {
			return &ast.UnaryOp{Loc: p.extra(mark), Op: ast.USub, Operand: n}
		}
	}
	p.mark = mark
	return nil
}

// real_number: NUMBER (and it must not be imaginary)
func (p *parser) realNumber() ast.Expr {
	n := p.number()
	if n == nil {
		return nil
	}
	if c, ok := n.(*ast.Constant); !ok || isComplex(c) {
		p.raiseKnownLocation(SyntaxErr, nodeRng(n), "real number required in complex literal")
		return nil
	}
	return n
}

// imaginary_number: NUMBER (and it must be imaginary)
func (p *parser) imaginaryNumber() ast.Expr {
	n := p.number()
	if n == nil {
		return nil
	}
	if c, ok := n.(*ast.Constant); !ok || !isComplex(c) {
		p.raiseKnownLocation(SyntaxErr, nodeRng(n), "imaginary number required in complex literal")
		return nil
	}
	return n
}

// capture_pattern: pattern_capture_target
func (p *parser) capturePattern() ast.Pattern {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if p.peek() == nil {
		return nil
	}
	if t := p.patternCaptureTarget(); t != nil {
		return &ast.MatchAs{Loc: p.extra(mark), Name: t.ID, NamePos: t.Start()}
	}
	p.mark = mark
	return nil
}

// pattern_capture_target: !"_" NAME !('.' | '(' | '=')
func (p *parser) patternCaptureTarget() *ast.Name {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if p.isSoftKeyword("_") {
		return nil
	}
	if n := p.name(); n != nil && !p.check(tDOT) && !p.check(tLPAR) && !p.check(tEQUAL) && !p.errorIndicator {
		return setContext(n, ast.Store).(*ast.Name)
	}
	p.mark = mark
	return nil
}

// wildcard_pattern: "_"
func (p *parser) wildcardPattern() ast.Pattern {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if p.peek() == nil {
		return nil
	}
	if p.expectSoftKeyword("_") != nil {
		return &ast.MatchAs{Loc: p.extra(mark)}
	}
	return nil
}

// value_pattern: attr !('.' | '(' | '=')
func (p *parser) valuePattern() ast.Pattern {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if p.peek() == nil {
		return nil
	}
	if a := p.attr(); a != nil && !p.check(tDOT) && !p.check(tLPAR) && !p.check(tEQUAL) && !p.errorIndicator {
		return &ast.MatchValue{Loc: p.extra(mark), Value: a}
	}
	p.mark = mark
	return nil
}

// attr: name_or_attr '.' NAME   (left-recursive through name_or_attr)
func (p *parser) attr() ast.Expr {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	start := p.mark
	if r, ok := p.memoGet(ruleAttr); ok {
		e, _ := r.(ast.Expr)
		return e
	}
	var res ast.Expr
	if n := p.name(); n != nil {
		var cur ast.Expr = n
		for {
			m := p.mark
			if p.expect(tDOT) == nil {
				break
			}
			b := p.name()
			if b == nil {
				p.mark = m
				break
			}
			cur = &ast.Attribute{Loc: p.extra(start), Value: cur, Attr: b.ID, Ctx: ast.Load}
			res = cur
		}
		if res == nil {
			p.mark = start
		}
	} else {
		p.mark = start
	}
	if p.errorIndicator {
		return nil
	}
	p.memoPut(start, ruleAttr, res)
	return res
}

// name_or_attr: attr | NAME
func (p *parser) nameOrAttr() ast.Expr {
	mark := p.mark
	if a := p.attr(); a != nil {
		return a
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if n := p.name(); n != nil {
		return n
	}
	p.mark = mark
	return nil
}

// group_pattern: '(' pattern ')'
func (p *parser) groupPattern() ast.Pattern {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if p.expect(tLPAR) != nil {
		if pat := p.pattern(); pat != nil && p.expect(tRPAR) != nil {
			return pat
		}
	}
	p.mark = mark
	return nil
}

// sequence_pattern: '[' maybe_sequence_pattern? ']' | '(' open_sequence_pattern? ')'
func (p *parser) sequencePattern() ast.Pattern {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if p.peek() == nil {
		return nil
	}
	if p.expect(tLSQB) != nil {
		ps := p.maybeSequencePattern()
		if !p.errorIndicator && p.expect(tRSQB) != nil {
			return &ast.MatchSequence{Loc: p.extra(mark), Patterns: ps}
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if p.expect(tLPAR) != nil {
		ps := p.openSequencePattern()
		if !p.errorIndicator && p.expect(tRPAR) != nil {
			return &ast.MatchSequence{Loc: p.extra(mark), Patterns: ps}
		}
	}
	p.mark = mark
	return nil
}

// open_sequence_pattern: maybe_star_pattern ',' maybe_sequence_pattern?
func (p *parser) openSequencePattern() []ast.Pattern {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if pat := p.maybeStarPattern(); pat != nil && p.expect(tCOMMA) != nil {
		rest := p.maybeSequencePattern()
		if !p.errorIndicator {
			return append([]ast.Pattern{pat}, rest...)
		}
	}
	p.mark = mark
	return nil
}

// maybe_sequence_pattern: ','.maybe_star_pattern+ ','?
func (p *parser) maybeSequencePattern() []ast.Pattern {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	a := p.maybeStarPattern()
	if a == nil {
		return nil
	}
	out := []ast.Pattern{a}
	for {
		m := p.mark
		if p.expect(tCOMMA) == nil {
			break
		}
		b := p.maybeStarPattern()
		if b == nil {
			p.mark = m
			break
		}
		out = append(out, b)
	}
	if p.errorIndicator {
		return nil
	}
	p.expect(tCOMMA)
	return out
}

// maybe_star_pattern: star_pattern | pattern
func (p *parser) maybeStarPattern() ast.Pattern {
	mark := p.mark
	if pat := p.starPattern(); pat != nil {
		return pat
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if pat := p.pattern(); pat != nil {
		return pat
	}
	p.mark = mark
	return nil
}

// star_pattern (memo): '*' pattern_capture_target | '*' wildcard_pattern
func (p *parser) starPattern() ast.Pattern {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	start := p.mark
	if r, ok := p.memoGet(ruleStarPattern); ok {
		e, _ := r.(ast.Pattern)
		return e
	}
	var res ast.Pattern
	if p.expect(tSTAR) != nil {
		if t := p.patternCaptureTarget(); t != nil {
			res = &ast.MatchStar{Loc: p.extra(start), Name: t.ID, NamePos: t.Start()}
		}
	}
	if res == nil && !p.errorIndicator {
		p.mark = start
		if p.expect(tSTAR) != nil && p.wildcardPattern() != nil {
			res = &ast.MatchStar{Loc: p.extra(start)}
		}
	}
	if res == nil {
		p.mark = start
	}
	if p.errorIndicator {
		return nil
	}
	p.memoPut(start, ruleStarPattern, res)
	return res
}

// keyPattern is pegen's KeyPatternPair.
type keyPattern struct {
	key     ast.Expr
	pattern ast.Pattern
}

// mapping_pattern:
//
//	| '{' '}'
//	| '{' double_star_pattern ','? '}'
//	| '{' items_pattern ',' double_star_pattern ','? '}'
//	| '{' items_pattern ','? '}'
func (p *parser) mappingPattern() ast.Pattern {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if p.peek() == nil {
		return nil
	}
	if p.expect(tLBRACE) != nil && p.expect(tRBRACE) != nil {
		return &ast.MatchMapping{Loc: p.extra(mark)}
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if p.expect(tLBRACE) != nil {
		if rest := p.doubleStarPattern(); rest != nil {
			p.expect(tCOMMA)
			if p.expect(tRBRACE) != nil {
				return &ast.MatchMapping{Loc: p.extra(mark), Rest: rest.ID, RestPos: rest.Start()}
			}
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if p.expect(tLBRACE) != nil {
		if items := p.itemsPattern(); items != nil && p.expect(tCOMMA) != nil {
			if rest := p.doubleStarPattern(); rest != nil {
				p.expect(tCOMMA)
				if p.expect(tRBRACE) != nil {
					m := &ast.MatchMapping{Loc: p.extra(mark), Rest: rest.ID, RestPos: rest.Start()}
					for _, kp := range items {
						m.Keys = append(m.Keys, kp.key)
						m.Patterns = append(m.Patterns, kp.pattern)
					}
					return m
				}
			}
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if p.expect(tLBRACE) != nil {
		if items := p.itemsPattern(); items != nil {
			p.expect(tCOMMA)
			if p.expect(tRBRACE) != nil {
				m := &ast.MatchMapping{Loc: p.extra(mark)}
				for _, kp := range items {
					m.Keys = append(m.Keys, kp.key)
					m.Patterns = append(m.Patterns, kp.pattern)
				}
				return m
			}
		}
	}
	p.mark = mark
	return nil
}

// items_pattern: ','.key_value_pattern+
func (p *parser) itemsPattern() []keyPattern {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	a, ok := p.keyValuePattern()
	if !ok {
		return nil
	}
	out := []keyPattern{a}
	for {
		m := p.mark
		if p.expect(tCOMMA) == nil {
			break
		}
		b, ok := p.keyValuePattern()
		if !ok {
			p.mark = m
			break
		}
		out = append(out, b)
	}
	if p.errorIndicator {
		return nil
	}
	return out
}

// key_value_pattern: (literal_expr | attr) ':' pattern
func (p *parser) keyValuePattern() (keyPattern, bool) {
	if !p.enter() {
		return keyPattern{}, false
	}
	defer p.leave()
	mark := p.mark
	key := p.literalExpr()
	if key == nil {
		p.mark = mark
		if !p.errorIndicator {
			key = p.attr()
		}
	}
	if key != nil && p.expect(tCOLON) != nil {
		if pat := p.pattern(); pat != nil {
			return keyPattern{key, pat}, true
		}
	}
	p.mark = mark
	return keyPattern{}, false
}

// double_star_pattern: '**' pattern_capture_target
func (p *parser) doubleStarPattern() *ast.Name {
	mark := p.mark
	if p.expect(tDOUBLESTAR) != nil {
		if t := p.patternCaptureTarget(); t != nil {
			return t
		}
	}
	p.mark = mark
	return nil
}

// class_pattern:
//
//	| name_or_attr '(' ')'
//	| name_or_attr '(' positional_patterns ','? ')'
//	| name_or_attr '(' keyword_patterns ','? ')'
//	| name_or_attr '(' positional_patterns ',' keyword_patterns ','? ')'
//	| invalid_class_pattern
func (p *parser) classPattern() ast.Pattern {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if p.peek() == nil {
		return nil
	}
	build := func(cls ast.Expr, pos []ast.Pattern, kws []keyPattern) ast.Pattern {
		m := &ast.MatchClass{Loc: p.extra(mark), Cls: cls, Patterns: pos}
		for _, kp := range kws {
			n := kp.key.(*ast.Name)
			m.KwdAttrs = append(m.KwdAttrs, n.ID)
			m.KwdAttrPos = append(m.KwdAttrPos, n.Start())
			m.KwdPatterns = append(m.KwdPatterns, kp.pattern)
		}
		return m
	}
	if cls := p.nameOrAttr(); cls != nil && p.expect(tLPAR) != nil && p.expect(tRPAR) != nil {
		return build(cls, nil, nil)
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if cls := p.nameOrAttr(); cls != nil && p.expect(tLPAR) != nil {
		if pos := p.positionalPatterns(); pos != nil {
			p.expect(tCOMMA)
			if p.expect(tRPAR) != nil {
				return build(cls, pos, nil)
			}
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if cls := p.nameOrAttr(); cls != nil && p.expect(tLPAR) != nil {
		if kws := p.keywordPatterns(); kws != nil {
			p.expect(tCOMMA)
			if p.expect(tRPAR) != nil {
				return build(cls, nil, kws)
			}
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if cls := p.nameOrAttr(); cls != nil && p.expect(tLPAR) != nil {
		if pos := p.positionalPatterns(); pos != nil && p.expect(tCOMMA) != nil {
			if kws := p.keywordPatterns(); kws != nil {
				p.expect(tCOMMA)
				if p.expect(tRPAR) != nil {
					return build(cls, pos, kws)
				}
			}
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if p.callInvalidRules {
		p.invalidClassPattern()
		p.mark = mark
	}
	return nil
}

// positional_patterns: ','.pattern+
func (p *parser) positionalPatterns() []ast.Pattern {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	a := p.pattern()
	if a == nil {
		return nil
	}
	out := []ast.Pattern{a}
	for {
		m := p.mark
		if p.expect(tCOMMA) == nil {
			break
		}
		b := p.pattern()
		if b == nil {
			p.mark = m
			break
		}
		out = append(out, b)
	}
	if p.errorIndicator {
		return nil
	}
	return out
}

// keyword_patterns: ','.keyword_pattern+
func (p *parser) keywordPatterns() []keyPattern {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	a, ok := p.keywordPattern()
	if !ok {
		return nil
	}
	out := []keyPattern{a}
	for {
		m := p.mark
		if p.expect(tCOMMA) == nil {
			break
		}
		b, ok := p.keywordPattern()
		if !ok {
			p.mark = m
			break
		}
		out = append(out, b)
	}
	if p.errorIndicator {
		return nil
	}
	return out
}

// keyword_pattern: NAME '=' pattern
func (p *parser) keywordPattern() (keyPattern, bool) {
	mark := p.mark
	if n := p.name(); n != nil && p.expect(tEQUAL) != nil {
		if pat := p.pattern(); pat != nil {
			return keyPattern{n, pat}, true
		}
	}
	p.mark = mark
	return keyPattern{}, false
}
