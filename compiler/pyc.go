package compiler

// This file reads and writes .pyc files as CPython 3.13's importlib does
// (Lib/importlib/_bootstrap_external.py): a 16-byte header, then the module's
// code object in marshal format (marshal.go).
//
//	magic    4 bytes   f3 0d 0d 0a: 3571 and "\r\n"
//	flags    uint32    0: timestamp; bit 0: hash-based; bit 1: check the source
//	mtime    uint32    the source's modification time  ┐ timestamp pycs
//	size     uint32    the source's size in bytes      ┘
//	hash     8 bytes   importlib.util.source_hash       ] hash-based pycs
//
// All fields are little-endian; mtime and size are taken modulo 2**32.

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"

	"github.com/peephole-lsp/peephole/internal/pyconst"
)

// MagicNumber is the first 4 bytes of a CPython 3.13 .pyc file
// (importlib.util.MAGIC_NUMBER): 3571 as a little-endian uint16, then \r\n.
var MagicNumber = [4]byte{0xf3, 0x0d, 0x0d, 0x0a}

// The bits of a .pyc header's flags word.
const (
	PycHashBased   = 1 << 0 // the header holds a source hash, not mtime and size
	PycCheckSource = 1 << 1 // a hash-based pyc that importers check against the source
)

// PycHeader is the header of a .pyc file.
type PycHeader struct {
	// Flags is 0 for a timestamp pyc, PycHashBased (unchecked) or
	// PycHashBased|PycCheckSource (checked) for a hash-based one.
	Flags uint32
	// Mtime and SourceSize describe the source of a timestamp pyc: its
	// modification time in seconds and its size in bytes, modulo 2**32.
	Mtime, SourceSize uint32
	// SourceHash is the source's hash in a hash-based pyc.
	SourceHash [8]byte
}

// PycInvalidation says how importers decide whether a .pyc is stale, as
// py_compile.PycInvalidationMode does.
type PycInvalidation int

const (
	// PycTimestamp records the source's mtime and size.
	PycTimestamp PycInvalidation = iota
	// PycCheckedHash records the source's hash, and importers check it.
	PycCheckedHash
	// PycUncheckedHash records the source's hash, and importers ignore it.
	PycUncheckedHash
)

// PycOptions are the choices WritePyc leaves to its caller.
type PycOptions struct {
	Invalidation PycInvalidation
	// Mtime is the source's modification time in seconds since the epoch,
	// for a timestamp pyc (py_compile uses int(os.stat(src).st_mtime)).
	Mtime int64
}

// SourceHash returns importlib.util.source_hash(src): SipHash-1-3 of the
// source with the key (magic number as a little-endian uint32, 0), written
// little-endian.
func SourceHash(src []byte) [8]byte {
	k0 := uint64(binary.LittleEndian.Uint32(MagicNumber[:]))
	var out [8]byte
	binary.LittleEndian.PutUint64(out[:], pyconst.SipHash13(k0, 0, src))
	return out
}

// WritePyc writes a .pyc file for code, compiled from the source src, as
// py_compile.compile writes it: the header (timestamp or source hash, as
// opts says), then the code object in marshal format.
func WritePyc(w io.Writer, code *Code, src []byte, opts PycOptions) error {
	if code == nil {
		return errors.New("pyc: no code object")
	}
	body, err := Marshal(code)
	if err != nil {
		return err
	}
	var h [16]byte
	copy(h[:4], MagicNumber[:])
	switch opts.Invalidation {
	case PycTimestamp:
		binary.LittleEndian.PutUint32(h[8:], uint32(opts.Mtime))
		binary.LittleEndian.PutUint32(h[12:], uint32(len(src)))
	case PycCheckedHash, PycUncheckedHash:
		flags := uint32(PycHashBased)
		if opts.Invalidation == PycCheckedHash {
			flags |= PycCheckSource
		}
		binary.LittleEndian.PutUint32(h[4:], flags)
		sum := SourceHash(src)
		copy(h[8:], sum[:])
	default:
		return fmt.Errorf("pyc: unknown invalidation mode %d", opts.Invalidation)
	}
	if _, err := w.Write(h[:]); err != nil {
		return err
	}
	_, err = w.Write(body)
	return err
}

// ReadPyc reads a .pyc file as CPython 3.13's importer does: it checks the
// magic number and the flags, and unmarshals the module's code object. It
// does not compare the header with any source.
func ReadPyc(data []byte) (*Code, PycHeader, error) {
	var h PycHeader
	if len(data) < 4 || [4]byte(data[:4]) != MagicNumber {
		return nil, h, errors.New("pyc: bad magic number (not a CPython 3.13 .pyc file)")
	}
	if len(data) < 16 {
		return nil, h, errors.New("pyc: reached EOF while reading pyc header")
	}
	h.Flags = binary.LittleEndian.Uint32(data[4:])
	if h.Flags&^(PycHashBased|PycCheckSource) != 0 {
		return nil, h, fmt.Errorf("pyc: invalid flags %d", h.Flags)
	}
	if h.Flags&PycHashBased != 0 {
		copy(h.SourceHash[:], data[8:16])
	} else {
		h.Mtime = binary.LittleEndian.Uint32(data[8:])
		h.SourceSize = binary.LittleEndian.Uint32(data[12:])
	}
	v, err := Unmarshal(data[16:])
	if err != nil {
		return nil, h, err
	}
	code, ok := v.(*Code)
	if !ok {
		return nil, h, fmt.Errorf("pyc: non-code object (%s) in .pyc body", typeName(v))
	}
	return code, h, nil
}
