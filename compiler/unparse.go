// This file turns an annotation back into source text, as CPython 3.13 does
// under `from __future__ import annotations` (Python/ast_unparse.c,
// _PyAST_ExprAsUnicode).
//
// # Design
//
// The C unparser is not ast.unparse: it is a small precedence-climbing
// printer with rules of its own, and the text it produces is stored in
// co_consts, so every character counts. The printer here follows it node for
// node:
//
//   - Each expression is written at a precedence level (the prec* constants,
//     from precTuple up to precAtom). A node whose own level is below the
//     level asked for is put in parentheses. Operands ask for their
//     operator's level, plus one on the side that does not associate, so
//     `a - (b - c)` keeps its parentheses and `a ** b ** c` needs none. The
//     levels that operands ask for are CPython's, quirks included: the
//     operand of unary minus asks for precFactor, so `(-1) ** 2` keeps its
//     parentheses and `2 ** -1` is written `2 ** (-1)`; a walrus always asks
//     for precAtom on both sides; yield and yield from are always
//     parenthesized; await asks for an atom; a lambda whose parameters
//     start with * or ** has no space after the keyword (`lambda*a: a`).
//   - Tuples are parenthesized unless written at precTuple (a subscript, a
//     comprehension target); the empty tuple is always `()`.
//   - Constants are written with their repr, except Ellipsis (`...`), and a
//     string whose kind is "u" keeps its prefix. In the repr of a float or
//     complex every "inf" becomes "1e309", a literal that reads back as
//     infinity. A tuple constant (only a hand-built tree has one) is written
//     element by element with the same rules.
//   - An f-string is rebuilt as a body (literal parts with their braces
//     doubled, each replacement field as `{expr!c:spec}`) and the body is
//     then quoted as a str repr with an f in front; a format spec is written
//     as a bare body after the colon. The expression of a field is written
//     at precTest+1, so a lambda or a conditional gets parentheses, and a
//     space separates the field's brace from an expression that starts
//     with one (`{ {1: 2}}`).
//
// The printer keeps its own depth count and gives up with an error past
// maxUnparseDepth, so a hand-built tree of any depth cannot exhaust the Go
// stack (CPython's symbol table rejects much shallower trees before the
// unparser runs). Nodes that cannot appear in an expression (BadExpr, a nil
// child) and values the C code rejects (an unknown operator or conversion, a
// non-str literal part of an f-string) give errors worded like the
// exception CPython raises ("SystemError: ...", "TypeError: ..."); an int too
// long for repr gives pyconst's *DigitLimitError, CPython's ValueError.
package compiler

import (
	"bytes"
	"errors"
	"reflect"

	"github.com/peephole-lsp/peephole/internal/pyconst"
	"github.com/peephole-lsp/peephole/parser/ast"
)

// The precedence levels of the C unparser, lowest first.
const (
	precTuple  = iota
	precTest   // if-else, lambda
	precOr     // or
	precAnd    // and
	precNot    // not
	precCmp    // comparisons, in, not in, is, is not
	precBitOr  // |  (also the level of "expr": starred, **mapping)
	precBitXor // ^
	precBitAnd // &
	precShift  // << >>
	precArith  // + -
	precTerm   // * @ / % //
	precFactor // unary + - ~
	precPower  // **
	precAwait  // await
	precAtom
)

// precExpr is the level of a bare "expr" in the grammar.
const precExpr = precBitOr

// maxUnparseDepth bounds the nesting the printer follows.
const maxUnparseDepth = 100000

// errUnparseTooDeep is returned for a tree nested deeper than maxUnparseDepth.
var errUnparseTooDeep = errors.New("RecursionError: maximum recursion depth exceeded while unparsing an annotation")

// unparseExpr is _PyAST_ExprAsUnicode: the text CPython 3.13 stores for an
// annotation expression under `from __future__ import annotations`.
func unparseExpr(e ast.Expr) (pyconst.Str, error) {
	u := unparser{buf: make([]byte, 0, 64)}
	if err := u.expr(e, precTest); err != nil {
		return "", err
	}
	return pyconst.Str(u.buf), nil
}

// unparser writes expressions into buf (generalized UTF-8, as pyconst.Str).
type unparser struct {
	buf   []byte
	depth int
}

func (u *unparser) str(s string) { u.buf = append(u.buf, s...) }

// open writes "(" when an expression of level pr is written at level level;
// close writes the matching ")".
func (u *unparser) open(level, pr int) {
	if level > pr {
		u.buf = append(u.buf, '(')
	}
}

