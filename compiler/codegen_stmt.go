package compiler

// Statements (compiler_visit_stmt and the functions it calls in
// Python/compile.c).

import (
	"strings"

	"github.com/peephole-lsp/peephole/internal/pyconst"
	"github.com/peephole-lsp/peephole/parser/ast"
	"github.com/peephole-lsp/peephole/symtab"
)

func (c *compiler) visitStmts(stmts []ast.Stmt) {
	for _, s := range stmts {
		c.visitStmt(s)
	}
}

// visitStmt is compiler_visit_stmt.
func (c *compiler) visitStmt(st ast.Stmt) {
	switch s := st.(type) {
	case *ast.FunctionDef:
		c.function(s, false)
	case *ast.AsyncFunctionDef:
		c.function(s, true)
	case *ast.ClassDef:
		c.class(s)
	case *ast.TypeAlias:
		c.typeAlias(s)
	case *ast.Return:
		c.returnStmt(s)
	case *ast.Delete:
		c.visitExprs(s.Targets)
	case *ast.Assign:
		c.visitExpr(s.Value)
		for i, t := range s.Targets {
			if i < len(s.Targets)-1 {
				c.addopI(locOf(s), COPY, 1)
			}
			c.visitExpr(t)
		}
	case *ast.AugAssign:
		c.augAssign(s)
	case *ast.AnnAssign:
		c.annAssign(s)
	case *ast.For:
		c.forStmt(s)
	case *ast.AsyncFor:
		c.asyncFor(s)
	case *ast.While:
		c.whileStmt(s)
	case *ast.If:
		c.ifStmt(s)
	case *ast.Match:
		c.match(s)
	case *ast.Raise:
		n := 0
		if s.Exc != nil {
			c.visitExpr(s.Exc)
			n++
			if s.Cause != nil {
				c.visitExpr(s.Cause)
				n++
			}
		}
		c.addopI(locOf(s), RAISE_VARARGS, n)
	case *ast.Try:
		if len(s.Finalbody) > 0 {
			c.tryFinally(locOf(s), s.Body, s.Handlers, s.Orelse, s.Finalbody, false)
		} else {
			c.tryExcept(locOf(s), s.Body, s.Handlers, s.Orelse)
		}
	case *ast.TryStar:
		if len(s.Finalbody) > 0 {
			c.tryFinally(locOf(s), s.Body, s.Handlers, s.Orelse, s.Finalbody, true)
		} else {
			c.tryStarExcept(locOf(s), s.Body, s.Handlers, s.Orelse)
		}
	case *ast.Assert:
		c.assert(s)
	case *ast.Import:
		c.importStmt(s)
	case *ast.ImportFrom:
		c.fromImport(s)
	case *ast.Global, *ast.Nonlocal:
	case *ast.ExprStmt:
		c.stmtExpr(locOf(s), s.Value)
	case *ast.Pass:
		c.addop(locOf(s), NOP)
	case *ast.Break:
		c.breakStmt(locOf(s))
	case *ast.Continue:
		c.continueStmt(locOf(s))
	case *ast.With:
		c.with(s, 0)
	case *ast.AsyncWith:
		c.asyncWith(s, 0)
	default:
		c.internal("unexpected statement %T", st)
	}
}

// stmtExpr is compiler_stmt_expr.
func (c *compiler) stmtExpr(loc Loc, value ast.Expr) {
	if c.interactive && c.nestlevel <= 1 {
		c.visitExpr(value)
		c.addopI(loc, CALL_INTRINSIC_1, IntrinsicPrint)
		c.addop(NoLoc, POP_TOP)
		return
	}
	if _, ok := value.(*ast.Constant); ok {
		c.addop(loc, NOP)
		return
	}
	c.visitExpr(value)
	c.addop(NoLoc, POP_TOP)
}

