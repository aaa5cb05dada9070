package vm

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/peephole-lsp/peephole/compiler"
	"github.com/peephole-lsp/peephole/parser"
)

// This file holds modules and the import system. CPython's import is
// mostly Python (importlib._bootstrap); ours is Go with the same
// observable rules:
//
//   - sys.modules is consulted first;
//   - a native module (written in Go, registered with RegisterModule) is
//     found before the path, as CPython's builtin and frozen modules are;
//   - then each folder of sys.path (of the parent package's __path__ for a
//     submodule) is searched for NAME/__init__.py (a package), NAME.py,
//     then NAME/ alone (a namespace package), and the source is compiled
//     by our compiler and run in a new module;
//   - a failing module is removed from sys.modules; relative imports
//     resolve against __package__ (or __name__/__spec__.parent).
//
// CPython's pure-Python standard library is found like any other folder of
// sys.path: Interp.PyLib is appended to it.

// Module is a module object; its namespace is its __dict__.
type Module struct {
	ObjectBase
}

// NewModule returns a module named name with a fresh namespace.
func NewModule(name string) *Module {
	m := &Module{ObjectBase: ObjectBase{cls: ModuleType, dict: NewDict()}}
	m.dict.SetStr("__name__", NewStrValue(name))
	m.dict.SetStr("__doc__", None)
	m.dict.SetStr("__package__", None)
	m.dict.SetStr("__loader__", None)
	m.dict.SetStr("__spec__", None)
	return m
}

// Dict returns the module's namespace.
func (m *Module) Dict() *Dict { return m.dict }

// name returns __name__, or "?".
func (m *Module) name() string {
	if m.dict != nil {
		if v, ok := m.dict.GetStr("__name__"); ok {
			if s, ok := v.o.(*Str); ok {
				return s.s
			}
		}
	}
	return "?"
}

// Set sets an attribute of a native module.
func (m *Module) Set(name string, v Value) { m.dict.SetStr(name, v) }

// AddFunc adds a builtin function to a native module.
func (m *Module) AddFunc(name string, fn BuiltinFunc) {
	b := NewBuiltin(name, fn)
	b.module = m.name()
	b.qual = name
	m.dict.SetStr(name, Value{o: b})
}

// NativeModule is the initializer of a module written in Go: it fills the
// new module m.
type NativeModule func(t *Thread, m *Module) error

var (
	nativeMu      sync.RWMutex
	nativeModules = map[string]NativeModule{}
)

// RegisterModule makes a module written in Go importable by name.
func RegisterModule(name string, init NativeModule) {
	nativeMu.Lock()
	nativeModules[name] = init
	nativeMu.Unlock()
}

