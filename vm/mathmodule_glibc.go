package vm

import (
	"math"
	"math/big"
	"sync"

	"github.com/peephole-lsp/peephole/internal/pyconst"
)

// glibc's exp and exp2 (the table-driven algorithm glibc has used since
// 2.28: x = k·ln2/128 + r, e**x = 2**(k/128)·e**r, a degree-5 polynomial
// for e**r and a table of 2**(k/128) as a double and a relative tail).
// They are not correctly rounded (0.51 ulp), so CPython on glibc prints
// their roundings, which these reproduce operation for operation: exp as
// glibc's FMA build computes it (the one an x86-64 CPU with FMA runs),
// exp2 as its plain build does. The table is computed here from its
// definition, 2**(k/128) = H[k]·(1 + T[k]) with H[k] the nearest double.

const (
	expN        = 128
	expInvLn2N  = 0x1.71547652b82fep0 * expN
	expNegLn2Hi = -0x1.62e42fefa0000p-8
	expNegLn2Lo = -0x1.cf79abc9e3b3ap-47
	expShift    = 0x1.8p52
	expC2       = 0x1.ffffffffffdbdp-2
	expC3       = 0x1.555555555543cp-3
	expC4       = 0x1.55555cf172b91p-5
	expC5       = 0x1.1111167a4d017p-7
	exp2Shift   = 0x1.8p52 / expN
	exp2C1      = 0x1.62e42fefa39efp-1
	exp2C2      = 0x1.ebfbdff82c424p-3
	exp2C3      = 0x1.c6b08d70cf4b5p-5
	exp2C4      = 0x1.3b2abd24650ccp-7
	exp2C5      = 0x1.5d7e09b4e3a84p-10
)

var (
	expTabOnce sync.Once
	expTab     [2 * expN]uint64 // T[k] bits, H[k] bits - (k << 52)/N
)

func initExpTab() {
	expTabOnce.Do(func() {
		ln2 := pyconst.BigLog(newBF().SetInt64(2), crWP)
		for k := 0; k < expN; k++ {
			a := newBF().Mul(ln2, newBF().SetInt64(int64(k)))
			a.Quo(a, newBF().SetInt64(expN))
			v := pyconst.BigExp(a, crWP)
			h, _ := v.Float64()
			tail := newBF().Sub(v, new(big.Float).SetFloat64(h))
			tail.Quo(tail, new(big.Float).SetFloat64(h))
			t, _ := tail.Float64()
			expTab[2*k] = math.Float64bits(t)
			expTab[2*k+1] = math.Float64bits(h) - uint64(k)<<45
		}
	})
}

func top12(x float64) uint32 { return uint32(math.Float64bits(x) >> 52) }

// expSpecial is the scaling of results near the ends of the range
// (specialcase): fused says whether the FMA build's contractions apply.
func expSpecial(tmp float64, sbits, ki uint64, fused bool) float64 {
	if ki&0x80000000 == 0 {
		// k > 0: the exponent of scale may have overflowed by up to 460.
		sbits -= 1009 << 52
		scale := math.Float64frombits(sbits)
		var y float64
		if fused {
			y = math.FMA(scale, tmp, scale)
		} else {
			y = scale + float64(scale*tmp)
		}
		return 0x1p1009 * y
	}
	// k < 0: round before scaling into the subnormal range.
	sbits += 1022 << 52
	scale := math.Float64frombits(sbits)
	p := float64(scale * tmp) // shared by the two sums, in two blocks
	y := scale + p
	if y < 1.0 {
		lo := scale - y + p
		hi := 1.0 + y
		lo = 1.0 - hi + y + lo
		y = (hi + lo) - 1.0
		if y == 0 {
			y = 0
		}
	}
	return 0x1p-1022 * y
}

