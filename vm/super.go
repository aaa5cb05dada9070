package vm

import "github.com/peephole-lsp/peephole/compiler"

// super (Objects/typeobject.c's super_* functions) and LOAD_SUPER_ATTR.

// Super is a super object: attribute lookup on obj starting after typ in
// the MRO of obj's type (or of obj itself when obj is a class).
type Super struct {
	ObjectBase
	typ     *Type
	obj     Value // NULL for an unbound super
	objType *Type
}

// superCheck finds the type whose MRO is searched: obj's class, or obj
// itself when it is a subclass of typ (super(C, cls) in classmethods).
func (t *Thread) superCheck(typ *Type, obj Value) (*Type, error) {
	if c, ok := obj.o.(*Type); ok && c.IsSubtype(typ) {
		return c, nil
	}
	if obj.Type().IsSubtype(typ) {
		return obj.Type(), nil
	}
	// obj.__class__ may differ from type(obj) (proxies).
	if cv, err := getAttrOpt(t, obj, Intern("__class__")); err == nil && !cv.IsNull() {
		if c, ok := cv.o.(*Type); ok && c != obj.Type() && c.IsSubtype(typ) {
			return c, nil
		}
	}
	what, name := "instance of", obj.Type().Name
	if c, ok := obj.o.(*Type); ok {
		what, name = "type", c.Name
	}
	return nil, t.typeErrorf("super(type, obj): obj (%s %s) is not an instance or subtype of type (%s).", what, name, typ.Name)
}

// newSuper is super(typ, obj).
func (t *Thread) newSuper(cls *Type, typv, obj Value) (*Super, error) {
	typ, ok := typv.o.(*Type)
	if !ok {
		return nil, t.typeErrorf("super() argument 1 must be a type, not %s", typeName(typv))
	}
	s := &Super{ObjectBase: ObjectBase{cls: cls}, typ: typ}
	if !obj.IsNull() && !obj.IsNone() {
		ot, err := t.superCheck(typ, obj)
		if err != nil {
			return nil, err
		}
		s.obj, s.objType = obj, ot
	}
	return s, nil
}

// zeroArgSuper finds super()'s arguments in the calling frame: its
// __class__ cell and its first argument.
func (t *Thread) zeroArgSuper() (Value, Value, error) {
	f := t.frame
	if f == nil {
		return Null, Null, t.raise(RuntimeErrorType, "super(): no current frame")
	}
	co := f.code
	if co.argcount == 0 && co.flags&(compiler.CoVarargs) == 0 {
		return Null, Null, t.raise(RuntimeErrorType, "super(): no arguments")
	}
	first := f.fast[0]
	if first.IsNull() {
		return Null, Null, t.raise(RuntimeErrorType, "super(): arg[0] deleted")
	}
	if c, ok := first.o.(*Cell); ok && co.kinds[0]&compiler.FastCell != 0 {
		first = c.v
		if first.IsNull() {
			return Null, Null, t.raise(RuntimeErrorType, "super(): arg[0] deleted")
		}
	}
	for i, n := range co.localsplusNames {
		if n.s == "__class__" && co.kinds[i]&compiler.FastFree != 0 {
			c, ok := f.fast[i].o.(*Cell)
			if !ok {
				break
			}
			if c.v.IsNull() {
				return Null, Null, t.raise(RuntimeErrorType, "super(): empty __class__ cell")
			}
			if _, ok := c.v.o.(*Type); !ok {
				return Null, Null, t.raisef(RuntimeErrorType, "super(): __class__ is not a type (%s)", typeName(c.v))
			}
			return c.v, first, nil
		}
	}
	return Null, Null, t.raise(RuntimeErrorType, "super(): __class__ cell not found")
}

// lookup finds name after s.typ in the MRO; found is false when no class
// has it.
func (s *Super) lookup(name *Str) (Value, *Type, bool) {
	if s.objType == nil {
		return Null, nil, false
	}
	mro := s.objType.MRO
	i := 0
	for i < len(mro) && mro[i] != s.typ {
		i++
	}
	for i++; i < len(mro); i++ {
		if v, ok := mro[i].Dict.getStr(name); ok {
			return v, mro[i], true
		}
	}
	return Null, nil, false
}