// NativeModuleNames returns the names of the modules written in Go, sorted
// (sys.builtin_module_names).
func NativeModuleNames() []string {
	nativeMu.RLock()
	defer nativeMu.RUnlock()
	names := make([]string, 0, len(nativeModules))
	for n := range nativeModules {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func nativeModule(name string) (NativeModule, bool) {
	nativeMu.RLock()
	defer nativeMu.RUnlock()
	init, ok := nativeModules[name]
	return init, ok
}

func init() {
	onSetup(setupModuleType)
}

func setupModuleType() {
	mt := ModuleType
	mt.New = func(t *Thread, cls *Type, args []Value, kwnames []*Str) (Value, error) {
		m := &Module{ObjectBase: ObjectBase{cls: cls, dict: NewDict()}}
		return Value{o: m}, nil
	}
	spec := &ArgSpec{Name: "module", Params: []string{"name", "doc"}, Required: 1}
	mt.Init = func(t *Thread, self Value, args []Value, kwnames []*Str) error {
		var a [2]Value
		if err := spec.Parse(t, args, kwnames, a[:]); err != nil {
			return err
		}
		if _, ok := a[0].o.(*Str); !ok {
			return t.typeErrorf("module.__init__() argument 'name' must be str, not %s", typeName(a[0]))
		}
		if a[1].IsNull() {
			a[1] = None
		}
		d := self.o.(*Module).dict
		d.SetStr("__name__", a[0])
		d.SetStr("__doc__", a[1])
		d.SetStr("__package__", None)
		d.SetStr("__loader__", None)
		d.SetStr("__spec__", None)
		return nil
	}
	mt.Repr = func(t *Thread, v Value) (Value, error) {
		m := v.o.(*Module)
		name := m.name()
		if f, ok := m.dict.GetStr("__file__"); ok {
			if s, ok := f.o.(*Str); ok {
				return NewStrValue(fmt.Sprintf("<module '%s' from '%s'>", name, s.s)), nil
			}
		}
		if _, ok := nativeModule(name); ok {
			return NewStrValue(fmt.Sprintf("<module '%s' (built-in)>", name)), nil
		}
		if p, ok := m.dict.GetStr("__path__"); ok {
			if l, ok := p.o.(*List); ok && len(l.items) > 0 {
				r, err := Repr(t, p)
				if err == nil {
					return NewStrValue(fmt.Sprintf("<module '%s' (namespace) from %s>", name, r.s)), nil
				}
			}
		}
		return NewStrValue(fmt.Sprintf("<module '%s'>", name)), nil
	}
	mt.GetAttr = func(t *Thread, v Value, name *Str) (Value, error) {
		r, ok, err := genericGetAttrOpt(t, v, name)
		if err != nil || ok {
			return r, err
		}
		m := v.o.(*Module)
		if ga, ok := m.dict.getStr(Intern("__getattr__")); ok {
			return t.Call(ga, []Value{Value{o: name}}, nil)
		}
		mname := m.name()
		if _, ok := m.dict.GetStr("__name__"); !ok {
			return Null, t.attributeError(v, name, fmt.Sprintf("module has no attribute '%s'", name.s))
		}
		if m.initializing() {
			return Null, t.attributeError(v, name, fmt.Sprintf("partially initialized module '%s' has no attribute '%s' (most likely due to a circular import)", mname, name.s))
		}
		return Null, t.attributeError(v, name, fmt.Sprintf("module '%s' has no attribute '%s'", mname, name.s))
	}
	defGetSet(mt, "__dict__", func(t *Thread, self Value) (Value, error) {
		return Value{o: self.o.(*Module).dict}, nil
	}, nil)
	defMethods(mt, MethodDef{Name: "__dir__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		d := self.o.(*Module).dict
		if f, ok := d.GetStr("__dir__"); ok {
			return t.Call(f, nil, nil)
		}
		return Value{o: NewList(d.Keys()...)}, nil
	}})
}

// initializing reports whether the module is still running its body
// (__spec__._initializing).
func (m *Module) initializing() bool {
	spec, ok := m.dict.GetStr("__spec__")
	if !ok {
		return false
	}
	if s, ok := spec.o.(*ModuleSpec); ok {
		return s.initializing
	}
	return false
}

// ModuleSpec is the __spec__ of a module imported by our import system: a
// native stand-in for importlib.machinery.ModuleSpec with its attributes.
type ModuleSpec struct {
	ObjectBase
	name         string
	origin       string
	searchLocs   []string
	isPackage    bool
	initializing bool
	cached       Value
}

var ModuleSpecType = builtinType("ModuleSpec", nil, FlagHasDict)

func init() {
	onSetup(func() {
		st := ModuleSpecType
		st.Dict.SetStr("__module__", NewStrValue("importlib._bootstrap"))
		st.Repr = func(t *Thread, v Value) (Value, error) {
			s := v.o.(*ModuleSpec)
			origin := ""
			if s.origin != "" {
				origin = ", origin=" + reprString(s.origin)
			} else {
				origin = ", origin='built-in'"
			}
			loc := ""
			if s.searchLocs != nil {
				r, _ := Repr(t, Value{o: strList(s.searchLocs)})
				loc = ", submodule_search_locations=" + r.s
			}
			loader := "<class '_frozen_importlib.BuiltinImporter'>"
			if s.origin != "" {
				loader = "<_frozen_importlib_external.SourceFileLoader object>"
			}
			return NewStrValue(fmt.Sprintf("ModuleSpec(name=%s, loader=%s%s%s)", reprString(s.name), loader, origin, loc)), nil
		}
		attr := func(name string, get func(s *ModuleSpec) Value) {
			defGetSet(st, name, func(t *Thread, self Value) (Value, error) { return get(self.o.(*ModuleSpec)), nil }, nil)
		}
		attr("name", func(s *ModuleSpec) Value { return NewStrValue(s.name) })
		attr("origin", func(s *ModuleSpec) Value {
			if s.origin == "" {
				return NewStrValue("built-in")
			}
			return NewStrValue(s.origin)
		})
		attr("parent", func(s *ModuleSpec) Value {
			if s.isPackage {
				return NewStrValue(s.name)
			}
			i := strings.LastIndexByte(s.name, '.')
			if i < 0 {
				return NewStrValue("")
			}
			return NewStrValue(s.name[:i])
		})
		attr("submodule_search_locations", func(s *ModuleSpec) Value {
			if s.searchLocs == nil {
				return None
			}
			return Value{o: strList(s.searchLocs)}
		})
		attr("has_location", func(s *ModuleSpec) Value { return Bool(s.origin != "") })
		attr("loader", func(s *ModuleSpec) Value { return None })
		attr("cached", func(s *ModuleSpec) Value { return None })
		defGetSet(st, "_initializing", func(t *Thread, self Value) (Value, error) {
			return Bool(self.o.(*ModuleSpec).initializing), nil
		}, func(t *Thread, self, v Value) error {
			b, err := Truth(t, v)
			self.o.(*ModuleSpec).initializing = b
			return err
		})
	})
}

func strList(ss []string) *List {
	items := make([]Value, len(ss))
	for i, s := range ss {
		items[i] = NewStrValue(s)
	}
	return NewList(items...)
}

// sysPath returns sys.path's strings.
func (t *Thread) sysPath() []string {
	if t.interp.Sys == nil {
		return t.interp.Path
	}
	v, ok := t.interp.Sys.dict.GetStr("path")
	if !ok {
		return nil
	}
	l, ok := v.o.(*List)
	if !ok {
		return nil
	}
	var out []string
	for _, x := range l.items {
		if s, ok := x.o.(*Str); ok {
			out = append(out, s.s)
		}
	}
	return out
}

// importName is IMPORT_NAME: __import__(name, globals, None, fromlist,
// level), through builtins.__import__ when a program replaced it.
func (t *Thread) importName(f *Frame, name *Str, fromlist, level Value) (Value, error) {
	imp, ok := f.builtins.getStr(Intern("__import__"))
	if !ok {
		return Null, t.raise(ImportErrorType, "__import__ not found")
	}
	if b, ok := imp.o.(*Builtin); !ok || b.name != "__import__" || b.module != "builtins" {
		var locals Value = None
		if !f.locals.IsNull() {
			locals = f.locals
		}
		return t.Call(imp, []Value{Value{o: name}, Value{o: f.globals}, locals, fromlist, level}, nil)
	}
	lv := 0
	if level.IsSmallInt() {
		lv = int(level.SmallInt())
	}
	return t.importModuleLevel(name.s, f.globals, fromlist, lv)
}

// importModuleLevel0 imports an absolute module name and returns it (not
// the top-level package).
func (t *Thread) importModuleLevel0(name string) (Value, error) {
	return t.importModule(name)
}

// importModuleLevel is PyImport_ImportModuleLevelObject.
func (t *Thread) importModuleLevel(name string, globals *Dict, fromlist Value, level int) (Value, error) {
	if level < 0 {
		return Null, t.valueErrorf("level must be >= 0")
	}
	absName := name
	if level > 0 {
		pkg, err := t.resolvePackage(globals)
		if err != nil {
			return Null, err
		}
		base := pkg
		parts := strings.Split(pkg, ".")
		if level-1 >= len(parts) || pkg == "" {
			if pkg == "" {
				return Null, t.raise(ImportErrorType, "attempted relative import with no known parent package")
			}
			return Null, t.raise(ImportErrorType, "attempted relative import beyond top-level package")
		}
		base = strings.Join(parts[:len(parts)-(level-1)], ".")
		if name == "" {
			absName = base
		} else {
			absName = base + "." + name
		}
	} else if name == "" {
		return Null, t.valueErrorf("Empty module name")
	}
	mod, err := t.importModule(absName)
	if err != nil {
		return Null, err
	}
	hasFrom := false
	if !fromlist.IsNull() && !fromlist.IsNone() {
		b, err := Truth(t, fromlist)
		if err != nil {
			return Null, err
		}
		hasFrom = b
	}
	if !hasFrom {
		if level == 0 || name != "" {
			// Return the top-level package of what was named.
			top := name
			if i := strings.IndexByte(name, '.'); i >= 0 {
				top = name[:i]
			}
			if level == 0 {
				return t.importModule(top)
			}
			cut := len(absName) - (len(name) - len(top))
			if m, ok := t.interp.Modules.GetStr(absName[:cut]); ok {
				return m, nil
			}
			return Null, t.raisef(KeyErrorType, "%s not in sys.modules as expected", reprString(absName[:cut]))
		}
		return mod, nil
	}
	// from PKG import a, b: import the submodules named that are not
	// attributes (_handle_fromlist).
	if m, ok := mod.o.(*Module); ok {
		if _, isPkg := m.dict.GetStr("__path__"); isPkg {
			items, err := t.collectIterable(fromlist, nil)
			if err != nil {
				return Null, err
			}
			for _, it := range items {
				s, ok := it.o.(*Str)
				if !ok {
					return Null, t.typeErrorf("Item in %s.__all__ must be str, not %s", absName, typeName(it))
				}
				if s.s == "*" {
					if all, ok := m.dict.GetStr("__all__"); ok {
						subs, err := t.collectIterable(all, nil)
						if err != nil {
							return Null, err
						}
						for _, sub := range subs {
							if ss, ok := sub.o.(*Str); ok {
								if _, has := m.dict.getStr(ss); !has {
									if _, err := t.importModule(absName + "." + ss.s); err != nil && !isModuleNotFound(err, absName+"."+ss.s) {
										return Null, err
									}
								}
							}
						}
					}
					continue
				}
				if _, has := m.dict.getStr(s); !has {
					if _, err := t.importModule(absName + "." + s.s); err != nil && !isModuleNotFound(err, absName+"."+s.s) {
						return Null, err
					}
				}
			}
		}
	}
	return mod, nil
}

// isModuleNotFound reports whether err is the ModuleNotFoundError of the
// module name itself (which from-imports ignore).
func isModuleNotFound(err error, name string) bool {
	e := asException(err)
	if e == nil || !e.cls.IsSubtype(ModuleNotFoundErrorType) {
		return false
	}
	s, ok := e.Name.o.(*Str)
	return ok && s.s == name
}

// resolvePackage finds the package a relative import is relative to
// (_calc___package__).
func (t *Thread) resolvePackage(globals *Dict) (string, error) {
	if globals == nil {
		return "", t.raise(KeyErrorType, "'__name__' not in globals")
	}
	if p, ok := globals.GetStr("__package__"); ok && !p.IsNone() {
		s, ok := p.o.(*Str)
		if !ok {
			return "", t.typeErrorf("package must be a string")
		}
		return s.s, nil
	}
	if sp, ok := globals.GetStr("__spec__"); ok && !sp.IsNone() {
		par, err := GetAttrString(t, sp, "parent")
		if err != nil {
			return "", err
		}
		if s, ok := par.o.(*Str); ok {
			return s.s, nil
		}
	}
	nv, ok := globals.GetStr("__name__")
	if !ok {
		return "", t.raise(KeyErrorType, "'__name__' not in globals")
	}
	name, ok := nv.o.(*Str)
	if !ok {
		return "", t.typeErrorf("__name__ must be a string")
	}
	if _, ok := globals.GetStr("__path__"); ok {
		return name.s, nil
	}
	if i := strings.LastIndexByte(name.s, '.'); i >= 0 {
		return name.s[:i], nil
	}
	return "", nil
}

// ImportModule imports the module with the absolute dotted name and
// returns it.
func (t *Thread) ImportModule(name string) (Value, error) { return t.importModule(name) }

// importModule imports an absolute dotted name, parents first, and
// returns the module itself.
func (t *Thread) importModule(name string) (Value, error) {
	if m, ok := t.interp.Modules.GetStr(name); ok {
		if m.IsNone() {
			e := NewException(ModuleNotFoundErrorType, NewStrValue(fmt.Sprintf("import of %s halted; None in sys.modules", name)))
			e.Name = NewStrValue(name)
			return Null, e
		}
		if mm, ok := m.o.(*Module); ok && mm.initializing() {
			// A circular import: the partially initialized module is
			// returned, as CPython does.
			return m, nil
		}
		return m, nil
	}
	var searchPath []string
	parent := ""
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		parent = name[:i]
		pm, err := t.importModule(parent)
		if err != nil {
			return Null, err
		}
		// Importing the parent may have imported this module.
		if m, ok := t.interp.Modules.GetStr(name); ok {
			return m, nil
		}
		pmod, ok := pm.o.(*Module)
		var pathv Value
		if ok {
			pathv, _ = pmod.dict.GetStr("__path__")
		}
		if pathv.IsNull() {
			e := NewException(ModuleNotFoundErrorType, NewStrValue(fmt.Sprintf("No module named '%s'; '%s' is not a package", name, parent)))
			e.Name = NewStrValue(name)
			return Null, e
		}
		items, err := t.collectIterable(pathv, nil)
		if err != nil {
			return Null, err
		}
		for _, it := range items {
			if s, ok := it.o.(*Str); ok {
				searchPath = append(searchPath, s.s)
			}
		}
	} else {
		if init, ok := nativeModule(name); ok {
			return t.loadNative(name, init)
		}
		searchPath = t.sysPath()
	}
	last := name[strings.LastIndexByte(name, '.')+1:]
	loc, ok := t.findModule(last, searchPath)
	if !ok {
		if init, ok := nativeModule(name); ok {
			return t.loadNative(name, init)
		}
		msg := fmt.Sprintf("No module named '%s'", name)
		e := NewException(ModuleNotFoundErrorType, NewStrValue(msg))
		e.Name = NewStrValue(name)
		return Null, e
	}
	m, err := t.loadSource(name, loc)
	if err != nil {
		return Null, err
	}
	if parent != "" {
		if pm, ok := t.interp.Modules.GetStr(parent); ok {
			if err := SetAttr(t, pm, Intern(last), m); err != nil {
				return Null, err
			}
		}
	}
	return m, nil
}

