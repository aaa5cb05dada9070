package parser

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/peephole-lsp/peephole/parser/ast"
)

// This file holds the parser's machinery: the token buffer that the
// tokenizer fills on demand, memoization, the two passes, and the error
// functions. The grammar rules live in the rules_*.go files.
//
// The parser is a packrat PEG parser that follows CPython 3.13's grammar
// (Grammar/python.gram) rule for rule, so that it accepts exactly the same
// programs, builds the same trees, and fails at the same place:
//
//   - Tokens are read lazily: the tokenizer runs only as far as some rule
//     looks. CPython reports a generic "invalid syntax" at the farthest token
//     the first pass read, and a tokenizer error only if the tokenizer got
//     there, so the laziness is part of the observable behaviour.
//   - A first pass runs the grammar without the invalid_* rules. If it fails,
//     a second pass runs with them enabled: those rules match common mistakes
//     and raise CPython's specific messages ("expected ':'", "Perhaps you
//     forgot a comma?", …). If none matches, the error is "invalid syntax" at
//     the last token of the first pass.
//   - After a parser error, the rest of the source is tokenized: a tokenizer
//     error found there (an unterminated string, say) takes precedence.
//   - Rules that CPython memoizes are memoized here (their results are kept
//     per token, and dropped between the passes). Left-recursive rules
//     (primary, sum, …) are loops that build the tree leftwards; they visit
//     the same tokens as CPython's seed-growing and are memoized too.

// Mode selects the start rule, as compile()'s mode argument does.
type Mode int

const (
	ModeExec     Mode = iota // a module ("exec")
	ModeEval                 // an expression ("eval")
	ModeSingle               // one interactive statement ("single")
	ModeFuncType             // a function type comment ("func_type")
)

// ParseMode returns the Mode named by a compile()-style mode string.
func ParseMode(s string) (Mode, bool) {
	switch s {
	case "exec":
		return ModeExec, true
	case "eval":
		return ModeEval, true
	case "single":
		return ModeSingle, true
	case "func_type":
		return ModeFuncType, true
	}
	return 0, false
}

// maxStack bounds the parser's recursion, like CPython's MAXSTACK.
const maxStack = 6000

// memo is a memoized rule result, kept on the token where the rule started.
type memo struct {
	rule ruleID
	node any
	end  int
	next *memo
}

type ruleID uint8

// parser is the state of one parse.
type parser struct {
	tok      *tokenizer
	src      *source
	filename string
	isFile   bool // filename names a file holding src.raw (error lines are read from it)
	mode     Mode

	tokens []*token
	mark   int

	errorIndicator   bool
	err              *SyntaxError // the pending error (CPython's PyErr), or nil
	otherErr         string       // a non-SyntaxError failure (MemoryError), or ""
	callInvalidRules bool
	knownErrToken    *token
	level            int
	parsingStarted   bool
	typeComments     bool
	typeIgnores      []typeIgnore
	featureVersion   int
	dontImplyDedent  bool // Options.DontImplyDedent
	allowIncomplete  bool // Options.AllowIncompleteInput

	tokPool []token // tokens are allocated in blocks

	// Editor mode (editor.go).
	recovering bool
	recovered  []*SyntaxError
}

type typeIgnore struct {
	lineno int
	tag    string
}

// fill reads one more token into the buffer; it reports false (with the
// error indicator set) when the tokenizer failed.
func (p *parser) fill() bool {
	if len(p.tokPool) == 0 {
		p.tokPool = make([]token, 256)
	}
	t := &p.tokPool[0]
	p.tokPool = p.tokPool[1:]
	typ := p.tok.get(t)
	// Record and skip type: ignore comments.
	for typ == tTYPE_IGNORE {
		tag := string(p.tok.src[t.start:t.end])
		p.typeIgnores = append(p.typeIgnores, typeIgnore{p.tok.lineno, tag})
		typ = p.tok.get(t)
	}
	if p.mode == ModeSingle && typ == tENDMARKER && p.parsingStarted {
		typ = tNEWLINE
		p.parsingStarted = false
		if p.tok.indent > 0 && !p.dontImplyDedent {
			p.tok.pendin = -p.tok.indent
			p.tok.indent = 0
		}
	} else {
		p.parsingStarted = true
	}
	if typ == tNAME {
		if kw, ok := keywords[string(p.tok.src[t.start:t.end])]; ok {
			typ = kw
		}
	}
	t.typ = typ
	p.tokens = append(p.tokens, t)
	if typ == tERRORTOKEN && !p.recovering {
		if p.tok.done == stDecode {
			p.raiseDecodeError()
			return false
		}
		p.tokenizerError()
		return false
	}
	return true
}

