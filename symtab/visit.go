package symtab

import (
	"fmt"
	"strings"

	"github.com/peephole-lsp/peephole/parser"
	"github.com/peephole-lsp/peephole/parser/ast"
)

// This file is the first pass: it walks the tree, creates the blocks and
// records the raw flags of every name (CPython's symtable_visit_*).

// builder is the state of one Build.
type builder struct {
	mod        *Module
	opts       Options
	cur        *Table
	stack      []*Table
	global     *symDict // the module block's symbols (st_global)
	private    string   // the class whose names are mangled (st_private)
	hasPrivate bool
	future     Future
	depth      int
	editor     bool                  // record errors and go on (BuildEditor)
	errors     []*parser.SyntaxError // the errors recorded in editor mode
}

// symtabError is panicked to abandon the build on a SyntaxError.
type symtabError struct{ err *parser.SyntaxError }

// maxDepth bounds the recursion of the visitor.
const maxDepth = 4000

func (st *builder) build(mod ast.ModNode) (err *parser.SyntaxError) {
	defer func() {
		if r := recover(); r != nil {
			se, ok := r.(symtabError)
			if !ok {
				panic(r)
			}
			err = se.err
		}
	}()
	st.enterBlock("top", ModuleBlock, mod, ast.Loc{})
	st.mod.Top = st.cur
	switch m := mod.(type) {
	case *ast.Module:
		for _, s := range m.Body {
			st.visitStmt(s)
		}
	case *ast.Interactive:
		for _, s := range m.Body {
			st.visitStmt(s)
		}
	case *ast.Expression:
		st.visitExpr(m.Body)
	case *ast.FunctionType:
		for _, e := range m.Argtypes {
			st.visitExpr(e)
		}
		st.visitExpr(m.Returns)
	}
	st.exitBlock()
	st.analyze()
	return nil
}

// errorAt raises a SyntaxError located at loc, as SET_ERROR_LOCATION does:
// the offsets are the node's byte columns plus one (CPython does not
// convert them to characters here), and the text is the line read back
// from the file.
func (st *builder) errorAt(loc ast.Loc, format string, args ...any) {
	err := st.newError(loc, fmt.Sprintf(format, args...))
	if st.editor {
		st.errors = append(st.errors, err)
		return
	}
	panic(symtabError{err})
}

func (st *builder) newError(loc ast.Loc, msg string) *parser.SyntaxError {
	return NewError(st.opts, loc, msg)
}

// NewError builds a SyntaxError as CPython's PyErr_RangedSyntaxLocationObject
// does for errors found after parsing (in the symbol table or the compiler).
func NewError(opts Options, loc ast.Loc, msg string) *parser.SyntaxError {
	e := &parser.SyntaxError{
		Kind: parser.SyntaxErr, Msg: msg, Filename: opts.Filename,
		Lineno: loc.Lineno, Offset: loc.ColOffset + 1, EndLineno: loc.EndLineno, EndOffset: loc.EndColOffset + 1,
		HasLineno: true, HasOffset: true, HasEnd: true,
		Pos: parser.Position{Line: loc.Lineno, Col: loc.ColOffset}, End: parser.Position{Line: loc.EndLineno, Col: loc.EndColOffset},
	}
	if opts.IsFile {
		if text, ok := parser.SourceLine(opts.Source, loc.Lineno, ""); ok {
			e.Text, e.HasText = text, true
		}
	}
	return e
}

func (st *builder) enter() {
	st.depth++
	if st.depth > maxDepth {
		panic(symtabError{&parser.SyntaxError{Kind: parser.SyntaxErr, Msg: "maximum recursion depth exceeded during compilation", Filename: st.opts.Filename}})
	}
}

func (st *builder) leave() { st.depth-- }

// enterBlock starts a new block (symtable_enter_block).
func (st *builder) enterBlock(name string, typ BlockType, node ast.Node, loc ast.Loc) *Table {
	t := &Table{Type: typ, Name: name, Node: node, symbols: newSymDict(),
		Lineno: loc.Lineno, ColOffset: loc.ColOffset, EndLineno: loc.EndLineno, EndColOf: loc.EndColOffset}
	prev := st.cur
	if prev != nil && (prev.Nested || prev.IsFunctionLike()) {
		t.Nested = true
	}
	st.stack = append(st.stack, t)
	if prev != nil {
		t.compIterExpr = prev.compIterExpr
		if prev.mangledNames != nil && typ != ClassBlock {
			t.mangledNames = prev.mangledNames
		}
	}
	t.parent = prev
	if prev != nil {
		prev.allKids = append(prev.allKids, t)
	}
	st.cur = t
	if typ == AnnotationBlock {
		return t
	}
	if typ == ModuleBlock {
		st.global = t.symbols
	}
	if prev != nil {
		prev.Children = append(prev.Children, t)
	}
	return t
}

