package vm

import (
	"fmt"
	"strings"
)

// None, NotImplemented and Ellipsis: the types of the three singletons
// (Objects/object.c's _PyNone_Type, _PyNotImplemented_Type and
// Objects/sliceobject.c's PyEllipsis_Type). Each type can be called with
// no arguments to return its singleton, cannot be subclassed, and reprs
// its singleton by name. None hashes to a constant (3.12+) and is false;
// NotImplemented is true but warns when used as a truth value.

// noneHash is hash(None) since CPython 3.12 (_Py_HashNone's constant).
const noneHash = 0xFCA86420

func init() {
	onSetup(setupSingletons)
}

func setupSingletons() {
	single := func(tp *Type, v Value, name, doc string) {
		tp.Doc = doc
		tp.New = func(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
			if len(args) > 0 {
				return Null, t.typeErrorf("%s takes no arguments", name)
			}
			return v, nil
		}
		repr := NewStrValue(v.Type().Name)
		switch v.o {
		case Object(NoneObject):
			repr = NewStrValue("None")
		case Object(NotImplementedObject):
			repr = NewStrValue("NotImplemented")
		case Object(EllipsisObject):
			repr = NewStrValue("Ellipsis")
		}
		tp.Repr = func(t *Thread, self Value) (Value, error) { return repr, nil }
		defMethods(tp, MethodDef{Name: "__reduce__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := noArgs(t, "__reduce__", args, kw); err != nil {
				return Null, err
			}
			return repr, nil
		}})
	}
	single(NoneTypeType, None, "NoneType", "The type of the None singleton.")
	single(NotImplementedTType, NotImplemented, "NotImplementedType", "The type of the NotImplemented singleton.")
	single(EllipsisTypeType, Ellipsis, "EllipsisType", "The type of the Ellipsis singleton.")
	// None's __reduce__ is object's (it cannot be pickled by reduction).
	NoneTypeType.Dict.Delete(nil, NewStrValue("__reduce__"))

	NoneTypeType.Hash = func(t *Thread, v Value) (int64, error) { return noneHash, nil }
	NoneTypeType.Number.Bool = func(t *Thread, v Value) (bool, error) { return false, nil }
	NotImplementedTType.Number.Bool = func(t *Thread, v Value) (bool, error) {
		if err := t.warnRuntime(DeprecationWarningType, "NotImplemented should not be used in a boolean context"); err != nil {
			return false, err
		}
		return true, nil
	}
}

// warnRuntime issues a warning from native code on behalf of the running
// Python frame, as the default warnings filters treat it without the
// warnings module: DeprecationWarning is shown only when the code runs in
// __main__, every category once per location, recorded in the module's
// __warningregistry__ as CPython does. The text goes to sys.stderr as
// "FILE:LINE: Category: message" and the stripped source line.
func (t *Thread) warnRuntime(category *Type, msg string) error {
	f := t.frame
	if category == nil || f == nil {
		return nil
	}
	g := f.globals
	modName := ""
	if v, ok := g.getStr(Intern("__name__")); ok {
		if s, ok := v.o.(*Str); ok {
			modName = s.s
		}
	}
	if (category.Name == "DeprecationWarning" || category.Name == "PendingDeprecationWarning") && modName != "__main__" {
		return nil
	}
	line := f.Line()
	reg, ok := g.getStr(Intern("__warningregistry__"))
	var regDict *Dict
	if ok {
		regDict, _ = reg.o.(*Dict)
	}
	if regDict == nil {
		regDict = NewDict()
		g.setStr(Intern("__warningregistry__"), Value{o: regDict})
	}
	key := Value{o: NewTuple(NewStrValue(msg), Value{o: category}, Int(int64(line)))}
	if _, seen, _ := regDict.Get(t, key); seen {
		return nil
	}
	if err := regDict.Set(t, key, True); err != nil {
		return err
	}
	filename := f.code.filename.s
	text := fmt.Sprintf("%s:%d: %s: %s\n", filename, line, category.Name, msg)
	if lines := t.interp.sourceLines(filename); line >= 1 && line <= len(lines) {
		if src := strings.TrimSpace(lines[line-1]); src != "" {
			text += "  " + src + "\n"
		}
	}
	return t.writeStderr(text)
}