// glibcExp is glibc's exp (FMA build).
func glibcExp(x float64) float64 {
	initExpTab()
	abstop := top12(x) & 0x7ff
	if abstop-top12(0x1p-54) >= top12(512.0)-top12(0x1p-54) {
		if abstop-top12(0x1p-54) >= 0x80000000 {
			return 1.0 + x
		}
		if abstop >= top12(1024.0) {
			switch {
			case math.IsInf(x, -1):
				return 0
			case abstop >= top12(math.Inf(1)):
				return 1.0 + x
			case math.Signbit(x):
				return 0
			}
			return math.Inf(1)
		}
		abstop = 0
	}
	kd := math.FMA(expInvLn2N, x, expShift)
	ki := math.Float64bits(kd)
	kd -= expShift
	r := math.FMA(kd, expNegLn2Lo, math.FMA(kd, expNegLn2Hi, x))
	idx := 2 * (ki % expN)
	top := ki << (52 - 7)
	tail := math.Float64frombits(expTab[idx])
	sbits := expTab[idx+1] + top
	r2 := r * r
	rr := r2 * r2
	tmp := math.FMA(rr, math.FMA(r, expC5, expC4), math.FMA(r2, math.FMA(r, expC3, expC2), tail+r))
	if abstop == 0 {
		return expSpecial(tmp, sbits, ki, true)
	}
	scale := math.Float64frombits(sbits)
	return math.FMA(scale, tmp, scale)
}

// glibcExp2 is glibc's exp2 (plain build).
func glibcExp2(x float64) float64 {
	initExpTab()
	abstop := top12(x) & 0x7ff
	if abstop-top12(0x1p-54) >= top12(512.0)-top12(0x1p-54) {
		if abstop-top12(0x1p-54) >= 0x80000000 {
			return 1.0 + x
		}
		if abstop >= top12(1024.0) {
			switch {
			case math.IsInf(x, -1):
				return 0
			case abstop >= top12(math.Inf(1)):
				return 1.0 + x
			case !math.Signbit(x):
				return math.Inf(1)
			case math.Float64bits(x) >= math.Float64bits(-1075.0):
				return 0
			}
		}
		if 2*math.Float64bits(x) > 2*math.Float64bits(928.0) {
			abstop = 0
		}
	}
	kd := x + exp2Shift
	ki := math.Float64bits(kd)
	kd -= exp2Shift
	r := x - kd
	idx := 2 * (ki % expN)
	top := ki << (52 - 7)
	tail := math.Float64frombits(expTab[idx])
	sbits := expTab[idx+1] + top
	r2 := r * r
	tmp := tail + float64(r*exp2C1) + float64(r2*(exp2C2+float64(r*exp2C3))) + float64(float64(r2*r2)*(exp2C4+float64(r*exp2C5)))
	if abstop == 0 {
		return expSpecial(tmp, sbits, ki, false)
	}
	scale := math.Float64frombits(sbits)
	return scale + float64(scale*tmp)
}

// glibc's pow (same family): log(x) to about 68 bits from a table of
// 1/c, log(c) for 128 subintervals of [0x1.69555p-1, 0x1.69555p0), then
// exp of y·log(x) with its tail; the FMA build. The table follows its
// definition: 1/c = round(N/center)/N (or round(2N/center)/2N above 1),
// logc = log(c) rounded to a multiple of 2**-43, logctail the rest.

const (
	powOff   = 0x3fe6955500000000
	powLn2Hi = 0x1.62e42fefa3800p-1
	powLn2Lo = 0x1.ef35793c76730p-45
)

var powA = [7]float64{
	-0x1p-1,
	0x1.555555555556p-2 * -2,
	-0x1.0000000000006p-2 * -2,
	0x1.999999959554ep-3 * 4,
	-0x1.555555529a47ap-3 * 4,
	0x1.2495b9b4845e9p-3 * -8,
	-0x1.0002b8b263fc3p-3 * -8,
}

type powLogEntry struct{ invc, logc, logctail float64 }

var (
	powTabOnce sync.Once
	powTab     [128]powLogEntry
)

func initPowTab() {
	powTabOnce.Do(func() {
		const n = 128
		for i := 0; i < n; i++ {
			lo := new(big.Float).SetFloat64(math.Float64frombits(powOff + uint64(i)<<45))
			hi := new(big.Float).SetFloat64(math.Float64frombits(powOff + uint64(i+1)<<45))
			center := newBF().Add(lo, hi)
			center.SetMantExp(center, -1)
			var invc float64
			if center.Cmp(big.NewFloat(1)) < 0 {
				q, _ := newBF().Quo(newBF().SetInt64(n), center).Float64()
				invc = math.RoundToEven(q) / n
			} else {
				q, _ := newBF().Quo(newBF().SetInt64(2*n), center).Float64()
				invc = math.RoundToEven(q) / n / 2
			}
			// log(c) = -log(1/c)
			l := pyconst.BigLog(new(big.Float).SetPrec(crWP).SetFloat64(invc), crWP)
			l.Neg(l)
			scaled, _ := newBF().SetMantExp(l, 43).Float64()
			logc := math.RoundToEven(scaled) / 0x1p43
			tail, _ := newBF().Sub(l, new(big.Float).SetFloat64(logc)).Float64()
			powTab[i] = powLogEntry{invc, logc, tail}
		}
	})
}