func (st *builder) exitBlock() {
	st.stack = st.stack[:len(st.stack)-1]
	if len(st.stack) > 0 {
		st.cur = st.stack[len(st.stack)-1]
	} else {
		st.cur = nil
	}
}

func (st *builder) register(key blockKey, t *Table) { st.mod.blocks[key] = t }

// mangle is _Py_MaybeMangle: private names (__x) in a class are renamed
// _Class__x, except in blocks that mangle only their type parameters.
func (st *builder) mangle(t *Table, name string) string {
	if t.mangledNames != nil && !t.mangledNames.Contains(name) {
		return name
	}
	if !st.hasPrivate {
		return name
	}
	return Mangle(st.private, name)
}

// Mangle is CPython's _Py_Mangle.
func Mangle(private, name string) string {
	if !strings.HasPrefix(name, "__") {
		return name
	}
	if strings.HasSuffix(name, "__") || strings.Contains(name, ".") {
		return name
	}
	p := strings.TrimLeft(private, "_")
	if p == "" {
		return name
	}
	return "_" + p + name
}

// addDef records flag for name in the current block (symtable_add_def).
func (st *builder) addDef(name string, flag int, loc ast.Loc) {
	if flag&DefTypeParam != 0 && st.cur.mangledNames != nil {
		st.cur.mangledNames.Add(name)
	}
	st.addDefHelper(name, flag, st.cur, loc)
}

func (st *builder) addDefHelper(name string, flag int, t *Table, loc ast.Loc) {
	mangled := st.mangle(st.cur, name)
	val, ok := t.symbols.Get(mangled)
	if ok {
		if flag&DefParam != 0 && val&DefParam != 0 {
			st.errorAt(loc, "duplicate argument '%s' in function definition", name)
			return
		}
		if flag&DefTypeParam != 0 && val&DefTypeParam != 0 {
			st.errorAt(loc, "duplicate type parameter '%s'", name)
			return
		}
		val |= flag
	} else {
		val = flag
	}
	if t.compIterTarget {
		if val&(DefGlobal|DefNonlocal) != 0 {
			st.errorAt(loc, "comprehension inner loop cannot rebind assignment expression target '%s'", name)
		}
		val |= DefCompIter
	}
	t.symbols.Set(mangled, val)
	if flag&DefParam != 0 {
		t.Varnames = append(t.Varnames, mangled)
	} else if flag&DefGlobal != 0 {
		g, _ := st.global.Get(mangled)
		st.global.Set(mangled, g|flag)
	}
}

// lookup returns the flags of name in the current block.
func (st *builder) lookup(name string) int {
	f, _ := st.cur.symbols.Get(st.mangle(st.cur, name))
	return f
}

func (st *builder) lookupIn(t *Table, name string) int {
	f, _ := t.symbols.Get(st.mangle(st.cur, name))
	return f
}

func (st *builder) recordDirective(name string, loc ast.Loc) {
	st.cur.directives = append(st.cur.directives, directive{st.mangle(st.cur, name), loc.Lineno, loc.ColOffset, loc.EndLineno, loc.EndColOffset})
}

func (st *builder) visitStmts(body []ast.Stmt) {
	for _, s := range body {
		st.visitStmt(s)
	}
}

func (st *builder) visitExprs(es []ast.Expr) {
	for _, e := range es {
		if e != nil {
			st.visitExpr(e)
		}
	}
}

func hasKwonlyDefaults(a *ast.Arguments) bool {
	for _, d := range a.KwDefaults {
		if d != nil {
			return true
		}
	}
	return false
}

