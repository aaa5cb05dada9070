package pyconst

import (
	"encoding/binary"
	"math"
	"math/big"
	"math/bits"
)

// Constants of CPython's numeric hash (sys.hash_info on 64-bit platforms).
const (
	hashBits     = 61
	hashModulus  = 1<<hashBits - 1 // sys.hash_info.modulus, a Mersenne prime
	hashInf      = 314159          // sys.hash_info.inf
	hashImag     = 1000003         // sys.hash_info.imag
	hashNaN      = 0               // sys.hash_info.nan: what NaN hashed to before 3.10
	noneHash     = 0xFCA86420      // hash(None) since 3.12
	ellipsisHash = 0x5EA1E11       // arbitrary: CPython hashes Ellipsis by address
)

// A Hasher computes CPython's hash() for one hash secret, that is, for one
// value of PYTHONHASHSEED. Only str and bytes hashes (and so the hashes of
// tuples and frozensets holding them, and frozenset iteration order) depend
// on the secret. The zero Hasher is the one for PYTHONHASHSEED=0.
type Hasher struct {
	k0, k1 uint64 // the SipHash-1-3 key
}

var defaultHasher = &Hasher{}

// NewHasher returns the Hasher of a CPython started with PYTHONHASHSEED=seed.
// Seed 0 disables randomization (an all-zero key); any other seed fills the
// 24-byte hash secret from a linear congruential generator seeded with it,
// as CPython's Python/bootstrap_hash.c does, and the SipHash key is the
// secret's first 16 bytes read as two little-endian words.
func NewHasher(seed uint32) *Hasher {
	if seed == 0 {
		return &Hasher{}
	}
	var secret [24]byte
	x := seed
	for i := range secret {
		x = x*214013 + 2531011
		secret[i] = byte(x >> 16)
	}
	return &Hasher{
		k0: binary.LittleEndian.Uint64(secret[0:8]),
		k1: binary.LittleEndian.Uint64(secret[8:16]),
	}
}

// Hash returns CPython's hash() of v with this Hasher's secret.
func (h *Hasher) Hash(v Value) int64 {
	switch v := v.(type) {
	case Str:
		return h.hashStr(v)
	case Bytes:
		return h.hashBytes(string(v))
	case Int:
		return v.Hash()
	case Bool:
		return v.Hash()
	case Float:
		return hashFloat(float64(v))
	case Complex:
		return v.Hash()
	case NoneType:
		return noneHash
	case EllipsisType:
		return ellipsisHash
	case Tuple:
		return h.hashTuple(v)
	case FrozenSet:
		return h.hashFrozenSet(v)
	}
	panic("pyconst: Hash of an unknown Value type")
}

// HashBytes returns CPython's hash() of a bytes object holding b.
func (h *Hasher) HashBytes(b []byte) int64 { return h.hashBytes(string(b)) }

func (h *Hasher) hashBytes(b string) int64 {
	if len(b) == 0 {
		return 0
	}
	return fixHash(siphash13(h.k0, h.k1, b))
}

// hashStr hashes s over CPython's canonical representation of a str: one
// byte per code point when all are below 256, two (little-endian) when all
// are below 65536, four otherwise.
func (h *Hasher) hashStr(s Str) int64 {
	if len(s) == 0 {
		return 0
	}
	if isASCII(string(s)) {
		return fixHash(siphash13(h.k0, h.k1, string(s)))
	}
	kind, n := s.kindLen()
	var buf []byte
	switch {
	case kind == 1:
		buf = make([]byte, 0, n)
		for _, r := range s.CodePoints() {
			buf = append(buf, byte(r))
		}
	case kind == 2:
		buf = make([]byte, 0, 2*n)
		for _, r := range s.CodePoints() {
			buf = binary.LittleEndian.AppendUint16(buf, uint16(r))
		}
	default:
		buf = make([]byte, 0, 4*n)
		for _, r := range s.CodePoints() {
			buf = binary.LittleEndian.AppendUint32(buf, uint32(r))
		}
	}
	return fixHash(siphash13(h.k0, h.k1, buf))
}

// hashTuple is CPython 3.8+'s tuple hash, derived from xxHash.
func (h *Hasher) hashTuple(t Tuple) int64 {
	const (
		prime1 = 11400714785074694791
		prime2 = 14029467366897019727
		prime5 = 2870177450012600261
	)
	acc := uint64(prime5)
	for _, v := range t {
		lane := uint64(h.Hash(v))
		acc += lane * prime2
		acc = bits.RotateLeft64(acc, 31)
		acc *= prime1
	}
	acc += uint64(len(t)) ^ (prime5 ^ 3527539)
	if acc == math.MaxUint64 {
		return 1546275796
	}
	return int64(acc)
}

