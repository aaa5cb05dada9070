package vm

import "os"

// The raw layer of a buffered file: f.raw (and f.buffer.raw of a text
// file) is the _io.FileIO under it, a view of the same open file made on
// demand. Its reads and writes go straight to the file, past the
// buffered layer's buffers, as CPython's do. The file's name lives on the
// lowest layer: FileIO's name is writable (tempfile.NamedTemporaryFile
// sets it), and the buffered and text layers above report it.

func init() { onSetup(setupFileRaw) }

func setupFileRaw() {
	name := func(t *Thread, self Value) (Value, error) { return fileOf(self).fileName(), nil }
	for _, tp := range []*Type{textIOWrapperType, bufferedReaderType, bufferedWriterType, bufferedRandomType} {
		defGetSet(tp, "name", name, nil)
	}
	defGetSet(fileIOType, "name", name, func(t *Thread, self, v Value) error {
		if v.IsNull() {
			return t.raise(AttributeErrorType, "name")
		}
		fileOf(self).name = v
		return nil
	})
	for _, tp := range []*Type{bufferedReaderType, bufferedWriterType, bufferedRandomType} {
		defGetSet(tp, "raw", func(t *Thread, self Value) (Value, error) {
			return Value{o: fileOf(self).rawObject()}, nil
		}, nil)
	}
}

// rawObject is the FileIO under a buffered file.
func (fo *FileObject) rawObject() *FileObject {
	if fo.raw == nil {
		fo.raw = &FileObject{ObjectBase: ObjectBase{cls: fileIOType}, kind: fileRaw, f: fo.f, name: fo.name,
			mode: fo.rawMode, rawMode: fo.rawMode, readable: fo.readable, writable: fo.writable,
			appending: fo.appending, closefd: fo.closefd, st: fo.st}
	}
	return fo.raw
}

// fileName is the name attribute: the raw layer's.
func (fo *FileObject) fileName() Value {
	switch {
	case fo.kind == fileText && fo.buffer != nil:
		return fo.buffer.fileName()
	case fo.kind == fileBuffered && fo.raw != nil:
		return fo.raw.name
	}
	return fo.name
}

// fdFile is the Go file open(fd) wraps: the one os.open made for that
// descriptor when there is one (closing the file object closes it, and
// a closefd file takes it over from the table), so that no second Go
// file for the same number can close it again later (Go's finalizer of
// an unreachable *os.File closes its descriptor, which by then may be
// another file's). A descriptor os.open did not make (one inherited)
// gets a Go file, which the table keeps while closefd is false.
func (t *Thread) fdFile(fd int, closefd bool) *os.File {
	switch fd {
	case 0:
		return os.Stdin
	case 1:
		return os.Stdout
	case 2:
		return os.Stderr
	}
	tab := t.fds().files
	if f, ok := tab[fd]; ok {
		if closefd {
			delete(tab, fd)
		}
		return f
	}
	f := os.NewFile(uintptr(fd), "")
	if f != nil && !closefd {
		tab[fd] = f
	}
	return f
}
