package vm

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/text/unicode/runenames"

	"github.com/peephole-lsp/peephole/parser"
)

//go:generate go run ./internal/unidatagen

// The unicodedata module (Modules/unicodedata.c) over the Unicode
// Character Database of CPython 3.13 (Unicode 15.1.0), and its ucd_3_2_0
// object (Unicode 3.2.0, which IDNA's stringprep uses).
//
// The properties come from mod_unicodedata_tables.go, which
// internal/unidatagen writes from the oracle's own unicodedata: run tables
// for the category, bidirectional class, East Asian width, combining class
// and mirrored flag, the decompositions, the numeric values, the named
// sequences, and for ucd_3_2_0 the runs where its answers differ. Names
// come from golang.org/x/text/unicode/runenames (Unicode 15.0) with the
// few names 15.1 added as overrides, and the algorithmic names of Hangul
// syllables and CJK unified ideographs. Normalization is UAX #15 as
// unicodedata.c does it: full decomposition through the table (Hangul
// algorithmically), canonical ordering by combining class, and canonical
// composition through the primary composites the table's two-character
// canonical decompositions give, less the exclusions. ucd_3_2_0 leaves
// the characters it does not know undecomposed and applies
// NormalizationCorrections.txt, as CPython does.

// udNumericRun is a run of code points with consecutive numeric values.
type udNumericRun struct {
	start    rune
	n        int
	dec, dig bool
	value    float64
}

// udRun is a run of code points over which ucd_3_2_0 gives the value v.
type udRun struct {
	lo, hi rune
	v      string
}

// ucdObject is a unicodedata.UCD (ucd_3_2_0): the module's functions
// answered from an older database.
type ucdObject struct {
	ObjectBase
	version string
}

var (
	UCDType     = nativeType("unicodedata", "UCD", nil, 0)
	capsuleType = nativeType("builtins", "PyCapsule", nil, 0)
	ucd320      = &ucdObject{version: "3.2.0"}
)

// capsule is a PyCapsule: only its name shows.
type capsule struct {
	ObjectBase
	name string
}

func init() {
	onSetup(setupUnicodedata)
	RegisterModule("unicodedata", initUnicodedata)
}

// udRunTable finds the run of a property table (entries start<<shift |
// value) that covers a code point: pages holds, for each block of 256
// code points, the index of the run covering its first one, so that a
// lookup scans the few runs of one block.
type udRunTable struct {
	runs  []uint32
	shift uint
	once  sync.Once
	pages []uint16
}

func (rt *udRunTable) value(c rune) uint32 {
	rt.once.Do(func() {
		rt.pages = make([]uint16, 0x110000>>8)
		i := 0
		for p := range rt.pages {
			start := rune(p << 8)
			for i+1 < len(rt.runs) && rune(rt.runs[i+1]>>rt.shift) <= start {
				i++
			}
			rt.pages[p] = uint16(i)
		}
	})
	if c < 0 || c > 0x10FFFF {
		return 0
	}
	i := int(rt.pages[c>>8])
	for i+1 < len(rt.runs) && rune(rt.runs[i+1]>>rt.shift) <= c {
		i++
	}
	return rt.runs[i] & (1<<rt.shift - 1)
}

var (
	udCategoryTable  = &udRunTable{runs: udCategoryRuns, shift: 5}
	udBidiTable      = &udRunTable{runs: udBidiRuns, shift: 5}
	udEAWTable       = &udRunTable{runs: udEAWRuns, shift: 3}
	udCombiningTable = &udRunTable{runs: udCombiningRuns, shift: 8}
	udMirroredTable  = &udRunTable{runs: udMirroredRuns, shift: 1}

	// The property values as strs, made once.
	udCategoryStrs = internAll(udCategoryNames[:])
	udBidiStrs     = internAll(udBidiNames[:])
	udEAWStrs      = internAll(udEAWNames[:])
)

