package vm

import "syscall"

// OSError and its subclasses (CPython's OSError_new, OSError_init and
// OSError_str). OSError(errno, strerror[, filename[, winerror[,
// filename2]]]) keeps errno and strerror as its args when a filename is
// given, and calling OSError itself with a known errno makes the
// matching subclass (errno 2 gives FileNotFoundError). A subclass that
// defines __init__ but not __new__ gets its arguments parsed by
// OSError.__init__ instead, so that its own extra arguments are free.

func init() {
	onSetup(setupOSError)
}

// errnoSubclass is CPython's errnomap: the OSError subclass of an errno.
func errnoSubclass(errno int64) *Type {
	switch syscall.Errno(errno) {
	case syscall.EAGAIN, syscall.EALREADY, syscall.EINPROGRESS:
		return BlockingIOErrorType
	case syscall.ECHILD:
		return ChildProcessErrorType
	case syscall.EPIPE, syscall.ESHUTDOWN:
		return BrokenPipeErrorType
	case syscall.ECONNABORTED:
		return ConnectionAbortedErrorType
	case syscall.ECONNREFUSED:
		return ConnectionRefusedErrorType
	case syscall.ECONNRESET:
		return ConnectionResetErrorType
	case syscall.EEXIST:
		return FileExistsErrorType
	case syscall.ENOENT:
		return FileNotFoundErrorType
	case syscall.EISDIR:
		return IsADirectoryErrorType
	case syscall.ENOTDIR:
		return NotADirectoryErrorType
	case syscall.EINTR:
		return InterruptedErrorType
	case syscall.EACCES, syscall.EPERM:
		return PermissionErrorType
	case syscall.ESRCH:
		return ProcessLookupErrorType
	case syscall.ETIMEDOUT:
		return TimeoutErrorType
	}
	return nil
}

// osErrorUsesInit reports a class whose __init__ is not OSError's while
// its __new__ is: its arguments are parsed by __init__.
func osErrorUsesInit(cls *Type) bool {
	return !sameSlot(cls.Init, InitSlot(osErrorInit)) && sameSlot(cls.New, NewSlot(osErrorNew))
}

func osErrorNew(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
	pos := args[:len(args)-len(kw)]
	if !osErrorUsesInit(cls) {
		if len(kw) > 0 {
			return Null, t.typeErrorf("%s() takes no keyword arguments", cls.Name)
		}
		if cls == OSErrorType && len(pos) >= 2 && len(pos) <= 5 && pos[0].IsIntLike() {
			if n, ok := excIntOf(pos[0]); ok {
				if sub := errnoSubclass(int64(n)); sub != nil {
					cls = sub
				}
			}
		}
	}
	e := newExcInstance(cls, nil)
	if !osErrorUsesInit(cls) {
		if err := t.osErrorParse(e, pos); err != nil {
			return Null, err
		}
	}
	return Value{o: e}, nil
}

func osErrorInit(t *Thread, self Value, args []Value, kw []*Str) error {
	e := self.o.(*Exception)
	if !osErrorUsesInit(e.cls) {
		return nil
	}
	if len(kw) > 0 {
		return t.typeErrorf("%s() takes no keyword arguments", e.cls.Name)
	}
	return t.osErrorParse(e, args)
}

// osErrorParse is oserror_parse_args and oserror_init.
func (t *Thread) osErrorParse(e *Exception, args []Value) error {
	e.Args = NewTuple(append([]Value(nil), args...)...)
	if len(args) >= 3 && len(args) <= 5 && e.cls == BlockingIOErrorType && !args[2].IsNone() && isNumber(args[2]) {
		n, err := AsSize(t, args[2], ValueErrorType)
		if err != nil {
			return err
		}
		e.Errno, e.Strerror = args[0], args[1]
		e.written = int64(n) + 1
		return nil
	}
	oserrorSetFields(e, args)
	return nil
}

// oserrorSetFields sets errno, strerror, filename and filename2 from
// OSError's arguments, leaving only errno and strerror as args when a
// filename is given.
func oserrorSetFields(e *Exception, args []Value) {
	if len(args) < 2 || len(args) > 5 {
		return
	}
	e.Errno, e.Strerror = args[0], args[1]
	if len(args) >= 3 && !args[2].IsNone() {
		e.Filename = args[2]
		if len(args) >= 5 && !args[4].IsNone() {
			e.Filename2 = args[4]
		}
		e.Args = NewTuple(args[0], args[1])
	}
}

func osErrorStr(t *Thread, v Value) (Value, error) {
	e := v.o.(*Exception)
	str := func(x Value) (string, error) {
		s, err := StrOf(t, noneIfNull(x))
		if err != nil {
			return "", err
		}
		return s.s, nil
	}
	if !e.Filename.IsNull() {
		no, err := str(e.Errno)
		if err != nil {
			return Null, err
		}
		msg, err := str(e.Strerror)
		if err != nil {
			return Null, err
		}
		f1, err := Repr(t, e.Filename)
		if err != nil {
			return Null, err
		}
		if !e.Filename2.IsNull() {
			f2, err := Repr(t, e.Filename2)
			if err != nil {
				return Null, err
			}
			return NewStrValue("[Errno " + no + "] " + msg + ": " + f1.s + " -> " + f2.s), nil
		}
		return NewStrValue("[Errno " + no + "] " + msg + ": " + f1.s), nil
	}
	if !e.Errno.IsNull() && !e.Strerror.IsNull() {
		no, err := str(e.Errno)
		if err != nil {
			return Null, err
		}
		msg, err := str(e.Strerror)
		if err != nil {
			return Null, err
		}
		return NewStrValue("[Errno " + no + "] " + msg), nil
	}
	return excStr(t, v)
}

func setupOSError() {
	ot := OSErrorType
	ot.New = osErrorNew
	ot.Init = osErrorInit
	ot.Str = osErrorStr
	defExcField(ot, "errno", func(e *Exception) *Value { return &e.Errno })
	defExcField(ot, "strerror", func(e *Exception) *Value { return &e.Strerror })
	defExcField(ot, "filename", func(e *Exception) *Value { return &e.Filename })
	defExcField(ot, "filename2", func(e *Exception) *Value { return &e.Filename2 })
	defGetSet(ot, "characters_written", func(t *Thread, self Value) (Value, error) {
		e := self.o.(*Exception)
		if e.written == 0 {
			return Null, t.raise(AttributeErrorType, "characters_written")
		}
		return Int(e.written - 1), nil
	}, func(t *Thread, self, v Value) error {
		e := self.o.(*Exception)
		if v.IsNull() {
			if e.written == 0 {
				return t.raise(AttributeErrorType, "characters_written")
			}
			e.written = 0
			return nil
		}
		n, err := AsSize(t, v, ValueErrorType)
		if err != nil {
			return err
		}
		e.written = int64(n) + 1
		return nil
	})
}