// returnStmt is compiler_return.
func (c *compiler) returnStmt(s *ast.Return) {
	loc := locOf(s)
	_, isConst := s.Value.(*ast.Constant)
	preserveTOS := s.Value != nil && !isConst
	if !c.isFunctionLike() {
		c.errorAt(loc, "'return' outside function")
	}
	if s.Value != nil && c.u.ste.Coroutine && c.u.ste.Generator {
		c.errorAt(loc, "'return' with value in async generator")
	}
	if preserveTOS {
		c.visitExpr(s.Value)
	} else if s.Value != nil {
		loc = locOf(s.Value)
		c.addop(loc, NOP)
	}
	if s.Value == nil || s.Value.Range().Lineno != s.Lineno {
		loc = locOf(s)
		c.addop(loc, NOP)
	}
	c.unwindFblockStack(&loc, preserveTOS, false)
	if s.Value == nil {
		c.loadNone(loc)
	} else if !preserveTOS {
		c.loadConst(loc, s.Value.(*ast.Constant).Value)
	}
	c.addop(loc, RETURN_VALUE)
}

// breakStmt is compiler_break.
func (c *compiler) breakStmt(loc Loc) {
	origin := loc
	c.addop(loc, NOP)
	loop := c.unwindFblockStack(&loc, false, true)
	if loop == nil {
		c.errorAt(origin, "'break' outside loop")
	}
	c.unwindFblock(&loc, loop, false)
	c.addopJump(loc, JUMP, loop.exit)
}

// continueStmt is compiler_continue.
func (c *compiler) continueStmt(loc Loc) {
	origin := loc
	c.addop(loc, NOP)
	loop := c.unwindFblockStack(&loc, false, true)
	if loop == nil {
		c.errorAt(origin, "'continue' not properly in loop")
	}
	c.addopJump(loc, JUMP, loop.block)
}

// ifStmt is compiler_if.
func (c *compiler) ifStmt(s *ast.If) {
	end := c.newLabel()
	next := end
	if len(s.Orelse) > 0 {
		next = c.newLabel()
	}
	c.jumpIf(locOf(s), s.Test, next, false)
	c.visitStmts(s.Body)
	if len(s.Orelse) > 0 {
		c.addopJump(NoLoc, JUMP_NO_INTERRUPT, end)
		c.useLabel(next)
		c.visitStmts(s.Orelse)
	}
	c.useLabel(end)
}

// forStmt is compiler_for.
func (c *compiler) forStmt(s *ast.For) {
	loc := locOf(s)
	start := c.newLabel()
	body := c.newLabel()
	cleanup := c.newLabel()
	end := c.newLabel()
	c.pushFblock(loc, fbForLoop, start, end)
	c.visitExpr(s.Iter)
	loc = locOf(s.Iter)
	c.addop(loc, GET_ITER)
	c.useLabel(start)
	c.addopJump(loc, FOR_ITER, cleanup)
	c.addop(locOf(s.Target), NOP)
	c.useLabel(body)
	c.visitExpr(s.Target)
	c.visitStmts(s.Body)
	c.addopJump(NoLoc, JUMP, start)
	c.useLabel(cleanup)
	c.addop(NoLoc, END_FOR)
	c.addop(NoLoc, POP_TOP)
	c.popFblock(fbForLoop, start)
	c.visitStmts(s.Orelse)
	c.useLabel(end)
}

// asyncFor is compiler_async_for.
func (c *compiler) asyncFor(s *ast.AsyncFor) {
	loc := locOf(s)
	if c.u.scopeType != scopeAsyncFunction {
		c.errorAt(loc, "'async for' outside async function")
	}
	start := c.newLabel()
	except := c.newLabel()
	end := c.newLabel()
	c.visitExpr(s.Iter)
	c.addop(locOf(s.Iter), GET_AITER)
	c.useLabel(start)
	c.pushFblock(loc, fbForLoop, start, end)
	c.addopJump(loc, SETUP_FINALLY, except)
	c.addop(loc, GET_ANEXT)
	c.loadNone(loc)
	c.addYieldFrom(loc, true)
	c.addop(loc, POP_BLOCK)
	c.visitExpr(s.Target)
	c.visitStmts(s.Body)
	c.addopJump(NoLoc, JUMP, start)
	c.popFblock(fbForLoop, start)
	c.useLabel(except)
	c.addop(locOf(s.Iter), END_ASYNC_FOR)
	c.visitStmts(s.Orelse)
	c.useLabel(end)
}

