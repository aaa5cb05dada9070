package parser

import (
	"github.com/peephole-lsp/peephole/parser/ast"
)

// This file is the editor mode. A buffer being typed is never valid, yet an
// editor needs its structure, so ParseEditor never stops at the first error.
//
// Recovery strategy:
//
//  1. The source is first parsed strictly. If that succeeds, that is the
//     result; if not, its error (CPython's exact SyntaxError) is the first
//     error reported.
//  2. A second, recovering parse follows. Its tokenizer records its errors
//     and resynchronises at the next line (see recover.go), so tokens keep
//     coming after an unterminated string or an unclosed bracket.
//  3. Its statement loops (the module body and every block) recover at
//     statement level: when a statement fails to parse, its error is found
//     as CPython would find it (the statement is parsed again with the
//     invalid_* rules; failing those, "invalid syntax" at the farthest token
//     read), and the tokens of the statement are skipped up to the end of
//     its logical line, together with the indented block that follows when
//     the line is a block header ending in ':'. The skipped text becomes an
//     ast.BadStmt with its range, and parsing goes on with the next
//     statement. An unexpected indent is reported and the indented
//     statements are kept, as if they were not indented.
//
// So statements before and after the damage keep their real shape, and a
// function whose body holds a broken line is still a FunctionDef.

// EditorResult is the outcome of ParseEditor.
type EditorResult struct {
	// Tree is never nil; it holds ast.BadStmt nodes where text could not
	// be parsed.
	Tree *ast.Module
	// Errors holds every error found, sorted by position; the first error
	// of the source in CPython's terms is among them.
	Errors ErrorList
	// Warnings are the SyntaxWarnings of the strict parse.
	Warnings []Warning
}

// ParseEditor parses a module for an editor: it never fails, and returns a
// tree for as much as could be parsed and every error found.
func ParseEditor(src []byte, opts Options) EditorResult {
	opts.Mode = ModeExec
	strict := Parse(src, opts)
	if strict.Tree != nil {
		return EditorResult{Tree: strict.Tree.(*ast.Module), Warnings: strict.Warnings}
	}
	s, perr := prepareSource(src, opts.Filename, true)
	if perr != nil {
		return EditorResult{Tree: &ast.Module{}, Errors: ErrorList{perr}}
	}
	p := newParser(s, opts)
	p.recovering = true
	p.tok.recover = true
	stmts, _ := p.statements()
	res := EditorResult{Tree: p.makeModule(stmts), Warnings: strict.Warnings}
	if strict.Err != nil {
		res.Errors = append(res.Errors, strict.Err)
	}
	for _, list := range [][]*SyntaxError{p.tok.errors, p.recovered} {
		for _, e := range list {
			if strict.Err != nil && e.Lineno == strict.Err.Lineno {
				continue
			}
			res.Errors = append(res.Errors, e)
		}
	}
	res.Errors.Sort()
	return res
}

// canRecover reports whether a statement that failed at mark can be
// recovered from: it cannot at the end of a block or of the input.
func (p *parser) canRecover(mark int) bool {
	saved := p.errorIndicator
	p.errorIndicator = false
	p.mark = mark
	t := p.peek()
	p.errorIndicator = saved
	return t != nil && t.typ != tDEDENT && t.typ != tENDMARKER
}

func (p *parser) clearMemos(from int) {
	for _, t := range p.tokens[from:] {
		t.memo = nil
	}
}

// recoverStatement records the error of the statement that failed at start
// and skips it, returning what stands for it in the tree.
func (p *parser) recoverStatement(start int) []ast.Stmt {
	err := p.err
	farthest := p.tokens[len(p.tokens)-1]
	other := p.otherErr
	p.errorIndicator, p.err, p.otherErr = false, nil, ""
	if err == nil && other == "" {
		// Look for a specific message, as CPython's second pass does.
		p.clearMemos(start)
		p.mark = start
		p.callInvalidRules = true
		p.recovering = false
		p.statement()
		p.recovering = true
		p.callInvalidRules = false
		err = p.err
		p.errorIndicator, p.err, p.otherErr = false, nil, ""
		p.clearMemos(start)
	}
	if err == nil && other != "" {
		// A failure CPython does not report as a SyntaxError (an f-string
		// that is not UTF-8): the editor reports it at the farthest token.
		err = p.errorAt(SyntaxErr, farthest, other)
	}
	if err == nil && farthest.typ != tERRORTOKEN {
		switch farthest.typ {
		case tINDENT:
			err = p.errorAt(IndentationErr, farthest, "unexpected indent")
		case tDEDENT:
			err = p.errorAt(IndentationErr, farthest, "unexpected unindent")
		default:
			err = p.errorAt(SyntaxErr, farthest, "invalid syntax")
		}
	}
	if err != nil {
		p.recovered = append(p.recovered, err)
	}
	p.mark = start
	if first := p.peek(); first != nil && first.typ == tINDENT {
		// An unexpected indent: keep the indented statements.
		p.mark++
		stmts, _ := p.statements()
		p.expect(tDEDENT)
		return stmts
	}
	end := p.skipStatement(start)
	p.mark = end
	return []ast.Stmt{&ast.BadStmt{Loc: p.spanOf(start, end)}}
}

// errorAt builds a SyntaxError located at token t, as
// RAISE_SYNTAX_ERROR_KNOWN_LOCATION would.
func (p *parser) errorAt(kind ErrorKind, t *token, msg string) *SyntaxError {
	saved := p.err
	p.errorIndicator = false
	col, endCol := t.col, t.endCol
	if col < 0 {
		col, endCol = 0, 0
	}
	p.raiseKnown(kind, t.lineno, col, t.endLineno, endCol, "%s", msg)
	e := p.err
	p.err = saved
	p.errorIndicator = false
	return e
}

// skipStatement returns the mark after the statement starting at start:
// after the NEWLINE ending its logical line, and after the indented block
// that follows a line ending in ':'. It stops before a DEDENT that closes
// the enclosing block and before the end of input.
func (p *parser) skipStatement(start int) int {
	i := start
	depth := 0
	for {
		p.mark = i
		t := p.peek()
		if t == nil {
			p.errorIndicator = false
			return i
		}
		switch t.typ {
		case tENDMARKER:
			return max(i, start)
		case tDEDENT:
			if depth == 0 {
				if i == start {
					return i + 1
				}
				return i
			}
			depth--
			i++
			if depth == 0 {
				return i
			}
		case tINDENT:
			depth++
			i++
		case tNEWLINE:
			i++
			if depth > 0 {
				continue
			}
			header := i >= 2 && p.tokens[i-2].typ == tCOLON
			p.mark = i
			if next := p.peek(); header && next != nil && next.typ == tINDENT {
				continue
			}
			p.errorIndicator = false
			return i
		default:
			i++
		}
	}
}

// spanOf returns the range of the tokens in [start, end).
func (p *parser) spanOf(start, end int) ast.Loc {
	var first, last *token
	for i := start; i < end && i < len(p.tokens); i++ {
		t := p.tokens[i]
		if t.col < 0 || t.typ == tNEWLINE || t.typ == tINDENT || t.typ == tDEDENT {
			continue
		}
		if first == nil {
			first = t
		}
		last = t
	}
	if first == nil {
		t := p.tokens[min(start, len(p.tokens)-1)]
		l := max(t.lineno, 1)
		c := max(t.col, 0)
		return ast.Loc{Lineno: l, ColOffset: c, EndLineno: l, EndColOffset: c}
	}
	return ast.Loc{Lineno: first.lineno, ColOffset: first.col, EndLineno: last.endLineno, EndColOffset: last.endCol}
}