func (u *unparser) close(level, pr int) {
	if level > pr {
		u.buf = append(u.buf, ')')
	}
}

// expr writes e at precedence level.
func (u *unparser) expr(e ast.Expr, level int) error {
	if u.depth >= maxUnparseDepth {
		return errUnparseTooDeep
	}
	if isNilExpr(e) {
		return errors.New("SystemError: unknown expression kind")
	}
	u.depth++
	err := u.expr1(e, level)
	u.depth--
	return err
}

func (u *unparser) expr1(e ast.Expr, level int) error {
	switch e := e.(type) {
	case *ast.BoolOp:
		return u.boolOp(e, level)
	case *ast.BinOp:
		return u.binOp(e, level)
	case *ast.UnaryOp:
		return u.unaryOp(e, level)
	case *ast.Lambda:
		return u.lambda(e, level)
	case *ast.IfExp:
		u.open(level, precTest)
		if err := u.expr(e.Body, precTest+1); err != nil {
			return err
		}
		u.str(" if ")
		if err := u.expr(e.Test, precTest+1); err != nil {
			return err
		}
		u.str(" else ")
		if err := u.expr(e.Orelse, precTest); err != nil {
			return err
		}
		u.close(level, precTest)
		return nil
	case *ast.Dict:
		return u.dict(e)
	case *ast.Set:
		u.str("{")
		if err := u.exprList(e.Elts); err != nil {
			return err
		}
		u.str("}")
		return nil
	case *ast.GeneratorExp:
		return u.comp("(", e.Elt, nil, e.Generators, ")")
	case *ast.ListComp:
		return u.comp("[", e.Elt, nil, e.Generators, "]")
	case *ast.SetComp:
		return u.comp("{", e.Elt, nil, e.Generators, "}")
	case *ast.DictComp:
		return u.comp("{", e.Key, e.Value, e.Generators, "}")
	case *ast.Yield:
		if e.Value == nil {
			u.str("(yield)")
			return nil
		}
		u.str("(yield ")
		if err := u.expr(e.Value, precTest); err != nil {
			return err
		}
		u.str(")")
		return nil
	case *ast.YieldFrom:
		u.str("(yield from ")
		if err := u.expr(e.Value, precTest); err != nil {
			return err
		}
		u.str(")")
		return nil
	case *ast.Await:
		u.open(level, precAwait)
		u.str("await ")
		if err := u.expr(e.Value, precAtom); err != nil {
			return err
		}
		u.close(level, precAwait)
		return nil
	case *ast.Compare:
		return u.compare(e, level)
	case *ast.Call:
		return u.call(e)
	case *ast.Constant:
		if _, ok := e.Value.(pyconst.EllipsisType); ok {
			u.str("...")
			return nil
		}
		u.str(e.Kind)
		return u.constant(e.Value)
	case *ast.JoinedStr:
		return u.joinedStr(e, false)
	case *ast.FormattedValue:
		return u.formattedValue(e)
	case *ast.Attribute:
		if err := u.expr(e.Value, precAtom); err != nil {
			return err
		}
		// An int needs a space before the dot: "1.real" would lex as a float.
		if c, ok := e.Value.(*ast.Constant); ok {
			if _, isInt := c.Value.(pyconst.Int); isInt {
				u.str(" ")
			}
		}
		u.str(".")
		u.str(e.Attr)
		return nil
	case *ast.Subscript:
		if err := u.expr(e.Value, precAtom); err != nil {
			return err
		}
		u.str("[")
		if err := u.expr(e.Slice, precTuple); err != nil {
			return err
		}
		u.str("]")
		return nil
	case *ast.Starred:
		u.str("*")
		return u.expr(e.Value, precExpr)
	case *ast.Slice:
		if e.Lower != nil {
			if err := u.expr(e.Lower, precTest); err != nil {
				return err
			}
		}
		u.str(":")
		if e.Upper != nil {
			if err := u.expr(e.Upper, precTest); err != nil {
				return err
			}
		}
		if e.Step != nil {
			u.str(":")
			if err := u.expr(e.Step, precTest); err != nil {
				return err
			}
		}
		return nil
	case *ast.Name:
		u.str(e.ID)
		return nil
	case *ast.List:
		u.str("[")
		if err := u.exprList(e.Elts); err != nil {
			return err
		}
		u.str("]")
		return nil
	case *ast.Tuple:
		if len(e.Elts) == 0 {
			u.str("()")
			return nil
		}
		u.open(level, precTuple)
		if err := u.exprList(e.Elts); err != nil {
			return err
		}
		if len(e.Elts) == 1 {
			u.str(",")
		}
		u.close(level, precTuple)
		return nil
	case *ast.NamedExpr:
		u.open(level, precTuple)
		if err := u.expr(e.Target, precAtom); err != nil {
			return err
		}
		u.str(" := ")
		if err := u.expr(e.Value, precAtom); err != nil {
			return err
		}
		u.close(level, precTuple)
		return nil
	}
	return errors.New("SystemError: unknown expression kind")
}

