package compiler

// Definitions: functions, lambdas, classes, type parameters and type
// aliases (compiler_function, compiler_class, compiler_lambda,
// compiler_type_params, compiler_typealias and their helpers in
// Python/compile.c).

import (
	"sort"

	"github.com/peephole-lsp/peephole/internal/pyconst"
	"github.com/peephole-lsp/peephole/parser/ast"
	"github.com/peephole-lsp/peephole/symtab"
)

// funcDef is what FunctionDef and AsyncFunctionDef have in common.
type funcDef struct {
	node       ast.Stmt
	loc        Loc
	lineno     int
	name       string
	args       *ast.Arguments
	body       []ast.Stmt
	decorators []ast.Expr
	returns    ast.Expr
	typeParams []ast.TypeParam
	async      bool
}

// checkDebugArgs rejects parameters named __debug__
// (compiler_check_debug_args).
func (c *compiler) checkDebugArgs(args *ast.Arguments) {
	check := func(a *ast.Arg) {
		if a != nil {
			c.forbiddenName(locOf(a), a.Arg, ast.Store)
		}
	}
	for _, a := range args.Posonlyargs {
		check(a)
	}
	for _, a := range args.Args {
		check(a)
	}
	check(args.Vararg)
	for _, a := range args.Kwonlyargs {
		check(a)
	}
	check(args.Kwarg)
}

// decorators evaluates the decorators (compiler_decorators).
func (c *compiler) decorators(decos []ast.Expr) { c.visitExprs(decos) }

// applyDecorators calls them, innermost first (compiler_apply_decorators).
func (c *compiler) applyDecorators(decos []ast.Expr) {
	for i := len(decos) - 1; i >= 0; i-- {
		c.addopI(locOf(decos[i]), CALL, 0)
	}
}

// defaultArguments pushes the defaults and keyword-only defaults and
// returns the SET_FUNCTION_ATTRIBUTE flags they need
// (compiler_default_arguments).
func (c *compiler) defaultArguments(loc Loc, args *ast.Arguments) int {
	flags := 0
	if len(args.Defaults) > 0 {
		c.visitExprs(args.Defaults)
		c.addopI(loc, BUILD_TUPLE, len(args.Defaults))
		flags |= makeFunctionDefaults
	}
	if len(args.Kwonlyargs) > 0 {
		var keys pyconst.Tuple
		for i, a := range args.Kwonlyargs {
			if i < len(args.KwDefaults) && args.KwDefaults[i] != nil {
				keys = append(keys, str(c.mangle(a.Arg)))
				c.visitExpr(args.KwDefaults[i])
			}
		}
		if len(keys) > 0 {
			c.loadConst(loc, keys)
			c.addopI(loc, BUILD_CONST_KEY_MAP, len(keys))
			flags |= makeFunctionKwDefaults
		}
	}
	return flags
}

// argAnnotation pushes one parameter's name and annotation
// (compiler_visit_argannotation).
func (c *compiler) argAnnotation(name string, ann ast.Expr, n *int, loc Loc) {
	if ann == nil {
		return
	}
	c.loadConst(loc, str(c.mangle(name)))
	if c.future.Annotations {
		c.visitAnnExpr(ann)
	} else if s, ok := ann.(*ast.Starred); ok {
		c.visitExpr(s.Value)
		c.addopI(loc, UNPACK_SEQUENCE, 1)
	} else {
		c.visitExpr(ann)
	}
	*n += 2
}

// annotations pushes the annotations tuple of a def and reports whether
// there is one (compiler_visit_annotations).
func (c *compiler) annotations(loc Loc, args *ast.Arguments, returns ast.Expr) bool {
	n := 0
	for _, a := range args.Args {
		c.argAnnotation(a.Arg, a.Annotation, &n, loc)
	}
	for _, a := range args.Posonlyargs {
		c.argAnnotation(a.Arg, a.Annotation, &n, loc)
	}
	if args.Vararg != nil {
		c.argAnnotation(args.Vararg.Arg, args.Vararg.Annotation, &n, loc)
	}
	for _, a := range args.Kwonlyargs {
		c.argAnnotation(a.Arg, a.Annotation, &n, loc)
	}
	if args.Kwarg != nil {
		c.argAnnotation(args.Kwarg.Arg, args.Kwarg.Annotation, &n, loc)
	}
	c.argAnnotation("return", returns, &n, loc)
	if n > 0 {
		c.addopI(loc, BUILD_TUPLE, n)
		return true
	}
	return false
}

