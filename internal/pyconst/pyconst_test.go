package pyconst

// Tests that need no oracle: invariants, round trips, allocation counts and
// fuzz targets. Expected Python behaviour is checked in oracle_test.go.

import (
	"errors"
	"math"
	"math/big"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestStrCodePoints(t *testing.T) {
	rs := []rune{'a', 0xe9, 0xd800, 0xdc00, 0xd83d, 0xde00, 0x1f600, 0xffff, 0x10ffff, 0}
	s := StrFromRunes(rs)
	if got := s.Runes(); string(rs) != string(got) || len(got) != len(rs) {
		t.Fatalf("Runes() = %U, want %U", got, rs)
	}
	if s.Len() != len(rs) {
		t.Errorf("Len() = %d, want %d", s.Len(), len(rs))
	}
	if !s.HasSurrogates() {
		t.Error("HasSurrogates() = false")
	}
	if _, ok := s.UTF8(); ok {
		t.Error("UTF8() succeeded on a string with surrogates")
	}
	if s.Kind() != 4 || Str("é").Kind() != 1 || StrFromRunes([]rune{0xd800}).Kind() != 2 || Str("").Kind() != 1 {
		t.Error("Kind() is wrong")
	}
	// A surrogate pair stays two code points, distinct from the astral one.
	pair := StrFromRunes([]rune{0xd83d, 0xde00})
	if pair == Str("😀") || pair.Len() != 2 || Str("😀").Len() != 1 {
		t.Error("surrogate pair merged with the astral character")
	}
	if u, ok := Str("héllo 😀").UTF8(); !ok || u != "héllo 😀" {
		t.Error("UTF8() of plain text")
	}
	if _, ok := StrFromUTF8("\xff"); ok {
		t.Error("StrFromUTF8 accepted invalid UTF-8")
	}
	// Every code point survives the trip through the encoding.
	for r := rune(0); r < 0x110000; r++ {
		b := AppendRune(nil, r)
		got, n := DecodeRune(string(b))
		if got != r || n != len(b) {
			t.Fatalf("U+%04X: decoded as U+%04X (%d of %d bytes)", r, got, n, len(b))
		}
	}
}

func TestIllFormedStr(t *testing.T) {
	s := Str("a\xffb\xed\xa0")
	if s.Len() != 5 {
		t.Errorf("Len() = %d, want 5", s.Len())
	}
	r := s.String()
	if !utf8.ValidString(r) || r != "'a\ufffdb\ufffd\ufffd'" {
		t.Errorf("repr of ill-formed Str = %q", r)
	}
}

func TestSmallIntsDoNotAllocate(t *testing.T) {
	a, b := IntFromInt64(123456789), IntFromInt64(-987654321)
	var sink Int
	n := testing.AllocsPerRun(100, func() {
		x := a.Add(b).Mul(b).Sub(a)
		q, _ := x.FloorDiv(b)
		m, _ := x.Mod(a)
		s, _ := q.LShift(IntFromInt64(3))
		p, _ := IntFromInt64(3).Pow(IntFromInt64(20))
		sink = s.Xor(m).And(p).Or(x).Neg().Invert()
		lit, _ := ParseIntLiteral("1_234_567")
		sink = sink.Add(lit)
		_ = sink.Hash()
	})
	if n != 0 {
		t.Errorf("small-int arithmetic allocates %v times", n)
	}
	if !sink.IsSmall() {
		t.Error("result unexpectedly big")
	}
}

func TestIntNormalization(t *testing.T) {
	big63 := new(big.Int).Lsh(big.NewInt(1), 63)
	x := IntFromBig(big63)
	if x.IsSmall() {
		t.Fatal("2**63 is small")
	}
	if y := x.Sub(IntFromInt64(1)); !y.IsSmall() {
		t.Error("2**63-1 kept a big.Int")
	}
	if v, ok := x.Neg().Int64(); !ok || v != math.MinInt64 {
		t.Error("-(2**63) is not the small MinInt64")
	}
	// IntFromBig copies.
	b := big.NewInt(1)
	b.Lsh(b, 100)
	y := IntFromBig(b)
	b.SetInt64(0)
	if y.BitLen() != 101 {
		t.Error("IntFromBig did not copy its argument")
	}
	if IntFromUint64(math.MaxUint64).Text(16) != "ffffffffffffffff" {
		t.Error("IntFromUint64")
	}
}

func TestErrors(t *testing.T) {
	_, err := IntFromInt64(1).FloorDiv(Int{})
	var pe *Error
	if !errors.As(err, &pe) || pe.Type != "ZeroDivisionError" {
		t.Errorf("1 // 0: %v", err)
	}
	_, err = ParseIntLiteral(strings.Repeat("7", 4301))
	var le *DigitLimitError
	if !errors.As(err, &le) || le.Digits != 4301 {
		t.Errorf("long literal: %v", err)
	}
	_, err = Tuple{IntFromInt64(1), IntFromBig(pow10(4300))}.Repr()
	if !errors.As(err, &le) || le.Digits != 0 {
		t.Errorf("tuple with a huge int: %v", err)
	}
	if s := (Tuple{IntFromBig(pow10(4300))}).String(); len(s) != 4304 {
		t.Errorf("String() applies the digit limit: %d bytes", len(s))
	}
}

func TestEqual(t *testing.T) {
	eq := [][2]Value{
		{IntFromInt64(1), Float(1)}, {True, IntFromInt64(1)}, {Complex{1, 0}, True},
		{Float(math.Copysign(0, -1)), IntFromInt64(0)}, {IntFromBig(pow10(22)), Float(1e22)},
		{Tuple{Float(2), Str("a")}, Tuple{IntFromInt64(2), Str("a")}},
		{NewFrozenSet([]Value{IntFromInt64(1), IntFromInt64(2)}), NewFrozenSet([]Value{Float(2), True})},
	}
	ne := [][2]Value{
		{IntFromBig(pow10(23)), Float(1e23)}, {Float(math.NaN()), Float(math.NaN())}, {Str("a"), Bytes("a")},
		{IntFromInt64(1<<53 + 1), Float(1 << 53)}, {Complex{1, 1}, IntFromInt64(1)}, {None, False},
		{Tuple{IntFromInt64(1)}, Tuple{IntFromInt64(1), IntFromInt64(1)}},
	}
	for _, p := range eq {
		if !Equal(p[0], p[1]) || !Equal(p[1], p[0]) {
			t.Errorf("%v != %v", p[0], p[1])
		}
	}
	for _, p := range ne {
		if Equal(p[0], p[1]) || Equal(p[1], p[0]) {
			t.Errorf("%v == %v", p[0], p[1])
		}
	}
}

func TestFloatReprRoundTrips(t *testing.T) {
	rng := newRand()
	for range 100000 {
		f := math.Float64frombits(rng.Uint64())
		s := Float(f).String()
		g, err := strconv.ParseFloat(s, 64)
		if math.IsNaN(f) {
			if s != "nan" {
				t.Fatalf("repr of NaN %x = %s", math.Float64bits(f), s)
			}
			continue
		}
		if err != nil && !math.IsInf(f, 0) || math.Float64bits(g) != math.Float64bits(f) {
			t.Fatalf("repr %s of %x reads back as %x (%v)", s, math.Float64bits(f), math.Float64bits(g), err)
		}
	}
}

func FuzzParseIntLiteral(f *testing.F) {
	for _, s := range []string{"0", "00", "0_0", "1_000", "0x_fF", "0o17", "0b1_0", "9223372036854775808",
		"0x" + strings.Repeat("f", 40), "09", "1__0", "0x", "_", "", "1e5", strings.Repeat("1", 4301)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		x, err := ParseIntLiteral(text)
		if err != nil {
			return
		}
		if x.big != nil && x.big.IsInt64() {
			t.Fatalf("%q: not normalized", text)
		}
		if x.Sign() < 0 {
			t.Fatalf("%q: negative", text)
		}
		clean := strings.ReplaceAll(text, "_", "")
		if len(clean) > 1 && clean[0] == '0' && clean[1] > '9' {
			base := map[byte]int{'x': 16, 'X': 16, 'o': 8, 'O': 8, 'b': 2, 'B': 2}[clean[1]]
			want, ok := new(big.Int).SetString(clean[2:], base)
			if !ok || want.Cmp(x.bigOf()) != 0 {
				t.Fatalf("%q = %s, want %v", text, x, want)
			}
		} else if strings.TrimLeft(clean, "0") != "" && x.String() != clean {
			t.Fatalf("%q = %s", text, x)
		}
	})
}

