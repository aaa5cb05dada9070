package parser

import (
	"github.com/peephole-lsp/peephole/internal/pyconst"
	"github.com/peephole-lsp/peephole/parser/ast"
)

// This file holds the statement rules of the grammar, in the order of
// CPython 3.13's Grammar/python.gram. Each rule's comment gives its grammar.

// Memoized rules.
const (
	ruleNone ruleID = iota
	ruleSimpleStmt
	ruleBlock
	ruleExpression
	ruleStarExpression
	ruleDisjunction
	ruleConjunction
	ruleInversion
	ruleBitwiseOr
	ruleBitwiseXor
	ruleBitwiseAnd
	ruleShiftExpr
	ruleSum
	ruleTerm
	ruleFactor
	ruleAwaitPrimary
	rulePrimary
	ruleTPrimary
	ruleArguments
	ruleStarTarget
	ruleTargetWithStarAtom
	ruleDelTarget
	ruleClosedPattern
	ruleStarPattern
	ruleTypeParam
	ruleStrings
	ruleInvalidNamedExpression
	ruleDottedName
	ruleAttr
	ruleImportStmt
)

func tokLoc(t *token) ast.Loc {
	return ast.Loc{Lineno: t.lineno, ColOffset: t.col, EndLineno: t.endLineno, EndColOffset: t.endCol}
}

// file: [statements] ENDMARKER
func (p *parser) fileRule() *ast.Module {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	stmts, _ := p.statements()
	if p.errorIndicator {
		return nil
	}
	if p.expect(tENDMARKER) != nil {
		return p.makeModule(stmts)
	}
	p.mark = mark
	return nil
}

func (p *parser) makeModule(stmts []ast.Stmt) *ast.Module {
	m := &ast.Module{Body: stmts}
	for _, ti := range p.typeIgnores {
		m.TypeIgnores = append(m.TypeIgnores, &ast.TypeIgnore{Lineno: ti.lineno, Tag: ti.tag})
	}
	return m
}

// interactive: statement_newline
func (p *parser) interactiveRule() *ast.Interactive {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	stmts, ok := p.statementNewline()
	if !ok {
		return nil
	}
	return &ast.Interactive{Body: stmts}
}

// eval: expressions NEWLINE* ENDMARKER
func (p *parser) evalRule() *ast.Expression {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if e := p.expressions(); e != nil {
		for p.expect(tNEWLINE) != nil {
		}
		if p.expect(tENDMARKER) != nil {
			return &ast.Expression{Body: e}
		}
	}
	p.mark = mark
	return nil
}

// func_type: '(' [type_expressions] ')' '->' expression NEWLINE* ENDMARKER
func (p *parser) funcTypeRule() *ast.FunctionType {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if p.expect(tLPAR) != nil {
		args, _ := p.typeExpressions()
		if p.errorIndicator {
			return nil
		}
		if p.expect(tRPAR) != nil && p.expect(tRARROW) != nil {
			if e := p.expression(); e != nil {
				for p.expect(tNEWLINE) != nil {
				}
				if p.expect(tENDMARKER) != nil {
					return &ast.FunctionType{Argtypes: args, Returns: e}
				}
			}
		}
	}
	p.mark = mark
	return nil
}

// statements: statement+
func (p *parser) statements() ([]ast.Stmt, bool) {
	if !p.enter() {
		return nil, false
	}
	defer p.leave()
	var out []ast.Stmt
	// statement+ is CPython's _loop1 helper, one level down.
	if !p.enter() {
		return nil, false
	}
	defer p.leave()
	for {
		mark := p.mark
		s, ok := p.statement()
		if !ok {
			if p.recovering && p.canRecover(mark) {
				out = append(out, p.recoverStatement(mark)...)
				continue
			}
			p.mark = mark
			break
		}
		out = append(out, s...)
	}
	if p.errorIndicator || len(out) == 0 {
		return nil, false
	}
	return out, true
}

// statement: compound_stmt | simple_stmts
func (p *parser) statement() ([]ast.Stmt, bool) {
	if !p.enter() {
		return nil, false
	}
	defer p.leave()
	mark := p.mark
	if s := p.compoundStmt(); s != nil {
		return []ast.Stmt{s}, true
	}
	p.mark = mark
	if p.errorIndicator {
		return nil, false
	}
	if ss, ok := p.simpleStmts(); ok {
		return ss, true
	}
	p.mark = mark
	return nil, false
}

