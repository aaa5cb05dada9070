package parser

import (
	"github.com/peephole-lsp/peephole/parser/ast"
)

// This file holds the expression rules of the grammar.

// expressions: expression (',' expression)+ [','] | expression ',' | expression
func (p *parser) expressions() ast.Expr {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	return p.commaList(p.expression)
}

// commaList implements the shape shared by expressions and
// star_expressions: a single item, or a tuple of items.
func (p *parser) commaList(item func() ast.Expr) ast.Expr {
	mark := p.mark
	if p.peek() == nil {
		return nil
	}
	a := item()
	if a == nil {
		p.mark = mark
		return nil
	}
	afterA := p.mark
	elts := []ast.Expr{a}
	for {
		m := p.mark
		if p.expect(tCOMMA) == nil {
			break
		}
		c := item()
		if c == nil {
			p.mark = m
			break
		}
		elts = append(elts, c)
	}
	if p.errorIndicator {
		return nil
	}
	if len(elts) > 1 {
		p.expect(tCOMMA)
		return &ast.Tuple{Loc: p.extra(mark), Elts: elts, Ctx: ast.Load}
	}
	p.mark = afterA
	if p.expect(tCOMMA) != nil {
		return &ast.Tuple{Loc: p.extra(mark), Elts: elts, Ctx: ast.Load}
	}
	p.mark = afterA
	return a
}

// expression (memo):
//
//	| invalid_expression
//	| invalid_legacy_expression
//	| disjunction 'if' disjunction 'else' expression
//	| disjunction
//	| lambdef
func (p *parser) expression() ast.Expr {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	start := p.mark
	if r, ok := p.memoGet(ruleExpression); ok {
		e, _ := r.(ast.Expr)
		return e
	}
	res := p.expressionRaw()
	p.memoPut(start, ruleExpression, res)
	return res
}