// function compiles a def (compiler_function).
func (c *compiler) function(s ast.Stmt, async bool) {
	var d funcDef
	switch f := s.(type) {
	case *ast.FunctionDef:
		d = funcDef{s, locOf(f), f.Lineno, f.Name, f.Args, f.Body, f.DecoratorList, f.Returns, f.TypeParams, false}
	case *ast.AsyncFunctionDef:
		d = funcDef{s, locOf(f), f.Lineno, f.Name, f.Args, f.Body, f.DecoratorList, f.Returns, f.TypeParams, true}
	}
	c.checkDebugArgs(d.args)
	c.decorators(d.decorators)
	firstlineno := d.lineno
	if len(d.decorators) > 0 {
		firstlineno = d.decorators[0].Range().Lineno
	}
	loc := d.loc
	generic := len(d.typeParams) > 0
	funcflags := c.defaultArguments(loc, d.args)
	numTypeparamArgs := 0
	if generic {
		if funcflags&makeFunctionDefaults != 0 {
			numTypeparamArgs++
		}
		if funcflags&makeFunctionKwDefaults != 0 {
			numTypeparamArgs++
		}
		if numTypeparamArgs == 2 {
			c.addopI(loc, SWAP, 2)
		}
		c.enterScope("<generic parameters of "+d.name+">", scopeTypeParams, c.st.TypeParamsBlock(s), firstlineno)
		c.typeParams(d.typeParams)
		for i := 0; i < numTypeparamArgs; i++ {
			c.addopI(loc, LOAD_FAST, i)
		}
	}
	if c.annotations(loc, d.args, d.returns) {
		funcflags |= makeFunctionAnnotations
	}
	c.functionBody(&d, funcflags, firstlineno)
	if generic {
		c.addopI(loc, SWAP, 2)
		c.addopI(loc, CALL_INTRINSIC_2, Intrinsic2SetFuncTypeParam)
		c.u.meta.ArgCount = numTypeparamArgs
		co := c.optimizeAndAssemble(false)
		c.exitScope()
		c.makeClosure(loc, co, 0)
		if numTypeparamArgs > 0 {
			c.addopI(loc, SWAP, numTypeparamArgs+1)
			c.addopI(loc, CALL, numTypeparamArgs-1)
		} else {
			c.addop(loc, PUSH_NULL)
			c.addopI(loc, CALL, 0)
		}
	}
	c.applyDecorators(d.decorators)
	c.nameop(loc, d.name, ast.Store)
}

// functionBody compiles the body of a def into its code object and makes
// the function (compiler_function_body).
func (c *compiler) functionBody(d *funcDef, funcflags, firstlineno int) {
	typ := scopeFunction
	if d.async {
		typ = scopeAsyncFunction
	}
	c.enterScope(d.name, typ, c.st.Lookup(d.node), firstlineno)
	first := 0
	var docConst Const = pyconst.None
	if doc, ok := docString(d.body); ok {
		first = 1
		if c.optimize < 2 {
			docConst = cleanDoc(doc)
		}
	}
	c.addConst(docConst)
	c.u.meta.ArgCount = len(d.args.Args)
	c.u.meta.PosOnlyArgCount = len(d.args.Posonlyargs)
	c.u.meta.KwOnlyArgCount = len(d.args.Kwonlyargs)
	start := c.newLabel()
	c.useLabel(start)
	ste := c.u.ste
	stopIter := ste.Coroutine || ste.Generator
	if stopIter {
		c.pushFblock(NoLoc, fbStopIteration, start, NoLabel)
	}
	c.visitStmts(d.body[first:])
	if stopIter {
		c.wrapInStopIterationHandler()
		c.popFblock(fbStopIteration, start)
	}
	co := c.optimizeAndAssemble(true)
	c.exitScope()
	c.makeClosure(d.loc, co, funcflags)
}

