package parser

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"github.com/peephole-lsp/peephole/internal/unitables"
)

// This file is the tokenizer. It follows the state machine of CPython 3.13's
// lexer (Parser/lexer/lexer.c) closely, because the parser's error messages
// and positions depend on exactly where the tokenizer stands when an error is
// found: it reads the source line by line (lineno advances when a line is
// read, not when it is tokenized), keeps a stack of modes for PEP 701
// f-strings, tracks bracket nesting for "'(' was never closed", and reports
// its own errors with CPython's messages and character offsets.

const (
	eofChar         = -1
	tabSize         = 8
	altTabSize      = 1
	maxIndent       = 100 // MAXINDENT
	maxLevel        = 200 // MAXLEVEL: nesting of brackets
	maxFStringLevel = 150 // MAXFSTRINGLEVEL
	maxExprNesting  = 3   // MAX_EXPR_NESTING: nested replacement fields
)

// tokState is the tokenizer's status (CPython's tok->done).
type tokState uint8

const (
	stOK tokState = iota
	stEOF
	stError     // E_ERROR: an error was reported with its own message
	stTabSpace  // E_TABSPACE
	stTooDeep   // E_TOODEEP
	stDedent    // E_DEDENT
	stDecode    // E_DECODE
	stEOFS      // E_EOFS
	stEOLS      // E_EOLS
	stLineCont  // E_LINECONT
	stInteract  // unused: interactive input stops
	stColumnOvf // E_COLUMNOVERFLOW
)

// tokMode is one entry of the mode stack: the regular mode at the bottom,
// one entry per f-string being tokenized above it.
type tokMode struct {
	fstringMode    bool // tokenizing the literal part of an f-string
	quote          byte
	quoteSize      int
	raw            bool
	start          int // offset of the f-string's first character (its prefix)
	multiLineStart int // offset of the line where it starts
	lineStart      int // line number where it starts
	exprStart      int // offset just after the '{' of the current replacement field; -1 if none
	exprEnd        int // offset of the token ending the expression; -1 until known
	inFormatSpec   bool
	debug          bool
	curlyDepth     int
	exprStartDepth int
}

// tokenizer tokenizes prepared source text.
type tokenizer struct {
	src      []byte
	filename string

	cur, inp, buf, lineStart int // positions in src, as CPython's pointers
	start                    int // start of the current token; -1 when none
	lineno                   int
	colOffset                int // byte column of cur in its line
	startingColOffset        int
	firstLineno              int // line where the current string started
	multiLineStart           int // line start of the current string's first line

	done    tokState
	atbol   bool
	pendin  int
	indent  int
	indstk  [maxIndent]int
	altstk  [maxIndent]int
	level   int
	parens  [maxLevel]byte
	parenLn [maxLevel]int
	parenCo [maxLevel]int

	contLine     bool
	typeComments bool

	// extraTokens is CPython's tok_extra_tokens (the tokenize module's
	// mode): comments and non-logical newlines become COMMENT and NL
	// tokens. commentNewline says a comment ended a blank line.
	extraTokens    bool
	commentNewline bool

	modes   [maxFStringLevel]tokMode
	modeIdx int

	err      *SyntaxError // the error the tokenizer reported, if any
	warnings []Warning

	// Editor mode (recover.go): errors are recorded and tokenizing goes on.
	recover        bool
	errors         []*SyntaxError
	pendingNewline bool
	brokeBrackets  bool
	stmtIndent     int // the indentation of the line where the outermost bracket opened
}

// Warning is a warning CPython would issue while parsing (SyntaxWarning).
type Warning struct {
	Category string // "SyntaxWarning" or "DeprecationWarning"
	Msg      string
	Lineno   int
}

func newTokenizer(src []byte, filename string, typeComments bool) *tokenizer {
	t := &tokenizer{src: src, filename: filename, start: -1, atbol: true, typeComments: typeComments}
	t.modes[0].exprStartDepth = -1
	t.modes[0].exprStart = -1
	t.modes[0].exprEnd = -1
	return t
}

func (t *tokenizer) mode() *tokMode { return &t.modes[t.modeIdx] }

func (t *tokenizer) insideFString() bool { return t.modeIdx > 0 }

func (m *tokMode) insideExpr() bool { return m.exprStartDepth >= 0 }

// nextc returns the next byte, reading the next line when needed, or
// eofChar.
func (t *tokenizer) nextc() int {
	for {
		if t.cur != t.inp {
			t.colOffset++
			c := t.src[t.cur]
			t.cur++
			return int(c)
		}
		if t.done != stOK {
			return eofChar
		}
		if !t.underflow() {
			t.cur = t.inp
			return eofChar
		}
		t.lineStart = t.cur
	}
}

