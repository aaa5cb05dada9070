package vm

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha3"
	"crypto/sha512"
	"encoding"
	"encoding/hex"
	"hash"
)

// The builtin hash modules hashlib falls back on without OpenSSL: _md5,
// _sha1, _sha2 and _sha3 (random.seed uses _sha2.sha512 for str seeds),
// over Go's crypto packages.

// hashObj is a hash object of one of those modules.
type hashObj struct {
	ObjectBase
	algo  *hashAlgo
	h     hash.Hash
	shake *sha3.SHAKE
}

// hashAlgo describes an algorithm and its type.
type hashAlgo struct {
	name     string
	typ      *Type
	digest   int
	block    int
	newHash  func() hash.Hash
	newShake func() *sha3.SHAKE
}

var hashAlgos = []*hashAlgo{
	{name: "md5", typ: nativeType("_md5", "md5", nil, 0), digest: 16, block: 64, newHash: md5.New},
	{name: "sha1", typ: nativeType("_sha1", "sha1", nil, 0), digest: 20, block: 64, newHash: sha1.New},
	{name: "sha224", typ: nativeType("_sha2", "SHA224Type", nil, 0), digest: 28, block: 64, newHash: sha256.New224},
	{name: "sha256", typ: nativeType("_sha2", "SHA256Type", nil, 0), digest: 32, block: 64, newHash: sha256.New},
	{name: "sha384", typ: nativeType("_sha2", "SHA384Type", nil, 0), digest: 48, block: 128, newHash: sha512.New384},
	{name: "sha512", typ: nativeType("_sha2", "SHA512Type", nil, 0), digest: 64, block: 128, newHash: sha512.New},
	{name: "sha3_224", typ: nativeType("_sha3", "sha3_224", nil, 0), digest: 28, block: 144, newHash: func() hash.Hash { return sha3.New224() }},
	{name: "sha3_256", typ: nativeType("_sha3", "sha3_256", nil, 0), digest: 32, block: 136, newHash: func() hash.Hash { return sha3.New256() }},
	{name: "sha3_384", typ: nativeType("_sha3", "sha3_384", nil, 0), digest: 48, block: 104, newHash: func() hash.Hash { return sha3.New384() }},
	{name: "sha3_512", typ: nativeType("_sha3", "sha3_512", nil, 0), digest: 64, block: 72, newHash: func() hash.Hash { return sha3.New512() }},
	{name: "shake_128", typ: nativeType("_sha3", "shake_128", nil, 0), digest: 0, block: 168, newShake: sha3.NewSHAKE128},
	{name: "shake_256", typ: nativeType("_sha3", "shake_256", nil, 0), digest: 0, block: 136, newShake: sha3.NewSHAKE256},
}

// bufferBytesOf returns the bytes of a bytes or bytearray object.
func bufferBytesOf(v Value) ([]byte, bool) {
	return bytesLike(v)
}

// hashData is the argument of update() and of the constructors.
func hashData(t *Thread, v Value) ([]byte, error) {
	if _, ok := v.o.(*Str); ok {
		return nil, t.typeErrorf("Strings must be encoded before hashing")
	}
	if b, ok := bufferBytesOf(v); ok {
		return b, nil
	}
	return nil, t.typeErrorf("object supporting the buffer API required")
}

func (o *hashObj) write(b []byte) {
	if o.shake != nil {
		o.shake.Write(b)
	} else {
		o.h.Write(b)
	}
}

// clone copies the running state.
func (o *hashObj) clone() *hashObj {
	c := &hashObj{ObjectBase: ObjectBase{cls: o.cls}, algo: o.algo}
	if o.shake != nil {
		st, _ := o.shake.MarshalBinary()
		c.shake = o.algo.newShake()
		c.shake.UnmarshalBinary(st)
		return c
	}
	c.h = o.algo.newHash()
	if m, ok := o.h.(encoding.BinaryMarshaler); ok {
		st, _ := m.MarshalBinary()
		c.h.(encoding.BinaryUnmarshaler).UnmarshalBinary(st)
	}
	return c
}

func init() {
	onSetup(setupHashes)
	mods := map[string][]*hashAlgo{}
	for _, a := range hashAlgos {
		name := moduleOfHash(a.name)
		mods[name] = append(mods[name], a)
	}
	for name, algos := range mods {
		algos := algos
		RegisterModule(name, func(t *Thread, m *Module) error {
			for _, a := range algos {
				m.addType(a.typ)
				a := a
				m.AddFunc(a.name, func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
					return newHashObj(t, a, args, kw)
				})
			}
			if name == "_sha3" {
				m.Set("implementation", NewStrValue("go"))
			}
			return nil
		})
	}
}