// whileStmt is compiler_while.
func (c *compiler) whileStmt(s *ast.While) {
	loop := c.newLabel()
	body := c.newLabel()
	end := c.newLabel()
	anchor := c.newLabel()
	c.useLabel(loop)
	c.pushFblock(locOf(s), fbWhileLoop, loop, end)
	c.jumpIf(locOf(s), s.Test, anchor, false)
	c.useLabel(body)
	c.visitStmts(s.Body)
	c.jumpIf(locOf(s), s.Test, body, true)
	c.popFblock(fbWhileLoop, loop)
	c.useLabel(anchor)
	c.visitStmts(s.Orelse)
	c.useLabel(end)
}

// popExceptAndReraise is POP_EXCEPT_AND_RERAISE.
func (c *compiler) popExceptAndReraise(loc Loc) {
	c.addopI(loc, COPY, 3)
	c.addop(loc, POP_EXCEPT)
	c.addopI(loc, RERAISE, 1)
}

// tryFinally is compiler_try_finally and compiler_try_star_finally.
func (c *compiler) tryFinally(loc Loc, body []ast.Stmt, handlers []*ast.ExceptHandler, orelse, finalbody []ast.Stmt, star bool) {
	bodyL := c.newLabel()
	end := c.newLabel()
	exit := c.newLabel()
	cleanup := c.newLabel()
	c.addopJump(loc, SETUP_FINALLY, end)
	c.useLabel(bodyL)
	fb := c.pushFblock(loc, fbFinallyTry, bodyL, end)
	fb.body = finalbody
	if len(handlers) > 0 {
		if star {
			c.tryStarExcept(loc, body, handlers, orelse)
		} else {
			c.tryExcept(loc, body, handlers, orelse)
		}
	} else {
		c.visitStmts(body)
	}
	c.addop(NoLoc, POP_BLOCK)
	c.popFblock(fbFinallyTry, bodyL)
	c.visitStmts(finalbody)
	c.addopJump(NoLoc, JUMP_NO_INTERRUPT, exit)
	c.useLabel(end)
	loc = NoLoc
	c.addopJump(loc, SETUP_CLEANUP, cleanup)
	c.addop(loc, PUSH_EXC_INFO)
	c.pushFblock(loc, fbFinallyEnd, end, NoLabel)
	c.visitStmts(finalbody)
	c.popFblock(fbFinallyEnd, end)
	loc = NoLoc
	c.addopI(loc, RERAISE, 0)
	c.useLabel(cleanup)
	c.popExceptAndReraise(loc)
	c.useLabel(exit)
}