// wrapInStopIterationHandler turns a StopIteration escaping a generator
// into a RuntimeError (wrap_in_stopiteration_handler).
func (c *compiler) wrapInStopIterationHandler() {
	handler := c.newLabel()
	c.u.seq.Insert(0, Instr{Op: SETUP_CLEANUP, Arg: int(handler), Loc: NoLoc, Except: NoHandler})
	c.loadNone(NoLoc)
	c.addop(NoLoc, RETURN_VALUE)
	c.useLabel(handler)
	c.addopI(NoLoc, CALL_INTRINSIC_1, IntrinsicStopIterationErr)
	c.addopI(NoLoc, RERAISE, 1)
}

// makeClosure makes a function object from a code object, with the
// closure its free variables need (compiler_make_closure).
func (c *compiler) makeClosure(loc Loc, co *Code, flags int) {
	frees := co.FreeVars()
	if len(frees) > 0 {
		for _, name := range frees {
			var arg int
			if c.refType(name) == symtab.Cell {
				arg = c.u.meta.CellVars.lookup(name)
			} else {
				arg = c.u.meta.FreeVars.lookup(name)
				if arg >= 0 {
					arg += c.u.meta.CellVars.len()
				}
			}
			if arg < 0 {
				c.internal("compiler_lookup_arg(name=%q) failed in %s; freevars of code %s: %v",
					name, c.u.meta.Name, co.Name, frees)
			}
			c.addopI(loc, LOAD_CLOSURE, arg)
		}
		flags |= makeFunctionClosure
		c.addopI(loc, BUILD_TUPLE, len(frees))
	}
	c.loadConst(loc, co)
	c.addop(loc, MAKE_FUNCTION)
	for _, f := range []int{makeFunctionClosure, makeFunctionAnnotations, makeFunctionKwDefaults, makeFunctionDefaults} {
		if flags&f != 0 {
			c.addopI(loc, SET_FUNCTION_ATTRIBUTE, f)
		}
	}
}

// lambda is compiler_lambda.
func (c *compiler) lambda(e *ast.Lambda) {
	c.checkDebugArgs(e.Args)
	loc := locOf(e)
	funcflags := c.defaultArguments(loc, e.Args)
	c.enterScope("<lambda>", scopeLambda, c.st.Lookup(e), e.Lineno)
	c.addConst(pyconst.None)
	c.u.meta.ArgCount = len(e.Args.Args)
	c.u.meta.PosOnlyArgCount = len(e.Args.Posonlyargs)
	c.u.meta.KwOnlyArgCount = len(e.Args.Kwonlyargs)
	c.visitExpr(e.Body)
	var co *Code
	if c.u.ste.Generator {
		co = c.optimizeAndAssemble(false)
	} else {
		c.addop(locOf(e.Body), RETURN_VALUE)
		co = c.optimizeAndAssemble(true)
	}
	c.exitScope()
	c.makeClosure(loc, co, funcflags)
}

