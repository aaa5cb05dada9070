package parser

import (
	"fmt"
	"strings"

	"github.com/peephole-lsp/peephole/internal/pyconst"
	"github.com/peephole-lsp/peephole/parser/ast"
)

// This file parses string literals: it decodes escapes as CPython's
// string_parser.c does (with the same errors and warnings), parses the
// pieces of PEP 701 f-strings, and concatenates adjacent literals.

// strings (memo): (fstring|string)+
func (p *parser) strings() ast.Expr {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	start := p.mark
	if r, ok := p.memoGet(ruleStrings); ok {
		e, _ := r.(ast.Expr)
		return e
	}
	var parts []ast.Expr
	// (fstring|string)+ is a _loop1 rule, the group in it a _tmp rule,
	// and string a rule: each one level deeper in CPython's parser.
	if !p.enter() {
		return nil
	}
	for {
		m := p.mark
		var e ast.Expr
		if !p.enter() {
			break
		}
		if p.check(tFSTRING_START) {
			e = p.fstring()
		} else if p.enter() {
			if t := p.expect(tSTRING); t != nil {
				e = p.stringConstant(t)
			}
			p.leave()
		}
		p.leave()
		if e == nil {
			p.mark = m
			break
		}
		parts = append(parts, e)
	}
	p.leave()
	var res ast.Expr
	if len(parts) > 0 && !p.errorIndicator {
		res = p.concatenateStrings(parts, p.extra(start))
	} else {
		p.mark = start
	}
	if p.errorIndicator {
		return nil
	}
	p.memoPut(start, ruleStrings, res)
	return res
}

// stringConstant is _PyPegen_constant_from_string: a STRING token as a
// Constant.
func (p *parser) stringConstant(t *token) ast.Expr {
	v, ok := p.parseString(t)
	if !ok {
		return nil
	}
	c := &ast.Constant{Loc: tokLoc(t), Value: v}
	if p.tok.src[t.start] == 'u' {
		c.Kind = "u"
	}
	return c
}

// parseString decodes a STRING token (_PyPegen_parse_string).
func (p *parser) parseString(t *token) (pyconst.Value, bool) {
	s := string(p.tok.src[t.start:t.end])
	bytesMode, rawMode := false, false
	i := 0
loop:
	for ; i < len(s); i++ {
		switch s[i] {
		case 'b', 'B':
			bytesMode = true
		case 'u', 'U':
		case 'r', 'R':
			rawMode = true
		default:
			break loop
		}
	}
	quote := s[i]
	body := s[i+1 : len(s)-1]
	if len(body) >= 4 && body[0] == quote && body[1] == quote {
		body = body[2 : len(body)-2]
	}
	rawMode = rawMode || !strings.Contains(body, "\\")
	if bytesMode {
		for j := i; j < len(s); j++ {
			if s[j] >= 0x80 {
				p.raiseKnownLocation(SyntaxErr, tokRng(t), "bytes can only contain ASCII literal characters")
				return nil, false
			}
		}
		if rawMode {
			return pyconst.Bytes(body), true
		}
		b, ok := p.decodeBytesEscapes(body, t)
		if !ok {
			return nil, false
		}
		return pyconst.Bytes(b), true
	}
	str, ok := p.decodeString(rawMode, body, t)
	if !ok {
		return nil, false
	}
	return str, true
}

// decodeString is _PyPegen_decode_string; it reports decoding errors as
// "(unicode error) …" at the last token read.
func (p *parser) decodeString(raw bool, s string, t *token) (pyconst.Str, bool) {
	str, msg := p.decodeStringMsg(raw, s, t)
	if msg != "" {
		p.raise(SyntaxErr, false, "(unicode error) %s", msg)
		return "", false
	}
	return str, true
}