// hashFrozenSet is CPython's frozenset hash. CPython xors the shuffled hash
// of every table slot and then cancels the empty slots out, so the result
// depends only on the elements, not on the table's shape.
func (h *Hasher) hashFrozenSet(s FrozenSet) int64 {
	shuffle := func(x uint64) uint64 { return ((x ^ 89869747) ^ (x << 16)) * 3644798167 }
	var acc uint64
	for _, v := range s.elems {
		acc ^= shuffle(uint64(h.Hash(v)))
	}
	acc ^= (uint64(len(s.elems)) + 1) * 1927868237
	acc ^= (acc >> 11) ^ (acc >> 25)
	acc = acc*69069 + 907133923
	if acc == math.MaxUint64 {
		return 590923713
	}
	return int64(acc)
}

// fixHash turns a 64-bit hash into a Py_hash_t: -1 is reserved for errors,
// so it becomes -2.
func fixHash(x uint64) int64 {
	if int64(x) == -1 {
		return -2
	}
	return int64(x)
}

// siphash13 is SipHash-1-3 as CPython's Python/pyhash.c computes it (one
// compression round, three finalization rounds, the 64-bit output variant).
func siphash13[T string | []byte](k0, k1 uint64, src T) uint64 {
	b := uint64(len(src)) << 56
	v0 := k0 ^ 0x736f6d6570736575
	v1 := k1 ^ 0x646f72616e646f6d
	v2 := k0 ^ 0x6c7967656e657261
	v3 := k1 ^ 0x7465646279746573

	round := func() {
		v0 += v1
		v2 += v3
		v1 = bits.RotateLeft64(v1, 13) ^ v0
		v3 = bits.RotateLeft64(v3, 16) ^ v2
		v0 = bits.RotateLeft64(v0, 32)
		v2 += v1
		v0 += v3
		v1 = bits.RotateLeft64(v1, 17) ^ v2
		v3 = bits.RotateLeft64(v3, 21) ^ v0
		v2 = bits.RotateLeft64(v2, 32)
	}

	for len(src) >= 8 {
		m := uint64(src[0]) | uint64(src[1])<<8 | uint64(src[2])<<16 | uint64(src[3])<<24 |
			uint64(src[4])<<32 | uint64(src[5])<<40 | uint64(src[6])<<48 | uint64(src[7])<<56
		src = src[8:]
		v3 ^= m
		round()
		v0 ^= m
	}
	var t uint64
	for i := len(src) - 1; i >= 0; i-- {
		t = t<<8 | uint64(src[i])
	}
	b |= t

	v3 ^= b
	round()
	v0 ^= b
	v2 ^= 0xff
	round()
	round()
	round()
	return (v0 ^ v1) ^ (v2 ^ v3)
}

// hashInt64 is CPython's hash of a small int: |v| mod 2**61-1 with v's sign.
func hashInt64(v int64) int64 {
	neg := v < 0
	u := uint64(v)
	if neg {
		u = -u
	}
	h := int64(u % hashModulus)
	if neg {
		h = -h
	}
	if h == -1 {
		h = -2
	}
	return h
}

var bigHashModulus = big.NewInt(hashModulus)

func hashBig(v *big.Int) int64 {
	var m big.Int
	m.Abs(v)
	m.Rem(&m, bigHashModulus)
	h := int64(m.Uint64())
	if v.Sign() < 0 {
		h = -h
	}
	if h == -1 {
		h = -2
	}
	return h
}

// hashFloat is CPython's hash of a float: for a finite value, the exact
// rational value reduced modulo 2**61-1 (so that equal ints and floats hash
// alike). CPython 3.10+ hashes a NaN by the address of its object; here every
// NaN hashes to sys.hash_info.nan (0).
func hashFloat(v float64) int64 {
	switch {
	case math.IsInf(v, 1):
		return hashInf
	case math.IsInf(v, -1):
		return -hashInf
	case math.IsNaN(v):
		return hashNaN
	}
	m, e := math.Frexp(v)
	neg := m < 0
	if neg {
		m = -m
	}
	var x uint64
	for m != 0 {
		x = ((x << 28) & hashModulus) | x>>(hashBits-28)
		m *= 268435456.0 // 2**28
		e -= 28
		y := uint64(m)
		m -= float64(y)
		x += y
		if x >= hashModulus {
			x -= hashModulus
		}
	}
	if e >= 0 {
		e %= hashBits
	} else {
		e = hashBits - 1 - ((-1 - e) % hashBits)
	}
	x = ((x << uint(e)) & hashModulus) | x>>(hashBits-uint(e))
	if neg {
		x = -x
	}
	return fixHash(x)
}
