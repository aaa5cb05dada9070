// Command unidatagen writes vm/mod_unicodedata_tables.go: the character
// properties the unicodedata module answers with (category, bidirectional
// class, East Asian width, combining class, mirrored, decomposition,
// decimal/digit/numeric values), the composition exclusions, the names
// where golang.org/x/text/unicode/runenames (Unicode 15.0) does not give
// CPython's, the CJK unified ideograph ranges, the named sequences, and
// the differences of ucd_3_2_0 from the current database. Everything is
// read from the oracle itself, so the tables are CPython 3.13's (Unicode
// 15.1) whatever Unicode version Go or x/text carry.
//
// The named sequences come from NamedSequences.txt (Debian's unicode-data
// package installs it in /usr/share/unicode; -named names another copy);
// each is kept only when the oracle's unicodedata.lookup gives it.
//
// Run it with `go generate ./vm`; it needs the oracle (see internal/oracle).
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"go/format"
	"log"
	"os"
	"os/exec"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/runenames"

	"github.com/peephole-lsp/peephole/internal/oracle"
)

const script = `
import json, sys, unicodedata as U
u32 = U.ucd_3_2_0
N = 0x110000
chars = [chr(c) for c in range(N)]
def runs(f):
    out, prev = [], object()
    for c in range(N):
        v = f(chars[c])
        if v != prev:
            out.append([c, v])
            prev = v
    return out
def numtext(f):
    def g(ch):
        n = f(ch, None)
        return '' if n is None else repr(n)
    return g
def diffruns(f32, f):
    out, cur = [], None
    for c in range(N):
        ch = chars[c]
        v32 = f32(ch)
        if cur is not None and cur[2] == v32 and cur[1] == c - 1:
            cur[1] = c
            continue
        if v32 != f(ch):
            cur = [c, c, v32]
            out.append(cur)
        else:
            cur = None
    return out
res = {'version': U.unidata_version}
for p in ['category', 'bidirectional', 'east_asian_width', 'combining', 'mirrored']:
    res[p] = runs(getattr(U, p))
res['decomposition'] = [[c, U.decomposition(chars[c])] for c in range(N) if U.decomposition(chars[c])]
num = []
for c in range(N):
    ch = chars[c]
    n = U.numeric(ch, None)
    if n is not None:
        num.append([c, U.decimal(ch, -1), U.digit(ch, -1), repr(n)])
res['numeric'] = num
names, cjk = {}, []
for c in range(N):
    n = U.name(chars[c], None)
    if n is None:
        continue
    if n == 'CJK UNIFIED IDEOGRAPH-%X' % c:
        if cjk and cjk[-1][1] == c - 1:
            cjk[-1][1] = c
        else:
            cjk.append([c, c])
        continue
    if 0xAC00 <= c <= 0xD7A3 and n.startswith('HANGUL SYLLABLE '):
        continue
    names[c] = n
res['names'] = names
res['cjk'] = cjk
excl = []
for c, d in res['decomposition']:
    parts = d.split()
    if not d.startswith('<') and len(parts) == 2 and U.normalize('NFC', chars[c]) != chars[c]:
        excl.append(c)
res['exclusions'] = excl
u32props = {}
for p in ['category', 'bidirectional', 'east_asian_width', 'combining', 'mirrored', 'decomposition']:
    u32props[p] = diffruns(getattr(u32, p), getattr(U, p))
for p in ['decimal', 'digit', 'numeric']:
    u32props[p] = diffruns(numtext(getattr(u32, p)), numtext(getattr(U, p)))
res['ucd32'] = u32props
bad = 0
for c in range(N):
    ch = chars[c]
    want = U.name(ch, None) if u32.category(ch) != 'Cn' else None
    if u32.name(ch, None) != want:
        bad += 1
res['ucd32_name_mismatch'] = bad
corr = []
for c in range(N):
    ch = chars[c]
    if u32.category(ch) == 'Cn':
        continue
    for f in ('NFD', 'NFKD'):
        a, b = u32.normalize(f, ch), U.normalize(f, ch)
        if a != b:
            corr.append([c, f, a, b])
res['ucd32_normalization'] = corr
seqs = []
for name, seq in json.loads(sys.stdin.read()):
    try:
        got = U.lookup(name)
    except KeyError:
        continue
    if got == seq:
        seqs.append([name, seq])
res['named_sequences'] = seqs
json.dump(res, sys.stdout)
`

