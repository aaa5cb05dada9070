package vm

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"syscall"

	"github.com/peephole-lsp/peephole/compiler"
)

// This file holds the work of the instructions that is too long to sit
// in the interpreter loop: name lookups and their errors, unpacking, the
// container-building helpers, raising, exception matching, with-statement
// method lookup and the limits check.

// reraiseValue returns the exception value exc as an error, as RERAISE and
// a bare raise do: without adding a traceback entry.
func (t *Thread) reraiseValue(exc Value) error {
	if e, ok := exc.o.(*Exception); ok {
		return e
	}
	return t.raisef(SystemErrorType, "exception is not an exception instance (%s)", typeName(exc))
}

// unboundLocal is the UnboundLocalError of a fast local read before it is
// bound.
func (t *Thread) unboundLocal(co *Code, i int) error {
	name := co.localsplusNames[i].s
	e := NewException(UnboundLocalErrorType, NewStrValue(fmt.Sprintf("cannot access local variable '%s' where it is not associated with a value", name)))
	e.Name = Value{o: co.localsplusNames[i]}
	return e
}

// unboundDeref is the error of a cell or free variable read before it is
// bound.
func (t *Thread) unboundDeref(co *Code, i int) error {
	if co.kinds[i]&compiler.FastFree != 0 {
		name := co.localsplusNames[i].s
		e := NewException(NameErrorType, NewStrValue(fmt.Sprintf("cannot access free variable '%s' where it is not associated with a value in enclosing scope", name)))
		e.Name = Value{o: co.localsplusNames[i]}
		return e
	}
	return t.unboundLocal(co, i)
}

// nameError is the NameError of a name found nowhere.
func (t *Thread) nameError(name *Str) error {
	e := NewException(NameErrorType, NewStrValue(fmt.Sprintf("name '%s' is not defined", name.s)))
	e.Name = Value{o: name}
	return e
}

// mappingGet looks name up in a mapping (a dict fast, anything else by
// __getitem__, KeyError meaning absent).
func (t *Thread) mappingGet(mapping Value, name *Str) (Value, bool, error) {
	if d, ok := mapping.o.(*Dict); ok && d.cls == DictType {
		v, found := d.getStr(name)
		return v, found, nil
	}
	v, err := GetItem(t, mapping, Value{o: name})
	if err != nil {
		if e := asException(err); e != nil && e.cls.IsSubtype(KeyErrorType) {
			return Null, false, nil
		}
		return Null, false, err
	}
	return v, true, nil
}

// loadGlobal is LOAD_GLOBAL: the globals, then the builtins.
func (t *Thread) loadGlobal(f *Frame, name *Str) (Value, error) {
	if v, ok := f.globals.getStr(name); ok {
		return v, nil
	}
	if f.builtins != nil {
		if v, ok := f.builtins.getStr(name); ok {
			return v, nil
		}
	}
	return Null, t.nameError(name)
}

// loadName is LOAD_NAME: the locals, the globals, the builtins.
func (t *Thread) loadName(f *Frame, name *Str) (Value, error) {
	if f.locals.IsNull() {
		return Null, t.raisef(SystemErrorType, "no locals found when loading '%s'", name.s)
	}
	v, ok, err := t.mappingGet(f.locals, name)
	if err != nil {
		return Null, err
	}
	if ok {
		return v, nil
	}
	return t.loadGlobal(f, name)
}

// deleteName is DELETE_NAME.
func (t *Thread) deleteName(f *Frame, name *Str) error {
	if f.locals.IsNull() {
		return t.raisef(SystemErrorType, "no locals when deleting '%s'", name.s)
	}
	if d, ok := f.locals.o.(*Dict); ok {
		found, err := d.Delete(t, Value{o: name})
		if err != nil {
			return err
		}
		if !found {
			return t.nameError(name)
		}
		return nil
	}
	if err := SetItem(t, f.locals, Value{o: name}, Null); err != nil {
		if e := asException(err); e != nil && e.cls.IsSubtype(KeyErrorType) {
			return t.nameError(name)
		}
		return err
	}
	return nil
}