// exprList writes elts separated by ", ", each at precTest.
func (u *unparser) exprList(elts []ast.Expr) error {
	for i, x := range elts {
		if i > 0 {
			u.str(", ")
		}
		if err := u.expr(x, precTest); err != nil {
			return err
		}
	}
	return nil
}

func (u *unparser) boolOp(e *ast.BoolOp, level int) error {
	op, pr := " and ", precAnd
	if e.Op != ast.And {
		op, pr = " or ", precOr
	}
	u.open(level, pr)
	for i, v := range e.Values {
		if i > 0 {
			u.str(op)
		}
		if err := u.expr(v, pr+1); err != nil {
			return err
		}
	}
	u.close(level, pr)
	return nil
}

// binOps gives each operator its text and level.
var binOps = [...]struct {
	text string
	pr   int
}{
	ast.Add:      {" + ", precArith},
	ast.Sub:      {" - ", precArith},
	ast.Mult:     {" * ", precTerm},
	ast.MatMult:  {" @ ", precTerm},
	ast.Div:      {" / ", precTerm},
	ast.Mod:      {" % ", precTerm},
	ast.Pow:      {" ** ", precPower},
	ast.LShift:   {" << ", precShift},
	ast.RShift:   {" >> ", precShift},
	ast.BitOr:    {" | ", precBitOr},
	ast.BitXor:   {" ^ ", precBitXor},
	ast.BitAnd:   {" & ", precBitAnd},
	ast.FloorDiv: {" // ", precTerm},
}

func (u *unparser) binOp(e *ast.BinOp, level int) error {
	if int(e.Op) >= len(binOps) || binOps[e.Op].text == "" {
		return errors.New("SystemError: unknown binary operator")
	}
	op := binOps[e.Op]
	// ** groups to the right: its left operand needs the higher level.
	left, right := op.pr+1, op.pr
	if e.Op != ast.Pow {
		left, right = op.pr, op.pr+1
	}
	u.open(level, op.pr)
	if err := u.expr(e.Left, left); err != nil {
		return err
	}
	u.str(op.text)
	if err := u.expr(e.Right, right); err != nil {
		return err
	}
	u.close(level, op.pr)
	return nil
}

func (u *unparser) unaryOp(e *ast.UnaryOp, level int) error {
	var op string
	pr := precFactor
	switch e.Op {
	case ast.Invert:
		op = "~"
	case ast.Not:
		op, pr = "not ", precNot
	case ast.UAdd:
		op = "+"
	case ast.USub:
		op = "-"
	default:
		return errors.New("SystemError: unknown unary operator")
	}
	u.open(level, pr)
	u.str(op)
	if err := u.expr(e.Operand, pr); err != nil {
		return err
	}
	u.close(level, pr)
	return nil
}

// unparseCmpOps gives each comparison operator its text.
var unparseCmpOps = [...]string{
	ast.Eq:    " == ",
	ast.NotEq: " != ",
	ast.Lt:    " < ",
	ast.LtE:   " <= ",
	ast.Gt:    " > ",
	ast.GtE:   " >= ",
	ast.Is:    " is ",
	ast.IsNot: " is not ",
	ast.In:    " in ",
	ast.NotIn: " not in ",
}

func (u *unparser) compare(e *ast.Compare, level int) error {
	u.open(level, precCmp)
	if err := u.expr(e.Left, precCmp+1); err != nil {
		return err
	}
	for i, x := range e.Comparators {
		if i >= len(e.Ops) || int(e.Ops[i]) >= len(unparseCmpOps) || unparseCmpOps[e.Ops[i]] == "" {
			return errors.New("SystemError: unexpected comparison kind")
		}
		u.str(unparseCmpOps[e.Ops[i]])
		if err := u.expr(x, precCmp+1); err != nil {
			return err
		}
	}
	u.close(level, precCmp)
	return nil
}