// decodeStringMsg is _PyPegen_decode_string without the conversion of its
// failure into a SyntaxError: it returns the message of the
// UnicodeDecodeError CPython's decoders raise, or "".
func (p *parser) decodeStringMsg(raw bool, s string, t *token) (pyconst.Str, string) {
	if raw {
		if !validUTF8(s) {
			return "", utf8DecodeError([]byte(s))
		}
		return pyconst.Str(s), ""
	}
	return p.decodeUnicodeEscapes(s, t)
}

// raiseOther fails the parse with an exception that is not a SyntaxError
// (its "Type: message" line), unless an error is pending already.
func (p *parser) raiseOther(exc string) {
	if p.errorIndicator && (p.err != nil || p.otherErr != "") {
		return
	}
	p.errorIndicator = true
	p.otherErr = exc
}

func validUTF8(s string) bool {
	for i := 0; i < len(s); {
		if s[i] < 0x80 {
			i++
			continue
		}
		n := utf8SeqLen(s[i:])
		if n == 1 || !valid(s[i:i+n]) {
			return false
		}
		i += n
	}
	return true
}

// decodeUnicodeEscapes is decode_unicode_with_escapes: the escapes of a
// non-raw str literal. Like CPython it first rewrites each non-ASCII
// character as \UXXXXXXXX (and a backslash before one as \u005c), so error
// positions count in that rewritten text. It returns the text, or the
// message of the UnicodeDecodeError CPython raises.
func (p *parser) decodeUnicodeEscapes(s string, t *token) (pyconst.Str, string) {
	var buf strings.Builder
	for i := 0; i < len(s); {
		if s[i] == '\\' {
			buf.WriteByte('\\')
			i++
			if i >= len(s) || s[i] >= 0x80 {
				buf.WriteString("u005c")
				if i >= len(s) {
					break
				}
			}
		}
		if s[i] >= 0x80 {
			j := i
			for j < len(s) && s[j] >= 0x80 {
				j++
			}
			chunk := s[i:j]
			if !validUTF8(chunk) {
				return "", utf8DecodeError([]byte(chunk))
			}
			for _, r := range chunk {
				fmt.Fprintf(&buf, "\\U%08x", r)
			}
			i = j
			continue
		}
		buf.WriteByte(s[i])
		i++
	}
	out, firstInvalid, errMsg := unicodeEscapeDecode(buf.String())
	if errMsg != "" {
		return "", errMsg
	}
	if firstInvalid != "" {
		p.warnInvalidEscape(firstInvalid, t)
	}
	return out, ""
}

// warnInvalidEscape records the SyntaxWarning for an invalid escape; esc
// starts at the character after the backslash.
func (p *parser) warnInvalidEscape(esc string, t *token) bool {
	if p.callInvalidRules {
		return true // no warnings in the second pass
	}
	c := esc[0]
	if (t.typ == tFSTRING_MIDDLE || t.typ == tFSTRING_END) && (c == '{' || c == '}') {
		return true // the tokenizer warned already
	}
	var msg string
	if '4' <= c && c <= '7' {
		msg = fmt.Sprintf("invalid octal escape sequence '\\%.3s'", esc)
	} else {
		msg = fmt.Sprintf("invalid escape sequence '\\%c'", c)
	}
	p.tok.warnings = append(p.tok.warnings, Warning{Category: "SyntaxWarning", Msg: msg, Lineno: t.lineno})
	return true
}