func (st *builder) visitStmt(s ast.Stmt) {
	st.enter()
	defer st.leave()
	switch s := s.(type) {
	case *ast.FunctionDef:
		st.visitFunction(s, s.Name, s.Args, s.Body, s.DecoratorList, s.Returns, s.TypeParams, s.Loc, s.NamePos, false)
	case *ast.AsyncFunctionDef:
		st.visitFunction(s, s.Name, s.Args, s.Body, s.DecoratorList, s.Returns, s.TypeParams, s.Loc, s.NamePos, true)
	case *ast.ClassDef:
		st.addDef(s.Name, DefLocal, s.Loc)
		st.occur(s.Name, occDef, posRange(s.NamePos, s.Name), s)
		st.visitExprs(s.DecoratorList)
		savedPrivate, savedHas := st.private, st.hasPrivate
		generic := len(s.TypeParams) > 0
		if generic {
			st.enterTypeParamBlock(s.Name, s, false, false, true, s.Loc)
			st.private, st.hasPrivate = s.Name, true
			st.cur.mangledNames = newStrSet()
			st.visitTypeParams(s.TypeParams)
		}
		st.visitExprs(s.Bases)
		for _, k := range s.Keywords {
			st.visitExpr(k.Value)
		}
		t := st.enterBlock(s.Name, ClassBlock, s, s.Loc)
		st.register(blockKey{node: s, typ: ClassBlock}, t)
		st.private, st.hasPrivate = s.Name, true
		if generic {
			st.addDef("__type_params__", DefLocal, s.Loc)
			st.addDef(".type_params", Use, s.Loc)
		}
		st.visitStmts(s.Body)
		st.exitBlock()
		if generic {
			st.exitBlock()
		}
		st.private, st.hasPrivate = savedPrivate, savedHas
	case *ast.TypeAlias:
		st.visitExpr(s.Name)
		name := s.Name.(*ast.Name).ID
		inClass := st.cur.Type == ClassBlock
		generic := len(s.TypeParams) > 0
		if generic {
			st.enterTypeParamBlock(name, s, false, false, false, s.Loc)
			st.visitTypeParams(s.TypeParams)
		}
		t := st.enterBlock(name, TypeAliasBlock, s, s.Loc)
		st.register(blockKey{node: s, typ: TypeAliasBlock}, t)
		t.CanSeeClassScope = inClass
		if inClass {
			st.addDef("__classdict__", Use, locOf(s.Value))
		}
		st.visitExpr(s.Value)
		st.exitBlock()
		if generic {
			st.exitBlock()
		}
	case *ast.Return:
		if s.Value != nil {
			st.visitExpr(s.Value)
			st.cur.ReturnsValue = true
		}
	case *ast.Delete:
		st.visitExprs(s.Targets)
	case *ast.Assign:
		st.visitExprs(s.Targets)
		st.visitExpr(s.Value)
	case *ast.AnnAssign:
		if n, ok := s.Target.(*ast.Name); ok {
			cur := st.lookup(n.ID)
			if cur&(DefGlobal|DefNonlocal) != 0 && st.cur.symbols != st.global && s.Simple != 0 {
				if cur&DefGlobal != 0 {
					st.errorAt(s.Loc, "annotated name '%s' can't be global", n.ID)
				} else {
					st.errorAt(s.Loc, "annotated name '%s' can't be nonlocal", n.ID)
				}
			}
			if s.Simple != 0 {
				st.addDef(n.ID, DefAnnot|DefLocal, n.Loc)
			} else if s.Value != nil {
				st.addDef(n.ID, DefLocal, n.Loc)
			}
			st.occur(n.ID, occStore, n.Loc, n)
		} else {
			st.visitExpr(s.Target)
		}
		st.visitAnnotation(s.Annotation)
		if s.Value != nil {
			st.visitExpr(s.Value)
		}
	case *ast.AugAssign:
		st.visitExpr(s.Target)
		if n, ok := s.Target.(*ast.Name); ok {
			st.occur(n.ID, occLoad, n.Loc, n) // an augmented assignment also reads
		}
		st.visitExpr(s.Value)
	case *ast.For:
		st.visitExpr(s.Target)
		st.visitExpr(s.Iter)
		st.visitStmts(s.Body)
		st.visitStmts(s.Orelse)
	case *ast.AsyncFor:
		st.visitExpr(s.Target)
		st.visitExpr(s.Iter)
		st.visitStmts(s.Body)
		st.visitStmts(s.Orelse)
	case *ast.While:
		st.visitExpr(s.Test)
		st.visitStmts(s.Body)
		st.visitStmts(s.Orelse)
	case *ast.If:
		st.visitExpr(s.Test)
		st.visitStmts(s.Body)
		st.visitStmts(s.Orelse)
	case *ast.Match:
		st.visitExpr(s.Subject)
		for _, c := range s.Cases {
			st.visitPattern(c.Pattern)
			if c.Guard != nil {
				st.visitExpr(c.Guard)
			}
			st.visitStmts(c.Body)
		}
	case *ast.Raise:
		if s.Exc != nil {
			st.visitExpr(s.Exc)
			if s.Cause != nil {
				st.visitExpr(s.Cause)
			}
		}
	case *ast.Try:
		st.visitStmts(s.Body)
		st.visitHandlers(s.Handlers)
		st.visitStmts(s.Orelse)
		st.visitStmts(s.Finalbody)
	case *ast.TryStar:
		st.visitStmts(s.Body)
		st.visitHandlers(s.Handlers)
		st.visitStmts(s.Orelse)
		st.visitStmts(s.Finalbody)
	case *ast.Assert:
		st.visitExpr(s.Test)
		if s.Msg != nil {
			st.visitExpr(s.Msg)
		}
	case *ast.Import:
		for _, a := range s.Names {
			st.visitAlias(a)
		}
	case *ast.ImportFrom:
		for _, a := range s.Names {
			st.visitAlias(a)
		}
	case *ast.Global:
		for i, name := range s.Names {
			cur := st.lookup(name)
			if cur&(DefParam|DefLocal|Use|DefAnnot) != 0 {
				var msg string
				switch {
				case cur&DefParam != 0:
					msg = "name '%s' is parameter and global"
				case cur&Use != 0:
					msg = "name '%s' is used prior to global declaration"
				case cur&DefAnnot != 0:
					msg = "annotated name '%s' can't be global"
				default:
					msg = "name '%s' is assigned to before global declaration"
				}
				st.errorAt(s.Loc, msg, name)
				continue
			}
			st.addDef(name, DefGlobal, s.Loc)
			st.recordDirective(name, s.Loc)
			st.occur(name, occGlobal, posRangeAt(s.NamePos, i, name), s)
		}
	case *ast.Nonlocal:
		for i, name := range s.Names {
			cur := st.lookup(name)
			if cur&(DefParam|DefLocal|Use|DefAnnot) != 0 {
				var msg string
				switch {
				case cur&DefParam != 0:
					msg = "name '%s' is parameter and nonlocal"
				case cur&Use != 0:
					msg = "name '%s' is used prior to nonlocal declaration"
				case cur&DefAnnot != 0:
					msg = "annotated name '%s' can't be nonlocal"
				default:
					msg = "name '%s' is assigned to before nonlocal declaration"
				}
				st.errorAt(s.Loc, msg, name)
				continue
			}
			st.addDef(name, DefNonlocal, s.Loc)
			st.recordDirective(name, s.Loc)
			st.occur(name, occNonlocal, posRangeAt(s.NamePos, i, name), s)
		}
	case *ast.ExprStmt:
		st.visitExpr(s.Value)
	case *ast.Pass, *ast.Break, *ast.Continue, *ast.BadStmt:
	case *ast.With:
		st.visitWithItems(s.Items)
		st.visitStmts(s.Body)
	case *ast.AsyncWith:
		st.visitWithItems(s.Items)
		st.visitStmts(s.Body)
	}
}

