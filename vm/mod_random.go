package vm

import (
	"crypto/rand"
	"encoding/binary"
	"math/big"
	"time"
)

// The _random module: _random.Random, the Mersenne Twister (MT19937)
// that random.Random builds on, seeded and drawn exactly as CPython's
// Modules/_randommodule.c does, so that random.seed(n) gives CPython's
// sequence of random(), getrandbits() and everything random.py derives
// from them.

const (
	mtN         = 624
	mtM         = 397
	mtMatrixA   = 0x9908b0df
	mtUpperMask = 0x80000000
	mtLowerMask = 0x7fffffff
)

// RandomObj is a _random.Random.
type RandomObj struct {
	ObjectBase
	state [mtN]uint32
	index int
	slots []Value
}

func (r *RandomObj) slotValues() []Value { return r.slots }

var RandomType = nativeType("_random", "Random", nil, FlagBaseType)

func (r *RandomObj) initGenrand(s uint32) {
	mt := &r.state
	mt[0] = s
	for i := 1; i < mtN; i++ {
		mt[i] = 1812433253*(mt[i-1]^(mt[i-1]>>30)) + uint32(i)
	}
	r.index = mtN
}

func (r *RandomObj) initByArray(key []uint32) {
	r.initGenrand(19650218)
	mt := &r.state
	i, j := 1, 0
	k := mtN
	if len(key) > k {
		k = len(key)
	}
	for ; k > 0; k-- {
		mt[i] = (mt[i] ^ ((mt[i-1] ^ (mt[i-1] >> 30)) * 1664525)) + key[j] + uint32(j)
		i++
		j++
		if i >= mtN {
			mt[0] = mt[mtN-1]
			i = 1
		}
		if j >= len(key) {
			j = 0
		}
	}
	for k = mtN - 1; k > 0; k-- {
		mt[i] = (mt[i] ^ ((mt[i-1] ^ (mt[i-1] >> 30)) * 1566083941)) - uint32(i)
		i++
		if i >= mtN {
			mt[0] = mt[mtN-1]
			i = 1
		}
	}
	mt[0] = 0x80000000
}

func (r *RandomObj) uint32() uint32 {
	mt := &r.state
	if r.index >= mtN {
		var kk int
		for kk = 0; kk < mtN-mtM; kk++ {
			y := (mt[kk] & mtUpperMask) | (mt[kk+1] & mtLowerMask)
			mt[kk] = mt[kk+mtM] ^ (y >> 1) ^ ((y & 1) * mtMatrixA)
		}
		for ; kk < mtN-1; kk++ {
			y := (mt[kk] & mtUpperMask) | (mt[kk+1] & mtLowerMask)
			mt[kk] = mt[kk+(mtM-mtN)] ^ (y >> 1) ^ ((y & 1) * mtMatrixA)
		}
		y := (mt[mtN-1] & mtUpperMask) | (mt[0] & mtLowerMask)
		mt[mtN-1] = mt[mtM-1] ^ (y >> 1) ^ ((y & 1) * mtMatrixA)
		r.index = 0
	}
	y := mt[r.index]
	r.index++
	y ^= y >> 11
	y ^= (y << 7) & 0x9d2c5680
	y ^= (y << 15) & 0xefc60000
	y ^= y >> 18
	return y
}

// random is random(): 53 random bits as a float in [0, 1).
func (r *RandomObj) random() float64 {
	a := r.uint32() >> 5
	b := r.uint32() >> 6
	return (float64(a)*67108864.0 + float64(b)) * (1.0 / 9007199254740992.0)
}

// seed is random_seed: None seeds from the system's entropy; an int by
// its absolute value; anything else by its hash.
func (r *RandomObj) seed(t *Thread, arg Value) error {
	if arg.IsNull() || arg.IsNone() {
		var buf [mtN * 4]byte
		if _, err := rand.Read(buf[:]); err != nil {
			binary.LittleEndian.PutUint64(buf[:], uint64(time.Now().UnixNano()))
		}
		key := make([]uint32, mtN)
		for i := range key {
			key[i] = binary.LittleEndian.Uint32(buf[4*i:])
		}
		r.initByArray(key)
		return nil
	}
	var n *big.Int
	if arg.IsIntLike() || isBigIntValue(arg) {
		n = new(big.Int).Abs(bigOf(intValue(arg)))
	} else {
		h, err := Hash(t, arg)
		if err != nil {
			return err
		}
		n = new(big.Int).SetUint64(uint64(h))
	}
	words := n.Bits()
	var key []uint32
	for _, w := range words {
		for s := 0; s < bigWordBits; s += 32 {
			key = append(key, uint32(uint64(w)>>s))
		}
	}
	for len(key) > 1 && key[len(key)-1] == 0 {
		key = key[:len(key)-1]
	}
	if len(key) == 0 {
		key = []uint32{0}
	}
	r.initByArray(key)
	return nil
}

const bigWordBits = 32 << (^big.Word(0) >> 63)

func isBigIntValue(v Value) bool { _, ok := v.o.(*BigInt); return ok }