// moduleLocation is where a module's source was found.
type moduleLocation struct {
	file      string // the .py file; "" for a namespace package
	isPackage bool
	dirs      []string // __path__ of a package
}

// findModule searches the folders for a module or package named name.
func (t *Thread) findModule(name string, path []string) (moduleLocation, bool) {
	var namespace []string
	for _, dir := range path {
		if dir == "" {
			dir = "."
		}
		pkgDir := filepath.Join(dir, name)
		if st, err := os.Stat(pkgDir); err == nil && st.IsDir() {
			init := filepath.Join(pkgDir, "__init__.py")
			if fileExists(init) {
				return moduleLocation{file: init, isPackage: true, dirs: []string{pkgDir}}, true
			}
		}
		if f := filepath.Join(dir, name+".py"); fileExists(f) {
			return moduleLocation{file: f}, true
		}
		if st, err := os.Stat(pkgDir); err == nil && st.IsDir() {
			namespace = append(namespace, pkgDir)
		}
	}
	if namespace != nil {
		return moduleLocation{isPackage: true, dirs: namespace}, true
	}
	return moduleLocation{}, false
}

func fileExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.Mode().IsRegular()
}

// loadNative creates a module written in Go.
func (t *Thread) loadNative(name string, init NativeModule) (Value, error) {
	m := NewModule(name)
	m.dict.SetStr("__spec__", Value{o: &ModuleSpec{ObjectBase: ObjectBase{cls: ModuleSpecType}, name: name}})
	mv := Value{o: m}
	if err := t.interp.Modules.Set(t, NewStrValue(name), mv); err != nil {
		return Null, err
	}
	if err := init(t, m); err != nil {
		t.interp.Modules.Delete(t, NewStrValue(name))
		return Null, err
	}
	// The module may have replaced itself in sys.modules.
	if v, ok := t.interp.Modules.GetStr(name); ok {
		return v, nil
	}
	return mv, nil
}