func (st *builder) visitFunction(s ast.Stmt, name string, args *ast.Arguments, body []ast.Stmt, decorators []ast.Expr,
	returns ast.Expr, typeParams []ast.TypeParam, loc ast.Loc, namePos ast.Pos, async bool) {
	st.addDef(name, DefLocal, loc)
	st.occur(name, occDef, posRange(namePos, name), s)
	st.visitExprs(args.Defaults)
	st.visitExprs(args.KwDefaults)
	st.visitExprs(decorators)
	generic := len(typeParams) > 0
	if generic {
		// CPython's parser always gives a function a defaults list, empty
		// or not, so the block always gets .defaults.
		st.enterTypeParamBlock(name, s, true, hasKwonlyDefaults(args), false, loc)
		st.visitTypeParams(typeParams)
	}
	st.visitAnnotations(s, args, returns)
	t := st.enterBlock(name, FunctionBlock, s, loc)
	st.register(blockKey{node: s, typ: FunctionBlock}, t)
	if async {
		t.Coroutine = true
	}
	st.visitArguments(args)
	st.visitStmts(body)
	st.exitBlock()
	if generic {
		st.exitBlock()
	}
}

// enterTypeParamBlock starts the block of a generic's type parameters
// (symtable_enter_type_param_block).
func (st *builder) enterTypeParamBlock(name string, node ast.Node, hasDefaults, hasKwDefaults, isClass bool, loc ast.Loc) {
	currentType := st.cur.Type
	t := st.enterBlock(name, TypeParametersBlock, node, loc)
	st.register(blockKey{node: node, typ: TypeParametersBlock, generic: true}, t)
	if currentType == ClassBlock {
		t.CanSeeClassScope = true
		st.addDef("__classdict__", Use, loc)
	}
	if isClass {
		st.addDef(".type_params", DefLocal, loc)
		st.addDef(".type_params", Use, loc)
		st.addDef(".generic_base", DefLocal, loc)
		st.addDef(".generic_base", Use, loc)
	}
	if hasDefaults {
		st.addDef(".defaults", DefParam, loc)
	}
	if hasKwDefaults {
		st.addDef(".kwdefaults", DefParam, loc)
	}
}