// statement_newline: compound_stmt NEWLINE | simple_stmts | NEWLINE | ENDMARKER
func (p *parser) statementNewline() ([]ast.Stmt, bool) {
	if !p.enter() {
		return nil, false
	}
	defer p.leave()
	mark := p.mark
	if p.peek() == nil {
		return nil, false
	}
	if s := p.compoundStmt(); s != nil {
		if p.expect(tNEWLINE) != nil {
			return []ast.Stmt{s}, true
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return nil, false
	}
	if ss, ok := p.simpleStmts(); ok {
		return ss, true
	}
	p.mark = mark
	if p.errorIndicator {
		return nil, false
	}
	if p.expect(tNEWLINE) != nil {
		return []ast.Stmt{&ast.Pass{Loc: p.extra(mark)}}, true
	}
	p.mark = mark
	if p.expect(tENDMARKER) != nil {
		// _PyPegen_interactive_exit: end of input. For source given as a
		// string (compile(), ast.parse) it only fails the rule, with no
		// error set: the second pass then reports "invalid syntax".
		return nil, false
	}
	p.mark = mark
	return nil, false
}

// simple_stmts: simple_stmt !';' NEWLINE | ';'.simple_stmt+ [';'] NEWLINE
func (p *parser) simpleStmts() ([]ast.Stmt, bool) {
	if !p.enter() {
		return nil, false
	}
	defer p.leave()
	mark := p.mark
	if s := p.simpleStmt(); s != nil {
		if !p.check(tSEMI) && !p.errorIndicator && p.expect(tNEWLINE) != nil {
			return []ast.Stmt{s}, true
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return nil, false
	}
	if first := p.simpleStmt(); first != nil {
		out := []ast.Stmt{first}
		for {
			m := p.mark
			if p.expect(tSEMI) == nil {
				break
			}
			s := p.simpleStmt()
			if s == nil {
				p.mark = m
				break
			}
			out = append(out, s)
		}
		if p.errorIndicator {
			return nil, false
		}
		p.expect(tSEMI)
		if p.expect(tNEWLINE) != nil {
			return out, true
		}
	}
	p.mark = mark
	return nil, false
}

// simple_stmt (memo):
//
//	| assignment
//	| &"type" type_alias
//	| star_expressions
//	| &'return' return_stmt
//	| &('import' | 'from') import_stmt
//	| &'raise' raise_stmt
//	| 'pass'
//	| &'del' del_stmt
//	| &'yield' yield_stmt
//	| &'assert' assert_stmt
//	| 'break'
//	| 'continue'
//	| &'global' global_stmt
//	| &'nonlocal' nonlocal_stmt
func (p *parser) simpleStmt() ast.Stmt {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	start := p.mark
	if r, ok := p.memoGet(ruleSimpleStmt); ok {
		s, _ := r.(ast.Stmt)
		return s
	}
	res := p.simpleStmtRaw()
	p.memoPut(start, ruleSimpleStmt, res)
	return res
}

func (p *parser) simpleStmtRaw() ast.Stmt {
	mark := p.mark
	if s := p.assignment(); s != nil {
		return s
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if p.isSoftKeyword("type") {
		if s := p.typeAlias(); s != nil {
			return s
		}
		p.mark = mark
		if p.errorIndicator {
			return nil
		}
	}
	if e := p.starExpressions(); e != nil {
		return &ast.ExprStmt{Loc: p.extra(mark), Value: e}
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	t := p.peek()
	if t == nil {
		return nil
	}
	var s ast.Stmt
	switch t.typ {
	case kwReturn:
		s = p.returnStmt()
	case kwImport, kwFrom:
		s = p.importStmt()
	case kwRaise:
		s = p.raiseStmt()
	case kwPass:
		p.mark++
		return &ast.Pass{Loc: p.extra(mark)}
	case kwDel:
		s = p.delStmt()
	case kwYield:
		s = p.yieldStmt()
	case kwAssert:
		s = p.assertStmt()
	case kwBreak:
		p.mark++
		return &ast.Break{Loc: p.extra(mark)}
	case kwContinue:
		p.mark++
		return &ast.Continue{Loc: p.extra(mark)}
	case kwGlobal:
		s = p.globalStmt()
	case kwNonlocal:
		s = p.nonlocalStmt()
	}
	if s != nil {
		return s
	}
	p.mark = mark
	return nil
}

// compound_stmt:
//
//	| &('def' | '@' | 'async') function_def
//	| &'if' if_stmt
//	| &('class' | '@') class_def
//	| &('with' | 'async') with_stmt
//	| &('for' | 'async') for_stmt
//	| &'try' try_stmt
//	| &'while' while_stmt
//	| match_stmt
func (p *parser) compoundStmt() ast.Stmt {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	t := p.peek()
	if t == nil {
		return nil
	}
	try := func(f func() ast.Stmt) ast.Stmt {
		if s := f(); s != nil {
			return s
		}
		p.mark = mark
		return nil
	}
	typ := t.typ
	if typ == kwDef || typ == tAT || typ == kwAsync {
		if s := try(p.functionDef); s != nil || p.errorIndicator {
			return s
		}
	}
	if typ == kwIf {
		if s := try(p.ifStmt); s != nil || p.errorIndicator {
			return s
		}
	}
	if typ == kwClass || typ == tAT {
		if s := try(p.classDef); s != nil || p.errorIndicator {
			return s
		}
	}
	if typ == kwWith || typ == kwAsync {
		if s := try(p.withStmt); s != nil || p.errorIndicator {
			return s
		}
	}
	if typ == kwFor || typ == kwAsync {
		if s := try(p.forStmt); s != nil || p.errorIndicator {
			return s
		}
	}
	if typ == kwTry {
		if s := try(p.tryStmt); s != nil || p.errorIndicator {
			return s
		}
	}
	if typ == kwWhile {
		if s := try(p.whileStmt); s != nil || p.errorIndicator {
			return s
		}
	}
	return try(p.matchStmt)
}

// assignment:
//
//	| NAME ':' expression ['=' annotated_rhs]
//	| ('(' single_target ')' | single_subscript_attribute_target) ':' expression ['=' annotated_rhs]
//	| (star_targets '=')+ (yield_expr | star_expressions) !'=' [TYPE_COMMENT]
//	| single_target augassign ~ (yield_expr | star_expressions)
//	| invalid_assignment
func (p *parser) assignment() ast.Stmt {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if p.peek() == nil {
		return nil
	}
	// NAME ':' expression ['=' annotated_rhs]
	if a := p.name(); a != nil {
		if p.expect(tCOLON) != nil {
			if b := p.expression(); b != nil {
				c := p.optAssignedValue()
				if !p.errorIndicator {
					return &ast.AnnAssign{Loc: p.extra(mark), Target: setContext(a, ast.Store), Annotation: b, Value: c, Simple: 1}
				}
			}
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	// ('(' single_target ')' | single_subscript_attribute_target) ':' expression ['=' annotated_rhs]
	var target ast.Expr
	if !p.enter() { // the group is a _tmp rule
		return nil
	}
	if p.expect(tLPAR) != nil {
		if b := p.singleTarget(); b != nil && p.expect(tRPAR) != nil {
			target = b
		}
	}
	if target == nil {
		p.mark = mark
		if p.errorIndicator {
			p.leave()
			return nil
		}
		target = p.singleSubscriptAttributeTarget()
	}
	p.leave()
	if target != nil && p.expect(tCOLON) != nil {
		if b := p.expression(); b != nil {
			c := p.optAssignedValue()
			if !p.errorIndicator {
				return &ast.AnnAssign{Loc: p.extra(mark), Target: target, Annotation: b, Value: c, Simple: 0}
			}
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	// (star_targets '=')+ (yield_expr | star_expressions) !'=' [TYPE_COMMENT]
	var targets []ast.Expr
	if !p.enter() { // (...)+ is a _loop1 rule, and the group in it a _tmp rule
		return nil
	}
	for {
		m := p.mark
		if !p.enter() {
			break
		}
		z := p.starTargets()
		p.leave()
		if z == nil || p.expect(tEQUAL) == nil {
			p.mark = m
			break
		}
		targets = append(targets, z)
	}
	p.leave()
	if len(targets) > 0 && !p.errorIndicator {
		b := p.yieldOrStarExpressions()
		if b != nil && !p.check(tEQUAL) && !p.errorIndicator {
			tc := p.expect(tTYPE_COMMENT)
			return &ast.Assign{Loc: p.extra(mark), Targets: targets, Value: b, TypeComment: p.typeComment(tc)}
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	// single_target augassign ~ (yield_expr | star_expressions)
	if a := p.singleTarget(); a != nil {
		if op, ok := p.augassign(); ok {
			if c := p.yieldOrStarExpressions(); c != nil {
				return &ast.AugAssign{Loc: p.extra(mark), Target: a, Op: op, Value: c}
			}
			p.mark = mark
			return nil // the cut
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if p.callInvalidRules {
		p.invalidAssignment()
		p.mark = mark
	}
	return nil
}

// yieldOrStarExpressions is the group (yield_expr | star_expressions), a
// _tmp rule of CPython's parser.
func (p *parser) yieldOrStarExpressions() ast.Expr {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	m := p.mark
	b := p.yieldExpr()
	if b == nil {
		p.mark = m
		if !p.errorIndicator {
			b = p.starExpressions()
		}
	}
	return b
}

// optAssignedValue parses ['=' annotated_rhs].
func (p *parser) optAssignedValue() ast.Expr {
	m := p.mark
	if p.expect(tEQUAL) != nil {
		if d := p.annotatedRHS(); d != nil {
			return d
		}
	}
	p.mark = m
	return nil
}

func (p *parser) typeComment(t *token) string {
	if t == nil {
		return ""
	}
	return p.text(t)
}

// annotated_rhs: yield_expr | star_expressions
func (p *parser) annotatedRHS() ast.Expr {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if e := p.yieldExpr(); e != nil {
		return e
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if e := p.starExpressions(); e != nil {
		return e
	}
	p.mark = mark
	return nil
}

// augassign: '+=' | '-=' | … | '//='
func (p *parser) augassign() (ast.Operator, bool) {
	t := p.peek()
	if t == nil {
		return 0, false
	}
	var op ast.Operator
	switch t.typ {
	case tPLUSEQUAL:
		op = ast.Add
	case tMINEQUAL:
		op = ast.Sub
	case tSTAREQUAL:
		op = ast.Mult
	case tATEQUAL:
		op = ast.MatMult
	case tSLASHEQUAL:
		op = ast.Div
	case tPERCENTEQUAL:
		op = ast.Mod
	case tAMPEREQUAL:
		op = ast.BitAnd
	case tVBAREQUAL:
		op = ast.BitOr
	case tCIRCUMFLEXEQUAL:
		op = ast.BitXor
	case tLEFTSHIFTEQUAL:
		op = ast.LShift
	case tRIGHTSHIFTEQUAL:
		op = ast.RShift
	case tDOUBLESTAREQUAL:
		op = ast.Pow
	case tDOUBLESLASHEQUAL:
		op = ast.FloorDiv
	default:
		return 0, false
	}
	p.mark++
	return op, true
}

// return_stmt: 'return' [star_expressions]
func (p *parser) returnStmt() ast.Stmt {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if p.expect(kwReturn) != nil {
		a := p.starExpressions()
		if p.errorIndicator {
			return nil
		}
		return &ast.Return{Loc: p.extra(mark), Value: a}
	}
	p.mark = mark
	return nil
}

// raise_stmt: 'raise' expression ['from' expression] | 'raise'
func (p *parser) raiseStmt() ast.Stmt {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if p.expect(kwRaise) != nil {
		if a := p.expression(); a != nil {
			m := p.mark
			var b ast.Expr
			if p.expect(kwFrom) != nil {
				if b = p.expression(); b == nil {
					p.mark = m
				}
			}
			if p.errorIndicator {
				return nil
			}
			return &ast.Raise{Loc: p.extra(mark), Exc: a, Cause: b}
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if p.expect(kwRaise) != nil {
		return &ast.Raise{Loc: p.extra(mark)}
	}
	p.mark = mark
	return nil
}

// global_stmt: 'global' ','.NAME+
func (p *parser) globalStmt() ast.Stmt {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if p.expect(kwGlobal) != nil {
		if names := p.nameList(); names != nil {
			g := &ast.Global{Loc: p.extra(mark)}
			for _, n := range names {
				g.Names = append(g.Names, n.ID)
				g.NamePos = append(g.NamePos, n.Start())
			}
			return g
		}
	}
	p.mark = mark
	return nil
}

// nonlocal_stmt: 'nonlocal' ','.NAME+
func (p *parser) nonlocalStmt() ast.Stmt {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if p.expect(kwNonlocal) != nil {
		if names := p.nameList(); names != nil {
			g := &ast.Nonlocal{Loc: p.extra(mark)}
			for _, n := range names {
				g.Names = append(g.Names, n.ID)
				g.NamePos = append(g.NamePos, n.Start())
			}
			return g
		}
	}
	p.mark = mark
	return nil
}

// nameList parses ','.NAME+.
func (p *parser) nameList() []*ast.Name {
	n := p.name()
	if n == nil {
		return nil
	}
	out := []*ast.Name{n}
	for {
		m := p.mark
		if p.expect(tCOMMA) == nil {
			break
		}
		n := p.name()
		if n == nil {
			p.mark = m
			break
		}
		out = append(out, n)
	}
	return out
}

// del_stmt: 'del' del_targets &(';' | NEWLINE) | invalid_del_stmt
func (p *parser) delStmt() ast.Stmt {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if p.expect(kwDel) != nil {
		if a, ok := p.delTargets(); ok && (p.check(tSEMI) || p.check(tNEWLINE)) {
			return &ast.Delete{Loc: p.extra(mark), Targets: a}
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if p.callInvalidRules {
		p.invalidDelStmt()
		p.mark = mark
	}
	return nil
}

// yield_stmt: yield_expr
func (p *parser) yieldStmt() ast.Stmt {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if y := p.yieldExpr(); y != nil {
		return &ast.ExprStmt{Loc: p.extra(mark), Value: y}
	}
	p.mark = mark
	return nil
}

// assert_stmt: 'assert' expression [',' expression]
func (p *parser) assertStmt() ast.Stmt {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if p.expect(kwAssert) != nil {
		if a := p.expression(); a != nil {
			m := p.mark
			var b ast.Expr
			if p.expect(tCOMMA) != nil {
				if b = p.expression(); b == nil {
					p.mark = m
				}
			}
			if p.errorIndicator {
				return nil
			}
			return &ast.Assert{Loc: p.extra(mark), Test: a, Msg: b}
		}
	}
	p.mark = mark
	return nil
}

// import_stmt (memo): invalid_import | import_name | import_from
func (p *parser) importStmt() ast.Stmt {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	start := p.mark
	if r, ok := p.memoGet(ruleImportStmt); ok {
		s, _ := r.(ast.Stmt)
		return s
	}
	var res ast.Stmt
	if p.callInvalidRules {
		p.invalidImport()
		p.mark = start
	}
	if !p.errorIndicator {
		if res = p.importName(); res == nil {
			p.mark = start
			if !p.errorIndicator {
				if res = p.importFrom(); res == nil {
					p.mark = start
				}
			}
		}
	}
	p.memoPut(start, ruleImportStmt, res)
	return res
}

// import_name: 'import' dotted_as_names
func (p *parser) importName() ast.Stmt {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if p.expect(kwImport) != nil {
		if a := p.dottedAsNames(); a != nil {
			return &ast.Import{Loc: p.extra(mark), Names: a}
		}
	}
	p.mark = mark
	return nil
}

// import_from:
//
//	| 'from' ('.' | '...')* dotted_name 'import' import_from_targets
//	| 'from' ('.' | '...')+ 'import' import_from_targets
func (p *parser) importFrom() ast.Stmt {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if p.expect(kwFrom) != nil {
		dots := p.dots()
		if b := p.dottedName(); b != nil {
			if p.expect(kwImport) != nil {
				if c := p.importFromTargets(); c != nil {
					return &ast.ImportFrom{Loc: p.extra(mark), Module: b.ID, Names: c, Level: dots, ModulePos: b.Start()}
				}
			}
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if p.expect(kwFrom) != nil {
		m := p.mark
		dots := p.dots()
		if p.mark > m && p.expect(kwImport) != nil {
			if b := p.importFromTargets(); b != nil {
				return &ast.ImportFrom{Loc: p.extra(mark), Names: b, Level: dots}
			}
		}
	}
	p.mark = mark
	return nil
}

// dots parses ('.' | '...')* and counts the dots.
func (p *parser) dots() int {
	n := 0
	for {
		if p.expect(tDOT) != nil {
			n++
		} else if p.expect(tELLIPSIS) != nil {
			n += 3
		} else {
			return n
		}
	}
}

// import_from_targets:
//
//	| '(' import_from_as_names [','] ')'
//	| import_from_as_names !','
//	| '*'
//	| invalid_import_from_targets
func (p *parser) importFromTargets() []*ast.Alias {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if p.peek() == nil {
		return nil
	}
	if p.expect(tLPAR) != nil {
		if a := p.importFromAsNames(); a != nil {
			p.expect(tCOMMA)
			if p.expect(tRPAR) != nil {
				return a
			}
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if a := p.importFromAsNames(); a != nil && !p.check(tCOMMA) && !p.errorIndicator {
		return a
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if p.expect(tSTAR) != nil {
		return []*ast.Alias{{Loc: p.extra(mark), Name: "*"}}
	}
	p.mark = mark
	if p.callInvalidRules {
		p.invalidImportFromTargets()
		p.mark = mark
	}
	return nil
}

// import_from_as_names: ','.import_from_as_name+
func (p *parser) importFromAsNames() []*ast.Alias {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	a := p.importFromAsName()
	if a == nil {
		return nil
	}
	out := []*ast.Alias{a}
	for {
		m := p.mark
		if p.expect(tCOMMA) == nil {
			break
		}
		a := p.importFromAsName()
		if a == nil {
			p.mark = m
			break
		}
		out = append(out, a)
	}
	return out
}

// import_from_as_name: NAME ['as' NAME]
func (p *parser) importFromAsName() *ast.Alias {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if a := p.name(); a != nil {
		al := &ast.Alias{Name: a.ID}
		m := p.mark
		if p.expect(kwAs) != nil {
			if z := p.name(); z != nil {
				al.Asname, al.AsnamePos = z.ID, z.Start()
			} else {
				p.mark = m
			}
		}
		if p.errorIndicator {
			return nil
		}
		al.Loc = p.extra(mark)
		return al
	}
	p.mark = mark
	return nil
}

// dotted_as_names: ','.dotted_as_name+
func (p *parser) dottedAsNames() []*ast.Alias {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	a := p.dottedAsName()
	if a == nil {
		return nil
	}
	out := []*ast.Alias{a}
	for {
		m := p.mark
		if p.expect(tCOMMA) == nil {
			break
		}
		a := p.dottedAsName()
		if a == nil {
			p.mark = m
			break
		}
		out = append(out, a)
	}
	return out
}

// dotted_as_name: dotted_name ['as' NAME]
func (p *parser) dottedAsName() *ast.Alias {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if a := p.dottedName(); a != nil {
		al := &ast.Alias{Name: a.ID}
		m := p.mark
		if p.expect(kwAs) != nil {
			if z := p.name(); z != nil {
				al.Asname, al.AsnamePos = z.ID, z.Start()
			} else {
				p.mark = m
			}
		}
		if p.errorIndicator {
			return nil
		}
		al.Loc = p.extra(mark)
		return al
	}
	p.mark = mark
	return nil
}

// dotted_name: dotted_name '.' NAME | NAME   (left-recursive)
func (p *parser) dottedName() *ast.Name {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	start := p.mark
	if r, ok := p.memoGet(ruleDottedName); ok {
		n, _ := r.(*ast.Name)
		return n
	}
	res := p.name()
	if res != nil {
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
			res = &ast.Name{Loc: ast.Loc{Lineno: res.Lineno, ColOffset: res.ColOffset, EndLineno: b.EndLineno, EndColOffset: b.EndColOffset},
				ID: res.ID + "." + b.ID, Ctx: ast.Load}
		}
	} else {
		p.mark = start
	}
	if p.errorIndicator {
		return nil
	}
	p.memoPut(start, ruleDottedName, res)
	return res
}

// block (memo): NEWLINE INDENT statements DEDENT | simple_stmts | invalid_block
func (p *parser) block() ([]ast.Stmt, bool) {
	if !p.enter() {
		return nil, false
	}
	defer p.leave()
	start := p.mark
	if r, ok := p.memoGet(ruleBlock); ok {
		if r == nil {
			return nil, false
		}
		return r.([]ast.Stmt), true
	}
	res, ok := p.blockRaw()
	if ok {
		p.memoPut(start, ruleBlock, res)
	} else {
		p.memoPut(start, ruleBlock, nil)
	}
	return res, ok
}

func (p *parser) blockRaw() ([]ast.Stmt, bool) {
	mark := p.mark
	if p.expect(tNEWLINE) != nil && p.expect(tINDENT) != nil {
		if a, ok := p.statements(); ok && p.expect(tDEDENT) != nil {
			return a, true
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return nil, false
	}
	if a, ok := p.simpleStmts(); ok {
		return a, true
	}
	p.mark = mark
	if p.errorIndicator {
		return nil, false
	}
	if p.callInvalidRules {
		p.invalidBlock()
		p.mark = mark
	}
	return nil, false
}

// decorators: ('@' named_expression NEWLINE)+
func (p *parser) decorators() []ast.Expr {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	var out []ast.Expr
	for {
		m := p.mark
		if p.expect(tAT) == nil {
			break
		}
		f := p.namedExpression()
		if f == nil || p.expect(tNEWLINE) == nil {
			p.mark = m
			break
		}
		out = append(out, f)
	}
	if p.errorIndicator {
		return nil
	}
	return out
}

// class_def: decorators class_def_raw | class_def_raw
func (p *parser) classDef() ast.Stmt {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if d := p.decorators(); d != nil {
		if c := p.classDefRaw(); c != nil {
			c.DecoratorList = d
			return c
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if c := p.classDefRaw(); c != nil {
		return c
	}
	p.mark = mark
	return nil
}

// class_def_raw:
//
//	| invalid_class_def_raw
//	| 'class' NAME [type_params] ['(' [arguments] ')'] ':' block
func (p *parser) classDefRaw() *ast.ClassDef {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if p.peek() == nil {
		return nil
	}
	if p.callInvalidRules {
		p.invalidClassDefRaw()
		p.mark = mark
		if p.errorIndicator {
			return nil
		}
	}
	if p.expect(kwClass) != nil {
		if a := p.name(); a != nil {
			tp, _ := p.typeParams()
			if p.errorIndicator {
				return nil
			}
			var args *ast.Call
			hasParens := false
			m := p.mark
			if p.expect(tLPAR) != nil {
				z := p.arguments()
				if p.errorIndicator {
					return nil
				}
				if p.expect(tRPAR) != nil {
					hasParens = true
					args = z
				} else {
					p.mark = m
				}
			}
			_ = hasParens
			if p.expect(tCOLON) != nil {
				if c, ok := p.block(); ok {
					cd := &ast.ClassDef{Loc: p.extra(mark), Name: a.ID, Body: c, TypeParams: tp, NamePos: a.Start()}
					if args != nil {
						cd.Bases, cd.Keywords = args.Args, args.Keywords
					}
					return cd
				}
			}
		}
	}
	p.mark = mark
	return nil
}

// function_def: decorators function_def_raw | function_def_raw
func (p *parser) functionDef() ast.Stmt {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if d := p.decorators(); d != nil {
		if f := p.functionDefRaw(); f != nil {
			switch f := f.(type) {
			case *ast.FunctionDef:
				f.DecoratorList = d
			case *ast.AsyncFunctionDef:
				f.DecoratorList = d
			}
			return f
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if f := p.functionDefRaw(); f != nil {
		return f
	}
	p.mark = mark
	return nil
}

// function_def_raw:
//
//	| invalid_def_raw
//	| 'def' NAME [type_params] '(' [params] ')' ['->' expression] ':' [func_type_comment] block
//	| 'async' 'def' NAME [type_params] '(' [params] ')' ['->' expression] ':' [func_type_comment] block
func (p *parser) functionDefRaw() ast.Stmt {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if p.peek() == nil {
		return nil
	}
	if p.callInvalidRules {
		p.invalidDefRaw()
		p.mark = mark
		if p.errorIndicator {
			return nil
		}
	}
	for _, async := range []bool{false, true} {
		p.mark = mark
		if async && p.expect(kwAsync) == nil {
			continue
		}
		if p.expect(kwDef) == nil {
			continue
		}
		n := p.name()
		if n == nil {
			continue
		}
		tp, _ := p.typeParams()
		if p.errorIndicator {
			return nil
		}
		if p.expect(tLPAR) == nil {
			continue
		}
		params := p.params()
		if p.errorIndicator {
			return nil
		}
		if p.expect(tRPAR) == nil {
			continue
		}
		var returns ast.Expr
		m := p.mark
		if p.expect(tRARROW) != nil {
			if returns = p.expression(); returns == nil {
				p.mark = m
			}
		}
		if p.errorIndicator {
			return nil
		}
		if p.expect(tCOLON) == nil {
			continue
		}
		tc := p.funcTypeComment()
		if p.errorIndicator {
			return nil
		}
		b, ok := p.block()
		if !ok {
			continue
		}
		if params == nil {
			params = &ast.Arguments{}
		}
		if async {
			return &ast.AsyncFunctionDef{Loc: p.extra(mark), Name: n.ID, Args: params, Body: b, Returns: returns,
				TypeComment: p.typeComment(tc), TypeParams: tp, NamePos: n.Start()}
		}
		return &ast.FunctionDef{Loc: p.extra(mark), Name: n.ID, Args: params, Body: b, Returns: returns,
			TypeComment: p.typeComment(tc), TypeParams: tp, NamePos: n.Start()}
	}
	p.mark = mark
	return nil
}

// params: invalid_parameters | parameters
func (p *parser) params() *ast.Arguments {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if p.callInvalidRules {
		p.invalidParameters()
		p.mark = mark
		if p.errorIndicator {
			return nil
		}
	}
	if a := p.parameters(); a != nil {
		return a
	}
	p.mark = mark
	return nil
}

// nameDefault is pegen's NameDefaultPair.
type nameDefault struct {
	arg   *ast.Arg
	value ast.Expr // or nil
}

// slashWithDefault is pegen's SlashWithDefault.
type slashWithDefault struct {
	plain    []*ast.Arg
	defaults []nameDefault
}

// starEtc is pegen's StarEtc.
type starEtc struct {
	vararg *ast.Arg
	kwonly []nameDefault
	kwarg  *ast.Arg
}

// parameters:
//
//	| slash_no_default param_no_default* param_with_default* [star_etc]
//	| slash_with_default param_with_default* [star_etc]
//	| param_no_default+ param_with_default* [star_etc]
//	| param_with_default+ [star_etc]
//	| star_etc
func (p *parser) parameters() *ast.Arguments {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if a, ok := p.slashNoDefault(); ok {
		b := p.paramNoDefaultStar()
		c := p.paramWithDefaultStar()
		d := p.starEtcRule()
		if !p.errorIndicator {
			return makeArguments(a, nil, b, c, d)
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if a := p.slashWithDefault(); a != nil {
		b := p.paramWithDefaultStar()
		c := p.starEtcRule()
		if !p.errorIndicator {
			return makeArguments(nil, a, nil, b, c)
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if a := p.paramNoDefaultStar(); len(a) > 0 {
		b := p.paramWithDefaultStar()
		c := p.starEtcRule()
		if !p.errorIndicator {
			return makeArguments(nil, nil, a, b, c)
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if a := p.paramWithDefaultStar(); len(a) > 0 {
		b := p.starEtcRule()
		if !p.errorIndicator {
			return makeArguments(nil, nil, nil, a, b)
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if a := p.starEtcRule(); a != nil {
		return makeArguments(nil, nil, nil, nil, a)
	}
	p.mark = mark
	return nil
}

// paramNoDefaultStar is a repetition: a _loop rule of CPython's parser, one level
// deeper.
func (p *parser) paramNoDefaultStar() []*ast.Arg {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	var out []*ast.Arg
	for {
		m := p.mark
		a := p.paramNoDefault()
		if a == nil {
			p.mark = m
			return out
		}
		out = append(out, a)
	}
}

// paramWithDefaultStar is a repetition: a _loop rule of CPython's parser, one level
// deeper.
func (p *parser) paramWithDefaultStar() []nameDefault {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	var out []nameDefault
	for {
		m := p.mark
		a, ok := p.paramWithDefault()
		if !ok {
			p.mark = m
			return out
		}
		out = append(out, a)
	}
}

// paramMaybeDefaultStar is a repetition: a _loop rule of CPython's parser, one level
// deeper.
func (p *parser) paramMaybeDefaultStar() []nameDefault {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	var out []nameDefault
	for {
		m := p.mark
		a, ok := p.paramMaybeDefault()
		if !ok {
			p.mark = m
			return out
		}
		out = append(out, a)
	}
}

// slash_no_default: param_no_default+ '/' ',' | param_no_default+ '/' &')'
func (p *parser) slashNoDefault() ([]*ast.Arg, bool) {
	if !p.enter() {
		return nil, false
	}
	defer p.leave()
	mark := p.mark
	for alt := 0; alt < 2; alt++ {
		p.mark = mark
		a := p.paramNoDefaultStar()
		if len(a) == 0 || p.expect(tSLASH) == nil {
			continue
		}
		if alt == 0 && p.expect(tCOMMA) != nil || alt == 1 && p.check(tRPAR) {
			return a, true
		}
		if p.errorIndicator {
			return nil, false
		}
	}
	p.mark = mark
	return nil, false
}

// slash_with_default:
//
//	| param_no_default* param_with_default+ '/' ','
//	| param_no_default* param_with_default+ '/' &')'
func (p *parser) slashWithDefault() *slashWithDefault {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	for alt := 0; alt < 2; alt++ {
		p.mark = mark
		a := p.paramNoDefaultStar()
		b := p.paramWithDefaultStar()
		if len(b) == 0 || p.expect(tSLASH) == nil {
			continue
		}
		if alt == 0 && p.expect(tCOMMA) != nil || alt == 1 && p.check(tRPAR) {
			return &slashWithDefault{a, b}
		}
		if p.errorIndicator {
			return nil
		}
	}
	p.mark = mark
	return nil
}

// star_etc:
//
//	| invalid_star_etc
//	| '*' param_no_default param_maybe_default* [kwds]
//	| '*' param_no_default_star_annotation param_maybe_default* [kwds]
//	| '*' ',' param_maybe_default+ [kwds]
//	| kwds
func (p *parser) starEtcRule() *starEtc {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if p.callInvalidRules {
		p.invalidStarEtc()
		p.mark = mark
		if p.errorIndicator {
			return nil
		}
	}
	if p.expect(tSTAR) != nil {
		if a := p.paramNoDefault(); a != nil {
			b := p.paramMaybeDefaultStar()
			c := p.kwds()
			if !p.errorIndicator {
				return &starEtc{a, b, c}
			}
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if p.expect(tSTAR) != nil {
		if a := p.paramNoDefaultStarAnnotation(); a != nil {
			b := p.paramMaybeDefaultStar()
			c := p.kwds()
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
		if b := p.paramMaybeDefaultStar(); len(b) > 0 {
			c := p.kwds()
			if !p.errorIndicator {
				return &starEtc{nil, b, c}
			}
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if a := p.kwds(); a != nil {
		return &starEtc{nil, nil, a}
	}
	p.mark = mark
	return nil
}

// kwds: invalid_kwds | '**' param_no_default
func (p *parser) kwds() *ast.Arg {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if p.callInvalidRules {
		p.invalidKwds()
		p.mark = mark
		if p.errorIndicator {
			return nil
		}
	}
	if p.expect(tDOUBLESTAR) != nil {
		if a := p.paramNoDefault(); a != nil {
			return a
		}
	}
	p.mark = mark
	return nil
}

// withTypeComment adds a type comment token to an arg.
func (p *parser) withTypeComment(a *ast.Arg, tc *token) *ast.Arg {
	if tc == nil {
		return a
	}
	b := *a
	b.TypeComment = p.text(tc)
	return &b
}

// param_no_default: param ',' TYPE_COMMENT? | param TYPE_COMMENT? &')'
func (p *parser) paramNoDefault() *ast.Arg {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	return p.paramTail(p.param)
}

// param_no_default_star_annotation:
//
//	| param_star_annotation ',' TYPE_COMMENT?
//	| param_star_annotation TYPE_COMMENT? &')'
func (p *parser) paramNoDefaultStarAnnotation() *ast.Arg {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	return p.paramTail(p.paramStarAnnotation)
}

func (p *parser) paramTail(param func() *ast.Arg) *ast.Arg {
	mark := p.mark
	if a := param(); a != nil && p.expect(tCOMMA) != nil {
		tc := p.expect(tTYPE_COMMENT)
		return p.withTypeComment(a, tc)
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if a := param(); a != nil {
		tc := p.expect(tTYPE_COMMENT)
		if p.check(tRPAR) {
			return p.withTypeComment(a, tc)
		}
	}
	p.mark = mark
	return nil
}

// param_with_default: param default ',' TYPE_COMMENT? | param default TYPE_COMMENT? &')'
func (p *parser) paramWithDefault() (nameDefault, bool) {
	if !p.enter() {
		return nameDefault{}, false
	}
	defer p.leave()
	return p.paramDefaultTail(false)
}

// param_maybe_default: param default? ',' TYPE_COMMENT? | param default? TYPE_COMMENT? &')'
func (p *parser) paramMaybeDefault() (nameDefault, bool) {
	if !p.enter() {
		return nameDefault{}, false
	}
	defer p.leave()
	return p.paramDefaultTail(true)
}

func (p *parser) paramDefaultTail(optional bool) (nameDefault, bool) {
	mark := p.mark
	for alt := 0; alt < 2; alt++ {
		p.mark = mark
		if p.errorIndicator {
			return nameDefault{}, false
		}
		a := p.param()
		if a == nil {
			continue
		}
		c := p.defaultRule()
		if c == nil && (!optional || p.errorIndicator) {
			continue
		}
		if alt == 0 {
			if p.expect(tCOMMA) == nil {
				continue
			}
			tc := p.expect(tTYPE_COMMENT)
			return nameDefault{p.withTypeComment(a, tc), c}, true
		}
		tc := p.expect(tTYPE_COMMENT)
		if p.check(tRPAR) {
			return nameDefault{p.withTypeComment(a, tc), c}, true
		}
	}
	p.mark = mark
	return nameDefault{}, false
}

// param: NAME annotation?
func (p *parser) param() *ast.Arg {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if a := p.name(); a != nil {
		b := p.annotation()
		if p.errorIndicator {
			return nil
		}
		return &ast.Arg{Loc: p.extra(mark), Arg: a.ID, Annotation: b}
	}
	p.mark = mark
	return nil
}

// param_star_annotation: NAME star_annotation
func (p *parser) paramStarAnnotation() *ast.Arg {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if a := p.name(); a != nil {
		if b := p.starAnnotation(); b != nil {
			return &ast.Arg{Loc: p.extra(mark), Arg: a.ID, Annotation: b}
		}
	}
	p.mark = mark
	return nil
}

// annotation: ':' expression
func (p *parser) annotation() ast.Expr {
	mark := p.mark
	if p.expect(tCOLON) != nil {
		if a := p.expression(); a != nil {
			return a
		}
	}
	p.mark = mark
	return nil
}

// star_annotation: ':' star_expression
func (p *parser) starAnnotation() ast.Expr {
	mark := p.mark
	if p.expect(tCOLON) != nil {
		if a := p.starExpression(); a != nil {
			return a
		}
	}
	p.mark = mark
	return nil
}

// default: '=' expression | invalid_default
func (p *parser) defaultRule() ast.Expr {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if p.expect(tEQUAL) != nil {
		if a := p.expression(); a != nil {
			return a
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if p.callInvalidRules {
		p.invalidDefault()
		p.mark = mark
	}
	return nil
}

// if_stmt:
//
//	| invalid_if_stmt
//	| 'if' named_expression ':' block elif_stmt
//	| 'if' named_expression ':' block [else_block]
func (p *parser) ifStmt() ast.Stmt {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	return p.ifLike(kwIf, p.invalidIfStmt)
}

// elif_stmt:
//
//	| invalid_elif_stmt
//	| 'elif' named_expression ':' block elif_stmt
//	| 'elif' named_expression ':' block [else_block]
func (p *parser) elifStmt() ast.Stmt {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	return p.ifLike(kwElif, p.invalidElifStmt)
}

func (p *parser) ifLike(kw tokType, invalid func()) ast.Stmt {
	mark := p.mark
	if p.peek() == nil {
		return nil
	}
	if p.callInvalidRules {
		invalid()
		p.mark = mark
		if p.errorIndicator {
			return nil
		}
	}
	if p.expect(kw) != nil {
		if a := p.namedExpression(); a != nil && p.expect(tCOLON) != nil {
			if b, ok := p.block(); ok {
				if c := p.elifStmt(); c != nil {
					return &ast.If{Loc: p.extra(mark), Test: a, Body: b, Orelse: []ast.Stmt{c}}
				}
			}
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if p.expect(kw) != nil {
		if a := p.namedExpression(); a != nil && p.expect(tCOLON) != nil {
			if b, ok := p.block(); ok {
				c, _ := p.elseBlock()
				if !p.errorIndicator {
					return &ast.If{Loc: p.extra(mark), Test: a, Body: b, Orelse: c}
				}
			}
		}
	}
	p.mark = mark
	return nil
}

// else_block: invalid_else_stmt | 'else' &&':' block
func (p *parser) elseBlock() ([]ast.Stmt, bool) {
	if !p.enter() {
		return nil, false
	}
	defer p.leave()
	mark := p.mark
	if p.callInvalidRules {
		p.invalidElseStmt()
		p.mark = mark
		if p.errorIndicator {
			return nil, false
		}
	}
	if p.expect(kwElse) != nil {
		if p.expectForced(tCOLON, ":") == nil {
			return nil, false
		}
		if b, ok := p.block(); ok {
			return b, true
		}
	}
	p.mark = mark
	return nil, false
}

// while_stmt: invalid_while_stmt | 'while' named_expression ':' block [else_block]
func (p *parser) whileStmt() ast.Stmt {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if p.peek() == nil {
		return nil
	}
	if p.callInvalidRules {
		p.invalidWhileStmt()
		p.mark = mark
		if p.errorIndicator {
			return nil
		}
	}
	if p.expect(kwWhile) != nil {
		if a := p.namedExpression(); a != nil && p.expect(tCOLON) != nil {
			if b, ok := p.block(); ok {
				c, _ := p.elseBlock()
				if !p.errorIndicator {
					return &ast.While{Loc: p.extra(mark), Test: a, Body: b, Orelse: c}
				}
			}
		}
	}
	p.mark = mark
	return nil
}

// for_stmt:
//
//	| invalid_for_stmt
//	| 'for' star_targets 'in' ~ star_expressions ':' [TYPE_COMMENT] block [else_block]
//	| 'async' 'for' star_targets 'in' ~ star_expressions ':' [TYPE_COMMENT] block [else_block]
//	| invalid_for_target
func (p *parser) forStmt() ast.Stmt {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if p.peek() == nil {
		return nil
	}
	if p.callInvalidRules {
		p.invalidForStmt()
		p.mark = mark
		if p.errorIndicator {
			return nil
		}
	}
	for _, async := range []bool{false, true} {
		p.mark = mark
		if async && p.expect(kwAsync) == nil {
			continue
		}
		if p.expect(kwFor) == nil {
			continue
		}
		t := p.starTargets()
		if t == nil || p.expect(kwIn) == nil {
			if p.errorIndicator {
				return nil
			}
			continue
		}
		// The cut: past 'in', no other alternative is tried.
		ex := p.starExpressions()
		if ex != nil && p.expect(tCOLON) != nil {
			tc := p.expect(tTYPE_COMMENT)
			if b, ok := p.block(); ok {
				el, _ := p.elseBlock()
				if !p.errorIndicator {
					if async {
						return &ast.AsyncFor{Loc: p.extra(mark), Target: t, Iter: ex, Body: b, Orelse: el, TypeComment: p.typeComment(tc)}
					}
					return &ast.For{Loc: p.extra(mark), Target: t, Iter: ex, Body: b, Orelse: el, TypeComment: p.typeComment(tc)}
				}
			}
		}
		p.mark = mark
		return nil
	}
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

// with_stmt:
//
//	| invalid_with_stmt_indent
//	| 'with' '(' ','.with_item+ ','? ')' ':' block
//	| 'with' ','.with_item+ ':' [TYPE_COMMENT] block
//	| 'async' 'with' '(' ','.with_item+ ','? ')' ':' block
//	| 'async' 'with' ','.with_item+ ':' [TYPE_COMMENT] block
//	| invalid_with_stmt
func (p *parser) withStmt() ast.Stmt {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if p.peek() == nil {
		return nil
	}
	if p.callInvalidRules {
		p.invalidWithStmtIndent()
		p.mark = mark
		if p.errorIndicator {
			return nil
		}
	}
	for _, async := range []bool{false, true} {
		for _, parens := range []bool{true, false} {
			p.mark = mark
			if p.errorIndicator {
				return nil
			}
			if async && p.expect(kwAsync) == nil {
				continue
			}
			if p.expect(kwWith) == nil {
				continue
			}
			if parens && p.expect(tLPAR) == nil {
				continue
			}
			items := p.withItems()
			if items == nil {
				continue
			}
			if parens {
				p.expect(tCOMMA)
				if p.expect(tRPAR) == nil {
					continue
				}
			}
			if p.expect(tCOLON) == nil {
				continue
			}
			var tc *token
			if !parens {
				tc = p.expect(tTYPE_COMMENT)
			}
			b, ok := p.block()
			if !ok {
				continue
			}
			if async {
				return &ast.AsyncWith{Loc: p.extra(mark), Items: items, Body: b, TypeComment: p.typeComment(tc)}
			}
			return &ast.With{Loc: p.extra(mark), Items: items, Body: b, TypeComment: p.typeComment(tc)}
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if p.callInvalidRules {
		p.invalidWithStmt()
		p.mark = mark
	}
	return nil
}

// withItems parses ','.with_item+.
func (p *parser) withItems() []*ast.WithItem {
	a := p.withItem()
	if a == nil {
		return nil
	}
	out := []*ast.WithItem{a}
	for {
		m := p.mark
		if p.expect(tCOMMA) == nil {
			break
		}
		a := p.withItem()
		if a == nil {
			p.mark = m
			break
		}
		out = append(out, a)
	}
	return out
}

// with_item:
//
//	| expression 'as' star_target &(',' | ')' | ':')
//	| invalid_with_item
//	| expression
func (p *parser) withItem() *ast.WithItem {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if e := p.expression(); e != nil && p.expect(kwAs) != nil {
		if t := p.starTarget(); t != nil && (p.check(tCOMMA) || p.check(tRPAR) || p.check(tCOLON)) {
			return &ast.WithItem{ContextExpr: e, OptionalVars: t}
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if p.callInvalidRules {
		p.invalidWithItem()
		p.mark = mark
		if p.errorIndicator {
			return nil
		}
	}
	if e := p.expression(); e != nil {
		return &ast.WithItem{ContextExpr: e}
	}
	p.mark = mark
	return nil
}

// try_stmt:
//
//	| invalid_try_stmt
//	| 'try' &&':' block finally_block
//	| 'try' &&':' block except_block+ [else_block] [finally_block]
//	| 'try' &&':' block except_star_block+ [else_block] [finally_block]
func (p *parser) tryStmt() ast.Stmt {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if p.peek() == nil {
		return nil
	}
	if p.callInvalidRules {
		p.invalidTryStmt()
		p.mark = mark
		if p.errorIndicator {
			return nil
		}
	}
	tryBlock := func() ([]ast.Stmt, bool) {
		if p.expect(kwTry) == nil {
			return nil, false
		}
		if p.expectForced(tCOLON, ":") == nil {
			return nil, false
		}
		return p.block()
	}
	if b, ok := tryBlock(); ok {
		if f, ok := p.finallyBlock(); ok {
			return &ast.Try{Loc: p.extra(mark), Body: b, Finalbody: f}
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	for _, star := range []bool{false, true} {
		p.mark = mark
		if p.errorIndicator {
			return nil
		}
		b, ok := tryBlock()
		if !ok {
			continue
		}
		var handlers []*ast.ExceptHandler
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
				break
			}
			handlers = append(handlers, h)
		}
		if len(handlers) == 0 || p.errorIndicator {
			continue
		}
		el, _ := p.elseBlock()
		if p.errorIndicator {
			return nil
		}
		f, _ := p.finallyBlock()
		if p.errorIndicator {
			return nil
		}
		if star {
			return &ast.TryStar{Loc: p.extra(mark), Body: b, Handlers: handlers, Orelse: el, Finalbody: f}
		}
		return &ast.Try{Loc: p.extra(mark), Body: b, Handlers: handlers, Orelse: el, Finalbody: f}
	}
	p.mark = mark
	return nil
}

// except_block:
//
//	| invalid_except_stmt_indent
//	| 'except' expression ['as' NAME] ':' block
//	| 'except' ':' block
//	| invalid_except_stmt
func (p *parser) exceptBlock() *ast.ExceptHandler {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if p.peek() == nil {
		return nil
	}
	if p.callInvalidRules {
		p.invalidExceptStmtIndent()
		p.mark = mark
		if p.errorIndicator {
			return nil
		}
	}
	if p.expect(kwExcept) != nil {
		if e := p.expression(); e != nil {
			name := p.optAsName()
			if !p.errorIndicator && p.expect(tCOLON) != nil {
				if b, ok := p.block(); ok {
					h := &ast.ExceptHandler{Loc: p.extra(mark), Type: e, Body: b}
					if name != nil {
						h.Name, h.NamePos = name.ID, name.Start()
					}
					return h
				}
			}
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if p.expect(kwExcept) != nil && p.expect(tCOLON) != nil {
		if b, ok := p.block(); ok {
			return &ast.ExceptHandler{Loc: p.extra(mark), Body: b}
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if p.callInvalidRules {
		p.invalidExceptStmt()
		p.mark = mark
	}
	return nil
}

// optAsName parses ['as' NAME].
func (p *parser) optAsName() *ast.Name {
	m := p.mark
	if p.expect(kwAs) != nil {
		if z := p.name(); z != nil {
			return z
		}
	}
	p.mark = m
	return nil
}

// except_star_block:
//
//	| invalid_except_star_stmt_indent
//	| 'except' '*' expression ['as' NAME] ':' block
//	| invalid_except_stmt
func (p *parser) exceptStarBlock() *ast.ExceptHandler {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if p.peek() == nil {
		return nil
	}
	if p.callInvalidRules {
		p.invalidExceptStarStmtIndent()
		p.mark = mark
		if p.errorIndicator {
			return nil
		}
	}
	if p.expect(kwExcept) != nil && p.expect(tSTAR) != nil {
		if e := p.expression(); e != nil {
			name := p.optAsName()
			if !p.errorIndicator && p.expect(tCOLON) != nil {
				if b, ok := p.block(); ok {
					h := &ast.ExceptHandler{Loc: p.extra(mark), Type: e, Body: b}
					if name != nil {
						h.Name, h.NamePos = name.ID, name.Start()
					}
					return h
				}
			}
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if p.callInvalidRules {
		p.invalidExceptStmt()
		p.mark = mark
	}
	return nil
}

// finally_block: invalid_finally_stmt | 'finally' &&':' block
func (p *parser) finallyBlock() ([]ast.Stmt, bool) {
	if !p.enter() {
		return nil, false
	}
	defer p.leave()
	mark := p.mark
	if p.callInvalidRules {
		p.invalidFinallyStmt()
		p.mark = mark
		if p.errorIndicator {
			return nil, false
		}
	}
	if p.expect(kwFinally) != nil {
		if p.expectForced(tCOLON, ":") == nil {
			return nil, false
		}
		if a, ok := p.block(); ok {
			return a, true
		}
	}
	p.mark = mark
	return nil, false
}

// match_stmt:
//
//	| "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT
//	| invalid_match_stmt
func (p *parser) matchStmt() ast.Stmt {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if p.peek() == nil {
		return nil
	}
	if p.expectSoftKeyword("match") != nil {
		if subject := p.subjectExpr(); subject != nil && p.expect(tCOLON) != nil && p.expect(tNEWLINE) != nil && p.expect(tINDENT) != nil {
			var cases []*ast.MatchCase
			for {
				m := p.mark
				c := p.caseBlock()
				if c == nil {
					p.mark = m
					break
				}
				cases = append(cases, c)
			}
			if len(cases) > 0 && !p.errorIndicator && p.expect(tDEDENT) != nil {
				return &ast.Match{Loc: p.extra(mark), Subject: subject, Cases: cases}
			}
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if p.callInvalidRules {
		p.invalidMatchStmt()
		p.mark = mark
	}
	return nil
}

// subject_expr: star_named_expression ',' star_named_expressions? | named_expression
func (p *parser) subjectExpr() ast.Expr {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if v := p.starNamedExpression(); v != nil && p.expect(tCOMMA) != nil {
		vs := p.starNamedExpressions()
		if !p.errorIndicator {
			return &ast.Tuple{Loc: p.extra(mark), Elts: append([]ast.Expr{v}, vs...), Ctx: ast.Load}
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if e := p.namedExpression(); e != nil {
		return e
	}
	p.mark = mark
	return nil
}

// case_block: invalid_case_block | "case" patterns guard? ':' block
func (p *parser) caseBlock() *ast.MatchCase {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if p.callInvalidRules {
		p.invalidCaseBlock()
		p.mark = mark
		if p.errorIndicator {
			return nil
		}
	}
	if p.expectSoftKeyword("case") != nil {
		if pat := p.patterns(); pat != nil {
			g := p.guard()
			if !p.errorIndicator && p.expect(tCOLON) != nil {
				if b, ok := p.block(); ok {
					return &ast.MatchCase{Pattern: pat, Guard: g, Body: b}
				}
			}
		}
	}
	p.mark = mark
	return nil
}

// guard: 'if' named_expression
func (p *parser) guard() ast.Expr {
	mark := p.mark
	if p.expect(kwIf) != nil {
		if g := p.namedExpression(); g != nil {
			return g
		}
	}
	p.mark = mark
	return nil
}

// type_alias: "type" NAME [type_params] '=' expression
func (p *parser) typeAlias() ast.Stmt {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if p.expectSoftKeyword("type") != nil {
		if n := p.name(); n != nil {
			t, _ := p.typeParams()
			if !p.errorIndicator && p.expect(tEQUAL) != nil {
				if b := p.expression(); b != nil {
					return &ast.TypeAlias{Loc: p.extra(mark), Name: setContext(n, ast.Store), TypeParams: t, Value: b}
				}
			}
		}
	}
	p.mark = mark
	return nil
}

// type_params: invalid_type_params | '[' type_param_seq ']'
func (p *parser) typeParams() ([]ast.TypeParam, bool) {
	if !p.enter() {
		return nil, false
	}
	defer p.leave()
	mark := p.mark
	if p.callInvalidRules {
		p.invalidTypeParams()
		p.mark = mark
		if p.errorIndicator {
			return nil, false
		}
	}
	if p.expect(tLSQB) != nil {
		if t := p.typeParamSeq(); t != nil && p.expect(tRSQB) != nil {
			return t, true
		}
	}
	p.mark = mark
	return nil, false
}

// type_param_seq: ','.type_param+ [',']
func (p *parser) typeParamSeq() []ast.TypeParam {
	a := p.typeParam()
	if a == nil {
		return nil
	}
	out := []ast.TypeParam{a}
	for {
		m := p.mark
		if p.expect(tCOMMA) == nil {
			break
		}
		a := p.typeParam()
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

// type_param (memo):
//
//	| NAME [type_param_bound] [type_param_default]
//	| invalid_type_param
//	| '*' NAME [type_param_starred_default]
//	| '**' NAME [type_param_default]
func (p *parser) typeParam() ast.TypeParam {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	start := p.mark
	if r, ok := p.memoGet(ruleTypeParam); ok {
		t, _ := r.(ast.TypeParam)
		return t
	}
	res := p.typeParamRaw()
	p.memoPut(start, ruleTypeParam, res)
	return res
}

func (p *parser) typeParamRaw() ast.TypeParam {
	mark := p.mark
	if a := p.name(); a != nil {
		b := p.prefixed(tCOLON, p.expression)
		c := p.prefixed(tEQUAL, p.expression)
		if !p.errorIndicator {
			return &ast.TypeVar{Loc: p.extra(mark), Name: a.ID, Bound: b, DefaultValue: c, NamePos: a.Start()}
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if p.callInvalidRules {
		p.invalidTypeParam()
		p.mark = mark
		if p.errorIndicator {
			return nil
		}
	}
	if p.expect(tSTAR) != nil {
		if a := p.name(); a != nil {
			b := p.prefixed(tEQUAL, p.starExpression)
			if !p.errorIndicator {
				return &ast.TypeVarTuple{Loc: p.extra(mark), Name: a.ID, DefaultValue: b, NamePos: a.Start()}
			}
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if p.expect(tDOUBLESTAR) != nil {
		if a := p.name(); a != nil {
			b := p.prefixed(tEQUAL, p.expression)
			if !p.errorIndicator {
				return &ast.ParamSpec{Loc: p.extra(mark), Name: a.ID, DefaultValue: b, NamePos: a.Start()}
			}
		}
	}
	p.mark = mark
	return nil
}

// prefixed parses [tok f].
func (p *parser) prefixed(tok tokType, f func() ast.Expr) ast.Expr {
	m := p.mark
	if p.expect(tok) != nil {
		if e := f(); e != nil {
			return e
		}
	}
	p.mark = m
	return nil
}

var _ = pyconst.None