// tryExcept is compiler_try_except.
func (c *compiler) tryExcept(loc Loc, body []ast.Stmt, handlers []*ast.ExceptHandler, orelse []ast.Stmt) {
	bodyL := c.newLabel()
	except := c.newLabel()
	end := c.newLabel()
	cleanup := c.newLabel()
	c.addopJump(loc, SETUP_FINALLY, except)
	c.useLabel(bodyL)
	c.pushFblock(loc, fbTryExcept, bodyL, NoLabel)
	c.visitStmts(body)
	c.popFblock(fbTryExcept, bodyL)
	c.addop(NoLoc, POP_BLOCK)
	c.visitStmts(orelse)
	c.addopJump(NoLoc, JUMP_NO_INTERRUPT, end)
	n := len(handlers)
	c.useLabel(except)
	c.addopJump(NoLoc, SETUP_CLEANUP, cleanup)
	c.addop(NoLoc, PUSH_EXC_INFO)
	c.pushFblock(loc, fbExceptionHandler, NoLabel, NoLabel)
	for i, h := range handlers {
		hloc := locOf(h)
		if h.Type == nil && i < n-1 {
			c.errorAt(hloc, "default 'except:' must be last")
		}
		except = c.newLabel()
		if h.Type != nil {
			c.visitExpr(h.Type)
			c.addop(hloc, CHECK_EXC_MATCH)
			c.addopJump(hloc, POP_JUMP_IF_FALSE, except)
		}
		if h.Name != "" {
			cleanupEnd := c.newLabel()
			cleanupBody := c.newLabel()
			c.nameop(hloc, h.Name, ast.Store)
			c.addopJump(hloc, SETUP_CLEANUP, cleanupEnd)
			c.useLabel(cleanupBody)
			fb := c.pushFblock(hloc, fbHandlerCleanup, cleanupBody, NoLabel)
			fb.name = h.Name
			c.visitStmts(h.Body)
			c.popFblock(fbHandlerCleanup, cleanupBody)
			c.addop(NoLoc, POP_BLOCK)
			c.addop(NoLoc, POP_BLOCK)
			c.addop(NoLoc, POP_EXCEPT)
			c.loadNone(NoLoc)
			c.nameop(NoLoc, h.Name, ast.Store)
			c.nameop(NoLoc, h.Name, ast.Del)
			c.addopJump(NoLoc, JUMP_NO_INTERRUPT, end)
			c.useLabel(cleanupEnd)
			c.loadNone(NoLoc)
			c.nameop(NoLoc, h.Name, ast.Store)
			c.nameop(NoLoc, h.Name, ast.Del)
			c.addopI(NoLoc, RERAISE, 1)
		} else {
			cleanupBody := c.newLabel()
			c.addop(hloc, POP_TOP)
			c.useLabel(cleanupBody)
			c.pushFblock(hloc, fbHandlerCleanup, cleanupBody, NoLabel)
			c.visitStmts(h.Body)
			c.popFblock(fbHandlerCleanup, cleanupBody)
			c.addop(NoLoc, POP_BLOCK)
			c.addop(NoLoc, POP_EXCEPT)
			c.addopJump(NoLoc, JUMP_NO_INTERRUPT, end)
		}
		c.useLabel(except)
	}
	c.popFblock(fbExceptionHandler, NoLabel)
	c.addopI(NoLoc, RERAISE, 0)
	c.useLabel(cleanup)
	c.popExceptAndReraise(NoLoc)
	c.useLabel(end)
}