// unicodeEscapeDecode decodes Python's unicode_escape encoding. It returns
// the text, the rest of the input from the first invalid escape (after its
// backslash) or "", and an error message or "".
func unicodeEscapeDecode(s string) (pyconst.Str, string, string) {
	var out []byte
	firstInvalid := ""
	errAt := func(start, end int, msg string) string {
		if end-start == 1 {
			return fmt.Sprintf("'unicodeescape' codec can't decode byte 0x%02x in position %d: %s", s[start], start, msg)
		}
		return fmt.Sprintf("'unicodeescape' codec can't decode bytes in position %d-%d: %s", start, end-1, msg)
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c != '\\' {
			out = append(out, c)
			i++
			continue
		}
		start := i
		i++
		if i >= len(s) {
			return "", "", errAt(start, i, "\\ at end of string")
		}
		c = s[i]
		i++
		switch c {
		case '\n':
		case '\\', '\'', '"':
			out = append(out, c)
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 't':
			out = append(out, '\t')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 'v':
			out = append(out, '\v')
		case 'a':
			out = append(out, '\a')
		case '0', '1', '2', '3', '4', '5', '6', '7':
			ch := rune(c - '0')
			if i < len(s) && '0' <= s[i] && s[i] <= '7' {
				ch = ch<<3 + rune(s[i]-'0')
				i++
				if i < len(s) && '0' <= s[i] && s[i] <= '7' {
					ch = ch<<3 + rune(s[i]-'0')
					i++
				}
			}
			if ch > 0o377 && firstInvalid == "" {
				firstInvalid = s[i-3:]
			}
			out = pyconst.AppendRune(out, ch)
		case 'x', 'u', 'U':
			count, msg := 2, "truncated \\xXX escape"
			if c == 'u' {
				count, msg = 4, "truncated \\uXXXX escape"
			} else if c == 'U' {
				count, msg = 8, "truncated \\UXXXXXXXX escape"
			}
			var ch rune
			for ; count > 0; count-- {
				if i >= len(s) {
					return "", "", errAt(start, len(s), msg)
				}
				d := hexVal(s[i])
				if d < 0 {
					return "", "", errAt(start, i, msg)
				}
				ch = ch<<4 + rune(d)
				i++
			}
			if ch > 0x10FFFF {
				return "", "", errAt(start, i, "illegal Unicode character")
			}
			out = pyconst.AppendRune(out, ch)
		case 'N':
			msg := "malformed \\N character escape"
			if i >= len(s) {
				return "", "", errAt(start, len(s), msg)
			}
			if s[i] == '{' {
				i++
				nameStart := i
				for i < len(s) && s[i] != '}' {
					i++
				}
				if i >= len(s) {
					return "", "", errAt(start, len(s), msg)
				}
				name := s[nameStart:i]
				if name != "" {
					i++
					if r, ok := lookupCharName(name); ok {
						out = pyconst.AppendRune(out, r)
						continue
					}
					msg = "unknown Unicode character name"
				}
			}
			return "", "", errAt(start, i, msg)
		default:
			if firstInvalid == "" {
				firstInvalid = s[i-1:]
			}
			out = append(out, '\\')
			out = append(out, c)
		}
	}
	return pyconst.Str(out), firstInvalid, ""
}