// superGetAttr is super's tp_getattro.
func superGetAttr(t *Thread, v Value, name *Str) (Value, error) {
	s := v.o.(*Super)
	if name.s != "__class__" {
		if res, _, ok := s.lookup(name); ok {
			if g := res.Type().DescrGet; g != nil {
				obj := s.obj
				if c, isType := obj.o.(*Type); isType && c == s.objType {
					obj = Null
				}
				return g(t, res, obj, s.objType)
			}
			return res, nil
		}
	}
	return genericGetAttr(t, v, name)
}

// loadSuperAttr is LOAD_SUPER_ATTR: super(cls, self).name, or with
// method the unbound function and self for a call.
func (t *Thread) loadSuperAttr(global, cls, self Value, name *Str, twoArgs, method bool) (Value, Value, error) {
	var sv Value
	var err error
	if global.o == Object(SuperType) {
		var s *Super
		if twoArgs {
			s, err = t.newSuper(SuperType, cls, self)
		} else {
			var c, first Value
			if c, first, err = t.zeroArgSuper(); err == nil {
				s, err = t.newSuper(SuperType, c, first)
			}
		}
		if err != nil {
			return Null, Null, err
		}
		if method {
			if res, _, ok := s.lookup(name); ok {
				if _, isFn := res.o.(*Function); isFn && s.obj.o != Object(s.objType) {
					return res, s.obj, nil
				}
			}
		}
		sv = Value{o: s}
	} else {
		var args []Value
		if twoArgs {
			args = []Value{cls, self}
		}
		if sv, err = t.Call(global, args, nil); err != nil {
			return Null, Null, err
		}
	}
	v, err := GetAttr(t, sv, name)
	if err != nil {
		return Null, Null, err
	}
	return v, Null, nil
}

func init() {
	onSetup(func() {
		st := SuperType
		st.GetAttr = superGetAttr
		st.New = func(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
			return Value{o: &Super{ObjectBase: ObjectBase{cls: cls}}}, nil
		}
		st.Init = func(t *Thread, self Value, args []Value, kw []*Str) error {
			if err := noKwargs(t, "super", kw); err != nil {
				return err
			}
			var typ, obj Value
			switch len(args) {
			case 0:
				var err error
				if typ, obj, err = t.zeroArgSuper(); err != nil {
					return err
				}
			case 1:
				typ = args[0]
			case 2:
				typ, obj = args[0], args[1]
			default:
				return t.typeErrorf("super() expected at most 2 arguments, got %d", len(args))
			}
			s, err := t.newSuper(self.Type(), typ, obj)
			if err != nil {
				return err
			}
			dst := self.o.(*Super)
			dst.typ, dst.obj, dst.objType = s.typ, s.obj, s.objType
			return nil
		}
		st.Repr = func(t *Thread, v Value) (Value, error) {
			s := v.o.(*Super)
			name := "NULL"
			if s.typ != nil {
				name = s.typ.Name
			}
			if s.objType != nil {
				return NewStrValue("<super: <class '" + name + "'>, <" + s.objType.Name + " object>>"), nil
			}
			return NewStrValue("<super: <class '" + name + "'>, NULL>"), nil
		}
		st.DescrGet = func(t *Thread, descr, obj Value, cls *Type) (Value, error) {
			s := descr.o.(*Super)
			if obj.IsNull() || obj.IsNone() || s.objType != nil {
				return descr, nil
			}
			n, err := t.newSuper(s.Type(), Value{o: s.typ}, obj)
			if err != nil {
				return Null, err
			}
			return Value{o: n}, nil
		}
		defMember(st, "__thisclass__", func(t *Thread, self Value) (Value, error) {
			if c := self.o.(*Super).typ; c != nil {
				return Value{o: c}, nil
			}
			return None, nil
		})
		defMember(st, "__self__", func(t *Thread, self Value) (Value, error) { return noneIfNull(self.o.(*Super).obj), nil })
		defMember(st, "__self_class__", func(t *Thread, self Value) (Value, error) {
			if c := self.o.(*Super).objType; c != nil {
				return Value{o: c}, nil
			}
			return None, nil
		})
	})
}
