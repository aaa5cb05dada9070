package analysis

// This file renames a binding: exactly the occurrences of the binding under
// the cursor, after checking that the new name is an identifier (not a
// keyword) and that no other binding would capture or be captured by it.

import (
	"fmt"
	"strings"

	"github.com/peephole-lsp/peephole/parser"
	"github.com/peephole-lsp/peephole/parser/ast"
	"github.com/peephole-lsp/peephole/symtab"
)

// Edit replaces the text of Range with NewText.
type Edit struct {
	Range   Range
	NewText string
}

// RenameError is a rename refused, with the reason.
type RenameError struct{ Msg string }

func (e *RenameError) Error() string { return e.Msg }

func refuse(format string, args ...any) error {
	return &RenameError{fmt.Sprintf(format, args...)}
}

// PrepareRename returns the range of the name at pos and the name, or an
// error saying why it cannot be renamed.
func (f *File) PrepareRename(pos ast.Pos) (Range, string, error) {
	occ, err := f.renamable(pos)
	if err != nil {
		return Range{}, "", err
	}
	return rangeOf(occ.Range), occ.Name, nil
}

// renamable returns the occurrence at pos if its binding can be renamed.
func (f *File) renamable(pos ast.Pos) (*symtab.Occurrence, error) {
	occ := f.OccurrenceAt(pos)
	if occ == nil || occ.Binding == nil {
		return nil, refuse("there is no name to rename here")
	}
	b := occ.Binding
	switch {
	case b.Kind == symtab.KindBuiltin:
		return nil, refuse("'%s' is a builtin: this file does not bind it", occ.Name)
	case !b.Defined:
		return nil, refuse("'%s' is not bound in this file", occ.Name)
	}
	for _, o := range b.Occurrences {
		if a, ok := o.Node.(*ast.Alias); ok && o.Role == symtab.RoleImport && a.Asname == "" && strings.Contains(a.Name, ".") {
			return nil, refuse("'%s' is bound by `import %s`: renaming it would import another module", occ.Name, a.Name)
		}
	}
	return occ, nil
}

// Rename returns the edits that rename the binding of the name at pos to
// newName, or a *RenameError.
func (f *File) Rename(pos ast.Pos, newName string) ([]Edit, error) {
	occ, err := f.renamable(pos)
	if err != nil {
		return nil, err
	}
	id, err := checkIdentifier(newName)
	if err != nil {
		return nil, err
	}
	b := occ.Binding
	if id == occ.Name {
		return nil, nil
	}
	// No occurrence of the new name may see the binding after the rename
	// (it would be captured), nor may the binding's occurrences see
	// another binding of the new name.
	tables := map[*symtab.Table]bool{}
	for _, o := range b.Occurrences {
		tables[o.Table] = true
	}
	for _, o := range f.occurrences() {
		if o.Name != id || o.Binding == b {
			continue
		}
		captured := within(o.Table, b.Owner)
		if b.Owner == nil || b.Owner.Type == symtab.ModuleBlock {
			captured = o.Kind == symtab.KindGlobal || o.Kind == symtab.KindBuiltin
		}
		shadows := false
		owner := o.Binding.Owner
		for t := range tables {
			if o.Table == t || owner != nil && owner != b.Owner && within(t, owner) && within(owner, b.Owner) {
				shadows = true
			}
		}
		if captured || shadows {
			return nil, refuse("'%s' is already used in %s (line %d): renaming would change what a name refers to", id, blockWords(o.Table), o.Range.Lineno)
		}
	}
	var edits []Edit
	for _, o := range f.Symbols.Occurrences(b) {
		r := rangeOf(o.Range)
		if a, ok := o.Node.(*ast.Alias); ok && o.Role == symtab.RoleImport && a.Asname == "" {
			// `import m` / `from m import x` become `… as new`.
			edits = append(edits, Edit{Range{r.End, r.End}, " as " + newName})
			continue
		}
		edits = append(edits, Edit{r, newName})
	}
	return edits, nil
}

// within reports whether block t is b or nested in it.
func within(t, b *symtab.Table) bool {
	for ; t != nil; t = t.Parent() {
		if t == b {
			return true
		}
	}
	return false
}

// checkIdentifier checks that s is a Python identifier that can be bound,
// by parsing it, and returns it as Python reads it (NFKC-normalised).
func checkIdentifier(s string) (string, error) {
	if s == "" || strings.TrimSpace(s) != s || strings.ContainsAny(s, "#\\\n\r") {
		return "", refuse("%q is not a Python identifier", s)
	}
	res := parser.Parse([]byte(s), parser.Options{Mode: parser.ModeEval})
	if res.Tree == nil {
		if kw := keyword(s); kw {
			return "", refuse("'%s' is a keyword", s)
		}
		return "", refuse("%q is not a Python identifier", s)
	}
	expr, ok := res.Tree.(*ast.Expression)
	if !ok {
		return "", refuse("%q is not a Python identifier", s)
	}
	name, ok := expr.Body.(*ast.Name)
	if !ok {
		if _, isConst := expr.Body.(*ast.Constant); isConst && keyword(s) {
			return "", refuse("'%s' is a keyword", s)
		}
		return "", refuse("%q is not a Python identifier", s)
	}
	if name.ID == "__debug__" {
		return "", refuse("'__debug__' cannot be assigned to")
	}
	return name.ID, nil
}

// keyword reports whether s is one of Python's (hard) keywords.
func keyword(s string) bool {
	switch s {
	case "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
		"def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
		"in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
		"with", "yield":
		return true
	}
	return false
}