// compiledCache holds the code compiled from module sources, keyed by
// path and modification, shared by the interpreters of the process (the
// language server runs a buffer many times; the stdlib modules it imports
// are compiled once).
var compiledCache sync.Map // key string -> *compiler.Code

type cacheKey struct {
	path  string
	mtime int64
	size  int64
}

// compileFile compiles the source of a file, or returns the cached code.
func (t *Thread) compileFile(path string) (*compiler.Code, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, t.osError(err, path)
	}
	key := cacheKey{path, st.ModTime().UnixNano(), st.Size()}
	if c, ok := compiledCache.Load(key); ok {
		return c.(*compiler.Code), nil
	}
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, t.osError(err, path)
	}
	code, err := t.compileSource(src, path, true, 0)
	if err != nil {
		return nil, err
	}
	compiledCache.Store(key, code)
	return code, nil
}

// compileSource compiles a module's source, turning a syntax error into
// a Python SyntaxError and printing the warnings as CPython's warnings
// module would.
func (t *Thread) compileSource(src []byte, filename string, isFile bool, optimize int) (*compiler.Code, error) {
	pr := parser.Parse(src, parser.Options{Filename: filename, IsFile: isFile})
	if pr.Fatal != "" {
		return nil, t.raise(MemoryErrorType, pr.Fatal)
	}
	if pr.Err != nil {
		return nil, t.syntaxError(pr.Err)
	}
	for _, w := range pr.Warnings {
		if err := t.warnExplicit(w.Category, w.Msg, filename, w.Lineno, src, isFile); err != nil {
			return nil, err
		}
	}
	res, err := compiler.Compile(pr.Tree, compiler.Options{Filename: filename, Optimize: optimize, Source: src, IsFile: isFile})
	if err != nil {
		return nil, t.compileError(err)
	}
	for _, w := range res.Warnings {
		if err := t.warnExplicit("SyntaxWarning", w.Msg, filename, w.Lineno, src, isFile); err != nil {
			return nil, err
		}
	}
	return res.Code, nil
}

