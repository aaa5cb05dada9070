//go:build unix

package vm

import (
	"crypto/rand"
	"fmt"
	"os"
	"runtime"
	"sort"
	"strings"
	"syscall"
	"time"
)

// The posix module, which os.py builds on: the file system (stat,
// listdir, scandir, mkdir, remove, rename…), file descriptors (open,
// read, write, close), the environment, process facts (getpid, uname,
// cpu_count, times), urandom. Everything that touches the file system
// honours the run's file-system policy (Limits.FS): a refused operation
// raises PermissionError as the operating system would.

var (
	statResultSeq = newNativeSeq("os", "stat_result", []string{"st_mode", "st_ino", "st_dev", "st_nlink",
		"st_uid", "st_gid", "st_size", "", "", "", "st_atime", "st_mtime", "st_ctime", "st_atime_ns",
		"st_mtime_ns", "st_ctime_ns", "st_blksize", "st_blocks", "st_rdev"}, 10, false)
	unameResultSeq    = newNativeSeq("posix", "uname_result", []string{"sysname", "nodename", "release", "version", "machine"}, 5, false)
	timesResultSeq    = newNativeSeq("posix", "times_result", []string{"user", "system", "children_user", "children_system", "elapsed"}, 5, false)
	terminalSizeSeq   = newNativeSeq("os", "terminal_size", []string{"columns", "lines"}, 2, false)
	dirEntryType      = nativeType("posix", "DirEntry", nil, 0)
	scandirIterType   = nativeType("posix", "ScandirIterator", nil, 0)
	posixStartTime    = time.Now()
	posixEnvOverrides = map[string]*string{}
)

// fsCheck applies the file-system policy: reading is refused under
// FSNone, writing under anything but FSFull.
func (t *Thread) fsCheck(write bool, path string) error {
	switch t.interp.Limits.FS {
	case FSFull:
		return nil
	case FSReadOnly:
		if !write {
			return nil
		}
	}
	return t.osError(syscall.EACCES, path)
}

// pathArg is a path argument: str, bytes or os.PathLike (and an int file
// descriptor where fdOK). It returns the Go path and whether the caller
// gave bytes (results then are bytes too).
type pathArg struct {
	path    string
	isBytes bool
	fd      int
	isFD    bool
	orig    Value
}

func (t *Thread) pathOf(fname, argname string, v Value, fdOK, noneOK bool) (pathArg, error) {
	p := pathArg{orig: v, fd: -1}
	if noneOK && (v.IsNull() || v.IsNone()) {
		p.path = "."
		return p, nil
	}
	switch o := v.o.(type) {
	case *Str:
		if strings.IndexByte(o.s, 0) >= 0 {
			return p, t.valueErrorf("%s: embedded null character in %s", fname, argname)
		}
		p.path = o.s
		return p, nil
	case *Bytes:
		p.path, p.isBytes = string(o.b), true
		return p, nil
	}
	if fdOK && v.IsIntLike() {
		n, err := AsSize(t, v, OverflowErrorType)
		if err != nil {
			return p, err
		}
		p.fd, p.isFD = n, true
		return p, nil
	}
	if m := v.Type().LookupString("__fspath__"); !m.IsNull() {
		r, err := callDunder(t, v, Intern("__fspath__"))
		if err != nil {
			return p, err
		}
		switch o := r.o.(type) {
		case *Str:
			p.path = o.s
			return p, nil
		case *Bytes:
			p.path, p.isBytes = string(o.b), true
			return p, nil
		}
		return p, t.typeErrorf("expected %s.__fspath__() to return str or bytes, not %s", v.Type().Name, typeName(r))
	}
	kinds := "string, bytes or os.PathLike"
	switch {
	case fdOK && noneOK:
		kinds = "string, bytes, os.PathLike, integer or None"
	case fdOK:
		kinds = "string, bytes, os.PathLike or integer"
	case noneOK:
		kinds = "string, bytes, os.PathLike or None"
	}
	return p, t.typeErrorf("%s: %s should be %s, not %s", fname, argname, kinds, typeName(v))
}

// result makes a str or bytes matching the kind of the argument.
func (p pathArg) result(s string) Value {
	if p.isBytes {
		return Value{o: NewBytes([]byte(s))}
	}
	return NewStrValue(s)
}

