package vm

import (
	"hash/crc32"
)

// A resumable inflater (RFC 1950/1951/1952) for zlib.decompressobj and
// zlib._ZlibDecompressor, which gzip, zipfile and tarfile read through.
// Go's compress/flate cannot be fed input piece by piece (a reader that
// runs dry breaks it for good), so this one is written as a state
// machine over its own input buffer, and behaves as zlib's inflate() does
// where Python can see it:
//
//   - it pulls input a byte at a time, only when a step needs more bits
//     (so the input it leaves — unconsumed_tail, unused_data, the end of
//     the stream — is zlib's);
//   - it runs each step (a header, a block header with its code tables,
//     one literal or length/distance pair, a trailer) as a transaction: a
//     step that runs out of input is rolled back and resumed when more
//     comes, which Python cannot tell from zlib keeping the bits;
//   - when the output is full it still decodes as far as it can without
//     writing (the next symbol, a block end, the next block's header, the
//     trailer and the end of the stream), as zlib's state machine does,
//     and keeps the decoded symbol for the next call;
//   - its errors are zlib's messages ("invalid block type", "invalid
//     distance too far back", "incorrect data check"...).
//
// The window is the output so far (and the preset dictionary): a distance
// beyond it is "invalid distance too far back". zlib's own limit, the
// window size of wbits, is not applied to distances.

// inflate wrappers.
const (
	wrapRaw = iota
	wrapZlib
	wrapGzip
	wrapAuto // zlib or gzip, by the first two bytes
)

// inflate states.
const (
	infHeader = iota
	infDictID
	infBlock
	infStored
	infCodes
	infTrailer
	infDone
)

// inflateStatus says why a run stopped.
type inflateStatus int

const (
	infNeedInput inflateStatus = iota
	infOutputFull
	infStreamEnd
	infNeedDict
)

// inflateError is a zlib error: its code and message (zlib's msg, ""
// for none), and when it happened ("" for "while decompressing data").
type inflateError struct {
	code int
	msg  string
	when string
}

const maxWindow = 32768

// huffman is a canonical Huffman code: counts[n] codes of n bits, then
// the symbols in code order.
type huffman struct {
	counts  [16]int
	symbols []int
}

type inflater struct {
	wrap  int
	wbits int
	dict  []byte

	in     []byte
	pos    int
	bits   uint64
	nbits  uint
	state  int
	final  bool
	lit    huffman
	dist   huffman
	stored int // bytes left in a stored block

	// The decoded symbol not yet written: a literal, or a match.
	pendLit  int // -1: none
	pendLen  int
	pendDist int

	win    []byte // the last output (at least maxWindow bytes of it)
	total  int64
	adler  uint32
	crc    uint32
	gzip   bool // the stream is gzip (wrapGzip, or wrapAuto seeing 1f 8b)
	dictID uint32
	err    *inflateError // sticky, as zlib's BAD state
}

func newInflater(wbits int, dict []byte) (*inflater, bool) {
	z := &inflater{pendLit: -1, adler: 1}
	// inflateInit2's choices: -8..-15 raw; 0..47 with the low four bits
	// 0 (the window of the header) or 8..15, zlib below 16, gzip below
	// 32, either above.
	switch {
	case wbits >= -15 && wbits <= -8:
		z.wrap, z.wbits = wrapRaw, -wbits
	case wbits >= 0 && wbits < 48 && (wbits&15 == 0 || wbits&15 >= 8):
		z.wrap, z.wbits = [3]int{wrapZlib, wrapGzip, wrapAuto}[wbits>>4], wbits&15
	default:
		return nil, false
	}
	z.dict = dict
	if z.wrap == wrapRaw {
		z.state = infBlock
		if dict != nil {
			z.win = append(z.win, dict...)
		}
	}
	return z, true
}

// copyState returns an independent copy (Decompress.copy).
func (z *inflater) copyState() *inflater {
	c := *z
	c.in = append([]byte(nil), z.in...)
	c.win = append([]byte(nil), z.win...)
	c.lit.symbols = append([]int(nil), z.lit.symbols...)
	c.dist.symbols = append([]int(nil), z.dist.symbols...)
	return &c
}