// underflow reads the next line (tok_underflow_string).
func (t *tokenizer) underflow() bool {
	if t.inp >= len(t.src) {
		t.done = stEOF
		return false
	}
	end := len(t.src)
	if i := bytes.IndexByte(t.src[t.inp:], '\n'); i >= 0 {
		end = t.inp + i + 1
	}
	t.lineno++
	t.colOffset = 0
	// The buffer starts at the new line only between tokens: a token that
	// spans lines (a triple-quoted string, a backslash continuation) keeps
	// it at the line where the token began, which shows in the column of
	// E_LINECONT and in the text of errors taken from the buffer.
	if t.start < 0 {
		t.buf = t.cur
	}
	t.lineStart = t.cur
	t.inp = end
	return true
}

// backup steps back over c, which must be the byte just read.
func (t *tokenizer) backup(c int) {
	if c != eofChar {
		t.cur--
		t.colOffset--
	}
}

// lineEnd returns the offset of the \n ending the line that starts at off,
// or the end of the source.
func (t *tokenizer) lineEnd(off int) int {
	if i := bytes.IndexByte(t.src[off:], '\n'); i >= 0 {
		return off + i
	}
	return len(t.src)
}

// syntaxError reports a tokenizer error whose position is the character
// before cur (CPython's _PyTokenizer_syntaxerror).
func (t *tokenizer) syntaxError(format string, args ...any) tokType {
	return t.syntaxErrorRange(-1, -1, format, args...)
}

// syntaxErrorRange reports a tokenizer error. Offsets of -1 mean: the
// number of characters from the line start to cur.
func (t *tokenizer) syntaxErrorRange(col, endCol int, format string, args ...any) tokType {
	if t.done == stError {
		return tERRORTOKEN
	}
	msg := fmt.Sprintf(format, args...)
	if col == -1 {
		col = charCount(string(t.src[t.lineStart:t.cur]), t.cur-t.lineStart)
	}
	if endCol == -1 {
		endCol = col
	}
	text := decodeReplace(string(t.src[t.lineStart:t.lineEnd(t.lineStart)]))
	t.err = &SyntaxError{
		Kind: SyntaxErr, Msg: msg, Filename: t.filename,
		Lineno: t.lineno, Offset: col, EndLineno: t.lineno, EndOffset: endCol,
		Text: text, HasLineno: true, HasOffset: true, HasEnd: true, HasText: true,
		Pos: Position{t.lineno, max(0, t.cur-t.lineStart-1)}, End: Position{t.lineno, t.cur - t.lineStart},
	}
	t.done = stError
	return tERRORTOKEN
}

func (t *tokenizer) warn(format string, args ...any) {
	t.warnings = append(t.warnings, Warning{Category: "SyntaxWarning", Msg: fmt.Sprintf(format, args...), Lineno: t.lineno})
}

// setup fills in tk's position from the tokenizer's state; pStart and
// pEnd delimit the token's text, or are -1.
func (t *tokenizer) setup(tk *token, typ tokType, pStart, pEnd int) tokType {
	tk.level = t.level
	if typ == tSTRING || typ == tFSTRING_MIDDLE {
		tk.lineno = t.firstLineno
	} else {
		tk.lineno = t.lineno
	}
	tk.endLineno = t.lineno
	tk.col, tk.endCol = -1, -1
	tk.start, tk.end = pStart, pEnd
	if pStart >= 0 && pEnd >= 0 {
		tk.col = t.startingColOffset
		tk.endCol = t.colOffset
	}
	tk.hasMetadata = false
	tk.metadata = ""
	return typ
}

func (t *tokenizer) setupTypeComment(tk *token, typ tokType, col, endCol, pStart, pEnd int) tokType {
	tk.level = t.level
	tk.lineno, tk.endLineno = t.lineno, t.lineno
	tk.col, tk.endCol = col, endCol
	tk.start, tk.end = pStart, pEnd
	tk.hasMetadata = false
	return typ
}

func isPotentialIdentifierStart(c int) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= 128
}

func isPotentialIdentifierChar(c int) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c >= 128
}

func isDigit(c int) bool  { return c >= '0' && c <= '9' }
func isXDigit(c int) bool { return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }

// get returns the next token's type and fills tk (CPython's tok_get).
func (t *tokenizer) get(tk *token) tokType {
	if t.recover {
		return t.getRecovering(tk)
	}
	return t.getRaw(tk)
}

// getRaw is get without error recovery.
func (t *tokenizer) getRaw(tk *token) tokType {
	m := t.mode()
	if !m.fstringMode {
		return t.getNormal(m, tk)
	}
	return t.getFString(m, tk)
}

// continuationLine handles a backslash at the end of a line; it returns -1
// on error, else the first character of the next line (not consumed).
func (t *tokenizer) continuationLine() int {
	c := t.nextc()
	if c == '\r' {
		c = t.nextc()
	}
	if c != '\n' {
		t.done = stLineCont
		return -1
	}
	c = t.nextc()
	if c == eofChar {
		t.done = stEOF
		t.cur = t.inp
		return -1
	}
	t.backup(c)
	return c
}