// powLogInline is log_inline: log(x) = hi + tail for the bit pattern ix
// of a positive x (subnormals normalized with a negative exponent).
func powLogInline(ix uint64) (float64, float64) {
	tmp := ix - powOff
	i := (tmp >> 45) % 128
	k := int64(tmp) >> 52
	iz := ix - (tmp & (0xfff << 52))
	z := math.Float64frombits(iz)
	kd := float64(k)
	e := powTab[i]
	r := math.FMA(z, e.invc, -1.0)
	t1 := math.FMA(kd, powLn2Hi, e.logc)
	t2 := t1 + r
	lo1 := math.FMA(kd, powLn2Lo, e.logctail)
	lo2 := t1 - t2 + r
	ar := powA[0] * r
	ar2 := r * ar
	ar3 := r * ar2
	hi := t2 + ar2
	lo3 := math.FMA(ar, r, -ar2)
	lo4 := t2 - hi + ar2
	q := math.FMA(ar2, math.FMA(ar2, math.FMA(r, powA[6], powA[5]), math.FMA(r, powA[4], powA[3])), math.FMA(r, powA[2], powA[1]))
	lo := math.FMA(ar3, q, lo1+lo2+lo3+lo4)
	y := hi + lo
	return y, hi - y + lo
}

// powExpInline is exp_inline: sign·e**(x + xtail), sign negative when
// negate.
func powExpInline(x, xtail float64, negate bool) float64 {
	var signBias uint64
	if negate {
		signBias = 0x800 << 7
	}
	abstop := top12(x) & 0x7ff
	if abstop-top12(0x1p-54) >= top12(512.0)-top12(0x1p-54) {
		if abstop-top12(0x1p-54) >= 0x80000000 {
			one := 1.0 + x
			if negate {
				return -one
			}
			return one
		}
		if abstop >= top12(1024.0) {
			r := math.Inf(1)
			if math.Signbit(x) {
				r = 0
			}
			if negate {
				return -r
			}
			return r
		}
		abstop = 0
	}
	kd := math.FMA(expInvLn2N, x, expShift)
	ki := math.Float64bits(kd)
	kd -= expShift
	r := math.FMA(kd, expNegLn2Lo, math.FMA(kd, expNegLn2Hi, x))
	r += xtail
	idx := 2 * (ki % expN)
	top := (ki + signBias) << (52 - 7)
	tail := math.Float64frombits(expTab[idx])
	sbits := expTab[idx+1] + top
	r2 := r * r
	rr := r2 * r2
	tmp := math.FMA(rr, math.FMA(r, expC5, expC4), math.FMA(r2, math.FMA(r, expC3, expC2), tail+r))
	if abstop == 0 {
		return powSpecial(tmp, sbits, ki)
	}
	scale := math.Float64frombits(sbits)
	return math.FMA(scale, tmp, scale)
}

// powSpecial is pow's specialcase (signed scale).
func powSpecial(tmp float64, sbits, ki uint64) float64 {
	if ki&0x80000000 == 0 {
		sbits -= 1009 << 52
		scale := math.Float64frombits(sbits)
		return 0x1p1009 * math.FMA(scale, tmp, scale)
	}
	sbits += 1022 << 52
	scale := math.Float64frombits(sbits)
	p := float64(scale * tmp)
	y := scale + p
	if math.Abs(y) < 1.0 {
		one := 1.0
		if y < 0 {
			one = -1.0
		}
		lo := scale - y + p
		hi := one + y
		lo = one - hi + y + lo
		y = (hi + lo) - one
		if y == 0 {
			y = math.Float64frombits(sbits & 0x8000000000000000)
		}
	}
	return 0x1p-1022 * y
}

// powCheckInt is checkint: 0 not an integer, 1 odd, 2 even.
func powCheckInt(iy uint64) int {
	e := int(iy >> 52 & 0x7ff)
	switch {
	case e < 0x3ff:
		return 0
	case e > 0x3ff+52:
		return 2
	case iy&(1<<uint(0x3ff+52-e)-1) != 0:
		return 0
	case iy&(1<<uint(0x3ff+52-e)) != 0:
		return 1
	}
	return 2
}