func moduleOfHash(name string) string {
	switch name {
	case "md5":
		return "_md5"
	case "sha1":
		return "_sha1"
	case "sha224", "sha256", "sha384", "sha512":
		return "_sha2"
	}
	return "_sha3"
}

func newHashObj(t *Thread, a *hashAlgo, args []Value, kw []*Str) (Value, error) {
	spec := ArgSpec{Name: a.name, Params: []string{"string", "usedforsecurity"}, KwOnly: 1}
	if moduleOfHash(a.name) == "_sha3" {
		spec = ArgSpec{Name: a.name, Params: []string{"data", "usedforsecurity"}, PosOnly: 1, KwOnly: 1}
	}
	var p [2]Value
	if err := clinicArgs(t, &spec, args, kw, p[:]); err != nil {
		return Null, err
	}
	o := &hashObj{ObjectBase: ObjectBase{cls: a.typ}, algo: a}
	if a.newShake != nil {
		o.shake = a.newShake()
	} else {
		o.h = a.newHash()
	}
	if !p[0].IsNull() {
		b, err := hashData(t, p[0])
		if err != nil {
			return Null, err
		}
		o.write(b)
	}
	return Value{o: o}, nil
}

func setupHashes() {
	for _, a := range hashAlgos {
		a := a
		tp := a.typ
		method := func(name string, fn func(t *Thread, o *hashObj, args []Value, kw []*Str) (Value, error)) MethodDef {
			return MethodDef{Name: name, Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
				return fn(t, self.o.(*hashObj), args, kw)
			}}
		}
		shakeLen := func(t *Thread, name string, args []Value, kw []*Str) (int, error) {
			if err := oneArg(t, name, args, kw); err != nil {
				return 0, err
			}
			n, err := AsSize(t, args[0], OverflowErrorType)
			if err != nil {
				return 0, err
			}
			if n < 0 {
				return 0, t.valueErrorf("length must be non-negative")
			}
			return n, nil
		}
		sum := func(o *hashObj, n int) []byte {
			c := o.clone()
			if c.shake != nil {
				out := make([]byte, n)
				c.shake.Read(out)
				return out
			}
			return c.h.Sum(nil)
		}
		qual := shortName(tp)
		defMethods(tp,
			method("update", func(t *Thread, o *hashObj, args []Value, kw []*Str) (Value, error) {
				if err := oneArg(t, qual+".update", args, kw); err != nil {
					return Null, err
				}
				b, err := hashData(t, args[0])
				if err != nil {
					return Null, err
				}
				o.write(b)
				return None, nil
			}),
			method("copy", func(t *Thread, o *hashObj, args []Value, kw []*Str) (Value, error) {
				if err := noArgs(t, qual+".copy", args, kw); err != nil {
					return Null, err
				}
				return Value{o: o.clone()}, nil
			}),
			method("digest", func(t *Thread, o *hashObj, args []Value, kw []*Str) (Value, error) {
				n := 0
				if o.shake != nil {
					var err error
					if n, err = shakeLen(t, "digest", args, kw); err != nil {
						return Null, err
					}
				} else if err := noArgs(t, qual+".digest", args, kw); err != nil {
					return Null, err
				}
				return Value{o: NewBytes(sum(o, n))}, nil
			}),
			method("hexdigest", func(t *Thread, o *hashObj, args []Value, kw []*Str) (Value, error) {
				n := 0
				if o.shake != nil {
					var err error
					if n, err = shakeLen(t, "hexdigest", args, kw); err != nil {
						return Null, err
					}
				} else if err := noArgs(t, qual+".hexdigest", args, kw); err != nil {
					return Null, err
				}
				return NewStrValue(hex.EncodeToString(sum(o, n))), nil
			}),
		)
		defGetSet(tp, "name", func(t *Thread, self Value) (Value, error) { return NewStrValue(a.name), nil }, nil)
		defGetSet(tp, "digest_size", func(t *Thread, self Value) (Value, error) { return Int(int64(a.digest)), nil }, nil)
		defGetSet(tp, "block_size", func(t *Thread, self Value) (Value, error) { return Int(int64(a.block)), nil }, nil)
	}
}
