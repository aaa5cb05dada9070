package vm

import (
	"io"
	"os"
	"strings"
	"syscall"
	"unicode/utf8"

	"github.com/peephole-lsp/peephole/internal/pyconst"
)

// open() and the file objects it returns, as CPython's io module layers
// them, in one Go object per file: _io.TextIOWrapper for text modes,
// _io.BufferedReader/BufferedWriter/BufferedRandom for binary modes and
// _io.FileIO for unbuffered binary (buffering=0). The object reads ahead
// in 8192-byte chunks as CPython's layers do, which is what decides where
// a write after a read lands in a text file opened "r+" (after the chunk,
// as in CPython), and keeps written bytes until flush, close or a read.
//
// Text: UTF-8 (the default, shown as 'UTF-8'), Latin-1 and ASCII codecs
// with the strict, ignore, replace, surrogateescape and backslashreplace
// error handlers; universal newlines on input (newline=None) and the
// other newline modes; tell() is the byte offset of the next character.
//
// The interpreter's file-system policy is enforced here: FSReadOnly
// refuses every mode that can write, FSNone refuses all files, with
// PermissionError.

type fileKind int

const (
	fileText fileKind = iota
	fileBuffered
	fileRaw
)

const fileChunk = 8192

// Text codecs.
const (
	fcUTF8 = iota
	fcLatin1
	fcASCII
)

// FileObject is a file opened by open().
type FileObject struct {
	ObjectBase
	kind      fileKind
	f         *os.File
	name      Value
	mode      string
	readable  bool
	writable  bool
	appending bool
	closefd   bool

	encName       string
	codec         int
	errors        string
	newline       Value // NULL for None (universal)
	lineBuffering bool
	seenNewlines  int  // 1: '\r', 2: '\n', 4: '\r\n' (universal and '' modes)
	pendingCR     bool // the decoded text so far ended with '\r'
	noTell        bool

	// st is the open file's buffers and state, shared by a text file and
	// its buffer attribute.
	st *fileState
	// buffer is the binary file under a text file (its buffer attribute).
	buffer   *FileObject
	raw      *FileObject // the FileIO under a buffered file (fileio_raw.go)
	rawMode  string
	detached bool
}

// fileState is what a text file and its binary buffer share.
type fileState struct {
	rbuf   []byte
	wbuf   []byte
	closed bool
}

var (
	textIOWrapperType  = builtinType("TextIOWrapper", nil, 0)
	bufferedReaderType = builtinType("BufferedReader", nil, 0)
	bufferedWriterType = builtinType("BufferedWriter", nil, 0)
	bufferedRandomType = builtinType("BufferedRandom", nil, 0)
	fileIOType         = builtinType("FileIO", nil, 0)
)

var openSpec = ArgSpec{Name: "open", Params: []string{"file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"}, Required: 1}

func init() {
	defBuiltin("open", builtinOpen)
	onSetup(setupFileTypes)
}

// optStr reads an optional str-or-None argument of open().
func optStr(t *Thread, v Value, name string) (string, bool, error) {
	if v.IsNull() || v.IsNone() {
		return "", false, nil
	}
	s, ok := v.o.(*Str)
	if !ok {
		return "", false, t.typeErrorf("open() argument '%s' must be str or None, not %s", name, typeName(v))
	}
	return s.s, true, nil
}

