package vm

import (
	"encoding/binary"
	"encoding/hex"
	"math"
	"math/big"
	"math/bits"
)

// The _blake2 module: the blake2b and blake2s hash types hashlib takes
// from it, with every parameter of BLAKE2's parameter block (digest size,
// key, salt, personalization, fanout, depth, leaf size, node offset and
// depth, inner size, last node) and CPython's argument checks and
// messages. Go's standard library has no BLAKE2, so the compression
// function is written here from RFC 7693 (BLAKE2b: 64-bit words, 12
// rounds, rotations 32/24/16/63; BLAKE2s: 32-bit words, 10 rounds,
// rotations 16/12/8/7), one generic implementation over uint64 words
// masked to the variant's word size.

// blake2Variant describes BLAKE2b or BLAKE2s.
type blake2Variant struct {
	name                   string
	typ                    *Type
	wordBits               uint // 64 or 32
	rounds                 int
	rot                    [4]int
	iv                     [8]uint64
	block, maxDigest, salt int // bytes; salt and person sizes are equal
	maxKey                 int
	nodeOffsetBytes        int // 8 for b, 6 for s
}

var blake2Sigma = [10][16]uint8{
	{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
	{14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
	{11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4},
	{7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
	{9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13},
	{2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
	{12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11},
	{13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
	{6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5},
	{10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0},
}

var (
	blake2bVariant = &blake2Variant{
		name: "blake2b", typ: nativeType("_blake2", "blake2b", nil, FlagBaseType),
		wordBits: 64, rounds: 12, rot: [4]int{32, 24, 16, 63},
		iv: [8]uint64{0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
			0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179},
		block: 128, maxDigest: 64, salt: 16, maxKey: 64, nodeOffsetBytes: 8,
	}
	blake2sVariant = &blake2Variant{
		name: "blake2s", typ: nativeType("_blake2", "blake2s", nil, FlagBaseType),
		wordBits: 32, rounds: 10, rot: [4]int{16, 12, 8, 7},
		iv:    [8]uint64{0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19},
		block: 64, maxDigest: 32, salt: 8, maxKey: 32, nodeOffsetBytes: 6,
	}
)

// blake2State is a running BLAKE2 hash.
type blake2State struct {
	v        *blake2Variant
	h        [8]uint64
	t0, t1   uint64 // byte counter (low, high), in words of the variant
	buf      []byte // pending input, at most one block
	digest   int
	lastNode bool
}

func (s *blake2State) rotr(x uint64, n int) uint64 {
	if s.v.wordBits == 64 {
		return bits.RotateLeft64(x, -n)
	}
	return uint64(bits.RotateLeft32(uint32(x), -n))
}

func (s *blake2State) mask(x uint64) uint64 {
	if s.v.wordBits == 32 {
		return x & 0xffffffff
	}
	return x
}

// compress mixes one block into the state (RFC 7693 function F).
func (s *blake2State) compress(block []byte, final bool) {
	wb := int(s.v.wordBits / 8)
	var m [16]uint64
	for i := range m {
		if wb == 8 {
			m[i] = binary.LittleEndian.Uint64(block[i*8:])
		} else {
			m[i] = uint64(binary.LittleEndian.Uint32(block[i*4:]))
		}
	}
	var w [16]uint64
	copy(w[:8], s.h[:])
	copy(w[8:], s.v.iv[:])
	w[12] ^= s.t0
	w[13] ^= s.t1
	if final {
		w[14] = s.mask(^w[14])
		if s.lastNode {
			w[15] = s.mask(^w[15])
		}
	}
	r := s.v.rot
	g := func(a, b, c, d int, x, y uint64) {
		w[a] = s.mask(w[a] + w[b] + x)
		w[d] = s.rotr(w[d]^w[a], r[0])
		w[c] = s.mask(w[c] + w[d])
		w[b] = s.rotr(w[b]^w[c], r[1])
		w[a] = s.mask(w[a] + w[b] + y)
		w[d] = s.rotr(w[d]^w[a], r[2])
		w[c] = s.mask(w[c] + w[d])
		w[b] = s.rotr(w[b]^w[c], r[3])
	}
	for i := 0; i < s.v.rounds; i++ {
		sg := &blake2Sigma[i%10]
		g(0, 4, 8, 12, m[sg[0]], m[sg[1]])
		g(1, 5, 9, 13, m[sg[2]], m[sg[3]])
		g(2, 6, 10, 14, m[sg[4]], m[sg[5]])
		g(3, 7, 11, 15, m[sg[6]], m[sg[7]])
		g(0, 5, 10, 15, m[sg[8]], m[sg[9]])
		g(1, 6, 11, 12, m[sg[10]], m[sg[11]])
		g(2, 7, 8, 13, m[sg[12]], m[sg[13]])
		g(3, 4, 9, 14, m[sg[14]], m[sg[15]])
	}
	for i := range s.h {
		s.h[i] ^= w[i] ^ w[i+8]
	}
}

// addCount adds n bytes to the counter.
func (s *blake2State) addCount(n int) {
	if s.v.wordBits == 64 {
		var c uint64
		s.t0, c = bits.Add64(s.t0, uint64(n), 0)
		s.t1 += c
		return
	}
	x := s.t0 + uint64(n)
	s.t0 = x & 0xffffffff
	s.t1 = (s.t1 + x>>32) & 0xffffffff
}

// write hashes data; the last block is kept until the digest, which
// compresses it with the final flag.
func (s *blake2State) write(data []byte) {
	bs := s.v.block
	for len(data) > 0 {
		if len(s.buf) == bs {
			s.addCount(bs)
			s.compress(s.buf, false)
			s.buf = s.buf[:0]
		}
		n := min(bs-len(s.buf), len(data))
		s.buf = append(s.buf, data[:n]...)
		data = data[n:]
	}
}

// sum returns the digest without changing the state.
func (s *blake2State) sum() []byte {
	c := s.clone()
	c.addCount(len(c.buf))
	block := make([]byte, c.v.block)
	copy(block, c.buf)
	c.compress(block, true)
	wb := int(c.v.wordBits / 8)
	out := make([]byte, 8*wb)
	for i, x := range c.h {
		if wb == 8 {
			binary.LittleEndian.PutUint64(out[i*8:], x)
		} else {
			binary.LittleEndian.PutUint32(out[i*4:], uint32(x))
		}
	}
	return out[:c.digest]
}

func (s *blake2State) clone() *blake2State {
	c := *s
	c.buf = append(make([]byte, 0, s.v.block), s.buf...)
	return &c
}

// blake2Obj is a blake2b or blake2s object.
type blake2Obj struct {
	ObjectBase
	st *blake2State
}

// blake2Params are the constructor's parameters.
type blake2Params struct {
	digest, fanout, depth, nodeDepth, inner int
	leaf                                    uint64
	nodeOffset                              uint64
	key, salt, person                       []byte
	lastNode                                bool
}

// newBlake2State initializes the state from the parameter block.
func newBlake2State(v *blake2Variant, p *blake2Params) *blake2State {
	s := &blake2State{v: v, digest: p.digest, lastNode: p.lastNode, buf: make([]byte, 0, v.block)}
	pb := make([]byte, 8*v.wordBits/8)
	pb[0], pb[1], pb[2], pb[3] = byte(p.digest), byte(len(p.key)), byte(p.fanout), byte(p.depth)
	binary.LittleEndian.PutUint32(pb[4:], uint32(p.leaf))
	var off [8]byte
	binary.LittleEndian.PutUint64(off[:], p.nodeOffset)
	copy(pb[8:8+v.nodeOffsetBytes], off[:v.nodeOffsetBytes])
	i := 8 + v.nodeOffsetBytes
	pb[i], pb[i+1] = byte(p.nodeDepth), byte(p.inner)
	copy(pb[len(pb)-2*v.salt:], p.salt)
	copy(pb[len(pb)-v.salt:], p.person)
	wb := int(v.wordBits / 8)
	for k := range s.h {
		var w uint64
		if wb == 8 {
			w = binary.LittleEndian.Uint64(pb[k*8:])
		} else {
			w = uint64(binary.LittleEndian.Uint32(pb[k*4:]))
		}
		s.h[k] = v.iv[k] ^ w
	}
	if len(p.key) > 0 {
		block := make([]byte, v.block)
		copy(block, p.key)
		s.write(block)
	}
	return s
}

var blake2Params_ = []string{"data", "digest_size", "key", "salt", "person", "fanout", "depth",
	"leaf_size", "node_offset", "node_depth", "inner_size", "last_node", "usedforsecurity"}

// blake2New is blake2b/blake2s.__new__.
func blake2New(t *Thread, v *blake2Variant, cls *Type, args []Value, kw []*Str) (Value, error) {
	spec := ArgSpec{Name: v.name, Params: blake2Params_, PosOnly: 1, KwOnly: len(blake2Params_) - 1}
	var a [13]Value
	if err := clinicArgs(t, &spec, args, kw, a[:]); err != nil {
		return Null, err
	}
	p := blake2Params{digest: v.maxDigest, fanout: 1, depth: 1}
	intArg := func(x Value, def int) (int, error) {
		if x.IsNull() {
			return def, nil
		}
		if !hasIndex(x) {
			return 0, t.typeErrorf("'%s' object cannot be interpreted as an integer", typeName(x))
		}
		n, ok := smallIntOf(x)
		if !ok || n > math.MaxInt32 || n < math.MinInt32 {
			return 0, t.raisef(OverflowErrorType, "Python int too large to convert to C int")
		}
		return int(n), nil
	}
	// unsignedArg is _PyLong_UnsignedLong(Long)_Converter.
	unsignedArg := func(x Value, overflowMsg string) (uint64, error) {
		if x.IsNull() {
			return 0, nil
		}
		if !hasIndex(x) {
			return 0, t.typeErrorf("'%s' object cannot be interpreted as an integer", typeName(x))
		}
		iv, err := Index(t, x)
		if err != nil {
			return 0, err
		}
		n := bigOf(iv)
		if n.Sign() < 0 {
			return 0, t.valueErrorf("value must be positive")
		}
		if n.Cmp(new(big.Int).SetUint64(math.MaxUint64)) > 0 {
			return 0, t.raisef(OverflowErrorType, "%s", overflowMsg)
		}
		return n.Uint64(), nil
	}
	var err error
	if p.digest, err = intArg(a[1], v.maxDigest); err != nil {
		return Null, err
	}
	if p.digest < 1 || p.digest > v.maxDigest {
		return Null, t.valueErrorf("digest_size must be between 1 and %d bytes", v.maxDigest)
	}
	bytesParam := func(x Value, max int, what string) ([]byte, error) {
		if x.IsNull() {
			return nil, nil
		}
		b, err := hashData(t, x)
		if err != nil {
			return nil, err
		}
		if len(b) > max {
			return nil, t.valueErrorf("maximum %s length is %d bytes", what, max)
		}
		return append([]byte(nil), b...), nil
	}
	if p.key, err = bytesParam(a[2], v.maxKey, "key"); err != nil {
		return Null, err
	}
	if p.salt, err = bytesParam(a[3], v.salt, "salt"); err != nil {
		return Null, err
	}
	if p.person, err = bytesParam(a[4], v.salt, "person"); err != nil {
		return Null, err
	}
	if p.fanout, err = intArg(a[5], 1); err != nil {
		return Null, err
	}
	if p.fanout < 0 || p.fanout > 255 {
		return Null, t.valueErrorf("fanout must be between 0 and 255")
	}
	if p.depth, err = intArg(a[6], 1); err != nil {
		return Null, err
	}
	if p.depth <= 0 || p.depth > 255 {
		return Null, t.valueErrorf("depth must be between 1 and 255")
	}
	if p.leaf, err = unsignedArg(a[7], "Python int too large to convert to C unsigned long"); err != nil {
		return Null, err
	}
	if p.leaf > math.MaxUint32 {
		return Null, t.raisef(OverflowErrorType, "leaf_size is too large")
	}
	if p.nodeOffset, err = unsignedArg(a[8], "int too big to convert"); err != nil {
		return Null, err
	}
	if v.nodeOffsetBytes == 6 && p.nodeOffset >= 1<<48 {
		return Null, t.raisef(OverflowErrorType, "node_offset is too large")
	}
	if p.nodeDepth, err = intArg(a[9], 0); err != nil {
		return Null, err
	}
	if p.nodeDepth < 0 || p.nodeDepth > 255 {
		return Null, t.valueErrorf("node_depth must be between 0 and 255")
	}
	if p.inner, err = intArg(a[10], 0); err != nil {
		return Null, err
	}
	if p.inner < 0 || p.inner > v.maxDigest {
		return Null, t.valueErrorf("inner_size must be between 0 and is %d", v.maxDigest)
	}
	if !a[11].IsNull() {
		if p.lastNode, err = Truth(t, a[11]); err != nil {
			return Null, err
		}
	}
	if !a[12].IsNull() {
		if _, err = Truth(t, a[12]); err != nil {
			return Null, err
		}
	}
	o := &blake2Obj{ObjectBase: ObjectBase{cls: cls}, st: newBlake2State(v, &p)}
	if !a[0].IsNull() {
		b, err := hashData(t, a[0])
		if err != nil {
			return Null, err
		}
		o.st.write(b)
	}
	return Value{o: o}, nil
}

func init() {
	onSetup(setupBlake2)
	RegisterModule("_blake2", func(t *Thread, m *Module) error {
		for _, v := range []*blake2Variant{blake2bVariant, blake2sVariant} {
			m.addType(v.typ)
			up := "BLAKE2B"
			if v == blake2sVariant {
				up = "BLAKE2S"
			}
			m.Set(up+"_SALT_SIZE", Int(int64(v.salt)))
			m.Set(up+"_PERSON_SIZE", Int(int64(v.salt)))
			m.Set(up+"_MAX_KEY_SIZE", Int(int64(v.maxKey)))
			m.Set(up+"_MAX_DIGEST_SIZE", Int(int64(v.maxDigest)))
		}
		return nil
	})
}

func setupBlake2() {
	for _, v := range []*blake2Variant{blake2bVariant, blake2sVariant} {
		v := v
		tp := v.typ
		tp.New = func(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
			return blake2New(t, v, cls, args, kw)
		}
		get := func(self Value) *blake2Obj { return self.o.(*blake2Obj) }
		defMethods(tp,
			MethodDef{Name: "update", Doc: "Update this hash object's state with the provided bytes-like object.", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
				if err := oneArg(t, v.name+".update", args, kw); err != nil {
					return Null, err
				}
				b, err := hashData(t, args[0])
				if err != nil {
					return Null, err
				}
				get(self).st.write(b)
				return None, nil
			}},
			MethodDef{Name: "copy", Doc: "Return a copy of the hash object.", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
				if err := noArgs(t, v.name+".copy", args, kw); err != nil {
					return Null, err
				}
				o := get(self)
				return Value{o: &blake2Obj{ObjectBase: ObjectBase{cls: o.cls}, st: o.st.clone()}}, nil
			}},
			MethodDef{Name: "digest", Doc: "Return the digest value as a bytes object.", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
				if err := noArgs(t, v.name+".digest", args, kw); err != nil {
					return Null, err
				}
				return Value{o: NewBytes(get(self).st.sum())}, nil
			}},
			MethodDef{Name: "hexdigest", Doc: "Return the digest value as a string of hexadecimal digits.", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
				if err := noArgs(t, v.name+".hexdigest", args, kw); err != nil {
					return Null, err
				}
				return NewStrValue(hex.EncodeToString(get(self).st.sum())), nil
			}},
		)
		defGetSet(tp, "name", func(t *Thread, self Value) (Value, error) { return NewStrValue(v.name), nil }, nil)
		defGetSet(tp, "digest_size", func(t *Thread, self Value) (Value, error) { return Int(int64(get(self).st.digest)), nil }, nil)
		defGetSet(tp, "block_size", func(t *Thread, self Value) (Value, error) { return Int(int64(v.block)), nil }, nil)
		tp.Dict.SetStr("SALT_SIZE", Int(int64(v.salt)))
		tp.Dict.SetStr("PERSON_SIZE", Int(int64(v.salt)))
		tp.Dict.SetStr("MAX_KEY_SIZE", Int(int64(v.maxKey)))
		tp.Dict.SetStr("MAX_DIGEST_SIZE", Int(int64(v.maxDigest)))
	}
}