func (u *unparser) lambda(e *ast.Lambda, level int) error {
	if e.Args == nil {
		return errors.New("SystemError: lambda without arguments")
	}
	u.open(level, precTest)
	// No space after "lambda" when the first parameter starts with * or **.
	if len(e.Args.Args)+len(e.Args.Posonlyargs) > 0 {
		u.str("lambda ")
	} else {
		u.str("lambda")
	}
	if err := u.arguments(e.Args); err != nil {
		return err
	}
	u.str(": ")
	if err := u.expr(e.Body, precTest); err != nil {
		return err
	}
	u.close(level, precTest)
	return nil
}

// arguments writes a parameter list: defaults aligned to the end of the
// positional parameters, "/" after the positional-only ones, a bare "*"
// before keyword-only parameters when there is no *args.
func (u *unparser) arguments(a *ast.Arguments) error {
	first := true
	sep := func() {
		if !first {
			u.str(", ")
		}
		first = false
	}
	npos := len(a.Posonlyargs) + len(a.Args)
	for i := 0; i < npos; i++ {
		sep()
		var arg *ast.Arg
		if i < len(a.Posonlyargs) {
			arg = a.Posonlyargs[i]
		} else {
			arg = a.Args[i-len(a.Posonlyargs)]
		}
		if err := u.arg(arg); err != nil {
			return err
		}
		if di := i - npos + len(a.Defaults); di >= 0 {
			u.str("=")
			if err := u.expr(a.Defaults[di], precTest); err != nil {
				return err
			}
		}
		if len(a.Posonlyargs) > 0 && i+1 == len(a.Posonlyargs) {
			u.str(", /")
		}
	}
	if a.Vararg != nil || len(a.Kwonlyargs) > 0 {
		sep()
		u.str("*")
		if a.Vararg != nil {
			if err := u.arg(a.Vararg); err != nil {
				return err
			}
		}
	}
	for i, arg := range a.Kwonlyargs {
		sep()
		if err := u.arg(arg); err != nil {
			return err
		}
		if di := i - len(a.Kwonlyargs) + len(a.KwDefaults); di >= 0 && a.KwDefaults[di] != nil {
			u.str("=")
			if err := u.expr(a.KwDefaults[di], precTest); err != nil {
				return err
			}
		}
	}
	if a.Kwarg != nil {
		sep()
		u.str("**")
		if err := u.arg(a.Kwarg); err != nil {
			return err
		}
	}
	return nil
}

func (u *unparser) arg(a *ast.Arg) error {
	if a == nil {
		return errors.New("SystemError: missing parameter")
	}
	u.str(a.Arg)
	if a.Annotation != nil {
		u.str(": ")
		return u.expr(a.Annotation, precTest)
	}
	return nil
}

func (u *unparser) dict(e *ast.Dict) error {
	u.str("{")
	for i, v := range e.Values {
		if i > 0 {
			u.str(", ")
		}
		var k ast.Expr
		if i < len(e.Keys) {
			k = e.Keys[i]
		}
		if k != nil {
			if err := u.expr(k, precTest); err != nil {
				return err
			}
			u.str(": ")
			if err := u.expr(v, precTest); err != nil {
				return err
			}
		} else {
			u.str("**")
			if err := u.expr(v, precExpr); err != nil {
				return err
			}
		}
	}
	u.str("}")
	return nil
}

// comp writes a comprehension: open, the element (key: value for a dict),
// each generator, close.
func (u *unparser) comp(open string, elt, value ast.Expr, gens []*ast.Comprehension, close string) error {
	u.str(open)
	if err := u.expr(elt, precTest); err != nil {
		return err
	}
	if value != nil {
		u.str(": ")
		if err := u.expr(value, precTest); err != nil {
			return err
		}
	}
	for _, g := range gens {
		if g == nil {
			return errors.New("SystemError: missing comprehension")
		}
		if g.IsAsync != 0 {
			u.str(" async for ")
		} else {
			u.str(" for ")
		}
		if err := u.expr(g.Target, precTuple); err != nil {
			return err
		}
		u.str(" in ")
		if err := u.expr(g.Iter, precTest+1); err != nil {
			return err
		}
		for _, cond := range g.Ifs {
			u.str(" if ")
			if err := u.expr(cond, precTest+1); err != nil {
				return err
			}
		}
	}
	u.str(close)
	return nil
}

