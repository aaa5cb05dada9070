package analysis

// This file lists a buffer's problems: every syntax error the editor-mode
// parser found (CPython's messages and ranges), the symbol table's errors,
// the compiler's error, SyntaxWarnings, reads of names bound nowhere
// (NameError at run time), and reads of locals that would raise
// UnboundLocalError (unbound.go).

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/peephole-lsp/peephole/compiler"
	"github.com/peephole-lsp/peephole/parser"
	"github.com/peephole-lsp/peephole/parser/ast"
)

// Severity is a diagnostic's severity; the values are LSP's.
type Severity int

// The severities.
const (
	SeverityError       Severity = 1
	SeverityWarning     Severity = 2
	SeverityInformation Severity = 3
	SeverityHint        Severity = 4
)

// Diagnostic codes that are not a Python exception's name.
const (
	CodeUndefinedName   = "undefined-name"
	CodePossiblyUnbound = "possibly-unbound"
	CodeInternal        = "internal-error"
)

// Diagnostic is one problem in the buffer.
type Diagnostic struct {
	Range    Range
	Severity Severity
	// Code is the exception CPython raises ("SyntaxError",
	// "IndentationError", "UnboundLocalError", "SyntaxWarning", …) or one
	// of the Code* constants.
	Code    string
	Message string
}

// moduleDunders are the names every module namespace has beyond builtins.
var moduleDunders = map[string]bool{
	"__file__": true, "__cached__": true, "__builtins__": true, "__annotations__": true, "__path__": true,
	"__dict__": true,
}

// Diagnostics returns the buffer's problems, sorted by position.
func (f *File) Diagnostics() []Diagnostic {
	out := append(parseDiagnostics(f.SyntaxErrors, f.Src), f.diagnostics(true)...)
	sortDiagnostics(out)
	return out
}

// parseDiagnostics are the diagnostics of the parser's errors, without
// duplicates.
func parseDiagnostics(errs parser.ErrorList, src []byte) []Diagnostic {
	var out []Diagnostic
	seen := map[string]bool{}
	for _, e := range errs {
		d := syntaxDiagnostic(e, src)
		key := fmt.Sprint(d.Range, d.Message)
		if !seen[key] {
			seen[key] = true
			out = append(out, d)
		}
	}
	return out
}

// diagnostics returns the buffer's problems but the parser's errors, the
// names bound nowhere included if withUndefined.
func (f *File) diagnostics(withUndefined bool) []Diagnostic {
	var out []Diagnostic
	seen := map[string]bool{}
	addSyntax := func(e *parser.SyntaxError) {
		d := syntaxDiagnostic(e, f.Src)
		key := fmt.Sprint(d.Range, d.Message)
		if !seen[key] {
			seen[key] = true
			out = append(out, d)
		}
	}
	for _, e := range f.SyntaxErrors {
		seen[fmt.Sprint(syntaxDiagnostic(e, f.Src).Range, e.Msg)] = true
	}
	for _, e := range f.SymtabErrors {
		addSyntax(e)
	}
	if f.CompileErr != nil {
		var se *parser.SyntaxError
		var re *compiler.RecursionError
		switch {
		case errors.As(f.CompileErr, &se):
			addSyntax(se)
		case errors.As(f.CompileErr, &re):
			out = append(out, Diagnostic{Range: lineRange(f.Src, 1), Severity: SeverityError, Code: "RecursionError", Message: re.Error()})
		default:
			out = append(out, Diagnostic{Range: lineRange(f.Src, 1), Severity: SeverityError, Code: CodeInternal, Message: f.CompileErr.Error()})
		}
	}
	for _, msg := range f.Internal {
		first, _, _ := strings.Cut(msg, "\n")
		out = append(out, Diagnostic{Range: lineRange(f.Src, 1), Severity: SeverityError, Code: CodeInternal, Message: "peephole: " + first})
	}
	for _, w := range f.ParseWarnings {
		out = append(out, Diagnostic{Range: lineRange(f.Src, w.Lineno), Severity: SeverityWarning, Code: w.Category, Message: w.Msg})
	}
	for _, w := range f.CompileWarnings {
		out = append(out, Diagnostic{Range: lineRange(f.Src, w.Lineno), Severity: SeverityWarning, Code: "SyntaxWarning", Message: w.Msg})
	}
	if withUndefined {
		out = append(out, f.undefinedNames()...)
	}
	if f.Code != nil {
		reads, err := safeUnboundReads(f.Code)
		if err != "" {
			out = append(out, Diagnostic{Range: lineRange(f.Src, 1), Severity: SeverityError, Code: CodeInternal, Message: "peephole: " + err})
		}
		for _, u := range reads {
			in := &u.info.Instrs[u.idx]
			r, ok := locRange(in.Pos)
			if !ok {
				r = lineRange(f.Src, in.Pos.Line)
			}
			if u.always {
				out = append(out, Diagnostic{Range: r, Severity: SeverityWarning, Code: "UnboundLocalError",
					Message: fmt.Sprintf("cannot access local variable '%s' where it is not associated with a value", u.name)})
			} else {
				out = append(out, Diagnostic{Range: r, Severity: SeverityHint, Code: CodePossiblyUnbound,
					Message: fmt.Sprintf("'%s' may be unbound here: CPython emits LOAD_FAST_CHECK, which raises UnboundLocalError if it is", u.name)})
			}
		}
	}
	return out
}

