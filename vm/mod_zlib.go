package vm

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"hash/crc32"
	"io"
	"sync"
)

// The zlib module, in part: crc32 and adler32 (exact: the checksums are
// defined by their algorithms), decompress for zlib, raw deflate and gzip
// streams (wbits as zlib's: 9..15, -9..-15, 25..31, 40..47 for automatic
// header detection) over Go's compress packages, the constants, and
// zlib.error. Compression is left out on purpose: zlib's compressed bytes
// depend on zlib's own match finder, which Go's compress/flate does not
// reproduce, so compress and compressobj raise zlib.error saying so
// rather than returning bytes CPython would not. decompressobj and
// _ZlibDecompressor are in mod_zlib_stream.go.

var (
	zlibErrorType *Type
	zlibErrorOnce sync.Once
)

func makeZlibError() {
	zlibErrorType = &Type{Name: "error", QualName: "error", Flags: FlagBaseType | FlagBaseExcSubclass | FlagHasDict | FlagHeapType,
		Base: ExceptionType, Bases: []*Type{ExceptionType}}
	zlibErrorType.cls = TypeType
	zlibErrorType.Dict = NewDict()
	zlibErrorType.Dict.SetStr("__module__", NewStrValue("zlib"))
	zlibErrorType.MRO, _ = c3MRO(zlibErrorType, zlibErrorType.Bases)
	zlibErrorType.builtin = BaseExceptionType
	zlibErrorType.version = nextTypeVersion()
	inheritSlots(zlibErrorType)
}

var (
	zlibCrcSpec        = ArgSpec{Name: "crc32", Params: []string{"data", "value"}, Required: 1, PosOnly: 2}
	zlibAdlerSpec      = ArgSpec{Name: "adler32", Params: []string{"data", "value"}, Required: 1, PosOnly: 2}
	zlibDecompressSpec = ArgSpec{Name: "decompress", Params: []string{"data", "wbits", "bufsize"}, Required: 1, PosOnly: 1}
)

// zlibChecksum is crc32 or adler32.
func zlibChecksum(t *Thread, spec *ArgSpec, args []Value, kw []*Str, def uint32, f func(uint32, []byte) uint32) (Value, error) {
	var a [2]Value
	if len(kw) > 0 {
		return Null, t.typeErrorf("%s() takes no keyword arguments", spec.Name)
	}
	if len(args) < 1 {
		return Null, t.typeErrorf("%s expected at least 1 argument, got %d", spec.Name, len(args))
	}
	if len(args) > 2 {
		return Null, t.typeErrorf("%s expected at most 2 arguments, got %d", spec.Name, len(args))
	}
	if err := clinicArgs(t, spec, args, kw, a[:]); err != nil {
		return Null, err
	}
	data, err := bufferArg(t, a[0])
	if err != nil {
		return Null, err
	}
	value := def
	if !a[1].IsNull() {
		if !hasIndex(a[1]) {
			return Null, t.typeErrorf("'%s' object cannot be interpreted as an integer", typeName(a[1]))
		}
		iv, err := Index(t, a[1])
		if err != nil {
			return Null, err
		}
		// unsigned int, masked (bitwise=True)
		value = uint32(bigOf(iv).Uint64() & 0xffffffff)
		if n := bigOf(iv); n.Sign() < 0 {
			value = uint32(n.Int64())
		}
	}
	return Int(int64(f(value, data))), nil
}