func internAll(names []string) []*Str {
	out := make([]*Str, len(names))
	for i, n := range names {
		out[i] = NewStr(n)
	}
	return out
}

// ucd32Value returns ucd_3_2_0's value of a property for c when it
// differs from the current one.
func ucd32Value(prop string, c rune) (string, bool) {
	runs := udUCD32[prop]
	i := sort.Search(len(runs), func(i int) bool { return runs[i].hi >= c })
	if i < len(runs) && runs[i].lo <= c {
		return runs[i].v, true
	}
	return "", false
}

func udCategory(c rune, old bool) string {
	if old {
		if v, ok := ucd32Value("category", c); ok {
			return v
		}
	}
	return udCategoryNames[udCategoryTable.value(c)]
}

// udUnassigned32 reports whether ucd_3_2_0 does not know c.
func udUnassigned32(c rune) bool { return udCategory(c, true) == "Cn" }

func udBidirectional(c rune, old bool) string {
	if old {
		if v, ok := ucd32Value("bidirectional", c); ok {
			return v
		}
	}
	return udBidiNames[udBidiTable.value(c)]
}

func udEastAsianWidth(c rune, old bool) string {
	if old {
		if v, ok := ucd32Value("east_asian_width", c); ok {
			return v
		}
	}
	return udEAWNames[udEAWTable.value(c)]
}

func udIntProp(prop string, rt *udRunTable, c rune, old bool) int {
	if old {
		if v, ok := ucd32Value(prop, c); ok {
			n, _ := strconv.Atoi(v)
			return n
		}
	}
	return int(rt.value(c))
}

// udCombining is the canonical combining class of the current database
// (normalization uses it for ucd_3_2_0 too, as unicodedata.c does).
func udCombining(c rune) int { return int(udCombiningTable.value(c)) }

// udDecomp is one decomposition: its tag ("" when canonical) and code
// points.
type udDecomp struct {
	tag string
	rs  []rune
}

var (
	udDecompOnce sync.Once
	udDecomps    map[rune]udDecomp
	udComposites map[[2]rune]rune
)

// loadDecomps parses udDecompText and builds the composition pairs.
func loadDecomps() {
	udDecompOnce.Do(func() {
		udDecomps = make(map[rune]udDecomp, 6000)
		udComposites = make(map[[2]rune]rune, 1000)
		excluded := make(map[rune]bool, len(udExclusions))
		for _, c := range udExclusions {
			excluded[c] = true
		}
		c := rune(0)
		for _, line := range strings.Split(strings.TrimSuffix(udDecompText, "\n"), "\n") {
			fields := strings.Fields(line)
			head := fields[0]
			var d udDecomp
			if last := head[len(head)-1]; last >= 'G' && last <= 'Z' {
				d.tag = udTags[last-'G']
				head = head[:len(head)-1]
			}
			delta, _ := strconv.ParseUint(head, 16, 32)
			c += rune(delta)
			d.rs = make([]rune, len(fields)-1)
			for i, h := range fields[1:] {
				v, _ := strconv.ParseUint(h, 16, 32)
				d.rs[i] = rune(v)
			}
			udDecomps[c] = d
			if d.tag == "" && len(d.rs) == 2 && !excluded[c] {
				udComposites[[2]rune{d.rs[0], d.rs[1]}] = c
			}
		}
	})
}

func udDecomposition(c rune, old bool) string {
	if old {
		if v, ok := ucd32Value("decomposition", c); ok {
			return v
		}
	}
	loadDecomps()
	d, ok := udDecomps[c]
	if !ok {
		return ""
	}
	var b strings.Builder
	b.WriteString(d.tag)
	for i, r := range d.rs {
		if i > 0 || d.tag != "" {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "%04X", r)
	}
	return b.String()
}

