package vm

// Bytes is a Python bytes object.
type Bytes struct {
	ObjectBase
	b    []byte
	hash int64 // -1 until computed
}

// NewBytes returns a bytes object holding b (kept).
func NewBytes(b []byte) *Bytes {
	return &Bytes{ObjectBase: ObjectBase{cls: BytesType}, b: b, hash: -1}
}

// Bytes returns the content; the caller must not modify it.
func (b *Bytes) Bytes() []byte { return b.b }

// ByteArray is a Python bytearray.
type ByteArray struct {
	ObjectBase
	b []byte
}