type data struct {
	Version        string
	Category       [][2]any
	Bidirectional  [][2]any
	EastAsianWidth [][2]any `json:"east_asian_width"`
	Combining      [][2]any
	Mirrored       [][2]any
	Decomposition  [][2]any
	Numeric        [][4]any
	Names          map[string]string
	CJK            [][2]int
	Exclusions     []int
	UCD32          map[string][][3]any `json:"ucd32"`
	UCD32NameMiss  int                 `json:"ucd32_name_mismatch"`
	UCD32Norm      [][4]any            `json:"ucd32_normalization"`
	NamedSequences [][2]string         `json:"named_sequences"`
}

func main() {
	named := flag.String("named", "/usr/share/unicode/NamedSequences.txt", "NamedSequences.txt")
	outPath := flag.String("o", "mod_unicodedata_tables.go", "output file")
	flag.Parse()
	py, why := oracle.Path()
	if py == "" {
		log.Fatal(why)
	}
	cands := readNamedSequences(*named)
	in, _ := json.Marshal(cands)
	cmd := exec.Command(py, "-c", script)
	cmd.Env = oracle.Env()
	cmd.Stdin = bytes.NewReader(in)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		log.Fatal(err)
	}
	var d data
	if err := json.Unmarshal(out, &d); err != nil {
		log.Fatal(err)
	}
	if d.UCD32NameMiss != 0 {
		log.Fatalf("ucd_3_2_0.name differs from the rule in %d code points", d.UCD32NameMiss)
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by vm/internal/unidatagen from CPython 3.13's unicodedata (Unicode %s); DO NOT EDIT.\n\n", d.Version)
	b.WriteString("package vm\n\n")
	fmt.Fprintf(&b, "// udVersion is unicodedata.unidata_version.\nconst udVersion = %q\n\n", d.Version)

	writeStrRuns(&b, "udCategory", "the general category", d.Category, 5)
	writeStrRuns(&b, "udBidi", "the bidirectional class", d.Bidirectional, 5)
	writeStrRuns(&b, "udEAW", "the East Asian width", d.EastAsianWidth, 3)
	writeIntRuns(&b, "udCombining", "the canonical combining class", d.Combining, 8)
	writeIntRuns(&b, "udMirrored", "the mirrored property", d.Mirrored, 1)

	writeDecompositions(&b, d.Decomposition)

	writeNumeric(&b, d.Numeric)
	writeNames(&b, d)

	b.WriteString("// udExclusions are the code points whose canonical decomposition into two\n// characters is excluded from composition.\nvar udExclusions = []rune{")
	for i, c := range d.Exclusions {
		if i%12 == 0 {
			b.WriteString("\n\t")
		} else {
			b.WriteString(" ")
		}
		fmt.Fprintf(&b, "0x%X,", c)
	}
	b.WriteString("\n}\n\n")

	b.WriteString("// udNamedSequences are the named sequences unicodedata.lookup knows.\nvar udNamedSequences = map[string]string{\n")
	sort.Slice(d.NamedSequences, func(i, j int) bool { return d.NamedSequences[i][0] < d.NamedSequences[j][0] })
	for _, s := range d.NamedSequences {
		fmt.Fprintf(&b, "\t%q: %s,\n", s[0], quoteRunes(s[1]))
	}
	b.WriteString("}\n\n")

	writeUCD32(&b, d)

	src, err := format.Source(b.Bytes())
	if err != nil {
		os.WriteFile(*outPath+".broken", b.Bytes(), 0o644)
		log.Fatal(err)
	}
	if err := os.WriteFile(*outPath, src, 0o644); err != nil {
		log.Fatal(err)
	}
}