// syntaxError turns the parser's error into a SyntaxError instance.
func (t *Thread) syntaxError(se *parser.SyntaxError) error {
	cls := SyntaxErrorType
	switch se.Kind.String() {
	case "IndentationError":
		cls = IndentationErrorType
	case "TabError":
		cls = TabErrorType
	case "_IncompleteInputError":
		cls = IncompleteInputErrorType
	}
	e := NewException(cls, NewStrValue(se.Msg))
	e.Filename = NewStrValue(se.Filename)
	e.Lineno, e.Offset, e.Text, e.EndLineno, e.EndOffset = None, None, None, None, None
	if se.HasLineno {
		e.Lineno = Int(int64(se.Lineno))
	}
	if se.HasOffset {
		e.Offset = Int(int64(se.Offset))
	}
	if se.HasText {
		e.Text = NewStrValue(se.Text)
	}
	if se.HasEnd {
		e.EndLineno = Int(int64(se.EndLineno))
		e.EndOffset = Int(int64(se.EndOffset))
	}
	e.PrintFileAndLine = None
	details := NewTuple(e.Filename, e.Lineno, e.Offset, e.Text, e.EndLineno, e.EndOffset)
	e.Args = NewTuple(NewStrValue(se.Msg), Value{o: details})
	return e
}

