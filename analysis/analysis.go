// Package analysis answers an editor's questions about one Python buffer from
// peephole's core: what is at a position (the name, its binding and kind, the
// instructions CPython 3.13 emits for it), the code object and disassembly
// for a position, diagnostics, symbols, the occurrences of a binding, semantic
// tokens, code lenses, inlay hints, and the requests that run a buffer or a
// selection (through a [Runner] that the VM implements).
//
// It knows nothing of the Language Server Protocol: positions are the core's
// (1-based lines, 0-based columns counted in UTF-8 bytes; [Range] is half-open),
// results are plain Go values, and package lsp translates both ways.
//
// # Design
//
// [Analyze] does all the work for one version of a buffer, once: it parses the
// text in the parser's editor mode (a tree for whatever could be parsed, every
// error found), builds the symbol table with its occurrence side tables
// (symtab.BuildEditor), and, when the buffer has no syntax error, compiles
// that same tree into CPython 3.13's code objects. The compiler folds
// constants in the tree it is given; that is harmless here because folding
// replaces only subtrees without names, and the symbol table was built first.
// A [File] is immutable once Analyze returns, so any number of requests read
// it concurrently; the indexes that only some questions need (the
// instructions of each code object by line, the map from blocks to code
// objects) are built on first use behind sync.Once.
//
// Everything else is a query on a File: [File.Hover], [File.Bytecode],
// [File.Diagnostics], [File.SemanticTokens], [File.DocumentSymbols],
// [File.Definition], [File.References], [File.Highlights], [File.Rename],
// [File.CodeLenses], [File.InlayHints]. Each lives in the file named after the
// LSP method it serves, as its counterpart in package lsp does.
//
// Which instructions belong to a name occurrence is decided through
// co_positions, by one rule (see instructionsFor in code.go) that the tests
// apply to CPython's own code objects too.
//
// # While typing
//
// A whole analysis of a 5,000-line buffer costs a parse, a symbol table
// and a compilation of all of it, far more than an editor can wait after
// each keystroke. A [Diagnoser] keeps, for one buffer, the diagnostics of
// each top-level statement keyed by its text, and after an edit analyses
// only the statements whose text changed (chunks.go explains why a
// top-level statement can be analysed alone, and what is whole-module).
// Each version of the buffer is a [View] of those statements: it gives
// the diagnostics, and answers the questions about a position (hover,
// definition, references, highlights, inlay hints, bytecode) from the
// statement holding it, analysed at its line, whenever it can prove its
// answer the whole File's (view.go). The server answers through it until
// the whole File, which it builds once edits pause or a question needs
// it, is ready.
//
// # Runs
//
// Nothing here runs Python. run.go is the seam with the VM: the [Runner]
// interface it implements, the request and result of a run, and
// [Execute], the plumbing every run goes through (time and output limits,
// cancellation, collected and streamed output). [Selection] and
// [SelectionRange] say what a run of selected text runs.
package analysis

import (
	"fmt"
	"runtime/debug"
	"sync"

	"github.com/peephole-lsp/peephole/compiler"
	"github.com/peephole-lsp/peephole/parser"
	"github.com/peephole-lsp/peephole/parser/ast"
	"github.com/peephole-lsp/peephole/symtab"
)

// Range is a half-open range of source positions in the core's coordinates
// (1-based lines, 0-based UTF-8 byte columns).
type Range struct {
	Start, End ast.Pos
}

// rangeOf returns the range of a location.
func rangeOf(l ast.Loc) Range {
	return Range{ast.Pos{Line: l.Lineno, Col: l.ColOffset}, ast.Pos{Line: l.EndLineno, Col: l.EndColOffset}}
}

// Contains reports whether p lies within r, its end included (a cursor just
// after a name is still on it).
func (r Range) Contains(p ast.Pos) bool {
	return !p.Before(r.Start) && !r.End.Before(p)
}