func (st *builder) visitTypeParams(tps []ast.TypeParam) {
	for _, tp := range tps {
		st.visitTypeParam(tp)
	}
}

func (st *builder) visitTypeParam(tp ast.TypeParam) {
	st.enter()
	defer st.leave()
	switch tp := tp.(type) {
	case *ast.TypeVar:
		st.addDef(tp.Name, DefTypeParam|DefLocal, tp.Loc)
		st.occur(tp.Name, occTypeParam, posRange(tp.NamePos, tp.Name), tp)
		info := ""
		if tp.Bound != nil {
			info = "a TypeVar bound"
			if _, ok := tp.Bound.(*ast.Tuple); ok {
				info = "a TypeVar constraint"
			}
		}
		st.visitBoundOrDefault(tp.Bound, tp.Name, tp, false, info)
		st.visitBoundOrDefault(tp.DefaultValue, tp.Name, tp, true, "a TypeVar default")
	case *ast.TypeVarTuple:
		st.addDef(tp.Name, DefTypeParam|DefLocal, tp.Loc)
		st.occur(tp.Name, occTypeParam, posRange(tp.NamePos, tp.Name), tp)
		st.visitBoundOrDefault(tp.DefaultValue, tp.Name, tp, true, "a TypeVarTuple default")
	case *ast.ParamSpec:
		st.addDef(tp.Name, DefTypeParam|DefLocal, tp.Loc)
		st.occur(tp.Name, occTypeParam, posRange(tp.NamePos, tp.Name), tp)
		st.visitBoundOrDefault(tp.DefaultValue, tp.Name, tp, true, "a ParamSpec default")
	}
}

func (st *builder) visitBoundOrDefault(e ast.Expr, name string, tp ast.TypeParam, dflt bool, info string) {
	if e == nil {
		return
	}
	inClass := st.cur.CanSeeClassScope
	t := st.enterBlock(name, TypeVariableBlock, tp, locOf(e))
	t.DefaultKey = dflt
	st.register(blockKey{node: tp, typ: TypeVariableBlock, dflt: dflt}, t)
	t.CanSeeClassScope = inClass
	if inClass {
		st.addDef("__classdict__", Use, locOf(e))
	}
	t.scopeInfo = info
	st.visitExpr(e)
	st.exitBlock()
}

func (st *builder) visitAnnotations(s ast.Stmt, a *ast.Arguments, returns ast.Expr) {
	futureAnnotations := st.future.Annotations
	if futureAnnotations {
		st.enterBlock("_annotation", AnnotationBlock, s, locOf(s))
	}
	for _, list := range [][]*ast.Arg{a.Posonlyargs, a.Args} {
		for _, arg := range list {
			if arg.Annotation != nil {
				st.visitExpr(arg.Annotation)
			}
		}
	}
	if a.Vararg != nil && a.Vararg.Annotation != nil {
		st.visitExpr(a.Vararg.Annotation)
	}
	if a.Kwarg != nil && a.Kwarg.Annotation != nil {
		st.visitExpr(a.Kwarg.Annotation)
	}
	for _, arg := range a.Kwonlyargs {
		if arg.Annotation != nil {
			st.visitExpr(arg.Annotation)
		}
	}
	if futureAnnotations {
		st.exitBlock()
	}
	if returns != nil {
		st.visitAnnotation(returns)
	}
}

func (st *builder) visitAnnotation(e ast.Expr) {
	if st.future.Annotations {
		st.enterBlock("_annotation", AnnotationBlock, e, locOf(e))
		st.visitExpr(e)
		st.exitBlock()
		return
	}
	st.visitExpr(e)
}