func num(v any) int64 {
	switch x := v.(type) {
	case float64:
		return int64(x)
	case bool:
		if x {
			return 1
		}
		return 0
	}
	log.Fatalf("not a number: %v", v)
	return 0
}

// writeStrRuns writes the runs of a property with string values as
// start<<shift | index into a names table.
func writeStrRuns(b *bytes.Buffer, name, what string, runs [][2]any, shift int) {
	var names []string
	idx := map[string]int{}
	for _, r := range runs {
		s := r[1].(string)
		if _, ok := idx[s]; !ok {
			idx[s] = len(names)
			names = append(names, s)
		}
	}
	if len(names) > 1<<shift {
		log.Fatalf("%s: %d values do not fit %d bits", name, len(names), shift)
	}
	fmt.Fprintf(b, "// %sNames are the values of %s.\nvar %sNames = [...]string{", name, what, name)
	for i, n := range names {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(b, "%q", n)
	}
	b.WriteString("}\n\n")
	fmt.Fprintf(b, "// %sRuns holds %s of every code point: each run starts at\n// the entry's code point (entry>>%d) and has the value %sNames[entry&%d].\nvar %sRuns = []uint32{", name, what, shift, name, 1<<shift-1, name)
	for i, r := range runs {
		if i%10 == 0 {
			b.WriteString("\n\t")
		} else {
			b.WriteString(" ")
		}
		fmt.Fprintf(b, "0x%X,", uint32(num(r[0]))<<shift|uint32(idx[r[1].(string)]))
	}
	b.WriteString("\n}\n\n")
}

// writeIntRuns writes the runs of a property with small int values as
// start<<shift | value.
func writeIntRuns(b *bytes.Buffer, name, what string, runs [][2]any, shift int) {
	fmt.Fprintf(b, "// %sRuns holds %s of every code point: each run starts at\n// the entry's code point (entry>>%d) and has the value entry&%d.\nvar %sRuns = []uint32{", name, what, shift, 1<<shift-1, name)
	for i, r := range runs {
		v := num(r[1])
		if v >= 1<<shift {
			log.Fatalf("%s: value %d does not fit", name, v)
		}
		if i%10 == 0 {
			b.WriteString("\n\t")
		} else {
			b.WriteString(" ")
		}
		fmt.Fprintf(b, "0x%X,", uint32(num(r[0]))<<shift|uint32(v))
	}
	b.WriteString("\n}\n\n")
}

// writeNumeric writes the numeric values as runs of consecutive code
// points whose values count up by one from the run's first value.
func writeNumeric(b *bytes.Buffer, entries [][4]any) {
	type run struct {
		start, n  int64
		dec, dig  bool
		first     string
		firstInt  int64
		isInteger bool
	}
	var runs []run
	for _, e := range entries {
		c := num(e[0])
		dec, dig := num(e[1]) >= 0, num(e[2]) >= 0
		val := e[3].(string)
		f, err := strconv.ParseFloat(val, 64)
		if err != nil {
			log.Fatal(err)
		}
		isInt := f == float64(int64(f)) && f < 1e15 && f > -1e15
		if dec && num(e[1]) != int64(f) || dig && num(e[2]) != int64(f) {
			log.Fatalf("U+%04X: decimal/digit differ from numeric", c)
		}
		if n := len(runs); n > 0 {
			r := &runs[n-1]
			if r.start+r.n == c && r.dec == dec && r.dig == dig && r.isInteger && isInt && int64(f) == r.firstInt+r.n {
				r.n++
				continue
			}
		}
		runs = append(runs, run{start: c, n: 1, dec: dec, dig: dig, first: val, firstInt: int64(f), isInteger: isInt})
	}
	b.WriteString("// udNumeric holds the numeric values: udNumeric[i] covers the code points\n// from start to start+n-1, whose values are value, value+1, …; decimal and\n// digit say whether decimal() and digit() give the value too.\nvar udNumeric = []udNumericRun{\n")
	for _, r := range runs {
		fmt.Fprintf(b, "\t{0x%X, %d, %v, %v, %s},\n", r.start, r.n, r.dec, r.dig, r.first)
	}
	b.WriteString("}\n\n")
}

