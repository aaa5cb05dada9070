package parser

import (
	"bytes"
	"fmt"
)

// This file is the tokenizer's side of the editor mode: instead of stopping
// at the first error, the tokenizer records it and resynchronises, so that a
// buffer being typed still yields tokens for everything after the damage.
//
//   - An error inside a line (an unterminated string, a bad number, an
//     invalid character) becomes an ERRORTOKEN, followed by a NEWLINE, and
//     tokenizing resumes at the next line with all brackets closed.
//   - A bracket left open at a line that looks like a new statement (a
//     statement keyword at or left of the indentation of the line where the
//     bracket opened) is reported as never closed, and that line is
//     tokenized afresh; at the end of input likewise.
//   - Indentation errors are recorded and the indentation is accepted.

// recordError records an error of the recovering tokenizer.
func (t *tokenizer) recordError(kind ErrorKind, msg string, lineno, col int) {
	lineStart := t.lineStart
	text := decodeReplace(string(t.src[lineStart:t.lineEnd(lineStart)]))
	t.errors = append(t.errors, &SyntaxError{
		Kind: kind, Msg: msg, Filename: t.filename,
		Lineno: lineno, Offset: col + 1, EndLineno: lineno, EndOffset: col + 1,
		Text: text, HasLineno: true, HasOffset: true, HasEnd: true, HasText: true,
		Pos: Position{lineno, col}, End: Position{lineno, col},
	})
}

// recoverDedent accepts a dedent to a column that matches no outer level:
// the line stays in the inner block, whose column becomes col.
func (t *tokenizer) recoverDedent(col, altcol int) {
	t.recordError(IndentationErr, "unindent does not match any outer indentation level", t.lineno, col)
	if col > t.indstk[t.indent] && t.indent+1 < maxIndent {
		t.pendin++
		t.indent++
		t.indstk[t.indent] = col
		t.altstk[t.indent] = altcol
	}
}

// statementStarts are the words that, at the start of a line inside open
// brackets, suggest that the brackets were never closed.
var statementStarts = []string{"def ", "class ", "@", "if ", "elif ", "else:", "for ", "while ", "with ",
	"try:", "except", "finally:", "async ", "return", "import ", "from ", "raise", "pass", "break",
	"continue", "global ", "nonlocal ", "del ", "assert "}

// newStatementInBrackets reports whether the line at cur, indented to col
// while brackets are open, looks like the start of a new statement.
func (t *tokenizer) newStatementInBrackets(col int) bool {
	if col > t.stmtIndent {
		return false
	}
	rest := t.src[t.cur:]
	for _, w := range statementStarts {
		if bytes.HasPrefix(rest, []byte(w)) {
			return true
		}
	}
	return false
}

// breakBrackets reports the outermost open bracket as never closed and
// restarts the current line with no bracket open.
func (t *tokenizer) breakBrackets(tk *token) tokType {
	ln, col := t.parenLn[0], t.parenCo[0]
	t.errors = append(t.errors, &SyntaxError{
		Kind: SyntaxErr, Msg: fmt.Sprintf("'%c' was never closed", t.parens[0]), Filename: t.filename,
		Lineno: ln, Offset: col + 1, EndLineno: ln, EndOffset: 0,
		Text: lineOf(t.src, ln), HasLineno: true, HasOffset: true, HasEnd: true, HasText: true,
		Pos: Position{ln, col}, End: Position{ln, col + 1},
	})
	t.level = 0
	t.modeIdx = 0
	t.resetMode0()
	t.cur = t.lineStart
	t.colOffset = 0
	t.atbol = true
	t.pendingNewline = true
	t.brokeBrackets = true
	t.setup(tk, tERRORTOKEN, -1, -1)
	tk.col, tk.endCol = 0, 0
	return tERRORTOKEN
}

func (t *tokenizer) resetMode0() {
	t.modes[0] = tokMode{exprStart: -1, exprEnd: -1, exprStartDepth: -1}
}

// getRecovering is get in editor mode.
func (t *tokenizer) getRecovering(tk *token) tokType {
	if t.pendingNewline {
		t.pendingNewline = false
		t.setup(tk, tNEWLINE, -1, -1)
		tk.col, tk.endCol = t.colOffset, t.colOffset
		return tNEWLINE
	}
	typ := t.getRaw(tk)
	if typ != tERRORTOKEN {
		return typ
	}
	if t.brokeBrackets {
		t.brokeBrackets = false
		return typ
	}
	t.errors = append(t.errors, t.currentError())
	// Give the error token a position on the line of the error.
	ln := t.lineno
	col := t.cur - t.lineStart
	if tk.col < 0 {
		tk.lineno, tk.endLineno, tk.col, tk.endCol = ln, ln, col, col
	}
	t.resync()
	t.pendingNewline = true
	return tERRORTOKEN
}

// currentError returns the error the raw tokenizer just failed with.
func (t *tokenizer) currentError() *SyntaxError {
	if t.err != nil {
		return t.err
	}
	var msg string
	kind := SyntaxErr
	switch t.done {
	case stEOF:
		if t.level > 0 {
			ln, col := t.parenLn[t.level-1], t.parenCo[t.level-1]
			return &SyntaxError{
				Kind: SyntaxErr, Msg: fmt.Sprintf("'%c' was never closed", t.parens[t.level-1]), Filename: t.filename,
				Lineno: ln, Offset: col + 1, EndLineno: ln, EndOffset: 0,
				Text: lineOf(t.src, ln), HasLineno: true, HasOffset: true, HasEnd: true, HasText: true,
				Pos: Position{ln, col}, End: Position{ln, col + 1},
			}
		}
		msg = "unexpected EOF while parsing"
	case stLineCont:
		msg = "unexpected character after line continuation character"
	case stDecode:
		msg = "(unicode error) " + utf8DecodeError(t.src[t.start:t.cur])
	case stTooDeep:
		kind, msg = IndentationErr, "too many levels of indentation"
	default:
		msg = "invalid syntax"
	}
	col := max(0, t.cur-t.lineStart-1)
	text := decodeReplace(string(t.src[t.lineStart:t.lineEnd(t.lineStart)]))
	return &SyntaxError{
		Kind: kind, Msg: msg, Filename: t.filename,
		Lineno: t.lineno, Offset: col + 1, EndLineno: t.lineno, EndOffset: col + 1,
		Text: text, HasLineno: true, HasOffset: true, HasEnd: true, HasText: true,
		Pos: Position{t.lineno, col}, End: Position{t.lineno, col + 1},
	}
}

// resync resumes tokenizing at the start of the line after the error, with
// no bracket or f-string open.
func (t *tokenizer) resync() {
	t.err = nil
	t.done = stOK
	t.level = 0
	t.modeIdx = 0
	t.resetMode0()
	next := t.lineEnd(t.lineStart)
	if next < len(t.src) {
		next++
	}
	t.cur, t.inp, t.buf = next, next, next
	t.colOffset = 0
	t.atbol = true
	t.contLine = false
}