// builtinOpen is open(file, mode='r', buffering=-1, encoding=None,
// errors=None, newline=None, closefd=True, opener=None).
func builtinOpen(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
	var a [8]Value
	if err := parseClinic(t, &openSpec, args, kw, a[:]); err != nil {
		return Null, err
	}
	mode := "r"
	if !a[1].IsNull() {
		s, ok := a[1].o.(*Str)
		if !ok {
			return Null, t.typeErrorf("open() argument 'mode' must be str, not %s", typeName(a[1]))
		}
		mode = s.s
	}
	buffering := -1
	if !a[2].IsNull() {
		n, err := asCInt(t, a[2])
		if err != nil {
			return Null, err
		}
		buffering = n
	}
	encoding, hasEnc, err := optStr(t, a[3], "encoding")
	if err != nil {
		return Null, err
	}
	errorsName, hasErrors, err := optStr(t, a[4], "errors")
	if err != nil {
		return Null, err
	}
	newline, hasNewline, err := optStr(t, a[5], "newline")
	if err != nil {
		return Null, err
	}
	closefd := true
	if !a[6].IsNull() {
		b, err := Truth(t, a[6])
		if err != nil {
			return Null, err
		}
		closefd = b
	}
	opener := a[7]
	if opener.IsNone() {
		opener = Null
	}

	// The file argument: a path or a file descriptor.
	file := a[0]
	fd := -1
	path := ""
	if file.IsSmallInt() || file.IsBool() || file.Type().IsSubtype(IntType) {
		n, err := AsSize(t, file, OverflowErrorType)
		if err != nil {
			return Null, err
		}
		fd = n
	} else {
		p, err := t.fsPath(file)
		if err != nil {
			return Null, err
		}
		path = p
	}

	var creating, reading, writing, appending, updating, text, binary bool
	for i := 0; i < len(mode); i++ {
		c := mode[i]
		switch c {
		case 'x':
			creating = true
		case 'r':
			reading = true
		case 'w':
			writing = true
		case 'a':
			appending = true
		case '+':
			updating = true
		case 't':
			text = true
		case 'b':
			binary = true
		default:
			return Null, t.valueErrorf("invalid mode: '%s'", mode)
		}
		if strings.IndexByte(mode[i+1:], c) >= 0 {
			return Null, t.valueErrorf("invalid mode: '%s'", mode)
		}
	}
	if text && binary {
		return Null, t.valueErrorf("can't have text and binary mode at once")
	}
	if btoi(creating)+btoi(reading)+btoi(writing)+btoi(appending) > 1 {
		return Null, t.valueErrorf("must have exactly one of create/read/write/append mode")
	}
	if binary && hasEnc {
		return Null, t.valueErrorf("binary mode doesn't take an encoding argument")
	}
	if binary && hasErrors {
		return Null, t.valueErrorf("binary mode doesn't take an errors argument")
	}
	if binary && hasNewline {
		return Null, t.valueErrorf("binary mode doesn't take a newline argument")
	}
	if binary && buffering == 1 {
		if err := t.warnRuntime(RuntimeWarningType, "line buffering (buffering=1) isn't supported in binary mode, the default buffer size will be used"); err != nil {
			return Null, err
		}
	}
	if !(creating || reading || writing || appending) {
		return Null, t.valueErrorf("Must have exactly one of create/read/write/append mode and at most one plus")
	}
	if !binary && buffering == 0 {
		return Null, t.valueErrorf("can't have unbuffered text I/O")
	}
	codec := fcUTF8
	encName := "UTF-8"
	if !binary {
		if hasEnc {
			if encoding == "locale" {
				// encoding="locale" is the locale's encoding (PEP 597), UTF-8 here.
				encoding = encName
			}
			c, ok := lookupFileCodec(encoding)
			if !ok {
				return Null, t.raisef(LookupErrorType, "unknown encoding: %s", encoding)
			}
			codec, encName = c, encoding
		}
		if hasNewline && newline != "" && newline != "\n" && newline != "\r" && newline != "\r\n" {
			r, _ := Repr(t, a[5])
			return Null, t.valueErrorf("illegal newline value: %s", strings.Trim(r.s, "'\""))
		}
	}

	if !closefd && fd < 0 {
		return Null, t.valueErrorf("Cannot use closefd=False with file name")
	}
	// The file-system policy.
	writes := writing || appending || creating || updating
	switch t.interp.Limits.FS {
	case FSNone:
		return Null, t.fsRefused(path, fd)
	case FSReadOnly:
		if writes {
			return Null, t.fsRefused(path, fd)
		}
	}

	flags := 0
	switch {
	case creating:
		flags = os.O_EXCL | os.O_CREATE
	case reading:
	case writing:
		flags = os.O_CREATE | os.O_TRUNC
	case appending:
		flags = os.O_APPEND | os.O_CREATE
	}
	switch {
	case updating || (reading && (writing || appending)):
		flags |= os.O_RDWR
	case reading:
		flags |= os.O_RDONLY
	default:
		flags |= os.O_WRONLY
	}
	flags |= syscall.O_CLOEXEC

	var f *os.File
	if fd >= 0 {
		if fd > 1<<31-1 {
			return Null, t.raise(OverflowErrorType, "Python int too large to convert to C int")
		}
		f = t.fdFile(fd, closefd)
		if f == nil {
			return Null, t.osError(syscall.EBADF, "")
		}
		if _, err := f.Stat(); err != nil {
			return Null, t.osError(syscall.EBADF, "")
		}
	} else if !opener.IsNull() {
		r, err := t.Call(opener, []Value{NewStrValue(path), Int(int64(flags))}, nil)
		if err != nil {
			return Null, err
		}
		if !r.IsSmallInt() {
			return Null, t.typeErrorf("expected integer from opener")
		}
		if r.SmallInt() < 0 {
			return Null, t.valueErrorf("opener returned %d", r.SmallInt())
		}
		f = t.fdFile(int(r.SmallInt()), closefd)
	} else {
		var err error
		f, err = os.OpenFile(path, flags, 0o666)
		if err != nil {
			return Null, t.osError(err, path)
		}
		if st, err := f.Stat(); err == nil && st.IsDir() {
			f.Close()
			return Null, t.osError(syscall.EISDIR, path)
		}
	}

	fo := &FileObject{f: f, name: file, closefd: closefd, appending: appending, st: &fileState{},
		readable: reading || updating, writable: writing || appending || creating || updating,
		codec: codec, encName: encName, errors: "strict"}
	if hasErrors {
		fo.errors = errorsName
	}
	if hasNewline {
		fo.newline = NewStrValue(newline)
	}
	if appending {
		f.Seek(0, io.SeekEnd)
	}
	rawMode := rawModeString(creating, appending, fo.readable, fo.writable)
	fo.rawMode = rawMode
	switch {
	case !binary:
		fo.kind = fileText
		fo.cls = textIOWrapperType
		fo.mode = mode
		fo.lineBuffering = buffering == 1 || isTerminal(f)
	case buffering == 0:
		fo.kind = fileRaw
		fo.cls = fileIOType
		fo.mode = rawMode
	default:
		fo.kind = fileBuffered
		fo.mode = rawMode
		switch {
		case fo.readable && fo.writable:
			fo.cls = bufferedRandomType
		case fo.readable:
			fo.cls = bufferedReaderType
		default:
			fo.cls = bufferedWriterType
		}
	}
	return Value{o: fo}, nil
}

// fsRefused is the PermissionError for a file the policy forbids.
func (t *Thread) fsRefused(path string, fd int) error {
	e := t.osError(syscall.EPERM, path)
	if ex := asException(e); ex != nil && path == "" && fd >= 0 {
		ex.Filename = Int(int64(fd))
	}
	return e
}

// rawModeString is FileIO.mode.
func rawModeString(created, appending, readable, writable bool) string {
	switch {
	case created:
		if readable {
			return "xb+"
		}
		return "xb"
	case appending:
		if readable {
			return "ab+"
		}
		return "ab"
	case readable:
		if writable {
			return "rb+"
		}
		return "rb"
	}
	return "wb"
}

func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// lookupFileCodec finds the codec of an encoding name among those peephole's
// files support.
func lookupFileCodec(name string) (int, bool) {
	n := strings.ReplaceAll(strings.ToLower(strings.TrimSpace(name)), "_", "-")
	switch n {
	case "utf-8", "utf8", "u8", "utf", "cp65001", "utf8-ucs2", "utf8-ucs4":
		return fcUTF8, true
	case "latin-1", "latin1", "iso-8859-1", "iso8859-1", "8859", "cp819", "l1", "latin", "iso-ir-100", "csisolatin1", "iso-8859-1:1987", "ibm819":
		return fcLatin1, true
	case "ascii", "us-ascii", "646", "us", "ansi-x3.4-1968", "ansi-x3.4-1986", "cp367", "csascii", "ibm367", "iso646-us", "iso-646.irv:1991", "iso-ir-6":
		return fcASCII, true
	}
	return 0, false
}