// unpack is UNPACK_SEQUENCE (after < 0: exactly before items) and
// UNPACK_EX (before items, a list of the middle, after items). The items
// come back in stack order: the last one first.
func (t *Thread) unpack(seq Value, before, after int) ([]Value, error) {
	var items []Value
	switch s := seq.o.(type) {
	case *Tuple:
		if s.cls == TupleType {
			items = s.items
		}
	case *List:
		if s.cls == ListType {
			items = append([]Value(nil), s.items...)
		}
	}
	if items == nil {
		it, err := Iter(t, seq)
		if err != nil {
			if e := asException(err); e != nil && e.cls == TypeErrorType && !hasIter(seq) {
				return nil, t.typeErrorf("cannot unpack non-iterable %s object", typeName(seq))
			}
			return nil, err
		}
		limit := -1
		if after < 0 {
			limit = before + 1
		}
		for limit < 0 || len(items) < limit {
			v, err := Next(t, it)
			if err != nil {
				return nil, err
			}
			if v.IsNull() {
				break
			}
			items = append(items, v)
		}
	}
	n := len(items)
	if after < 0 {
		if n != before {
			if n < before {
				return nil, t.valueErrorf("not enough values to unpack (expected %d, got %d)", before, n)
			}
			return nil, t.valueErrorf("too many values to unpack (expected %d)", before)
		}
		out := make([]Value, n)
		for i, v := range items {
			out[n-1-i] = v
		}
		return out, nil
	}
	if n < before+after {
		return nil, t.valueErrorf("not enough values to unpack (expected at least %d, got %d)", before+after, n)
	}
	out := make([]Value, 0, before+after+1)
	for i := n - 1; i >= n-after; i-- {
		out = append(out, items[i])
	}
	out = append(out, Value{o: NewList(append([]Value(nil), items[before:n-after]...)...)})
	for i := before - 1; i >= 0; i-- {
		out = append(out, items[i])
	}
	return out, nil
}

// hasIter reports whether v's type can make an iterator.
func hasIter(v Value) bool {
	tp := v.Type()
	return tp.Iter != nil || tp.GetItem != nil
}

// listExtend is LIST_EXTEND.
func (t *Thread) listExtend(l *List, it Value) error {
	items, err := t.collectIterable(it, func() error {
		return t.typeErrorf("Value after * must be an iterable, not %s", typeName(it))
	})
	if err != nil {
		return err
	}
	l.items = append(l.items, items...)
	return nil
}

// setUpdate is SET_UPDATE.
func (t *Thread) setUpdate(s *Set, it Value) error {
	return setUpdateInternal(t, &s.setTable, it)
}

// dictUpdateOp is DICT_UPDATE ({**a}).
func (t *Thread) dictUpdateOp(d *Dict, other Value) error {
	if err := dictUpdate(t, d, other, false); err != nil {
		if e := asException(err); e != nil && e.cls == AttributeErrorType {
			return t.typeErrorf("'%s' object is not a mapping", typeName(other))
		}
		return err
	}
	return nil
}

// dictMerge is DICT_MERGE (f(**a)): a repeated key is an error.
func (t *Thread) dictMerge(d *Dict, other, callable Value) error {
	err := dictUpdate(t, d, other, true)
	if err == nil {
		return nil
	}
	e := asException(err)
	if e == nil {
		return err
	}
	switch {
	case e.cls == AttributeErrorType:
		return t.typeErrorf("%s argument after ** must be a mapping, not %s", t.funcDesc(callable), typeName(other))
	case e.cls == KeyErrorType && e.Args.Len() == 1:
		key := e.Args.items[0]
		if s, ok := key.o.(*Str); ok {
			return t.typeErrorf("%s got multiple values for keyword argument '%s'", t.funcDesc(callable), s.s)
		}
		return t.typeErrorf("%s keywords must be strings", t.funcDesc(callable))
	}
	return err
}

// dictUpdate adds other's items to d: a dict directly, else through
// keys() and __getitem__. With noDup a key already in d raises KeyError
// of the key.
func dictUpdate(t *Thread, d *Dict, other Value, noDup bool) error {
	put := func(k, v Value) error {
		if noDup {
			_, found, err := d.Get(t, k)
			if err != nil {
				return err
			}
			if found {
				return NewException(KeyErrorType, k)
			}
		}
		return d.Set(t, k, v)
	}
	if od, ok := other.o.(*Dict); ok && od.cls.Lookup(Intern("keys")).Is(DictType.Lookup(Intern("keys"))) {
		var err error
		od.Items(func(k, v Value) bool {
			err = put(k, v)
			return err == nil
		})
		return err
	}
	keys, err := GetAttr(t, other, Intern("keys"))
	if err != nil {
		return err
	}
	kv, err := t.Call(keys, nil, nil)
	if err != nil {
		return err
	}
	ks, err := t.collectIterable(kv, nil)
	if err != nil {
		return err
	}
	for _, k := range ks {
		v, err := GetItem(t, other, k)
		if err != nil {
			return err
		}
		if err := put(k, v); err != nil {
			return err
		}
	}
	return nil
}