// lookahead reports whether the next characters are test followed by a
// non-identifier character; it consumes nothing.
func (t *tokenizer) lookahead(test string) bool {
	i := 0
	for {
		c := t.nextc()
		if i == len(test) {
			res := !isPotentialIdentifierChar(c)
			t.backup(c)
			for i > 0 {
				i--
				t.backup(int(test[i]))
			}
			return res
		}
		if c == int(test[i]) {
			i++
			continue
		}
		t.backup(c)
		for i > 0 {
			i--
			t.backup(int(test[i]))
		}
		return false
	}
}

// verifyEndOfNumber checks what follows a numeric literal.
func (t *tokenizer) verifyEndOfNumber(c int, kind string) bool {
	if t.extraTokens {
		return true // the tokenize module's mode is liberal
	}
	r := false
	switch c {
	case 'a':
		r = t.lookahead("nd")
	case 'e':
		r = t.lookahead("lse")
	case 'f':
		r = t.lookahead("or")
	case 'i':
		c2 := t.nextc()
		if c2 == 'f' || c2 == 'n' || c2 == 's' {
			r = true
		}
		t.backup(c2)
	case 'o':
		r = t.lookahead("r")
	case 'n':
		r = t.lookahead("ot")
	}
	if r {
		t.backup(c)
		t.warn("invalid %s literal", kind)
		t.nextc()
	} else if c < 128 && isPotentialIdentifierChar(c) {
		t.backup(c)
		t.syntaxError("invalid %s literal", kind)
		return false
	}
	return true
}

// verifyIdentifier checks a non-ASCII identifier (PEP 3131).
func (t *tokenizer) verifyIdentifier() bool {
	if t.extraTokens {
		return true // the tokenize module's mode is liberal
	}
	s := t.src[t.start:t.cur]
	if !utf8.Valid(s) {
		t.done = stDecode
		t.err = nil
		return false
	}
	str := string(s)
	invalid := -1 // index in characters of the first invalid character
	n := 0
	for i, r := range str {
		ok := unitables.IsXIDContinue(r)
		if i == 0 {
			ok = unitables.IsXIDStart(r)
		}
		if !ok {
			invalid = n
			break
		}
		n++
	}
	if invalid < 0 {
		return true
	}
	runes := []rune(str)
	ch := runes[invalid]
	if invalid+1 < len(runes) {
		t.cur = t.start + len(string(runes[:invalid+1]))
		t.colOffset = t.startingColOffset + (t.cur - t.start)
	}
	if unitables.IsPrintable(ch) {
		t.syntaxError("invalid character '%c' (U+%04X)", ch, ch)
	} else {
		t.syntaxError("invalid non-printable character U+%04X", ch)
	}
	return false
}

// decimalTail reads digits with single underscores; it returns the first
// character after them, or 0 after reporting an error.
func (t *tokenizer) decimalTail() int {
	var c int
	for {
		for {
			c = t.nextc()
			if !isDigit(c) {
				break
			}
		}
		if c != '_' {
			break
		}
		c = t.nextc()
		if !isDigit(c) {
			t.backup(c)
			t.syntaxError("invalid decimal literal")
			return 0
		}
	}
	return c
}