// feed adds input, dropping what was consumed.
func (z *inflater) feed(data []byte) {
	if z.pos > 0 {
		z.in = append(z.in[:0], z.in[z.pos:]...)
		z.pos = 0
	}
	z.in = append(z.in, data...)
}

// rest is the input not pulled yet.
func (z *inflater) rest() []byte { return z.in[z.pos:] }

// dropRest forgets the input not pulled yet (it goes back to Python as
// unconsumed_tail or unused_data).
func (z *inflater) dropRest() { z.in = z.in[:z.pos] }

// need makes sure n bits are in the bit buffer, pulling bytes.
func (z *inflater) need(n uint) bool {
	for z.nbits < n {
		if z.pos >= len(z.in) {
			return false
		}
		z.bits |= uint64(z.in[z.pos]) << z.nbits
		z.pos++
		z.nbits += 8
	}
	return true
}

// take removes and returns n bits (need(n) must have succeeded).
func (z *inflater) take(n uint) int {
	v := int(z.bits & (1<<n - 1))
	z.bits >>= n
	z.nbits -= n
	return v
}

// getBits is need and take.
func (z *inflater) getBits(n uint) (int, bool) {
	if !z.need(n) {
		return 0, false
	}
	return z.take(n), true
}

// getByte reads a byte of a header or trailer (after the bits are
// byte-aligned).
func (z *inflater) getByte() (int, bool) { return z.getBits(8) }

// decode reads one symbol of h, a bit at a time; ok false means more
// input is needed, sym -1 an invalid code.
func (z *inflater) decode(h *huffman) (sym int, ok bool) {
	code, first, index := 0, 0, 0
	for n := 1; n < 16; n++ {
		b, ok := z.getBits(1)
		if !ok {
			return 0, false
		}
		code |= b
		count := h.counts[n]
		if code-first < count {
			return h.symbols[index+code-first], true
		}
		index += count
		first += count
		first <<= 1
		code <<= 1
	}
	return -1, true
}

// buildHuffman makes a code from lengths; it reports zlib's
// inflate_table failure (over-subscribed, or incomplete unless allowed).
func buildHuffman(h *huffman, lengths []int, incompleteOK bool) bool {
	*h = huffman{symbols: make([]int, 0, len(lengths))}
	maxLen := 0
	for _, l := range lengths {
		h.counts[l]++
		maxLen = max(maxLen, l)
	}
	h.counts[0] = 0
	left := 1
	for n := 1; n < 16; n++ {
		left <<= 1
		left -= h.counts[n]
		if left < 0 {
			return false
		}
	}
	if maxLen == 0 {
		// No codes at all: every code is invalid.
		h.symbols = h.symbols[:0]
		return true
	}
	if left > 0 && (!incompleteOK || maxLen != 1) {
		return false
	}
	var offs [16]int
	for n := 1; n < 15; n++ {
		offs[n+1] = offs[n] + h.counts[n]
	}
	h.symbols = h.symbols[:offs[15]+h.counts[15]]
	for s, l := range lengths {
		if l != 0 {
			h.symbols[offs[l]] = s
			offs[l]++
		}
	}
	return true
}

var (
	fixedLit, fixedDist huffman
	lenBase             = [29]int{3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258}
	lenExtra            = [29]uint{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0}
	distBase            = [30]int{1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577}
	distExtra           = [30]uint{0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13}
	codeLenOrder        = [19]int{16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15}
)

func init() {
	lengths := make([]int, 288)
	for i := range lengths {
		switch {
		case i < 144:
			lengths[i] = 8
		case i < 256:
			lengths[i] = 9
		case i < 280:
			lengths[i] = 7
		default:
			lengths[i] = 8
		}
	}
	buildHuffman(&fixedLit, lengths, false)
	d := make([]int, 30)
	for i := range d {
		d[i] = 5
	}
	// zlib's fixed distance table has 32 codes, 30 and 31 invalid.
	d = append(d, 5, 5)
	buildHuffman(&fixedDist, d, false)
}

func (z *inflater) fail(msg string) (inflateStatus, *inflateError) {
	z.err = &inflateError{code: -3, msg: msg}
	return 0, z.err
}

