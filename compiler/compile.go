package compiler

import (
	"math"
	"strings"

	"github.com/peephole-lsp/peephole/internal/pyconst"

	"github.com/peephole-lsp/peephole/parser"
	"github.com/peephole-lsp/peephole/parser/ast"
	"github.com/peephole-lsp/peephole/symtab"
)

// Options control a compilation.
type Options struct {
	// Filename is co_filename and the file name of errors.
	Filename string
	// Optimize is the optimization level: 0, 1 (-O: no asserts, __debug__
	// is False) or 2 (-OO: no docstrings either).
	Optimize int
	// Source is the program text, and IsFile says Filename names a file
	// holding it; they are used to quote the offending line in errors.
	Source []byte
	IsFile bool
}

// Result is the outcome of a compilation.
type Result struct {
	// Code is the module's code object (nil on error).
	Code *Code
	// Warnings are the SyntaxWarnings the compiler raised.
	Warnings []Warning
}

// An InternalError is a failure of the compiler itself, what CPython
// reports as a SystemError.
type InternalError struct{ Msg string }

func (e *InternalError) Error() string { return "SystemError: " + e.Msg }

// Compile compiles a parsed module (or expression, or interactive
// statement) as CPython's compile() does after parsing: it folds
// constants, builds the symbol table, and generates and assembles the
// code objects. The tree is modified in place by the constant folding.
// The error is a *parser.SyntaxError for the errors CPython reports as
// SyntaxError, a *RecursionError for a tree nested too deeply, or an
// *InternalError.
func Compile(mod ast.ModNode, opts Options) (res Result, err error) {
	return compileWith(mod, opts, assembleUnit)
}

func compileWith(mod ast.ModNode, opts Options, assemble func(*compiler, *unit, CodeFlags) (*Code, error)) (res Result, err error) {
	future := futureFeatures(mod)
	if err := OptimizeAST(mod, opts.Optimize, future.Annotations); err != nil {
		return Result{}, err
	}
	distinguishNaNs(mod)
	st, serr := symtab.Build(mod, symtab.Options{Filename: opts.Filename, Source: opts.Source, IsFile: opts.IsFile})
	if serr != nil {
		return Result{}, serr
	}
	c := &compiler{
		filename: opts.Filename,
		src:      opts.Source,
		isFile:   opts.IsFile,
		st:       st,
		future:   st.Future,
		optimize: opts.Optimize,
		assemble: assemble,
		mod:      mod,
	}
	if st.Future.Annotations {
		c.flags |= CoFutureAnnotations
	}
	if st.Future.BarryAsBDFL {
		c.flags |= CoFutureBarryAsBDFL
	}
	defer func() {
		if r := recover(); r != nil {
			switch e := r.(type) {
			case compileError:
				err = e.err
			case internalError:
				err = &InternalError{e.msg}
			default:
				panic(r)
			}
			res = Result{Warnings: c.warnings}
		}
	}()
	c.codegenModule(mod)
	_, isExpr := mod.(*ast.Expression)
	co := c.optimizeAndAssemble(!isExpr)
	c.exitScope()
	return Result{Code: co, Warnings: c.warnings}, nil
}

// distinguishNaNs gives every NaN constant of the tree a NaN payload of
// its own. In CPython each folded NaN is an object of its own, and since
// NaN != NaN, no two become the same constant (each gets its own slot in
// co_consts), while one node compiled twice (a finally body) reuses its
// slot. Keys of constants compare floats by their bits, so distinct
// payloads reproduce this; the payload is invisible otherwise (repr
// prints nan).
func distinguishNaNs(mod ast.ModNode) {
	var next uint64
	fresh := func() float64 {
		next++
		return math.Float64frombits(0x7ff8000000000000 | next&0x0007ffffffffffff)
	}
	var fix func(v pyconst.Value) (pyconst.Value, bool)
	fix = func(v pyconst.Value) (pyconst.Value, bool) {
		switch x := v.(type) {
		case pyconst.Float:
			if math.IsNaN(float64(x)) {
				return pyconst.Float(fresh()), true
			}
		case pyconst.Complex:
			changed := false
			if math.IsNaN(x.Real) {
				x.Real, changed = fresh(), true
			}
			if math.IsNaN(x.Imag) {
				x.Imag, changed = fresh(), true
			}
			return x, changed
		case pyconst.Tuple:
			var out pyconst.Tuple
			for i, e := range x {
				if m, ok := fix(e); ok {
					if out == nil {
						out = append(pyconst.Tuple(nil), x...)
					}
					out[i] = m
				}
			}
			if out != nil {
				return out, true
			}
		}
		return v, false
	}
	ast.Inspect(mod, func(n ast.Node) bool {
		if k, ok := n.(*ast.Constant); ok && k != nil {
			if v, changed := fix(k.Value); changed {
				k.Value = v
			}
		}
		return true
	})
}

