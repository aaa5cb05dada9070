package lsp

// This file is the one place where positions change representation.
//
// The core speaks CPython's positions: 1-based lines and 0-based columns
// counted in UTF-8 bytes. The protocol speaks 0-based lines and 0-based
// columns counted in the negotiated encoding's code units: UTF-16 unless the
// client offers "utf-8" in general.positionEncodings (UTF-32 is understood
// too). Lines end at \n, \r\n or \r in both, so only columns need work: a
// mapper keeps the byte offset of each line of one version of a buffer and
// converts columns by decoding the line's prefix. Positions past the end of
// a line or of the buffer are clamped, as the protocol asks; a column inside
// a character (half a surrogate pair) rounds down to its start.

import (
	"unicode/utf8"

	"github.com/peephole-lsp/peephole/analysis"
	"github.com/peephole-lsp/peephole/parser/ast"
	"go.lsp.dev/protocol"
)

// encoding is a position encoding.
type encoding int

const (
	utf16 encoding = iota // the protocol's default
	utf8enc
	utf32
)

func (e encoding) kind() protocol.PositionEncodingKind {
	switch e {
	case utf8enc:
		return protocol.PositionEncodingKindUTF8
	case utf32:
		return protocol.PositionEncodingKindUTF32
	}
	return protocol.PositionEncodingKindUTF16
}

// chooseEncoding picks the encoding from those a client offers: UTF-8, the
// core's own, whenever offered; else UTF-16, which every client speaks.
func chooseEncoding(offered []string) encoding {
	for _, o := range offered {
		if o == string(protocol.PositionEncodingKindUTF8) {
			return utf8enc
		}
	}
	return utf16
}

// mapper converts positions for one version of a buffer.
type mapper struct {
	text  []byte
	enc   encoding
	lines []int // byte offset of the start of each line
}

func newMapper(text []byte, enc encoding) *mapper {
	m := &mapper{text: text, enc: enc, lines: []int{0}}
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\n':
			m.lines = append(m.lines, i+1)
		case '\r':
			if i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
			m.lines = append(m.lines, i+1)
		}
	}
	return m
}

// lineBytes returns line i (0-based) without its line break.
func (m *mapper) lineBytes(i int) []byte {
	if i < 0 || i >= len(m.lines) {
		return nil
	}
	start, end := m.lines[i], len(m.text)
	if i+1 < len(m.lines) {
		end = m.lines[i+1]
	}
	for end > start && (m.text[end-1] == '\n' || m.text[end-1] == '\r') {
		end--
	}
	return m.text[start:end]
}

// units counts the code units of b in the mapper's encoding.
func (m *mapper) units(b []byte) int {
	switch m.enc {
	case utf8enc:
		return len(b)
	case utf32:
		return utf8.RuneCount(b)
	}
	n := 0
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
		b = b[size:]
	}
	return n
}

// byteCol converts a column in code units on a line to a byte column,
// clamped to the line.
func (m *mapper) byteCol(line []byte, units int) int {
	if m.enc == utf8enc {
		if units > len(line) {
			return len(line)
		}
		// Round down to the start of a character.
		for units > 0 && units < len(line) && !utf8.RuneStart(line[units]) {
			units--
		}
		return units
	}
	n, i := 0, 0
	for i < len(line) {
		r, size := utf8.DecodeRune(line[i:])
		w := 1
		if m.enc == utf16 && r >= 0x10000 {
			w = 2
		}
		if n+w > units {
			break
		}
		n += w
		i += size
	}
	return i
}

// toCore converts a protocol position to the core's, clamping it to the
// buffer.
func (m *mapper) toCore(p protocol.Position) ast.Pos {
	line := int(p.Line)
	if line >= len(m.lines) {
		last := len(m.lines) - 1
		return ast.Pos{Line: last + 1, Col: len(m.lineBytes(last))}
	}
	return ast.Pos{Line: line + 1, Col: m.byteCol(m.lineBytes(line), int(p.Character))}
}

// toLSP converts a core position to the protocol's.
func (m *mapper) toLSP(p ast.Pos) protocol.Position {
	line := p.Line - 1
	if line < 0 {
		return protocol.Position{}
	}
	if line >= len(m.lines) {
		last := len(m.lines) - 1
		return protocol.Position{Line: uint32(last), Character: uint32(m.units(m.lineBytes(last)))}
	}
	b := m.lineBytes(line)
	col := min(max(p.Col, 0), len(b))
	return protocol.Position{Line: uint32(line), Character: uint32(m.units(b[:col]))}
}

// rangeToLSP converts a core range.
func (m *mapper) rangeToLSP(r analysis.Range) protocol.Range {
	return protocol.Range{Start: m.toLSP(r.Start), End: m.toLSP(r.End)}
}

// rangeToCore converts a protocol range.
func (m *mapper) rangeToCore(r protocol.Range) analysis.Range {
	return analysis.Range{Start: m.toCore(r.Start), End: m.toCore(r.End)}
}

// offset converts a protocol position to a byte offset in the text.
func (m *mapper) offset(p protocol.Position) int {
	c := m.toCore(p)
	return m.lines[c.Line-1] + c.Col
}