func hexVal(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'a' <= c && c <= 'f':
		return int(c-'a') + 10
	case 'A' <= c && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// decodeBytesEscapes decodes the escapes of a bytes literal
// (_PyBytes_DecodeEscape).
func (p *parser) decodeBytesEscapes(s string, t *token) (string, bool) {
	var out []byte
	firstInvalid := ""
	for i := 0; i < len(s); {
		c := s[i]
		if c != '\\' {
			out = append(out, c)
			i++
			continue
		}
		i++
		if i >= len(s) {
			p.raise(SyntaxErr, false, "(value error) Trailing \\ in string")
			return "", false
		}
		c = s[i]
		i++
		switch c {
		case '\n':
		case '\\', '\'', '"':
			out = append(out, c)
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 't':
			out = append(out, '\t')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 'v':
			out = append(out, '\v')
		case 'a':
			out = append(out, '\a')
		case '0', '1', '2', '3', '4', '5', '6', '7':
			v := int(c - '0')
			if i < len(s) && '0' <= s[i] && s[i] <= '7' {
				v = v<<3 + int(s[i]-'0')
				i++
				if i < len(s) && '0' <= s[i] && s[i] <= '7' {
					v = v<<3 + int(s[i]-'0')
					i++
				}
			}
			if v > 0o377 && firstInvalid == "" {
				firstInvalid = s[i-3:]
			}
			out = append(out, byte(v))
		case 'x':
			if i+1 < len(s) {
				d1, d2 := hexVal(s[i]), hexVal(s[i+1])
				if d1 >= 0 && d2 >= 0 {
					out = append(out, byte(d1<<4+d2))
					i += 2
					continue
				}
			}
			p.raise(SyntaxErr, false, "(value error) invalid \\x escape at position %d", i-2)
			return "", false
		default:
			if firstInvalid == "" {
				firstInvalid = s[i-1:]
			}
			out = append(out, '\\', c)
		}
	}
	if firstInvalid != "" && !p.warnInvalidEscape(firstInvalid, t) {
		return "", false
	}
	return string(out), true
}

// fstring: FSTRING_START fstring_middle* FSTRING_END
func (p *parser) fstring() ast.Expr {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	a := p.expect(tFSTRING_START)
	if a == nil {
		return nil
	}
	var parts []ast.Expr
	for {
		m := p.mark
		e := p.fstringMiddle()
		if e == nil {
			p.mark = m
			break
		}
		parts = append(parts, e)
	}
	if p.errorIndicator {
		return nil
	}
	if b := p.expect(tFSTRING_END); b != nil {
		return p.joinedStr(a, parts, b)
	}
	p.mark = mark
	return nil
}

// fstring_middle: fstring_replacement_field | FSTRING_MIDDLE
func (p *parser) fstringMiddle() ast.Expr {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if e := p.fstringReplacementField(); e != nil {
		return e
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if t := p.expect(tFSTRING_MIDDLE); t != nil {
		// _PyPegen_constant_from_token: the raw text, its escapes decoded
		// later, but its UTF-8 decoded strictly now (PyUnicode_FromString),
		// a failure propagating as a UnicodeDecodeError.
		text := p.text(t)
		if !validUTF8(text) {
			p.raiseOther("UnicodeDecodeError: " + utf8DecodeError([]byte(text)))
			return nil
		}
		return &ast.Constant{Loc: tokLoc(t), Value: pyconst.Str(text)}
	}
	p.mark = mark
	return nil
}

// metaResult is pegen's ResultTokenWithMetadata.
type metaResult struct {
	result   ast.Expr
	metadata string
}

// fstring_replacement_field:
//
//	| '{' annotated_rhs '='? [fstring_conversion] [fstring_full_format_spec] '}'
//	| invalid_replacement_field
func (p *parser) fstringReplacementField() ast.Expr {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if p.peek() == nil {
		return nil
	}
	if p.expect(tLBRACE) != nil {
		if a := p.annotatedRHS(); a != nil {
			debug := p.expect(tEQUAL)
			conv := p.fstringConversion()
			if p.errorIndicator {
				return nil
			}
			format := p.fstringFullFormatSpec()
			if p.errorIndicator {
				return nil
			}
			if rbrace := p.expect(tRBRACE); rbrace != nil {
				return p.formattedValue(a, debug, conv, format, rbrace, p.extra(mark))
			}
		}
	}
	p.mark = mark
	if p.errorIndicator {
		return nil
	}
	if p.callInvalidRules {
		p.invalidReplacementField()
		p.mark = mark
	}
	return nil
}

// fstring_conversion: "!" NAME
func (p *parser) fstringConversion() *metaResult {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if conv := p.expect(tEXCLAMATION); conv != nil {
		if n := p.name(); n != nil {
			if conv.lineno != n.Lineno || conv.endCol != n.ColOffset {
				p.raiseRange(tokRng(conv), nodeRng(n), "f-string: conversion type must come right after the exclamanation mark")
				return nil
			}
			return &metaResult{n, conv.metadata}
		}
	}
	p.mark = mark
	return nil
}

// fstring_full_format_spec: ':' fstring_format_spec*
func (p *parser) fstringFullFormatSpec() *metaResult {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	colon := p.expect(tCOLON)
	if colon == nil {
		return nil
	}
	var spec []ast.Expr
	for {
		m := p.mark
		e := p.fstringFormatSpec()
		if e == nil {
			p.mark = m
			break
		}
		spec = append(spec, e)
	}
	if p.errorIndicator {
		return nil
	}
	loc := p.extra(mark)
	// Empty parts are dropped (compatibility with 3.11's empty JoinedStr).
	kept := spec[:0:0]
	for _, e := range spec {
		if c, ok := e.(*ast.Constant); ok {
			if s, ok := c.Value.(pyconst.Str); ok && s == "" {
				continue
			}
		}
		kept = append(kept, e)
	}
	var res ast.Expr
	if len(kept) == 0 || len(kept) == 1 && isConstant(kept[0]) {
		res = &ast.JoinedStr{Loc: loc, Values: kept}
	} else {
		res = p.concatenateStrings(kept, loc)
	}
	if res == nil {
		return nil
	}
	return &metaResult{res, colon.metadata}
}

func isConstant(e ast.Expr) bool {
	_, ok := e.(*ast.Constant)
	return ok
}

// fstring_format_spec: FSTRING_MIDDLE | fstring_replacement_field
func (p *parser) fstringFormatSpec() ast.Expr {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	mark := p.mark
	if t := p.expect(tFSTRING_MIDDLE); t != nil {
		// _PyPegen_decoded_constant_from_token: escapes are decoded even
		// in a raw f-string, and a failure propagates as the decoder's
		// UnicodeDecodeError, not as a SyntaxError.
		s, msg := p.decodeStringMsg(false, p.text(t), t)
		if msg != "" {
			p.raiseOther("UnicodeDecodeError: " + msg)
			return nil
		}
		return &ast.Constant{Loc: tokLoc(t), Value: s}
	}
	p.mark = mark
	if e := p.fstringReplacementField(); e != nil {
		return e
	}
	p.mark = mark
	return nil
}

// formattedValue is _PyPegen_formatted_value.
func (p *parser) formattedValue(e ast.Expr, debug *token, conv, format *metaResult, rbrace *token, loc ast.Loc) ast.Expr {
	conversion := -1
	if conv != nil {
		id := conv.result.(*ast.Name).ID
		first := []rune(id)[0]
		if len([]rune(id)) > 1 || !(first == 's' || first == 'r' || first == 'a') {
			p.raiseKnownLocation(SyntaxErr, nodeRng(conv.result),
				"f-string: invalid conversion character %s: expected 's', 'r', or 'a'", pyconst.Str(id).String())
			return nil
		}
		conversion = int(first)
	} else if debug != nil && format == nil {
		conversion = 'r'
	}
	fv := &ast.FormattedValue{Loc: loc, Value: e, Conversion: conversion}
	if format != nil {
		fv.FormatSpec = format.result
	}
	if debug == nil {
		return fv
	}
	var endLine, endOff int
	var meta string
	switch {
	case conv != nil:
		r := nodeRng(conv.result)
		endLine, endOff, meta = r.l, r.c, conv.metadata
	case format != nil:
		r := nodeRng(format.result)
		endLine, endOff, meta = r.l, r.c+1, format.metadata
	default:
		endLine, endOff, meta = loc.EndLineno, loc.EndColOffset, rbrace.metadata
	}
	text := &ast.Constant{Loc: ast.Loc{Lineno: loc.Lineno, ColOffset: loc.ColOffset + 1, EndLineno: endLine, EndColOffset: endOff - 1},
		Value: pyconst.Str(meta)}
	return &ast.JoinedStr{Loc: ast.Loc{Lineno: loc.Lineno, ColOffset: loc.ColOffset, EndLineno: endLine, EndColOffset: endOff},
		Values: []ast.Expr{text, fv}}
}

// joinedStr is _PyPegen_joined_str: an f-string's pieces, with nested
// JoinedStrs (from debug expressions) flattened and literal pieces decoded.
func (p *parser) joinedStr(a *token, raw []ast.Expr, b *token) ast.Expr {
	var flat []ast.Expr
	for _, e := range raw {
		if j, ok := e.(*ast.JoinedStr); ok {
			flat = append(flat, j.Values...)
		} else {
			flat = append(flat, e)
		}
	}
	prefix := p.text(a)
	isRaw := strings.ContainsAny(prefix, "rR")
	var values []ast.Expr
	for _, item := range flat {
		if c, ok := item.(*ast.Constant); ok {
			s := string(c.Value.(pyconst.Str))
			if s == "{{" || s == "}}" {
				s = s[:1]
			}
			dec, ok := p.decodeString(isRaw || !strings.Contains(s, "\\"), s, b)
			if !ok {
				return nil
			}
			if dec == "" {
				continue
			}
			item = &ast.Constant{Loc: c.Loc, Value: dec}
		}
		values = append(values, item)
	}
	return &ast.JoinedStr{Loc: ast.Loc{Lineno: a.lineno, ColOffset: a.col, EndLineno: b.endLineno, EndColOffset: b.endCol}, Values: values}
}

// concatenateStrings is _PyPegen_concatenate_strings: adjacent literals
// become one Constant, or one JoinedStr when any is an f-string, with
// adjacent constant pieces merged.
func (p *parser) concatenateStrings(parts []ast.Expr, loc ast.Loc) ast.Expr {
	fstringFound, unicodeFound, bytesFound := false, false, false
	for _, e := range parts {
		switch e := e.(type) {
		case *ast.Constant:
			if _, ok := e.Value.(pyconst.Bytes); ok {
				bytesFound = true
			} else {
				unicodeFound = true
			}
		default:
			fstringFound = true
		}
	}
	if (unicodeFound || fstringFound) && bytesFound {
		p.raise(SyntaxErr, false, "cannot mix bytes and nonbytes literals")
		return nil
	}
	if bytesFound {
		var b strings.Builder
		for _, e := range parts {
			b.WriteString(string(e.(*ast.Constant).Value.(pyconst.Bytes)))
		}
		return &ast.Constant{Loc: loc, Value: pyconst.Bytes(b.String()), Kind: parts[0].(*ast.Constant).Kind}
	}
	if !fstringFound && len(parts) == 1 {
		return parts[0]
	}
	var flat []ast.Expr
	for _, e := range parts {
		if j, ok := e.(*ast.JoinedStr); ok {
			flat = append(flat, j.Values...)
		} else {
			flat = append(flat, e)
		}
	}
	isEmptyStr := func(e ast.Expr) bool {
		c, ok := e.(*ast.Constant)
		if !ok {
			return false
		}
		s, ok := c.Value.(pyconst.Str)
		return ok && s == ""
	}
	var values []ast.Expr
	for i := 0; i < len(flat); i++ {
		elem := flat[i]
		if c, ok := elem.(*ast.Constant); ok {
			if i+1 < len(flat) && isConstant(flat[i+1]) {
				first, last := c, c
				var b strings.Builder
				j := i
				for ; j < len(flat); j++ {
					cj, ok := flat[j].(*ast.Constant)
					if !ok {
						break
					}
					b.WriteString(string(cj.Value.(pyconst.Str)))
					last = cj
				}
				i = j - 1
				elem = &ast.Constant{Loc: ast.Loc{Lineno: first.Lineno, ColOffset: first.ColOffset,
					EndLineno: last.EndLineno, EndColOffset: last.EndColOffset}, Value: pyconst.Str(b.String()), Kind: first.Kind}
			}
			if fstringFound && isEmptyStr(elem) {
				continue
			}
		}
		values = append(values, elem)
	}
	if !fstringFound {
		return values[0]
	}
	return &ast.JoinedStr{Loc: loc, Values: values}
}