// peek returns the token at the mark, reading it if needed; nil on error.
func (p *parser) peek() *token {
	if p.mark == len(p.tokens) {
		if !p.fill() {
			p.errorIndicator = true
			return nil
		}
	}
	return p.tokens[p.mark]
}

// expect consumes and returns the next token if it has type typ.
func (p *parser) expect(typ tokType) *token {
	t := p.peek()
	if t == nil || t.typ != typ {
		return nil
	}
	p.mark++
	return t
}

// check reports whether the next token has type typ, without consuming it.
func (p *parser) check(typ tokType) bool {
	t := p.peek()
	return t != nil && t.typ == typ
}

// expectForced is pegen's &&tok: the token must be there, else the parse
// fails at once with "expected 'tok'".
func (p *parser) expectForced(typ tokType, expected string) *token {
	if p.errorIndicator {
		return nil
	}
	t := p.peek()
	if t == nil {
		return nil
	}
	if t.typ != typ {
		p.raiseKnownLocation(SyntaxErr, tokRng(t), "expected '%s'", expected)
		return nil
	}
	p.mark++
	return t
}

// text returns a token's source text.
func (p *parser) text(t *token) string {
	if t.start < 0 {
		return ""
	}
	return string(p.tok.src[t.start:t.end])
}

// memoGet looks for a memoized result of rule at the mark.
func (p *parser) memoGet(rule ruleID) (any, bool) {
	t := p.peek()
	if t == nil {
		return nil, false
	}
	for m := t.memo; m != nil; m = m.next {
		if m.rule == rule {
			p.mark = m.end
			return m.node, true
		}
	}
	return nil, false
}

// memoPut records the result of rule started at start and ending at the mark.
func (p *parser) memoPut(start int, rule ruleID, node any) {
	t := p.tokens[start]
	t.memo = &memo{rule: rule, node: node, end: p.mark, next: t.memo}
}

// enter and leave track recursion depth; enter reports false when the
// parse must stop.
func (p *parser) enter() bool {
	if p.errorIndicator {
		return false
	}
	p.level++
	if p.level > maxStack {
		p.errorIndicator = true
		if p.err == nil && p.otherErr == "" {
			p.otherErr = "MemoryError: Parser stack overflowed - Python source too complex to parse"
		}
		return false
	}
	return true
}

func (p *parser) leave() { p.level-- }

// CPython's generated parser counts one level of its stack limit for every
// rule function it enters, including the helper functions that peephole's
// hand-written rules fold into their callers: the _raw function of a
// left-recursive rule, and the _loop, _gather and _tmp functions of
// repetitions and groups. Where such a helper lies on a path that can nest,
// the rule brackets the work with enter and leave so that the depth at
// which the stack overflows ("Parser stack overflowed") is CPython's.

// start returns the token at the mark (filling it), for a rule's start
// position; nil on error.
func (p *parser) startTok() *token { return p.peek() }

// lastNonWhitespace is _PyPegen_get_last_nonnwhitespace_token: the last
// consumed token other than NEWLINE, INDENT, DEDENT and ENDMARKER.
func (p *parser) lastNonWhitespace() *token {
	var t *token
	for m := p.mark - 1; m >= 0; m-- {
		t = p.tokens[m]
		if t.typ != tENDMARKER && (t.typ < tNEWLINE || t.typ > tDEDENT) {
			break
		}
	}
	return t
}

// extra is pegen's EXTRA: the location from the token at start to the last
// consumed non-whitespace token.
func (p *parser) extra(start int) ast.Loc {
	s := p.tokens[start]
	e := p.lastNonWhitespace()
	if e == nil {
		e = s
	}
	return ast.Loc{Lineno: s.lineno, ColOffset: s.col, EndLineno: e.endLineno, EndColOffset: e.endCol}
}

// rng is a source range in the parser's terms: 1-based lines, 0-based byte
// columns.
type rng struct{ l, c, el, ec int }

func tokRng(t *token) rng { return rng{t.lineno, t.col, t.endLineno, t.endCol} }

func nodeRng(n ast.Node) rng {
	if l, ok := n.(ast.Located); ok {
		r := l.Range()
		return rng{r.Lineno, r.ColOffset, r.EndLineno, r.EndColOffset}
	}
	return rng{}
}