// udNumericOf returns the decimal, digit and numeric values of c (-1 for
// none, ok false when it has no numeric value) in the current database.
func udNumericOf(c rune) (dec, dig int, num float64, ok bool) {
	i := sort.Search(len(udNumeric), func(i int) bool { return udNumeric[i].start+rune(udNumeric[i].n) > c })
	if i == len(udNumeric) || udNumeric[i].start > c {
		return -1, -1, 0, false
	}
	r := udNumeric[i]
	num = r.value + float64(c-r.start)
	dec, dig = -1, -1
	if r.dec {
		dec = int(num)
	}
	if r.dig {
		dig = int(num)
	}
	return dec, dig, num, true
}

// udNumericValue returns decimal(c), digit(c) or numeric(c) (prop names
// which), or NULL when c has none.
func udNumericValue(prop string, c rune, old bool) Value {
	if old {
		if v, ok := ucd32Value(prop, c); ok {
			switch {
			case v == "":
				return Null
			case prop == "numeric":
				f, _ := strconv.ParseFloat(v, 64)
				return Float(f)
			}
			n, _ := strconv.ParseInt(v, 10, 64)
			return Int(n)
		}
	}
	dec, dig, num, ok := udNumericOf(c)
	switch {
	case !ok:
		return Null
	case prop == "numeric":
		return Float(num)
	case prop == "decimal" && dec >= 0:
		return Int(int64(dec))
	case prop == "digit" && dig >= 0:
		return Int(int64(dig))
	}
	return Null
}

// Hangul syllables (Unicode chapter 3.12).
const (
	hgS      = 0xAC00
	hgL      = 0x1100
	hgV      = 0x1161
	hgT      = 0x11A7
	hgLCount = 19
	hgVCount = 21
	hgTCount = 28
	hgN      = hgVCount * hgTCount
	hgSCount = hgLCount * hgN
)

func udIsCJK(c rune) bool {
	for _, r := range udCJKRanges {
		if r[0] <= c && c <= r[1] {
			return true
		}
	}
	return false
}

// udName returns the name of c, or "".
func udName(c rune, old bool) string {
	if old && udUnassigned32(c) {
		return ""
	}
	if hgS <= c && c < hgS+hgSCount {
		s := int(c - hgS)
		return "HANGUL SYLLABLE " + hangulL[s/hgN] + hangulV[s%hgN/hgTCount] + hangulT[s%hgTCount]
	}
	if udIsCJK(c) {
		return fmt.Sprintf("CJK UNIFIED IDEOGRAPH-%X", c)
	}
	if n, ok := udNameOverrides[c]; ok {
		return n
	}
	if udCategory(c, false) == "Cn" {
		return ""
	}
	n := runenames.Name(c)
	if strings.HasPrefix(n, "<") {
		return ""
	}
	return n
}

var (
	udNamesOnce sync.Once
	udByName    map[string]rune
)

// udCodeByName is the name database's lookup (not the algorithmic names):
// name is in upper case.
func udCodeByName(name string) (rune, bool) {
	udNamesOnce.Do(func() {
		udByName = make(map[string]rune, 45000)
		for i, e := range udCategoryRuns {
			cat := udCategoryNames[e&31]
			if cat == "Cn" || cat == "Cs" || cat == "Co" {
				continue
			}
			lo := rune(e >> 5)
			hi := rune(0x10FFFF)
			if i+1 < len(udCategoryRuns) {
				hi = rune(udCategoryRuns[i+1]>>5) - 1
			}
			for c := lo; c <= hi; c++ {
				if udIsCJK(c) || (hgS <= c && c < hgS+hgSCount) {
					continue
				}
				if n := udName(c, false); n != "" {
					udByName[n] = c
				}
			}
		}
	})
	r, ok := udByName[name]
	return r, ok
}

// asciiUpper upper-cases the ASCII letters of s (Py_TOUPPER).
func udASCIIUpper(s string) string {
	return strings.Map(func(r rune) rune {
		if 'a' <= r && r <= 'z' {
			return r - 32
		}
		return r
	}, s)
}

