// Package parser parses Python 3.13 source into the abstract syntax tree of
// package [ast], exactly as CPython 3.13's parser does: the same trees, the
// same positions, and for invalid source the same SyntaxError (message, line,
// offsets and text).
//
// # Design
//
// The tokenizer (tokenizer.go) is a transcription of the state machine of
// CPython's lexer, including PEP 701 f-strings, and the parser (parser.go and
// the rules_*.go files) is a hand-written packrat PEG parser that follows
// CPython's grammar rule for rule, in two passes: a first pass with the plain
// grammar, and on failure a second pass with the invalid_* rules that produce
// CPython's specialised messages. Because error positions depend on how far
// the tokenizer has read, tokens are produced on demand, as in CPython. See
// the comment at the top of parser.go.
//
// # Entry points
//
// [Parse] parses a whole source in one of compile()'s modes and returns the
// tree or the first error, as CPython does. [ParseFile] is Parse for the
// source of a file. [ParseEditor] is the editor mode: it never gives up at
// the first error, and returns a tree for as much of the source as it could
// parse, with [ast.BadStmt] nodes for the rest, and every error found.
package parser

import (
	"github.com/peephole-lsp/peephole/parser/ast"
)

// Options control a parse.
type Options struct {
	// Filename is the name reported in errors.
	Filename string
	// Mode selects what the source must be: a module, an expression, one
	// interactive statement or a function type.
	Mode Mode
	// TypeComments enables PEP 484 type comments (type_comment fields and
	// TypeIgnore nodes), as ast.parse(type_comments=True) does.
	TypeComments bool
	// IsFile says that Filename names a file holding the source, so that, as
	// in CPython, the text of an error's line is the file's line as read
	// back (universal newlines, at most 999 bytes).
	IsFile bool
	// DontImplyDedent is compile()'s PyCF_DONT_IMPLY_DEDENT: in the
	// single mode, the end of the source does not close the open blocks.
	DontImplyDedent bool
	// AllowIncompleteInput is compile()'s PyCF_ALLOW_INCOMPLETE_INPUT: a
	// source that fails to parse after the tokenizer reached its end (or
	// an unterminated string) gives IncompleteInputErr "incomplete input"
	// instead of the error the second pass would find.
	AllowIncompleteInput bool
}

// Result is the outcome of a parse.
type Result struct {
	// Tree is the parsed tree, or nil on error.
	Tree ast.ModNode
	// Err is the syntax error, or nil.
	Err *SyntaxError
	// Fatal is set for failures that CPython does not report as a
	// SyntaxError (the parser's stack overflowing: a MemoryError).
	Fatal string
	// Warnings are the SyntaxWarnings CPython would issue.
	Warnings []Warning
}

// Parse parses src, whose bytes are decoded as compile() decodes a bytes
// source (BOM, PEP 263 coding cookie, UTF-8 by default).
func Parse(src []byte, opts Options) Result {
	s, err := prepareSource(src, opts.Filename, opts.Mode == ModeExec)
	if err != nil {
		return Result{Err: err}
	}
	p := newParser(s, opts)
	tree := p.run()
	res := Result{Tree: tree, Warnings: p.tok.warnings}
	if tree == nil {
		res.Err = p.err
		res.Fatal = p.otherErr
		if res.Err == nil && res.Fatal == "" {
			res.Fatal = "SystemError: the parser failed without an error"
		}
	}
	return res
}

func newParser(s *source, opts Options) *parser {
	p := &parser{
		src:          s,
		filename:     opts.Filename,
		isFile:       opts.IsFile,
		mode:         opts.Mode,
		typeComments: opts.TypeComments,

		dontImplyDedent: opts.DontImplyDedent,
		allowIncomplete: opts.AllowIncompleteInput,
	}
	p.tok = newTokenizer(s.text, opts.Filename, opts.TypeComments)
	p.tokens = make([]*token, 0, len(s.text)/4+16)
	return p
}

// parseStart runs the start rule of the mode.
func (p *parser) parseStart() ast.ModNode {
	switch p.mode {
	case ModeEval:
		if r := p.evalRule(); r != nil {
			return r
		}
	case ModeSingle:
		if r := p.interactiveRule(); r != nil {
			return r
		}
	case ModeFuncType:
		if r := p.funcTypeRule(); r != nil {
			return r
		}
	default:
		if r := p.fileRule(); r != nil {
			return r
		}
	}
	return nil
}

// run parses in two passes (_PyPegen_run_parser).
func (p *parser) run() ast.ModNode {
	res := p.parseStart()
	if res == nil {
		if p.allowIncomplete && (p.tok.done == stEOF || p.tok.done == stEOFS || p.tok.done == stEOLS) {
			// The first pass's error is dropped (PyErr_Clear) for this one,
			// placed at the last token read.
			p.err, p.otherErr, p.errorIndicator = nil, "", false
			p.raise(IncompleteInputErr, false, "incomplete input")
			return nil
		}
		if p.otherErr != "" {
			return nil
		}
		if len(p.tokens) == 0 {
			p.raise(SyntaxErr, false, "error at start before reading any input")
			return nil
		}
		last := p.tokens[len(p.tokens)-1]
		p.resetForErrorPass()
		p.parseStart()
		if p.otherErr != "" && p.err == nil {
			return nil
		}
		p.setSyntaxError(last)
		return nil
	}
	if p.mode == ModeSingle && p.badSingleStatement() {
		p.raise(SyntaxErr, false, "multiple statements found while compiling a single statement")
		return nil
	}
	return res
}

// badSingleStatement reports whether anything but whitespace and comments
// follows the statement of a "single" parse.
func (p *parser) badSingleStatement() bool {
	src := p.tok.src
	i := p.tok.cur
	for {
		for i < len(src) && (src[i] == ' ' || src[i] == '\t' || src[i] == '\n' || src[i] == '\f') {
			i++
		}
		if i >= len(src) {
			return false
		}
		if src[i] != '#' {
			return true
		}
		for i < len(src) && src[i] != '\n' {
			i++
		}
	}
}

// SourceLine returns line lineno of a source file's bytes as CPython reads
// an error's line back from the file (_PyErr_ProgramDecodedTextObject):
// universal newlines, the last 999-byte piece of a longer line, a BOM kept,
// decoded with encoding and replacement characters, or strictly as UTF-8
// when encoding is "" (no declared encoding). It reports false past the
// last line and for a line that does not decode strictly.
func SourceLine(raw []byte, lineno int, encoding string) (string, bool) {
	return programText(raw, lineno, encoding)
}