// getNormal tokenizes in the regular mode (tok_get_normal_mode); m is the
// mode on top of the stack when the call began.
func (t *tokenizer) getNormal(m *tokMode, tk *token) tokType {
	var c int
	pStart, pEnd := -1, -1
	mk := func(typ tokType) tokType { return t.setup(tk, typ, pStart, pEnd) }

nextline:
	t.start = -1
	t.startingColOffset = -1
	blankline := false

	// Indentation.
	if t.atbol {
		col, altcol := 0, 0
		t.atbol = false
		contLineCol := 0
		for {
			c = t.nextc()
			if c == ' ' {
				col++
				altcol++
			} else if c == '\t' {
				col = (col/tabSize + 1) * tabSize
				altcol = (altcol/altTabSize + 1) * altTabSize
			} else if c == '\f' {
				col, altcol = 0, 0
			} else if c == '\\' {
				if contLineCol == 0 {
					contLineCol = col
				}
				if c = t.continuationLine(); c == -1 {
					return mk(tERRORTOKEN)
				}
			} else {
				break
			}
		}
		t.backup(c)
		if c == '#' || c == '\n' || c == '\r' {
			blankline = true
		}
		if !blankline && t.level == 0 {
			if contLineCol != 0 {
				col, altcol = contLineCol, contLineCol
			}
			if col == t.indstk[t.indent] {
				if altcol != t.altstk[t.indent] {
					if e := t.indentError(); e != tNL {
						return mk(e)
					}
				}
			} else if col > t.indstk[t.indent] {
				if t.indent+1 >= maxIndent {
					if t.recover {
						t.recordError(IndentationErr, "too many levels of indentation", t.lineno, 0)
						goto indented
					}
					t.done = stTooDeep
					t.cur = t.inp
					return mk(tERRORTOKEN)
				}
				if altcol <= t.altstk[t.indent] {
					if e := t.indentError(); e != tNL {
						return mk(e)
					}
				}
				t.pendin++
				t.indent++
				t.indstk[t.indent] = col
				t.altstk[t.indent] = altcol
			} else {
				for t.indent > 0 && col < t.indstk[t.indent] {
					t.pendin--
					t.indent--
				}
				if col != t.indstk[t.indent] {
					if t.recover {
						t.recoverDedent(col, altcol)
					} else {
						t.done = stDedent
						t.cur = t.inp
						return mk(tERRORTOKEN)
					}
				}
				if altcol != t.altstk[t.indent] {
					if e := t.indentError(); e != tNL {
						return mk(e)
					}
				}
			}
		}
		if t.recover && !blankline && t.level > 0 && t.newStatementInBrackets(col) {
			return t.breakBrackets(tk)
		}
	}
indented:

	t.start = t.cur
	t.startingColOffset = t.colOffset

	// Pending indents and dedents.
	if t.pendin != 0 {
		if t.pendin < 0 {
			if t.extraTokens {
				pStart, pEnd = t.cur, t.cur
			}
			t.pendin++
			return mk(tDEDENT)
		}
		if t.extraTokens {
			pStart, pEnd = t.buf, t.cur
		}
		t.pendin--
		return mk(tINDENT)
	}

	// Peek at the next character (this may read the next line).
	c = t.nextc()
	t.backup(c)

again:
	t.start = -1
	for {
		c = t.nextc()
		if c != ' ' && c != '\t' && c != '\f' {
			break
		}
	}
	t.start = t.cur - 1
	t.startingColOffset = t.colOffset - 1

	// Comments, and type comments when enabled.
	if c == '#' {
		for c != eofChar && c != '\n' && c != '\r' {
			c = t.nextc()
		}
		if t.typeComments {
			p := t.start
			col := t.startingColOffset
			prefix := "# type: "
			pi := 0
			for pi < len(prefix) && p < t.cur {
				if prefix[pi] == ' ' {
					for p < len(t.src) && (t.src[p] == ' ' || t.src[p] == '\t') {
						p++
						col++
					}
				} else if p < len(t.src) && prefix[pi] == t.src[p] {
					p++
					col++
				} else {
					break
				}
				pi++
			}
			if pi == len(prefix) {
				t.backup(c) // keep the newline or EOF
				ignoreEnd := p + 6
				ignoreEndCol := col + 6
				isIgnore := t.cur >= ignoreEnd && string(t.src[p:ignoreEnd]) == "ignore" &&
					!(t.cur > ignoreEnd && (t.src[ignoreEnd] >= 128 || isASCIIAlnum(t.src[ignoreEnd])))
				if isIgnore {
					if blankline {
						t.nextc()
						t.atbol = true
					}
					return t.setupTypeComment(tk, tTYPE_IGNORE, ignoreEndCol, t.colOffset, ignoreEnd, t.cur)
				}
				return t.setupTypeComment(tk, tTYPE_COMMENT, col, t.colOffset, p, t.cur)
			}
		}
		if t.extraTokens {
			t.backup(c) // keep the newline or EOF
			pStart, pEnd = t.start, t.cur
			t.commentNewline = blankline
			return mk(tCOMMENT)
		}
	}

	// End of input, or an error.
	if c == eofChar {
		if t.level > 0 {
			return mk(tERRORTOKEN)
		}
		if t.done == stEOF {
			return mk(tENDMARKER)
		}
		return mk(tERRORTOKEN)
	}

	// Identifiers, and string prefixes.
	nonASCII := false
	if isPotentialIdentifierStart(c) {
		sawB, sawR, sawU, sawF := false, false, false, false
		for {
			if !(sawB || sawU || sawF) && (c == 'b' || c == 'B') {
				sawB = true
			} else if !(sawB || sawU || sawR || sawF) && (c == 'u' || c == 'U') {
				sawU = true
			} else if !(sawR || sawU) && (c == 'r' || c == 'R') {
				sawR = true
			} else if !(sawF || sawB || sawU) && (c == 'f' || c == 'F') {
				sawF = true
			} else {
				break
			}
			c = t.nextc()
			if c == '"' || c == '\'' {
				if sawF {
					return t.fstringStart(tk, c)
				}
				return t.stringLiteral(tk, c)
			}
		}
		for isPotentialIdentifierChar(c) {
			if c >= 128 {
				nonASCII = true
			}
			c = t.nextc()
		}
		t.backup(c)
		if nonASCII && !t.verifyIdentifier() {
			return mk(tERRORTOKEN)
		}
		pStart, pEnd = t.start, t.cur
		return mk(tNAME)
	}

	if c == '\r' {
		c = t.nextc()
	}

	// Newline.
	if c == '\n' {
		t.atbol = true
		if blankline || t.level > 0 {
			if t.extraTokens {
				t.commentNewline = false
				pStart, pEnd = t.start, t.cur
				return mk(tNL)
			}
			goto nextline
		}
		if t.commentNewline && t.extraTokens {
			t.commentNewline = false
			pStart, pEnd = t.start, t.cur
			return mk(tNL)
		}
		pStart, pEnd = t.start, t.cur-1
		t.contLine = false
		return mk(tNEWLINE)
	}

	// Period, or a number starting with a period.
	if c == '.' {
		c = t.nextc()
		if isDigit(c) {
			return t.number(tk, c, numFraction)
		} else if c == '.' {
			c = t.nextc()
			if c == '.' {
				pStart, pEnd = t.start, t.cur
				return mk(tELLIPSIS)
			}
			t.backup(c)
			t.backup('.')
		} else {
			t.backup(c)
		}
		pStart, pEnd = t.start, t.cur
		return mk(tDOT)
	}

	// Numbers.
	if isDigit(c) {
		return t.number(tk, c, numStart)
	}

	// Strings.
	if c == '\'' || c == '"' {
		return t.stringLiteral(tk, c)
	}

	// Line continuation.
	if c == '\\' {
		if c = t.continuationLine(); c == -1 {
			return mk(tERRORTOKEN)
		}
		t.contLine = true
		goto again
	}

	// Punctuation that ends or splits a replacement field of an f-string.
	if (c == ':' || c == '}' || c == '!' || c == '{') && t.insideFString() && m.insideExpr() {
		cursor := m.curlyDepth
		if c != '{' {
			cursor--
		}
		cursorValid := cursor == 0 || cursor == 1 && (m.debug || m.inFormatSpec)
		if cursorValid {
			t.updateFStringExpr(m, c)
			if c != '{' {
				t.setFStringExpr(m, tk)
			}
		}
		if c == ':' && cursor == m.exprStartDepth {
			m.fstringMode = true
			m.inFormatSpec = true
			pStart, pEnd = t.start, t.cur
			return t.setupKeepMeta(tk, oneChar(c), pStart, pEnd)
		}
	}

	// Two- and three-character operators.
	{
		c2 := t.nextc()
		tt := twoChars(c, c2)
		if tt != tOP {
			c3 := t.nextc()
			if t3 := threeChars(c, c2, c3); t3 != tOP {
				tt = t3
			} else {
				t.backup(c3)
			}
			pStart, pEnd = t.start, t.cur
			return t.setupKeepMeta(tk, tt, pStart, pEnd)
		}
		t.backup(c2)
	}

	// Bracket nesting.
	switch c {
	case '(', '[', '{':
		if t.level >= maxLevel {
			return t.setupKeepMeta(tk, t.syntaxError("too many nested parentheses"), pStart, pEnd)
		}
		if t.level == 0 {
			t.stmtIndent = t.indstk[t.indent]
		}
		t.parens[t.level] = byte(c)
		t.parenLn[t.level] = t.lineno
		t.parenCo[t.level] = t.start - t.lineStart
		t.level++
		if t.insideFString() {
			m.curlyDepth++
		}
	case ')', ']', '}':
		if t.insideFString() && m.curlyDepth == 0 && c == '}' {
			return t.setupKeepMeta(tk, t.syntaxError("f-string: single '}' is not allowed"), pStart, pEnd)
		}
		if t.level == 0 && !t.extraTokens {
			return t.setupKeepMeta(tk, t.syntaxError("unmatched '%c'", c), pStart, pEnd)
		}
		opening := c // the tokenize module's mode does not check brackets
		if t.level > 0 {
			t.level--
			opening = int(t.parens[t.level])
		}
		if !t.extraTokens && !(opening == '(' && c == ')' || opening == '[' && c == ']' || opening == '{' && c == '}') {
			if t.insideFString() && opening == '{' {
				if m.curlyDepth-1 == m.exprStartDepth {
					return t.setupKeepMeta(tk, t.syntaxError("f-string: unmatched '%c'", c), pStart, pEnd)
				}
			}
			if t.parenLn[t.level] != t.lineno {
				return t.setupKeepMeta(tk, t.syntaxError("closing parenthesis '%c' does not match opening parenthesis '%c' on line %d",
					c, opening, t.parenLn[t.level]), pStart, pEnd)
			}
			return t.setupKeepMeta(tk, t.syntaxError("closing parenthesis '%c' does not match opening parenthesis '%c'", c, opening), pStart, pEnd)
		}
		if t.insideFString() {
			m.curlyDepth--
			if m.curlyDepth < 0 {
				return t.setupKeepMeta(tk, t.syntaxError("f-string: unmatched '%c'", c), pStart, pEnd)
			}
			if c == '}' && m.curlyDepth == m.exprStartDepth {
				m.exprStartDepth--
				m.fstringMode = true
				m.inFormatSpec = false
				m.debug = false
			}
		}
	}

	if !unitables.IsPrintable(rune(c)) {
		return t.setupKeepMeta(tk, t.syntaxError("invalid non-printable character U+%04X", c), pStart, pEnd)
	}

	if c == '=' && m.insideExpr() {
		m.debug = true
	}

	pStart, pEnd = t.start, t.cur
	return t.setupKeepMeta(tk, oneChar(c), pStart, pEnd)
}