// hgSyllableCode decodes the short name of a Hangul syllable as
// find_syllable does: the longest matching jamo name at each step.
func hgSyllableCode(s string) (rune, bool) {
	longest := func(names []string) (int, int) {
		best, bestLen := -1, -1
		for i, nm := range names {
			if len(nm) > bestLen && strings.HasPrefix(s, nm) {
				best, bestLen = i, len(nm)
			}
		}
		return best, max(bestLen, 0)
	}
	l, n := longest(hangulL)
	s = s[n:]
	v, n2 := longest(hangulV)
	s = s[n2:]
	tt, n3 := longest(hangulT)
	s = s[n3:]
	if l < 0 || v < 0 || tt < 0 || s != "" {
		return 0, false
	}
	return rune(hgS + (l*hgVCount+v)*hgTCount + tt), true
}

// udLookup is lookup(name): the character (or named sequence) the name
// names.
func udLookup(name string, old bool) (string, bool) {
	if rest, ok := strings.CutPrefix(name, "HANGUL SYLLABLE "); ok {
		c, ok := hgSyllableCode(rest)
		if !ok {
			return "", false
		}
		return string(c), true
	}
	if rest, ok := strings.CutPrefix(name, "CJK UNIFIED IDEOGRAPH-"); ok {
		if len(rest) != 4 && len(rest) != 5 {
			return "", false
		}
		v := rune(0)
		for i := 0; i < len(rest); i++ {
			h := rest[i]
			switch {
			case '0' <= h && h <= '9':
				v = v*16 + rune(h-'0')
			case 'A' <= h && h <= 'F':
				v = v*16 + rune(h-'A'+10)
			default:
				return "", false
			}
		}
		if !udIsCJK(v) {
			return "", false
		}
		return string(v), true
	}
	up := udASCIIUpper(name)
	if c, ok := udCodeByName(up); ok {
		return string(c), true
	}
	if old {
		return "", false
	}
	if c, ok := parser.NameAlias(up); ok {
		return string(c), true
	}
	if s, ok := udNamedSequences[up]; ok {
		return s, true
	}
	return "", false
}

// udDecompose is nfd_nfkd: the full decomposition of rs (compatibility
// ones too when compat), canonically ordered.
func udDecompose(rs []rune, compat, old bool) []rune {
	loadDecomps()
	out := make([]rune, 0, len(rs)+len(rs)/2)
	var stack []rune
	for _, r := range rs {
		stack = append(stack[:0], r)
		for len(stack) > 0 {
			c := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if old {
				if v, ok := udUCD32Corrections[c]; ok {
					stack = append(stack, v)
					continue
				}
			}
			if hgS <= c && c < hgS+hgSCount {
				s := c - hgS
				out = append(out, hgL+s/hgN, hgV+s%hgN/hgTCount)
				if t := s % hgTCount; t != 0 {
					out = append(out, hgT+t)
				}
				continue
			}
			d, ok := udDecomps[c]
			if !ok || (old && udUnassigned32(c)) || (d.tag != "" && !compat) {
				out = append(out, c)
				continue
			}
			for i := len(d.rs) - 1; i >= 0; i-- {
				stack = append(stack, d.rs[i])
			}
		}
	}
	// Canonical ordering: a stable sort of each run of non-starters.
	for i := 0; i < len(out); {
		if udCombining(out[i]) == 0 {
			i++
			continue
		}
		j := i
		for j < len(out) && udCombining(out[j]) != 0 {
			j++
		}
		if j-i > 1 {
			run := out[i:j]
			sort.SliceStable(run, func(a, b int) bool { return udCombining(run[a]) < udCombining(run[b]) })
		}
		i = j
	}
	return out
}