// getrandbits is getrandbits(k).
func (r *RandomObj) getrandbits(k int) Value {
	if k <= 32 {
		if k == 0 {
			return Int(0)
		}
		return Int(int64(r.uint32() >> (32 - k)))
	}
	words := (k-1)/32 + 1
	buf := make([]byte, words*4)
	for i := 0; i < words; i, k = i+1, k-32 {
		w := r.uint32()
		if k < 32 {
			w >>= 32 - k
		}
		binary.LittleEndian.PutUint32(buf[4*i:], w)
	}
	// Little-endian bytes to a big.Int (which wants big-endian).
	for i, j := 0, len(buf)-1; i < j; i, j = i+1, j-1 {
		buf[i], buf[j] = buf[j], buf[i]
	}
	n := new(big.Int).SetBytes(buf)
	if n.IsInt64() {
		return Int(n.Int64())
	}
	return NewBigInt(n)
}

func init() {
	onSetup(setupRandom)
	RegisterModule("_random", func(t *Thread, m *Module) error {
		m.Set("__doc__", NewStrValue("Module implements the Mersenne Twister random number generator."))
		m.addType(RandomType)
		return nil
	})
}

func setupRandom() {
	rt := RandomType
	rt.New = func(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
		if (cls == RandomType || sameSlot(cls.Init, rt.Init)) && len(kw) > 0 {
			return Null, t.typeErrorf("Random() takes no keyword arguments")
		}
		// Seeding is __init__'s: a subclass that overrides __init__ without
		// calling it starts from the zero state, as in CPython.
		r := &RandomObj{ObjectBase: ObjectBase{cls: cls}}
		if cls.nslots > 0 {
			r.slots = make([]Value, cls.nslots)
		}
		return Value{o: r}, nil
	}
	rt.Init = func(t *Thread, self Value, args []Value, kw []*Str) error {
		if self.Type() == RandomType && len(kw) > 0 {
			return t.typeErrorf("Random() takes no keyword arguments")
		}
		pos, _ := kwArgs(args, kw)
		if len(pos) > 1 {
			return t.typeErrorf("Random() requires 0 or 1 argument")
		}
		var arg Value
		if len(pos) == 1 {
			arg = pos[0]
		}
		return self.o.(*RandomObj).seed(t, arg)
	}
	defMethods(rt,
		MethodDef{Name: "random", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := noArgs(t, "random", args, kw); err != nil {
				return Null, err
			}
			return Float(self.o.(*RandomObj).random()), nil
		}},
		MethodDef{Name: "seed", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := checkPositional(t, "seed", args, kw, 0, 1); err != nil {
				return Null, err
			}
			var arg Value
			if len(args) == 1 {
				arg = args[0]
			}
			return None, self.o.(*RandomObj).seed(t, arg)
		}},
		MethodDef{Name: "getrandbits", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "getrandbits", args, kw); err != nil {
				return Null, err
			}
			k, err := AsSize(t, args[0], OverflowErrorType)
			if err != nil {
				return Null, err
			}
			if k < 0 {
				return Null, t.valueErrorf("number of bits must be non-negative")
			}
			return self.o.(*RandomObj).getrandbits(k), nil
		}},
		MethodDef{Name: "getstate", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := noArgs(t, "getstate", args, kw); err != nil {
				return Null, err
			}
			r := self.o.(*RandomObj)
			items := make([]Value, mtN+1)
			for i, w := range r.state {
				items[i] = Int(int64(w))
			}
			items[mtN] = Int(int64(r.index))
			return Value{o: NewTuple(items...)}, nil
		}},
		MethodDef{Name: "setstate", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "setstate", args, kw); err != nil {
				return Null, err
			}
			st, ok := args[0].o.(*Tuple)
			if !ok {
				return Null, t.typeErrorf("state vector must be a tuple")
			}
			if len(st.items) != mtN+1 {
				return Null, t.valueErrorf("state vector is the wrong size")
			}
			var state [mtN]uint32
			for i := 0; i < mtN; i++ {
				w, err := unsignedLongArg(t, st.items[i])
				if err != nil {
					return Null, err
				}
				state[i] = uint32(w)
			}
			idx, err := AsSize(t, st.items[mtN], OverflowErrorType)
			if err != nil {
				return Null, err
			}
			if idx < 0 || idx > mtN {
				return Null, t.valueErrorf("invalid state")
			}
			r := self.o.(*RandomObj)
			r.state, r.index = state, idx
			return None, nil
		}},
	)
}

// unsignedLongArg is PyLong_AsUnsignedLong.
func unsignedLongArg(t *Thread, v Value) (uint64, error) {
	if !v.IsIntLike() && !isBigIntValue(v) {
		return 0, t.typeErrorf("an integer is required")
	}
	n := bigOf(intValue(v))
	if n.Sign() < 0 {
		return 0, t.raise(OverflowErrorType, "can't convert negative value to unsigned int")
	}
	if !n.IsUint64() {
		return 0, t.raise(OverflowErrorType, "Python int too large to convert to C unsigned long")
	}
	return n.Uint64(), nil
}