func (st *builder) visitArguments(a *ast.Arguments) {
	for _, list := range [][]*ast.Arg{a.Posonlyargs, a.Args, a.Kwonlyargs} {
		for _, arg := range list {
			st.addDef(arg.Arg, DefParam, arg.Loc)
			st.occur(arg.Arg, occParam, posRange(arg.Start(), arg.Arg), arg)
		}
	}
	if a.Vararg != nil {
		st.addDef(a.Vararg.Arg, DefParam, a.Vararg.Loc)
		st.occur(a.Vararg.Arg, occParam, posRange(a.Vararg.Start(), a.Vararg.Arg), a.Vararg)
		st.cur.Varargs = true
	}
	if a.Kwarg != nil {
		st.addDef(a.Kwarg.Arg, DefParam, a.Kwarg.Loc)
		st.occur(a.Kwarg.Arg, occParam, posRange(a.Kwarg.Start(), a.Kwarg.Arg), a.Kwarg)
		st.cur.Varkeywords = true
	}
}

func (st *builder) visitHandlers(hs []*ast.ExceptHandler) {
	for _, h := range hs {
		if h.Type != nil {
			st.visitExpr(h.Type)
		}
		if h.Name != "" {
			st.addDef(h.Name, DefLocal, h.Loc)
			st.occur(h.Name, occStore, posRange(h.NamePos, h.Name), h)
		}
		st.visitStmts(h.Body)
	}
}

func (st *builder) visitWithItems(items []*ast.WithItem) {
	for _, it := range items {
		st.visitExpr(it.ContextExpr)
		if it.OptionalVars != nil {
			st.visitExpr(it.OptionalVars)
		}
	}
}

func (st *builder) visitAlias(a *ast.Alias) {
	name := a.Name
	pos, length := a.Start(), len(strings.SplitN(a.Name, ".", 2)[0])
	if a.Asname != "" {
		name = a.Asname
		pos, length = a.AsnamePos, len(a.Asname)
	}
	store := name
	if i := strings.IndexByte(name, '.'); i >= 0 {
		store = name[:i]
	}
	if name == "*" {
		if st.cur.Type != ModuleBlock {
			st.errorAt(a.Loc, "import * only allowed at module level")
		}
		return
	}
	st.addDef(store, DefImport, a.Loc)
	st.occur(store, occImport, ast.Loc{Lineno: pos.Line, ColOffset: pos.Col, EndLineno: pos.Line, EndColOffset: pos.Col + length}, a)
}

func (st *builder) visitPattern(p ast.Pattern) {
	st.enter()
	defer st.leave()
	switch p := p.(type) {
	case *ast.MatchValue:
		st.visitExpr(p.Value)
	case *ast.MatchSingleton:
	case *ast.MatchSequence:
		for _, q := range p.Patterns {
			st.visitPattern(q)
		}
	case *ast.MatchStar:
		if p.Name != "" {
			st.addDef(p.Name, DefLocal, p.Loc)
			st.occur(p.Name, occStore, posRange(p.NamePos, p.Name), p)
		}
	case *ast.MatchMapping:
		st.visitExprs(p.Keys)
		for _, q := range p.Patterns {
			st.visitPattern(q)
		}
		if p.Rest != "" {
			st.addDef(p.Rest, DefLocal, p.Loc)
			st.occur(p.Rest, occStore, posRange(p.RestPos, p.Rest), p)
		}
	case *ast.MatchClass:
		st.visitExpr(p.Cls)
		for _, q := range p.Patterns {
			st.visitPattern(q)
		}
		for _, q := range p.KwdPatterns {
			st.visitPattern(q)
		}
	case *ast.MatchAs:
		if p.Pattern != nil {
			st.visitPattern(p.Pattern)
		}
		if p.Name != "" {
			st.addDef(p.Name, DefLocal, p.Loc)
			st.occur(p.Name, occStore, posRange(p.NamePos, p.Name), p)
		}
	case *ast.MatchOr:
		for _, q := range p.Patterns {
			st.visitPattern(q)
		}
	}
}

func locOf(n ast.Node) ast.Loc {
	if l, ok := n.(ast.Located); ok {
		return l.Range()
	}
	return ast.Loc{}
}