func zeroInfNaN(i uint64) bool { return 2*i-1 >= 2*math.Float64bits(math.Inf(1))-1 }

// glibcPow is glibc's pow (FMA build), with C99's special values.
func glibcPow(x, y float64) float64 {
	initExpTab()
	initPowTab()
	negate := false
	ix, iy := math.Float64bits(x), math.Float64bits(y)
	topx, topy := top12(x), top12(y)
	if topx-0x001 >= 0x7ff-0x001 || (topy&0x7ff)-0x3be >= 0x43e-0x3be {
		if zeroInfNaN(iy) {
			switch {
			case 2*iy == 0:
				return 1.0
			case ix == math.Float64bits(1.0):
				return 1.0
			case 2*ix > 2*math.Float64bits(math.Inf(1)) || 2*iy > 2*math.Float64bits(math.Inf(1)):
				return x + y
			case 2*ix == 2*math.Float64bits(1.0):
				return 1.0
			case (2*ix < 2*math.Float64bits(1.0)) == (iy>>63 == 0):
				return 0.0
			}
			return y * y
		}
		if zeroInfNaN(ix) {
			x2 := x * x
			if ix>>63 != 0 && powCheckInt(iy) == 1 {
				x2 = -x2
			}
			if iy>>63 != 0 {
				return 1 / x2
			}
			return x2
		}
		if ix>>63 != 0 {
			yint := powCheckInt(iy)
			if yint == 0 {
				return math.NaN()
			}
			if yint == 1 {
				negate = true
			}
			ix &= 0x7fffffffffffffff
			topx &= 0x7ff
		}
		if (topy&0x7ff)-0x3be >= 0x43e-0x3be {
			if ix == math.Float64bits(1.0) {
				return 1.0
			}
			if topy&0x7ff < 0x3be {
				if ix > math.Float64bits(1.0) {
					return 1.0 + y
				}
				return 1.0 - y
			}
			if (ix > math.Float64bits(1.0)) == (topy < 0x800) {
				return math.Inf(1)
			}
			return 0
		}
		if topx == 0 {
			ix = math.Float64bits(math.Float64frombits(ix) * 0x1p52)
			ix &= 0x7fffffffffffffff
			ix -= 52 << 52
		}
	}
	hi, lo := powLogInline(ix)
	ehi := y * hi
	elo := math.FMA(y, lo, math.FMA(y, hi, -ehi))
	return powExpInline(ehi, elo, negate)
}

// glibcHypot is glibc's hypot (2.35+): Borges's algorithm, sqrt(a²+b²)
// with a correction term, after scaling away overflow and underflow.
func glibcHypot(x, y float64) float64 {
	if !isFinite(x) || !isFinite(y) {
		if math.IsInf(x, 0) || math.IsInf(y, 0) {
			return math.Inf(1)
		}
		return x + y
	}
	const (
		scale    = 0x1p-600
		largeVal = 0x1p+511
		tinyVal  = 0x1p-511
		eps      = 0x1p-54
	)
	x, y = math.Abs(x), math.Abs(y)
	ax, ay := x, y
	if x < y {
		ax, ay = y, x
	}
	if ax > largeVal {
		if ay <= ax*eps {
			return ax + ay
		}
		return hypotKernel(ax*scale, ay*scale) / scale
	}
	if ay < tinyVal {
		if ax >= ay/eps {
			return ax + ay
		}
		return hypotKernel(ax/scale, ay/scale) * scale
	}
	if ay <= ax*eps {
		return ax + ay
	}
	return hypotKernel(ax, ay)
}

// hypotKernel is the kernel for ax >= ay >= 0 whose squares neither
// overflow nor underflow (the build without FMA).
func hypotKernel(ax, ay float64) float64 {
	h := math.Sqrt(float64(ax*ax) + float64(ay*ay))
	var t1, t2 float64
	if h <= 2.0*ay {
		delta := h - ay
		t1 = ax * (2.0*delta - ax)
		t2 = (delta - 2.0*(ax-ay)) * delta
	} else {
		delta := h - ax
		t1 = 2.0 * delta * (ax - 2.0*ay)
		t2 = float64((4.0*delta-ay)*ay) + float64(delta*delta)
	}
	h -= (t1 + t2) / (2.0 * h)
	return h
}
