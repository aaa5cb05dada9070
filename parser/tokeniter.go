package parser

import (
	"unicode/utf8"
)

// This file exposes the tokenizer as CPython exposes its C tokenizer to
// the tokenize module (Python/Python-tokenize.c, _tokenize.TokenizerIter):
// one token at a time as (type, string, start, end, line) with character
// columns, and with extra_tokens, the tokenize module's mode, comments
// and non-logical newlines as COMMENT and NL tokens, operators as OP and
// the trailing DEDENT and ENDMARKER tokens on the line after the source.

// PyToken is one token as _tokenize.TokenizerIter yields it.
type PyToken struct {
	Type                           int // CPython's token number
	String                         string
	Lineno, Col, EndLineno, EndCol int // 1-based lines, 0-based character columns
	Line                           string
}

// TokenIter tokenizes one source text.
type TokenIter struct {
	t               *tokenizer
	extra           bool
	implicitNewline bool
	done            bool
	lastLineno      int
	lastLine        string
}

// CPython's token numbers past the operators (Include/internal/pycore_token.h).
const (
	pyTokOP    = 55
	pyTokNL    = 63
	pyTokErr   = 64
	pyTokDEDNT = 6
)

// NewTokenIter returns an iterator over the tokens of text (already
// decoded to UTF-8, as the lines the tokenize module's readline gives).
// A last line without a newline gets one, as CPython's tokenizer adds it.
func NewTokenIter(text []byte, filename string, extraTokens bool) *TokenIter {
	it := &TokenIter{extra: extraTokens, lastLineno: -1}
	if len(text) > 0 && text[len(text)-1] != '\n' {
		text = append(append([]byte(nil), text...), '\n')
		it.implicitNewline = true
	}
	it.t = newTokenizer(text, filename, false)
	it.t.extraTokens = extraTokens
	return it
}

// Next returns the next token; ok is false at the end. A tokenizing
// error is returned as the SyntaxError (or IndentationError, TabError)
// that CPython raises.
func (it *TokenIter) Next() (tok PyToken, ok bool, err *SyntaxError) {
	if it.done {
		return tok, false, nil
	}
	t := it.t
	var tk token
	typ := t.get(&tk)
	if typ == tERRORTOKEN {
		it.done = true
		return tok, false, it.errorOf()
	}
	num := int(typ)
	if typ >= kwFalse {
		num = 1 // a keyword is a NAME
	}
	str := ""
	if tk.start >= 0 && tk.end >= 0 {
		str = string(t.src[tk.start:tk.end])
	}
	trailing := typ == tENDMARKER || typ == tDEDENT && t.done == stEOF
	isStr := typ == tSTRING || typ == tFSTRING_MIDDLE
	lineStart := t.lineStart
	if isStr {
		lineStart = t.multiLineStart
	}
	// The tokenizer adds the implicit newline when it reads the last line.
	implicit := it.implicitNewline && t.inp >= len(t.src)
	var line string
	if it.extra && trailing {
		line = ""
	} else if t.lineno != it.lastLineno {
		end := t.inp
		if end-lineStart >= 1 && implicit {
			end--
		}
		if end < lineStart {
			end = lineStart
		}
		line = decodeReplace(string(t.src[lineStart:end]))
		it.lastLine = line
	} else {
		line = it.lastLine
	}
	lineno := tk.lineno
	endLineno := t.lineno
	it.lastLineno = lineno
	col, endCol := -1, -1
	if tk.start >= 0 && tk.start >= lineStart {
		col = utf8.RuneCount(t.src[lineStart:tk.start])
	}
	if tk.end >= 0 && tk.end >= t.lineStart {
		if lineno == endLineno && col >= 0 {
			endCol = col + utf8.RuneCount(t.src[tk.start:tk.end])
		} else {
			endCol = utf8.RuneCount(t.src[t.lineStart:tk.end])
		}
	}
	if it.extra {
		if trailing {
			lineno, endLineno = lineno+1, lineno+1
			col, endCol = 0, 0
		}
		switch {
		case num > pyTokDEDNT && num < pyTokOP:
			num = pyTokOP
		case typ == tNEWLINE:
			str = ""
			if !implicit {
				str = "\n"
				if tk.start >= 0 && t.src[tk.start] == '\r' {
					str = "\r\n"
				}
			}
			endCol++
		case typ == tNL:
			if implicit {
				str = ""
			}
		}
	}
	if typ == tENDMARKER {
		it.done = true
	}
	return PyToken{Type: num, String: str, Lineno: lineno, Col: col, EndLineno: endLineno, EndCol: endCol, Line: line}, true, nil
}

// errorOf is the exception for the error token just returned
// (_tokenizer_error).
func (it *TokenIter) errorOf() *SyntaxError {
	t := it.t
	if t.err != nil {
		return t.err
	}
	kind := SyntaxErr
	var msg string
	switch t.done {
	case stEOF:
		// At the end of input inside brackets, CPython's readline
		// tokenizer has emptied its buffer: the offset is 0; after a
		// backslash, the line is still in the buffer.
		col := 0
		if t.level == 0 {
			col = max(0, utf8.RuneCount(t.src[t.buf:t.inp]))
		}
		return &SyntaxError{Kind: SyntaxErr, Msg: "unexpected EOF in multi-line statement", Filename: t.filename,
			Lineno: t.lineno, Offset: col, HasLineno: true, HasOffset: true}
	case stDedent:
		msg, kind = "unindent does not match any outer indentation level", IndentationErr
	case stTabSpace:
		msg, kind = "inconsistent use of tabs and spaces in indentation", TabErr
	case stTooDeep:
		msg, kind = "too many levels of indentation", IndentationErr
	case stLineCont:
		msg = "unexpected character after line continuation character"
	default:
		msg = "unknown tokenization error"
	}
	end := t.inp
	if end > t.buf && t.src[end-1] == '\n' {
		end--
	}
	if end < t.buf {
		end = t.buf
	}
	text := decodeReplace(string(t.src[t.buf:end]))
	off := utf8.RuneCount(t.src[t.buf:max(t.buf, min(t.inp, len(t.src)))])
	return &SyntaxError{Kind: kind, Msg: msg, Filename: t.filename, Lineno: t.lineno, Offset: off,
		Text: text, HasLineno: true, HasOffset: true, HasText: true}
}