// setupKeepMeta is setup for tokens that may carry f-string metadata set
// just before by setFStringExpr.
func (t *tokenizer) setupKeepMeta(tk *token, typ tokType, pStart, pEnd int) tokType {
	meta, has := tk.metadata, tk.hasMetadata
	t.setup(tk, typ, pStart, pEnd)
	tk.metadata, tk.hasMetadata = meta, has
	return typ
}

func (t *tokenizer) indentError() tokType {
	if t.recover {
		t.recordError(TabErr, "inconsistent use of tabs and spaces in indentation", t.lineno, 0)
		return tNL // nothing: the caller carries on
	}
	t.done = stTabSpace
	t.cur = t.inp
	return tERRORTOKEN
}

// updateFStringExpr records where the expression of a replacement field
// starts ('{') and ends ('}', '!' or ':'), for the '=' debug text.
func (t *tokenizer) updateFStringExpr(m *tokMode, c int) {
	switch c {
	case '{':
		m.exprStart = t.cur
		m.exprEnd = -1
	case '}', '!', ':':
		if m.exprEnd == -1 {
			m.exprEnd = t.start
		}
	}
}

// setFStringExpr attaches the text of a debug expression (f"{x=}") to the
// token that ends it.
func (t *tokenizer) setFStringExpr(m *tokMode, tk *token) {
	if !m.debug || tk.hasMetadata || m.exprStart < 0 {
		return
	}
	end := m.exprEnd
	if end < m.exprStart {
		end = m.exprStart
	}
	expr := t.src[m.exprStart:end]
	if bytes.IndexByte(expr, '#') >= 0 {
		var out []byte
		for i := 0; i < len(expr); i++ {
			if expr[i] == '#' {
				for i < len(expr) {
					if expr[i] == '\n' {
						out = append(out, '\n')
						break
					}
					i++
				}
			} else {
				out = append(out, expr[i])
			}
		}
		expr = out
	}
	tk.metadata = string(expr)
	tk.hasMetadata = true
}