// statValue makes a stat_result from a Go FileInfo.
func statValue(fi os.FileInfo) Value {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		mode := int64(fi.Mode().Perm())
		if fi.IsDir() {
			mode |= 0o040000
		} else {
			mode |= 0o100000
		}
		mt := fi.ModTime()
		return statResultSeq.make(Int(mode), Int(0), Int(0), Int(1), Int(0), Int(0), Int(fi.Size()),
			Int(mt.Unix()), Int(mt.Unix()), Int(mt.Unix()), Float(float64(mt.UnixNano())/1e9), Float(float64(mt.UnixNano())/1e9),
			Float(float64(mt.UnixNano())/1e9), Int(mt.UnixNano()), Int(mt.UnixNano()), Int(mt.UnixNano()), Int(4096), Int(0), Int(0))
	}
	at, mt, ct := statTimes(st, fi)
	f := func(ns int64) Value { return Float(float64(ns) / 1e9) }
	i := func(ns int64) Value { return Int(floorDiv64(ns, 1e9)) }
	return statResultSeq.make(Int(int64(st.Mode)), Int(int64(st.Ino)), Int(int64(st.Dev)), Int(int64(st.Nlink)),
		Int(int64(st.Uid)), Int(int64(st.Gid)), Int(st.Size), i(at), i(mt), i(ct), f(at), f(mt), f(ct),
		Int(at), Int(mt), Int(ct), Int(int64(st.Blksize)), Int(st.Blocks), Int(int64(st.Rdev)))
}

func floorDiv64(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

func init() {
	statResultSeq.fixup = func(tu *Tuple) {
		for i, name := range []string{"st_atime", "st_mtime", "st_ctime"} {
			if v, ok := tu.dict.GetStr(name); ok && v.IsNone() {
				tu.dict.SetStr(name, tu.items[7+i])
			}
		}
	}
	onSetup(setupPosixTypes)
	RegisterModule("posix", initPosix)
}

func setupPosixTypes() {
	dt := dirEntryType
	entry := func(v Value) *dirEntry { return v.o.(*dirEntry) }
	defGetSet(dt, "name", func(t *Thread, self Value) (Value, error) {
		e := entry(self)
		return e.dir.result(e.name), nil
	}, nil)
	defGetSet(dt, "path", func(t *Thread, self Value) (Value, error) {
		e := entry(self)
		return e.dir.result(e.path()), nil
	}, nil)
	followArg := func(t *Thread, name string, args []Value, kw []*Str) (bool, error) {
		spec := ArgSpec{Name: name, Params: []string{"follow_symlinks"}, KwOnly: 1}
		var a [1]Value
		if err := clinicArgs(t, &spec, args, kw, a[:]); err != nil {
			return false, err
		}
		if a[0].IsNull() {
			return true, nil
		}
		return Truth(t, a[0])
	}
	defMethods(dt,
		MethodDef{Name: "is_dir", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			follow, err := followArg(t, "is_dir", args, kw)
			if err != nil {
				return Null, err
			}
			return Bool(entry(self).is(follow, os.ModeDir)), nil
		}},
		MethodDef{Name: "is_file", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			follow, err := followArg(t, "is_file", args, kw)
			if err != nil {
				return Null, err
			}
			return Bool(entry(self).is(follow, 0)), nil
		}},
		MethodDef{Name: "is_symlink", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return Bool(entry(self).typ&os.ModeSymlink != 0), nil
		}},
		MethodDef{Name: "is_junction", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return False, nil
		}},
		MethodDef{Name: "inode", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			fi, err := os.Lstat(entry(self).path())
			if err != nil {
				return Null, t.osError(err, entry(self).path())
			}
			if st, ok := fi.Sys().(*syscall.Stat_t); ok {
				return Int(int64(st.Ino)), nil
			}
			return Int(0), nil
		}},
		MethodDef{Name: "stat", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			follow, err := followArg(t, "stat", args, kw)
			if err != nil {
				return Null, err
			}
			e := entry(self)
			var fi os.FileInfo
			if follow {
				fi, err = os.Stat(e.path())
			} else {
				fi, err = os.Lstat(e.path())
			}
			if err != nil {
				return Null, t.osError(err, e.path())
			}
			return statValue(fi), nil
		}},
		MethodDef{Name: "__fspath__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			e := entry(self)
			return e.dir.result(e.path()), nil
		}},
		MethodDef{Name: "__class_getitem__", Class: true, Fn: classGetItemAlias},
	)
	dt.Repr = func(t *Thread, v Value) (Value, error) {
		e := entry(v)
		r, err := Repr(t, e.dir.result(e.name))
		if err != nil {
			return Null, err
		}
		return NewStrValue("<DirEntry " + r.s + ">"), nil
	}

	st := scandirIterType
	st.Iter = selfIter
	st.Next = func(t *Thread, v Value) (Value, error) {
		it := v.o.(*scandirIter)
		if it.pos >= len(it.entries) {
			return Null, nil
		}
		e := it.entries[it.pos]
		it.pos++
		return Value{o: e}, nil
	}
	defMethods(st,
		MethodDef{Name: "close", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			it := self.o.(*scandirIter)
			it.pos = len(it.entries)
			return None, nil
		}},
		MethodDef{Name: "__enter__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return self, nil
		}},
		MethodDef{Name: "__exit__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			it := self.o.(*scandirIter)
			it.pos = len(it.entries)
			return False, nil
		}},
	)
}