func (u *unparser) call(e *ast.Call) error {
	if err := u.expr(e.Func, precAtom); err != nil {
		return err
	}
	// A lone generator expression argument brings its own parentheses.
	if len(e.Args) == 1 && len(e.Keywords) == 0 {
		if g, ok := e.Args[0].(*ast.GeneratorExp); ok && !isNilExpr(g) {
			return u.expr(g, precTest)
		}
	}
	u.str("(")
	first := true
	for _, a := range e.Args {
		if !first {
			u.str(", ")
		}
		first = false
		if err := u.expr(a, precTest); err != nil {
			return err
		}
	}
	for _, kw := range e.Keywords {
		if !first {
			u.str(", ")
		}
		first = false
		if kw == nil {
			return errors.New("SystemError: missing keyword")
		}
		if kw.Arg == "" {
			u.str("**")
		} else {
			u.str(kw.Arg)
			u.str("=")
		}
		if err := u.expr(kw.Value, precTest); err != nil {
			return err
		}
	}
	u.str(")")
	return nil
}

// constant writes the repr of v, with the C unparser's two changes: a tuple
// is written item by item with these same rules, and "inf" in the repr of a
// float or complex becomes "1e309".
func (u *unparser) constant(v pyconst.Value) error {
	switch v := v.(type) {
	case nil:
		return errors.New("SystemError: constant without a value")
	case pyconst.Tuple:
		u.str("(")
		for i, x := range v {
			if i > 0 {
				u.str(", ")
			}
			if err := u.constant(x); err != nil {
				return err
			}
		}
		if len(v) == 1 {
			u.str(",")
		}
		u.str(")")
		return nil
	case pyconst.Float, pyconst.Complex:
		r, _ := v.Repr()
		u.buf = append(u.buf, bytes.ReplaceAll([]byte(r), []byte("inf"), []byte("1e309"))...)
		return nil
	}
	r, err := v.Repr()
	if err != nil {
		return err
	}
	u.str(r)
	return nil
}

// joinedStr writes an f-string: f and the repr of its body, or for a format
// spec the bare body.
func (u *unparser) joinedStr(e *ast.JoinedStr, isFormatSpec bool) error {
	body := unparser{buf: make([]byte, 0, 64), depth: u.depth}
	for _, v := range e.Values {
		if err := body.fstringElement(v, isFormatSpec); err != nil {
			return err
		}
	}
	if isFormatSpec {
		u.buf = append(u.buf, body.buf...)
		return nil
	}
	u.str("f")
	u.buf = pyconst.Str(body.buf).AppendRepr(u.buf)
	return nil
}

// fstringElement writes one part of an f-string body.
func (u *unparser) fstringElement(e ast.Expr, isFormatSpec bool) error {
	if u.depth >= maxUnparseDepth {
		return errUnparseTooDeep
	}
	if isNilExpr(e) {
		return errors.New("SystemError: unknown expression kind inside f-string")
	}
	u.depth++
	defer func() { u.depth-- }()
	switch e := e.(type) {
	case *ast.Constant:
		s, ok := e.Value.(pyconst.Str)
		if !ok {
			// CPython's str.replace of the braces fails on it.
			what := "NoneType"
			if e.Value != nil {
				what = e.Value.TypeName()
			}
			return errors.New("TypeError: must be str, not " + what)
		}
		for i := 0; i < len(s); i++ {
			u.buf = append(u.buf, s[i])
			if s[i] == '{' || s[i] == '}' {
				u.buf = append(u.buf, s[i])
			}
		}
		return nil
	case *ast.JoinedStr:
		return u.joinedStr(e, isFormatSpec)
	case *ast.FormattedValue:
		return u.formattedValue(e)
	}
	return errors.New("SystemError: unknown expression kind inside f-string")
}

// formattedValue writes a replacement field {expr!c:spec}.
func (u *unparser) formattedValue(e *ast.FormattedValue) error {
	// The expression goes at precTest+1: a lambda's colon or a bare tuple
	// needs parentheses here.
	inner := unparser{buf: make([]byte, 0, 32), depth: u.depth}
	if err := inner.expr(e.Value, precTest+1); err != nil {
		return err
	}
	if len(inner.buf) > 0 && inner.buf[0] == '{' {
		u.str("{ ")
	} else {
		u.str("{")
	}
	u.buf = append(u.buf, inner.buf...)
	if e.Conversion > 0 {
		switch e.Conversion {
		case 'a', 'r', 's':
			u.buf = append(u.buf, '!', byte(e.Conversion))
		default:
			return errors.New("SystemError: unknown f-value conversion kind")
		}
	}
	if e.FormatSpec != nil {
		u.str(":")
		if err := u.fstringElement(e.FormatSpec, true); err != nil {
			return err
		}
	}
	u.str("}")
	return nil
}

// isNilExpr reports whether e is nil or a nil pointer of some node type.
func isNilExpr(e ast.Expr) bool {
	if e == nil {
		return true
	}
	v := reflect.ValueOf(e)
	return v.Kind() == reflect.Pointer && v.IsNil()
}