type numEntry int

const (
	numStart numEntry = iota
	numFraction
)

// number tokenizes a numeric literal whose first character c has been read
// (for numFraction: the digit after a leading '.').
func (t *tokenizer) number(tk *token, c int, entry numEntry) tokType {
	pStart, pEnd := -1, -1
	mk := func(typ tokType) tokType { return t.setup(tk, typ, pStart, pEnd) }
	if entry == numFraction {
		goto fraction
	}
	if c == '0' {
		c = t.nextc()
		switch {
		case c == 'x' || c == 'X':
			c = t.nextc()
			for {
				if c == '_' {
					c = t.nextc()
				}
				if !isXDigit(c) {
					t.backup(c)
					return mk(t.syntaxError("invalid hexadecimal literal"))
				}
				for {
					c = t.nextc()
					if !isXDigit(c) {
						break
					}
				}
				if c != '_' {
					break
				}
			}
			if !t.verifyEndOfNumber(c, "hexadecimal") {
				return mk(tERRORTOKEN)
			}
		case c == 'o' || c == 'O':
			c = t.nextc()
			for {
				if c == '_' {
					c = t.nextc()
				}
				if c < '0' || c >= '8' {
					if isDigit(c) {
						return mk(t.syntaxError("invalid digit '%c' in octal literal", c))
					}
					t.backup(c)
					return mk(t.syntaxError("invalid octal literal"))
				}
				for {
					c = t.nextc()
					if !('0' <= c && c < '8') {
						break
					}
				}
				if c != '_' {
					break
				}
			}
			if isDigit(c) {
				return mk(t.syntaxError("invalid digit '%c' in octal literal", c))
			}
			if !t.verifyEndOfNumber(c, "octal") {
				return mk(tERRORTOKEN)
			}
		case c == 'b' || c == 'B':
			c = t.nextc()
			for {
				if c == '_' {
					c = t.nextc()
				}
				if c != '0' && c != '1' {
					if isDigit(c) {
						return mk(t.syntaxError("invalid digit '%c' in binary literal", c))
					}
					t.backup(c)
					return mk(t.syntaxError("invalid binary literal"))
				}
				for {
					c = t.nextc()
					if c != '0' && c != '1' {
						break
					}
				}
				if c != '_' {
					break
				}
			}
			if isDigit(c) {
				return mk(t.syntaxError("invalid digit '%c' in binary literal", c))
			}
			if !t.verifyEndOfNumber(c, "binary") {
				return mk(tERRORTOKEN)
			}
		default:
			nonzero := false
			for {
				if c == '_' {
					c = t.nextc()
					if !isDigit(c) {
						t.backup(c)
						return mk(t.syntaxError("invalid decimal literal"))
					}
				}
				if c != '0' {
					break
				}
				c = t.nextc()
			}
			zerosEnd := t.cur
			if isDigit(c) {
				nonzero = true
				c = t.decimalTail()
				if c == 0 {
					return mk(tERRORTOKEN)
				}
			}
			if c == '.' {
				c = t.nextc()
				goto fraction
			} else if c == 'e' || c == 'E' {
				goto exponent
			} else if c == 'j' || c == 'J' {
				goto imaginary
			} else if nonzero && !t.extraTokens {
				t.backup(c)
				return mk(t.syntaxErrorRange(t.start+1-t.lineStart, zerosEnd-t.lineStart,
					"leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"))
			}
			if !t.verifyEndOfNumber(c, "decimal") {
				return mk(tERRORTOKEN)
			}
		}
		goto done
	}
	// Decimal.
	c = t.decimalTail()
	if c == 0 {
		return mk(tERRORTOKEN)
	}
	if c == '.' {
		c = t.nextc()
		goto fraction
	}
	goto afterFraction
fraction:
	if isDigit(c) {
		c = t.decimalTail()
		if c == 0 {
			return mk(tERRORTOKEN)
		}
	}
afterFraction:
	if c == 'e' || c == 'E' {
		goto exponent
	}
	if c == 'j' || c == 'J' {
		goto imaginary
	}
	if !t.verifyEndOfNumber(c, "decimal") {
		return mk(tERRORTOKEN)
	}
	goto done
exponent:
	{
		e := c
		c = t.nextc()
		if c == '+' || c == '-' {
			c = t.nextc()
			if !isDigit(c) {
				t.backup(c)
				return mk(t.syntaxError("invalid decimal literal"))
			}
		} else if !isDigit(c) {
			t.backup(c)
			if !t.verifyEndOfNumber(e, "decimal") {
				return mk(tERRORTOKEN)
			}
			t.backup(e)
			pStart, pEnd = t.start, t.cur
			return mk(tNUMBER)
		}
		c = t.decimalTail()
		if c == 0 {
			return mk(tERRORTOKEN)
		}
		if c == 'j' || c == 'J' {
			goto imaginary
		}
		if !t.verifyEndOfNumber(c, "decimal") {
			return mk(tERRORTOKEN)
		}
		goto done
	}
imaginary:
	c = t.nextc()
	if !t.verifyEndOfNumber(c, "imaginary") {
		return mk(tERRORTOKEN)
	}
done:
	t.backup(c)
	pStart, pEnd = t.start, t.cur
	return mk(tNUMBER)
}

