package parser

import (
	"github.com/peephole-lsp/peephole/internal/pyconst"
	"github.com/peephole-lsp/peephole/parser/ast"
)

// This file holds the invalid_* rules, which run only in the second pass.
// Each matches a common mistake and raises CPython's message for it. A rule
// returns as soon as one of its alternatives matched, whether or not that
// raised (pegen's "goto done"); the caller then checks the error indicator.

func isComplex(c *ast.Constant) bool {
	_, ok := c.Value.(pyconst.Complex)
	return ok
}

// invalid_arguments:
//
//	| ((','.(starred_expression | (assignment_expression | expression !':=') !'=')+ ',' kwargs) | kwargs) a=',' ','.(starred_expression !'=')+
//	| a=expression b=for_if_clauses ',' [args | expression for_if_clauses]
//	| a=NAME b='=' expression for_if_clauses
//	| (args ',')? a=NAME b='=' &(',' | ')')
//	| a=args b=for_if_clauses
//	| args ',' a=expression b=for_if_clauses
//	| a=args ',' args
func (p *parser) invalidArguments() {
	if !p.enter() {
		return
	}
	defer p.leave()
	mark := p.mark
	if p.peek() == nil {
		return
	}
	// Alternative 1.
	ok := false
	if a := p.positionalArgs(); a != nil && p.expect(tCOMMA) != nil && p.kwargs() != nil {
		ok = true
	}
	if !ok {
		p.mark = mark
		if p.errorIndicator {
			return
		}
		ok = p.kwargs() != nil
	}
	if ok {
		if a := p.expect(tCOMMA); a != nil {
			item := func() bool {
				m := p.mark
				if e := p.starredExpression(); e != nil && !p.check(tEQUAL) && !p.errorIndicator {
					return true
				}
				p.mark = m
				return false
			}
			if item() {
				for {
					m := p.mark
					if p.expect(tCOMMA) == nil || !item() {
						p.mark = m
						break
					}
				}
				if !p.errorIndicator {
					p.raiseStartingFrom(tokRng(a), "iterable argument unpacking follows keyword argument unpacking")
					return
				}
			}
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return
	}
	// Alternative 2.
	if a := p.expression(); a != nil {
		if b := p.forIfClauses(); b != nil && p.expect(tCOMMA) != nil {
			m := p.mark
			if p.args() == nil {
				p.mark = m
				if !p.errorIndicator {
					if p.expression() == nil || p.forIfClauses() == nil {
						p.mark = m
					}
				}
			}
			if !p.errorIndicator {
				p.raiseRange(nodeRng(a), nodeRng(lastComprehensionItem(b[len(b)-1])), "Generator expression must be parenthesized")
				return
			}
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return
	}
	// Alternative 3.
	if a := p.name(); a != nil {
		if b := p.expect(tEQUAL); b != nil && p.expression() != nil && p.forIfClauses() != nil {
			p.raiseRange(nodeRng(a), tokRng(b), "invalid syntax. Maybe you meant '==' or ':=' instead of '='?")
			return
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return
	}
	// Alternative 4.
	m := p.mark
	if p.args() == nil || p.expect(tCOMMA) == nil {
		p.mark = m
	}
	if !p.errorIndicator {
		if a := p.name(); a != nil {
			if b := p.expect(tEQUAL); b != nil && (p.check(tCOMMA) || p.check(tRPAR)) {
				p.raiseRange(nodeRng(a), tokRng(b), "expected argument value expression")
				return
			}
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return
	}
	// Alternative 5.
	if a := p.args(); a != nil {
		if b := p.forIfClauses(); b != nil {
			if len(a.Args) > 1 {
				last := b[len(b)-1]
				p.raiseRange(nodeRng(a.Args[len(a.Args)-1]), nodeRng(lastComprehensionItem(last)), "Generator expression must be parenthesized")
			}
			return
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return
	}
	// Alternative 6.
	if p.args() != nil && p.expect(tCOMMA) != nil {
		if a := p.expression(); a != nil {
			if b := p.forIfClauses(); b != nil {
				p.raiseRange(nodeRng(a), nodeRng(lastComprehensionItem(b[len(b)-1])), "Generator expression must be parenthesized")
				return
			}
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return
	}
	// Alternative 7.
	if a := p.args(); a != nil && p.expect(tCOMMA) != nil && p.args() != nil {
		kwUnpacking := false
		for _, k := range a.Keywords {
			if k.Arg == "" {
				kwUnpacking = true
			}
		}
		if kwUnpacking {
			p.raise(SyntaxErr, false, "positional argument follows keyword argument unpacking")
		} else {
			p.raise(SyntaxErr, false, "positional argument follows keyword argument")
		}
		return
	}
	p.mark = mark
}

// invalid_kwarg:
//
//	| a=('True'|'False'|'None') b='='
//	| a=NAME b='=' expression for_if_clauses
//	| !(NAME '=') a=expression b='='
//	| a='**' expression '=' b=expression
func (p *parser) invalidKwarg() {
	if !p.enter() {
		return
	}
	defer p.leave()
	mark := p.mark
	t := p.peek()
	if t == nil {
		return
	}
	if t.typ == kwTrue || t.typ == kwFalse || t.typ == kwNone {
		p.mark++
		if b := p.expect(tEQUAL); b != nil {
			p.raiseRange(tokRng(t), tokRng(b), "cannot assign to %s", p.text(t))
			return
		}
	}
	p.mark = mark
	if a := p.name(); a != nil {
		if b := p.expect(tEQUAL); b != nil && p.expression() != nil && p.forIfClauses() != nil {
			p.raiseRange(nodeRng(a), tokRng(b), "invalid syntax. Maybe you meant '==' or ':=' instead of '='?")
			return
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return
	}
	isNameEq := p.name() != nil && p.expect(tEQUAL) != nil
	p.mark = mark
	if !isNameEq && !p.errorIndicator {
		if a := p.expression(); a != nil {
			if b := p.expect(tEQUAL); b != nil {
				p.raiseRange(nodeRng(a), tokRng(b), "expression cannot contain assignment, perhaps you meant \"==\"?")
				return
			}
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return
	}
	if a := p.expect(tDOUBLESTAR); a != nil && p.expression() != nil && p.expect(tEQUAL) != nil {
		if b := p.expression(); b != nil {
			p.raiseRange(tokRng(a), nodeRng(b), "cannot assign to keyword argument unpacking")
			return
		}
	}
	p.mark = mark
}

// invalid_legacy_expression: a=NAME !'(' b=star_expressions
func (p *parser) invalidLegacyExpression() {
	if !p.enter() {
		return
	}
	defer p.leave()
	mark := p.mark
	if a := p.name(); a != nil && !p.check(tLPAR) && !p.errorIndicator {
		if b := p.starExpressions(); b != nil {
			if isLegacyStmt(a) {
				p.raiseRange(nodeRng(a), nodeRng(b), "Missing parentheses in call to '%s'. Did you mean %s(...)?", a.ID, a.ID)
			}
			return
		}
	}
	p.mark = mark
}

// invalid_expression:
//
//	| !(NAME STRING | SOFT_KEYWORD) a=disjunction b=expression_without_invalid
//	| a=disjunction 'if' b=disjunction !('else'|':')
//	| a='lambda' [lambda_params] b=':' &FSTRING_MIDDLE
func (p *parser) invalidExpression() {
	if !p.enter() {
		return
	}
	defer p.leave()
	mark := p.mark
	if p.peek() == nil {
		return
	}
	// !(NAME STRING | SOFT_KEYWORD)
	blocked := false
	if p.expect(tNAME) != nil && p.check(tSTRING) {
		blocked = true
	}
	p.mark = mark
	if !blocked && p.softKeywordToken() != nil {
		blocked = true
	}
	p.mark = mark
	if !blocked && !p.errorIndicator {
		if a := p.disjunction(); a != nil {
			if b := p.expressionWithoutInvalid(); b != nil {
				if isLegacyStmt(a) || p.tokens[p.mark-1].level == 0 {
					return
				}
				p.raiseRange(nodeRng(a), nodeRng(b), "invalid syntax. Perhaps you forgot a comma?")
				return
			}
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return
	}
	if a := p.disjunction(); a != nil && p.expect(kwIf) != nil {
		if b := p.disjunction(); b != nil && !p.check(kwElse) && !p.check(tCOLON) && !p.errorIndicator {
			p.raiseRange(nodeRng(a), nodeRng(b), "expected 'else' after 'if' expression")
			return
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return
	}
	if a := p.expect(kwLambda); a != nil {
		m := p.mark
		if p.lambdaParams() == nil {
			p.mark = m
		}
		if b := p.expect(tCOLON); b != nil && !p.errorIndicator {
			if p.check(tFSTRING_MIDDLE) {
				p.raiseRange(tokRng(a), tokRng(b), "f-string: lambda expressions are not allowed without parentheses")
				return
			}
		}
	}
	p.mark = mark
}

// invalid_named_expression (memo):
//
//	| a=expression ':=' expression
//	| a=NAME '=' b=bitwise_or !('='|':=')
//	| !(list|tuple|genexp|'True'|'None'|'False') a=bitwise_or b='=' bitwise_or !('='|':=')
func (p *parser) invalidNamedExpression() {
	if !p.enter() {
		return
	}
	defer p.leave()
	start := p.mark
	if _, ok := p.memoGet(ruleInvalidNamedExpression); ok {
		return
	}
	p.invalidNamedExpressionRaw()
	if !p.errorIndicator {
		p.mark = start
		p.memoPut(start, ruleInvalidNamedExpression, nil)
	}
}

func (p *parser) invalidNamedExpressionRaw() {
	mark := p.mark
	if a := p.expression(); a != nil && p.expect(tCOLONEQUAL) != nil && p.expression() != nil {
		p.raiseKnownLocation(SyntaxErr, nodeRng(a), "cannot use assignment expressions with %s", exprName(a))
		return
	}
	p.mark = mark
	if p.errorIndicator {
		return
	}
	if a := p.name(); a != nil && p.expect(tEQUAL) != nil {
		if b := p.bitwiseOr(); b != nil && !p.check(tEQUAL) && !p.check(tCOLONEQUAL) && !p.errorIndicator {
			p.raiseRange(nodeRng(a), nodeRng(b), "invalid syntax. Maybe you meant '==' or ':=' instead of '='?")
			return
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return
	}
	// !(list|tuple|genexp|'True'|'None'|'False')
	blocked := false
	for _, f := range []func() ast.Expr{p.list, p.tuple, p.genexp} {
		if f() != nil {
			blocked = true
		}
		p.mark = mark
		if blocked || p.errorIndicator {
			break
		}
	}
	if p.errorIndicator {
		return
	}
	if !blocked {
		if t := p.peek(); t != nil && (t.typ == kwTrue || t.typ == kwNone || t.typ == kwFalse) {
			blocked = true
		}
	}
	if !blocked {
		if a := p.bitwiseOr(); a != nil && p.expect(tEQUAL) != nil {
			if p.bitwiseOr() != nil && !p.check(tEQUAL) && !p.check(tCOLONEQUAL) && !p.errorIndicator {
				p.raiseKnownLocation(SyntaxErr, nodeRng(a), "cannot assign to %s here. Maybe you meant '==' instead of '='?", exprName(a))
				return
			}
		}
	}
	p.mark = mark
}

// invalid_assignment:
//
//	| a=invalid_ann_assign_target ':' expression
//	| a=star_named_expression ',' star_named_expressions* ':' expression
//	| a=expression ':' expression
//	| (star_targets '=')* a=star_expressions '='
//	| (star_targets '=')* a=yield_expr '='
//	| a=star_expressions augassign (yield_expr | star_expressions)
func (p *parser) invalidAssignment() {
	if !p.enter() {
		return
	}
	defer p.leave()
	mark := p.mark
	if a := p.invalidAnnAssignTarget(); a != nil && p.expect(tCOLON) != nil && p.expression() != nil {
		p.raiseKnownLocation(SyntaxErr, nodeRng(a), "only single target (not %s) can be annotated", exprName(a))
		return
	}
	p.mark = mark
	if p.errorIndicator {
		return
	}
	if a := p.starNamedExpression(); a != nil && p.expect(tCOMMA) != nil {
		for {
			m := p.mark
			if p.starNamedExpressions() == nil {
				p.mark = m
				break
			}
		}
		if !p.errorIndicator && p.expect(tCOLON) != nil && p.expression() != nil {
			p.raiseKnownLocation(SyntaxErr, nodeRng(a), "only single target (not tuple) can be annotated")
			return
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return
	}
	if a := p.expression(); a != nil && p.expect(tCOLON) != nil && p.expression() != nil {
		p.raiseKnownLocation(SyntaxErr, nodeRng(a), "illegal target for annotation")
		return
	}
	p.mark = mark
	if p.errorIndicator {
		return
	}
	skipTargets := func() {
		for {
			m := p.mark
			if p.starTargets() == nil || p.expect(tEQUAL) == nil {
				p.mark = m
				return
			}
		}
	}
	skipTargets()
	if !p.errorIndicator {
		if a := p.starExpressions(); a != nil && p.expect(tEQUAL) != nil {
			p.raiseInvalidTarget(starTargets, a)
			return
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return
	}
	skipTargets()
	if !p.errorIndicator {
		if a := p.yieldExpr(); a != nil && p.expect(tEQUAL) != nil {
			p.raiseKnownLocation(SyntaxErr, nodeRng(a), "assignment to yield expression not possible")
			return
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return
	}
	if a := p.starExpressions(); a != nil {
		if _, ok := p.augassign(); ok {
			m := p.mark
			rhs := p.yieldExpr()
			if rhs == nil {
				p.mark = m
				if !p.errorIndicator {
					rhs = p.starExpressions()
				}
			}
			if rhs != nil {
				p.raiseKnownLocation(SyntaxErr, nodeRng(a), "'%s' is an illegal expression for augmented assignment", exprName(a))
				return
			}
		}
	}
	p.mark = mark
}

// invalid_ann_assign_target: list | tuple | '(' invalid_ann_assign_target ')'
func (p *parser) invalidAnnAssignTarget() ast.Expr {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if p.peek() == nil {
		return nil
	}
	if e := p.list(); e != nil {
		return e
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if e := p.tuple(); e != nil {
		return e
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if p.expect(tLPAR) != nil {
		if a := p.invalidAnnAssignTarget(); a != nil && p.expect(tRPAR) != nil {
			return a
		}
	}
	p.mark = mark
	return nil
}

// invalid_del_stmt: 'del' a=star_expressions
func (p *parser) invalidDelStmt() {
	if !p.enter() {
		return
	}
	defer p.leave()
	mark := p.mark
	if p.expect(kwDel) != nil {
		if a := p.starExpressions(); a != nil {
			p.raiseInvalidTarget(delTargets, a)
			return
		}
	}
	p.mark = mark
}

// invalid_block: NEWLINE !INDENT
func (p *parser) invalidBlock() {
	if !p.enter() {
		return
	}
	defer p.leave()
	mark := p.mark
	if p.expect(tNEWLINE) != nil && !p.check(tINDENT) && !p.errorIndicator {
		p.raise(IndentationErr, false, "expected an indented block")
		return
	}
	p.mark = mark
}

// invalid_comprehension:
//
//	| ('[' | '(' | '{') a=starred_expression for_if_clauses
//	| ('[' | '{') a=star_named_expression ',' b=star_named_expressions for_if_clauses
//	| ('[' | '{') a=star_named_expression b=',' for_if_clauses
func (p *parser) invalidComprehension() {
	if !p.enter() {
		return
	}
	defer p.leave()
	mark := p.mark
	open := func(paren bool) bool {
		t := p.peek()
		if t != nil && (t.typ == tLSQB || t.typ == tLBRACE || paren && t.typ == tLPAR) {
			p.mark++
			return true
		}
		return false
	}
	if open(true) {
		if a := p.starredExpression(); a != nil && p.forIfClauses() != nil {
			p.raiseKnownLocation(SyntaxErr, nodeRng(a), "iterable unpacking cannot be used in comprehension")
			return
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return
	}
	if open(false) {
		if a := p.starNamedExpression(); a != nil && p.expect(tCOMMA) != nil {
			if b := p.starNamedExpressions(); b != nil && p.forIfClauses() != nil {
				p.raiseRange(nodeRng(a), nodeRng(b[len(b)-1]), "did you forget parentheses around the comprehension target?")
				return
			}
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return
	}
	if open(false) {
		if a := p.starNamedExpression(); a != nil {
			if b := p.expect(tCOMMA); b != nil && p.forIfClauses() != nil {
				p.raiseRange(nodeRng(a), tokRng(b), "did you forget parentheses around the comprehension target?")
				return
			}
		}
	}
	p.mark = mark
}

// invalid_dict_comprehension: '{' a='**' bitwise_or for_if_clauses '}'
func (p *parser) invalidDictComprehension() {
	if !p.enter() {
		return
	}
	defer p.leave()
	mark := p.mark
	if p.expect(tLBRACE) != nil {
		if a := p.expect(tDOUBLESTAR); a != nil && p.bitwiseOr() != nil && p.forIfClauses() != nil && p.expect(tRBRACE) != nil {
			p.raiseKnownLocation(SyntaxErr, tokRng(a), "dict unpacking cannot be used in dict comprehension")
			return
		}
	}
	p.mark = mark
}

// paramSet bundles the parameter rules of functions or lambdas, which the
// invalid_parameters and invalid_lambda_parameters rules share.
type paramSet struct {
	slashNoDefault       func() ([]*ast.Arg, bool)
	slashWithDefault     func() *slashWithDefault
	paramNoDefault       func() *ast.Arg
	paramNoDefaultStar   func() []*ast.Arg
	paramWithDefaultStar func() []nameDefault
	paramMaybeDefault    func() (nameDefault, bool)
	paramMaybeDefaultSt  func() []nameDefault
	param                func() *ast.Arg
	lambda               bool
}

func (p *parser) funcParams() paramSet {
	return paramSet{p.slashNoDefault, p.slashWithDefault, p.paramNoDefault, p.paramNoDefaultStar,
		p.paramWithDefaultStar, p.paramMaybeDefault, p.paramMaybeDefaultStar, p.param, false}
}

func (p *parser) lambdaParamSet() paramSet {
	return paramSet{p.lambdaSlashNoDefault, p.lambdaSlashWithDefault, p.lambdaParamNoDefault, p.lambdaParamNoDefaultStar,
		p.lambdaParamWithDefaultStar, p.lambdaParamMaybeDefault, p.lambdaParamMaybeDefaultStar, p.lambdaParam, true}
}

// invalid_parameters (and invalid_lambda_parameters):
//
//	| a="/" ','
//	| (slash_no_default | slash_with_default) param_maybe_default* a='/'
//	| slash_no_default? param_no_default* invalid_parameters_helper a=param_no_default
//	| param_no_default* a='(' param_no_default+ ','? b=')'
//	| (slash_no_default | slash_with_default)? param_maybe_default* '*' (',' | param_no_default) param_maybe_default* a='/'
//	| param_maybe_default+ '/' a='*'
func (p *parser) invalidParameters() { p.invalidParams(p.funcParams()) }

func (p *parser) invalidLambdaParameters() { p.invalidParams(p.lambdaParamSet()) }

func (p *parser) invalidParams(ps paramSet) {
	if !p.enter() {
		return
	}
	defer p.leave()
	mark := p.mark
	reset := func() bool {
		p.mark = mark
		return !p.errorIndicator
	}
	if a := p.expect(tSLASH); a != nil && p.expect(tCOMMA) != nil {
		p.raiseKnownLocation(SyntaxErr, tokRng(a), "at least one argument must precede /")
		return
	}
	if !reset() {
		return
	}
	slashEither := func() bool {
		m := p.mark
		if _, ok := ps.slashNoDefault(); ok {
			return true
		}
		p.mark = m
		if p.errorIndicator {
			return false
		}
		if ps.slashWithDefault() != nil {
			return true
		}
		p.mark = m
		return false
	}
	if slashEither() {
		ps.paramMaybeDefaultSt()
		if a := p.expect(tSLASH); a != nil && !p.errorIndicator {
			p.raiseKnownLocation(SyntaxErr, tokRng(a), "/ may appear only once")
			return
		}
	}
	if !reset() {
		return
	}
	{
		m := p.mark
		if _, ok := ps.slashNoDefault(); !ok {
			p.mark = m
		}
		ps.paramNoDefaultStar()
		if !p.errorIndicator && p.invalidParametersHelper(ps) {
			if a := ps.paramNoDefault(); a != nil {
				p.raiseKnownLocation(SyntaxErr, nodeRng(a), "parameter without a default follows parameter with a default")
				return
			}
		}
	}
	if !reset() {
		return
	}
	ps.paramNoDefaultStar()
	if a := p.expect(tLPAR); a != nil {
		found := false
		if ps.lambda {
			// ','.lambda_param+
			if ps.param() != nil {
				found = true
				for {
					m := p.mark
					if p.expect(tCOMMA) == nil || ps.param() == nil {
						p.mark = m
						break
					}
				}
			}
		} else {
			found = len(ps.paramNoDefaultStar()) > 0
		}
		if found && !p.errorIndicator {
			p.expect(tCOMMA)
			if b := p.expect(tRPAR); b != nil {
				if ps.lambda {
					p.raiseRange(tokRng(a), tokRng(b), "Lambda expression parameters cannot be parenthesized")
				} else {
					p.raiseRange(tokRng(a), tokRng(b), "Function parameters cannot be parenthesized")
				}
				return
			}
		}
	}
	if !reset() {
		return
	}
	{
		m := p.mark
		if !slashEither() {
			p.mark = m
		}
		if !p.errorIndicator {
			ps.paramMaybeDefaultSt()
			if p.expect(tSTAR) != nil {
				ok := p.expect(tCOMMA) != nil
				if !ok && !p.errorIndicator {
					ok = ps.paramNoDefault() != nil
				}
				if ok {
					ps.paramMaybeDefaultSt()
					if a := p.expect(tSLASH); a != nil && !p.errorIndicator {
						p.raiseKnownLocation(SyntaxErr, tokRng(a), "/ must be ahead of *")
						return
					}
				}
			}
		}
	}
	if !reset() {
		return
	}
	if len(ps.paramMaybeDefaultSt()) > 0 && p.expect(tSLASH) != nil {
		if a := p.expect(tSTAR); a != nil {
			p.raiseKnownLocation(SyntaxErr, tokRng(a), "expected comma between / and *")
			return
		}
	}
	p.mark = mark
}

// invalid_parameters_helper: slash_with_default | param_with_default+
func (p *parser) invalidParametersHelper(ps paramSet) bool {
	m := p.mark
	if ps.slashWithDefault() != nil {
		return true
	}
	p.mark = m
	if p.errorIndicator {
		return false
	}
	if len(ps.paramWithDefaultStar()) > 0 {
		return true
	}
	p.mark = m
	return false
}

// invalid_default: a='=' &(')'|',')
func (p *parser) invalidDefault() {
	if !p.enter() {
		return
	}
	defer p.leave()
	mark := p.mark
	if a := p.expect(tEQUAL); a != nil && (p.check(tRPAR) || p.check(tCOMMA)) {
		p.raiseKnownLocation(SyntaxErr, tokRng(a), "expected default value expression")
		return
	}
	p.mark = mark
}

// invalid_star_etc:
//
//	| a='*' (')' | ',' (')' | '**'))
//	| '*' ',' TYPE_COMMENT
//	| '*' param a='='
//	| '*' (param_no_default | ',') param_maybe_default* a='*' (param_no_default | ',')
func (p *parser) invalidStarEtc() {
	if !p.enter() {
		return
	}
	defer p.leave()
	mark := p.mark
	if a := p.expect(tSTAR); a != nil {
		ok := p.expect(tRPAR) != nil
		if !ok {
			m := p.mark
			if p.expect(tCOMMA) != nil && (p.expect(tRPAR) != nil || p.expect(tDOUBLESTAR) != nil) {
				ok = true
			} else {
				p.mark = m
			}
		}
		if ok {
			p.raiseKnownLocation(SyntaxErr, tokRng(a), "named arguments must follow bare *")
			return
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return
	}
	if p.expect(tSTAR) != nil && p.expect(tCOMMA) != nil && p.expect(tTYPE_COMMENT) != nil {
		p.raise(SyntaxErr, false, "bare * has associated type comment")
		return
	}
	p.mark = mark
	if p.errorIndicator {
		return
	}
	if p.expect(tSTAR) != nil && p.param() != nil {
		if a := p.expect(tEQUAL); a != nil {
			p.raiseKnownLocation(SyntaxErr, tokRng(a), "var-positional argument cannot have default value")
			return
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return
	}
	p.starTwice(p.paramNoDefault, p.paramMaybeDefaultStar)
}

// starTwice is the shared last alternative of invalid_star_etc and
// invalid_lambda_star_etc.
func (p *parser) starTwice(noDefault func() *ast.Arg, maybeDefaults func() []nameDefault) {
	mark := p.mark
	nd := func() bool {
		m := p.mark
		if noDefault() != nil {
			return true
		}
		p.mark = m
		return !p.errorIndicator && p.expect(tCOMMA) != nil
	}
	if p.expect(tSTAR) != nil && nd() {
		maybeDefaults()
		if a := p.expect(tSTAR); a != nil && !p.errorIndicator && nd() {
			p.raiseKnownLocation(SyntaxErr, tokRng(a), "* argument may appear only once")
			return
		}
	}
	p.mark = mark
}

// invalid_kwds:
//
//	| '**' param a='='
//	| '**' param ',' a=param
//	| '**' param ',' a=('*'|'**'|'/')
func (p *parser) invalidKwds() { p.invalidKwdsWith(p.param) }

// invalid_lambda_kwds: as invalid_kwds, with lambda_param.
func (p *parser) invalidLambdaKwds() { p.invalidKwdsWith(p.lambdaParam) }

func (p *parser) invalidKwdsWith(param func() *ast.Arg) {
	if !p.enter() {
		return
	}
	defer p.leave()
	mark := p.mark
	if p.expect(tDOUBLESTAR) != nil && param() != nil {
		if a := p.expect(tEQUAL); a != nil {
			p.raiseKnownLocation(SyntaxErr, tokRng(a), "var-keyword argument cannot have default value")
			return
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return
	}
	if p.expect(tDOUBLESTAR) != nil && param() != nil && p.expect(tCOMMA) != nil {
		if a := param(); a != nil {
			p.raiseKnownLocation(SyntaxErr, nodeRng(a), "arguments cannot follow var-keyword argument")
			return
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return
	}
	if p.expect(tDOUBLESTAR) != nil && param() != nil && p.expect(tCOMMA) != nil {
		if t := p.peek(); t != nil && (t.typ == tSTAR || t.typ == tDOUBLESTAR || t.typ == tSLASH) {
			p.mark++
			p.raiseKnownLocation(SyntaxErr, tokRng(t), "arguments cannot follow var-keyword argument")
			return
		}
	}
	p.mark = mark
}

// invalid_lambda_star_etc:
//
//	| '*' (':' | ',' (':' | '**'))
//	| '*' lambda_param a='='
//	| '*' (lambda_param_no_default | ',') lambda_param_maybe_default* a='*' (lambda_param_no_default | ',')
func (p *parser) invalidLambdaStarEtc() {
	if !p.enter() {
		return
	}
	defer p.leave()
	mark := p.mark
	if p.expect(tSTAR) != nil {
		ok := p.expect(tCOLON) != nil
		if !ok {
			m := p.mark
			if p.expect(tCOMMA) != nil && (p.expect(tCOLON) != nil || p.expect(tDOUBLESTAR) != nil) {
				ok = true
			} else {
				p.mark = m
			}
		}
		if ok {
			p.raise(SyntaxErr, false, "named arguments must follow bare *")
			return
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return
	}
	if p.expect(tSTAR) != nil && p.lambdaParam() != nil {
		if a := p.expect(tEQUAL); a != nil {
			p.raiseKnownLocation(SyntaxErr, tokRng(a), "var-positional argument cannot have default value")
			return
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return
	}
	p.starTwice(p.lambdaParamNoDefault, p.lambdaParamMaybeDefaultStar)
}

// invalid_double_type_comments: TYPE_COMMENT NEWLINE TYPE_COMMENT NEWLINE INDENT
func (p *parser) invalidDoubleTypeComments() {
	if !p.enter() {
		return
	}
	defer p.leave()
	mark := p.mark
	if p.expect(tTYPE_COMMENT) != nil && p.expect(tNEWLINE) != nil && p.expect(tTYPE_COMMENT) != nil &&
		p.expect(tNEWLINE) != nil && p.expect(tINDENT) != nil {
		p.raise(SyntaxErr, false, "Cannot have two type comments on def")
		return
	}
	p.mark = mark
}

// invalid_with_item: expression 'as' a=expression &(',' | ')' | ':')
func (p *parser) invalidWithItem() {
	if !p.enter() {
		return
	}
	defer p.leave()
	mark := p.mark
	if p.expression() != nil && p.expect(kwAs) != nil {
		if a := p.expression(); a != nil && (p.check(tCOMMA) || p.check(tRPAR) || p.check(tCOLON)) {
			p.raiseInvalidTarget(starTargets, a)
			return
		}
	}
	p.mark = mark
}

// invalidForIfClause is the third alternative of for_if_clause (3.13 writes it
// out there): 'async'? 'for' (bitwise_or (',' bitwise_or)* [',']) !'in'
func (p *parser) invalidForIfClause() {
	if !p.enter() {
		return
	}
	defer p.leave()
	mark := p.mark
	p.expect(kwAsync)
	if p.expect(kwFor) != nil && p.bitwiseOr() != nil {
		for {
			m := p.mark
			if p.expect(tCOMMA) == nil || p.bitwiseOr() == nil {
				p.mark = m
				break
			}
		}
		p.expect(tCOMMA)
		if !p.check(kwIn) && !p.errorIndicator {
			p.raise(SyntaxErr, false, "'in' expected after for-loop variables")
			return
		}
	}
	p.mark = mark
}

// invalid_for_target: 'async'? 'for' a=star_expressions
func (p *parser) invalidForTarget() {
	if !p.enter() {
		return
	}
	defer p.leave()
	mark := p.mark
	p.expect(kwAsync)
	if p.expect(kwFor) != nil {
		if a := p.starExpressions(); a != nil {
			p.raiseInvalidTarget(forTargets, a)
			return
		}
	}
	p.mark = mark
}

// invalid_group: '(' a=starred_expression ')' | '(' a='**' expression ')'
func (p *parser) invalidGroup() {
	if !p.enter() {
		return
	}
	defer p.leave()
	mark := p.mark
	if p.expect(tLPAR) != nil {
		if a := p.starredExpression(); a != nil && p.expect(tRPAR) != nil {
			p.raiseKnownLocation(SyntaxErr, nodeRng(a), "cannot use starred expression here")
			return
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return
	}
	if p.expect(tLPAR) != nil {
		if a := p.expect(tDOUBLESTAR); a != nil && p.expression() != nil && p.expect(tRPAR) != nil {
			p.raiseKnownLocation(SyntaxErr, tokRng(a), "cannot use double starred expression here")
			return
		}
	}
	p.mark = mark
}

// invalid_import:
//
//	| a='import' ','.dotted_name+ 'from' dotted_name
//	| 'import' token=NEWLINE
func (p *parser) invalidImport() {
	if !p.enter() {
		return
	}
	defer p.leave()
	mark := p.mark
	if a := p.expect(kwImport); a != nil && p.dottedName() != nil {
		for {
			m := p.mark
			if p.expect(tCOMMA) == nil || p.dottedName() == nil {
				p.mark = m
				break
			}
		}
		if !p.errorIndicator && p.expect(kwFrom) != nil && p.dottedName() != nil {
			p.raiseStartingFrom(tokRng(a), "Did you mean to use 'from ... import ...' instead?")
			return
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return
	}
	if p.expect(kwImport) != nil {
		if t := p.expect(tNEWLINE); t != nil {
			p.raiseStartingFrom(tokRng(t), "Expected one or more names after 'import'")
			return
		}
	}
	p.mark = mark
}

// invalid_import_from_targets:
//
//	| import_from_as_names ',' NEWLINE
//	| token=NEWLINE
func (p *parser) invalidImportFromTargets() {
	if !p.enter() {
		return
	}
	defer p.leave()
	mark := p.mark
	if p.importFromAsNames() != nil && p.expect(tCOMMA) != nil && p.expect(tNEWLINE) != nil {
		p.raise(SyntaxErr, false, "trailing comma not allowed without surrounding parentheses")
		return
	}
	p.mark = mark
	if p.errorIndicator {
		return
	}
	if t := p.expect(tNEWLINE); t != nil {
		p.raiseStartingFrom(tokRng(t), "Expected one or more names after 'import'")
		return
	}
	p.mark = mark
}

// withItemsLoose parses ','.(expression ['as' star_target])+ (or, with
// plural, ','.(expressions ['as' star_target])+).
func (p *parser) withItemsLoose(plural bool) bool {
	item := func() bool {
		var e ast.Expr
		if plural {
			e = p.expressions()
		} else {
			e = p.expression()
		}
		if e == nil {
			return false
		}
		m := p.mark
		if p.expect(kwAs) == nil || p.starTarget() == nil {
			p.mark = m
		}
		return !p.errorIndicator
	}
	if !item() {
		return false
	}
	for {
		m := p.mark
		if p.expect(tCOMMA) == nil || !item() {
			p.mark = m
			break
		}
	}
	return !p.errorIndicator
}

// invalid_with_stmt:
//
//	| ['async'] 'with' ','.(expression ['as' star_target])+ NEWLINE
//	| ['async'] 'with' '(' ','.(expressions ['as' star_target])+ ','? ')' NEWLINE
func (p *parser) invalidWithStmt() {
	if !p.enter() {
		return
	}
	defer p.leave()
	mark := p.mark
	p.expect(kwAsync)
	if p.expect(kwWith) != nil && p.withItemsLoose(false) && p.expect(tNEWLINE) != nil {
		p.raise(SyntaxErr, false, "expected ':'")
		return
	}
	p.mark = mark
	if p.errorIndicator {
		return
	}
	p.expect(kwAsync)
	if p.expect(kwWith) != nil && p.expect(tLPAR) != nil && p.withItemsLoose(true) {
		p.expect(tCOMMA)
		if p.expect(tRPAR) != nil && p.expect(tNEWLINE) != nil {
			p.raise(SyntaxErr, false, "expected ':'")
			return
		}
	}
	p.mark = mark
}

// invalid_with_stmt_indent:
//
//	| ['async'] a='with' ','.(expression ['as' star_target])+ ':' NEWLINE !INDENT
//	| ['async'] a='with' '(' ','.(expressions ['as' star_target])+ ','? ')' ':' NEWLINE !INDENT
func (p *parser) invalidWithStmtIndent() {
	if !p.enter() {
		return
	}
	defer p.leave()
	mark := p.mark
	p.expect(kwAsync)
	if a := p.expect(kwWith); a != nil && p.withItemsLoose(false) && p.expect(tCOLON) != nil && p.expect(tNEWLINE) != nil &&
		!p.check(tINDENT) && !p.errorIndicator {
		p.raise(IndentationErr, false, "expected an indented block after 'with' statement on line %d", a.lineno)
		return
	}
	p.mark = mark
	if p.errorIndicator {
		return
	}
	p.expect(kwAsync)
	if a := p.expect(kwWith); a != nil && p.expect(tLPAR) != nil && p.withItemsLoose(true) {
		p.expect(tCOMMA)
		if p.expect(tRPAR) != nil && p.expect(tCOLON) != nil && p.expect(tNEWLINE) != nil && !p.check(tINDENT) && !p.errorIndicator {
			p.raise(IndentationErr, false, "expected an indented block after 'with' statement on line %d", a.lineno)
			return
		}
	}
	p.mark = mark
}

// invalid_try_stmt:
//
//	| a='try' ':' NEWLINE !INDENT
//	| 'try' ':' block !('except' | 'finally')
//	| 'try' ':' block* except_block+ a='except' b='*' expression ['as' NAME] ':'
//	| 'try' ':' block* except_star_block+ a='except' [expression ['as' NAME]] ':'
func (p *parser) invalidTryStmt() {
	if !p.enter() {
		return
	}
	defer p.leave()
	mark := p.mark
	if a := p.expect(kwTry); a != nil && p.expect(tCOLON) != nil && p.expect(tNEWLINE) != nil && !p.check(tINDENT) && !p.errorIndicator {
		p.raise(IndentationErr, false, "expected an indented block after 'try' statement on line %d", a.lineno)
		return
	}
	p.mark = mark
	if p.errorIndicator {
		return
	}
	if p.expect(kwTry) != nil && p.expect(tCOLON) != nil {
		if _, ok := p.block(); ok && !p.check(kwExcept) && !p.check(kwFinally) && !p.errorIndicator {
			p.raise(SyntaxErr, false, "expected 'except' or 'finally' block")
			return
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return
	}
	blocks := func() {
		for {
			m := p.mark
			if _, ok := p.block(); !ok {
				p.mark = m
				return
			}
		}
	}
	handlers := func(star bool) bool {
		n := 0
		for {
			m := p.mark
			var h *ast.ExceptHandler
			if star {
				h = p.exceptStarBlock()
			} else {
				h = p.exceptBlock()
			}
			if h == nil {
				p.mark = m
				return n > 0 && !p.errorIndicator
			}
			n++
		}
	}
	if p.expect(kwTry) != nil && p.expect(tCOLON) != nil {
		blocks()
		if !p.errorIndicator && handlers(false) {
			if a := p.expect(kwExcept); a != nil {
				if b := p.expect(tSTAR); b != nil && p.expression() != nil {
					p.optAsName()
					if p.expect(tCOLON) != nil {
						p.raiseRange(tokRng(a), tokRng(b), "cannot have both 'except' and 'except*' on the same 'try'")
						return
					}
				}
			}
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return
	}
	if p.expect(kwTry) != nil && p.expect(tCOLON) != nil {
		blocks()
		if !p.errorIndicator && handlers(true) {
			if a := p.expect(kwExcept); a != nil {
				m := p.mark
				if p.expression() != nil {
					p.optAsName()
				} else {
					p.mark = m
				}
				if !p.errorIndicator && p.expect(tCOLON) != nil {
					p.raiseKnownLocation(SyntaxErr, tokRng(a), "cannot have both 'except' and 'except*' on the same 'try'")
					return
				}
			}
		}
	}
	p.mark = mark
}

// invalid_except_stmt:
//
//	| 'except' '*'? a=expression ',' expressions ['as' NAME ] ':'
//	| a='except' '*'? expression ['as' NAME ] NEWLINE
//	| a='except' NEWLINE
//	| a='except' '*' (NEWLINE | ':')
func (p *parser) invalidExceptStmt() {
	if !p.enter() {
		return
	}
	defer p.leave()
	mark := p.mark
	if p.expect(kwExcept) != nil {
		p.expect(tSTAR)
		if a := p.expression(); a != nil && p.expect(tCOMMA) != nil && p.expressions() != nil {
			p.optAsName()
			if !p.errorIndicator && p.expect(tCOLON) != nil {
				p.raiseStartingFrom(nodeRng(a), "multiple exception types must be parenthesized")
				return
			}
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return
	}
	if p.expect(kwExcept) != nil {
		p.expect(tSTAR)
		if p.expression() != nil {
			p.optAsName()
			if !p.errorIndicator && p.expect(tNEWLINE) != nil {
				p.raise(SyntaxErr, false, "expected ':'")
				return
			}
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return
	}
	if p.expect(kwExcept) != nil && p.expect(tNEWLINE) != nil {
		p.raise(SyntaxErr, false, "expected ':'")
		return
	}
	p.mark = mark
	if p.errorIndicator {
		return
	}
	if p.expect(kwExcept) != nil && p.expect(tSTAR) != nil && (p.expect(tNEWLINE) != nil || p.expect(tCOLON) != nil) {
		p.raise(SyntaxErr, false, "expected one or more exception types")
		return
	}
	p.mark = mark
}

// invalid_finally_stmt: a='finally' ':' NEWLINE !INDENT
func (p *parser) invalidFinallyStmt() {
	p.invalidIndentAfter(kwFinally, "'finally' statement")
}

// invalidIndentAfter matches a=KW ':' NEWLINE !INDENT.
func (p *parser) invalidIndentAfter(kw tokType, what string) {
	if !p.enter() {
		return
	}
	defer p.leave()
	mark := p.mark
	if a := p.expect(kw); a != nil && p.expect(tCOLON) != nil && p.expect(tNEWLINE) != nil && !p.check(tINDENT) && !p.errorIndicator {
		p.raise(IndentationErr, false, "expected an indented block after %s on line %d", what, a.lineno)
		return
	}
	p.mark = mark
}

// invalid_except_stmt_indent:
//
//	| a='except' expression ['as' NAME ] ':' NEWLINE !INDENT
//	| a='except' ':' NEWLINE !INDENT
func (p *parser) invalidExceptStmtIndent() {
	if !p.enter() {
		return
	}
	defer p.leave()
	mark := p.mark
	if a := p.expect(kwExcept); a != nil && p.expression() != nil {
		p.optAsName()
		if !p.errorIndicator && p.expect(tCOLON) != nil && p.expect(tNEWLINE) != nil && !p.check(tINDENT) && !p.errorIndicator {
			p.raise(IndentationErr, false, "expected an indented block after 'except' statement on line %d", a.lineno)
			return
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return
	}
	p.invalidIndentAfter(kwExcept, "'except' statement")
}

// invalid_except_star_stmt_indent: a='except' '*' expression ['as' NAME ] ':' NEWLINE !INDENT
func (p *parser) invalidExceptStarStmtIndent() {
	if !p.enter() {
		return
	}
	defer p.leave()
	mark := p.mark
	if a := p.expect(kwExcept); a != nil && p.expect(tSTAR) != nil && p.expression() != nil {
		p.optAsName()
		if !p.errorIndicator && p.expect(tCOLON) != nil && p.expect(tNEWLINE) != nil && !p.check(tINDENT) && !p.errorIndicator {
			p.raise(IndentationErr, false, "expected an indented block after 'except*' statement on line %d", a.lineno)
			return
		}
	}
	p.mark = mark
}

// invalid_match_stmt:
//
//	| "match" subject_expr NEWLINE
//	| a="match" subject=subject_expr ':' NEWLINE !INDENT
func (p *parser) invalidMatchStmt() {
	if !p.enter() {
		return
	}
	defer p.leave()
	mark := p.mark
	if p.expectSoftKeyword("match") != nil && p.subjectExpr() != nil && p.expect(tNEWLINE) != nil {
		p.raise(SyntaxErr, false, "expected ':'")
		return
	}
	p.mark = mark
	if p.errorIndicator {
		return
	}
	if a := p.expectSoftKeyword("match"); a != nil && p.subjectExpr() != nil && p.expect(tCOLON) != nil &&
		p.expect(tNEWLINE) != nil && !p.check(tINDENT) && !p.errorIndicator {
		p.raise(IndentationErr, false, "expected an indented block after 'match' statement on line %d", a.Lineno)
		return
	}
	p.mark = mark
}

// invalid_case_block:
//
//	| "case" patterns guard? NEWLINE
//	| a="case" patterns guard? ':' NEWLINE !INDENT
func (p *parser) invalidCaseBlock() {
	if !p.enter() {
		return
	}
	defer p.leave()
	mark := p.mark
	if p.expectSoftKeyword("case") != nil && p.patterns() != nil {
		p.guard()
		if !p.errorIndicator && p.expect(tNEWLINE) != nil {
			p.raise(SyntaxErr, false, "expected ':'")
			return
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return
	}
	if a := p.expectSoftKeyword("case"); a != nil && p.patterns() != nil {
		p.guard()
		if !p.errorIndicator && p.expect(tCOLON) != nil && p.expect(tNEWLINE) != nil && !p.check(tINDENT) && !p.errorIndicator {
			p.raise(IndentationErr, false, "expected an indented block after 'case' statement on line %d", a.Lineno)
			return
		}
	}
	p.mark = mark
}

// invalid_as_pattern:
//
//	| or_pattern 'as' a="_"
//	| or_pattern 'as' !NAME a=expression
func (p *parser) invalidAsPattern() {
	if !p.enter() {
		return
	}
	defer p.leave()
	mark := p.mark
	if p.orPattern() != nil && p.expect(kwAs) != nil {
		if a := p.expectSoftKeyword("_"); a != nil {
			p.raiseKnownLocation(SyntaxErr, nodeRng(a), "cannot use '_' as a target")
			return
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return
	}
	if p.orPattern() != nil && p.expect(kwAs) != nil && !p.check(tNAME) && !p.errorIndicator {
		if a := p.expression(); a != nil {
			p.raiseKnownLocation(SyntaxErr, nodeRng(a), "invalid pattern target")
			return
		}
	}
	p.mark = mark
}

// invalid_class_pattern: name_or_attr '(' a=invalid_class_argument_pattern
func (p *parser) invalidClassPattern() {
	if !p.enter() {
		return
	}
	defer p.leave()
	mark := p.mark
	if p.nameOrAttr() != nil && p.expect(tLPAR) != nil {
		if a := p.invalidClassArgumentPattern(); a != nil {
			p.raiseRange(nodeRng(a[0]), nodeRng(a[len(a)-1]), "positional patterns follow keyword patterns")
			return
		}
	}
	p.mark = mark
}

// invalid_class_argument_pattern: [positional_patterns ','] keyword_patterns ',' a=positional_patterns
func (p *parser) invalidClassArgumentPattern() []ast.Pattern {
	mark := p.mark
	m := p.mark
	if p.positionalPatterns() == nil || p.expect(tCOMMA) == nil {
		p.mark = m
	}
	if !p.errorIndicator && p.keywordPatterns() != nil && p.expect(tCOMMA) != nil {
		if a := p.positionalPatterns(); a != nil {
			return a
		}
	}
	p.mark = mark
	return nil
}

// invalid_if_stmt:
//
//	| 'if' named_expression NEWLINE
//	| a='if' a=named_expression ':' NEWLINE !INDENT
func (p *parser) invalidIfStmt() {
	if !p.enter() {
		return
	}
	defer p.leave()
	mark := p.mark
	if p.expect(kwIf) != nil && p.namedExpression() != nil && p.expect(tNEWLINE) != nil {
		p.raise(SyntaxErr, false, "expected ':'")
		return
	}
	p.mark = mark
	if p.errorIndicator {
		return
	}
	if p.expect(kwIf) != nil {
		// CPython's rule binds a to the condition, so the line is the
		// condition's.
		if a := p.namedExpression(); a != nil && p.expect(tCOLON) != nil && p.expect(tNEWLINE) != nil && !p.check(tINDENT) && !p.errorIndicator {
			p.raise(IndentationErr, false, "expected an indented block after 'if' statement on line %d", nodeRng(a).l)
			return
		}
	}
	p.mark = mark
}

// invalid_elif_stmt:
//
//	| 'elif' named_expression NEWLINE
//	| a='elif' named_expression ':' NEWLINE !INDENT
func (p *parser) invalidElifStmt() { p.invalidCondStmt(kwElif, "'elif' statement") }

// invalid_while_stmt:
//
//	| 'while' named_expression NEWLINE
//	| a='while' named_expression ':' NEWLINE !INDENT
func (p *parser) invalidWhileStmt() { p.invalidCondStmt(kwWhile, "'while' statement") }

func (p *parser) invalidCondStmt(kw tokType, what string) {
	if !p.enter() {
		return
	}
	defer p.leave()
	mark := p.mark
	if p.expect(kw) != nil && p.namedExpression() != nil && p.expect(tNEWLINE) != nil {
		p.raise(SyntaxErr, false, "expected ':'")
		return
	}
	p.mark = mark
	if p.errorIndicator {
		return
	}
	if a := p.expect(kw); a != nil && p.namedExpression() != nil && p.expect(tCOLON) != nil && p.expect(tNEWLINE) != nil &&
		!p.check(tINDENT) && !p.errorIndicator {
		p.raise(IndentationErr, false, "expected an indented block after %s on line %d", what, a.lineno)
		return
	}
	p.mark = mark
}

// invalid_else_stmt: a='else' ':' NEWLINE !INDENT
func (p *parser) invalidElseStmt() { p.invalidIndentAfter(kwElse, "'else' statement") }

// invalid_for_stmt:
//
//	| ['async'] 'for' star_targets 'in' star_expressions NEWLINE
//	| ['async'] a='for' star_targets 'in' star_expressions ':' NEWLINE !INDENT
func (p *parser) invalidForStmt() {
	if !p.enter() {
		return
	}
	defer p.leave()
	mark := p.mark
	p.expect(kwAsync)
	if p.expect(kwFor) != nil && p.starTargets() != nil && p.expect(kwIn) != nil && p.starExpressions() != nil && p.expect(tNEWLINE) != nil {
		p.raise(SyntaxErr, false, "expected ':'")
		return
	}
	p.mark = mark
	if p.errorIndicator {
		return
	}
	p.expect(kwAsync)
	if a := p.expect(kwFor); a != nil && p.starTargets() != nil && p.expect(kwIn) != nil && p.starExpressions() != nil &&
		p.expect(tCOLON) != nil && p.expect(tNEWLINE) != nil && !p.check(tINDENT) && !p.errorIndicator {
		p.raise(IndentationErr, false, "expected an indented block after 'for' statement on line %d", a.lineno)
		return
	}
	p.mark = mark
}

// invalid_def_raw:
//
//	| ['async'] a='def' NAME [type_params] '(' [params] ')' ['->' expression] ':' NEWLINE !INDENT
//	| ['async'] 'def' NAME [type_params] &&'(' [params] ')' ['->' expression] &&':' [func_type_comment] block
func (p *parser) invalidDefRaw() {
	if !p.enter() {
		return
	}
	defer p.leave()
	mark := p.mark
	p.expect(kwAsync)
	if a := p.expect(kwDef); a != nil && p.name() != nil {
		p.typeParams()
		if !p.errorIndicator && p.expect(tLPAR) != nil {
			p.params()
			if !p.errorIndicator && p.expect(tRPAR) != nil {
				m := p.mark
				if p.expect(tRARROW) == nil || p.expression() == nil {
					p.mark = m
				}
				if !p.errorIndicator && p.expect(tCOLON) != nil && p.expect(tNEWLINE) != nil && !p.check(tINDENT) && !p.errorIndicator {
					p.raise(IndentationErr, false, "expected an indented block after function definition on line %d", a.lineno)
					return
				}
			}
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return
	}
	p.expect(kwAsync)
	if p.expect(kwDef) != nil && p.name() != nil {
		p.typeParams()
		if p.errorIndicator || p.expectForced(tLPAR, "(") == nil {
			return
		}
		p.params()
		if !p.errorIndicator && p.expect(tRPAR) != nil {
			m := p.mark
			if p.expect(tRARROW) == nil || p.expression() == nil {
				p.mark = m
			}
			if p.errorIndicator || p.expectForced(tCOLON, ":") == nil {
				return
			}
			p.funcTypeComment()
			if !p.errorIndicator {
				p.block()
			}
		}
	}
	p.mark = mark
}

// invalid_class_def_raw:
//
//	| 'class' NAME [type_params] ['(' [arguments] ')'] NEWLINE
//	| a='class' NAME [type_params] ['(' [arguments] ')'] ':' NEWLINE !INDENT
func (p *parser) invalidClassDefRaw() {
	if !p.enter() {
		return
	}
	defer p.leave()
	mark := p.mark
	head := func() *token {
		a := p.expect(kwClass)
		if a == nil || p.name() == nil {
			return nil
		}
		p.typeParams()
		if p.errorIndicator {
			return nil
		}
		m := p.mark
		if p.expect(tLPAR) != nil {
			p.arguments()
			if p.errorIndicator {
				return nil
			}
			if p.expect(tRPAR) == nil {
				p.mark = m
			}
		}
		return a
	}
	if head() != nil && p.expect(tNEWLINE) != nil {
		p.raise(SyntaxErr, false, "expected ':'")
		return
	}
	p.mark = mark
	if p.errorIndicator {
		return
	}
	if a := head(); a != nil && p.expect(tCOLON) != nil && p.expect(tNEWLINE) != nil && !p.check(tINDENT) && !p.errorIndicator {
		p.raise(IndentationErr, false, "expected an indented block after class definition on line %d", a.lineno)
		return
	}
	p.mark = mark
}

// invalid_double_starred_kvpairs (after the '{'):
//
//	| ','.double_starred_kvpair+ ',' invalid_kvpair
//	| expression ':' a='*' bitwise_or
//	| expression a=':' &('}'|',')
func (p *parser) invalidDoubleStarredKVPairs() {
	if !p.enter() {
		return
	}
	defer p.leave()
	mark := p.mark
	if _, ok := p.doubleStarredKVPair(); ok {
		for {
			m := p.mark
			if p.expect(tCOMMA) == nil {
				break
			}
			if _, ok := p.doubleStarredKVPair(); !ok {
				p.mark = m
				break
			}
		}
		if !p.errorIndicator && p.expect(tCOMMA) != nil {
			p.invalidKVPair()
			if p.errorIndicator {
				return
			}
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return
	}
	if p.expression() != nil && p.expect(tCOLON) != nil {
		if a := p.expect(tSTAR); a != nil && p.bitwiseOr() != nil {
			p.raiseStartingFrom(tokRng(a), "cannot use a starred expression in a dictionary value")
			return
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return
	}
	if p.expression() != nil {
		if a := p.expect(tCOLON); a != nil && (p.check(tRBRACE) || p.check(tCOMMA)) {
			p.raiseKnownLocation(SyntaxErr, tokRng(a), "expression expected after dictionary key and ':'")
			return
		}
	}
	p.mark = mark
}

// invalid_kvpair:
//
//	| a=expression !(':')
//	| expression ':' a='*' bitwise_or
//	| expression a=':' &('}'|',')
func (p *parser) invalidKVPair() {
	if !p.enter() {
		return
	}
	defer p.leave()
	mark := p.mark
	if a := p.expression(); a != nil && !p.check(tCOLON) && !p.errorIndicator {
		r := nodeRng(a)
		p.raiseKnown(SyntaxErr, r.l, r.ec-1, r.el, -1, "':' expected after dictionary key")
		return
	}
	p.mark = mark
	if p.errorIndicator {
		return
	}
	if p.expression() != nil && p.expect(tCOLON) != nil {
		if a := p.expect(tSTAR); a != nil && p.bitwiseOr() != nil {
			p.raiseStartingFrom(tokRng(a), "cannot use a starred expression in a dictionary value")
			return
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return
	}
	if p.expression() != nil {
		if a := p.expect(tCOLON); a != nil && (p.check(tRBRACE) || p.check(tCOMMA)) {
			p.raiseKnownLocation(SyntaxErr, tokRng(a), "expression expected after dictionary key and ':'")
			return
		}
	}
	p.mark = mark
}

// invalid_starred_expression: a='*' expression '=' b=expression
func (p *parser) invalidStarredExpression() {
	if !p.enter() {
		return
	}
	defer p.leave()
	mark := p.mark
	if a := p.expect(tSTAR); a != nil && p.expression() != nil && p.expect(tEQUAL) != nil {
		if b := p.expression(); b != nil {
			p.raiseRange(tokRng(a), nodeRng(b), "cannot assign to iterable argument unpacking")
			return
		}
	}
	p.mark = mark
}

// invalid_replacement_field:
//
//	| '{' a='='
//	| '{' a='!'
//	| '{' a=':'
//	| '{' a='}'
//	| '{' !annotated_rhs
//	| '{' annotated_rhs !('=' | '!' | ':' | '}')
//	| '{' annotated_rhs '=' !('!' | ':' | '}')
//	| '{' annotated_rhs '='? invalid_conversion_character
//	| '{' annotated_rhs '='? ['!' NAME] !(':' | '}')
//	| '{' annotated_rhs '='? ['!' NAME] ':' fstring_format_spec* !'}'
//	| '{' annotated_rhs '='? ['!' NAME] !'}'
func (p *parser) invalidReplacementField() {
	if !p.enter() {
		return
	}
	defer p.leave()
	mark := p.mark
	if p.expect(tLBRACE) == nil {
		return
	}
	afterBrace := p.mark
	if t := p.peek(); t != nil {
		var what string
		switch t.typ {
		case tEQUAL:
			what = "="
		case tEXCLAMATION:
			what = "!"
		case tCOLON:
			what = ":"
		case tRBRACE:
			what = "}"
		}
		if what != "" {
			p.mark++
			p.raiseKnownLocation(SyntaxErr, tokRng(t), "f-string: valid expression required before '%s'", what)
			return
		}
	}
	if p.errorIndicator {
		return
	}
	if p.annotatedRHS() == nil && !p.errorIndicator {
		p.mark = afterBrace
		p.raise(SyntaxErr, true, "f-string: expecting a valid expression after '{'")
		return
	}
	if p.errorIndicator {
		return
	}
	afterRHS := p.mark
	next := func(types ...tokType) bool {
		t := p.peek()
		if t == nil {
			return false
		}
		for _, typ := range types {
			if t.typ == typ {
				return true
			}
		}
		return false
	}
	if !next(tEQUAL, tEXCLAMATION, tCOLON, tRBRACE) && !p.errorIndicator {
		p.raise(SyntaxErr, true, "f-string: expecting '=', or '!', or ':', or '}'")
		return
	}
	if p.expect(tEQUAL) != nil && !next(tEXCLAMATION, tCOLON, tRBRACE) && !p.errorIndicator {
		p.raise(SyntaxErr, true, "f-string: expecting '!', or ':', or '}'")
		return
	}
	p.mark = afterRHS
	if p.errorIndicator {
		return
	}
	p.expect(tEQUAL)
	if p.invalidConversionCharacter() || p.errorIndicator {
		return
	}
	p.mark = afterRHS
	p.expect(tEQUAL)
	m := p.mark
	if p.expect(tEXCLAMATION) == nil || p.name() == nil {
		p.mark = m
	}
	afterConv := p.mark
	if !next(tCOLON, tRBRACE) && !p.errorIndicator {
		p.raise(SyntaxErr, true, "f-string: expecting ':' or '}'")
		return
	}
	if p.expect(tCOLON) != nil {
		for {
			m := p.mark
			if p.fstringFormatSpec() == nil {
				p.mark = m
				break
			}
		}
		if !p.errorIndicator && !next(tRBRACE) && !p.errorIndicator {
			p.raise(SyntaxErr, true, "f-string: expecting '}', or format specs")
			return
		}
	}
	p.mark = afterConv
	if p.errorIndicator {
		return
	}
	if !next(tRBRACE) && !p.errorIndicator {
		p.raise(SyntaxErr, true, "f-string: expecting '}'")
		return
	}
	p.mark = mark
}

// invalid_conversion_character:
//
//	| '!' &(':' | '}')
//	| '!' !NAME
func (p *parser) invalidConversionCharacter() bool {
	mark := p.mark
	if p.expect(tEXCLAMATION) != nil {
		if p.check(tCOLON) || p.check(tRBRACE) {
			p.raise(SyntaxErr, true, "f-string: missing conversion character")
			return true
		}
		if !p.check(tNAME) && !p.errorIndicator {
			p.raise(SyntaxErr, true, "f-string: invalid conversion character")
			return true
		}
	}
	p.mark = mark
	return false
}

// invalid_arithmetic: sum ('+'|'-'|'*'|'/'|'%'|'//'|'@') a='not' b=inversion
func (p *parser) invalidArithmetic() {
	if !p.enter() {
		return
	}
	defer p.leave()
	mark := p.mark
	if p.sum() != nil {
		if t := p.peek(); t != nil {
			switch t.typ {
			case tPLUS, tMINUS, tSTAR, tSLASH, tPERCENT, tDOUBLESLASH, tAT:
				p.mark++
				if a := p.expect(kwNot); a != nil {
					if b := p.inversion(); b != nil {
						p.raiseRange(tokRng(a), nodeRng(b), "'not' after an operator must be parenthesized")
						return
					}
				}
			}
		}
	}
	p.mark = mark
}

// invalid_factor: ('+' | '-' | '~') a='not' b=factor
func (p *parser) invalidFactor() {
	if !p.enter() {
		return
	}
	defer p.leave()
	mark := p.mark
	if t := p.peek(); t != nil && (t.typ == tPLUS || t.typ == tMINUS || t.typ == tTILDE) {
		p.mark++
		if a := p.expect(kwNot); a != nil {
			if b := p.factor(); b != nil {
				p.raiseRange(tokRng(a), nodeRng(b), "'not' after an operator must be parenthesized")
				return
			}
		}
	}
	p.mark = mark
}

// invalid_type_params: '[' token=']'
func (p *parser) invalidTypeParams() {
	if !p.enter() {
		return
	}
	defer p.leave()
	mark := p.mark
	if p.expect(tLSQB) != nil {
		if t := p.expect(tRSQB); t != nil {
			p.raiseStartingFrom(tokRng(t), "Type parameter list cannot be empty")
			return
		}
	}
	p.mark = mark
}

// invalid_type_param:
//
//	| '*' a=NAME colon=':' e=expression
//	| '**' a=NAME colon=':' e=expression
func (p *parser) invalidTypeParam() {
	if !p.enter() {
		return
	}
	defer p.leave()
	mark := p.mark
	for _, star := range []tokType{tSTAR, tDOUBLESTAR} {
		p.mark = mark
		if p.errorIndicator {
			return
		}
		if p.expect(star) != nil && p.name() != nil {
			if colon := p.expect(tCOLON); colon != nil {
				if e := p.expression(); e != nil {
					_, isTuple := e.(*ast.Tuple)
					kind := "TypeVarTuple"
					if star == tDOUBLESTAR {
						kind = "ParamSpec"
					}
					if isTuple {
						p.raiseStartingFrom(tokRng(colon), "cannot use constraints with %s", kind)
					} else {
						p.raiseStartingFrom(tokRng(colon), "cannot use bound with %s", kind)
					}
					return
				}
			}
		}
	}
	p.mark = mark
}