// dirEntry is a posix.DirEntry.
type dirEntry struct {
	ObjectBase
	dir  pathArg // the folder scandir was given
	name string
	typ  os.FileMode
}

func (e *dirEntry) path() string {
	if e.dir.path == "." && !e.dir.isBytes && (e.dir.orig.IsNull() || e.dir.orig.IsNone()) {
		return e.name
	}
	return joinPath(e.dir.path, e.name)
}

func joinPath(dir, name string) string {
	if strings.HasSuffix(dir, "/") {
		return dir + name
	}
	return dir + "/" + name
}

// is reports whether the entry is a folder (mode ModeDir) or a regular
// file (mode 0), following a symbolic link when asked.
func (e *dirEntry) is(follow bool, mode os.FileMode) bool {
	typ := e.typ
	if typ&os.ModeSymlink != 0 {
		if !follow {
			return false
		}
		fi, err := os.Stat(e.path())
		if err != nil {
			return false
		}
		typ = fi.Mode().Type()
	}
	if mode == os.ModeDir {
		return typ&os.ModeDir != 0
	}
	return typ.IsRegular()
}

type scandirIter struct {
	ObjectBase
	entries []*dirEntry
	pos     int
}

var posixMkdirSpec = ArgSpec{Name: "mkdir", Params: []string{"path", "mode", "dir_fd"}, Required: 1, KwOnly: 1}

