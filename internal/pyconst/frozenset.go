package pyconst

import (
	"math"
	"math/big"
)

// FrozenSet is a Python frozenset of constants. Its elements are kept in
// the order in which CPython iterates over the same frozenset, which is the
// order its repr and marshal show them in. That order depends on the
// elements' hashes and on the order they were added in, so a FrozenSet is
// built only by [NewFrozenSet] (or [Hasher.NewFrozenSet]), which replays
// CPython's set insertion. The zero FrozenSet is empty.
type FrozenSet struct {
	elems []Value // distinct elements, in iteration order
	// added are the items in the order they were inserted, so that a
	// runtime set table can be rebuilt slot for slot (the iteration order
	// alone does not fix where colliding elements sit).
	added []Value
}

// NewFrozenSet returns the frozenset that CPython's frozenset(items) builds
// from a sequence (a tuple, say) under PYTHONHASHSEED=0: duplicates (by
// Python's ==, so 1, 1.0 and True are one element) keep their first
// occurrence, and the elements are put in CPython's iteration order.
//
// CPython hashes a NaN by its object's address and compares objects for
// identity before equality, so a frozenset holding NaNs has an order that
// depends on memory addresses; here every NaN hashes to 0 and no two NaNs are
// equal.
func NewFrozenSet(items []Value) FrozenSet { return defaultHasher.NewFrozenSet(items) }

// NewFrozenSet is like the package-level [NewFrozenSet], with h's hash secret.
func (h *Hasher) NewFrozenSet(items []Value) FrozenSet {
	if len(items) == 0 {
		return FrozenSet{}
	}
	t := setTable{slots: make([]setSlot, 8), mask: 7}
	for _, v := range items {
		t.add(v, h.Hash(v))
	}
	elems := make([]Value, 0, t.used)
	for _, s := range t.slots {
		if s.full {
			elems = append(elems, s.v)
		}
	}
	return FrozenSet{elems: elems, added: append([]Value(nil), items...)}
}

// InsertionOrder returns the items s was built from, in the order they
// were inserted (duplicates included): inserting them in this order into
// a CPython set table reproduces s's table exactly. The caller must not
// modify the slice.
func (s FrozenSet) InsertionOrder() []Value { return s.added }

// Elems returns the elements of s in CPython's iteration order. The caller
// must not modify the slice.
func (s FrozenSet) Elems() []Value { return s.elems }

// Len returns the number of elements of s.
func (s FrozenSet) Len() int { return len(s.elems) }

// TypeName returns "frozenset".
func (FrozenSet) TypeName() string { return "frozenset" }

// Repr returns CPython's repr of s: "frozenset()" or "frozenset({1, 2})".
func (s FrozenSet) Repr() (string, error) { return reprString(s) }

// String returns the repr, with ints of any size written out in full.
func (s FrozenSet) String() string { b, _ := s.appendRepr(nil, false); return string(b) }

// Hash returns CPython's hash of s under PYTHONHASHSEED=0.
func (s FrozenSet) Hash() int64 { return defaultHasher.hashFrozenSet(s) }

func (s FrozenSet) appendRepr(dst []byte, limit bool) ([]byte, error) {
	if len(s.elems) == 0 {
		return append(dst, "frozenset()"...), nil
	}
	dst = append(dst, "frozenset({"...)
	for i, v := range s.elems {
		if i > 0 {
			dst = append(dst, ", "...)
		}
		var err error
		if dst, err = v.appendRepr(dst, limit); err != nil {
			return nil, err
		}
	}
	return append(dst, "})"...), nil
}

// setTable replays the open-addressing table of CPython's
// Objects/setobject.c: linear probing over up to 9 following slots, then
// perturbed probing; growth to 4 times the used count (2 times above 50000)
// once 3/5 of the slots are filled. A frozenset never deletes, so there are
// no dummy slots.
type setTable struct {
	slots []setSlot
	mask  uint64
	used  int
}

type setSlot struct {
	v    Value
	hash int64
	full bool
}

const (
	linearProbes = 9
	perturbShift = 5
)