// compileError turns a compiler error into a Python exception.
func (t *Thread) compileError(err error) error {
	switch e := err.(type) {
	case *parser.SyntaxError:
		return t.syntaxError(e)
	case *compiler.RecursionError:
		return t.raise(RecursionErrorType, e.Error())
	}
	return t.raise(SystemErrorType, err.Error())
}

// loadSource runs the module found at loc as the module name.
func (t *Thread) loadSource(name string, loc moduleLocation) (Value, error) {
	m := NewModule(name)
	spec := &ModuleSpec{ObjectBase: ObjectBase{cls: ModuleSpecType}, name: name, origin: loc.file, isPackage: loc.isPackage}
	d := m.dict
	d.SetStr("__spec__", Value{o: spec})
	if loc.isPackage {
		spec.searchLocs = loc.dirs
		d.SetStr("__path__", Value{o: strList(loc.dirs)})
		d.SetStr("__package__", NewStrValue(name))
	} else if i := strings.LastIndexByte(name, '.'); i >= 0 {
		d.SetStr("__package__", NewStrValue(name[:i]))
	} else {
		d.SetStr("__package__", NewStrValue(""))
	}
	mv := Value{o: m}
	if loc.file == "" {
		// A namespace package has no code.
		if err := t.interp.Modules.Set(t, NewStrValue(name), mv); err != nil {
			return Null, err
		}
		return mv, nil
	}
	d.SetStr("__file__", NewStrValue(loc.file))
	d.SetStr("__cached__", None)
	d.SetStr("__builtins__", Value{o: t.interp.Builtins})
	code, err := t.compileFile(loc.file)
	if err != nil {
		return Null, err
	}
	if err := t.interp.Modules.Set(t, NewStrValue(name), mv); err != nil {
		return Null, err
	}
	spec.initializing = true
	_, err = t.RunCode(NewCode(code), d, Value{o: d})
	spec.initializing = false
	if err != nil {
		t.interp.Modules.Delete(t, NewStrValue(name))
		return Null, err
	}
	if name == "importlib" {
		if err := t.installImportlibFinders(m); err != nil {
			t.interp.Modules.Delete(t, NewStrValue(name))
			return Null, err
		}
	}
	if v, ok := t.interp.Modules.GetStr(name); ok {
		return v, nil
	}
	return Null, t.raisef(ImportErrorType, "Loaded module %s not found in sys.modules", name)
}