// currentPos marks an end position to take from the tokenizer's state
// (pegen's CURRENT_POS).
const currentPos = -5

// raise is RAISE_SYNTAX_ERROR and friends: the error is placed at the last
// token read (or the known error token), or with useMark at the token at
// the mark.
func (p *parser) raise(kind ErrorKind, useMark bool, format string, args ...any) {
	if p.errorIndicator && (p.err != nil || p.otherErr != "") {
		return
	}
	if len(p.tokens) == 0 {
		p.raiseAt(kind, 0, 0, 0, -1, fmt.Sprintf(format, args...))
		return
	}
	if useMark && p.mark == len(p.tokens) {
		if !p.fill() {
			p.errorIndicator = true
			return
		}
	}
	var t *token
	switch {
	case p.knownErrToken != nil:
		t = p.knownErrToken
	case useMark:
		t = p.tokens[p.mark]
	default:
		t = p.tokens[len(p.tokens)-1]
	}
	var col int
	endCol := -1
	if t.col == -1 {
		if p.tok.cur == p.tok.buf {
			col = 0
		} else {
			col = p.tok.cur - p.tok.lineStart
		}
	} else {
		col = t.col + 1
	}
	if t.endCol != -1 {
		endCol = t.endCol + 1
	}
	p.raiseAt(kind, t.lineno, col, t.endLineno, endCol, fmt.Sprintf(format, args...))
}

// raiseKnownLocation is RAISE_ERROR_KNOWN_LOCATION with a range.
func (p *parser) raiseKnownLocation(kind ErrorKind, r rng, format string, args ...any) {
	p.raiseKnown(kind, r.l, r.c, r.el, r.ec, format, args...)
}

// raiseKnown is RAISE_ERROR_KNOWN_LOCATION: 0-based byte columns, or
// currentPos.
func (p *parser) raiseKnown(kind ErrorKind, l, c, el, ec int, format string, args ...any) {
	if c != currentPos {
		c++
	}
	if ec != currentPos {
		ec++
	}
	p.raiseAt(kind, l, c, el, ec, fmt.Sprintf(format, args...))
}

// raiseRange is RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, b).
func (p *parser) raiseRange(a, b rng, format string, args ...any) {
	p.raiseKnown(SyntaxErr, a.l, a.c, b.el, b.ec, format, args...)
}

// raiseStartingFrom is RAISE_SYNTAX_ERROR_STARTING_FROM(a).
func (p *parser) raiseStartingFrom(a rng, format string, args ...any) {
	p.raiseKnown(SyntaxErr, a.l, a.c, currentPos, currentPos, format, args...)
}

// raiseAt is _PyPegen_raise_error_known_location: 1-based byte columns.
func (p *parser) raiseAt(kind ErrorKind, lineno, col, endLineno, endCol int, msg string) {
	if p.errorIndicator && (p.err != nil || p.otherErr != "") {
		return
	}
	p.errorIndicator = true
	if endLineno == currentPos {
		endLineno = p.tok.lineno
	}
	if endCol == currentPos {
		endCol = p.tok.cur - p.tok.lineStart
	}
	line, ok := "", false
	if p.mode == ModeExec && p.isFile {
		line, ok = programText(p.src.raw, lineno, p.src.encoding)
	}
	if !ok {
		if p.tok.lineno <= lineno && p.tok.inp > p.tok.buf {
			line = decodeReplace(string(p.tok.src[p.tok.buf:p.tok.inp]))
		} else {
			line = lineOf(p.tok.src, lineno)
		}
	}
	colNumber := byteToCharOffset(line, col)
	endColNumber := endCol
	if endCol > 0 {
		endColNumber = byteToCharOffset(line, endCol)
	}
	// The editor's range: an unknown end (a column of 0 or -1, or a line
	// before the start) collapses onto the start, so End is never before Pos.
	pos, end := Position{lineno, max(0, col-1)}, Position{endLineno, max(0, endCol-1)}
	if endCol <= 0 || end.Line < pos.Line || end.Line == pos.Line && end.Col < pos.Col {
		end = pos
	}
	p.err = &SyntaxError{
		Kind: kind, Msg: msg, Filename: p.filename,
		Lineno: lineno, Offset: colNumber, EndLineno: endLineno, EndOffset: endColNumber,
		Text: line, HasLineno: true, HasOffset: true, HasEnd: true, HasText: true,
		Pos: pos, End: end,
	}
}