// writeNames writes the CJK ranges and the names where the runtime's rule
// (runenames, for an assigned code point that is not a CJK unified
// ideograph or a Hangul syllable) does not give CPython's.
func writeNames(b *bytes.Buffer, d data) {
	b.WriteString("// udCJKRanges are the CJK unified ideograph blocks (named algorithmically).\nvar udCJKRanges = [][2]rune{\n")
	for _, r := range d.CJK {
		fmt.Fprintf(b, "\t{0x%X, 0x%X},\n", r[0], r[1])
	}
	b.WriteString("}\n\n")
	cps := make([]int, 0, len(d.Names))
	for k := range d.Names {
		c, _ := strconv.Atoi(k)
		cps = append(cps, c)
	}
	sort.Ints(cps)
	want := map[rune]string{}
	for _, c := range cps {
		want[rune(c)] = d.Names[strconv.Itoa(c)]
	}
	isCJK := func(c rune) bool {
		for _, r := range d.CJK {
			if rune(r[0]) <= c && c <= rune(r[1]) {
				return true
			}
		}
		return false
	}
	overrides := map[rune]string{}
	for c := rune(0); c < 0x110000; c++ {
		if isCJK(c) || (0xAC00 <= c && c <= 0xD7A3) {
			continue
		}
		got := runenames.Name(c)
		if strings.HasPrefix(got, "<") {
			got = ""
		}
		if got != want[c] {
			overrides[c] = want[c]
		}
	}
	keys := make([]int, 0, len(overrides))
	for c := range overrides {
		keys = append(keys, int(c))
	}
	sort.Ints(keys)
	fmt.Fprintf(b, "// udNameOverrides are the names (\"\" for none) that differ from those of\n// golang.org/x/text/unicode/runenames (Unicode %s): the characters of later\n// versions and the ranges runenames names generically.\nvar udNameOverrides = map[rune]string{\n", runenames.UnicodeVersion)
	for _, c := range keys {
		fmt.Fprintf(b, "\t0x%X: %q,\n", c, overrides[rune(c)])
	}
	b.WriteString("}\n\n")
	log.Printf("%d name overrides", len(keys))
}

// writeUCD32 writes the runs where ucd_3_2_0 differs from the current
// database, and its normalization corrections.
func writeUCD32(b *bytes.Buffer, d data) {
	props := []string{"category", "bidirectional", "east_asian_width", "combining", "mirrored", "decomposition", "decimal", "digit", "numeric"}
	b.WriteString("// udUCD32 holds, for each property, the runs of code points over which\n// ucd_3_2_0 answers a constant value that differs from the current one for\n// at least one of them (the value is the property's text: an int is in\n// decimal, the numeric values are their repr or \"\" for none).\nvar udUCD32 = map[string][]udRun{\n")
	for _, p := range props {
		fmt.Fprintf(b, "\t%q: {", p)
		for i, r := range d.UCD32[p] {
			if i%4 == 0 {
				b.WriteString("\n\t\t")
			} else {
				b.WriteString(" ")
			}
			var v string
			switch x := r[2].(type) {
			case string:
				v = x
			case float64:
				v = strconv.Itoa(int(x))
			case bool:
				v = "0"
				if x {
					v = "1"
				}
			}
			fmt.Fprintf(b, "{0x%X, 0x%X, %q},", num(r[0]), num(r[1]), v)
		}
		b.WriteString("\n\t},\n")
	}
	b.WriteString("}\n\n")
	corr := map[int]string{}
	for _, e := range d.UCD32Norm {
		c := int(num(e[0]))
		s := e[2].(string)
		if rs := []rune(s); len(rs) != 1 {
			log.Fatalf("U+%04X: ucd_3_2_0 %s gives %q", c, e[1], s)
		}
		if old, ok := corr[c]; ok && old != s {
			log.Fatalf("U+%04X: NFD and NFKD corrections differ", c)
		}
		corr[c] = s
	}
	keys := make([]int, 0, len(corr))
	for c := range corr {
		keys = append(keys, c)
	}
	sort.Ints(keys)
	b.WriteString("// udUCD32Corrections are the characters ucd_3_2_0 decomposes otherwise\n// (NormalizationCorrections.txt): the character it decomposes to instead.\nvar udUCD32Corrections = map[rune]rune{\n")
	for _, c := range keys {
		fmt.Fprintf(b, "\t0x%X: 0x%X,\n", c, []rune(corr[c])[0])
	}
	b.WriteString("}\n")
}