func (t *setTable) add(v Value, hash int64) {
	mask := t.mask
	perturb := uint64(hash)
	i := uint64(hash) & mask
	for {
		probes := 0
		if i+linearProbes <= mask {
			probes = linearProbes
		}
		for j := i; ; j++ {
			s := &t.slots[j]
			if !s.full {
				*s = setSlot{v: v, hash: hash, full: true}
				t.used++
				if uint64(t.used)*5 >= mask*3 {
					if t.used > 50000 {
						t.resize(t.used * 2)
					} else {
						t.resize(t.used * 4)
					}
				}
				return
			}
			if s.hash == hash && Equal(s.v, v) {
				return
			}
			if probes == 0 {
				break
			}
			probes--
		}
		perturb >>= perturbShift
		i = (i*5 + 1 + perturb) & mask
	}
}

func (t *setTable) resize(minUsed int) {
	size := uint64(8)
	for size <= uint64(minUsed) {
		size <<= 1
	}
	old := t.slots
	t.slots = make([]setSlot, size)
	t.mask = size - 1
	for _, s := range old {
		if s.full {
			t.insertClean(s)
		}
	}
}

// insertClean puts s in the first free slot of its probe sequence, as
// CPython's set_insert_clean does for a key known to be absent.
func (t *setTable) insertClean(s setSlot) {
	mask := t.mask
	perturb := uint64(s.hash)
	i := uint64(s.hash) & mask
	for {
		if !t.slots[i].full {
			t.slots[i] = s
			return
		}
		if i+linearProbes <= mask {
			for j := i + 1; j <= i+linearProbes; j++ {
				if !t.slots[j].full {
					t.slots[j] = s
					return
				}
			}
		}
		perturb >>= perturbShift
		i = (i*5 + 1 + perturb) & mask
	}
}

// Equal reports whether a == b in Python, for constants: numbers compare by
// value across bool, int, float and complex (1 == 1.0 == True == 1+0j), a
// NaN equals nothing, str and bytes compare by content and never equal each
// other, tuples compare element by element and frozensets as sets.
func Equal(a, b Value) bool {
	if na, ok := numberOf(a); ok {
		nb, ok := numberOf(b)
		return ok && na.equal(nb)
	}
	switch a := a.(type) {
	case Str:
		b, ok := b.(Str)
		return ok && a == b
	case Bytes:
		b, ok := b.(Bytes)
		return ok && a == b
	case NoneType:
		_, ok := b.(NoneType)
		return ok
	case EllipsisType:
		_, ok := b.(EllipsisType)
		return ok
	case Tuple:
		b, ok := b.(Tuple)
		if !ok || len(a) != len(b) {
			return false
		}
		for i := range a {
			if !Equal(a[i], b[i]) {
				return false
			}
		}
		return true
	case FrozenSet:
		b, ok := b.(FrozenSet)
		if !ok || len(a.elems) != len(b.elems) {
			return false
		}
	outer:
		for _, x := range a.elems {
			for _, y := range b.elems {
				if Equal(x, y) {
					continue outer
				}
			}
			return false
		}
		return true
	}
	return false
}

// number is a bool, int, float or complex seen as a complex number whose
// real part is either an Int (isInt) or a float64.
type number struct {
	isInt bool
	i     Int
	re    float64
	im    float64
}

func numberOf(v Value) (number, bool) {
	switch v := v.(type) {
	case Bool:
		return number{isInt: true, i: v.Int()}, true
	case Int:
		return number{isInt: true, i: v}, true
	case Float:
		return number{re: float64(v)}, true
	case Complex:
		return number{re: v.Real, im: v.Imag}, true
	}
	return number{}, false
}

func (x number) equal(y number) bool {
	if x.im != y.im {
		return false
	}
	switch {
	case x.isInt && y.isInt:
		return x.i.Cmp(y.i) == 0
	case x.isInt:
		return intEqualsFloat(x.i, y.re)
	case y.isInt:
		return intEqualsFloat(y.i, x.re)
	}
	return x.re == y.re
}

// intEqualsFloat reports whether the int i and the float f are equal,
// exactly (not after rounding i to a float).
func intEqualsFloat(i Int, f float64) bool {
	if math.IsInf(f, 0) || math.IsNaN(f) || f != math.Trunc(f) {
		return false
	}
	if v, ok := i.Int64(); ok && math.Abs(f) < 1<<62 {
		return int64(f) == v
	}
	fi, _ := big.NewFloat(f).Int(nil)
	return fi.Cmp(i.bigOf()) == 0
}