// byteToCharOffset is _PyPegen_byte_offset_to_character_offset.
func byteToCharOffset(line string, col int) int {
	if col <= 0 {
		return 0
	}
	if col > len(line) {
		return charCount(line, len(line)) + 1
	}
	return charCount(line, col)
}

// lineOf returns line lineno (1-based) of UTF-8 text, without its \n,
// decoded with replacement characters.
func lineOf(src []byte, lineno int) string {
	s := string(src)
	for i := 1; i < lineno; i++ {
		j := strings.IndexByte(s, '\n')
		if j < 0 {
			break
		}
		s = s[j+1:]
	}
	if j := strings.IndexByte(s, '\n'); j >= 0 {
		s = s[:j]
	}
	return decodeReplace(s)
}

// programText returns line lineno of a source file as CPython's
// _PyErr_ProgramDecodedTextObject reads it back: universal newlines, at
// most 999 bytes (the last piece of a longer line), a BOM kept, decoded
// with the file's encoding and replacement characters, or strictly as UTF-8
// when no encoding was declared. It reports false when the file has fewer
// lines or the line does not decode.
func programText(raw []byte, lineno int, encoding string) (string, bool) {
	const bufSize = 1000
	i := 0
	pos := 0
	var line []byte
	for i < lineno {
		if pos >= len(raw) {
			return "", false
		}
		// Read at most bufSize-1 bytes, stopping after a newline.
		chunk := make([]byte, 0, bufSize)
		for len(chunk) < bufSize-1 && pos < len(raw) {
			c := raw[pos]
			pos++
			if c == '\r' {
				if pos < len(raw) && raw[pos] == '\n' {
					pos++
				}
				chunk = append(chunk, '\n')
				break
			}
			chunk = append(chunk, c)
			if c == '\n' {
				break
			}
		}
		// A line longer than the buffer is read in pieces; CPython keeps
		// the last piece.
		if len(chunk) == bufSize-1 && chunk[bufSize-2] != '\n' {
			line = chunk
			continue
		}
		line = chunk
		i++
	}
	// 3.13's err_programtext keeps a BOM, and with no encoding decodes
	// strictly (PyUnicode_FromString): a line that is not valid UTF-8 is
	// not read back, and the caller falls back to the tokenizer's buffer.
	switch encoding {
	case "":
		if !utf8.Valid(line) {
			return "", false
		}
		return string(line), true
	case "utf-8":
		return decodeReplace(string(line)), true
	}
	if dec, msg := decodeCodec(line, encoding); msg == "" {
		return string(dec), true
	}
	return decodeReplace(string(line)), true
}

// tokenizerError turns the tokenizer's failure into the pending error
// (_Pypegen_tokenizer_error).
func (p *parser) tokenizerError() {
	p.errorIndicator = true
	if p.tok.err != nil {
		p.err = p.tok.err
		return
	}
	kind := SyntaxErr
	var msg string
	col := -1
	switch p.tok.done {
	case stEOF:
		if p.tok.level > 0 {
			p.raiseUnclosedParen()
		} else {
			p.raise(SyntaxErr, false, "unexpected EOF while parsing")
		}
		return
	case stDedent:
		p.raise(IndentationErr, false, "unindent does not match any outer indentation level")
		return
	case stTabSpace:
		kind = TabErr
		msg = "inconsistent use of tabs and spaces in indentation"
	case stTooDeep:
		kind = IndentationErr
		msg = "too many levels of indentation"
	case stLineCont:
		col = p.tok.cur - p.tok.buf - 1
		msg = "unexpected character after line continuation character"
	default:
		msg = "unknown parsing error"
	}
	if col < 0 {
		col = 0
	}
	p.errorIndicator = false
	p.raiseKnown(kind, p.tok.lineno, col, p.tok.lineno, -1, "%s", msg)
}

// raiseUnclosedParen reports the innermost open bracket.
func (p *parser) raiseUnclosedParen() {
	lvl := p.tok.level - 1
	ln, col := p.tok.parenLn[lvl], p.tok.parenCo[lvl]
	saved := p.errorIndicator
	p.errorIndicator = false
	p.raiseKnown(SyntaxErr, ln, col, ln, -1, "'%c' was never closed", p.tok.parens[lvl])
	if !p.errorIndicator {
		p.errorIndicator = saved
	}
}

// raiseDecodeError reports a decoding failure in the tokenizer.
func (p *parser) raiseDecodeError() {
	p.errorIndicator = false
	t := p.tok
	p.raise(SyntaxErr, false, "(unicode error) %s", utf8DecodeError(t.src[t.start:t.cur]))
}