// udCompose is the canonical composition of a decomposed, ordered text.
func udCompose(rs []rune) []rune {
	out := rs[:0:0]
	starter := -1
	lastCC := -1 // combining class of the last character kept after the starter; -1 right after it
	for _, c := range rs {
		cc := udCombining(c)
		if starter >= 0 && (lastCC == -1 || (lastCC != 0 && lastCC < cc)) {
			s := out[starter]
			if hgL <= s && s < hgL+hgLCount && hgV <= c && c < hgV+hgVCount && lastCC == -1 {
				out[starter] = hgS + ((s-hgL)*hgVCount+(c-hgV))*hgTCount
				continue
			}
			if hgS <= s && s < hgS+hgSCount && (s-hgS)%hgTCount == 0 && hgT < c && c < hgT+hgTCount && lastCC == -1 {
				out[starter] = s + (c - hgT)
				continue
			}
			if comp, ok := udComposites[[2]rune{s, c}]; ok {
				out[starter] = comp
				continue
			}
		}
		if cc == 0 {
			starter = len(out)
			lastCC = -1
		} else {
			lastCC = cc
		}
		out = append(out, c)
	}
	return out
}

// udNormalize is normalize(form, s); ok is false for an unknown form.
func udNormalize(form string, s *Str, old bool) (*Str, bool) {
	var compat, compose bool
	switch form {
	case "NFC":
		compose = true
	case "NFKC":
		compat, compose = true, true
	case "NFD":
	case "NFKD":
		compat = true
	default:
		return nil, false
	}
	if s.Len() == 0 {
		return s, true
	}
	if s.ascii {
		return s, true
	}
	rs := udDecompose(s.Runes(), compat, old)
	if compose {
		rs = udCompose(rs)
	}
	r := StrFromRunes(rs)
	if r.s == s.s {
		return s, true
	}
	return r, true
}

// udChar is the clinic int(accept={str}) converter: a str of one code
// point.
func udChar(t *Thread, fname string, argNum int, v Value) (rune, error) {
	s, ok := v.o.(*Str)
	if !ok || s.Len() != 1 {
		if argNum > 0 {
			return 0, t.typeErrorf("%s() argument %d must be a unicode character, not %s", fname, argNum, typeName(v))
		}
		return 0, t.typeErrorf("%s() argument must be a unicode character, not %s", fname, typeName(v))
	}
	return s.At(0), nil
}

// udFunc is one of the functions the module and UCD objects share: it
// gets the old flag (ucd_3_2_0) with the arguments.
type udFunc struct {
	name, doc string
	fn        func(t *Thread, old bool, prefix string, args []Value, kw []*Str) (Value, error)
}

func udCharFunc(name, doc string, get func(c rune, old bool) Value) udFunc {
	return udFunc{name, doc, func(t *Thread, old bool, prefix string, args []Value, kw []*Str) (Value, error) {
		if err := oneArg(t, prefix+name, args, kw); err != nil {
			return Null, err
		}
		c, err := udChar(t, name, 0, args[0])
		if err != nil {
			return Null, err
		}
		return get(c, old), nil
	}}
}

func udNumericFunc(name, doc, missing string) udFunc {
	return udFunc{name, doc, func(t *Thread, old bool, prefix string, args []Value, kw []*Str) (Value, error) {
		if len(kw) > 0 {
			return Null, t.typeErrorf("%s%s() takes no keyword arguments", prefix, name)
		}
		if err := checkPositional(t, name, args, kw, 1, 2); err != nil {
			return Null, err
		}
		c, err := udChar(t, name, 1, args[0])
		if err != nil {
			return Null, err
		}
		v := udNumericValue(name, c, old)
		if v.IsNull() {
			if len(args) > 1 {
				return args[1], nil
			}
			return Null, t.valueErrorf("%s", missing)
		}
		return v, nil
	}}
}

func udNormArgs(t *Thread, name, prefix string, args []Value, kw []*Str) (string, *Str, error) {
	if len(kw) > 0 {
		return "", nil, t.typeErrorf("%s%s() takes no keyword arguments", prefix, name)
	}
	if err := checkPositional(t, name, args, kw, 2, 2); err != nil {
		return "", nil, err
	}
	form, ok := args[0].o.(*Str)
	if !ok {
		return "", nil, t.typeErrorf("%s() argument 1 must be str, not %s", name, typeName(args[0]))
	}
	s, ok := args[1].o.(*Str)
	if !ok {
		return "", nil, t.typeErrorf("%s() argument 2 must be str, not %s", name, typeName(args[1]))
	}
	return form.s, s, nil
}