// fileCodecName is the name a codec's errors give ('utf-8', 'latin-1', 'ascii').
func fileCodecName(c int) string {
	return [...]string{"utf-8", "latin-1", "ascii"}[c]
}

// checkOpen raises the closed-file ValueError (with CPython's two
// spellings: the buffered and text layers end it with a period).
func (fo *FileObject) checkOpen(t *Thread) error {
	if fo.detached {
		return t.valueErrorf("underlying buffer has been detached")
	}
	if fo.st.closed {
		return t.valueErrorf("I/O operation on closed file.")
	}
	return nil
}

func (fo *FileObject) checkRawOpen(t *Thread) error {
	if fo.st.closed {
		return t.valueErrorf("I/O operation on closed file")
	}
	return nil
}

func (fo *FileObject) checkReadable(t *Thread) error {
	if err := fo.checkOpen(t); err != nil {
		return err
	}
	if !fo.readable {
		if fo.kind == fileRaw {
			return NewException(UnsupportedOperationType(), NewStrValue("File not open for reading"))
		}
		return NewException(UnsupportedOperationType(), NewStrValue("not readable"))
	}
	return nil
}

func (fo *FileObject) checkWritable(t *Thread) error {
	if err := fo.checkOpen(t); err != nil {
		return err
	}
	if !fo.writable {
		if fo.kind == fileRaw {
			return NewException(UnsupportedOperationType(), NewStrValue("File not open for writing"))
		}
		return NewException(UnsupportedOperationType(), NewStrValue("not writable"))
	}
	return nil
}

// flushWrites writes out the pending bytes.
func (fo *FileObject) flushWrites(t *Thread) error {
	for len(fo.st.wbuf) > 0 {
		n, err := fo.f.Write(fo.st.wbuf)
		fo.st.wbuf = fo.st.wbuf[n:]
		if err != nil {
			fo.st.wbuf = nil
			return t.osError(err, "")
		}
	}
	fo.st.wbuf = nil
	delete(t.interp.unflushed, fo.st)
	return nil
}

// fill reads the next chunk after the read-ahead; it reports false at
// the end of the file.
func (fo *FileObject) fill(t *Thread) (bool, error) {
	if err := fo.flushWrites(t); err != nil {
		return false, err
	}
	var buf [fileChunk]byte
	n, err := fo.f.Read(buf[:])
	if n > 0 {
		fo.st.rbuf = append(fo.st.rbuf, buf[:n]...)
		fo.noteNewlines(buf[:n], false)
		return true, nil
	}
	if err != nil && err != io.EOF {
		return false, t.osError(err, "")
	}
	fo.noteNewlines(nil, true)
	return false, nil
}

// noteNewlines records the kinds of newline in text just read, for the
// newlines attribute, as CPython's newline decoder does chunk by chunk
// (a '\r' ending a chunk waits for the next one).
func (fo *FileObject) noteNewlines(b []byte, final bool) {
	if fo.kind != fileText || !(fo.newline.IsNull() || fo.newline.o.(*Str).s == "") {
		return
	}
	for _, c := range b {
		if fo.pendingCR {
			fo.pendingCR = false
			if c == '\n' {
				fo.seenNewlines |= 4
				continue
			}
			fo.seenNewlines |= 1
		}
		switch c {
		case '\r':
			fo.pendingCR = true
		case '\n':
			fo.seenNewlines |= 2
		}
	}
	if final && fo.pendingCR {
		fo.pendingCR = false
		fo.seenNewlines |= 1
	}
}

// readAll returns the read-ahead and the rest of the file.
func (fo *FileObject) readAll(t *Thread) ([]byte, error) {
	if err := fo.flushWrites(t); err != nil {
		return nil, err
	}
	rest, err := io.ReadAll(fo.f)
	if err != nil {
		return nil, t.osError(err, "")
	}
	fo.noteNewlines(rest, true)
	out := append(fo.st.rbuf, rest...)
	fo.st.rbuf = nil
	return out, nil
}

// prepareWrite readies the file for a write after reads: the binary
// layers rewind over their read-ahead; the text layer drops it (its
// write lands after the chunk it read, as in CPython).
func (fo *FileObject) prepareWrite(t *Thread) error {
	if len(fo.st.rbuf) > 0 {
		if fo.kind != fileText {
			if _, err := fo.f.Seek(int64(-len(fo.st.rbuf)), io.SeekCurrent); err != nil {
				return t.osError(err, "")
			}
		}
		fo.st.rbuf = nil
	}
	return nil
}

// writeBytes buffers (or, unbuffered, writes) bytes.
func (fo *FileObject) writeBytes(t *Thread, b []byte) error {
	if err := fo.prepareWrite(t); err != nil {
		return err
	}
	if fo.kind == fileRaw {
		_, err := fo.f.Write(b)
		if err != nil {
			return t.osError(err, "")
		}
		return nil
	}
	was := len(fo.st.wbuf)
	fo.st.wbuf = append(fo.st.wbuf, b...)
	if len(fo.st.wbuf) >= fileChunk {
		return fo.flushWrites(t)
	}
	if was == 0 && len(b) > 0 {
		return t.interp.noteUnflushed(t, fo)
	}
	return nil
}

// maxUnflushed is how many files may hold written bytes not yet flushed
// before all are flushed (each keeps its descriptor open meanwhile).
const maxUnflushed = 64

// noteUnflushed records that fo holds bytes not yet written, so that the
// run's end writes them: CPython flushes and closes a file when its last
// reference goes or at shutdown, and a file object Go collects would lose
// them (its os.File's finalizer closes the descriptor). Past maxUnflushed
// files, all are flushed now (earlier than CPython, which only a second
// handle on the same file could tell).
func (in *Interp) noteUnflushed(t *Thread, fo *FileObject) error {
	if in.unflushed == nil {
		in.unflushed = map[*fileState]*FileObject{}
	}
	in.unflushed[fo.st] = fo
	if len(in.unflushed) > maxUnflushed {
		return in.flushFiles(t)
	}
	return nil
}

