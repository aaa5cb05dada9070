package parser

import (
	"strconv"
	"strings"
	"sync"

	"golang.org/x/text/unicode/runenames"
)

//go:generate go run ./internal/aliasgen -o unicodealiases.go

// lookupCharName finds a character by its Unicode name, as the \N{...}
// escape does: case-insensitively, including the algorithmic names of CJK
// unified ideographs and Hangul syllables, and the name aliases (the table
// of unicodealiases.go, generated from NameAliases.txt and the oracle).
func lookupCharName(name string) (rune, bool) {
	name = strings.ToUpper(name)
	if r, ok := nameAliases[name]; ok {
		return r, true
	}
	if rest, ok := strings.CutPrefix(name, "CJK UNIFIED IDEOGRAPH-"); ok {
		if len(rest) != 4 && len(rest) != 5 {
			return 0, false
		}
		v, err := strconv.ParseUint(rest, 16, 32)
		if err != nil || !isCJKUnified(rune(v)) {
			return 0, false
		}
		return rune(v), true
	}
	if rest, ok := strings.CutPrefix(name, "HANGUL SYLLABLE "); ok {
		return hangulSyllable(rest)
	}
	namesOnce.Do(buildNames)
	r, ok := runeByName[name]
	return r, ok
}

// NameAlias returns the character a Unicode name alias names, among the
// aliases CPython 3.13 accepts (unicodealiases.go); name must be in upper
// case. unicodedata.lookup shares the table.
func NameAlias(name string) (rune, bool) {
	r, ok := nameAliases[name]
	return r, ok
}

var (
	namesOnce  sync.Once
	runeByName map[string]rune
)

func buildNames() {
	runeByName = make(map[string]rune, 40000)
	for r := rune(0); r <= 0x10FFFF; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		n := runenames.Name(r)
		if n == "" || n[0] == '<' {
			continue
		}
		runeByName[n] = r
	}
}

// isCJKUnified reports whether r is in a CJK Unified Ideographs block, as
// CPython's unicodedata defines them for 3.13 (Unicode 15.1).
func isCJKUnified(r rune) bool {
	return 0x3400 <= r && r <= 0x4DBF || 0x4E00 <= r && r <= 0x9FFF ||
		0x20000 <= r && r <= 0x2A6DF || 0x2A700 <= r && r <= 0x2B739 ||
		0x2B740 <= r && r <= 0x2B81D || 0x2B820 <= r && r <= 0x2CEA1 ||
		0x2CEB0 <= r && r <= 0x2EBE0 || 0x2EBF0 <= r && r <= 0x2EE5D ||
		0x30000 <= r && r <= 0x3134A || 0x31350 <= r && r <= 0x323AF
}

var (
	jamoL = []string{"G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P", "H"}
	jamoV = []string{"A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I"}
	jamoT = []string{"", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M", "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H"}
)

// hangulSyllable decodes the short name of a Hangul syllable ("GAG").
func hangulSyllable(s string) (rune, bool) {
	for l, ls := range jamoL {
		if !strings.HasPrefix(s, ls) {
			continue
		}
		for v, vs := range jamoV {
			if !strings.HasPrefix(s[len(ls):], vs) {
				continue
			}
			for t, ts := range jamoT {
				if s[len(ls)+len(vs):] == ts {
					return rune(0xAC00 + (l*21+v)*28 + t), true
				}
			}
		}
	}
	return 0, false
}
