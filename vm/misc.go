package vm

import (
	"fmt"
	"sort"
	"strings"

	"github.com/peephole-lsp/peephole/compiler"
	"github.com/peephole-lsp/peephole/internal/pyconst"
)

// posLoc is a source location of an instruction.
type posLoc = compiler.Loc

// binOr is BINARY_OP's argument for |.
const binOr = 7

// emptyStr is the empty str.
var emptyStr = Intern("")

// pyconstStrRepr is the repr of a str, CPython's quoting and escapes.
func pyconstStrRepr(s string) string { return pyconst.Str(s).String() }

// hexID is the address CPython shows in default reprs.
func hexID(v Value) string { return fmt.Sprintf("%#x", identityOf(v)) }

// sortStrings sorts names as Python sorts strs (by code point; for
// generalized UTF-8 that is byte order).
func sortStrings(names []string) { sort.Strings(names) }

// joinStrs is BUILD_STRING: the concatenation of strs.
func joinStrs(t *Thread, parts []Value) (*Str, error) {
	var b strings.Builder
	for _, p := range parts {
		s, ok := p.o.(*Str)
		if !ok {
			return nil, t.typeErrorf("sequence item: expected str instance, %s found", typeName(p))
		}
		b.WriteString(s.s)
	}
	return NewStr(b.String()), nil
}

// writeStderr writes text to sys.stderr (the interpreter's stream when
// sys.stderr is not usable).
func (t *Thread) writeStderr(text string) error {
	if t.interp.Sys != nil {
		if w, ok := t.interp.Sys.dict.GetStr("stderr"); ok && !w.IsNone() {
			m, err := GetAttrString(t, w, "write")
			if err == nil {
				_, err = t.Call(m, []Value{NewStrValue(text)}, nil)
				return err
			}
		}
	}
	_, err := t.interp.Stderr.Write([]byte(text))
	return err
}