// flushFiles writes out the bytes every file still holds (at the end of
// a run, as CPython's shutdown does). The first error is returned.
func (in *Interp) flushFiles(t *Thread) error {
	var first error
	for st, fo := range in.unflushed {
		if !st.closed {
			if err := fo.flushWrites(t); err != nil && first == nil {
				first = err
			}
		}
		delete(in.unflushed, st)
	}
	return first
}

// position is the offset of the next byte the program reads or writes.
func (fo *FileObject) position(t *Thread) (int64, error) {
	if err := fo.flushWrites(t); err != nil {
		return 0, err
	}
	p, err := fo.f.Seek(0, io.SeekCurrent)
	if err != nil {
		return 0, t.osError(err, "")
	}
	return p - int64(len(fo.st.rbuf)), nil
}

// close flushes and closes the file.
func (fo *FileObject) close(t *Thread) error {
	if fo.st.closed {
		return nil
	}
	err := fo.flushWrites(t)
	fo.st.closed = true
	fo.st.rbuf = nil
	if fo.closefd {
		if cerr := fo.f.Close(); cerr != nil && err == nil {
			err = t.osError(cerr, "")
		}
	}
	return err
}

// --- Text decoding and encoding.

// decodeText decodes bytes with the file's codec and error handler.
func (fo *FileObject) decodeText(t *Thread, b []byte) (string, error) {
	switch fo.codec {
	case fcLatin1:
		if isASCIIBytes(b) {
			return string(b), nil
		}
		out := make([]byte, 0, len(b)*2)
		for _, c := range b {
			out = pyconst.AppendRune(out, rune(c))
		}
		return string(out), nil
	case fcASCII:
		if isASCIIBytes(b) {
			return string(b), nil
		}
		var out []byte
		for i := 0; i < len(b); i++ {
			if b[i] < 0x80 {
				out = append(out, b[i])
				continue
			}
			r, err := fo.decodeError(t, b, i, i+1, "ordinal not in range(128)", out)
			if err != nil {
				return "", err
			}
			out = r
		}
		return string(out), nil
	}
	if utf8.Valid(b) {
		return string(b), nil
	}
	var out []byte
	for i := 0; i < len(b); {
		if b[i] < 0x80 {
			out = append(out, b[i])
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r != utf8.RuneError || size > 1 {
			out = append(out, b[i:i+size]...)
			i += size
			continue
		}
		end, reason := utf8ErrorSpan(b, i)
		var err error
		if out, err = fo.decodeError(t, b, i, end, reason, out); err != nil {
			return "", err
		}
		i = end
	}
	return string(out), nil
}

func isASCIIBytes(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

// utf8ErrorSpan returns the end of the undecodable bytes at i and
// CPython's reason for them.
func utf8ErrorSpan(b []byte, i int) (int, string) {
	c := b[i]
	var need int
	lo, hi := byte(0x80), byte(0xBF)
	switch {
	case c >= 0xC2 && c <= 0xDF:
		need = 1
	case c == 0xE0:
		need, lo = 2, 0xA0
	case c >= 0xE1 && c <= 0xEC, c == 0xEE, c == 0xEF:
		need = 2
	case c == 0xED:
		need, hi = 2, 0x9F
	case c == 0xF0:
		need, lo = 3, 0x90
	case c >= 0xF1 && c <= 0xF3:
		need = 3
	case c == 0xF4:
		need, hi = 3, 0x8F
	default:
		return i + 1, "invalid start byte"
	}
	j := i + 1
	for k := 0; k < need; k++ {
		if j >= len(b) {
			return j, "unexpected end of data"
		}
		cb := b[j]
		if k == 0 && (cb < lo || cb > hi) || k > 0 && (cb < 0x80 || cb > 0xBF) {
			return j, "invalid continuation byte"
		}
		j++
	}
	return j, "invalid continuation byte"
}

// decodeError applies the error handler to b[start:end], appending the
// replacement to out.
func (fo *FileObject) decodeError(t *Thread, b []byte, start, end int, reason string, out []byte) ([]byte, error) {
	switch fo.errors {
	case "strict":
		return nil, NewException(UnicodeDecodeErrorType, NewStrValue(fileCodecName(fo.codec)), Value{o: NewBytes(append([]byte(nil), b...))},
			Int(int64(start)), Int(int64(end)), NewStrValue(reason))
	case "ignore":
		return out, nil
	case "replace":
		return append(out, "\ufffd"...), nil
	case "surrogateescape":
		for _, c := range b[start:end] {
			out = pyconst.AppendRune(out, 0xDC00+rune(c))
		}
		return out, nil
	case "backslashreplace":
		for _, c := range b[start:end] {
			out = append(out, '\\', 'x', "0123456789abcdef"[c>>4], "0123456789abcdef"[c&15])
		}
		return out, nil
	}
	return nil, t.raisef(LookupErrorType, "unknown error handler name '%s'", fo.errors)
}

// encodeText encodes text with the file's codec and error handler.
func (fo *FileObject) encodeText(t *Thread, s *Str) ([]byte, error) {
	if s.ascii {
		return []byte(s.s), nil
	}
	limit := rune(0x10FFFF)
	reason := "surrogates not allowed"
	switch fo.codec {
	case fcLatin1:
		limit, reason = 0xFF, "ordinal not in range(256)"
	case fcASCII:
		limit, reason = 0x7F, "ordinal not in range(128)"
	}
	out := make([]byte, 0, len(s.s))
	pos := 0
	for i := 0; i < len(s.s); pos++ {
		r, size := pyconst.DecodeRune(s.s[i:])
		bad := r > limit || (fo.codec == fcUTF8 && r >= 0xD800 && r <= 0xDFFF)
		if !bad {
			if fo.codec == fcUTF8 {
				out = append(out, s.s[i:i+size]...)
			} else {
				out = append(out, byte(r))
			}
			i += size
			continue
		}
		switch fo.errors {
		case "strict":
			return nil, NewException(UnicodeEncodeErrorType, NewStrValue(fileCodecName(fo.codec)), Value{o: s},
				Int(int64(pos)), Int(int64(pos+1)), NewStrValue(reason))
		case "ignore":
		case "replace":
			out = append(out, '?')
		case "surrogateescape":
			if r >= 0xDC80 && r <= 0xDCFF {
				out = append(out, byte(r-0xDC00))
			} else {
				return nil, NewException(UnicodeEncodeErrorType, NewStrValue(fileCodecName(fo.codec)), Value{o: s},
					Int(int64(pos)), Int(int64(pos+1)), NewStrValue(reason))
			}
		case "backslashreplace":
			out = append(out, []byte(backslashEscape(r))...)
		case "xmlcharrefreplace":
			out = append(out, []byte("&#"+itoa(int(r))+";")...)
		default:
			return nil, t.raisef(LookupErrorType, "unknown error handler name '%s'", fo.errors)
		}
		i += size
	}
	return out, nil
}

func backslashEscape(r rune) string {
	const hexd = "0123456789abcdef"
	var b []byte
	switch {
	case r <= 0xFF:
		b = []byte{'\\', 'x', hexd[r>>4], hexd[r&15]}
	case r <= 0xFFFF:
		b = []byte{'\\', 'u', hexd[r>>12], hexd[r>>8&15], hexd[r>>4&15], hexd[r&15]}
	default:
		b = []byte{'\\', 'U'}
		for s := 28; s >= 0; s -= 4 {
			b = append(b, hexd[r>>uint(s)&15])
		}
	}
	return string(b)
}

// --- Text reading with the newline modes.

// universal reports whether input newlines are translated (newline=None).
func (fo *FileObject) universal() bool { return fo.newline.IsNull() }

// lineEnd finds the end of the first line in b (the index after its
// terminator), or -1 when b holds no complete line; atEOF allows a lone
// '\r' at the end to end a line.
func (fo *FileObject) lineEnd(b []byte, atEOF bool) int {
	nl := "\n"
	if !fo.newline.IsNull() {
		nl = fo.newline.o.(*Str).s
	}
	if fo.newline.IsNull() || nl == "" {
		for i := 0; i < len(b); i++ {
			switch b[i] {
			case '\n':
				return i + 1
			case '\r':
				if i+1 < len(b) {
					if b[i+1] == '\n' {
						return i + 2
					}
					return i + 1
				}
				if atEOF {
					return i + 1
				}
				return -1
			}
		}
		return -1
	}
	if i := strings.Index(string(b), nl); i >= 0 {
		return i + len(nl)
	}
	return -1
}

// translate turns the raw text of complete lines into what reading
// returns: universal newlines become '\n'.
func (fo *FileObject) translate(s string) string {
	if !fo.universal() || strings.IndexByte(s, '\r') < 0 {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\r' {
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
			b.WriteByte('\n')
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// readLineText reads one line (at most limit characters when limit >= 0).
func (fo *FileObject) readLineText(t *Thread, limit int) (string, error) {
	for {
		end := fo.lineEnd(fo.st.rbuf, false)
		if end < 0 {
			more, err := fo.fill(t)
			if err != nil {
				return "", err
			}
			if !more {
				end = fo.lineEnd(fo.st.rbuf, true)
				if end < 0 {
					end = len(fo.st.rbuf)
				}
			} else {
				continue
			}
		}
		seg := fo.st.rbuf[:end]
		if limit >= 0 {
			if cut := fo.charPrefix(seg, limit); cut < len(seg) {
				seg = seg[:cut]
				end = cut
			}
		}
		s, err := fo.decodeText(t, seg)
		if err != nil {
			return "", err
		}
		fo.st.rbuf = fo.st.rbuf[end:]
		return fo.translate(s), nil
	}
}

// charPrefix returns the byte length of the first n characters of b (a
// universal '\r\n' counting as one).
func (fo *FileObject) charPrefix(b []byte, n int) int {
	i := 0
	for count := 0; count < n && i < len(b); count++ {
		if fo.universal() && b[i] == '\r' && i+1 < len(b) && b[i+1] == '\n' {
			i += 2
			continue
		}
		if fo.codec == fcUTF8 && b[i] >= 0x80 {
			_, size := utf8.DecodeRune(b[i:])
			i += size
			continue
		}
		i++
	}
	return i
}

// readText is read(n) of a text file.
func (fo *FileObject) readText(t *Thread, n int) (string, error) {
	if n < 0 {
		b, err := fo.readAll(t)
		if err != nil {
			return "", err
		}
		s, err := fo.decodeText(t, b)
		if err != nil {
			return "", err
		}
		return fo.translate(s), nil
	}
	for {
		cut := fo.charPrefix(fo.st.rbuf, n)
		complete := cut < len(fo.st.rbuf) || fo.countChars(fo.st.rbuf) >= n
		if complete && !(fo.universal() && cut > 0 && fo.st.rbuf[cut-1] == '\r' && cut == len(fo.st.rbuf)) {
			break
		}
		more, err := fo.fill(t)
		if err != nil {
			return "", err
		}
		if !more {
			break
		}
	}
	cut := fo.charPrefix(fo.st.rbuf, n)
	if fo.codec == fcUTF8 {
		// Never split a character at the end of what was read.
		for cut < len(fo.st.rbuf) && cut > 0 && !utf8.RuneStart(fo.st.rbuf[cut]) {
			cut++
		}
	}
	s, err := fo.decodeText(t, fo.st.rbuf[:cut])
	if err != nil {
		return "", err
	}
	fo.st.rbuf = fo.st.rbuf[cut:]
	return fo.translate(s), nil
}

// countChars counts the characters in b as read() counts them.
func (fo *FileObject) countChars(b []byte) int {
	n := 0
	for i := 0; i < len(b); n++ {
		if fo.universal() && b[i] == '\r' && i+1 < len(b) && b[i+1] == '\n' {
			i += 2
			continue
		}
		if fo.codec == fcUTF8 && b[i] >= 0x80 {
			_, size := utf8.DecodeRune(b[i:])
			i += size
			continue
		}
		i++
	}
	return n
}

// writeText encodes and writes text, translating '\n' for the newline
// mode, flushing for line buffering.
func (fo *FileObject) writeText(t *Thread, s *Str) error {
	text := s
	if !fo.newline.IsNull() {
		if nl := fo.newline.o.(*Str).s; nl != "" && nl != "\n" && strings.IndexByte(s.s, '\n') >= 0 {
			text = NewStr(strings.ReplaceAll(s.s, "\n", nl))
		}
	}
	b, err := fo.encodeText(t, text)
	if err != nil {
		return err
	}
	if err := fo.writeBytes(t, b); err != nil {
		return err
	}
	if fo.lineBuffering && (strings.IndexByte(s.s, '\n') >= 0 || strings.IndexByte(s.s, '\r') >= 0) {
		return fo.flushWrites(t)
	}
	return nil
}

// --- Binary reading.

// readBytes is read(n) of a buffered binary file (all when n < 0).
func (fo *FileObject) readBytes(t *Thread, n int) ([]byte, error) {
	if n < 0 {
		return fo.readAll(t)
	}
	for len(fo.st.rbuf) < n {
		more, err := fo.fill(t)
		if err != nil {
			return nil, err
		}
		if !more {
			break
		}
	}
	k := min(n, len(fo.st.rbuf))
	out := append([]byte(nil), fo.st.rbuf[:k]...)
	fo.st.rbuf = fo.st.rbuf[k:]
	return out, nil
}

// readLineBytes is readline(limit) of a binary file.
func (fo *FileObject) readLineBytes(t *Thread, limit int) ([]byte, error) {
	for {
		i := strings.IndexByte(string(fo.st.rbuf), '\n')
		if i >= 0 || (limit >= 0 && len(fo.st.rbuf) >= limit) {
			end := len(fo.st.rbuf)
			if i >= 0 {
				end = i + 1
			}
			if limit >= 0 && end > limit {
				end = limit
			}
			out := append([]byte(nil), fo.st.rbuf[:end]...)
			fo.st.rbuf = fo.st.rbuf[end:]
			return out, nil
		}
		more, err := fo.fill(t)
		if err != nil {
			return nil, err
		}
		if !more {
			out := fo.st.rbuf
			if limit >= 0 && len(out) > limit {
				out = out[:limit]
			}
			fo.st.rbuf = fo.st.rbuf[len(out):]
			return append([]byte(nil), out...), nil
		}
	}
}

// readLine reads a line as the file's kind returns it.
func (fo *FileObject) readLine(t *Thread, limit int) (Value, error) {
	if fo.kind == fileText {
		s, err := fo.readLineText(t, limit)
		if err != nil {
			return Null, err
		}
		return NewStrValue(s), nil
	}
	b, err := fo.readLineBytes(t, limit)
	if err != nil {
		return Null, err
	}
	return Value{o: NewBytes(b)}, nil
}

// ioSizeArg reads an optional size argument (None or an int; negative:
// all).
func ioSizeArg(t *Thread, args []Value) (int, error) {
	if len(args) == 0 || args[0].IsNone() {
		return -1, nil
	}
	if !hasIndex(args[0]) {
		return 0, t.typeErrorf("argument should be integer or None, not '%s'", typeName(args[0]))
	}
	return AsSize(t, args[0], OverflowErrorType)
}

func fileOf(v Value) *FileObject { return v.o.(*FileObject) }

func setupFileTypes() {
	all := []*Type{textIOWrapperType, bufferedReaderType, bufferedWriterType, bufferedRandomType, fileIOType}
	for _, tp := range append(all, textStreamType) {
		tp.Dict.SetStr("__module__", NewStrValue("_io"))
	}
	for _, tp := range all {
		tp.Iter = func(t *Thread, v Value) (Value, error) {
			if err := fileOf(v).checkOpen(t); err != nil {
				return Null, err
			}
			return v, nil
		}
		tp.Next = func(t *Thread, v Value) (Value, error) {
			fo := fileOf(v)
			if err := fo.checkReadable(t); err != nil {
				return Null, err
			}
			fo.noTell = true
			line, err := fo.readLine(t, -1)
			if err != nil {
				return Null, err
			}
			if lineLen(line) == 0 {
				fo.noTell = false
				return Null, nil
			}
			return line, nil
		}
		tp.Repr = fileRepr
		defMethods(tp, fileMethods(tp)...)
		defGetSet(tp, "closed", func(t *Thread, self Value) (Value, error) { return Bool(fileOf(self).st.closed), nil }, nil)
		defGetSet(tp, "name", func(t *Thread, self Value) (Value, error) { return fileOf(self).name, nil }, nil)
		defGetSet(tp, "mode", func(t *Thread, self Value) (Value, error) { return NewStrValue(fileOf(self).mode), nil }, nil)
	}
	tt := textIOWrapperType
	defGetSet(tt, "encoding", func(t *Thread, self Value) (Value, error) { return NewStrValue(fileOf(self).encName), nil }, nil)
	defGetSet(tt, "errors", func(t *Thread, self Value) (Value, error) { return NewStrValue(fileOf(self).errors), nil }, nil)
	defGetSet(tt, "line_buffering", func(t *Thread, self Value) (Value, error) { return Bool(fileOf(self).lineBuffering), nil }, nil)
	defGetSet(tt, "write_through", func(t *Thread, self Value) (Value, error) { return False, nil }, nil)
	defGetSet(tt, "newlines", func(t *Thread, self Value) (Value, error) {
		fo := fileOf(self)
		var got []Value
		for i, s := range []string{"\r", "\n", "\r\n"} {
			if fo.seenNewlines&(1<<i) != 0 {
				got = append(got, NewStrValue(s))
			}
		}
		switch len(got) {
		case 0:
			return None, nil
		case 1:
			return got[0], nil
		}
		return Value{o: NewTuple(got...)}, nil
	}, nil)
	defGetSet(tt, "buffer", func(t *Thread, self Value) (Value, error) {
		fo := fileOf(self)
		if fo.detached {
			return Null, t.valueErrorf("underlying buffer has been detached")
		}
		return Value{o: fo.bufferObject()}, nil
	}, nil)
	defMethods(tt,
		MethodDef{Name: "detach", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			fo := fileOf(self)
			if err := fo.checkOpen(t); err != nil {
				return Null, err
			}
			if err := fo.flushWrites(t); err != nil {
				return Null, err
			}
			b := fo.bufferObject()
			fo.detached = true
			return Value{o: b}, nil
		}},
		MethodDef{Name: "reconfigure", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			var a [5]Value
			if err := reconfigureSpec.Parse(t, args, kw, a[:]); err != nil {
				return Null, err
			}
			fo := fileOf(self)
			if err := fo.checkOpen(t); err != nil {
				return Null, err
			}
			if err := fo.flushWrites(t); err != nil {
				return Null, err
			}
			if s, ok, err := optStr(t, a[0], "encoding"); err != nil {
				return Null, err
			} else if ok {
				if s == "locale" {
					s = "UTF-8"
				}
				c, found := lookupFileCodec(s)
				if !found {
					return Null, t.raisef(LookupErrorType, "unknown encoding: %s", s)
				}
				fo.codec, fo.encName = c, s
			}
			if s, ok, err := optStr(t, a[1], "errors"); err != nil {
				return Null, err
			} else if ok {
				fo.errors = s
			}
			if !a[2].IsNull() {
				if a[2].IsNone() {
					fo.newline = Null
				} else {
					fo.newline = a[2]
				}
			}
			if !a[3].IsNull() && !a[3].IsNone() {
				b, err := Truth(t, a[3])
				if err != nil {
					return Null, err
				}
				fo.lineBuffering = b
			}
			return None, nil
		}},
	)
	defGetSet(fileIOType, "closefd", func(t *Thread, self Value) (Value, error) { return Bool(fileOf(self).closefd), nil }, nil)
}

var reconfigureSpec = ArgSpec{Name: "reconfigure", Params: []string{"encoding", "errors", "newline", "line_buffering", "write_through"}, KwOnly: 5}

// bufferObject is the binary file under a text file, sharing its state.
func (fo *FileObject) bufferObject() *FileObject {
	if fo.buffer == nil {
		b := &FileObject{kind: fileBuffered, f: fo.f, name: fo.name, mode: fo.rawMode, rawMode: fo.rawMode,
			readable: fo.readable, writable: fo.writable, appending: fo.appending, closefd: fo.closefd, st: fo.st}
		switch {
		case b.readable && b.writable:
			b.cls = bufferedRandomType
		case b.readable:
			b.cls = bufferedReaderType
		default:
			b.cls = bufferedWriterType
		}
		fo.buffer = b
	}
	return fo.buffer
}

// lineLen is the length of a str or bytes line.
func lineLen(v Value) int {
	switch x := v.o.(type) {
	case *Str:
		return len(x.s)
	case *Bytes:
		return len(x.b)
	}
	return 0
}

func fileRepr(t *Thread, v Value) (Value, error) {
	fo := fileOf(v)
	nm, err := Repr(t, fo.fileName())
	if err != nil {
		return Null, err
	}
	module := "_io." + v.Type().Name
	switch fo.kind {
	case fileText:
		return NewStrValue("<" + module + " name=" + nm.s + " mode='" + fo.mode + "' encoding='" + fo.encName + "'>"), nil
	case fileRaw:
		if fo.st.closed {
			return NewStrValue("<" + module + " [closed]>"), nil
		}
		cf := "True"
		if !fo.closefd {
			cf = "False"
		}
		return NewStrValue("<" + module + " name=" + nm.s + " mode='" + fo.mode + "' closefd=" + cf + ">"), nil
	}
	return NewStrValue("<" + module + " name=" + nm.s + ">"), nil
}

// fileMethods are the methods of a file type.
func fileMethods(tp *Type) []MethodDef {
	m := func(name string, fn BuiltinFunc) MethodDef { return MethodDef{Name: name, Fn: fn} }
	text := tp == textIOWrapperType
	raw := tp == fileIOType
	defs := []MethodDef{
		m("close", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return None, fileOf(self).close(t)
		}),
		m("flush", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			fo := fileOf(self)
			if fo.st.closed {
				if raw {
					return None, nil
				}
				return Null, t.valueErrorf("I/O operation on closed file.")
			}
			return None, fo.flushWrites(t)
		}),
		m("fileno", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			fo := fileOf(self)
			if err := fo.checkRawOpen(t); err != nil {
				return Null, err
			}
			return Int(int64(fo.f.Fd())), nil
		}),
		m("isatty", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			fo := fileOf(self)
			if err := fo.checkRawOpen(t); err != nil {
				return Null, err
			}
			return Bool(isTerminal(fo.f)), nil
		}),
		m("readable", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			fo := fileOf(self)
			if err := fo.checkRawOpen(t); err != nil {
				return Null, err
			}
			return Bool(fo.readable), nil
		}),
		m("writable", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			fo := fileOf(self)
			if err := fo.checkRawOpen(t); err != nil {
				return Null, err
			}
			return Bool(fo.writable), nil
		}),
		m("seekable", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			fo := fileOf(self)
			if err := fo.checkRawOpen(t); err != nil {
				return Null, err
			}
			_, err := fo.f.Seek(0, io.SeekCurrent)
			return Bool(err == nil), nil
		}),
		m("__enter__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := fileOf(self).checkOpen(t); err != nil {
				return Null, err
			}
			return self, nil
		}),
		m("__exit__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return None, fileOf(self).close(t)
		}),
		m("read", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := checkPositional(t, "read", args, kw, 0, 1); err != nil {
				return Null, err
			}
			fo := fileOf(self)
			if err := fo.checkReadable(t); err != nil {
				return Null, err
			}
			n, err := ioSizeArg(t, args)
			if err != nil {
				return Null, err
			}
			if text {
				s, err := fo.readText(t, n)
				if err != nil {
					return Null, err
				}
				return NewStrValue(s), nil
			}
			if raw && n >= 0 {
				buf := make([]byte, n)
				k, err := fo.f.Read(buf)
				if err != nil && err != io.EOF {
					return Null, t.osError(err, "")
				}
				return Value{o: NewBytes(buf[:k])}, nil
			}
			b, err := fo.readBytes(t, n)
			if err != nil {
				return Null, err
			}
			return Value{o: NewBytes(b)}, nil
		}),
		m("readline", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := checkPositional(t, "readline", args, kw, 0, 1); err != nil {
				return Null, err
			}
			fo := fileOf(self)
			if err := fo.checkReadable(t); err != nil {
				return Null, err
			}
			n, err := ioSizeArg(t, args)
			if err != nil {
				return Null, err
			}
			return fo.readLine(t, n)
		}),
		m("readlines", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := checkPositional(t, "readlines", args, kw, 0, 1); err != nil {
				return Null, err
			}
			fo := fileOf(self)
			if err := fo.checkReadable(t); err != nil {
				return Null, err
			}
			hint, err := ioSizeArg(t, args)
			if err != nil {
				return Null, err
			}
			var lines []Value
			total := 0
			for {
				line, err := fo.readLine(t, -1)
				if err != nil {
					return Null, err
				}
				n := lineLen(line)
				if n == 0 {
					break
				}
				lines = append(lines, line)
				if s, ok := line.o.(*Str); ok {
					n = s.n
				}
				total += n
				if hint > 0 && total >= hint {
					break
				}
			}
			return Value{o: NewList(lines...)}, nil
		}),
		m("write", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "write", args, kw); err != nil {
				return Null, err
			}
			fo := fileOf(self)
			if err := fo.checkWritable(t); err != nil {
				return Null, err
			}
			if text {
				s, ok := args[0].o.(*Str)
				if !ok {
					return Null, t.typeErrorf("write() argument must be str, not %s", typeName(args[0]))
				}
				if err := fo.writeText(t, s); err != nil {
					return Null, err
				}
				return Int(int64(s.n)), nil
			}
			b, err := bufferArg(t, args[0]) // bytes, bytearray, memoryview
			if err != nil {
				return Null, err
			}
			if err := fo.writeBytes(t, append([]byte(nil), b...)); err != nil {
				return Null, err
			}
			return Int(int64(len(b))), nil
		}),
		m("writelines", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "writelines", args, kw); err != nil {
				return Null, err
			}
			fo := fileOf(self)
			if err := fo.checkOpen(t); err != nil {
				return Null, err
			}
			w, err := GetAttrString(t, self, "write")
			if err != nil {
				return Null, err
			}
			err = forEach(t, args[0], func(x Value) (bool, error) {
				_, err := t.Call(w, []Value{x}, nil)
				return err != nil, err
			})
			if err != nil {
				return Null, err
			}
			return None, nil
		}),
		m("tell", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			fo := fileOf(self)
			if err := fo.checkOpen(t); err != nil {
				return Null, err
			}
			if text && fo.noTell {
				return Null, t.raise(OSErrorType, "telling position disabled by next() call")
			}
			p, err := fo.position(t)
			if err != nil {
				return Null, err
			}
			return Int(p), nil
		}),
		m("seek", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := checkPositional(t, "seek", args, kw, 1, 2); err != nil {
				return Null, err
			}
			fo := fileOf(self)
			if err := fo.checkOpen(t); err != nil {
				return Null, err
			}
			if !hasIndex(args[0]) {
				return Null, t.typeErrorf("'%s' object cannot be interpreted as an integer", typeName(args[0]))
			}
			off, err := AsSize(t, args[0], OverflowErrorType)
			if err != nil {
				return Null, err
			}
			whence := 0
			if len(args) == 2 {
				if whence, err = asCInt(t, args[1]); err != nil {
					return Null, err
				}
			}
			if text {
				switch whence {
				case 0:
					if off < 0 {
						return Null, t.valueErrorf("negative seek position %d", off)
					}
				case 1, 2:
					if off != 0 {
						what := "cur"
						if whence == 2 {
							what = "end"
						}
						return Null, NewException(UnsupportedOperationType(), NewStrValue("can't do nonzero "+what+"-relative seeks"))
					}
				default:
					return Null, t.valueErrorf("invalid whence (%d, should be 0, 1 or 2)", whence)
				}
			} else if whence < 0 || whence > 2 {
				return Null, t.valueErrorf("whence value %d unsupported", whence)
			}
			if err := fo.flushWrites(t); err != nil {
				return Null, err
			}
			if whence == 1 {
				p, err := fo.position(t)
				if err != nil {
					return Null, err
				}
				off, whence = int(p)+off, 0
			}
			fo.st.rbuf = nil
			fo.noTell = false
			p, err := fo.f.Seek(int64(off), whence)
			if err != nil {
				return Null, t.osError(err, "")
			}
			return Int(p), nil
		}),
		m("truncate", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := checkPositional(t, "truncate", args, kw, 0, 1); err != nil {
				return Null, err
			}
			fo := fileOf(self)
			if err := fo.checkWritable(t); err != nil {
				return Null, err
			}
			p, err := fo.position(t)
			if err != nil {
				return Null, err
			}
			if len(args) == 1 && !args[0].IsNone() {
				n, err := AsSize(t, args[0], OverflowErrorType)
				if err != nil {
					return Null, err
				}
				p = int64(n)
			}
			if err := fo.f.Truncate(p); err != nil {
				return Null, t.osError(err, "")
			}
			return Int(p), nil
		}),
	}
	if !text {
		defs = append(defs,
			m("read1", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
				fo := fileOf(self)
				if err := fo.checkReadable(t); err != nil {
					return Null, err
				}
				n, err := ioSizeArg(t, args)
				if err != nil {
					return Null, err
				}
				if len(fo.st.rbuf) == 0 {
					if _, err := fo.fill(t); err != nil {
						return Null, err
					}
				}
				k := len(fo.st.rbuf)
				if n >= 0 && n < k {
					k = n
				}
				out := append([]byte(nil), fo.st.rbuf[:k]...)
				fo.st.rbuf = fo.st.rbuf[k:]
				return Value{o: NewBytes(out)}, nil
			}),
			m("readall", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
				fo := fileOf(self)
				if err := fo.checkReadable(t); err != nil {
					return Null, err
				}
				b, err := fo.readAll(t)
				if err != nil {
					return Null, err
				}
				return Value{o: NewBytes(b)}, nil
			}),
			m("peek", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
				fo := fileOf(self)
				if err := fo.checkReadable(t); err != nil {
					return Null, err
				}
				if len(fo.st.rbuf) == 0 {
					if _, err := fo.fill(t); err != nil {
						return Null, err
					}
				}
				return Value{o: NewBytes(append([]byte(nil), fo.st.rbuf...))}, nil
			}),
		)
	}
	return defs
}