var udFuncs = []udFunc{
	udCharFunc("bidirectional", "Returns the bidirectional class assigned to the character chr as string.\n\nIf no such value is defined, an empty string is returned.",
		func(c rune, old bool) Value {
			if !old {
				return Value{o: udBidiStrs[udBidiTable.value(c)]}
			}
			return NewStrValue(udBidirectional(c, old))
		}),
	udCharFunc("category", "Returns the general category assigned to the character chr as string.",
		func(c rune, old bool) Value {
			if !old {
				return Value{o: udCategoryStrs[udCategoryTable.value(c)]}
			}
			return NewStrValue(udCategory(c, old))
		}),
	udCharFunc("combining", "Returns the canonical combining class assigned to the character chr as integer.\n\nReturns 0 if no combining class is defined.",
		func(c rune, old bool) Value { return Int(int64(udIntProp("combining", udCombiningTable, c, old))) }),
	udNumericFunc("decimal", "Converts a Unicode character into its equivalent decimal value.\n\nReturns the decimal value assigned to the character chr as integer.\nIf no such value is defined, default is returned, or, if not given,\nValueError is raised.", "not a decimal"),
	udCharFunc("decomposition", "Returns the character decomposition mapping assigned to the character chr as string.\n\nAn empty string is returned in case no such mapping is defined.",
		func(c rune, old bool) Value { return NewStrValue(udDecomposition(c, old)) }),
	udNumericFunc("digit", "Converts a Unicode character into its equivalent digit value.\n\nReturns the digit value assigned to the character chr as integer.\nIf no such value is defined, default is returned, or, if not given,\nValueError is raised.", "not a digit"),
	udCharFunc("east_asian_width", "Returns the east asian width assigned to the character chr as string.",
		func(c rune, old bool) Value {
			if !old {
				return Value{o: udEAWStrs[udEAWTable.value(c)]}
			}
			return NewStrValue(udEastAsianWidth(c, old))
		}),
	{"is_normalized", "Return whether the Unicode string unistr is in the normal form 'form'.\n\nValid values for form are 'NFC', 'NFKC', 'NFD', and 'NFKD'.",
		func(t *Thread, old bool, prefix string, args []Value, kw []*Str) (Value, error) {
			form, s, err := udNormArgs(t, "is_normalized", prefix, args, kw)
			if err != nil {
				return Null, err
			}
			r, ok := udNormalize(form, s, old)
			if !ok {
				return Null, t.valueErrorf("invalid normalization form")
			}
			return Bool(r.s == s.s), nil
		}},
	{"lookup", "Look up character by name.\n\nIf a character with the given name is found, return the\ncorresponding character.  If not found, KeyError is raised.",
		func(t *Thread, old bool, prefix string, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, prefix+"lookup", args, kw); err != nil {
				return Null, err
			}
			var name string
			switch o := args[0].o.(type) {
			case *Str:
				b, err := encodeStr(t, o, "utf-8", "strict")
				if err != nil {
					return Null, err
				}
				name = string(b)
			case *Bytes:
				name = string(o.b)
			default:
				if isBufferObject(args[0]) {
					return Null, t.typeErrorf("lookup() argument must be read-only bytes-like object, not %s", typeName(args[0]))
				}
				return Null, t.typeErrorf("a bytes-like object is required, not '%s'", typeName(args[0]))
			}
			if len(name) > 256 {
				return Null, NewException(KeyErrorType, NewStrValue("name too long"))
			}
			r, ok := udLookup(name, old)
			if !ok {
				shown := name
				if i := strings.IndexByte(shown, 0); i >= 0 {
					shown = shown[:i]
				}
				return Null, NewException(KeyErrorType, NewStrValue(fmt.Sprintf("undefined character name '%s'", strings.ToValidUTF8(shown, "\uFFFD"))))
			}
			return NewStrValue(r), nil
		}},
	udCharFunc("mirrored", "Returns the mirrored property assigned to the character chr as integer.\n\nReturns 1 if the character has been identified as a \"mirrored\"\ncharacter in bidirectional text, 0 otherwise.",
		func(c rune, old bool) Value { return Int(int64(udIntProp("mirrored", udMirroredTable, c, old))) }),
	{"name", "Returns the name assigned to the character chr as a string.\n\nIf no name is defined, default is returned, or, if not given,\nValueError is raised.",
		func(t *Thread, old bool, prefix string, args []Value, kw []*Str) (Value, error) {
			if len(kw) > 0 {
				return Null, t.typeErrorf("%sname() takes no keyword arguments", prefix)
			}
			if err := checkPositional(t, "name", args, kw, 1, 2); err != nil {
				return Null, err
			}
			c, err := udChar(t, "name", 1, args[0])
			if err != nil {
				return Null, err
			}
			n := udName(c, old)
			if n == "" {
				if len(args) > 1 {
					return args[1], nil
				}
				return Null, t.valueErrorf("no such name")
			}
			return NewStrValue(n), nil
		}},
	{"normalize", "Return the normal form 'form' for the Unicode string unistr.\n\nValid values for form are 'NFC', 'NFKC', 'NFD', and 'NFKD'.",
		func(t *Thread, old bool, prefix string, args []Value, kw []*Str) (Value, error) {
			form, s, err := udNormArgs(t, "normalize", prefix, args, kw)
			if err != nil {
				return Null, err
			}
			r, ok := udNormalize(form, s, old)
			if !ok {
				return Null, t.valueErrorf("invalid normalization form")
			}
			if r == s {
				return args[1], nil
			}
			return Value{o: r}, nil
		}},
	udNumericFunc("numeric", "Converts a Unicode character into its equivalent numeric value.\n\nReturns the numeric value assigned to the character chr as float.\nIf no such value is defined, default is returned, or, if not given,\nValueError is raised.", "not a numeric character"),
}