// emit writes output bytes: to out (for Python) and to the window and
// checksums.
func (z *inflater) emit(out *[]byte, b []byte) {
	*out = append(*out, b...)
	z.win = append(z.win, b...)
	if len(z.win) > 4*maxWindow {
		z.win = append(z.win[:0], z.win[len(z.win)-maxWindow:]...)
	}
	z.total += int64(len(b))
	if z.gzip {
		z.crc = crc32.Update(z.crc, crc32.IEEETable, b)
	} else if z.wrap != wrapRaw {
		z.adler = adler32Update(z.adler, b)
	}
}

// run decompresses into out, at most limit bytes (limit < 0: no limit).
func (z *inflater) run(out *[]byte, limit int) (inflateStatus, *inflateError) {
	if z.err != nil {
		return 0, z.err
	}
	room := func() int {
		if limit < 0 {
			return 1 << 30
		}
		return limit - len(*out)
	}
	for {
		// Write what was decoded before.
		if z.pendLit >= 0 {
			if room() == 0 {
				return infOutputFull, nil
			}
			z.emit(out, []byte{byte(z.pendLit)})
			z.pendLit = -1
		}
		for z.pendLen > 0 {
			n := min(z.pendLen, z.pendDist, room())
			if n == 0 {
				return infOutputFull, nil
			}
			start := len(z.win) - z.pendDist
			chunk := make([]byte, n)
			copy(chunk, z.win[start:start+n])
			z.emit(out, chunk)
			z.pendLen -= n
		}
		// Take the next step, or roll it back for want of input.
		pos, bits, nbits := z.pos, z.bits, z.nbits
		st, err := z.step(out, room)
		if err != nil {
			return 0, err
		}
		switch st {
		case stepNeedInput:
			z.pos, z.bits, z.nbits = pos, bits, nbits
			return infNeedInput, nil
		case stepDone:
			return infStreamEnd, nil
		case stepNeedDict:
			return infNeedDict, nil
		case stepStoredFull:
			return infOutputFull, nil
		}
	}
}

type stepResult int

const (
	stepOK stepResult = iota
	stepNeedInput
	stepDone
	stepNeedDict
	stepStoredFull
)

// step runs one step of the state machine.
func (z *inflater) step(out *[]byte, room func() int) (stepResult, *inflateError) {
	switch z.state {
	case infDone:
		return stepDone, nil
	case infHeader:
		return z.header()
	case infDictID:
		if z.dict == nil {
			return stepNeedDict, nil
		}
		if adler32Update(1, z.dict) != z.dictID {
			// inflateSetDictionary's Z_DATA_ERROR, which sets no msg.
			return 0, &inflateError{-3, "", "while setting zdict"}
		}
		z.win = append(z.win, z.dict...)
		z.state = infBlock
		return stepOK, nil
	case infBlock:
		return z.blockHeader()
	case infStored:
		if z.stored == 0 {
			z.state = z.afterBlock()
			return stepOK, nil
		}
		avail := len(z.in) - z.pos
		n := min(z.stored, avail, room())
		if n == 0 {
			if avail == 0 {
				return stepNeedInput, nil
			}
			return stepStoredFull, nil
		}
		z.emit(out, z.in[z.pos:z.pos+n])
		z.pos += n
		z.stored -= n
		return stepOK, nil
	case infCodes:
		sym, ok := z.decode(&z.lit)
		if !ok {
			return stepNeedInput, nil
		}
		switch {
		case sym < 0 || sym > 285:
			_, e := z.fail("invalid literal/length code")
			return 0, e
		case sym < 256:
			z.pendLit = sym
			return stepOK, nil
		case sym == 256:
			z.state = z.afterBlock()
			return stepOK, nil
		}
		sym -= 257
		extra, ok := z.getBits(lenExtra[sym])
		if !ok {
			return stepNeedInput, nil
		}
		length := lenBase[sym] + extra
		dsym, ok := z.decode(&z.dist)
		if !ok {
			return stepNeedInput, nil
		}
		if dsym < 0 || dsym > 29 {
			_, e := z.fail("invalid distance code")
			return 0, e
		}
		dextra, ok := z.getBits(distExtra[dsym])
		if !ok {
			return stepNeedInput, nil
		}
		d := distBase[dsym] + dextra
		if d > len(z.win) {
			_, e := z.fail("invalid distance too far back")
			return 0, e
		}
		z.pendLen, z.pendDist = length, d
		return stepOK, nil
	case infTrailer:
		return z.trailer()
	}
	return stepDone, nil
}

