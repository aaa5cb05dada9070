package vm

import "testing"

func BenchmarkFastExp(b *testing.B) {
	x := 0.5
	for i := 0; i < b.N; i++ {
		fastExp(x + float64(i)*1e-9)
	}
}

func BenchmarkFastLog(b *testing.B) {
	for i := 0; i < b.N; i++ {
		fastLog(0.5 + float64(i)*1e-9)
	}
}

func BenchmarkFastSin(b *testing.B) {
	for i := 0; i < b.N; i++ {
		fastSinCosTan(0.5+float64(i)*1e-9, 0)
	}
}

func BenchmarkFastPow(b *testing.B) {
	for i := 0; i < b.N; i++ {
		fastPowPos(0.5+float64(i)*1e-9, 1.5)
	}
}

func BenchmarkFastAtan(b *testing.B) {
	for i := 0; i < b.N; i++ {
		fastAtan(0.5 + float64(i)*1e-9)
	}
}