// class compiles a class statement (compiler_class).
func (c *compiler) class(s *ast.ClassDef) {
	c.decorators(s.DecoratorList)
	firstlineno := s.Lineno
	if len(s.DecoratorList) > 0 {
		firstlineno = s.DecoratorList[0].Range().Lineno
	}
	loc := locOf(s)
	generic := len(s.TypeParams) > 0
	if generic {
		c.enterScope("<generic parameters of "+s.Name+">", scopeTypeParams, c.st.TypeParamsBlock(s), firstlineno)
		c.u.private = s.Name
		c.typeParams(s.TypeParams)
		c.nameop(loc, ".type_params", ast.Store)
	}
	c.classBody(s, firstlineno)
	if generic {
		c.nameop(loc, ".type_params", ast.Load)
		c.addopI(loc, CALL_INTRINSIC_1, IntrinsicSubscriptGeneric)
		c.nameop(loc, ".generic_base", ast.Store)
		bases := append(append([]ast.Expr(nil), s.Bases...), &ast.Name{
			Loc: ast.Loc{Lineno: loc.Line, ColOffset: loc.Col, EndLineno: loc.EndLine, EndColOffset: loc.EndCol},
			ID:  ".generic_base", Ctx: ast.Load,
		})
		c.callHelper(loc, 2, bases, s.Keywords)
		co := c.optimizeAndAssemble(false)
		c.exitScope()
		c.makeClosure(loc, co, 0)
		c.addop(loc, PUSH_NULL)
		c.addopI(loc, CALL, 0)
	} else {
		c.callHelper(loc, 2, s.Bases, s.Keywords)
	}
	c.applyDecorators(s.DecoratorList)
	c.nameop(loc, s.Name, ast.Store)
}

// classBody compiles the body of a class into its code object and pushes
// __build_class__, the function and the name (compiler_class_body).
func (c *compiler) classBody(s *ast.ClassDef, firstlineno int) {
	c.enterScope(s.Name, scopeClass, c.st.Lookup(s), firstlineno)
	loc := Loc{firstlineno, firstlineno, 0, 0}
	c.u.private = s.Name
	c.nameop(loc, "__name__", ast.Load)
	c.nameop(loc, "__module__", ast.Store)
	c.loadConst(loc, str(c.u.meta.QualName))
	c.nameop(loc, "__qualname__", ast.Store)
	c.loadConst(loc, pyconst.IntFromInt64(int64(c.u.meta.FirstLineno)))
	c.nameop(loc, "__firstlineno__", ast.Store)
	if len(s.TypeParams) > 0 {
		c.nameop(loc, ".type_params", ast.Load)
		c.nameop(loc, "__type_params__", ast.Store)
	}
	if c.u.ste.NeedsClassdict {
		c.addop(loc, LOAD_LOCALS)
		c.addopI(loc, STORE_DEREF, c.u.derefIndex("__classdict__", false))
	}
	c.body(loc, s.Body)
	attrs := make([]string, 0, len(c.u.staticAttributes))
	for a := range c.u.staticAttributes {
		attrs = append(attrs, a)
	}
	sort.Strings(attrs)
	t := make(pyconst.Tuple, len(attrs))
	for i, a := range attrs {
		t[i] = str(a)
	}
	c.loadConst(NoLoc, t)
	c.nameop(NoLoc, "__static_attributes__", ast.Store)
	if c.u.ste.NeedsClassdict {
		c.addopI(NoLoc, LOAD_CLOSURE, c.u.meta.CellVars.lookup("__classdict__"))
		c.nameop(NoLoc, "__classdictcell__", ast.Store)
	}
	if c.u.ste.NeedsClassClosure {
		c.addopI(NoLoc, LOAD_CLOSURE, c.u.meta.CellVars.lookup("__class__"))
		c.addopI(NoLoc, COPY, 1)
		c.nameop(NoLoc, "__classcell__", ast.Store)
	} else {
		c.loadNone(NoLoc)
	}
	c.addop(NoLoc, RETURN_VALUE)
	co := c.optimizeAndAssemble(true)
	c.exitScope()
	loc = locOf(s)
	c.addop(loc, LOAD_BUILD_CLASS)
	c.addop(loc, PUSH_NULL)
	c.makeClosure(loc, co, 0)
	c.loadConst(loc, str(s.Name))
}

// typeParamBoundOrDefault compiles a TypeVar's bound, constraints or
// default into a function (compiler_type_param_bound_or_default).
func (c *compiler) typeParamBoundOrDefault(e ast.Expr, name string, ste *symtab.Table, allowStarred bool) {
	c.enterScope(name, scopeTypeParams, ste, e.Range().Lineno)
	if s, ok := e.(*ast.Starred); ok && allowStarred {
		c.visitExpr(s.Value)
		c.addopI(locOf(e), UNPACK_SEQUENCE, 1)
	} else {
		c.visitExpr(e)
	}
	c.addop(locOf(e), RETURN_VALUE)
	co := c.optimizeAndAssemble(true)
	c.exitScope()
	c.makeClosure(locOf(e), co, 0)
}