// tryStarExcept is compiler_try_star_except.
func (c *compiler) tryStarExcept(loc Loc, body []ast.Stmt, handlers []*ast.ExceptHandler, orelse []ast.Stmt) {
	bodyL := c.newLabel()
	except := c.newLabel()
	orelseL := c.newLabel()
	end := c.newLabel()
	cleanup := c.newLabel()
	reraiseStar := c.newLabel()
	c.addopJump(loc, SETUP_FINALLY, except)
	c.useLabel(bodyL)
	c.pushFblock(loc, fbTryExcept, bodyL, NoLabel)
	c.visitStmts(body)
	c.popFblock(fbTryExcept, bodyL)
	c.addop(NoLoc, POP_BLOCK)
	c.addopJump(NoLoc, JUMP_NO_INTERRUPT, orelseL)
	n := len(handlers)
	c.useLabel(except)
	c.addopJump(NoLoc, SETUP_CLEANUP, cleanup)
	c.addop(NoLoc, PUSH_EXC_INFO)
	c.pushFblock(loc, fbExceptionGroupHandler, NoLabel, NoLabel)
	for i, h := range handlers {
		hloc := locOf(h)
		except = c.newLabel()
		exceptWithError := c.newLabel()
		noMatch := c.newLabel()
		if i == 0 {
			c.addopI(hloc, BUILD_LIST, 0)
			c.addopI(hloc, COPY, 2)
		}
		if h.Type != nil {
			c.visitExpr(h.Type)
			c.addop(hloc, CHECK_EG_MATCH)
			c.addopI(hloc, COPY, 1)
			c.addopJump(hloc, POP_JUMP_IF_NONE, noMatch)
		}
		cleanupEnd := c.newLabel()
		cleanupBody := c.newLabel()
		if h.Name != "" {
			c.nameop(hloc, h.Name, ast.Store)
		} else {
			c.addop(hloc, POP_TOP)
		}
		c.addopJump(hloc, SETUP_CLEANUP, cleanupEnd)
		c.useLabel(cleanupBody)
		fb := c.pushFblock(hloc, fbHandlerCleanup, cleanupBody, NoLabel)
		fb.name = h.Name
		c.visitStmts(h.Body)
		c.popFblock(fbHandlerCleanup, cleanupBody)
		c.addop(NoLoc, POP_BLOCK)
		if h.Name != "" {
			c.loadNone(NoLoc)
			c.nameop(NoLoc, h.Name, ast.Store)
			c.nameop(NoLoc, h.Name, ast.Del)
		}
		c.addopJump(NoLoc, JUMP_NO_INTERRUPT, except)
		c.useLabel(cleanupEnd)
		if h.Name != "" {
			c.loadNone(NoLoc)
			c.nameop(NoLoc, h.Name, ast.Store)
			c.nameop(NoLoc, h.Name, ast.Del)
		}
		c.addopI(NoLoc, LIST_APPEND, 3)
		c.addop(NoLoc, POP_TOP)
		c.addopJump(NoLoc, JUMP_NO_INTERRUPT, exceptWithError)
		c.useLabel(except)
		c.addop(NoLoc, NOP)
		c.addopJump(NoLoc, JUMP_NO_INTERRUPT, exceptWithError)
		c.useLabel(noMatch)
		c.addop(hloc, POP_TOP)
		c.useLabel(exceptWithError)
		if i == n-1 {
			c.addopI(NoLoc, LIST_APPEND, 1)
			c.addopJump(NoLoc, JUMP_NO_INTERRUPT, reraiseStar)
		}
	}
	c.popFblock(fbExceptionGroupHandler, NoLabel)
	reraise := c.newLabel()
	c.useLabel(reraiseStar)
	c.addopI(NoLoc, CALL_INTRINSIC_2, Intrinsic2PrepReraiseStar)
	c.addopI(NoLoc, COPY, 1)
	c.addopJump(NoLoc, POP_JUMP_IF_NOT_NONE, reraise)
	c.addop(NoLoc, POP_TOP)
	c.addop(NoLoc, POP_BLOCK)
	c.addop(NoLoc, POP_EXCEPT)
	c.addopJump(NoLoc, JUMP_NO_INTERRUPT, end)
	c.useLabel(reraise)
	c.addop(NoLoc, POP_BLOCK)
	c.addopI(NoLoc, SWAP, 2)
	c.addop(NoLoc, POP_EXCEPT)
	c.addopI(NoLoc, RERAISE, 0)
	c.useLabel(cleanup)
	c.popExceptAndReraise(NoLoc)
	c.useLabel(orelseL)
	c.visitStmts(orelse)
	c.useLabel(end)
}

// with is compiler_with.
func (c *compiler) with(s *ast.With, pos int) {
	item := s.Items[pos]
	block := c.newLabel()
	final := c.newLabel()
	exit := c.newLabel()
	cleanup := c.newLabel()
	c.visitExpr(item.ContextExpr)
	loc := locOf(item.ContextExpr)
	c.addop(loc, BEFORE_WITH)
	c.addopJump(loc, SETUP_WITH, final)
	c.useLabel(block)
	c.pushFblock(loc, fbWith, block, final)
	if item.OptionalVars != nil {
		c.visitExpr(item.OptionalVars)
	} else {
		c.addop(loc, POP_TOP)
	}
	pos++
	if pos == len(s.Items) {
		c.visitStmts(s.Body)
	} else {
		c.with(s, pos)
	}
	c.addop(NoLoc, POP_BLOCK)
	c.popFblock(fbWith, block)
	c.callExitWithNones(loc)
	c.addop(loc, POP_TOP)
	c.addopJump(loc, JUMP, exit)
	c.useLabel(final)
	c.addopJump(loc, SETUP_CLEANUP, cleanup)
	c.addop(loc, PUSH_EXC_INFO)
	c.addop(loc, WITH_EXCEPT_START)
	c.withExceptFinish(cleanup)
	c.useLabel(exit)
}