func initPosix(t *Thread, m *Module) error {
	d := m.dict
	m.addType(statResultSeq.typ)
	m.addType(unameResultSeq.typ)
	m.addType(timesResultSeq.typ)
	m.addType(terminalSizeSeq.typ)
	m.addType(dirEntryType)
	d.SetStr("error", Value{o: OSErrorType})
	for name, v := range posixConstants {
		d.SetStr(name, Int(v))
	}
	d.SetStr("_have_functions", Value{o: strList([]string{"HAVE_FSTATAT", "HAVE_FCHDIR", "HAVE_FCHMOD", "HAVE_FTRUNCATE", "HAVE_LSTAT", "HAVE_MKDIRAT", "HAVE_OPENAT", "HAVE_READLINKAT", "HAVE_RENAMEAT", "HAVE_SYMLINKAT", "HAVE_UNLINKAT", "HAVE_UTIMENSAT"})})
	env := NewDict()
	keys := os.Environ()
	sort.Strings(keys)
	for _, kv := range os.Environ() {
		i := strings.IndexByte(kv, '=')
		if i <= 0 {
			continue
		}
		env.Set(t, Value{o: NewBytes([]byte(kv[:i]))}, Value{o: NewBytes([]byte(kv[i+1:]))})
	}
	d.SetStr("environ", Value{o: env})

	fn := func(name string, f BuiltinFunc) { m.AddFunc(name, f) }
	statFn := func(name string, follow bool) BuiltinFunc {
		spec := ArgSpec{Name: name, Params: []string{"path", "dir_fd", "follow_symlinks"}, Required: 1, KwOnly: 2}
		return func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			var a [3]Value
			if err := clinicArgs(t, &spec, args, kw, a[:]); err != nil {
				return Null, err
			}
			p, err := t.pathOf(name, "path", a[0], name == "stat", false)
			if err != nil {
				return Null, err
			}
			fl := follow
			if !a[2].IsNull() {
				if fl, err = Truth(t, a[2]); err != nil {
					return Null, err
				}
			}
			if p.isFD {
				f, err := t.fileOf(p.fd)
				if err != nil {
					return Null, err
				}
				fi, err := f.Stat()
				if err != nil {
					return Null, t.osError(err, "")
				}
				return statValue(fi), nil
			}
			if err := t.fsCheck(false, p.path); err != nil {
				return Null, err
			}
			var fi os.FileInfo
			if fl {
				fi, err = os.Stat(p.path)
			} else {
				fi, err = os.Lstat(p.path)
			}
			if err != nil {
				return Null, t.osError(err, p.path)
			}
			return statValue(fi), nil
		}
	}
	fn("stat", statFn("stat", true))
	fn("lstat", statFn("lstat", false))
	fn("fstat", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := oneArg(t, "fstat", args, kw); err != nil {
			return Null, err
		}
		n, err := AsSize(t, args[0], OverflowErrorType)
		if err != nil {
			return Null, err
		}
		f, err := t.fileOf(n)
		if err != nil {
			return Null, err
		}
		fi, err := f.Stat()
		if err != nil {
			return Null, t.osError(err, "")
		}
		return statValue(fi), nil
	})
	fn("getcwd", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := noArgs(t, "getcwd", args, kw); err != nil {
			return Null, err
		}
		wd, err := os.Getwd()
		if err != nil {
			return Null, t.osError(err, "")
		}
		return NewStrValue(wd), nil
	})
	fn("getcwdb", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		wd, err := os.Getwd()
		if err != nil {
			return Null, t.osError(err, "")
		}
		return Value{o: NewBytes([]byte(wd))}, nil
	})
	fn("chdir", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := oneArg(t, "chdir", args, kw); err != nil {
			return Null, err
		}
		p, err := t.pathOf("chdir", "path", args[0], true, false)
		if err != nil {
			return Null, err
		}
		if err := t.fsCheck(true, p.path); err != nil {
			return Null, err
		}
		if err := os.Chdir(p.path); err != nil {
			return Null, t.osError(err, p.path)
		}
		return None, nil
	})
	fn("listdir", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		spec := ArgSpec{Name: "listdir", Params: []string{"path"}}
		var a [1]Value
		if err := clinicArgs(t, &spec, args, kw, a[:]); err != nil {
			return Null, err
		}
		p, err := t.pathOf("listdir", "path", a[0], true, true)
		if err != nil {
			return Null, err
		}
		if err := t.fsCheck(false, p.path); err != nil {
			return Null, err
		}
		names, err := readDirNames(p.path)
		if err != nil {
			return Null, t.osError(err, p.path)
		}
		out := make([]Value, len(names))
		for i, n := range names {
			out[i] = p.result(n)
		}
		return Value{o: NewList(out...)}, nil
	})
	fn("scandir", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		spec := ArgSpec{Name: "scandir", Params: []string{"path"}}
		var a [1]Value
		if err := clinicArgs(t, &spec, args, kw, a[:]); err != nil {
			return Null, err
		}
		p, err := t.pathOf("scandir", "path", a[0], true, true)
		if err != nil {
			return Null, err
		}
		if err := t.fsCheck(false, p.path); err != nil {
			return Null, err
		}
		f, err := os.Open(p.path)
		if err != nil {
			return Null, t.osError(err, p.path)
		}
		des, err := f.ReadDir(-1)
		f.Close()
		if err != nil {
			return Null, t.osError(err, p.path)
		}
		it := &scandirIter{ObjectBase: ObjectBase{cls: scandirIterType}}
		for _, de := range unsortedDirOrder(des) {
			it.entries = append(it.entries, &dirEntry{ObjectBase: ObjectBase{cls: dirEntryType}, dir: p, name: de.Name(), typ: de.Type()})
		}
		return Value{o: it}, nil
	})
	fn("mkdir", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		var a [3]Value
		if err := clinicArgs(t, &posixMkdirSpec, args, kw, a[:]); err != nil {
			return Null, err
		}
		p, err := t.pathOf("mkdir", "path", a[0], false, false)
		if err != nil {
			return Null, err
		}
		mode := 0o777
		if !a[1].IsNull() {
			if mode, err = AsSize(t, a[1], OverflowErrorType); err != nil {
				return Null, err
			}
		}
		if err := t.fsCheck(true, p.path); err != nil {
			return Null, err
		}
		if err := syscall.Mkdir(p.path, uint32(mode)); err != nil {
			return Null, t.osError(err, p.path)
		}
		return None, nil
	})
	pathOp := func(name string, op func(string) error) BuiltinFunc {
		spec := ArgSpec{Name: name, Params: []string{"path", "dir_fd"}, Required: 1, KwOnly: 1}
		return func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			var a [2]Value
			if err := clinicArgs(t, &spec, args, kw, a[:]); err != nil {
				return Null, err
			}
			p, err := t.pathOf(name, "path", a[0], false, false)
			if err != nil {
				return Null, err
			}
			if err := t.fsCheck(true, p.path); err != nil {
				return Null, err
			}
			if err := op(p.path); err != nil {
				return Null, t.osError(err, p.path)
			}
			return None, nil
		}
	}
	fn("rmdir", pathOp("rmdir", syscall.Rmdir))
	fn("remove", pathOp("remove", syscall.Unlink))
	fn("unlink", pathOp("unlink", syscall.Unlink))
	twoPaths := func(name string, op func(a, b string) error) BuiltinFunc {
		spec := ArgSpec{Name: name, Params: []string{"src", "dst", "src_dir_fd", "dst_dir_fd"}, Required: 2, KwOnly: 2}
		return func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			var a [4]Value
			if err := clinicArgs(t, &spec, args, kw, a[:]); err != nil {
				return Null, err
			}
			src, err := t.pathOf(name, "src", a[0], false, false)
			if err != nil {
				return Null, err
			}
			dst, err := t.pathOf(name, "dst", a[1], false, false)
			if err != nil {
				return Null, err
			}
			if err := t.fsCheck(true, src.path); err != nil {
				return Null, err
			}
			if err := op(src.path, dst.path); err != nil {
				e := t.osError(err, src.path)
				if ex := asException(e); ex != nil {
					ex.Filename2 = NewStrValue(dst.path)
				}
				return Null, e
			}
			return None, nil
		}
	}
	fn("rename", twoPaths("rename", syscall.Rename))
	fn("replace", twoPaths("replace", syscall.Rename))
	fn("link", twoPaths("link", syscall.Link))
	fn("symlink", twoPaths("symlink", syscall.Symlink))
	fn("readlink", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		spec := ArgSpec{Name: "readlink", Params: []string{"path", "dir_fd"}, Required: 1, KwOnly: 1}
		var a [2]Value
		if err := clinicArgs(t, &spec, args, kw, a[:]); err != nil {
			return Null, err
		}
		p, err := t.pathOf("readlink", "path", a[0], false, false)
		if err != nil {
			return Null, err
		}
		if err := t.fsCheck(false, p.path); err != nil {
			return Null, err
		}
		s, err := os.Readlink(p.path)
		if err != nil {
			return Null, t.osError(err, p.path)
		}
		return p.result(s), nil
	})
	fn("access", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		spec := ArgSpec{Name: "access", Params: []string{"path", "mode", "dir_fd", "effective_ids", "follow_symlinks"}, Required: 2, KwOnly: 3}
		var a [5]Value
		if err := clinicArgs(t, &spec, args, kw, a[:]); err != nil {
			return Null, err
		}
		p, err := t.pathOf("access", "path", a[0], false, false)
		if err != nil {
			return Null, err
		}
		mode, err := AsSize(t, a[1], OverflowErrorType)
		if err != nil {
			return Null, err
		}
		if t.interp.Limits.FS == FSNone || (t.interp.Limits.FS == FSReadOnly && mode&2 != 0) {
			return False, nil
		}
		return Bool(syscall.Access(p.path, uint32(mode)) == nil), nil
	})
	fn("chmod", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		spec := ArgSpec{Name: "chmod", Params: []string{"path", "mode", "dir_fd", "follow_symlinks"}, Required: 2, KwOnly: 2}
		var a [4]Value
		if err := clinicArgs(t, &spec, args, kw, a[:]); err != nil {
			return Null, err
		}
		p, err := t.pathOf("chmod", "path", a[0], false, false)
		if err != nil {
			return Null, err
		}
		mode, err := AsSize(t, a[1], OverflowErrorType)
		if err != nil {
			return Null, err
		}
		if err := t.fsCheck(true, p.path); err != nil {
			return Null, err
		}
		if err := os.Chmod(p.path, os.FileMode(mode)&os.ModePerm); err != nil {
			return Null, t.osError(err, p.path)
		}
		return None, nil
	})
	fn("utime", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		pos, _ := kwArgs(args, kw)
		if len(pos) < 1 {
			return Null, t.typeErrorf("utime() missing required argument 'path' (pos 1)")
		}
		p, err := t.pathOf("utime", "path", pos[0], false, false)
		if err != nil {
			return Null, err
		}
		if err := t.fsCheck(true, p.path); err != nil {
			return Null, err
		}
		now := time.Now()
		at, mt := now, now
		if len(pos) > 1 && !pos[1].IsNone() {
			tu, ok := pos[1].o.(*Tuple)
			if !ok || len(tu.items) != 2 {
				return Null, t.typeErrorf("utime: 'times' must be either a tuple of two ints or None")
			}
			a, err := floatArg(t, tu.items[0])
			if err != nil {
				return Null, err
			}
			b, err := floatArg(t, tu.items[1])
			if err != nil {
				return Null, err
			}
			at, mt = time.Unix(0, int64(a*1e9)), time.Unix(0, int64(b*1e9))
		}
		if err := os.Chtimes(p.path, at, mt); err != nil {
			return Null, t.osError(err, p.path)
		}
		return None, nil
	})
	fn("truncate", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := checkPositional(t, "truncate", args, kw, 2, 2); err != nil {
			return Null, err
		}
		p, err := t.pathOf("truncate", "path", args[0], true, false)
		if err != nil {
			return Null, err
		}
		n, err := AsSize(t, args[1], OverflowErrorType)
		if err != nil {
			return Null, err
		}
		if err := t.fsCheck(true, p.path); err != nil {
			return Null, err
		}
		if err := os.Truncate(p.path, int64(n)); err != nil {
			return Null, t.osError(err, p.path)
		}
		return None, nil
	})
	fn("fspath", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		spec := ArgSpec{Name: "fspath", Params: []string{"path"}, Required: 1}
		var a [1]Value
		if err := clinicArgs(t, &spec, args, kw, a[:]); err != nil {
			return Null, err
		}
		return osFspath(t, a[0])
	})
	// File descriptors.
	fn("open", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		spec := ArgSpec{Name: "open", Params: []string{"path", "flags", "mode", "dir_fd"}, Required: 2, KwOnly: 1}
		var a [4]Value
		if err := clinicArgs(t, &spec, args, kw, a[:]); err != nil {
			return Null, err
		}
		p, err := t.pathOf("open", "path", a[0], false, false)
		if err != nil {
			return Null, err
		}
		flags, err := AsSize(t, a[1], OverflowErrorType)
		if err != nil {
			return Null, err
		}
		mode := 0o777
		if !a[2].IsNull() {
			if mode, err = AsSize(t, a[2], OverflowErrorType); err != nil {
				return Null, err
			}
		}
		fd, err := t.openFD(p.path, flags, mode)
		if err != nil {
			return Null, err
		}
		return Int(int64(fd)), nil
	})
	fdArg := func(t *Thread, v Value) (*os.File, int, error) {
		n, err := AsSize(t, v, OverflowErrorType)
		if err != nil {
			return nil, 0, err
		}
		f, err := t.fileOf(n)
		return f, n, err
	}
	fn("close", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := oneArg(t, "close", args, kw); err != nil {
			return Null, err
		}
		f, n, err := fdArg(t, args[0])
		if err != nil {
			return Null, err
		}
		if n > 2 {
			delete(t.fds().files, n)
			if err := f.Close(); err != nil {
				return Null, t.osError(err, "")
			}
		}
		return None, nil
	})
	fn("read", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := checkPositional(t, "read", args, kw, 2, 2); err != nil {
			return Null, err
		}
		f, _, err := fdArg(t, args[0])
		if err != nil {
			return Null, err
		}
		n, err := AsSize(t, args[1], OverflowErrorType)
		if err != nil {
			return Null, err
		}
		if n < 0 {
			return Null, t.osError(syscall.EINVAL, "")
		}
		buf := make([]byte, n)
		k, err := f.Read(buf)
		if err != nil && k == 0 && err.Error() != "EOF" {
			return Null, t.osError(err, "")
		}
		return Value{o: NewBytes(buf[:k])}, nil
	})
	fn("write", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := checkPositional(t, "write", args, kw, 2, 2); err != nil {
			return Null, err
		}
		n, err := AsSize(t, args[0], OverflowErrorType)
		if err != nil {
			return Null, err
		}
		b, ok := bufferBytesOf(args[1])
		if !ok {
			return Null, t.typeErrorf("a bytes-like object is required, not '%s'", typeName(args[1]))
		}
		switch n {
		case 1:
			if err := t.interp.stdout.flush(t); err != nil {
				return Null, err
			}
			if err := t.writeRawStdout(b); err != nil {
				return Null, err
			}
			return Int(int64(len(b))), nil
		case 2:
			if err := t.interp.stdout.flush(t); err != nil {
				return Null, err
			}
			if err := t.writeStderr(string(b)); err != nil {
				return Null, err
			}
			return Int(int64(len(b))), nil
		}
		f, err := t.fileOf(n)
		if err != nil {
			return Null, err
		}
		k, err := f.Write(b)
		if err != nil {
			return Null, t.osError(err, "")
		}
		return Int(int64(k)), nil
	})
	fn("lseek", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := checkPositional(t, "lseek", args, kw, 3, 3); err != nil {
			return Null, err
		}
		f, _, err := fdArg(t, args[0])
		if err != nil {
			return Null, err
		}
		off, err := AsSize(t, args[1], OverflowErrorType)
		if err != nil {
			return Null, err
		}
		whence, err := AsSize(t, args[2], OverflowErrorType)
		if err != nil {
			return Null, err
		}
		r, err := f.Seek(int64(off), whence)
		if err != nil {
			return Null, t.osError(err, "")
		}
		return Int(r), nil
	})
	fn("isatty", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := oneArg(t, "isatty", args, kw); err != nil {
			return Null, err
		}
		return False, nil
	})
	fn("fsync", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := oneArg(t, "fsync", args, kw); err != nil {
			return Null, err
		}
		return None, nil
	})
	fn("ftruncate", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := checkPositional(t, "ftruncate", args, kw, 2, 2); err != nil {
			return Null, err
		}
		f, _, err := fdArg(t, args[0])
		if err != nil {
			return Null, err
		}
		n, err := AsSize(t, args[1], OverflowErrorType)
		if err != nil {
			return Null, err
		}
		if err := f.Truncate(int64(n)); err != nil {
			return Null, t.osError(err, "")
		}
		return None, nil
	})
	fn("device_encoding", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return None, nil
	})
	for _, name := range []string{"get_inheritable", "get_blocking"} {
		fn(name, func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) { return False, nil })
	}
	for _, name := range []string{"set_inheritable", "set_blocking"} {
		fn(name, func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) { return None, nil })
	}
	// The environment.
	fn("putenv", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := checkPositional(t, "putenv", args, kw, 2, 2); err != nil {
			return Null, err
		}
		return None, nil
	})
	fn("unsetenv", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := oneArg(t, "unsetenv", args, kw); err != nil {
			return Null, err
		}
		return None, nil
	})
	fn("strerror", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := oneArg(t, "strerror", args, kw); err != nil {
			return Null, err
		}
		n, err := AsSize(t, args[0], OverflowErrorType)
		if err != nil {
			return Null, err
		}
		if n <= 0 || n > 133 {
			return NewStrValue(fmt.Sprintf("Unknown error %d", n)), nil
		}
		return NewStrValue(strerror(syscall.Errno(n))), nil
	})
	// The process.
	intFn := func(name string, v func() int) {
		fn(name, func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := noArgs(t, name, args, kw); err != nil {
				return Null, err
			}
			return Int(int64(v())), nil
		})
	}
	intFn("getpid", os.Getpid)
	intFn("getppid", os.Getppid)
	intFn("getuid", os.Getuid)
	intFn("geteuid", os.Geteuid)
	intFn("getgid", os.Getgid)
	intFn("getegid", os.Getegid)
	intFn("getpgrp", func() int { return syscall.Getpgrp() })
	fn("cpu_count", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return Int(int64(runtime.NumCPU())), noArgs(t, "cpu_count", args, kw)
	})
	fn("umask", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := oneArg(t, "umask", args, kw); err != nil {
			return Null, err
		}
		return Int(0o022), nil
	})
	fn("uname", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := noArgs(t, "uname", args, kw); err != nil {
			return Null, err
		}
		vals := posixUname()
		return unameResultSeq.make(strValues(vals[:])...), nil
	})
	fn("times", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := noArgs(t, "times", args, kw); err != nil {
			return Null, err
		}
		u, sys, cu, cs, el := posixTimes()
		return timesResultSeq.make(Float(u), Float(sys), Float(cu), Float(cs), Float(el)), nil
	})
	fn("get_terminal_size", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := checkPositional(t, "get_terminal_size", args, kw, 0, 1); err != nil {
			return Null, err
		}
		return Null, t.osError(syscall.ENOTTY, "")
	})
	fn("urandom", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := oneArg(t, "urandom", args, kw); err != nil {
			return Null, err
		}
		n, err := AsSize(t, args[0], OverflowErrorType)
		if err != nil {
			return Null, err
		}
		if n < 0 {
			return Null, t.valueErrorf("negative argument not allowed")
		}
		b := make([]byte, n)
		rand.Read(b)
		return Value{o: NewBytes(b)}, nil
	})
	fn("_exit", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := oneArg(t, "_exit", args, kw); err != nil {
			return Null, err
		}
		return Null, NewException(SystemExitType, args[0])
	})
	fn("kill", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return Null, t.osError(syscall.EPERM, "")
	})
	fn("waitstatus_to_exitcode", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := oneArg(t, "waitstatus_to_exitcode", args, kw); err != nil {
			return Null, err
		}
		n, err := AsSize(t, args[0], OverflowErrorType)
		if err != nil {
			return Null, err
		}
		ws := syscall.WaitStatus(n)
		if ws.Exited() {
			return Int(int64(ws.ExitStatus())), nil
		}
		if ws.Signaled() {
			return Int(-int64(ws.Signal())), nil
		}
		return Null, t.valueErrorf("invalid wait status: %d", n)
	})
	fn("_path_normpath", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		spec := ArgSpec{Name: "_path_normpath", Params: []string{"path"}, Required: 1}
		var a [1]Value
		if err := clinicArgs(t, &spec, args, kw, a[:]); err != nil {
			return Null, err
		}
		p, err := t.pathOf("_path_normpath", "path", a[0], false, false)
		if err != nil {
			return Null, err
		}
		return p.result(posixNormpath(p.path)), nil
	})
	addPosixWait(m)
	addPosixMore(m)
	return nil
}

