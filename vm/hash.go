package vm

import (
	"math"

	"github.com/peephole-lsp/peephole/internal/pyconst"
)

// The process's hash secret. CPython draws one per process from
// PYTHONHASHSEED (random unless it is set to a number); str and bytes hash
// with SipHash-1-3 keyed by it, so that set and dict orders under
// PYTHONHASHSEED=0 are CPython's. Every interpreter of the process shares
// it, because strs cache their hash.
var hasher = pyconst.NewHasher(0)

// SetHashSeed sets the hash secret as PYTHONHASHSEED=seed does. It must be
// called before any str is hashed.
func SetHashSeed(seed uint32) { hasher = pyconst.NewHasher(seed) }

// hashValue returns the str's hash, computing it once.
func (s *Str) hashValue() int64 {
	if s.hash == -1 {
		s.hash = hasher.Hash(pyconst.Str(s.s))
	}
	return s.hash
}

// Hashes of the immediates, with CPython's numeric hash (modulus 2**61-1,
// so that equal numbers of different types hash alike).
const hashModulus = (1 << 61) - 1

func hashInt64(v int64) int64 { return pyconst.IntFromInt64(v).Hash() }

func hashFloat(f float64) int64 {
	if math.IsNaN(f) {
		return nanHash(f) // CPython hashes NaN by identity
	}
	return pyconst.Float(f).Hash()
}

// Hash returns hash(v) (PyObject_Hash).
func Hash(t *Thread, v Value) (int64, error) {
	switch v.kind() {
	case kindInt, kindBool:
		return hashInt64(int64(v.n)), nil
	case kindFloat:
		return hashFloat(v.FloatVal()), nil
	}
	if s, ok := v.o.(*Str); ok && s.cls == StrType {
		return s.hashValue(), nil
	}
	tp := v.Type()
	if tp.Hash == nil {
		return 0, t.typeErrorf("unhashable type: '%s'", tp.Name)
	}
	// Hashes of containers (tuple, frozenset) recurse in Go. A nil t is
	// the hashing of constants (code.go), which calls no Python code.
	if t == nil {
		return tp.Hash(t, v)
	}
	if err := t.enterC(""); err != nil {
		return 0, err
	}
	h, err := tp.Hash(t, v)
	t.leaveC()
	return h, err
}

// identityHash is object.__hash__: the object's address, rotated as
// CPython's _Py_HashPointer rotates it.
func identityHash(t *Thread, v Value) (int64, error) {
	return pointerHash(identityOf(v)), nil
}

func pointerHash(p int64) int64 {
	y := uint64(p)
	y = y>>4 | y<<60
	x := int64(y)
	if x == -1 {
		x = -2
	}
	return x
}