// installImportlibFinders does, once importlib has been run, what CPython
// does at start-up with its frozen importlib: put BuiltinImporter,
// FrozenImporter and PathFinder on sys.meta_path and FileFinder's hook on
// sys.path_hooks, so that importlib's own functions (find_spec,
// import_module of a module not yet imported, reload) work. The import
// statement keeps using this package's import system.
func (t *Thread) installImportlibFinders(m *Module) error {
	if t.interp.Sys == nil {
		return nil
	}
	mp, ok := t.interp.Sys.dict.GetStr("meta_path")
	if !ok {
		return nil
	}
	metaPath, ok := mp.o.(*List)
	if !ok || metaPath.Len() != 0 {
		return nil
	}
	boot, ok1 := m.dict.GetStr("_bootstrap")
	ext, ok2 := m.dict.GetStr("_bootstrap_external")
	if !ok1 || !ok2 {
		return nil
	}
	for _, n := range []string{"BuiltinImporter", "FrozenImporter"} {
		imp, err := GetAttrString(t, boot, n)
		if err != nil {
			return err
		}
		metaPath.Append(imp)
	}
	install, err := GetAttrString(t, ext, "_install")
	if err != nil {
		return err
	}
	if _, err = t.CallValues(install, boot); err != nil {
		return err
	}
	// Modules are compiled from their source by our compiler: never from
	// (nor into) CPython's __pycache__.
	sfl, err := GetAttrString(t, ext, "SourceFileLoader")
	if err != nil {
		return err
	}
	tp, ok := sfl.o.(*Type)
	if !ok {
		return nil
	}
	md := &MethodDescr{ObjectBase: ObjectBase{cls: MethodDescrType}, name: "get_code", owner: tp, fn: sourceLoaderGetCode}
	return SetAttr(t, sfl, Intern("get_code"), Value{o: md})
}