func (p *parser) expressionRaw() ast.Expr {
	mark := p.mark
	if p.callInvalidRules {
		p.invalidExpression()
		p.mark = mark
		if p.errorIndicator {
			return nil
		}
		p.invalidLegacyExpression()
		p.mark = mark
		if p.errorIndicator {
			return nil
		}
	}
	if a := p.disjunction(); a != nil {
		if p.expect(kwIf) != nil {
			if b := p.disjunction(); b != nil && p.expect(kwElse) != nil {
				if c := p.expression(); c != nil {
					return &ast.IfExp{Loc: p.extra(mark), Test: b, Body: a, Orelse: c}
				}
			}
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if a := p.disjunction(); a != nil {
		return a
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if a := p.lambdef(); a != nil {
		return a
	}
	p.mark = mark
	return nil
}

// expression_without_invalid: the expression rule without the invalid
// rules, even in the second pass.
func (p *parser) expressionWithoutInvalid() ast.Expr {
	saved := p.callInvalidRules
	p.callInvalidRules = false
	defer func() { p.callInvalidRules = saved }()
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if a := p.disjunction(); a != nil {
		if p.expect(kwIf) != nil {
			if b := p.disjunction(); b != nil && p.expect(kwElse) != nil {
				if c := p.expression(); c != nil {
					return &ast.IfExp{Loc: p.extra(mark), Test: b, Body: a, Orelse: c}
				}
			}
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if a := p.disjunction(); a != nil {
		return a
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if a := p.lambdef(); a != nil {
		return a
	}
	p.mark = mark
	return nil
}

// yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]
func (p *parser) yieldExpr() ast.Expr {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if p.expect(kwYield) != nil && p.expect(kwFrom) != nil {
		if a := p.expression(); a != nil {
			return &ast.YieldFrom{Loc: p.extra(mark), Value: a}
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if p.expect(kwYield) != nil {
		a := p.starExpressions()
		if p.errorIndicator {
			return nil
		}
		return &ast.Yield{Loc: p.extra(mark), Value: a}
	}
	p.mark = mark
	return nil
}

// star_expressions:
//
//	| star_expression (',' star_expression)+ [',']
//	| star_expression ','
//	| star_expression
func (p *parser) starExpressions() ast.Expr {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	return p.commaList(p.starExpression)
}

// star_expression (memo): '*' bitwise_or | expression
func (p *parser) starExpression() ast.Expr {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	start := p.mark
	if r, ok := p.memoGet(ruleStarExpression); ok {
		e, _ := r.(ast.Expr)
		return e
	}
	var res ast.Expr
	if p.expect(tSTAR) != nil {
		if a := p.bitwiseOr(); a != nil {
			res = &ast.Starred{Loc: p.extra(start), Value: a, Ctx: ast.Load}
		}
	}
	if res == nil {
		p.mark = start
		if !p.errorIndicator {
			if res = p.expression(); res == nil {
				p.mark = start
			}
		}
	}
	p.memoPut(start, ruleStarExpression, res)
	return res
}

// star_named_expressions: ','.star_named_expression+ [',']
func (p *parser) starNamedExpressions() []ast.Expr {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	// ','.star_named_expression+ is a _gather rule.
	if !p.enter() {
		return nil
	}
	defer p.leave()
	a := p.starNamedExpression()
	if a == nil {
		return nil
	}
	out := []ast.Expr{a}
	// The items after the first are parsed in the gather's _loop0 rule.
	if !p.enter() {
		return nil
	}
	for {
		m := p.mark
		if p.expect(tCOMMA) == nil {
			break
		}
		a := p.starNamedExpression()
		if a == nil {
			p.mark = m
			break
		}
		out = append(out, a)
	}
	p.leave()
	if p.errorIndicator {
		return nil
	}
	p.expect(tCOMMA)
	return out
}

// star_named_expression: '*' bitwise_or | named_expression
func (p *parser) starNamedExpression() ast.Expr {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if p.peek() == nil {
		return nil
	}
	if p.expect(tSTAR) != nil {
		if a := p.bitwiseOr(); a != nil {
			return &ast.Starred{Loc: p.extra(mark), Value: a, Ctx: ast.Load}
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if a := p.namedExpression(); a != nil {
		return a
	}
	p.mark = mark
	return nil
}

// assignment_expression: NAME ':=' ~ expression
func (p *parser) assignmentExpression() ast.Expr {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if p.peek() == nil {
		return nil
	}
	if a := p.name(); a != nil && p.expect(tCOLONEQUAL) != nil {
		if b := p.expression(); b != nil {
			return &ast.NamedExpr{Loc: p.extra(mark), Target: setContext(a, ast.Store), Value: b}
		}
	}
	p.mark = mark
	return nil
}

// named_expression: assignment_expression | invalid_named_expression | expression !':='
func (p *parser) namedExpression() ast.Expr {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if a := p.assignmentExpression(); a != nil {
		return a
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if p.callInvalidRules {
		p.invalidNamedExpression()
		p.mark = mark
		if p.errorIndicator {
			return nil
		}
	}
	if a := p.expression(); a != nil && !p.check(tCOLONEQUAL) && !p.errorIndicator {
		return a
	}
	p.mark = mark
	return nil
}

// disjunction (memo): conjunction ('or' conjunction)+ | conjunction
func (p *parser) disjunction() ast.Expr {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	start := p.mark
	if r, ok := p.memoGet(ruleDisjunction); ok {
		e, _ := r.(ast.Expr)
		return e
	}
	res := p.boolOp(kwOr, ast.Or, p.conjunction)
	p.memoPut(start, ruleDisjunction, res)
	return res
}

// conjunction (memo): inversion ('and' inversion)+ | inversion
func (p *parser) conjunction() ast.Expr {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	start := p.mark
	if r, ok := p.memoGet(ruleConjunction); ok {
		e, _ := r.(ast.Expr)
		return e
	}
	res := p.boolOp(kwAnd, ast.And, p.inversion)
	p.memoPut(start, ruleConjunction, res)
	return res
}

func (p *parser) boolOp(kw tokType, op ast.BoolOpKind, item func() ast.Expr) ast.Expr {
	mark := p.mark
	a := item()
	if a == nil {
		p.mark = mark
		return nil
	}
	afterA := p.mark
	values := []ast.Expr{a}
	for {
		m := p.mark
		if p.expect(kw) == nil {
			break
		}
		c := item()
		if c == nil {
			p.mark = m
			break
		}
		values = append(values, c)
	}
	if p.errorIndicator {
		return nil
	}
	if len(values) > 1 {
		return &ast.BoolOp{Loc: p.extra(mark), Op: op, Values: values}
	}
	p.mark = afterA
	return a
}

// inversion (memo): 'not' inversion | comparison
func (p *parser) inversion() ast.Expr {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	start := p.mark
	if r, ok := p.memoGet(ruleInversion); ok {
		e, _ := r.(ast.Expr)
		return e
	}
	var res ast.Expr
	if p.expect(kwNot) != nil {
		if a := p.inversion(); a != nil {
			res = &ast.UnaryOp{Loc: p.extra(start), Op: ast.Not, Operand: a}
		}
	}
	if res == nil {
		p.mark = start
		if !p.errorIndicator {
			if res = p.comparison(); res == nil {
				p.mark = start
			}
		}
	}
	p.memoPut(start, ruleInversion, res)
	return res
}

// comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or
func (p *parser) comparison() ast.Expr {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if p.peek() == nil {
		return nil
	}
	a := p.bitwiseOr()
	if a == nil {
		p.mark = mark
		return nil
	}
	afterA := p.mark
	var ops []ast.CmpOp
	var exprs []ast.Expr
	// compare_op_bitwise_or_pair+ is a _loop1 rule.
	if !p.enter() {
		return nil
	}
	for {
		m := p.mark
		op, e := p.compareOpPair()
		if e == nil {
			p.mark = m
			break
		}
		ops = append(ops, op)
		exprs = append(exprs, e)
	}
	p.leave()
	if p.errorIndicator {
		return nil
	}
	if len(ops) > 0 {
		return &ast.Compare{Loc: p.extra(mark), Left: a, Ops: ops, Comparators: exprs}
	}
	p.mark = afterA
	return a
}

// compare_op_bitwise_or_pair: eq_bitwise_or | noteq_bitwise_or | … | is_bitwise_or
func (p *parser) compareOpPair() (ast.CmpOp, ast.Expr) {
	if !p.enter() {
		return 0, nil
	}
	defer p.leave()
	mark := p.mark
	t := p.peek()
	if t == nil {
		return 0, nil
	}
	var op ast.CmpOp
	switch t.typ {
	case tEQEQUAL:
		op = ast.Eq
	case tNOTEQUAL:
		// Only '!=' is accepted; '<>' needs barry_as_FLUFL.
		if p.text(t) != "!=" {
			return 0, nil
		}
		op = ast.NotEq
	case tLESSEQUAL:
		op = ast.LtE
	case tLESS:
		op = ast.Lt
	case tGREATEREQUAL:
		op = ast.GtE
	case tGREATER:
		op = ast.Gt
	case kwNot:
		p.mark++
		if p.expect(kwIn) == nil {
			p.mark = mark
			return 0, nil
		}
		p.mark--
		op = ast.NotIn
	case kwIn:
		op = ast.In
	case kwIs:
		p.mark++
		if p.expect(kwNot) != nil {
			if a := p.opBitwiseOr(); a != nil {
				return ast.IsNot, a
			}
		}
		p.mark = mark
		if p.errorIndicator {
			return 0, nil
		}
		op = ast.Is
	default:
		return 0, nil
	}
	p.mark++
	if a := p.opBitwiseOr(); a != nil {
		return op, a
	}
	p.mark = mark
	return 0, nil
}

// opBitwiseOr parses the bitwise_or of one of the rules eq_bitwise_or,
// lt_bitwise_or, …, whose frame it stands for.
func (p *parser) opBitwiseOr() ast.Expr {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	return p.bitwiseOr()
}

// binOpLevel describes one left-recursive level of binary operators.
type binOpLevel struct {
	rule ruleID
	ops  map[tokType]ast.Operator
}

var (
	opsBitwiseOr  = map[tokType]ast.Operator{tVBAR: ast.BitOr}
	opsBitwiseXor = map[tokType]ast.Operator{tCIRCUMFLEX: ast.BitXor}
	opsBitwiseAnd = map[tokType]ast.Operator{tAMPER: ast.BitAnd}
	opsShift      = map[tokType]ast.Operator{tLEFTSHIFT: ast.LShift, tRIGHTSHIFT: ast.RShift}
	opsSum        = map[tokType]ast.Operator{tPLUS: ast.Add, tMINUS: ast.Sub}
	opsTerm       = map[tokType]ast.Operator{tSTAR: ast.Mult, tSLASH: ast.Div, tDOUBLESLASH: ast.FloorDiv, tPERCENT: ast.Mod, tAT: ast.MatMult}
)

// leftRec parses a left-recursive binary level: it parses an operand with
// next, then extends it while an operator of ops and another operand follow.
// invalid, if not nil, is tried at the start in the second pass.
func (p *parser) leftRec(rule ruleID, ops map[tokType]ast.Operator, next func() ast.Expr, invalid func()) ast.Expr {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	start := p.mark
	if r, ok := p.memoGet(rule); ok {
		e, _ := r.(ast.Expr)
		return e
	}
	// The work is done one level down, in CPython's _raw function.
	if !p.enter() {
		return nil
	}
	if invalid != nil && p.callInvalidRules {
		invalid()
		p.mark = start
		if p.errorIndicator {
			p.leave()
			return nil
		}
	}
	res := next()
	p.leave()
	if res == nil {
		p.mark = start
		p.memoPut(start, rule, nil)
		return nil
	}
	for {
		m := p.mark
		t := p.peek()
		if t == nil {
			return nil
		}
		op, ok := ops[t.typ]
		if !ok {
			break
		}
		p.mark++
		if !p.enter() {
			return nil
		}
		b := next()
		p.leave()
		if b == nil {
			p.mark = m
			break
		}
		res = &ast.BinOp{Loc: p.extra(start), Left: res, Op: op, Right: b}
	}
	if p.errorIndicator {
		return nil
	}
	p.memoPut(start, rule, res)
	return res
}

// bitwise_or: bitwise_or '|' bitwise_xor | bitwise_xor
func (p *parser) bitwiseOr() ast.Expr {
	return p.leftRec(ruleBitwiseOr, opsBitwiseOr, p.bitwiseXor, nil)
}

// bitwise_xor: bitwise_xor '^' bitwise_and | bitwise_and
func (p *parser) bitwiseXor() ast.Expr {
	return p.leftRec(ruleBitwiseXor, opsBitwiseXor, p.bitwiseAnd, nil)
}

// bitwise_and: bitwise_and '&' shift_expr | shift_expr
func (p *parser) bitwiseAnd() ast.Expr {
	return p.leftRec(ruleBitwiseAnd, opsBitwiseAnd, p.shiftExpr, nil)
}

// shift_expr: shift_expr '<<' sum | shift_expr '>>' sum | invalid_arithmetic | sum
func (p *parser) shiftExpr() ast.Expr {
	return p.leftRec(ruleShiftExpr, opsShift, p.sum, p.invalidArithmetic)
}

// sum: sum '+' term | sum '-' term | term
func (p *parser) sum() ast.Expr {
	return p.leftRec(ruleSum, opsSum, p.term, nil)
}

// term: term '*' factor | … | invalid_factor | factor
func (p *parser) term() ast.Expr {
	return p.leftRec(ruleTerm, opsTerm, p.factor, p.invalidFactor)
}

// factor (memo): '+' factor | '-' factor | '~' factor | power
func (p *parser) factor() ast.Expr {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	start := p.mark
	if r, ok := p.memoGet(ruleFactor); ok {
		e, _ := r.(ast.Expr)
		return e
	}
	var res ast.Expr
	t := p.peek()
	if t == nil {
		return nil
	}
	var op ast.UnaryOpKind
	switch t.typ {
	case tPLUS:
		op = ast.UAdd
	case tMINUS:
		op = ast.USub
	case tTILDE:
		op = ast.Invert
	}
	if op != 0 {
		p.mark++
		if a := p.factor(); a != nil {
			res = &ast.UnaryOp{Loc: p.extra(start), Op: op, Operand: a}
		} else {
			p.mark = start
		}
	}
	if res == nil && !p.errorIndicator {
		if res = p.power(); res == nil {
			p.mark = start
		}
	}
	if p.errorIndicator {
		return nil
	}
	p.memoPut(start, ruleFactor, res)
	return res
}

// power: await_primary '**' factor | await_primary
func (p *parser) power() ast.Expr {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	a := p.awaitPrimary()
	if a == nil {
		p.mark = mark
		return nil
	}
	afterA := p.mark
	if p.expect(tDOUBLESTAR) != nil {
		if b := p.factor(); b != nil {
			return &ast.BinOp{Loc: p.extra(mark), Left: a, Op: ast.Pow, Right: b}
		}
	}
	if p.errorIndicator {
		return nil
	}
	p.mark = afterA
	return a
}

// await_primary (memo): 'await' primary | primary
func (p *parser) awaitPrimary() ast.Expr {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	start := p.mark
	if r, ok := p.memoGet(ruleAwaitPrimary); ok {
		e, _ := r.(ast.Expr)
		return e
	}
	var res ast.Expr
	if p.expect(kwAwait) != nil {
		if a := p.primary(); a != nil {
			res = &ast.Await{Loc: p.extra(start), Value: a}
		} else {
			p.mark = start
		}
	}
	if res == nil && !p.errorIndicator {
		if res = p.primary(); res == nil {
			p.mark = start
		}
	}
	if p.errorIndicator {
		return nil
	}
	p.memoPut(start, ruleAwaitPrimary, res)
	return res
}

// primary (left-recursive):
//
//	| primary '.' NAME
//	| primary genexp
//	| primary '(' [arguments] ')'
//	| primary '[' slices ']'
//	| atom
func (p *parser) primary() ast.Expr {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	start := p.mark
	if r, ok := p.memoGet(rulePrimary); ok {
		e, _ := r.(ast.Expr)
		return e
	}
	// The work is done one level down, in CPython's primary_raw.
	if !p.enter() {
		return nil
	}
	res := p.atom()
	p.leave()
	if res == nil {
		p.mark = start
		if !p.errorIndicator {
			p.memoPut(start, rulePrimary, nil)
		}
		return nil
	}
	for {
		if !p.enter() {
			return nil
		}
		ext := p.primaryStep(res, start, false)
		p.leave()
		if ext == nil {
			break
		}
		res = ext
	}
	if p.errorIndicator {
		return nil
	}
	p.memoPut(start, rulePrimary, res)
	return res
}

// primaryStep tries to extend a by one trailer ('.' NAME, a genexp, a call
// or a subscript); with lookahead (t_primary), the extension must be
// followed by '(', '[' or '.'. It returns nil, with the mark unchanged, when
// no trailer applies.
func (p *parser) primaryStep(a ast.Expr, start int, lookahead bool) ast.Expr {
	m := p.mark
	ok := func(e ast.Expr) ast.Expr {
		if lookahead && !p.tLookahead() {
			p.mark = m
			return nil
		}
		return e
	}
	t := p.peek()
	if t == nil {
		return nil
	}
	if p.callInvalidRules && (t.typ == tLSQB || t.typ == tLBRACE) {
		// The genexp alternative comes before '[' slices ']', and genexp's
		// invalid_comprehension alternative does not need a '(': in the
		// second pass it looks into a '[' or '{' that follows a primary
		// ("x[*a for a in b]", "d{a b}").
		if b := p.genexp(); b != nil {
			if e := ok(&ast.Call{Loc: p.extra(start), Func: a, Args: []ast.Expr{b}}); e != nil {
				return e
			}
		}
		p.mark = m
		if p.errorIndicator {
			return nil
		}
	}
	switch t.typ {
	case tDOT:
		p.mark++
		if b := p.name(); b != nil {
			if e := ok(&ast.Attribute{Loc: p.extra(start), Value: a, Attr: b.ID, Ctx: ast.Load}); e != nil {
				return e
			}
		}
		p.mark = m
	case tLSQB:
		p.mark++
		if b := p.slices(); b != nil && p.expect(tRSQB) != nil {
			if e := ok(&ast.Subscript{Loc: p.extra(start), Value: a, Slice: b, Ctx: ast.Load}); e != nil {
				return e
			}
		}
		p.mark = m
	case tLPAR:
		if lookahead {
			// t_primary tries '.', '[', genexp, then '('.
		}
		if b := p.genexp(); b != nil {
			if e := ok(&ast.Call{Loc: p.extra(start), Func: a, Args: []ast.Expr{b}}); e != nil {
				return e
			}
		}
		p.mark = m
		if p.errorIndicator {
			return nil
		}
		if p.expect(tLPAR) != nil {
			b := p.arguments()
			if p.errorIndicator {
				return nil
			}
			if p.expect(tRPAR) != nil {
				call := &ast.Call{Loc: p.extra(start), Func: a}
				if b != nil {
					call.Args, call.Keywords = b.Args, b.Keywords
				}
				if e := ok(call); e != nil {
					return e
				}
			}
		}
		p.mark = m
	}
	return nil
}

// slices: slice !',' | ','.(slice | starred_expression)+ [',']
func (p *parser) slices() ast.Expr {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if p.peek() == nil {
		return nil
	}
	if a := p.slice(); a != nil && !p.check(tCOMMA) && !p.errorIndicator {
		return a
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	item := func() ast.Expr {
		m := p.mark
		if s := p.slice(); s != nil {
			return s
		}
		p.mark = m
		if p.errorIndicator {
			return nil
		}
		if s := p.starredExpression(); s != nil {
			return s
		}
		p.mark = m
		return nil
	}
	a := item()
	if a == nil {
		p.mark = mark
		return nil
	}
	elts := []ast.Expr{a}
	for {
		m := p.mark
		if p.expect(tCOMMA) == nil {
			break
		}
		b := item()
		if b == nil {
			p.mark = m
			break
		}
		elts = append(elts, b)
	}
	if p.errorIndicator {
		return nil
	}
	p.expect(tCOMMA)
	return &ast.Tuple{Loc: p.extra(mark), Elts: elts, Ctx: ast.Load}
}

// slice: [expression] ':' [expression] [':' [expression]] | named_expression
func (p *parser) slice() ast.Expr {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if p.peek() == nil {
		return nil
	}
	a := p.expression()
	if p.errorIndicator {
		return nil
	}
	if a == nil {
		p.mark = mark
	}
	if p.expect(tCOLON) != nil {
		b := p.expression()
		if p.errorIndicator {
			return nil
		}
		var c ast.Expr
		m := p.mark
		if p.expect(tCOLON) != nil {
			c = p.expression()
			if p.errorIndicator {
				return nil
			}
		} else {
			p.mark = m
		}
		return &ast.Slice{Loc: p.extra(mark), Lower: a, Upper: b, Step: c}
	}
	p.mark = mark
	if a := p.namedExpression(); a != nil {
		return a
	}
	p.mark = mark
	return nil
}

// atom:
//
//	| NAME | 'True' | 'False' | 'None'
//	| &(STRING|FSTRING_START) strings
//	| NUMBER
//	| &'(' (tuple | group | genexp)
//	| &'[' (list | listcomp)
//	| &'{' (dict | set | dictcomp | setcomp)
//	| '...'
func (p *parser) atom() ast.Expr {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	t := p.peek()
	if t == nil {
		return nil
	}
	switch t.typ {
	case tNAME:
		return p.name()
	case kwTrue:
		p.mark++
		return &ast.Constant{Loc: tokLoc(t), Value: pyTrue}
	case kwFalse:
		p.mark++
		return &ast.Constant{Loc: tokLoc(t), Value: pyFalse}
	case kwNone:
		p.mark++
		return &ast.Constant{Loc: tokLoc(t), Value: pyNone}
	}
	// &(STRING|FSTRING_START) is a lookahead on a _tmp rule: one level
	// deeper, for every token that reaches it.
	if !p.enter() {
		return nil
	}
	p.leave()
	switch t.typ {
	case tSTRING, tFSTRING_START:
		return p.strings()
	case tNUMBER:
		return p.number()
	case tLPAR:
		return p.atomGroup(mark, p.tuple, p.group, p.genexp)
	case tLSQB:
		return p.atomGroup(mark, p.list, p.listcomp)
	case tLBRACE:
		return p.atomGroup(mark, p.dict, p.set, p.dictcomp, p.setcomp)
	case tELLIPSIS:
		p.mark++
		return &ast.Constant{Loc: tokLoc(t), Value: pyEllipsis}
	}
	return nil
}

// atomGroup tries the alternatives of a bracketed atom, a group such as
// (tuple | group | genexp) that is a _tmp rule of CPython's parser.
func (p *parser) atomGroup(mark int, alts ...func() ast.Expr) ast.Expr {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	for _, f := range alts {
		if e := f(); e != nil {
			return e
		}
		p.mark = mark
		if p.errorIndicator {
			return nil
		}
	}
	return nil
}

// group: '(' (yield_expr | named_expression) ')' | invalid_group
func (p *parser) group() ast.Expr {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if p.expect(tLPAR) != nil {
		m := p.mark
		a := p.yieldExpr()
		if a == nil {
			p.mark = m
			if !p.errorIndicator {
				a = p.namedExpression()
			}
		}
		if a != nil && p.expect(tRPAR) != nil {
			return a
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if p.callInvalidRules {
		p.invalidGroup()
		p.mark = mark
	}
	return nil
}

// lambdef: 'lambda' [lambda_params] ':' expression
func (p *parser) lambdef() ast.Expr {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if p.expect(kwLambda) != nil {
		a := p.lambdaParams()
		if p.errorIndicator {
			return nil
		}
		if p.expect(tCOLON) != nil {
			if b := p.expression(); b != nil {
				if a == nil {
					a = &ast.Arguments{}
				}
				return &ast.Lambda{Loc: p.extra(mark), Args: a, Body: b}
			}
		}
	}
	p.mark = mark
	return nil
}

// lambda_params: invalid_lambda_parameters | lambda_parameters
func (p *parser) lambdaParams() *ast.Arguments {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if p.callInvalidRules {
		p.invalidLambdaParameters()
		p.mark = mark
		if p.errorIndicator {
			return nil
		}
	}
	if a := p.lambdaParameters(); a != nil {
		return a
	}
	p.mark = mark
	return nil
}

// lambda_parameters: as parameters, with lambda_* rules.
func (p *parser) lambdaParameters() *ast.Arguments {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if a, ok := p.lambdaSlashNoDefault(); ok {
		b := p.lambdaParamNoDefaultStar()
		c := p.lambdaParamWithDefaultStar()
		d := p.lambdaStarEtc()
		if !p.errorIndicator {
			return makeArguments(a, nil, b, c, d)
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if a := p.lambdaSlashWithDefault(); a != nil {
		b := p.lambdaParamWithDefaultStar()
		c := p.lambdaStarEtc()
		if !p.errorIndicator {
			return makeArguments(nil, a, nil, b, c)
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if a := p.lambdaParamNoDefaultStar(); len(a) > 0 {
		b := p.lambdaParamWithDefaultStar()
		c := p.lambdaStarEtc()
		if !p.errorIndicator {
			return makeArguments(nil, nil, a, b, c)
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if a := p.lambdaParamWithDefaultStar(); len(a) > 0 {
		b := p.lambdaStarEtc()
		if !p.errorIndicator {
			return makeArguments(nil, nil, nil, a, b)
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if a := p.lambdaStarEtc(); a != nil {
		return makeArguments(nil, nil, nil, nil, a)
	}
	p.mark = mark
	return nil
}

// lambdaParamNoDefaultStar is a repetition: a _loop rule of CPython's parser, one level
// deeper.
func (p *parser) lambdaParamNoDefaultStar() []*ast.Arg {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	var out []*ast.Arg
	for {
		m := p.mark
		a := p.lambdaParamNoDefault()
		if a == nil {
			p.mark = m
			return out
		}
		out = append(out, a)
	}
}

// lambdaParamWithDefaultStar is a repetition: a _loop rule of CPython's parser, one level
// deeper.
func (p *parser) lambdaParamWithDefaultStar() []nameDefault {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	var out []nameDefault
	for {
		m := p.mark
		a, ok := p.lambdaParamWithDefault()
		if !ok {
			p.mark = m
			return out
		}
		out = append(out, a)
	}
}

// lambdaParamMaybeDefaultStar is a repetition: a _loop rule of CPython's parser, one level
// deeper.
func (p *parser) lambdaParamMaybeDefaultStar() []nameDefault {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	var out []nameDefault
	for {
		m := p.mark
		a, ok := p.lambdaParamMaybeDefault()
		if !ok {
			p.mark = m
			return out
		}
		out = append(out, a)
	}
}

// lambda_slash_no_default: lambda_param_no_default+ '/' ',' | lambda_param_no_default+ '/' &':'
func (p *parser) lambdaSlashNoDefault() ([]*ast.Arg, bool) {
	if !p.enter() {
		return nil, false
	}
	defer p.leave()
	mark := p.mark
	for alt := 0; alt < 2; alt++ {
		p.mark = mark
		a := p.lambdaParamNoDefaultStar()
		if len(a) == 0 || p.expect(tSLASH) == nil {
			continue
		}
		if alt == 0 && p.expect(tCOMMA) != nil || alt == 1 && p.check(tCOLON) {
			return a, true
		}
		if p.errorIndicator {
			return nil, false
		}
	}
	p.mark = mark
	return nil, false
}

// lambda_slash_with_default
func (p *parser) lambdaSlashWithDefault() *slashWithDefault {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	for alt := 0; alt < 2; alt++ {
		p.mark = mark
		a := p.lambdaParamNoDefaultStar()
		b := p.lambdaParamWithDefaultStar()
		if len(b) == 0 || p.expect(tSLASH) == nil {
			continue
		}
		if alt == 0 && p.expect(tCOMMA) != nil || alt == 1 && p.check(tCOLON) {
			return &slashWithDefault{a, b}
		}
		if p.errorIndicator {
			return nil
		}
	}
	p.mark = mark
	return nil
}

// lambda_star_etc:
//
//	| invalid_lambda_star_etc
//	| '*' lambda_param_no_default lambda_param_maybe_default* [lambda_kwds]
//	| '*' ',' lambda_param_maybe_default+ [lambda_kwds]
//	| lambda_kwds
func (p *parser) lambdaStarEtc() *starEtc {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if p.callInvalidRules {
		p.invalidLambdaStarEtc()
		p.mark = mark
		if p.errorIndicator {
			return nil
		}
	}
	if p.expect(tSTAR) != nil {
		if a := p.lambdaParamNoDefault(); a != nil {
			b := p.lambdaParamMaybeDefaultStar()
			c := p.lambdaKwds()
			if !p.errorIndicator {
				return &starEtc{a, b, c}
			}
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if p.expect(tSTAR) != nil && p.expect(tCOMMA) != nil {
		if b := p.lambdaParamMaybeDefaultStar(); len(b) > 0 {
			c := p.lambdaKwds()
			if !p.errorIndicator {
				return &starEtc{nil, b, c}
			}
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if a := p.lambdaKwds(); a != nil {
		return &starEtc{nil, nil, a}
	}
	p.mark = mark
	return nil
}

// lambda_kwds: invalid_lambda_kwds | '**' lambda_param_no_default
func (p *parser) lambdaKwds() *ast.Arg {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if p.callInvalidRules {
		p.invalidLambdaKwds()
		p.mark = mark
		if p.errorIndicator {
			return nil
		}
	}
	if p.expect(tDOUBLESTAR) != nil {
		if a := p.lambdaParamNoDefault(); a != nil {
			return a
		}
	}
	p.mark = mark
	return nil
}

// lambda_param_no_default: lambda_param ',' | lambda_param &':'
func (p *parser) lambdaParamNoDefault() *ast.Arg {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if a := p.lambdaParam(); a != nil && p.expect(tCOMMA) != nil {
		return a
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if a := p.lambdaParam(); a != nil && p.check(tCOLON) {
		return a
	}
	p.mark = mark
	return nil
}

// lambda_param_with_default: lambda_param default ',' | lambda_param default &':'
func (p *parser) lambdaParamWithDefault() (nameDefault, bool) {
	if !p.enter() {
		return nameDefault{}, false
	}
	defer p.leave()
	return p.lambdaParamDefaultTail(false)
}

// lambda_param_maybe_default: lambda_param default? ',' | lambda_param default? &':'
func (p *parser) lambdaParamMaybeDefault() (nameDefault, bool) {
	if !p.enter() {
		return nameDefault{}, false
	}
	defer p.leave()
	return p.lambdaParamDefaultTail(true)
}

func (p *parser) lambdaParamDefaultTail(optional bool) (nameDefault, bool) {
	mark := p.mark
	for alt := 0; alt < 2; alt++ {
		p.mark = mark
		if p.errorIndicator {
			return nameDefault{}, false
		}
		a := p.lambdaParam()
		if a == nil {
			continue
		}
		c := p.defaultRule()
		if c == nil && (!optional || p.errorIndicator) {
			continue
		}
		if alt == 0 && p.expect(tCOMMA) != nil || alt == 1 && p.check(tCOLON) {
			return nameDefault{a, c}, true
		}
	}
	p.mark = mark
	return nameDefault{}, false
}

// lambda_param: NAME
func (p *parser) lambdaParam() *ast.Arg {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if a := p.name(); a != nil {
		return &ast.Arg{Loc: p.extra(mark), Arg: a.ID}
	}
	p.mark = mark
	return nil
}

// list: '[' [star_named_expressions] ']'
func (p *parser) list() ast.Expr {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if p.expect(tLSQB) != nil {
		a := p.starNamedExpressions()
		if !p.errorIndicator && p.expect(tRSQB) != nil {
			return &ast.List{Loc: p.extra(mark), Elts: a, Ctx: ast.Load}
		}
	}
	p.mark = mark
	return nil
}

// tuple: '(' [star_named_expression ',' [star_named_expressions]] ')'
func (p *parser) tuple() ast.Expr {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if p.expect(tLPAR) != nil {
		var elts []ast.Expr
		m := p.mark
		// [star_named_expression ',' [star_named_expressions]] is a _tmp rule.
		if !p.enter() {
			return nil
		}
		if y := p.starNamedExpression(); y != nil && p.expect(tCOMMA) != nil {
			z := p.starNamedExpressions()
			if p.errorIndicator {
				p.leave()
				return nil
			}
			elts = append([]ast.Expr{y}, z...)
		} else {
			p.mark = m
		}
		p.leave()
		if !p.errorIndicator && p.expect(tRPAR) != nil {
			return &ast.Tuple{Loc: p.extra(mark), Elts: elts, Ctx: ast.Load}
		}
	}
	p.mark = mark
	return nil
}

// set: '{' star_named_expressions '}'
func (p *parser) set() ast.Expr {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if p.expect(tLBRACE) != nil {
		if a := p.starNamedExpressions(); a != nil && p.expect(tRBRACE) != nil {
			return &ast.Set{Loc: p.extra(mark), Elts: a}
		}
	}
	p.mark = mark
	return nil
}

// keyValue is pegen's KeyValuePair; Key is nil for '**' entries.
type keyValue struct{ key, value ast.Expr }

// dict: '{' [double_starred_kvpairs] '}' | '{' invalid_double_starred_kvpairs '}'
func (p *parser) dict() ast.Expr {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if p.expect(tLBRACE) != nil {
		a := p.doubleStarredKVPairs()
		if !p.errorIndicator && p.expect(tRBRACE) != nil {
			d := &ast.Dict{Loc: p.extra(mark)}
			for _, kv := range a {
				d.Keys = append(d.Keys, kv.key)
				d.Values = append(d.Values, kv.value)
			}
			return d
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	// pegen guards only an alternative that is a lone invalid_ rule with
	// call_invalid_rules: this one runs in the first pass too, and inside
	// expression_without_invalid.
	if p.expect(tLBRACE) != nil {
		p.invalidDoubleStarredKVPairs()
	}
	p.mark = mark
	return nil
}

// double_starred_kvpairs: ','.double_starred_kvpair+ [',']
func (p *parser) doubleStarredKVPairs() []keyValue {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	a, ok := p.doubleStarredKVPair()
	if !ok {
		return nil
	}
	out := []keyValue{a}
	for {
		m := p.mark
		if p.expect(tCOMMA) == nil {
			break
		}
		a, ok := p.doubleStarredKVPair()
		if !ok {
			p.mark = m
			break
		}
		out = append(out, a)
	}
	if p.errorIndicator {
		return nil
	}
	p.expect(tCOMMA)
	return out
}

// double_starred_kvpair: '**' bitwise_or | kvpair
func (p *parser) doubleStarredKVPair() (keyValue, bool) {
	if !p.enter() {
		return keyValue{}, false
	}
	defer p.leave()
	mark := p.mark
	if p.expect(tDOUBLESTAR) != nil {
		if a := p.bitwiseOr(); a != nil {
			return keyValue{nil, a}, true
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return keyValue{}, false
	}
	if kv, ok := p.kvpair(); ok {
		return kv, true
	}
	p.mark = mark
	return keyValue{}, false
}

// kvpair: expression ':' expression
func (p *parser) kvpair() (keyValue, bool) {
	if !p.enter() {
		return keyValue{}, false
	}
	defer p.leave()
	mark := p.mark
	if a := p.expression(); a != nil && p.expect(tCOLON) != nil {
		if b := p.expression(); b != nil {
			return keyValue{a, b}, true
		}
	}
	p.mark = mark
	return keyValue{}, false
}

// for_if_clauses: for_if_clause+
func (p *parser) forIfClauses() []*ast.Comprehension {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	var out []*ast.Comprehension
	for {
		m := p.mark
		c := p.forIfClause()
		if c == nil {
			p.mark = m
			break
		}
		out = append(out, c)
	}
	if p.errorIndicator {
		return nil
	}
	return out
}

// for_if_clause:
//
//	| 'async' 'for' star_targets 'in' ~ disjunction ('if' disjunction)*
//	| 'for' star_targets 'in' ~ disjunction ('if' disjunction)*
//	| 'async'? 'for' (bitwise_or (',' bitwise_or)* [',']) !'in'
//	| invalid_for_target
func (p *parser) forIfClause() *ast.Comprehension {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	for _, async := range []bool{true, false} {
		p.mark = mark
		if p.errorIndicator {
			return nil
		}
		if async && p.expect(kwAsync) == nil {
			continue
		}
		if p.expect(kwFor) == nil {
			continue
		}
		a := p.starTargets()
		if a == nil || p.expect(kwIn) == nil {
			continue
		}
		// The cut.
		b := p.disjunction()
		if b == nil {
			p.mark = mark
			return nil
		}
		var ifs []ast.Expr
		for {
			m := p.mark
			if p.expect(kwIf) == nil {
				break
			}
			z := p.disjunction()
			if z == nil {
				p.mark = m
				break
			}
			ifs = append(ifs, z)
		}
		if p.errorIndicator {
			return nil
		}
		isAsync := 0
		if async {
			isAsync = 1
		}
		return &ast.Comprehension{Target: a, Iter: b, Ifs: ifs, IsAsync: isAsync}
	}
	p.mark = mark
	// In 3.13 the "'in' expected" alternative is written out in
	// for_if_clause, not as a lone invalid_ rule, so pegen does not guard
	// it: it runs in the first pass and inside expression_without_invalid.
	p.invalidForIfClause()
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if p.callInvalidRules {
		p.invalidForTarget()
		p.mark = mark
	}
	return nil
}

// listcomp: '[' named_expression for_if_clauses ']' | invalid_comprehension
func (p *parser) listcomp() ast.Expr {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if p.expect(tLSQB) != nil {
		if a := p.namedExpression(); a != nil {
			if b := p.forIfClauses(); b != nil && p.expect(tRSQB) != nil {
				return &ast.ListComp{Loc: p.extra(mark), Elt: a, Generators: b}
			}
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if p.callInvalidRules {
		p.invalidComprehension()
		p.mark = mark
	}
	return nil
}

// setcomp: '{' named_expression for_if_clauses '}' | invalid_comprehension
func (p *parser) setcomp() ast.Expr {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if p.expect(tLBRACE) != nil {
		if a := p.namedExpression(); a != nil {
			if b := p.forIfClauses(); b != nil && p.expect(tRBRACE) != nil {
				return &ast.SetComp{Loc: p.extra(mark), Elt: a, Generators: b}
			}
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if p.callInvalidRules {
		p.invalidComprehension()
		p.mark = mark
	}
	return nil
}

// genexp: '(' (assignment_expression | expression !':=') for_if_clauses ')' | invalid_comprehension
func (p *parser) genexp() ast.Expr {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if p.expect(tLPAR) != nil {
		m := p.mark
		// (assignment_expression | expression !':=') is a _tmp rule.
		if !p.enter() {
			return nil
		}
		a := p.assignmentExpression()
		if a == nil {
			p.mark = m
			if !p.errorIndicator {
				if a = p.expression(); a != nil && p.check(tCOLONEQUAL) {
					a = nil
				}
			}
		}
		p.leave()
		if a != nil && !p.errorIndicator {
			if b := p.forIfClauses(); b != nil && p.expect(tRPAR) != nil {
				return &ast.GeneratorExp{Loc: p.extra(mark), Elt: a, Generators: b}
			}
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if p.callInvalidRules {
		p.invalidComprehension()
		p.mark = mark
	}
	return nil
}

// dictcomp: '{' kvpair for_if_clauses '}' | invalid_dict_comprehension
func (p *parser) dictcomp() ast.Expr {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if p.expect(tLBRACE) != nil {
		if a, ok := p.kvpair(); ok {
			if b := p.forIfClauses(); b != nil && p.expect(tRBRACE) != nil {
				return &ast.DictComp{Loc: p.extra(mark), Key: a.key, Value: a.value, Generators: b}
			}
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if p.callInvalidRules {
		p.invalidDictComprehension()
		p.mark = mark
	}
	return nil
}

// arguments (memo): args [','] &')' | invalid_arguments
func (p *parser) arguments() *ast.Call {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	start := p.mark
	if r, ok := p.memoGet(ruleArguments); ok {
		c, _ := r.(*ast.Call)
		return c
	}
	var res *ast.Call
	if a := p.args(); a != nil {
		p.expect(tCOMMA)
		if p.check(tRPAR) {
			res = a
		}
	}
	if res == nil {
		p.mark = start
		if p.callInvalidRules && !p.errorIndicator {
			p.invalidArguments()
			p.mark = start
		}
	}
	if p.errorIndicator {
		return nil
	}
	p.memoPut(start, ruleArguments, res)
	return res
}

// keywordOrStarred is pegen's KeywordOrStarred.
type keywordOrStarred struct {
	keyword *ast.Keyword
	starred ast.Expr
}

// args:
//
//	| ','.(starred_expression | (assignment_expression | expression !':=') !'=')+ [',' kwargs]
//	| kwargs
func (p *parser) args() *ast.Call {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if p.peek() == nil {
		return nil
	}
	if a := p.positionalArgs(); a != nil {
		m := p.mark
		var b []keywordOrStarred
		if p.expect(tCOMMA) != nil {
			if b = p.kwargs(); b == nil {
				p.mark = m
			}
		}
		if p.errorIndicator {
			return nil
		}
		call := &ast.Call{Loc: p.extra(mark), Func: dummyName, Args: a}
		for _, k := range b {
			if k.keyword == nil {
				call.Args = append(call.Args, k.starred)
			}
		}
		for _, k := range b {
			if k.keyword != nil {
				call.Keywords = append(call.Keywords, k.keyword)
			}
		}
		return call
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if a := p.kwargs(); a != nil {
		call := &ast.Call{Loc: p.extra(mark), Func: dummyName}
		for _, k := range a {
			if k.keyword == nil {
				call.Args = append(call.Args, k.starred)
			} else {
				call.Keywords = append(call.Keywords, k.keyword)
			}
		}
		return call
	}
	p.mark = mark
	return nil
}

// positionalArgs parses ','.(starred_expression | (assignment_expression | expression !':=') !'=')+.
func (p *parser) positionalArgs() []ast.Expr {
	item := func() ast.Expr {
		m := p.mark
		if e := p.starredExpression(); e != nil {
			return e
		}
		p.mark = m
		if p.errorIndicator {
			return nil
		}
		e := p.assignmentExpression()
		if e == nil {
			p.mark = m
			if p.errorIndicator {
				return nil
			}
			if e = p.expression(); e != nil && p.check(tCOLONEQUAL) {
				e = nil
			}
		}
		if e != nil && !p.check(tEQUAL) && !p.errorIndicator {
			return e
		}
		p.mark = m
		return nil
	}
	a := item()
	if a == nil {
		return nil
	}
	out := []ast.Expr{a}
	for {
		m := p.mark
		if p.expect(tCOMMA) == nil {
			break
		}
		a := item()
		if a == nil {
			p.mark = m
			break
		}
		out = append(out, a)
	}
	if p.errorIndicator {
		return nil
	}
	return out
}

// kwargs:
//
//	| ','.kwarg_or_starred+ ',' ','.kwarg_or_double_starred+
//	| ','.kwarg_or_starred+
//	| ','.kwarg_or_double_starred+
func (p *parser) kwargs() []keywordOrStarred {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if a := p.kwargList(p.kwargOrStarred); a != nil && p.expect(tCOMMA) != nil {
		if b := p.kwargList(p.kwargOrDoubleStarred); b != nil {
			return append(a, b...)
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if a := p.kwargList(p.kwargOrStarred); a != nil {
		return a
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if a := p.kwargList(p.kwargOrDoubleStarred); a != nil {
		return a
	}
	p.mark = mark
	return nil
}

func (p *parser) kwargList(item func() (keywordOrStarred, bool)) []keywordOrStarred {
	a, ok := item()
	if !ok {
		return nil
	}
	out := []keywordOrStarred{a}
	for {
		m := p.mark
		if p.expect(tCOMMA) == nil {
			break
		}
		a, ok := item()
		if !ok {
			p.mark = m
			break
		}
		out = append(out, a)
	}
	if p.errorIndicator {
		return nil
	}
	return out
}

// starred_expression: invalid_starred_expression | '*' expression | '*' (error)
func (p *parser) starredExpression() ast.Expr {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if p.peek() == nil {
		return nil
	}
	if p.callInvalidRules {
		p.invalidStarredExpression()
		p.mark = mark
		if p.errorIndicator {
			return nil
		}
	}
	if p.expect(tSTAR) != nil {
		if a := p.expression(); a != nil {
			return &ast.Starred{Loc: p.extra(mark), Value: a, Ctx: ast.Load}
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if p.expect(tSTAR) != nil {
		p.raise(SyntaxErr, false, "Invalid star expression")
		return nil
	}
	p.mark = mark
	return nil
}

// kwarg_or_starred: invalid_kwarg | NAME '=' expression | starred_expression
func (p *parser) kwargOrStarred() (keywordOrStarred, bool) {
	if !p.enter() {
		return keywordOrStarred{}, false
	}
	defer p.leave()
	mark := p.mark
	if p.peek() == nil {
		return keywordOrStarred{}, false
	}
	if p.callInvalidRules {
		p.invalidKwarg()
		p.mark = mark
		if p.errorIndicator {
			return keywordOrStarred{}, false
		}
	}
	if a := p.name(); a != nil && p.expect(tEQUAL) != nil {
		if b := p.expression(); b != nil {
			return keywordOrStarred{keyword: &ast.Keyword{Loc: p.extra(mark), Arg: a.ID, Value: b}}, true
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return keywordOrStarred{}, false
	}
	if a := p.starredExpression(); a != nil {
		return keywordOrStarred{starred: a}, true
	}
	p.mark = mark
	return keywordOrStarred{}, false
}

// kwarg_or_double_starred: invalid_kwarg | NAME '=' expression | '**' expression
func (p *parser) kwargOrDoubleStarred() (keywordOrStarred, bool) {
	if !p.enter() {
		return keywordOrStarred{}, false
	}
	defer p.leave()
	mark := p.mark
	if p.peek() == nil {
		return keywordOrStarred{}, false
	}
	if p.callInvalidRules {
		p.invalidKwarg()
		p.mark = mark
		if p.errorIndicator {
			return keywordOrStarred{}, false
		}
	}
	if a := p.name(); a != nil && p.expect(tEQUAL) != nil {
		if b := p.expression(); b != nil {
			return keywordOrStarred{keyword: &ast.Keyword{Loc: p.extra(mark), Arg: a.ID, Value: b}}, true
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return keywordOrStarred{}, false
	}
	if p.expect(tDOUBLESTAR) != nil {
		if a := p.expression(); a != nil {
			return keywordOrStarred{keyword: &ast.Keyword{Loc: p.extra(mark), Value: a}}, true
		}
	}
	p.mark = mark
	return keywordOrStarred{}, false
}

// star_targets: star_target !',' | star_target (',' star_target)* [',']
func (p *parser) starTargets() ast.Expr {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if p.peek() == nil {
		return nil
	}
	if a := p.starTarget(); a != nil && !p.check(tCOMMA) && !p.errorIndicator {
		return a
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if a := p.starTarget(); a != nil {
		elts := []ast.Expr{a}
		for {
			m := p.mark
			if p.expect(tCOMMA) == nil {
				break
			}
			c := p.starTarget()
			if c == nil {
				p.mark = m
				break
			}
			elts = append(elts, c)
		}
		if p.errorIndicator {
			return nil
		}
		p.expect(tCOMMA)
		return &ast.Tuple{Loc: p.extra(mark), Elts: elts, Ctx: ast.Store}
	}
	p.mark = mark
	return nil
}

// star_targets_list_seq: ','.star_target+ [',']
func (p *parser) starTargetsListSeq() []ast.Expr {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	a := p.starTarget()
	if a == nil {
		return nil
	}
	out := []ast.Expr{a}
	for {
		m := p.mark
		if p.expect(tCOMMA) == nil {
			break
		}
		a := p.starTarget()
		if a == nil {
			p.mark = m
			break
		}
		out = append(out, a)
	}
	if p.errorIndicator {
		return nil
	}
	p.expect(tCOMMA)
	return out
}

// star_targets_tuple_seq: star_target (',' star_target)+ [','] | star_target ','
func (p *parser) starTargetsTupleSeq() []ast.Expr {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	a := p.starTarget()
	if a == nil {
		p.mark = mark
		return nil
	}
	afterA := p.mark
	out := []ast.Expr{a}
	for {
		m := p.mark
		if p.expect(tCOMMA) == nil {
			break
		}
		c := p.starTarget()
		if c == nil {
			p.mark = m
			break
		}
		out = append(out, c)
	}
	if p.errorIndicator {
		return nil
	}
	if len(out) > 1 {
		p.expect(tCOMMA)
		return out
	}
	p.mark = afterA
	if p.expect(tCOMMA) != nil {
		return out
	}
	p.mark = mark
	return nil
}

// star_target (memo): '*' (!'*' star_target) | target_with_star_atom
func (p *parser) starTarget() ast.Expr {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	start := p.mark
	if r, ok := p.memoGet(ruleStarTarget); ok {
		e, _ := r.(ast.Expr)
		return e
	}
	var res ast.Expr
	if p.expect(tSTAR) != nil && !p.check(tSTAR) && !p.errorIndicator {
		if a := p.starTarget(); a != nil {
			res = &ast.Starred{Loc: p.extra(start), Value: setContext(a, ast.Store), Ctx: ast.Store}
		}
	}
	if res == nil {
		p.mark = start
		if !p.errorIndicator {
			if res = p.targetWithStarAtom(); res == nil {
				p.mark = start
			}
		}
	}
	if p.errorIndicator {
		return nil
	}
	p.memoPut(start, ruleStarTarget, res)
	return res
}

// target_with_star_atom (memo):
//
//	| t_primary '.' NAME !t_lookahead
//	| t_primary '[' slices ']' !t_lookahead
//	| star_atom
func (p *parser) targetWithStarAtom() ast.Expr {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	start := p.mark
	if r, ok := p.memoGet(ruleTargetWithStarAtom); ok {
		e, _ := r.(ast.Expr)
		return e
	}
	res := p.subscriptAttributeTarget(ast.Store)
	if res == nil {
		p.mark = start
		if !p.errorIndicator {
			if res = p.starAtom(); res == nil {
				p.mark = start
			}
		}
	}
	if p.errorIndicator {
		return nil
	}
	p.memoPut(start, ruleTargetWithStarAtom, res)
	return res
}

// subscriptAttributeTarget parses the two alternatives
// t_primary '.' NAME !t_lookahead | t_primary '[' slices ']' !t_lookahead
// with the given context.
func (p *parser) subscriptAttributeTarget(ctx ast.ExprContext) ast.Expr {
	mark := p.mark
	if a := p.tPrimary(); a != nil && p.expect(tDOT) != nil {
		if b := p.name(); b != nil && !p.tLookahead() && !p.errorIndicator {
			return &ast.Attribute{Loc: p.extra(mark), Value: a, Attr: b.ID, Ctx: ctx}
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if a := p.tPrimary(); a != nil && p.expect(tLSQB) != nil {
		if b := p.slices(); b != nil && p.expect(tRSQB) != nil && !p.tLookahead() && !p.errorIndicator {
			return &ast.Subscript{Loc: p.extra(mark), Value: a, Slice: b, Ctx: ctx}
		}
	}
	p.mark = mark
	return nil
}

// star_atom:
//
//	| NAME
//	| '(' target_with_star_atom ')'
//	| '(' [star_targets_tuple_seq] ')'
//	| '[' [star_targets_list_seq] ']'
func (p *parser) starAtom() ast.Expr {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if p.peek() == nil {
		return nil
	}
	if a := p.name(); a != nil {
		return setContext(a, ast.Store)
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if p.expect(tLPAR) != nil {
		if a := p.targetWithStarAtom(); a != nil && p.expect(tRPAR) != nil {
			return setContext(a, ast.Store)
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if p.expect(tLPAR) != nil {
		a := p.starTargetsTupleSeq()
		if !p.errorIndicator && p.expect(tRPAR) != nil {
			return &ast.Tuple{Loc: p.extra(mark), Elts: a, Ctx: ast.Store}
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if p.expect(tLSQB) != nil {
		a := p.starTargetsListSeq()
		if !p.errorIndicator && p.expect(tRSQB) != nil {
			return &ast.List{Loc: p.extra(mark), Elts: a, Ctx: ast.Store}
		}
	}
	p.mark = mark
	return nil
}

// single_target: single_subscript_attribute_target | NAME | '(' single_target ')'
func (p *parser) singleTarget() ast.Expr {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if a := p.singleSubscriptAttributeTarget(); a != nil {
		return a
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if a := p.name(); a != nil {
		return setContext(a, ast.Store)
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if p.expect(tLPAR) != nil {
		if a := p.singleTarget(); a != nil && p.expect(tRPAR) != nil {
			return a
		}
	}
	p.mark = mark
	return nil
}

// single_subscript_attribute_target:
//
//	| t_primary '.' NAME !t_lookahead
//	| t_primary '[' slices ']' !t_lookahead
func (p *parser) singleSubscriptAttributeTarget() ast.Expr {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	if p.peek() == nil {
		return nil
	}
	return p.subscriptAttributeTarget(ast.Store)
}

// t_primary (left-recursive):
//
//	| t_primary '.' NAME &t_lookahead
//	| t_primary '[' slices ']' &t_lookahead
//	| t_primary genexp &t_lookahead
//	| t_primary '(' [arguments] ')' &t_lookahead
//	| atom &t_lookahead
func (p *parser) tPrimary() ast.Expr {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	start := p.mark
	if r, ok := p.memoGet(ruleTPrimary); ok {
		e, _ := r.(ast.Expr)
		return e
	}
	// The work is done one level down, in CPython's t_primary_raw.
	if !p.enter() {
		return nil
	}
	res := p.atom()
	p.leave()
	if res == nil || !p.tLookahead() {
		p.mark = start
		if !p.errorIndicator {
			p.memoPut(start, ruleTPrimary, nil)
		}
		return nil
	}
	for {
		if !p.enter() {
			return nil
		}
		ext := p.primaryStep(res, start, true)
		p.leave()
		if ext == nil {
			break
		}
		res = ext
	}
	if p.errorIndicator {
		return nil
	}
	p.memoPut(start, ruleTPrimary, res)
	return res
}

// t_lookahead: '(' | '[' | '.'
func (p *parser) tLookahead() bool {
	t := p.peek()
	return t != nil && (t.typ == tLPAR || t.typ == tLSQB || t.typ == tDOT)
}

// del_targets: ','.del_target+ [',']
func (p *parser) delTargets() ([]ast.Expr, bool) {
	if !p.enter() {
		return nil, false
	}
	defer p.leave()
	a := p.delTarget()
	if a == nil {
		return nil, false
	}
	out := []ast.Expr{a}
	for {
		m := p.mark
		if p.expect(tCOMMA) == nil {
			break
		}
		a := p.delTarget()
		if a == nil {
			p.mark = m
			break
		}
		out = append(out, a)
	}
	if p.errorIndicator {
		return nil, false
	}
	p.expect(tCOMMA)
	return out, true
}

// del_target (memo):
//
//	| t_primary '.' NAME !t_lookahead
//	| t_primary '[' slices ']' !t_lookahead
//	| del_t_atom
func (p *parser) delTarget() ast.Expr {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	start := p.mark
	if r, ok := p.memoGet(ruleDelTarget); ok {
		e, _ := r.(ast.Expr)
		return e
	}
	res := p.subscriptAttributeTarget(ast.Del)
	if res == nil {
		p.mark = start
		if !p.errorIndicator {
			if res = p.delTAtom(); res == nil {
				p.mark = start
			}
		}
	}
	if p.errorIndicator {
		return nil
	}
	p.memoPut(start, ruleDelTarget, res)
	return res
}

// del_t_atom: NAME | '(' del_target ')' | '(' [del_targets] ')' | '[' [del_targets] ']'
func (p *parser) delTAtom() ast.Expr {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if p.peek() == nil {
		return nil
	}
	if a := p.name(); a != nil {
		return setContext(a, ast.Del)
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if p.expect(tLPAR) != nil {
		if a := p.delTarget(); a != nil && p.expect(tRPAR) != nil {
			return setContext(a, ast.Del)
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if p.expect(tLPAR) != nil {
		a, _ := p.delTargets()
		if !p.errorIndicator && p.expect(tRPAR) != nil {
			return &ast.Tuple{Loc: p.extra(mark), Elts: a, Ctx: ast.Del}
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if p.expect(tLSQB) != nil {
		a, _ := p.delTargets()
		if !p.errorIndicator && p.expect(tRSQB) != nil {
			return &ast.List{Loc: p.extra(mark), Elts: a, Ctx: ast.Del}
		}
	}
	p.mark = mark
	return nil
}

// type_expressions:
//
//	| ','.expression+ ',' '*' expression ',' '**' expression
//	| ','.expression+ ',' '*' expression
//	| ','.expression+ ',' '**' expression
//	| '*' expression ',' '**' expression
//	| '*' expression
//	| '**' expression
//	| ','.expression+
func (p *parser) typeExpressions() ([]ast.Expr, bool) {
	if !p.enter() {
		return nil, false
	}
	defer p.leave()
	mark := p.mark
	exprList := func() []ast.Expr {
		a := p.expression()
		if a == nil {
			return nil
		}
		out := []ast.Expr{a}
		for {
			m := p.mark
			if p.expect(tCOMMA) == nil {
				break
			}
			a := p.expression()
			if a == nil {
				p.mark = m
				break
			}
			out = append(out, a)
		}
		return out
	}
	starred := func(tok tokType) ast.Expr {
		if p.expect(tok) == nil {
			return nil
		}
		return p.expression()
	}
	reset := func() bool {
		p.mark = mark
		return !p.errorIndicator
	}
	if a := exprList(); a != nil && p.expect(tCOMMA) != nil {
		if b := starred(tSTAR); b != nil && p.expect(tCOMMA) != nil {
			if c := starred(tDOUBLESTAR); c != nil {
				return append(a, b, c), true
			}
		}
	}
	if !reset() {
		return nil, false
	}
	if a := exprList(); a != nil && p.expect(tCOMMA) != nil {
		if b := starred(tSTAR); b != nil {
			return append(a, b), true
		}
	}
	if !reset() {
		return nil, false
	}
	if a := exprList(); a != nil && p.expect(tCOMMA) != nil {
		if b := starred(tDOUBLESTAR); b != nil {
			return append(a, b), true
		}
	}
	if !reset() {
		return nil, false
	}
	if a := starred(tSTAR); a != nil && p.expect(tCOMMA) != nil {
		if b := starred(tDOUBLESTAR); b != nil {
			return []ast.Expr{a, b}, true
		}
	}
	if !reset() {
		return nil, false
	}
	if a := starred(tSTAR); a != nil {
		return []ast.Expr{a}, true
	}
	if !reset() {
		return nil, false
	}
	if a := starred(tDOUBLESTAR); a != nil {
		return []ast.Expr{a}, true
	}
	if !reset() {
		return nil, false
	}
	if a := exprList(); a != nil {
		return a, true
	}
	p.mark = mark
	return nil, false
}

// func_type_comment:
//
//	| NEWLINE TYPE_COMMENT &(NEWLINE INDENT)
//	| invalid_double_type_comments
//	| TYPE_COMMENT
func (p *parser) funcTypeComment() *token {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if p.expect(tNEWLINE) != nil {
		if t := p.expect(tTYPE_COMMENT); t != nil {
			m := p.mark
			if p.expect(tNEWLINE) != nil && p.expect(tINDENT) != nil {
				p.mark = m
				return t
			}
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if p.callInvalidRules {
		p.invalidDoubleTypeComments()
		p.mark = mark
		if p.errorIndicator {
			return nil
		}
	}
	if t := p.expect(tTYPE_COMMENT); t != nil {
		return t
	}
	p.mark = mark
	return nil
}