// Overlaps reports whether r and s share a position.
func (r Range) Overlaps(s Range) bool {
	return r.Start.Before(s.End) && s.Start.Before(r.End) || r == s
}

// Options control an analysis.
type Options struct {
	// Filename is the name the code objects carry (co_filename) and errors
	// report: the buffer's path, or its URI when it has none.
	Filename string
}

// File is the analysis of one version of a buffer. It is never nil and never
// changes once Analyze returns.
type File struct {
	// Src is the text analysed.
	Src []byte
	// Filename is Options.Filename.
	Filename string
	// Tree is the editor-mode tree: never nil, with BadStmt nodes where the
	// text could not be parsed.
	Tree *ast.Module
	// SyntaxErrors are the parser's errors, sorted by position.
	SyntaxErrors parser.ErrorList
	// ParseWarnings are the parser's SyntaxWarnings.
	ParseWarnings []parser.Warning
	// Symbols is the symbol table of Tree, with every name occurrence; nil
	// only if building it failed internally.
	Symbols *symtab.Module
	// SymtabErrors are the errors CPython's symbol table raises (every one
	// of them, not only the first).
	SymtabErrors []*parser.SyntaxError
	// Code is the module's code object, or nil when the buffer does not
	// compile (CompileErr says why, unless there were syntax errors).
	Code *compiler.Code
	// CompileErr is the compiler's error (a *parser.SyntaxError for what
	// CPython reports as SyntaxError); nil when Code is set or the buffer
	// was not compiled because of earlier errors.
	CompileErr error
	// CompileWarnings are the compiler's SyntaxWarnings.
	CompileWarnings []compiler.Warning
	// Internal lists failures of peephole itself (a recovered panic) met
	// while analysing; they are reported as diagnostics, never raised.
	Internal []string

	codesOnce sync.Once
	codes     *codeIndex

	importsOnce sync.Once
	imports     map[*ast.Alias]bool
}

// Analyze parses, resolves and compiles src. It never fails and never
// panics: what went wrong is in the File's error fields.
func Analyze(src []byte, opts Options) *File {
	f := &File{Src: src, Filename: opts.Filename}
	f.guard("parser", func() {
		res := parser.ParseEditor(src, parser.Options{Filename: opts.Filename})
		f.Tree, f.SyntaxErrors, f.ParseWarnings = res.Tree, res.Errors, res.Warnings
	})
	if f.Tree == nil {
		f.Tree = &ast.Module{}
	}
	f.guard("symbol table", func() {
		f.Symbols, f.SymtabErrors = symtab.BuildEditor(f.Tree, symtab.Options{Filename: opts.Filename, Source: src})
		f.Symbols.AllOccurrences() // resolve now, while nothing else reads the tables
	})
	if len(f.SyntaxErrors) == 0 && len(f.SymtabErrors) == 0 && len(f.Internal) == 0 {
		f.guard("compiler", func() {
			res, err := compiler.Compile(f.Tree, compiler.Options{Filename: opts.Filename, Source: src})
			f.Code, f.CompileErr, f.CompileWarnings = res.Code, err, res.Warnings
		})
	}
	return f
}

// guard runs fn, turning a panic into an entry of f.Internal.
func (f *File) guard(stage string, fn func()) {
	defer func() {
		if r := recover(); r != nil {
			f.Internal = append(f.Internal, fmt.Sprintf("internal error in the %s: %v\n%s", stage, r, debug.Stack()))
		}
	}()
	fn()
}

// OccurrenceAt returns the name occurrence at pos, or nil.
func (f *File) OccurrenceAt(pos ast.Pos) *symtab.Occurrence {
	if f.Symbols == nil {
		return nil
	}
	return f.Symbols.OccurrenceAt(pos)
}

// occurrences returns every name occurrence, in source order.
func (f *File) occurrences() []*symtab.Occurrence {
	if f.Symbols == nil {
		return nil
	}
	return f.Symbols.AllOccurrences()
}
