package pyconst

// Exported forms of the correctly rounded libm functions of mathx.go, for
// the VM's float power and math module (which must give the results
// CPython gets from glibc).

// CrPow returns x**y correctly rounded, for a finite x > 0 other than 1
// and a finite y other than 0; an overflow gives +Inf.
func CrPow(x, y float64) float64 { return crPow(x, y) }

// CrExp returns e**x correctly rounded.
func CrExp(x float64) float64 { return crExp(x) }

// CrLog returns ln x correctly rounded (NaN for x < 0).
func CrLog(x float64) float64 { return crLog(x) }

// CrSin returns sin x correctly rounded.
func CrSin(x float64) float64 { return crSin(x) }

// CrCos returns cos x correctly rounded.
func CrCos(x float64) float64 { return crCos(x) }

// CrAtan2 returns atan2(y, x) correctly rounded.
func CrAtan2(y, x float64) float64 { return crAtan2(y, x) }

// CrHypot returns sqrt(x*x+y*y) correctly rounded.
func CrHypot(x, y float64) float64 { return crHypot(x, y) }

// LibmPow is C's pow as glibc computes it (correctly rounded, with C99's
// special cases).
func LibmPow(x, y float64) float64 { return libmPow(x, y) }
