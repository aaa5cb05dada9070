package vm

import (
	"strings"

	"github.com/peephole-lsp/peephole/parser"
)

// _tokenize.TokenizerIter, the C tokenizer that CPython 3.12+ exposes to
// the tokenize module, here peephole's parser tokenizer (parser.TokenIter):
// TokenizerIter(readline, /, *, extra_tokens, encoding=None) reads the
// lines that readline returns (str, or bytes decoded with encoding) until
// it returns an empty line or raises StopIteration, then yields the
// tokens as (type, string, (line, col), (end_line, end_col), line)
// tuples, raising the tokenizer's SyntaxError (which tokenize.py turns
// into TokenError) where CPython does.

var tokenizerIterSpec = ArgSpec{Name: "tokenizeriter", Params: []string{"readline", "extra_tokens", "encoding"}, PosOnly: 1, Required: 2, KwOnly: 2}

// tokenizerIter is a TokenizerIter object.
type tokenizerIter struct {
	ObjectBase
	it *parser.TokenIter
}

func init() {
	onSetup(func() {
		tp := tokenizerIterType
		tp.New = tokenizerIterNew
		tp.Iter = selfIter
		tp.Next = func(t *Thread, v Value) (Value, error) {
			ti := v.o.(*tokenizerIter)
			tok, ok, se := ti.it.Next()
			if se != nil {
				return Null, t.syntaxError(se)
			}
			if !ok {
				return Null, nil
			}
			return Value{o: NewTuple(Int(int64(tok.Type)), NewStrValue(tok.String),
				Value{o: NewTuple(Int(int64(tok.Lineno)), Int(int64(tok.Col)))},
				Value{o: NewTuple(Int(int64(tok.EndLineno)), Int(int64(tok.EndCol)))},
				NewStrValue(tok.Line))}, nil
		}
	})
}

func tokenizerIterNew(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
	var a [3]Value
	if err := clinicArgs(t, &tokenizerIterSpec, args, kw, a[:]); err != nil {
		return Null, err
	}
	extra, err := Truth(t, a[1])
	if err != nil {
		return Null, err
	}
	encoding := ""
	if !a[2].IsNull() {
		s, ok := a[2].o.(*Str)
		if !ok {
			return Null, t.typeErrorf("TokenizerIter() argument 'encoding' must be str, not %s", typeName(a[2]))
		}
		encoding = s.s
	}
	var text strings.Builder
	for {
		line, err := t.Call(a[0], nil, nil)
		if err != nil {
			if isStopIteration(err) {
				break
			}
			return Null, err
		}
		var s string
		if encoding != "" {
			b, ok := bufferBytes(line)
			if !ok {
				return Null, t.typeErrorf("readline() returned a non-bytes object")
			}
			d, err := decodeBytes(t, b, nil, encoding, "strict")
			if err != nil {
				return Null, err
			}
			s = d.s
		} else {
			str, ok := line.o.(*Str)
			if !ok {
				return Null, t.typeErrorf("readline() returned a non-string object")
			}
			s = str.s
		}
		if s == "" {
			break
		}
		text.WriteString(s)
	}
	return Value{o: &tokenizerIter{ObjectBase: ObjectBase{cls: cls}, it: parser.NewTokenIter([]byte(text.String()), "<string>", extra)}}, nil
}

// isStopIteration reports whether err is a raised StopIteration.
func isStopIteration(err error) bool {
	e, ok := err.(*Exception)
	return ok && e.Type().IsSubtype(StopIterationType)
}
