package vm

import "strings"

// types.SimpleNamespace (Objects/namespaceobject.c), the type of
// sys.implementation: attributes in an instance __dict__, a repr listing
// them ("namespace(a=1)"), equality by __dict__. Lib/types.py takes the
// type from sys.implementation.

// SimpleNamespaceType is types.SimpleNamespace.
var SimpleNamespaceType = builtinType("SimpleNamespace", nil, FlagBaseType|FlagHasDict)

// Namespace is a SimpleNamespace instance.
type Namespace struct {
	ObjectBase
}

// NewNamespace returns a SimpleNamespace holding the items of d (kept).
func NewNamespace(d *Dict) *Namespace {
	return &Namespace{ObjectBase: ObjectBase{cls: SimpleNamespaceType, dict: d}}
}

func (n *Namespace) nsDict() *Dict {
	if n.dict == nil {
		n.dict = NewDict()
	}
	return n.dict
}

// validateKeywords is PyArg_ValidateKeywordArguments: every key a str.
func validateKeywords(t *Thread, d *Dict) error {
	for _, k := range d.Keys() {
		if _, ok := k.o.(*Str); !ok {
			return t.typeErrorf("keywords must be strings")
		}
	}
	return nil
}

func init() {
	onSetup(func() {
		nt := SimpleNamespaceType
		nt.Dict.SetStr("__module__", NewStrValue("types"))
		nt.Doc = "A simple attribute-based namespace."
		nt.Dict.SetStr("__doc__", NewStrValue(nt.Doc))
		nt.New = func(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
			return Value{o: &Namespace{ObjectBase: ObjectBase{cls: cls, dict: NewDict()}}}, nil
		}
		nt.Init = func(t *Thread, self Value, args []Value, kw []*Str) error {
			npos := len(args) - len(kw)
			if npos > 1 {
				return t.typeErrorf("%s expected at most 1 argument, got %d", self.Type().Name, npos)
			}
			d := self.o.(*Namespace).nsDict()
			if npos == 1 {
				arg := args[0]
				src, ok := arg.o.(*Dict)
				if !ok || src.cls != DictType {
					dv, err := t.Call(Value{o: DictType}, []Value{arg}, nil)
					if err != nil {
						return err
					}
					src = dv.o.(*Dict)
				}
				if err := validateKeywords(t, src); err != nil {
					return err
				}
				if err := dictUpdate(t, d, Value{o: src}, false); err != nil {
					return err
				}
			}
			for i, k := range kw {
				d.setStr(k, args[npos+i])
			}
			return nil
		}
		nt.Repr = func(t *Thread, v Value) (Value, error) {
			name := "namespace"
			if v.Type() != SimpleNamespaceType {
				name = v.Type().Name
			}
			if t.reprEnter(v) {
				return NewStrValue(name + "(...)"), nil
			}
			defer t.reprLeave(v)
			var parts []string
			d := v.o.(*Namespace).nsDict()
			for i := 0; i < len(d.entries); i++ {
				e := d.entries[i]
				k, ok := e.key.o.(*Str)
				if e.key.IsNull() || !ok {
					continue
				}
				r, err := Repr(t, e.value)
				if err != nil {
					return Null, err
				}
				parts = append(parts, k.s+"="+r.s)
			}
			return NewStrValue(name + "(" + strings.Join(parts, ", ") + ")"), nil
		}
		nt.Compare = func(t *Thread, a, b Value, op CompareOp) (Value, error) {
			x, ok1 := a.o.(*Namespace)
			y, ok2 := b.o.(*Namespace)
			if !ok1 || !ok2 || (op != EQ && op != NE) {
				return NotImplemented, nil
			}
			return RichCompare(t, Value{o: x.nsDict()}, Value{o: y.nsDict()}, op)
		}
		nt.hashNone = true
		defMember(nt, "__dict__", func(t *Thread, self Value) (Value, error) {
			return Value{o: self.o.(*Namespace).nsDict()}, nil
		})
		defMethods(nt, MethodDef{Name: "__replace__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if len(args) > len(kw) {
				return Null, t.typeErrorf("__replace__() takes no positional arguments")
			}
			r, err := t.Call(Value{o: self.Type()}, nil, nil)
			if err != nil {
				return Null, err
			}
			rd := InstanceDict(r.o)
			if rd != nil {
				if err := dictUpdate(t, rd, Value{o: self.o.(*Namespace).nsDict()}, false); err != nil {
					return Null, err
				}
				for i, k := range kw {
					rd.setStr(k, args[i])
				}
			}
			return r, nil
		}})
	})
}
