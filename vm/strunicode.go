package vm

import (
	"sort"
	"unicode"

	"github.com/peephole-lsp/peephole/internal/unitables"
)

// The Unicode character database as str's methods see it. CPython 3.13
// uses Unicode 15.1 where Go's unicode package has 15.0, and CPython's
// predicates are its own (isdigit and isnumeric follow the Numeric_Type
// property, isspace includes the bidirectional separators, lower() applies
// the final-sigma rule…), so the tables are generated from the oracle
// (strunicode_tables.go, by vm/internal/strunigen) and from
// internal/unitables; Go's unicode package only supplies the lookup.

//go:generate go run ./internal/strunigen

// caseRange maps the code points lo..hi to their lowercase, uppercase,
// titlecase and casefolded forms by adding the deltas.
type caseRange struct {
	lo, hi rune
	d      [4]int32
}

// The kinds of case mapping, indexes into caseRange.d.
const (
	caseLower = iota
	caseUpper
	caseTitle
	caseFold
)

func uniIsAlpha(r rune) bool {
	if r < 0x80 {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return unicode.Is(uniAlpha, r)
}

func uniIsDecimal(r rune) bool {
	if r < 0x80 {
		return '0' <= r && r <= '9'
	}
	return unicode.Is(uniDecimal, r)
}

func uniIsDigit(r rune) bool {
	if r < 0x80 {
		return '0' <= r && r <= '9'
	}
	return unicode.Is(uniDigit, r)
}

func uniIsNumeric(r rune) bool {
	if r < 0x80 {
		return '0' <= r && r <= '9'
	}
	return unicode.Is(uniNumeric, r)
}

func uniIsLower(r rune) bool {
	if r < 0x80 {
		return 'a' <= r && r <= 'z'
	}
	return unicode.Is(uniLower, r)
}

func uniIsUpper(r rune) bool {
	if r < 0x80 {
		return 'A' <= r && r <= 'Z'
	}
	return unicode.Is(uniUpper, r)
}

func uniIsTitle(r rune) bool { return r >= 0x80 && unicode.Is(uniTitle, r) }

func uniIsCased(r rune) bool {
	if r < 0x80 {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return unicode.Is(uniCased, r)
}

func uniIsCaseIgnorable(r rune) bool { return unicode.Is(uniCaseIgnorable, r) }

func uniIsSpace(r rune) bool {
	if r < 0x80 {
		return r == ' ' || '\t' <= r && r <= '\r' || 0x1c <= r && r <= 0x1f
	}
	return unitables.IsSpace(r)
}

func uniIsAlnum(r rune) bool {
	if r < 0x80 {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unitables.IsAlnum(r)
}

func uniIsPrintable(r rune) bool { return unitables.IsPrintable(r) }

// uniDecimalValue returns the value of a decimal digit, or -1.
func uniDecimalValue(r rune) int {
	if r < 0x80 {
		if '0' <= r && r <= '9' {
			return int(r - '0')
		}
		return -1
	}
	if !unicode.Is(uniDecimal, r) {
		return -1
	}
	// Decimal digits come in runs of ten from zero; find the run's start.
	lo := r
	for lo > 0 && unicode.Is(uniDecimal, lo-1) {
		lo--
	}
	return int(r-lo) % 10
}

// writeCase writes the full mapping of kind (caseLower…) of r.
func (w *strWriter) writeCase(r rune, kind int) {
	if r < 0x80 {
		switch kind {
		case caseLower, caseFold:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
		default:
			if 'a' <= r && r <= 'z' {
				r -= 'a' - 'A'
			}
		}
		w.b.WriteByte(byte(r))
		w.n++
		return
	}
	if sp, ok := uniSpecialCasing[r]; ok {
		w.writeString(sp[kind], runeCount(sp[kind]))
		return
	}
	w.writeRune(r + caseDelta(r, kind))
}

// caseDelta returns what the one-to-one mapping of kind adds to r.
func caseDelta(r rune, kind int) rune {
	i := sort.Search(len(uniCaseRanges), func(i int) bool { return uniCaseRanges[i].hi >= r })
	if i < len(uniCaseRanges) && uniCaseRanges[i].lo <= r {
		return rune(uniCaseRanges[i].d[kind])
	}
	return 0
}