// collectIdentifiers returns every identifier of a tree: the strings the
// parser interned.
func collectIdentifiers(mod ast.ModNode) map[string]bool {
	ids := map[string]bool{"True": true, "False": true, "None": true}
	add := func(names ...string) {
		for _, n := range names {
			if n != "" {
				for _, part := range strings.Split(n, ".") {
					ids[part] = true
				}
			}
		}
	}
	ast.Inspect(mod, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.Name:
			add(x.ID)
		case *ast.Attribute:
			add(x.Attr)
		case *ast.FunctionDef:
			add(x.Name)
		case *ast.AsyncFunctionDef:
			add(x.Name)
		case *ast.ClassDef:
			add(x.Name)
		case *ast.Arg:
			add(x.Arg)
		case *ast.Keyword:
			add(x.Arg)
		case *ast.Alias:
			add(x.Name, x.Asname)
		case *ast.ImportFrom:
			add(x.Module)
		case *ast.Global:
			add(x.Names...)
		case *ast.Nonlocal:
			add(x.Names...)
		case *ast.ExceptHandler:
			add(x.Name)
		case *ast.MatchAs:
			add(x.Name)
		case *ast.MatchStar:
			add(x.Name)
		case *ast.MatchMapping:
			add(x.Rest)
		case *ast.MatchClass:
			add(x.KwdAttrs...)
		case *ast.TypeVar:
			add(x.Name)
		case *ast.ParamSpec:
			add(x.Name)
		case *ast.TypeVarTuple:
			add(x.Name)
		}
		return true
	})
	return ids
}

// futureFeatures reads the future imports at the start of a module
// (the part of _PyFuture_FromAST the AST optimizer needs; errors in them
// are left to the symbol table, which reports them).
func futureFeatures(mod ast.ModNode) symtab.Future {
	var f symtab.Future
	var body []ast.Stmt
	switch m := mod.(type) {
	case *ast.Module:
		body = m.Body
	case *ast.Interactive:
		body = m.Body
	}
	i := 0
	if _, ok := docString(body); ok {
		i = 1
	}
	for ; i < len(body); i++ {
		imp, ok := body[i].(*ast.ImportFrom)
		if !ok || imp.Module != "__future__" {
			break
		}
		for _, a := range imp.Names {
			switch a.Name {
			case "annotations":
				f.Annotations = true
			case "barry_as_FLUFL":
				f.BarryAsBDFL = true
			}
		}
	}
	return f
}

// CompileSource parses and compiles a module's source as compile(src,
// filename, "exec", optimize=opts.Optimize) does.
func CompileSource(src []byte, opts Options) (Result, error) {
	pr := parser.Parse(src, parser.Options{Filename: opts.Filename, IsFile: opts.IsFile})
	if pr.Err != nil {
		return Result{}, pr.Err
	}
	if opts.Source == nil {
		opts.Source = src
	}
	return Compile(pr.Tree, opts)
}

// assembleUnit runs the back end on a finished unit: the flowgraph
// optimizer, then the assembler (optimize_and_assemble_code_unit).
func assembleUnit(c *compiler, u *unit, flags CodeFlags) (*Code, error) {
	consts := append([]Const(nil), u.consts.list...)
	g, err := buildCFG(&u.seq)
	if err != nil {
		return nil, err
	}
	// nlocals counts the locals codegen found; nparams is the parameters
	// of the symbol table's block (ste_varnames).
	nparams := len(u.ste.Varnames)
	if err := g.optimizeCodeUnit(&consts, u.meta.VarNames.len(), nparams, u.meta.FirstLineno); err != nil {
		return nil, err
	}
	seq, depth, nlocalsplus, err := g.optimizedToSeq(&u.meta, flags)
	if err != nil {
		return nil, err
	}
	return makeCode(&u.meta, consts, depth, seq, nlocalsplus, flags, c.filename)
}
