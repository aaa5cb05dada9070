package parser

import (
	"bytes"
	"fmt"
	"strings"
)

// This file prepares source bytes the way CPython's string tokenizer does
// (decode_str in Parser/tokenizer): newlines are translated, a UTF-8 BOM is
// dropped, a PEP 263 coding cookie on line 1 or 2 selects the encoding, and
// the text is converted to UTF-8. Like CPython's string input, text with no
// declared encoding is *not* validated here: invalid UTF-8 surfaces later,
// where an identifier or a string literal is decoded.

// source is prepared program text.
type source struct {
	raw      []byte // the bytes as given
	text     []byte // UTF-8 with \n line ends; for exec input, ends with \n unless empty
	encoding string // the declared encoding ("utf-8" for a BOM), or "" when none was declared
	bom      bool
}

// initError is an error found before tokenizing starts: CPython reports
// those with line 0 and no text (or, for null bytes, with no position at all).
func initError(filename, msg string, lineno bool) *SyntaxError {
	e := &SyntaxError{Kind: SyntaxErr, Msg: msg, Filename: filename}
	if lineno {
		e.HasLineno = true
		e.Lineno = 0
		e.Offset = -1
		e.HasOffset = true
	}
	return e
}

// prepareSource decodes raw as compile() decodes a bytes source.
func prepareSource(raw []byte, filename string, execInput bool) (*source, *SyntaxError) {
	if bytes.IndexByte(raw, 0) >= 0 {
		// CPython raises this one before the filename is known: its
		// SyntaxError has filename None (no " (file)" suffix either).
		return nil, initError("", "source code string cannot contain null bytes", false)
	}
	src := &source{raw: raw}
	text := translateNewlines(raw, execInput)
	if bytes.HasPrefix(text, []byte("\xef\xbb\xbf")) {
		text = text[3:]
		src.bom = true
		src.encoding = "utf-8"
	}
	// Look for a coding spec on line 1, and on line 2 if line 1 holds
	// nothing but whitespace or a comment.
	line1, rest, has1 := bytes.Cut(text, []byte("\n"))
	if has1 {
		spec, isCode := codingSpec(line1)
		if spec == "" && !isCode {
			if line2, _, has2 := bytes.Cut(rest, []byte("\n")); has2 {
				spec, _ = codingSpec(line2)
			}
		}
		if spec != "" {
			if src.bom {
				if spec != "utf-8" {
					return nil, initError(filename, fmt.Sprintf("encoding problem: %s with BOM", spec), true)
				}
			} else {
				src.encoding = spec
			}
		}
	}
	if src.encoding != "" && src.encoding != "utf-8" {
		decoded, msg := decodeCodec(text, src.encoding)
		if msg != "" {
			return nil, initError(filename, msg, true)
		}
		text = decoded
	}
	src.text = text
	return src, nil
}

// translateNewlines turns \r\n and lone \r into \n and, for exec input,
// adds a final \n to non-empty text that lacks one.
func translateNewlines(raw []byte, execInput bool) []byte {
	out := make([]byte, 0, len(raw)+1)
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if c == '\r' {
			out = append(out, '\n')
			if i+1 < len(raw) && raw[i+1] == '\n' {
				i++
			}
			continue
		}
		out = append(out, c)
	}
	if execInput && len(out) > 0 && out[len(out)-1] != '\n' {
		out = append(out, '\n')
	}
	return out
}

// codingSpec looks for a PEP 263 coding spec in one line. It returns the
// normalized encoding name, or "", and whether the line holds code (anything
// other than whitespace and a comment), after which CPython stops looking.
func codingSpec(line []byte) (string, bool) {
	size := len(line) + 1 // CPython's line includes its \n
	i := 0
	for ; i < size-6; i++ {
		if line[i] == '#' {
			break
		}
		if line[i] != ' ' && line[i] != '\t' && line[i] != '\f' {
			return "", true
		}
	}
	for ; i < size-6 && i+6 <= len(line); i++ {
		if string(line[i:i+6]) != "coding" {
			continue
		}
		t := i + 6
		if t >= len(line) || line[t] != ':' && line[t] != '=' {
			continue
		}
		t++
		for t < len(line) && (line[t] == ' ' || line[t] == '\t') {
			t++
		}
		begin := t
		for t < len(line) && (isASCIIAlnum(line[t]) || line[t] == '-' || line[t] == '_' || line[t] == '.') {
			t++
		}
		if begin < t {
			return normalEncodingName(string(line[begin:t])), false
		}
	}
	// A line with no spec: code ends the search, as CPython's check does.
	for _, c := range line {
		if c == '#' {
			break
		}
		if c != ' ' && c != '\t' && c != '\f' {
			return "", true
		}
	}
	return "", false
}

func isASCIIAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// normalEncodingName is CPython's get_normal_name: it recognises the
// spellings of utf-8 and latin-1 and leaves other names as written.
func normalEncodingName(s string) string {
	n := s
	if len(n) > 12 {
		n = n[:12]
	}
	n = strings.ToLower(strings.ReplaceAll(n, "_", "-"))
	switch {
	case n == "utf-8" || strings.HasPrefix(n, "utf-8-"):
		return "utf-8"
	case n == "latin-1" || n == "iso-8859-1" || n == "iso-latin-1" ||
		strings.HasPrefix(n, "latin-1-") || strings.HasPrefix(n, "iso-8859-1-") || strings.HasPrefix(n, "iso-latin-1-"):
		return "iso-8859-1"
	}
	return s
}