func (st *builder) visitExpr(e ast.Expr) {
	st.enter()
	defer st.leave()
	switch e := e.(type) {
	case *ast.NamedExpr:
		st.raiseIfAnnotationBlock("named expression", e.Loc)
		st.handleNamedExpr(e)
	case *ast.BoolOp:
		st.visitExprs(e.Values)
	case *ast.BinOp:
		st.visitExpr(e.Left)
		st.visitExpr(e.Right)
	case *ast.UnaryOp:
		st.visitExpr(e.Operand)
	case *ast.Lambda:
		st.visitExprs(e.Args.Defaults)
		st.visitExprs(e.Args.KwDefaults)
		t := st.enterBlock("lambda", FunctionBlock, e, e.Loc)
		st.register(blockKey{node: e, typ: FunctionBlock}, t)
		st.visitArguments(e.Args)
		st.visitExpr(e.Body)
		st.exitBlock()
	case *ast.IfExp:
		st.visitExpr(e.Test)
		st.visitExpr(e.Body)
		st.visitExpr(e.Orelse)
	case *ast.Dict:
		st.visitExprs(e.Keys)
		st.visitExprs(e.Values)
	case *ast.Set:
		st.visitExprs(e.Elts)
	case *ast.GeneratorExp:
		st.handleComprehension(e, "genexpr", e.Generators, e.Elt, nil, GeneratorExpression, e.Loc)
	case *ast.ListComp:
		st.handleComprehension(e, "listcomp", e.Generators, e.Elt, nil, ListComprehension, e.Loc)
	case *ast.SetComp:
		st.handleComprehension(e, "setcomp", e.Generators, e.Elt, nil, SetComprehension, e.Loc)
	case *ast.DictComp:
		st.handleComprehension(e, "dictcomp", e.Generators, e.Key, e.Value, DictComprehension, e.Loc)
	case *ast.Yield:
		st.raiseIfAnnotationBlock("yield expression", e.Loc)
		if e.Value != nil {
			st.visitExpr(e.Value)
		}
		st.cur.Generator = true
		if st.cur.Comprehension != NoComprehension {
			st.raiseComprehensionYield(e.Loc)
		}
	case *ast.YieldFrom:
		st.raiseIfAnnotationBlock("yield expression", e.Loc)
		st.visitExpr(e.Value)
		st.cur.Generator = true
		if st.cur.Comprehension != NoComprehension {
			st.raiseComprehensionYield(e.Loc)
		}
	case *ast.Await:
		st.raiseIfAnnotationBlock("await expression", e.Loc)
		st.visitExpr(e.Value)
		st.cur.Coroutine = true
	case *ast.Compare:
		st.visitExpr(e.Left)
		st.visitExprs(e.Comparators)
	case *ast.Call:
		st.visitExpr(e.Func)
		st.visitExprs(e.Args)
		for _, k := range e.Keywords {
			st.visitExpr(k.Value)
		}
	case *ast.FormattedValue:
		st.visitExpr(e.Value)
		if e.FormatSpec != nil {
			st.visitExpr(e.FormatSpec)
		}
	case *ast.JoinedStr:
		st.visitExprs(e.Values)
	case *ast.Constant:
	case *ast.Attribute:
		st.visitExpr(e.Value)
	case *ast.Subscript:
		st.visitExpr(e.Value)
		st.visitExpr(e.Slice)
	case *ast.Starred:
		st.visitExpr(e.Value)
	case *ast.Slice:
		if e.Lower != nil {
			st.visitExpr(e.Lower)
		}
		if e.Upper != nil {
			st.visitExpr(e.Upper)
		}
		if e.Step != nil {
			st.visitExpr(e.Step)
		}
	case *ast.Name:
		flag := DefLocal
		kind := occStore
		switch e.Ctx {
		case ast.Load:
			flag, kind = Use, occLoad
		case ast.Del:
			kind = occDel
		}
		st.addDef(e.ID, flag, e.Loc)
		st.occur(e.ID, kind, e.Loc, e)
		if e.Ctx == ast.Load && st.cur.IsFunctionLike() && e.ID == "super" {
			st.addDef("__class__", Use, e.Loc)
		}
	case *ast.List:
		st.visitExprs(e.Elts)
	case *ast.Tuple:
		st.visitExprs(e.Elts)
	case *ast.BadExpr:
	}
}

func (st *builder) raiseComprehensionYield(loc ast.Loc) {
	switch st.cur.Comprehension {
	case ListComprehension:
		st.errorAt(loc, "'yield' inside list comprehension")
	case SetComprehension:
		st.errorAt(loc, "'yield' inside set comprehension")
	case DictComprehension:
		st.errorAt(loc, "'yield' inside dict comprehension")
	default:
		st.errorAt(loc, "'yield' inside generator expression")
	}
}