// utf8DecodeError is the message of the UnicodeDecodeError that CPython's
// strict UTF-8 decoder raises for b.
func utf8DecodeError(b []byte) string {
	for i := 0; i < len(b); {
		n := utf8SeqLen(string(b[i:]))
		if n == 1 && b[i] < 0x80 {
			i++
			continue
		}
		s := string(b[i:])
		if valid(s[:n]) {
			i += n
			continue
		}
		c := b[i]
		if c < 0xC2 || c > 0xF4 {
			return fmt.Sprintf("'utf-8' codec can't decode byte 0x%02x in position %d: invalid start byte", c, i)
		}
		if i+n >= len(b) {
			if n == 1 {
				return fmt.Sprintf("'utf-8' codec can't decode byte 0x%02x in position %d: unexpected end of data", c, i)
			}
			return fmt.Sprintf("'utf-8' codec can't decode bytes in position %d-%d: unexpected end of data", i, i+n-1)
		}
		if n == 1 {
			return fmt.Sprintf("'utf-8' codec can't decode byte 0x%02x in position %d: invalid continuation byte", c, i)
		}
		return fmt.Sprintf("'utf-8' codec can't decode bytes in position %d-%d: invalid continuation byte", i, i+n-1)
	}
	return "'utf-8' codec can't decode bytes"
}

func valid(s string) bool {
	for _, r := range s {
		if r == 0xFFFD {
			return strings.HasPrefix(s, "\uFFFD")
		}
	}
	return true
}

// resetForErrorPass prepares the second pass.
func (p *parser) resetForErrorPass() {
	for _, t := range p.tokens {
		t.memo = nil
	}
	p.mark = 0
	p.callInvalidRules = true
}

// setSyntaxError decides the final error after a failed parse
// (_Pypegen_set_syntax_error).
func (p *parser) setSyntaxError(last *token) {
	if p.err != nil || p.otherErr != "" {
		// A pending SyntaxError from the parser (the tokenizer still in
		// good state) may yet give way to a tokenizer error further on.
		if p.tok.err == nil && p.tok.done == stOK && p.otherErr == "" {
			p.tokenizeRestForErrors()
		}
		return
	}
	if len(p.tokens) == 0 {
		p.raise(SyntaxErr, false, "error at start before reading any input")
	}
	if last.typ == tERRORTOKEN && p.tok.done == stEOF {
		if p.tok.level > 0 {
			p.raiseUnclosedParen()
		} else {
			p.raise(SyntaxErr, false, "unexpected EOF while parsing")
		}
		return
	}
	if last.typ == tINDENT || last.typ == tDEDENT {
		if last.typ == tINDENT {
			p.raise(IndentationErr, false, "unexpected indent")
		} else {
			p.raise(IndentationErr, false, "unexpected unindent")
		}
		return
	}
	p.raiseKnownLocation(SyntaxErr, tokRng(last), "invalid syntax")
	p.tokenizeRestForErrors()
}

// tokenizeRestForErrors reads the rest of the source: a tokenizer error
// found there replaces the pending parser error
// (_PyPegen_tokenize_full_source_to_check_for_errors).
func (p *parser) tokenizeRestForErrors() {
	cur := p.knownErrToken
	if cur == nil {
		cur = p.tokens[len(p.tokens)-1]
	}
	errLine := cur.lineno
	saved := p.err
	var t token
	for {
		typ := p.tok.get(&t)
		if typ == tERRORTOKEN {
			if p.tok.done == stDecode {
				// verify_identifier's UnicodeDecodeError is pending in
				// CPython: it replaces the SyntaxError as it is.
				if p.tok.modeIdx <= 0 {
					p.err = nil
					p.otherErr = "UnicodeDecodeError: " + utf8DecodeError(p.tok.src[p.tok.start:p.tok.cur])
				} else {
					p.err = saved
				}
				return
			}
			if p.tok.err != nil {
				if p.tok.modeIdx <= 0 {
					p.err = p.tok.err
				} else {
					p.err = saved
				}
				return
			}
			if p.tok.level != 0 {
				ln := p.tok.parenLn[p.tok.level-1]
				if errLine > ln {
					// As for any error found here, one found inside an
					// f-string does not replace the parser's error.
					if p.tok.modeIdx > 0 {
						p.err = saved
						return
					}
					p.err = nil
					p.errorIndicator = false
					p.raiseUnclosedParen()
					return
				}
			}
			break
		}
		if typ == tENDMARKER {
			break
		}
	}
	p.err = saved
}