// doRaise is `raise exc [from cause]`: a class is instantiated, the cause
// is set.
func (t *Thread) doRaise(exc, cause Value) error {
	var e *Exception
	switch x := exc.o.(type) {
	case *Type:
		if !x.IsSubtype(BaseExceptionType) {
			return t.typeErrorf("exceptions must derive from BaseException")
		}
		v, err := t.Call(exc, nil, nil)
		if err != nil {
			return err
		}
		ee, ok := v.o.(*Exception)
		if !ok {
			return t.typeErrorf("calling %s should have returned an instance of BaseException, not %s", reprOrType(t, exc), typeName(v))
		}
		e = ee
	case *Exception:
		e = x
	default:
		return t.typeErrorf("exceptions must derive from BaseException")
	}
	if !cause.IsNull() {
		switch c := cause.o.(type) {
		case *Type:
			if !c.IsSubtype(BaseExceptionType) {
				return t.typeErrorf("exception causes must derive from BaseException")
			}
			v, err := t.Call(cause, nil, nil)
			if err != nil {
				return err
			}
			if _, ok := v.o.(*Exception); !ok {
				return t.typeErrorf("calling %s should have returned an instance of BaseException, not %s", reprOrType(t, cause), typeName(v))
			}
			e.Cause = v
		case *Exception:
			e.Cause = cause
		default:
			if !cause.IsNone() {
				return t.typeErrorf("exception causes must derive from BaseException")
			}
			e.Cause = None
		}
		e.SuppressContext = true
	}
	return e
}

// setContext chains a newly raised exception to the one being handled
// (implicit chaining), avoiding cycles as CPython's _PyErr_SetObject does.
func (t *Thread) setContext(e *Exception) {
	h, ok := t.handled.o.(*Exception)
	if !ok || h == e {
		return
	}
	// Break a cycle that would be made.
	o := h
	for {
		ctx, ok := o.Context.o.(*Exception)
		if !ok {
			break
		}
		if ctx == e {
			o.Context = Null
			break
		}
		o = ctx
	}
	e.Context = Value{o: h}
}

// checkExceptType checks what an except clause names.
func (t *Thread) checkExceptType(match Value) error {
	bad := func(v Value) bool {
		c, ok := v.o.(*Type)
		return !ok || !c.IsSubtype(BaseExceptionType)
	}
	if tu, ok := match.o.(*Tuple); ok {
		for _, m := range tu.items {
			if bad(m) {
				return t.typeErrorf("catching classes that do not inherit from BaseException is not allowed")
			}
		}
		return nil
	}
	if bad(match) {
		return t.typeErrorf("catching classes that do not inherit from BaseException is not allowed")
	}
	return nil
}

// withMethods looks up a context manager's __enter__ and __exit__ (or
// their async forms) and binds them.
func (t *Thread) withMethods(mgr Value, async bool) (enter, exit Value, err error) {
	enterName, exitName := "__enter__", "__exit__"
	if async {
		enterName, exitName = "__aenter__", "__aexit__"
	}
	tp := mgr.Type()
	what := "the context manager protocol"
	if async {
		what = "the asynchronous context manager protocol"
	}
	e := tp.Lookup(Intern(enterName))
	// CPython 3.13 names the type by tp_name (no module) and gives no hint.
	if e.IsNull() {
		return Null, Null, t.typeErrorf("'%s' object does not support %s", tp.Name, what)
	}
	x := tp.Lookup(Intern(exitName))
	if x.IsNull() {
		return Null, Null, t.typeErrorf("'%s' object does not support %s (missed %s method)", tp.Name, what, exitName)
	}
	if enter, err = bindDescriptor(t, e, mgr, tp); err != nil {
		return Null, Null, err
	}
	if exit, err = bindDescriptor(t, x, mgr, tp); err != nil {
		return Null, Null, err
	}
	return enter, exit, nil
}