// posixNormpath is posixpath.normpath: "." for "", two leading slashes
// kept, ".." resolved lexically.
func posixNormpath(p string) string {
	if p == "" {
		return "."
	}
	initial := 0
	if strings.HasPrefix(p, "/") {
		initial = 1
		if strings.HasPrefix(p, "//") && !strings.HasPrefix(p, "///") {
			initial = 2
		}
	}
	var out []string
	for _, c := range strings.Split(p, "/") {
		if c == "" || c == "." {
			continue
		}
		if c != ".." || (initial == 0 && len(out) == 0) || (len(out) > 0 && out[len(out)-1] == "..") {
			out = append(out, c)
		} else if len(out) > 0 {
			out = out[:len(out)-1]
		}
	}
	s := strings.Repeat("/", initial) + strings.Join(out, "/")
	if s == "" {
		return "."
	}
	return s
}

// osFspath is os.fspath.
func osFspath(t *Thread, v Value) (Value, error) {
	switch v.o.(type) {
	case *Str, *Bytes:
		return v, nil
	}
	if m := v.Type().LookupString("__fspath__"); !m.IsNull() {
		r, err := callDunder(t, v, Intern("__fspath__"))
		if err != nil {
			return Null, err
		}
		switch r.o.(type) {
		case *Str, *Bytes:
			return r, nil
		}
		return Null, t.typeErrorf("expected %s.__fspath__() to return str or bytes, not %s", v.Type().Name, typeName(r))
	}
	return Null, t.typeErrorf("expected str, bytes or os.PathLike object, not %s", typeName(v))
}