// afterBlock is the state after a block: the next block, or the trailer.
func (z *inflater) afterBlock() int {
	if !z.final {
		return infBlock
	}
	// The trailer starts on a byte boundary.
	z.take(z.nbits % 8)
	if z.wrap == wrapRaw {
		return infDone
	}
	return infTrailer
}

// header reads the zlib or gzip header.
func (z *inflater) header() (stepResult, *inflateError) {
	if !z.need(16) {
		return stepNeedInput, nil
	}
	h := int(z.bits & 0xffff)
	if (z.wrap == wrapGzip || z.wrap == wrapAuto) && h == 0x8b1f {
		return z.gzipHeader()
	}
	if z.wrap == wrapGzip || ((h&0xff)<<8+h>>8)%31 != 0 {
		_, e := z.fail("incorrect header check")
		return 0, e
	}
	if h&0x0f != 8 {
		_, e := z.fail("unknown compression method")
		return 0, e
	}
	wlen := (h>>4)&0x0f + 8
	if z.wbits == 0 {
		z.wbits = wlen
	}
	if wlen > 15 || wlen > z.wbits {
		_, e := z.fail("invalid window size")
		return 0, e
	}
	z.take(16)
	if h&0x2000 != 0 {
		var id uint32
		for range 4 {
			b, ok := z.getByte()
			if !ok {
				return stepNeedInput, nil
			}
			id = id<<8 | uint32(b)
		}
		z.dictID = id
		z.state = infDictID
		return stepOK, nil
	}
	z.state = infBlock
	return stepOK, nil
}

// gzipHeader reads a gzip member's header (the two magic bytes are in
// the bit buffer).
func (z *inflater) gzipHeader() (stepResult, *inflateError) {
	var hdr []byte
	get := func() (int, bool) {
		b, ok := z.getByte()
		if ok {
			hdr = append(hdr, byte(b))
		}
		return b, ok
	}
	get()
	get()
	cm, ok1 := get()
	flags, ok2 := get()
	if !ok1 || !ok2 {
		return stepNeedInput, nil
	}
	if cm != 8 {
		_, e := z.fail("unknown compression method")
		return 0, e
	}
	if flags&0xe0 != 0 {
		_, e := z.fail("unknown header flags set")
		return 0, e
	}
	for range 6 { // mtime, xfl, os
		if _, ok := get(); !ok {
			return stepNeedInput, nil
		}
	}
	if flags&4 != 0 { // FEXTRA
		lo, ok1 := get()
		hi, ok2 := get()
		if !ok1 || !ok2 {
			return stepNeedInput, nil
		}
		for range lo | hi<<8 {
			if _, ok := get(); !ok {
				return stepNeedInput, nil
			}
		}
	}
	for _, f := range []int{8, 16} { // FNAME, FCOMMENT
		if flags&f != 0 {
			for {
				b, ok := get()
				if !ok {
					return stepNeedInput, nil
				}
				if b == 0 {
					break
				}
			}
		}
	}
	if flags&2 != 0 { // FHCRC
		want := crc32.ChecksumIEEE(hdr) & 0xffff
		lo, ok1 := z.getByte()
		hi, ok2 := z.getByte()
		if !ok1 || !ok2 {
			return stepNeedInput, nil
		}
		if uint32(lo|hi<<8) != want {
			_, e := z.fail("header crc mismatch")
			return 0, e
		}
	}
	z.gzip = true
	z.crc = 0
	z.state = infBlock
	return stepOK, nil
}