// fstringStart tokenizes the start of an f-string; quote has been read.
func (t *tokenizer) fstringStart(tk *token, quote int) tokType {
	quoteSize := 1
	t.firstLineno = t.lineno
	t.multiLineStart = t.lineStart
	after := t.nextc()
	if after == quote {
		afterAfter := t.nextc()
		if afterAfter == quote {
			quoteSize = 3
		} else {
			t.backup(afterAfter)
			t.backup(after)
		}
	}
	if after != quote {
		t.backup(after)
	}
	pStart, pEnd := t.start, t.cur
	if t.modeIdx+1 >= maxFStringLevel {
		return t.setup(tk, t.syntaxError("too many nested f-strings"), pStart, pEnd)
	}
	t.modeIdx++
	m := t.mode()
	*m = tokMode{
		fstringMode:    true,
		quote:          byte(quote),
		quoteSize:      quoteSize,
		start:          t.start,
		multiLineStart: t.lineStart,
		lineStart:      t.lineno,
		exprStart:      -1,
		exprEnd:        -1,
		exprStartDepth: -1,
	}
	switch t.src[t.start] {
	case 'f', 'F':
		m.raw = t.src[t.start+1] == 'r' || t.src[t.start+1] == 'R'
	default:
		m.raw = true
	}
	return t.setup(tk, tFSTRING_START, pStart, pEnd)
}

// stringLiteral tokenizes a (non-f) string literal; quote has been read.
func (t *tokenizer) stringLiteral(tk *token, quote int) tokType {
	quoteSize := 1
	endQuoteSize := 0
	hasEscapedQuote := false
	t.firstLineno = t.lineno
	t.multiLineStart = t.lineStart
	c := t.nextc()
	if c == quote {
		c = t.nextc()
		if c == quote {
			quoteSize = 3
		} else {
			endQuoteSize = 1 // the empty string
		}
	}
	if c != quote {
		t.backup(c)
	}
	for endQuoteSize != quoteSize {
		c = t.nextc()
		if t.done == stError {
			return t.setup(tk, tERRORTOKEN, -1, -1)
		}
		if t.done == stDecode {
			break
		}
		if c == eofChar || quoteSize == 1 && c == '\n' {
			// Report the error at the opening quote.
			t.cur = t.start + 1
			t.lineStart = t.multiLineStart
			detected := t.lineno
			t.lineno = t.firstLineno
			if t.insideFString() {
				m := t.mode()
				if int(m.quote) == quote && m.quoteSize == quoteSize {
					return t.setup(tk, t.syntaxError("f-string: expecting '}'"), -1, -1)
				}
			}
			if quoteSize == 3 {
				t.syntaxError("unterminated triple-quoted string literal (detected at line %d)", detected)
				if c != '\n' {
					t.done = stEOFS
				}
				return t.setup(tk, tERRORTOKEN, -1, -1)
			}
			if hasEscapedQuote {
				t.syntaxError("unterminated string literal (detected at line %d); perhaps you escaped the end quote?", detected)
			} else {
				t.syntaxError("unterminated string literal (detected at line %d)", detected)
			}
			if c != '\n' {
				t.done = stEOLS
			}
			return t.setup(tk, tERRORTOKEN, -1, -1)
		}
		if c == quote {
			endQuoteSize++
		} else {
			endQuoteSize = 0
			if c == '\\' {
				c = t.nextc()
				if c == quote {
					hasEscapedQuote = true
				}
				if c == '\r' {
					t.nextc()
				}
			}
		}
	}
	return t.setup(tk, tSTRING, t.start, t.cur)
}