// syntaxDiagnostic turns a SyntaxError into a diagnostic at exactly
// CPython's range: its lineno and 1-based character offset to its
// end_lineno and end_offset (just past the end), converted to byte
// columns of the buffer's lines. A SyntaxError without an offset covers
// its line.
func syntaxDiagnostic(e *parser.SyntaxError, src []byte) Diagnostic {
	d := Diagnostic{Severity: SeverityError, Code: e.Kind.String(), Message: e.Msg}
	switch {
	case e.HasLineno && e.Lineno > 0 && e.HasOffset && e.Offset > 0:
		start := ast.Pos{Line: e.Lineno, Col: charToByte(lineText(src, e.Lineno), e.Offset-1)}
		end := start
		if e.HasEnd && e.EndLineno >= e.Lineno && e.EndOffset > 0 {
			end = ast.Pos{Line: e.EndLineno, Col: charToByte(lineText(src, e.EndLineno), e.EndOffset-1)}
		}
		if end.Before(start) {
			end = start
		}
		d.Range = Range{start, end}
	case e.HasLineno && e.Lineno > 0:
		d.Range = lineRange(src, e.Lineno)
	default:
		d.Range = lineRange(src, 1)
	}
	return d
}

// charToByte converts a 0-based character column of a line to bytes,
// clamped to the line.
func charToByte(line string, chars int) int {
	n := 0
	for i := range line {
		if n == chars {
			return i
		}
		n++
	}
	return len(line)
}

// undefinedNames reports reads of global names bound nowhere: neither in
// the module nor in builtins. A star import may bind anything, so a module
// with one gets none of these.
func (f *File) undefinedNames() []Diagnostic {
	if f.Symbols == nil || hasStarImport(f.Tree) {
		return nil
	}
	var out []Diagnostic
	for _, o := range f.occurrences() {
		if isUndefinedRead(o) {
			out = append(out, undefinedName(o.Mangled, rangeOf(o.Range)))
		}
	}
	return out
}

// undefinedName is the diagnostic of a read of a name bound nowhere.
func undefinedName(name string, r Range) Diagnostic {
	return Diagnostic{Range: r, Severity: SeverityWarning, Code: "NameError",
		Message: fmt.Sprintf("name '%s' is not defined", name)}
}

// hasStarImport reports whether the module has a `from … import *`.
func hasStarImport(m *ast.Module) bool {
	found := false
	ast.Inspect(m, func(n ast.Node) bool {
		if imp, ok := n.(*ast.ImportFrom); ok {
			for _, a := range imp.Names {
				if a.Name == "*" {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// lineRange is the range of the text of a line, from its first non-blank
// character to its end (all of it when it is blank).
func lineRange(src []byte, line int) Range {
	if line < 1 {
		line = 1
	}
	text := lineText(src, line)
	start := len(text) - len(strings.TrimLeft(text, " \t\f"))
	end := len(strings.TrimRight(text, " \t\f\r\n"))
	if end < start {
		start = 0
	}
	return Range{ast.Pos{Line: line, Col: start}, ast.Pos{Line: line, Col: end}}
}

// lineText returns line n (1-based) of src without its line break, splitting
// lines as Python does (\n, \r\n, \r); "" past the end.
func lineText(src []byte, n int) string {
	line := 1
	start := 0
	for i := 0; i < len(src); i++ {
		if src[i] != '\n' && src[i] != '\r' {
			continue
		}
		if line == n {
			return string(src[start:i])
		}
		if src[i] == '\r' && i+1 < len(src) && src[i+1] == '\n' {
			i++
		}
		line++
		start = i + 1
	}
	if line == n {
		return string(src[start:])
	}
	return ""
}

// sortDiagnostics orders diagnostics by position, errors first.
func sortDiagnostics(ds []Diagnostic) {
	sort.SliceStable(ds, func(i, j int) bool {
		a, b := ds[i], ds[j]
		if a.Range.Start != b.Range.Start {
			return a.Range.Start.Before(b.Range.Start)
		}
		return a.Severity < b.Severity
	})
}