func setupUnicodedata() {
	ut := UCDType
	ut.Dict.SetStr("__doc__", None)
	ut.New = noInstances
	defGetSet(ut, "unidata_version", func(t *Thread, self Value) (Value, error) {
		return NewStrValue(self.o.(*ucdObject).version), nil
	}, nil)
	for _, f := range udFuncs {
		f := f
		defMethods(ut, MethodDef{Name: f.name, Doc: f.doc, Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return f.fn(t, true, "UCD.", args, kw)
		}})
	}
	ucd320.cls = ut
	capsuleType.Repr = func(t *Thread, v Value) (Value, error) {
		c := v.o.(*capsule)
		return NewStrValue(fmt.Sprintf("<capsule object %q at %#x>", c.name, identityOf(v))), nil
	}
}

func initUnicodedata(t *Thread, m *Module) error {
	m.Set("__doc__", NewStrValue("This module provides access to the Unicode Character Database which\ndefines character properties for all Unicode characters. The data in\nthis database is based on the UnicodeData.txt file version\n"+udVersion+" which is publicly available from ftp://ftp.unicode.org/.\n\nThe module uses the same names and symbols as defined by the\nUnicodeData File Format "+udVersion+"."))
	m.Set("unidata_version", NewStrValue(udVersion))
	m.addType(UCDType)
	m.Set("ucd_3_2_0", Value{o: ucd320})
	m.Set("_ucnhash_CAPI", Value{o: &capsule{ObjectBase: ObjectBase{cls: capsuleType}, name: "unicodedata._ucnhash_CAPI"}})
	for _, f := range udFuncs {
		f := f
		addFuncDoc(m, f.name, f.doc, func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return f.fn(t, false, "unicodedata.", args, kw)
		})
	}
	return nil
}