// asyncWith is compiler_async_with.
func (c *compiler) asyncWith(s *ast.AsyncWith, pos int) {
	loc := locOf(s)
	item := s.Items[pos]
	if c.u.scopeType != scopeAsyncFunction {
		c.errorAt(loc, "'async with' outside async function")
	}
	block := c.newLabel()
	final := c.newLabel()
	exit := c.newLabel()
	cleanup := c.newLabel()
	c.visitExpr(item.ContextExpr)
	loc = locOf(item.ContextExpr)
	c.addop(loc, BEFORE_ASYNC_WITH)
	c.addopI(loc, GET_AWAITABLE, 1)
	c.loadNone(loc)
	c.addYieldFrom(loc, true)
	c.addopJump(loc, SETUP_WITH, final)
	c.useLabel(block)
	c.pushFblock(loc, fbAsyncWith, block, final)
	if item.OptionalVars != nil {
		c.visitExpr(item.OptionalVars)
	} else {
		c.addop(loc, POP_TOP)
	}
	pos++
	if pos == len(s.Items) {
		c.visitStmts(s.Body)
	} else {
		c.asyncWith(s, pos)
	}
	c.popFblock(fbAsyncWith, block)
	c.addop(loc, POP_BLOCK)
	c.callExitWithNones(loc)
	c.addopI(loc, GET_AWAITABLE, 2)
	c.loadNone(loc)
	c.addYieldFrom(loc, true)
	c.addop(loc, POP_TOP)
	c.addopJump(loc, JUMP_NO_INTERRUPT, exit)
	c.useLabel(final)
	c.addopJump(loc, SETUP_CLEANUP, cleanup)
	c.addop(loc, PUSH_EXC_INFO)
	c.addop(loc, WITH_EXCEPT_START)
	c.addopI(loc, GET_AWAITABLE, 2)
	c.loadNone(loc)
	c.addYieldFrom(loc, true)
	c.withExceptFinish(cleanup)
	c.useLabel(exit)
}

// withExceptFinish is compiler_with_except_finish.
func (c *compiler) withExceptFinish(cleanup Label) {
	suppress := c.newLabel()
	c.addop(NoLoc, TO_BOOL)
	c.addopJump(NoLoc, POP_JUMP_IF_TRUE, suppress)
	c.addopI(NoLoc, RERAISE, 2)
	c.useLabel(suppress)
	c.addop(NoLoc, POP_TOP)
	c.addop(NoLoc, POP_BLOCK)
	c.addop(NoLoc, POP_EXCEPT)
	c.addop(NoLoc, POP_TOP)
	c.addop(NoLoc, POP_TOP)
	exit := c.newLabel()
	c.addopJump(NoLoc, JUMP_NO_INTERRUPT, exit)
	c.useLabel(cleanup)
	c.popExceptAndReraise(NoLoc)
	c.useLabel(exit)
}

// assert is compiler_assert.
func (c *compiler) assert(s *ast.Assert) {
	switch t := s.Test.(type) {
	case *ast.Tuple:
		if len(t.Elts) > 0 {
			c.warn(locOf(s), "assertion is always true, perhaps remove parentheses?")
		}
	case *ast.Constant:
		if tu, ok := t.Value.(pyconst.Tuple); ok && len(tu) > 0 {
			c.warn(locOf(s), "assertion is always true, perhaps remove parentheses?")
		}
	}
	if c.optimize > 0 {
		return
	}
	end := c.newLabel()
	c.jumpIf(locOf(s), s.Test, end, true)
	c.addop(locOf(s), LOAD_ASSERTION_ERROR)
	if s.Msg != nil {
		c.visitExpr(s.Msg)
		c.addopI(locOf(s), CALL, 0)
	}
	c.addopI(locOf(s.Test), RAISE_VARARGS, 1)
	c.useLabel(end)
}