func FuzzParseFloatLiteral(f *testing.F) {
	for _, s := range []string{"1.5", ".5", "5.", "1e5", "1_000.5e1_0", "1e400", "1e-400", "0.0", "1._5", "e5",
		"1e", "inf", "0x1p3", "1_e5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		v, err := ParseFloatLiteral(text)
		if err != nil {
			return
		}
		want, _ := strconv.ParseFloat(strings.ReplaceAll(text, "_", ""), 64)
		if math.Float64bits(want) != math.Float64bits(float64(v)) {
			t.Fatalf("%q = %v, want %v", text, v, want)
		}
		if _, err := ParseImaginaryLiteral(text + "j"); err != nil {
			t.Fatalf("%q is a float literal but %qj is no imaginary literal: %v", text, text, err)
		}
		_ = v.String()
	})
}

func FuzzParseImaginaryLiteral(f *testing.F) {
	for _, s := range []string{"1j", "1.5J", "1_0e3j", "010j", "j", "1_j", "0x1j", ".j", "1e5jj"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		c, err := ParseImaginaryLiteral(text)
		if err != nil {
			return
		}
		if c.Real != 0 || math.Signbit(c.Real) {
			t.Fatalf("%q: real part %v", text, c.Real)
		}
		_ = c.String()
		_ = c.Hash()
	})
}

func FuzzStr(f *testing.F) {
	for _, s := range []string{"", "abc", "it's \"x\"", "\xed\xa0\x80", "\xff", "😀\x00\x7f\u0085"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		x := Str(s)
		r := x.String()
		if !utf8.ValidString(r) {
			t.Fatalf("repr %q is not valid UTF-8", r)
		}
		n := 0
		for range x.CodePoints() {
			n++
		}
		if n != x.Len() {
			t.Fatalf("Len() = %d, CodePoints gives %d", x.Len(), n)
		}
		if utf8.ValidString(s) && StrFromRunes(x.Runes()) != x {
			t.Fatalf("%q does not survive Runes/StrFromRunes", s)
		}
		_ = x.Hash()
		_ = Bytes(s).String()
		_ = Bytes(s).Hash()
	})
}

func BenchmarkParseIntLiteral(b *testing.B) {
	for b.Loop() {
		_, _ = ParseIntLiteral("1_000_000")
	}
}

func BenchmarkParseFloatLiteral(b *testing.B) {
	for b.Loop() {
		_, _ = ParseFloatLiteral("3.141_592_653_589_793")
	}
}

func BenchmarkFloatRepr(b *testing.B) {
	for b.Loop() {
		_, _ = Float(0.1).Repr()
	}
}

func BenchmarkStrRepr(b *testing.B) {
	s := Str("hello, wörld\n")
	for b.Loop() {
		_, _ = s.Repr()
	}
}

func BenchmarkStrHash(b *testing.B) {
	s := Str("__init__")
	for b.Loop() {
		_ = s.Hash()
	}
}