// trailer reads and checks the zlib or gzip trailer.
func (z *inflater) trailer() (stepResult, *inflateError) {
	if z.gzip {
		var v [8]int
		for i := range v {
			b, ok := z.getByte()
			if !ok {
				return stepNeedInput, nil
			}
			v[i] = b
		}
		crc := uint32(v[0] | v[1]<<8 | v[2]<<16 | v[3]<<24)
		size := uint32(v[4] | v[5]<<8 | v[6]<<16 | v[7]<<24)
		if crc != z.crc {
			_, e := z.fail("incorrect data check")
			return 0, e
		}
		if size != uint32(z.total) {
			_, e := z.fail("incorrect length check")
			return 0, e
		}
	} else {
		var a uint32
		for range 4 {
			b, ok := z.getByte()
			if !ok {
				return stepNeedInput, nil
			}
			a = a<<8 | uint32(b)
		}
		if a != z.adler {
			_, e := z.fail("incorrect data check")
			return 0, e
		}
	}
	z.state = infDone
	return stepDone, nil
}

// blockHeader reads a block's header and its code tables.
func (z *inflater) blockHeader() (stepResult, *inflateError) {
	hdr, ok := z.getBits(3)
	if !ok {
		return stepNeedInput, nil
	}
	final := hdr&1 != 0
	switch hdr >> 1 {
	case 0:
		z.take(z.nbits % 8)
		v, ok := z.getBits(32)
		if !ok {
			return stepNeedInput, nil
		}
		if v&0xffff != (^v>>16)&0xffff {
			_, e := z.fail("invalid stored block lengths")
			return 0, e
		}
		z.stored = v & 0xffff
		z.state = infStored
	case 1:
		z.lit, z.dist = fixedLit, fixedDist
		z.state = infCodes
	case 2:
		if st, err := z.dynamicTables(); st != stepOK || err != nil {
			return st, err
		}
		z.state = infCodes
	default:
		_, e := z.fail("invalid block type")
		return 0, e
	}
	z.final = final
	return stepOK, nil
}

// dynamicTables reads the code tables of a dynamic block.
func (z *inflater) dynamicTables() (stepResult, *inflateError) {
	v, ok := z.getBits(14)
	if !ok {
		return stepNeedInput, nil
	}
	nlen, ndist, ncode := v&0x1f+257, (v>>5)&0x1f+1, (v>>10)+4
	if nlen > 286 || ndist > 30 {
		_, e := z.fail("too many length or distance symbols")
		return 0, e
	}
	var clens [19]int
	for i := range ncode {
		l, ok := z.getBits(3)
		if !ok {
			return stepNeedInput, nil
		}
		clens[codeLenOrder[i]] = l
	}
	var cl huffman
	if !buildHuffman(&cl, clens[:], false) {
		_, e := z.fail("invalid code lengths set")
		return 0, e
	}
	lengths := make([]int, nlen+ndist)
	for i := 0; i < len(lengths); {
		sym, ok := z.decode(&cl)
		if !ok {
			return stepNeedInput, nil
		}
		if sym < 0 {
			_, e := z.fail("invalid code lengths set")
			return 0, e
		}
		if sym < 16 {
			lengths[i] = sym
			i++
			continue
		}
		prev, n := 0, 0
		switch sym {
		case 16:
			if i == 0 {
				_, e := z.fail("invalid bit length repeat")
				return 0, e
			}
			prev = lengths[i-1]
			r, ok := z.getBits(2)
			if !ok {
				return stepNeedInput, nil
			}
			n = 3 + r
		case 17:
			r, ok := z.getBits(3)
			if !ok {
				return stepNeedInput, nil
			}
			n = 3 + r
		default:
			r, ok := z.getBits(7)
			if !ok {
				return stepNeedInput, nil
			}
			n = 11 + r
		}
		if i+n > len(lengths) {
			_, e := z.fail("invalid bit length repeat")
			return 0, e
		}
		for ; n > 0; n-- {
			lengths[i] = prev
			i++
		}
	}
	if lengths[256] == 0 {
		_, e := z.fail("invalid code -- missing end-of-block")
		return 0, e
	}
	if !buildHuffman(&z.lit, lengths[:nlen], true) {
		_, e := z.fail("invalid literal/lengths set")
		return 0, e
	}
	if !buildHuffman(&z.dist, lengths[nlen:], true) {
		_, e := z.fail("invalid distances set")
		return 0, e
	}
	return stepOK, nil
}