func (st *builder) raiseIfAnnotationBlock(name string, loc ast.Loc) {
	switch st.cur.Type {
	case AnnotationBlock:
		st.errorAt(loc, "%s cannot be used within an annotation", name)
	case TypeVariableBlock:
		st.errorAt(loc, "%s cannot be used within %s", name, st.cur.scopeInfo)
	case TypeAliasBlock:
		st.errorAt(loc, "%s cannot be used within a type alias", name)
	case TypeParametersBlock:
		st.errorAt(loc, "%s cannot be used within the definition of a generic", name)
	}
}

func (st *builder) handleNamedExpr(e *ast.NamedExpr) {
	if st.cur.compIterExpr > 0 {
		st.errorAt(e.Loc, "assignment expression cannot be used in a comprehension iterable expression")
	} else if st.cur.Comprehension != NoComprehension {
		st.extendNamedExprScope(e.Target.(*ast.Name))
	}
	st.visitExpr(e.Value)
	st.visitExpr(e.Target)
}

// extendNamedExprScope binds the target of a walrus inside a comprehension
// in the enclosing function or module (symtable_extend_namedexpr_scope).
func (st *builder) extendNamedExprScope(e *ast.Name) {
	target := e.ID
	for i := len(st.stack) - 1; i >= 0; i-- {
		t := st.stack[i]
		if t.Comprehension != NoComprehension {
			if st.lookupIn(t, target)&DefCompIter != 0 {
				st.errorAt(e.Loc, "assignment expression cannot rebind comprehension iteration variable '%s'", target)
				return
			}
			continue
		}
		if t.Type == FunctionBlock {
			if st.lookupIn(t, target)&DefGlobal != 0 {
				st.addDef(target, DefGlobal, e.Loc)
			} else {
				st.addDef(target, DefNonlocal, e.Loc)
			}
			st.recordDirective(target, e.Loc)
			st.addDefHelper(target, DefLocal, t, e.Loc)
			return
		}
		if t.Type == ModuleBlock {
			st.addDef(target, DefGlobal, e.Loc)
			st.recordDirective(target, e.Loc)
			st.addDefHelper(target, DefGlobal, t, e.Loc)
			return
		}
		switch t.Type {
		case AnnotationBlock:
			continue
		case ClassBlock:
			st.errorAt(e.Loc, "assignment expression within a comprehension cannot be used in a class body")
		case TypeParametersBlock:
			st.errorAt(e.Loc, "assignment expression within a comprehension cannot be used within the definition of a generic")
		case TypeAliasBlock:
			st.errorAt(e.Loc, "assignment expression within a comprehension cannot be used in a type alias")
		case TypeVariableBlock:
			st.errorAt(e.Loc, "assignment expression within a comprehension cannot be used in a TypeVar bound")
		}
		return
	}
}

// handleComprehension creates the block of a comprehension; its first
// iterable is evaluated in the enclosing block.
func (st *builder) handleComprehension(e ast.Expr, name string, gens []*ast.Comprehension, elt, value ast.Expr,
	kind Comprehension, loc ast.Loc) {
	outermost := gens[0]
	st.cur.compIterExpr++
	st.visitExpr(outermost.Iter)
	st.cur.compIterExpr--
	t := st.enterBlock(name, FunctionBlock, e, loc)
	st.register(blockKey{node: e, typ: FunctionBlock}, t)
	t.Comprehension = kind
	if outermost.IsAsync != 0 {
		t.Coroutine = true
	}
	st.addDef(".0", DefParam, loc)
	t.compIterTarget = true
	st.visitExpr(outermost.Target)
	t.compIterTarget = false
	st.visitExprs(outermost.Ifs)
	for _, g := range gens[1:] {
		t.compIterTarget = true
		st.visitExpr(g.Target)
		t.compIterTarget = false
		t.compIterExpr++
		st.visitExpr(g.Iter)
		t.compIterExpr--
		st.visitExprs(g.Ifs)
		if g.IsAsync != 0 {
			t.Coroutine = true
		}
	}
	if value != nil {
		st.visitExpr(value)
	}
	st.visitExpr(elt)
	t.Generator = kind == GeneratorExpression
	st.exitBlock()
	// An async comprehension makes the block around it a coroutine too
	// (a generator expression holding one becomes an async generator);
	// codegen reports it where that is not allowed.
	if t.Coroutine && !t.Generator {
		st.cur.Coroutine = true
	}
}
