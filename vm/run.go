package vm

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"

	"github.com/peephole-lsp/peephole/compiler"
)

// Running a program as CPython's `python FILE` does: the code runs as
// __main__, an uncaught exception is printed with its traceback on
// stderr (exit status 1), SystemExit gives the exit status, and the
// standard streams are flushed at the end.

// Program is what RunMain runs: source to compile, or a code object
// already compiled (a .pyc).
type Program struct {
	// Filename is co_filename and __file__ ("<string>" for -c).
	Filename string
	// Source is the program's text; Code is used instead when set.
	Source []byte
	Code   *compiler.Code
	// IsFile says Filename names the file Source was read from.
	IsFile bool
}

// RunMain runs a program as __main__ and returns its exit status. Errors
// that stop the run from outside (limits, cancellation) are returned too.
func (in *Interp) RunMain(p Program) (code int, err error) {
	t := in.main
	defer func() {
		if r := recover(); r != nil {
			code, err = 1, &InternalError{Value: r, Stack: string(debug.Stack())}
		}
	}()
	defer in.startLimits()()
	defer in.Flush()
	var mainDict *Dict
	defer in.finRelease()
	// Files still holding written bytes are flushed as the run ends, after
	// the exit finalization (a __del__ may write to one).
	defer func() { _ = in.flushFiles(t) }()
	defer func() {
		if err == nil {
			if ferr := in.finalizeStd(t); ferr != nil {
				err = ferr
			}
			if err == nil {
				in.finExit(t, mainDict)
			}
		}
	}()
	main := NewModule("__main__")
	md := main.dict
	mainDict = md
	md.SetStr("__builtins__", Value{o: in.Builtins})
	if p.IsFile {
		md.SetStr("__file__", NewStrValue(p.Filename))
	}
	md.SetStr("__cached__", None)
	in.Modules.SetStr("__main__", Value{o: main})
	if !p.IsFile || p.Code == nil {
		if p.Source != nil {
			in.RememberSource(p.Filename, p.Source)
		}
	}
	if !p.IsFile && p.Code == nil && p.Filename == "<string>" {
		in.registerCommandSource(t, p.Source)
	}
	co := p.Code
	if co == nil {
		var err error
		co, err = t.compileSource(p.Source, p.Filename, p.IsFile, 0)
		if err != nil {
			return in.reportUncaught(t, err)
		}
	}
	if _, err := t.RunCode(NewCode(co), md, Value{o: md}); err != nil {
		return in.reportUncaught(t, err)
	}
	if err := in.flushStdout(t); err != nil {
		return in.reportUncaught(t, err)
	}
	return 0, nil
}

// flushStdout flushes sys.stdout as Python does at exit.
func (in *Interp) flushStdout(t *Thread) error {
	if w, ok := in.Sys.dict.GetStr("stdout"); ok && !w.IsNone() {
		if ts, ok := w.o.(*TextStream); ok {
			return ts.flush(t)
		}
		if m, err := getAttrOpt(t, w, Intern("flush")); err == nil && !m.IsNull() {
			_, err = t.Call(m, nil, nil)
			return err
		}
	}
	return nil
}

// reportUncaught handles an error that ended the program: SystemExit's
// status, or the traceback printed and status 1. An abort is returned.
func (in *Interp) reportUncaught(t *Thread, err error) (int, error) {
	e := asException(err)
	if e == nil {
		in.Flush()
		return 1, err
	}
	if e.cls.IsSubtype(SystemExitType) {
		return in.systemExit(t, e), nil
	}
	in.flushStdout(t)
	if code, exited := in.printUncaught(t, e); exited {
		return code, nil
	}
	if e.cls.IsSubtype(KeyboardInterruptType) {
		in.limits.endedByInterrupt = true
		return 130, nil
	}
	return 1, nil
}

// systemExit turns SystemExit's code into the exit status, printing a
// non-int code to stderr as CPython does.
func (in *Interp) systemExit(t *Thread, e *Exception) int {
	code := e.Code
	if code.IsNull() {
		code = None
		if e.Args != nil && e.Args.Len() > 0 {
			code = e.Args.items[0]
		}
	}
	if code.IsNone() {
		return 0
	}
	if code.IsIntLike() {
		i, _ := intConst(code)
		if n, ok := i.Int64(); ok {
			return int(n & 0xff)
		}
		return 0xff
	}
	in.flushStdout(t)
	s, err := StrOf(t, code)
	if err == nil {
		t.writeStderr(s.s + "\n")
	}
	return 1
}

// ScriptPath returns sys.path[0] for a script: its folder, absolute.
func ScriptPath(file string) string {
	dir := filepath.Dir(file)
	if abs, err := filepath.Abs(dir); err == nil {
		return abs
	}
	return dir
}

// DefaultPyLib finds CPython's pure-Python standard library folder
// without running anything (DESIGN §7): $PEEPHOLE_PYLIB, then
// $(pyenv root)/versions/3.13.*/lib/python3.13 (PYENV_ROOT or ~/.pyenv),
// then the usual system folders. It returns "" when there is none.
func DefaultPyLib() string {
	if p := os.Getenv("PEEPHOLE_PYLIB"); p != "" {
		return p
	}
	var roots []string
	if r := os.Getenv("PYENV_ROOT"); r != "" {
		roots = append(roots, r)
	}
	if h, err := os.UserHomeDir(); err == nil {
		roots = append(roots, filepath.Join(h, ".pyenv"))
	}
	var candidates []string
	for _, r := range roots {
		matches, _ := filepath.Glob(filepath.Join(r, "versions", "3.13.*", "lib", "python3.13"))
		sort.Sort(sort.Reverse(sort.StringSlice(matches)))
		candidates = append(candidates, matches...)
	}
	candidates = append(candidates, "/usr/lib/python3.13", "/usr/local/lib/python3.13", "/opt/homebrew/lib/python3.13")
	for _, c := range candidates {
		if fileExists(filepath.Join(c, "os.py")) {
			return c
		}
	}
	return ""
}

// InternalError is a Go panic inside the VM: a bug in peephole, never the
// program's fault. RunMain recovers it so that no input crashes the
// process (the language server keeps serving).
type InternalError struct {
	Value any
	Stack string
}

func (e *InternalError) Error() string {
	return fmt.Sprintf("internal error (a bug in the VM): %v\n%s", e.Value, e.Stack)
}
