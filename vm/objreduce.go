package vm

// object.__reduce_ex__ and object.__reduce__, the default protocol copy
// and pickle use for instances (Objects/typeobject.c): a class that
// overrides __reduce__ gets its own __reduce__ called; otherwise protocol
// 2 and above reduce to copyreg.__newobj__ (or __newobj_ex__ when
// __getnewargs_ex__ gives keyword arguments) with the class, the
// arguments of __getnewargs_ex__/__getnewargs__, the state of
// __getstate__ and iterators over the items of lists and dicts; protocols
// 0 and 1 go to copyreg._reduce_ex.

func init() {
	onSetup(func() {
		o := ObjectType
		defMethods(o,
			MethodDef{Name: "__reduce_ex__", Doc: "Helper for pickle.", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
				if err := oneArg(t, "object.__reduce_ex__", args, kw); err != nil {
					return Null, err
				}
				if !hasIndex(args[0]) {
					return Null, t.typeErrorf("'%s' object cannot be interpreted as an integer", typeName(args[0]))
				}
				proto, err := AsSize(t, args[0], OverflowErrorType)
				if err != nil {
					return Null, err
				}
				reduce, err := getAttrOpt(t, self, Intern("__reduce__"))
				if err != nil {
					return Null, err
				}
				if !reduce.IsNull() {
					clsReduce := self.Type().LookupString("__reduce__")
					if objReduce, _ := ObjectType.Dict.getStr(Intern("__reduce__")); clsReduce.o != objReduce.o {
						return t.Call(reduce, nil, nil)
					}
				}
				return commonReduce(t, self, proto)
			}},
			MethodDef{Name: "__reduce__", Doc: "Helper for pickle.", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
				if err := noArgs(t, "object.__reduce__", args, kw); err != nil {
					return Null, err
				}
				return commonReduce(t, self, 0)
			}},
		)
	})
}

// commonReduce is _common_reduce.
func commonReduce(t *Thread, self Value, proto int) (Value, error) {
	copyreg, err := t.importModule("copyreg")
	if err != nil {
		return Null, err
	}
	if proto < 2 {
		f, err := GetAttrString(t, copyreg, "_reduce_ex")
		if err != nil {
			return Null, err
		}
		return t.Call(f, []Value{self, Int(int64(proto))}, nil)
	}
	cls := self.Type()
	if cls.New == nil {
		return Null, t.typeErrorf("cannot pickle '%s' object", cls.Name)
	}
	args, kwargs, err := newArguments(t, self)
	if err != nil {
		return Null, err
	}
	var newobj Value
	var newargs Value
	if kwargs == nil || kwargs.Len() == 0 {
		if newobj, err = GetAttrString(t, copyreg, "__newobj__"); err != nil {
			return Null, err
		}
		items := []Value{{o: cls}}
		if args != nil {
			items = append(items, args.items...)
		}
		newargs = Value{o: NewTuple(items...)}
	} else {
		if newobj, err = GetAttrString(t, copyreg, "__newobj_ex__"); err != nil {
			return Null, err
		}
		newargs = Value{o: NewTuple(Value{o: cls}, Value{o: args}, Value{o: kwargs})}
	}
	_, isList := self.o.(*List)
	_, isDict := self.o.(*Dict)
	state, err := objectStateFor(t, self, !(args != nil || isList || isDict))
	if err != nil {
		return Null, err
	}
	listitems, dictitems := None, None
	if self.Type().IsSubtype(ListType) {
		if listitems, err = Iter(t, self); err != nil {
			return Null, err
		}
	}
	if self.Type().IsSubtype(DictType) {
		items, err := callMethodName(t, self, "items")
		if err != nil {
			return Null, err
		}
		if dictitems, err = Iter(t, items); err != nil {
			return Null, err
		}
	}
	return Value{o: NewTuple(newobj, newargs, state, listitems, dictitems)}, nil
}

// newArguments is _PyObject_GetNewArguments: the arguments of
// __getnewargs_ex__ or __getnewargs__ (nil, nil when there are none).
func newArguments(t *Thread, self Value) (*Tuple, *Dict, error) {
	m, err := lookupSpecial(t, self, Intern("__getnewargs_ex__"))
	if err != nil {
		return nil, nil, err
	}
	if !m.IsNull() {
		r, err := t.Call(m, nil, nil)
		if err != nil {
			return nil, nil, err
		}
		tup, ok := r.o.(*Tuple)
		if !ok {
			return nil, nil, t.typeErrorf("__getnewargs_ex__ should return a tuple, not '%s'", typeName(r))
		}
		if len(tup.items) != 2 {
			return nil, nil, t.valueErrorf("__getnewargs_ex__ should return a tuple of length 2, not %d", len(tup.items))
		}
		args, ok := tup.items[0].o.(*Tuple)
		if !ok {
			return nil, nil, t.typeErrorf("first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '%s'", typeName(tup.items[0]))
		}
		kwargs, ok := tup.items[1].o.(*Dict)
		if !ok {
			return nil, nil, t.typeErrorf("second item of the tuple returned by __getnewargs_ex__ must be a dict, not '%s'", typeName(tup.items[1]))
		}
		return args, kwargs, nil
	}
	m, err = lookupSpecial(t, self, Intern("__getnewargs__"))
	if err != nil {
		return nil, nil, err
	}
	if !m.IsNull() {
		r, err := t.Call(m, nil, nil)
		if err != nil {
			return nil, nil, err
		}
		tup, ok := r.o.(*Tuple)
		if !ok {
			return nil, nil, t.typeErrorf("__getnewargs__ should return a tuple, not '%s'", typeName(r))
		}
		return tup, nil, nil
	}
	return nil, nil, nil
}

// objectStateFor is object_getstate: __getstate__'s result, or, when
// __getstate__ is object's own, the default state, which is required for
// objects created without arguments: an instance of a builtin type
// carrying data of its own then cannot be pickled.
func objectStateFor(t *Thread, self Value, required bool) (Value, error) {
	getstate, err := GetAttrString(t, self, "__getstate__")
	if err != nil {
		return Null, err
	}
	own := false
	if objGetState, _ := ObjectType.Dict.getStr(Intern("__getstate__")); self.Type().LookupString("__getstate__").o == objGetState.o {
		own = true
		if d := InstanceDict(self.Object()); d != nil {
			if _, ok := d.getStr(Intern("__getstate__")); ok {
				own = false
			}
		}
	}
	if !own {
		return t.Call(getstate, nil, nil)
	}
	if required {
		for _, c := range self.Type().MRO {
			if c == ObjectType {
				break
			}
			if c.Flags&FlagHeapType == 0 {
				return Null, t.typeErrorf("cannot pickle '%s' object", self.Type().Name)
			}
		}
	}
	return objectGetState(t, self, nil, nil)
}