// typeParams creates the type parameters of a generic and leaves their
// tuple on the stack (compiler_type_params).
func (c *compiler) typeParams(tps []ast.TypeParam) {
	seenDefault := false
	for _, tp := range tps {
		loc := locOf(tp)
		var name string
		var dflt ast.Expr
		switch p := tp.(type) {
		case *ast.TypeVar:
			name, dflt = p.Name, p.DefaultValue
			c.loadConst(loc, str(name))
			if p.Bound != nil {
				c.typeParamBoundOrDefault(p.Bound, name, c.st.BoundBlock(tp, false), false)
				if _, ok := p.Bound.(*ast.Tuple); ok {
					c.addopI(loc, CALL_INTRINSIC_2, Intrinsic2TypeVarWithCons)
				} else {
					c.addopI(loc, CALL_INTRINSIC_2, Intrinsic2TypeVarWithBound)
				}
			} else {
				c.addopI(loc, CALL_INTRINSIC_1, IntrinsicTypeVar)
			}
		case *ast.TypeVarTuple:
			name, dflt = p.Name, p.DefaultValue
			c.loadConst(loc, str(name))
			c.addopI(loc, CALL_INTRINSIC_1, IntrinsicTypeVarTuple)
		case *ast.ParamSpec:
			name, dflt = p.Name, p.DefaultValue
			c.loadConst(loc, str(name))
			c.addopI(loc, CALL_INTRINSIC_1, IntrinsicParamSpec)
		}
		if dflt != nil {
			seenDefault = true
			_, isTVT := tp.(*ast.TypeVarTuple)
			c.typeParamBoundOrDefault(dflt, name, c.st.BoundBlock(tp, true), isTVT)
			c.addopI(loc, CALL_INTRINSIC_2, Intrinsic2SetTypeParamDflt)
		} else if seenDefault {
			c.errorAt(loc, "non-default type parameter '%s' follows default type parameter", name)
		}
		c.addopI(loc, COPY, 1)
		c.nameop(loc, name, ast.Store)
	}
	c.addopI(locOf(tps[0]), BUILD_TUPLE, len(tps))
}

// typeAliasBody compiles the value function of a type alias and builds
// the alias (compiler_typealias_body).
func (c *compiler) typeAliasBody(s *ast.TypeAlias) {
	loc := locOf(s)
	name := s.Name.(*ast.Name).ID
	c.enterScope(name, scopeFunction, c.st.Lookup(s), loc.Line)
	c.addConst(pyconst.None)
	c.visitExpr(s.Value)
	c.addop(loc, RETURN_VALUE)
	co := c.optimizeAndAssemble(false)
	c.exitScope()
	c.makeClosure(loc, co, 0)
	c.addopI(loc, BUILD_TUPLE, 3)
	c.addopI(loc, CALL_INTRINSIC_1, IntrinsicTypeAlias)
}

// typeAlias compiles a type statement (compiler_typealias).
func (c *compiler) typeAlias(s *ast.TypeAlias) {
	loc := locOf(s)
	name := s.Name.(*ast.Name).ID
	generic := len(s.TypeParams) > 0
	if generic {
		c.enterScope("<generic parameters of "+name+">", scopeTypeParams, c.st.TypeParamsBlock(s), loc.Line)
		c.loadConst(loc, str(name))
		c.typeParams(s.TypeParams)
	} else {
		c.loadConst(loc, str(name))
		c.loadNone(loc)
	}
	c.typeAliasBody(s)
	if generic {
		co := c.optimizeAndAssemble(false)
		c.exitScope()
		c.makeClosure(loc, co, 0)
		c.addop(loc, PUSH_NULL)
		c.addopI(loc, CALL, 0)
	}
	c.nameop(loc, name, ast.Store)
}