// importAs binds the module an `import a.b.c as d` imported
// (compiler_import_as).
func (c *compiler) importAs(loc Loc, name, asname string) {
	if i := strings.IndexByte(name, '.'); i >= 0 {
		rest := name[i+1:]
		for {
			j := strings.IndexByte(rest, '.')
			attr := rest
			if j >= 0 {
				attr = rest[:j]
			}
			c.addopN(loc, IMPORT_FROM, &c.u.meta.Names, attr)
			if j < 0 {
				break
			}
			c.addopI(loc, SWAP, 2)
			c.addop(loc, POP_TOP)
			rest = rest[j+1:]
		}
		c.nameop(loc, asname, ast.Store)
		c.addop(loc, POP_TOP)
		return
	}
	c.nameop(loc, asname, ast.Store)
}

// importStmt is compiler_import.
func (c *compiler) importStmt(s *ast.Import) {
	loc := locOf(s)
	for _, a := range s.Names {
		c.loadConst(loc, pyconst.IntFromInt64(0))
		c.loadNone(loc)
		c.addopName(loc, IMPORT_NAME, &c.u.meta.Names, a.Name)
		if a.Asname != "" {
			c.importAs(loc, a.Name, a.Asname)
		} else {
			tmp := a.Name
			if i := strings.IndexByte(tmp, '.'); i >= 0 {
				tmp = tmp[:i]
			}
			c.nameop(loc, tmp, ast.Store)
		}
	}
}

// fromImport is compiler_from_import.
func (c *compiler) fromImport(s *ast.ImportFrom) {
	loc := locOf(s)
	c.loadConst(loc, pyconst.IntFromInt64(int64(s.Level)))
	names := make(pyconst.Tuple, len(s.Names))
	for i, a := range s.Names {
		names[i] = str(a.Name)
	}
	if s.Module == "__future__" && s.Level == 0 && c.afterFuture(loc) {
		c.errorAt(loc, "from __future__ imports must occur at the beginning of the file")
	}
	c.loadConst(loc, names)
	c.addopName(loc, IMPORT_NAME, &c.u.meta.Names, s.Module)
	for i, a := range s.Names {
		if i == 0 && strings.HasPrefix(a.Name, "*") {
			c.addopI(loc, CALL_INTRINSIC_1, IntrinsicImportStar)
			c.addop(NoLoc, POP_TOP)
			return
		}
		c.addopName(loc, IMPORT_FROM, &c.u.meta.Names, a.Name)
		store := a.Name
		if a.Asname != "" {
			store = a.Asname
		}
		c.nameop(loc, store, ast.Store)
	}
	c.addop(loc, POP_TOP)
}

// afterFuture reports whether loc comes after the last future import
// (location_is_after against ff_location).
func (c *compiler) afterFuture(loc Loc) bool {
	f := c.future.Loc
	if f.Lineno == 0 {
		return true
	}
	return loc.Line > f.Lineno || loc.Line == f.Lineno && loc.Col > f.ColOffset
}