// sourceLoaderGetCode is SourceFileLoader.get_code without bytecode
// caching: source_to_code(get_data(get_filename(fullname)), path).
func sourceLoaderGetCode(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
	if err := checkPositional(t, "get_code", args, kw, 1, 1); err != nil {
		return Null, err
	}
	path, err := callMethodName(t, self, "get_filename", args[0])
	if err != nil {
		return Null, err
	}
	data, err := callMethodName(t, self, "get_data", path)
	if err != nil {
		return Null, err
	}
	return callMethodName(t, self, "source_to_code", data, path)
}

// RunCode runs a module-level code object with the given globals and
// locals (exec).
func (t *Thread) RunCode(code *Code, globals *Dict, locals Value) (Value, error) {
	builtins := t.builtinsFor(globals)
	f := newFrame(code, globals, builtins, locals)
	if err := t.enter(); err != nil {
		return Null, err
	}
	v, _, err := t.run(f)
	t.leave()
	return v, err
}

// builtinsFor returns the builtins namespace of code run with globals:
// globals["__builtins__"] (a module or a dict), else the interpreter's.
func (t *Thread) builtinsFor(globals *Dict) *Dict {
	if b, ok := globals.GetStr("__builtins__"); ok {
		switch x := b.o.(type) {
		case *Module:
			return x.dict
		case *Dict:
			return x
		}
	}
	return t.interp.Builtins.dict
}

// importFrom is IMPORT_FROM: an attribute of the module, or the submodule
// of that name from sys.modules, with CPython's messages.
func (t *Thread) importFrom(v Value, name *Str) (Value, error) {
	r, err := getAttrOpt(t, v, name)
	if err != nil {
		return Null, err
	}
	if !r.IsNull() {
		return r, nil
	}
	pkgname := "<unknown module name>"
	nv, err := getAttrOpt(t, v, Intern("__name__"))
	if err != nil {
		return Null, err
	}
	if s, ok := nv.o.(*Str); ok {
		pkgname = s.s
		if m, ok := t.interp.Modules.GetStr(s.s + "." + name.s); ok {
			return m, nil
		}
	}
	path := ""
	if m, ok := v.o.(*Module); ok {
		if f, ok := m.dict.GetStr("__file__"); ok {
			if s, ok := f.o.(*Str); ok {
				path = s.s
			}
		}
		var msg string
		if m.initializing() {
			msg = fmt.Sprintf("cannot import name '%s' from partially initialized module '%s' (most likely due to a circular import)", name.s, pkgname)
		} else {
			msg = fmt.Sprintf("cannot import name '%s' from '%s'", name.s, pkgname)
		}
		if path != "" {
			msg += " (" + path + ")"
		} else {
			msg += " (unknown location)"
		}
		e := NewException(ImportErrorType, NewStrValue(msg))
		e.Name = NewStrValue(pkgname)
		e.NameFrom = Value{o: name}
		if path != "" {
			e.Path = NewStrValue(path)
		} else {
			e.Path = None
		}
		return Null, e
	}
	e := NewException(ImportErrorType, NewStrValue(fmt.Sprintf("cannot import name '%s' from '%s' (unknown location)", name.s, pkgname)))
	e.Name = NewStrValue(pkgname)
	e.NameFrom = Value{o: name}
	return Null, e
}

// reprString is the repr of a Go string as a Python str.
func reprString(s string) string {
	return pyconstStrRepr(s)
}