// getFString tokenizes the literal parts of an f-string
// (tok_get_fstring_mode).
func (t *tokenizer) getFString(m *tokMode, tk *token) tokType {
	pStart, pEnd := -1, -1
	mk := func(typ tokType) tokType { return t.setup(tk, typ, pStart, pEnd) }
	endQuoteSize := 0
	unicodeEscape := false

	t.start = t.cur
	t.firstLineno = t.lineno
	t.startingColOffset = t.colOffset

	startChar := t.nextc()
	if startChar == '{' {
		peek := t.nextc()
		t.backup(peek)
		t.backup(startChar)
		if peek != '{' {
			m.exprStartDepth++
			if m.exprStartDepth >= maxExprNesting {
				return mk(t.syntaxError("f-string: expressions nested too deeply"))
			}
			m.fstringMode = false
			return t.getNormal(m, tk)
		}
	} else {
		t.backup(startChar)
	}

	// The end of the f-string?
	for i := 0; i < m.quoteSize; i++ {
		q := t.nextc()
		if q != int(m.quote) {
			t.backup(q)
			goto middle
		}
	}
	m.exprStart, m.exprEnd = -1, -1
	pStart, pEnd = t.start, t.cur
	t.modeIdx--
	return mk(tFSTRING_END)

middle:
	t.multiLineStart = t.lineStart
	for endQuoteSize != m.quoteSize {
		c := t.nextc()
		if t.done == stError || t.done == stDecode {
			return mk(tERRORTOKEN)
		}
		inFormatSpec := m.inFormatSpec && m.insideExpr()
		if c == eofChar || m.quoteSize == 1 && c == '\n' {
			if inFormatSpec && c == '\n' {
				t.backup(c)
				m.fstringMode = false
				m.inFormatSpec = false
				pStart, pEnd = t.start, t.cur
				return mk(tFSTRING_MIDDLE)
			}
			t.cur = m.start + 1
			t.lineStart = m.multiLineStart
			detected := t.lineno
			t.lineno = m.lineStart
			if m.quoteSize == 3 {
				t.syntaxError("unterminated triple-quoted f-string literal (detected at line %d)", detected)
				if c != '\n' {
					t.done = stEOFS
				}
				return mk(tERRORTOKEN)
			}
			return mk(t.syntaxError("unterminated f-string literal (detected at line %d)", detected))
		}
		if c == int(m.quote) {
			endQuoteSize++
			continue
		}
		endQuoteSize = 0
		switch c {
		case '{':
			t.updateFStringExpr(m, c)
			peek := t.nextc()
			if peek != '{' || inFormatSpec {
				t.backup(peek)
				t.backup(c)
				m.exprStartDepth++
				if m.exprStartDepth >= maxExprNesting {
					return mk(t.syntaxError("f-string: expressions nested too deeply"))
				}
				m.fstringMode = false
				m.inFormatSpec = false
				pStart, pEnd = t.start, t.cur
			} else {
				pStart, pEnd = t.start, t.cur-1
			}
			return mk(tFSTRING_MIDDLE)
		case '}':
			if unicodeEscape {
				pStart, pEnd = t.start, t.cur
				return mk(tFSTRING_MIDDLE)
			}
			peek := t.nextc()
			if peek == '}' && !inFormatSpec && m.curlyDepth == 0 {
				pStart, pEnd = t.start, t.cur-1
			} else {
				t.backup(peek)
				t.backup(c)
				m.fstringMode = false
				m.inFormatSpec = false
				pStart, pEnd = t.start, t.cur
			}
			return mk(tFSTRING_MIDDLE)
		case '\\':
			peek := t.nextc()
			if peek == '\r' {
				peek = t.nextc()
			}
			if peek == '{' || peek == '}' {
				if !m.raw {
					t.warn("invalid escape sequence '\\%c'", peek)
				}
				t.backup(peek)
				continue
			}
			if !m.raw && peek == 'N' {
				peek = t.nextc()
				if peek == '{' {
					unicodeEscape = true
				} else {
					t.backup(peek)
				}
			}
		}
	}
	for i := 0; i < m.quoteSize; i++ {
		t.backup(int(m.quote))
	}
	pStart, pEnd = t.start, t.cur
	return mk(tFSTRING_MIDDLE)
}
