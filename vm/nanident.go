package vm

import (
	"math"
	"sync/atomic"
)

// NaN identity. Floats are immediates (value.go), so two equal floats are
// the same object to `is`. That is unobservable for every float but NaN:
// PyObject_RichCompareBool, which containment, list.index/count/remove,
// sequence and dict comparisons and dict lookups use, answers "equal" for
// the same object before calling __eq__, so in CPython
//
//	nan = float("nan"); nan in [nan]            -> True  (same object)
//	float("nan") in [float("nan")]              -> False (two objects)
//
// To tell NaNs apart, Float gives every quiet NaN it makes a serial number
// in the low 51 bits of its payload (bits 0-50, under the quiet bit): a
// copy of the Value keeps it, a new computation gets a new one, just as a
// CPython float result is a new object. The payload is invisible to
// Python code except through the bytes of the float (struct, and what
// packs with it), and canonicalNaN clears it there, so that
// struct.pack("d", float("nan")) gives CPython's bytes. A quiet NaN whose
// payload was not zero (unpacked from crafted bytes) loses that payload:
// an accepted gap. Signalling NaNs (quiet bit clear) are left alone and
// have no identity of their own.

const (
	nanQuietBit    = uint64(1) << 51
	nanPayloadMask = nanQuietBit - 1
)

// nanSerial numbers the NaNs made so far.
var nanSerial atomic.Uint64

// nanIdentity returns the bits of the NaN b with a fresh serial number in
// its payload.
func nanIdentity(b uint64) uint64 {
	if b&nanQuietBit == 0 {
		return b
	}
	n := nanSerial.Add(1) & nanPayloadMask
	if n == 0 {
		n = nanSerial.Add(1) & nanPayloadMask
	}
	return b&^nanPayloadMask | n
}

// canonicalNaN returns x with the serial number of a NaN cleared, for the
// code that exposes the bits of a float.
func canonicalNaN(x float64) float64 {
	b := math.Float64bits(x)
	if x != x && b&nanQuietBit != 0 {
		return math.Float64frombits(b &^ nanPayloadMask)
	}
	return x
}

// nanHash is the hash of a NaN: CPython hashes a NaN by identity
// (_Py_HashPointer), so NaNs of different serials hash apart.
func nanHash(f float64) int64 {
	return int64(math.Float64bits(f) & nanPayloadMask)
}

// floatSelf is float_float: an exact float is returned itself (the same
// object, which a NaN's identity makes visible), a float subclass
// instance as a new exact float of its value x.
func floatSelf(v Value, x float64) Value {
	if v.IsFloat() {
		return v
	}
	return Float(x)
}