// openFD opens a file for os.open and io, returning a descriptor number.
func (t *Thread) openFD(path string, flags, mode int) (int, error) {
	write := flags&(syscall.O_WRONLY|syscall.O_RDWR|syscall.O_CREAT|syscall.O_TRUNC|syscall.O_APPEND) != 0
	if err := t.fsCheck(write, path); err != nil {
		return 0, err
	}
	f, err := os.OpenFile(path, flags|syscall.O_CLOEXEC, os.FileMode(mode))
	if err != nil {
		return 0, t.osError(err, path)
	}
	fd := int(f.Fd())
	t.fds().files[fd] = f
	return fd, nil
}

// readDirNames lists a folder in the order the system gives (os.listdir
// does not sort).
func readDirNames(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return f.Readdirnames(-1)
}

// unsortedDirOrder returns the entries as ReadDir gave them (sorted by
// name: Go sorts, the system does not; scandir's order is unspecified).
func unsortedDirOrder(des []os.DirEntry) []os.DirEntry { return des }

// writeRawStdout writes bytes to the run's stdout (os.write(1, …)).
func (t *Thread) writeRawStdout(b []byte) error {
	if s := t.interp.stdout; s != nil {
		if err := s.write(t, string(b)); err != nil {
			return err
		}
		return s.flush(t)
	}
	return nil
}