// udTags are the decomposition tags, in the order of their letters in
// udDecompText.
var udTags = []string{"<circle>", "<compat>", "<final>", "<font>", "<fraction>", "<initial>", "<isolated>", "<medial>", "<narrow>", "<noBreak>", "<small>", "<square>", "<sub>", "<super>", "<vertical>", "<wide>"}

// writeDecompositions writes the decompositions as one text, a line for
// each code point that has one: the distance in hex from the previous
// one, the letter of its tag ('G' + its index in udTags) if it has one,
// then its code points in hex, each after a space.
func writeDecompositions(b *bytes.Buffer, entries [][2]any) {
	fmt.Fprintf(b, "// udTags are the decomposition tags.\nvar udTags = [...]string{")
	for i, t := range udTags {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(b, "%q", t)
	}
	b.WriteString("}\n\n")
	var text strings.Builder
	prev := int64(0)
	for _, e := range entries {
		c := num(e[0])
		fmt.Fprintf(&text, "%x", c-prev)
		prev = c
		parts := strings.Fields(e[1].(string))
		if strings.HasPrefix(parts[0], "<") {
			k := -1
			for i, t := range udTags {
				if t == parts[0] {
					k = i
				}
			}
			if k < 0 {
				log.Fatalf("unknown tag %s", parts[0])
			}
			text.WriteByte(byte('G' + k))
			parts = parts[1:]
		}
		for _, h := range parts {
			v, err := strconv.ParseUint(h, 16, 32)
			if err != nil || fmt.Sprintf("%04X", v) != h {
				log.Fatalf("U+%04X: decomposition %q", c, e[1])
			}
			fmt.Fprintf(&text, " %x", v)
		}
		text.WriteByte('\n')
	}
	b.WriteString("// udDecompText holds the decompositions: a line for each code point that\n// has one, in order: its distance in hex from the previous one, the letter\n// of its tag ('G' for udTags[0], …) if it has one, then its code points in\n// hex, each after a space.\nconst udDecompText = ")
	writeLongString(b, text.String())
	b.WriteString("\n\n")
}

// writeLongString writes s as a concatenation of quoted lines.
func writeLongString(b *bytes.Buffer, s string) {
	lines := strings.SplitAfter(s, "\n")
	const per = 16
	b.WriteString("\"\" +\n")
	for i := 0; i < len(lines); i += per {
		chunk := strings.Join(lines[i:min(i+per, len(lines))], "")
		if chunk == "" {
			continue
		}
		b.WriteString("\t" + strconv.Quote(chunk))
		if i+per < len(lines) {
			b.WriteString(" +\n")
		}
	}
}

// quoteRunes quotes a string with \u escapes for the non-ASCII runes.
func quoteRunes(s string) string {
	return strconv.QuoteToASCII(s)
}

func readNamedSequences(path string) [][2]string {
	f, err := os.Open(path)
	if err != nil {
		log.Fatalf("%v (install Debian's unicode-data package, or pass -named)", err)
	}
	defer f.Close()
	var out [][2]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		name, cps, ok := strings.Cut(line, ";")
		if !ok {
			continue
		}
		var rs []rune
		for _, h := range strings.Fields(cps) {
			v, err := strconv.ParseUint(h, 16, 32)
			if err != nil {
				log.Fatalf("bad line %q", line)
			}
			rs = append(rs, rune(v))
		}
		out = append(out, [2]string{strings.TrimSpace(name), string(rs)})
	}
	if err := sc.Err(); err != nil {
		log.Fatal(err)
	}
	return out
}