func zlibDecompress(t *Thread, args []Value, kw []*Str) (Value, error) {
	var a [3]Value
	if err := clinicArgs(t, &zlibDecompressSpec, args, kw, a[:]); err != nil {
		return Null, err
	}
	data, err := bufferArg(t, a[0])
	if err != nil {
		return Null, err
	}
	wbits := 15
	if !a[1].IsNull() {
		if wbits, err = AsSize(t, a[1], OverflowErrorType); err != nil {
			return Null, err
		}
	}
	if !a[2].IsNull() {
		n, err := AsSize(t, a[2], OverflowErrorType)
		if err != nil {
			return Null, err
		}
		if n < 0 {
			return Null, t.valueErrorf("bufsize must be non-negative")
		}
	}
	zerr := func(code int, msg string) error {
		return t.raisef(zlibErrorType, "Error %d while decompressing data: %s", code, msg)
	}
	var r io.Reader
	switch {
	case wbits >= 8 && wbits <= 15 || wbits == 0:
		zr, err := zlib.NewReader(bytes.NewReader(data))
		if err != nil {
			return Null, zlibReadError(zerr, err)
		}
		r = zr
	case wbits >= -15 && wbits <= -8:
		r = flate.NewReader(bytes.NewReader(data))
	case wbits >= 24 && wbits <= 31:
		gr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return Null, zlibReadError(zerr, err)
		}
		gr.Multistream(false)
		r = gr
	case wbits >= 40 && wbits <= 47:
		if len(data) >= 2 && data[0] == 0x1f && data[1] == 0x8b {
			gr, err := gzip.NewReader(bytes.NewReader(data))
			if err != nil {
				return Null, zlibReadError(zerr, err)
			}
			gr.Multistream(false)
			r = gr
		} else {
			zr, err := zlib.NewReader(bytes.NewReader(data))
			if err != nil {
				return Null, zlibReadError(zerr, err)
			}
			r = zr
		}
	default:
		return Null, zerr(-2, "inconsistent stream state")
	}
	out, err := io.ReadAll(r)
	if err != nil {
		return Null, zlibReadError(zerr, err)
	}
	return Value{o: NewBytes(out)}, nil
}

// zlibReadError maps Go's errors to zlib's codes and messages.
func zlibReadError(zerr func(int, string) error, err error) error {
	var corrupt flate.CorruptInputError
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		return zerr(-5, "incomplete or truncated stream")
	case errors.Is(err, zlib.ErrHeader) || errors.Is(err, gzip.ErrHeader):
		return zerr(-3, "incorrect header check")
	case errors.Is(err, zlib.ErrChecksum) || errors.Is(err, gzip.ErrChecksum):
		return zerr(-3, "incorrect data check")
	case errors.As(err, &corrupt):
		return zerr(-3, "invalid block type")
	}
	return zerr(-3, err.Error())
}

func init() {
	RegisterModule("zlib", func(t *Thread, m *Module) error {
		zlibErrorOnce.Do(makeZlibError)
		m.Set("error", Value{o: zlibErrorType})
		m.AddFunc("crc32", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return zlibChecksum(t, &zlibCrcSpec, args, kw, 0, func(v uint32, b []byte) uint32 { return crc32.Update(v, crc32.IEEETable, b) })
		})
		m.AddFunc("adler32", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return zlibChecksum(t, &zlibAdlerSpec, args, kw, 1, adler32Update)
		})
		m.AddFunc("decompress", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return zlibDecompress(t, args, kw)
		})
		unsupported := func(name string) {
			m.AddFunc(name, func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
				return Null, t.raisef(zlibErrorType, "zlib.%s is not supported by peephole: Go's deflate does not produce zlib's bytes", name)
			})
		}
		unsupported("compress")
		unsupported("compressobj")
		zlibAddStreams(m)
		for name, v := range map[string]int64{
			"MAX_WBITS": 15, "DEFLATED": 8, "DEF_MEM_LEVEL": 8, "DEF_BUF_SIZE": 16384,
			"Z_NO_COMPRESSION": 0, "Z_BEST_SPEED": 1, "Z_BEST_COMPRESSION": 9, "Z_DEFAULT_COMPRESSION": -1,
			"Z_FILTERED": 1, "Z_HUFFMAN_ONLY": 2, "Z_RLE": 3, "Z_FIXED": 4, "Z_DEFAULT_STRATEGY": 0,
			"Z_NO_FLUSH": 0, "Z_PARTIAL_FLUSH": 1, "Z_SYNC_FLUSH": 2, "Z_FULL_FLUSH": 3, "Z_FINISH": 4,
			"Z_BLOCK": 5, "Z_TREES": 6,
		} {
			m.Set(name, Int(v))
		}
		m.Set("ZLIB_VERSION", NewStrValue("1.2.13"))
		m.Set("ZLIB_RUNTIME_VERSION", NewStrValue("1.2.13"))
		return nil
	})
}

// adler32Update continues an Adler-32 checksum from value.
func adler32Update(value uint32, b []byte) uint32 {
	const mod = 65521
	s1, s2 := value&0xffff, value>>16
	for len(b) > 0 {
		n := min(len(b), 5552)
		for _, c := range b[:n] {
			s1 += uint32(c)
			s2 += s1
		}
		s1 %= mod
		s2 %= mod
		b = b[n:]
	}
	return s2<<16 | s1
}