// posixConstants are the integer constants of posix on Linux.
var posixConstants = map[string]int64{
	"F_OK": 0, "R_OK": 4, "W_OK": 2, "X_OK": 1,
	"O_RDONLY": 0, "O_WRONLY": 1, "O_RDWR": 2, "O_APPEND": 0o2000, "O_CREAT": 0o100, "O_EXCL": 0o200,
	"O_TRUNC": 0o1000, "O_NONBLOCK": 0o4000, "O_NDELAY": 0o4000, "O_SYNC": 0o4010000, "O_DSYNC": 0o10000,
	"O_NOCTTY": 0o400, "O_CLOEXEC": 0o2000000, "O_DIRECTORY": 0o200000, "O_NOFOLLOW": 0o400000,
	"O_ACCMODE": 3, "O_ASYNC": 0o20000, "O_DIRECT": 0o40000, "O_LARGEFILE": 0, "O_NOATIME": 0o1000000,
	"O_PATH": 0o10000000, "O_TMPFILE": 0o20200000, "O_RSYNC": 0o4010000, "O_FSYNC": 0o4010000,
	"SEEK_DATA": 3, "SEEK_HOLE": 4,
	"EX_OK": 0, "EX_USAGE": 64, "EX_DATAERR": 65, "EX_NOINPUT": 66, "EX_NOUSER": 67, "EX_NOHOST": 68,
	"EX_UNAVAILABLE": 69, "EX_SOFTWARE": 70, "EX_OSERR": 71, "EX_OSFILE": 72, "EX_CANTCREAT": 73,
	"EX_IOERR": 74, "EX_TEMPFAIL": 75, "EX_PROTOCOL": 76, "EX_NOPERM": 77, "EX_CONFIG": 78,
	"WNOHANG": 1, "WUNTRACED": 2, "WCONTINUED": 8, "WEXITED": 4, "WSTOPPED": 2, "WNOWAIT": 0x1000000,
	"P_PID": 1, "P_PGID": 2, "P_ALL": 0, "TMP_MAX": 238328, "NGROUPS_MAX": 65536,
	"PRIO_PROCESS": 0, "PRIO_PGRP": 1, "PRIO_USER": 2,
}