// augAssign is compiler_augassign.
func (c *compiler) augAssign(s *ast.AugAssign) {
	e := s.Target
	loc := locOf(e)
	switch t := e.(type) {
	case *ast.Attribute:
		c.visitExpr(t.Value)
		c.addopI(loc, COPY, 1)
		loc = c.attrLoc(loc, t)
		c.addopName(loc, LOAD_ATTR, &c.u.meta.Names, t.Attr)
	case *ast.Subscript:
		c.visitExpr(t.Value)
		if isTwoElementSlice(t.Slice) {
			c.slice(t.Slice.(*ast.Slice))
			c.addopI(loc, COPY, 3)
			c.addopI(loc, COPY, 3)
			c.addopI(loc, COPY, 3)
			c.addop(loc, BINARY_SLICE)
		} else {
			c.visitExpr(t.Slice)
			c.addopI(loc, COPY, 2)
			c.addopI(loc, COPY, 2)
			c.addop(loc, BINARY_SUBSCR)
		}
	case *ast.Name:
		c.nameop(loc, t.ID, ast.Load)
	default:
		c.internal("invalid node type %T for augmented assignment", e)
	}
	c.visitExpr(s.Value)
	c.addopI(locOf(s), BINARY_OP, binaryOparg(s.Op, true))
	loc = locOf(e)
	switch t := e.(type) {
	case *ast.Attribute:
		loc = c.attrLoc(loc, t)
		c.addopI(loc, SWAP, 2)
		c.addopName(loc, STORE_ATTR, &c.u.meta.Names, t.Attr)
	case *ast.Subscript:
		if isTwoElementSlice(t.Slice) {
			c.addopI(loc, SWAP, 4)
			c.addopI(loc, SWAP, 3)
			c.addopI(loc, SWAP, 2)
			c.addop(loc, STORE_SLICE)
		} else {
			c.addopI(loc, SWAP, 3)
			c.addopI(loc, SWAP, 2)
			c.addop(loc, STORE_SUBSCR)
		}
	case *ast.Name:
		c.nameop(loc, t.ID, ast.Store)
	}
}

// annAssign is compiler_annassign.
func (c *compiler) annAssign(s *ast.AnnAssign) {
	loc := locOf(s)
	if s.Value != nil {
		c.visitExpr(s.Value)
		c.visitExpr(s.Target)
	}
	switch t := s.Target.(type) {
	case *ast.Name:
		c.forbiddenName(loc, t.ID, ast.Store)
		if s.Simple != 0 && (c.u.scopeType == scopeModule || c.u.scopeType == scopeClass) {
			if c.future.Annotations {
				c.visitAnnExpr(s.Annotation)
			} else {
				c.visitExpr(s.Annotation)
			}
			c.addopName(loc, LOAD_NAME, &c.u.meta.Names, "__annotations__")
			c.loadConst(loc, str(c.mangle(t.ID)))
			c.addop(loc, STORE_SUBSCR)
		}
	case *ast.Attribute:
		c.forbiddenName(loc, t.Attr, ast.Store)
		if s.Value == nil {
			c.checkAnnExpr(t.Value)
		}
	case *ast.Subscript:
		if s.Value == nil {
			c.checkAnnExpr(t.Value)
			c.checkAnnSubscr(t.Slice)
		}
	default:
		c.internal("invalid node type %T for annotated assignment", s.Target)
	}
	if s.Simple == 0 && !c.future.Annotations && (c.u.scopeType == scopeModule || c.u.scopeType == scopeClass) {
		c.checkAnnExpr(s.Annotation)
	}
}

// checkAnnExpr evaluates an expression for its side effects
// (check_ann_expr).
func (c *compiler) checkAnnExpr(e ast.Expr) {
	c.visitExpr(e)
	c.addop(locOf(e), POP_TOP)
}

// checkAnnSubscr is check_ann_subscr.
func (c *compiler) checkAnnSubscr(e ast.Expr) {
	switch t := e.(type) {
	case *ast.Slice:
		for _, x := range []ast.Expr{t.Lower, t.Upper, t.Step} {
			if x != nil {
				c.checkAnnExpr(x)
			}
		}
	case *ast.Tuple:
		for _, x := range t.Elts {
			c.checkAnnSubscr(x)
		}
	default:
		c.checkAnnExpr(e)
	}
}

// visitAnnExpr loads an annotation as the string of its source, under
// `from __future__ import annotations` (compiler_visit_annexpr).
func (c *compiler) visitAnnExpr(e ast.Expr) {
	s, err := unparseExpr(e)
	if err != nil {
		c.internal("unparse: %v", err)
	}
	c.loadConst(locOf(e), s)
}

var _ = symtab.Local