// setupAnnotations is SETUP_ANNOTATIONS: a module or class body gets an
// empty __annotations__ dict unless it has one.
func (t *Thread) setupAnnotations(f *Frame) error {
	if f.locals.IsNull() {
		return t.raise(SystemErrorType, "no locals found when setting up annotations")
	}
	name := Intern("__annotations__")
	_, ok, err := t.mappingGet(f.locals, name)
	if err != nil || ok {
		return err
	}
	if d, isDict := f.locals.o.(*Dict); isDict {
		d.setStr(name, Value{o: NewDict()})
		return nil
	}
	return SetItem(t, f.locals, Value{o: name}, Value{o: NewDict()})
}

// osError turns a Go file error into the OSError subclass CPython raises,
// with errno, strerror and the file name.
func (t *Thread) osError(err error, path string) error {
	var errno syscall.Errno
	if pe, ok := err.(*fs.PathError); ok {
		err = pe.Err
	}
	if !errors.As(err, &errno) {
		switch {
		case errors.Is(err, fs.ErrNotExist):
			errno = syscall.ENOENT
		case errors.Is(err, fs.ErrPermission):
			errno = syscall.EACCES
		case errors.Is(err, fs.ErrExist):
			errno = syscall.EEXIST
		default:
			return t.raise(OSErrorType, err.Error())
		}
	}
	cls := OSErrorType
	switch errno {
	case syscall.ENOENT:
		cls = FileNotFoundErrorType
	case syscall.EEXIST:
		cls = FileExistsErrorType
	case syscall.EACCES, syscall.EPERM:
		cls = PermissionErrorType
	case syscall.EISDIR:
		cls = IsADirectoryErrorType
	case syscall.ENOTDIR:
		cls = NotADirectoryErrorType
	case syscall.EINTR:
		cls = InterruptedErrorType
	case syscall.EPIPE:
		cls = BrokenPipeErrorType
	case syscall.ETIMEDOUT:
		cls = TimeoutErrorType
	}
	msg := strerror(errno)
	e := NewException(cls, Int(int64(errno)), NewStrValue(msg))
	e.Errno = Int(int64(errno))
	e.Strerror = NewStrValue(msg)
	if path != "" {
		e.Filename = NewStrValue(path)
		e.Args = NewTuple(Int(int64(errno)), NewStrValue(msg))
	}
	return e
}

// strerror is the C library's message for errno, as Python shows it.
func strerror(errno syscall.Errno) string {
	s := errno.Error()
	if s == "" {
		return "Unknown error"
	}
	// Go's messages are lower-case; glibc's start with a capital.
	return string(s[0]-('a'-'A')*byte(btoi(s[0] >= 'a' && s[0] <= 'z'))) + s[1:]
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// warnExplicit reports a warning raised while compiling (SyntaxWarning,
// DeprecationWarning) as the default warnings filter shows it, on stderr:
// "FILE:LINE: Category: message" and the source line.
func (t *Thread) warnExplicit(category, msg, filename string, lineno int, src []byte, isFile bool) error {
	line := sourceLine(src, lineno)
	if line == "" && isFile {
		if b, err := os.ReadFile(filename); err == nil {
			line = sourceLine(b, lineno)
		}
	}
	text := fmt.Sprintf("%s:%d: %s: %s\n", filename, lineno, category, msg)
	if line != "" {
		text += "  " + line + "\n"
	}
	return t.writeStderr(text)
}

// sourceLine returns line n (1-based) of src without its indentation and
// end of line, as linecache and the warnings module show it.
func sourceLine(src []byte, n int) string {
	cur := 1
	start := 0
	for i := 0; i <= len(src); i++ {
		if i == len(src) || src[i] == '\n' {
			if cur == n {
				s := string(src[start:i])
				for len(s) > 0 && (s[len(s)-1] == '\r' || s[len(s)-1] == ' ' || s[len(s)-1] == '\t') {
					s = s[:len(s)-1]
				}
				for len(s) > 0 && (s[0] == ' ' || s[0] == '\t' || s[0] == '\f') {
					s = s[1:]
				}
				return s
			}
			cur++
			start = i + 1
		}
	}
	return ""
}
