package vm

import (
	"math"
	"math/rand"
	"os"
	"testing"

	"github.com/peephole-lsp/peephole/internal/pyconst"
)

// The double-double fast paths must agree with the big.Float versions
// whenever they answer (PEEPHOLE_MATH_SWEEP=1 checks many more points).
func TestFastPathsAgree(t *testing.T) {
	n := 600
	if os.Getenv("PEEPHOLE_MATH_SWEEP") == "1" {
		n = 200000
	}
	rng := rand.New(rand.NewSource(1))
	randIn := func(lo, hi float64) float64 {
		x := lo + (hi-lo)*rng.Float64()
		switch rng.Intn(4) {
		case 0:
			x *= math.Ldexp(1, -rng.Intn(60))
		case 1:
			x = math.Float64frombits(math.Float64bits(x) ^ uint64(rng.Intn(1<<20)))
		}
		return x
	}
	type check struct {
		name   string
		lo, hi float64
		fast   func(x float64) (float64, bool)
		slow   func(x float64) float64
	}
	checks := []check{
		{"exp", -708, 709, fastExp, pyconst.CrExp},
		{"log", 0, 1e300, fastLog, pyconst.CrLog},
		{"sin", -1e6, 1e6, func(x float64) (float64, bool) { return fastSinCosTan(x, 0) }, pyconst.CrSin},
		{"cos", -1e6, 1e6, func(x float64) (float64, bool) { return fastSinCosTan(x, 1) }, pyconst.CrCos},
		{"tan", -100, 100, func(x float64) (float64, bool) { return fastSinCosTan(x, 2) }, func(x float64) float64 {
			s, c := pyconst.BigSinCos(x)
			return round53(newBF().Quo(s, c))
		}},
		{"atan", -1e10, 1e10, fastAtan, func(x float64) float64 { return round53(pyconst.BigAtan(bf(x), crWP)) }},
		{"atan2", -10, 10, func(x float64) (float64, bool) { return fastAtan2(x, 1.7-x) }, func(x float64) float64 { return pyconst.CrAtan2(x, 1.7-x) }},
		{"pow", 0, 20, func(x float64) (float64, bool) { return fastPowPos(x, 1/x*30-7) }, func(x float64) float64 { return pyconst.CrPow(x, 1/x*30-7) }},
		{"exp2", -1000, 1000, fastExp2, func(x float64) float64 { return pyconst.CrPow(2, x) }},
	}
	for _, c := range checks {
		misses := 0
		for i := 0; i < n; i++ {
			x := randIn(c.lo, c.hi)
			got, ok := c.fast(x)
			if !ok {
				misses++
				continue
			}
			if want := c.slow(x); got != want && !(math.IsNaN(got) && math.IsNaN(want)) {
				t.Errorf("%s(%x) = %x by the fast path, %x correctly rounded", c.name, x, got, want)
			}
		}
		if misses > n/2 {
			t.Errorf("%s: the fast path declined %d of %d arguments", c.name, misses, n)
		}
	}
}
