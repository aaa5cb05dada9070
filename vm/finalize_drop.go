package vm

// The drop sites of the eval loop when finLive is not 0 (finalize.go):
// each does what its instruction does, and hands the value it overwrote
// or deleted to finDrop. The values are looked up only where that runs no
// Python code (plain dicts with str or int keys, lists, instance dicts);
// elsewhere a drop is missed, which only makes a finalization late.

// finStoreFast is STORE_FAST.
func (t *Thread) finStoreFast(fast []Value, i int, v Value) {
	old := fast[i]
	fast[i] = v
	t.finDrop(old)
}

// finStoreDeref is STORE_DEREF (and DELETE_DEREF with v NULL).
func (t *Thread) finStoreDeref(cell *Cell, v Value) {
	old := cell.v
	cell.v = v
	t.finDrop(old)
}

// finPeekDict is d[key] when looking it up runs no Python code.
func finPeekDict(t *Thread, d *Dict, key Value) Value {
	if d == nil {
		return Null
	}
	if s, ok := key.o.(*Str); ok {
		v, _ := d.getStr(s)
		return v
	}
	if key.IsSmallInt() {
		v, _, _ := d.Get(t, key)
		return v
	}
	return Null
}

// finPeekItem is container[key] when it is a list's or a plain dict's
// item (a list of the items for a slice of a list).
func finPeekItem(t *Thread, container, key Value) Value {
	switch c := container.o.(type) {
	case *List:
		if key.IsSmallInt() {
			i := int(int64(key.n))
			if i < 0 {
				i += len(c.items)
			}
			if uint(i) < uint(len(c.items)) {
				return c.items[i]
			}
			return Null
		}
		if s, ok := key.o.(*Slice); ok && c.cls == ListType && finPlainBound(s.Start) && finPlainBound(s.Stop) && finPlainBound(s.Step) {
			v, _ := GetItem(t, container, key)
			return v
		}
	case *Dict:
		if c.cls == DictType {
			return finPeekDict(t, c, key)
		}
	}
	return Null
}

func finPlainBound(v Value) bool { return v.IsNull() || v.IsNone() || v.IsSmallInt() }

// finSetItem is STORE_SUBSCR (DELETE_SUBSCR with v NULL).
func (t *Thread) finSetItem(container, key, v Value) error {
	old := finPeekItem(t, container, key)
	if err := SetItem(t, container, key, v); err != nil {
		return err
	}
	t.finDrop(old)
	return nil
}

// finSetAttr is STORE_ATTR (DELETE_ATTR with v NULL).
func (t *Thread) finSetAttr(co *Code, lasti int, owner Value, name *Str, v Value) error {
	var old Value
	if owner.o != nil {
		old = finPeekDict(t, InstanceDict(owner.o), Value{o: name})
	}
	var err error
	if v.IsNull() {
		err = SetAttr(t, owner, name, v)
	} else {
		err = t.setAttrCached(co, lasti, owner, name, v)
	}
	if err != nil {
		return err
	}
	t.finDrop(old)
	return nil
}

// finStoreName is STORE_NAME (DELETE_NAME with v NULL) once f.locals is
// known to be set.
func (t *Thread) finStoreName(f *Frame, name *Str, v Value) error {
	var old Value
	if d, ok := f.locals.o.(*Dict); ok && d.cls == DictType {
		old, _ = d.getStr(name)
	}
	if v.IsNull() {
		if err := t.deleteName(f, name); err != nil {
			return err
		}
	} else if d, ok := f.locals.o.(*Dict); ok && d.cls == DictType {
		d.setStr(name, v)
	} else if err := SetItem(t, f.locals, Value{o: name}, v); err != nil {
		return err
	}
	t.finDrop(old)
	return nil
}

// finStoreGlobal is STORE_GLOBAL (DELETE_GLOBAL with v NULL).
func (t *Thread) finStoreGlobal(f *Frame, name *Str, v Value) error {
	old, _ := f.globals.getStr(name)
	if v.IsNull() {
		ok, err := f.globals.Delete(t, Value{o: name})
		if err != nil {
			return err
		}
		if !ok {
			return t.nameError(name)
		}
	} else {
		f.globals.setStr(name, v)
	}
	t.finDrop(old)
	return nil
}

// finFrameExitInline is finFrameExit for a frame that ran inline in its
// caller's loop (evalcall.go): pushCall moved the arguments off the
// caller's stack, so the parameters die with the frame too.
func (t *Thread) finFrameExitInline(f *Frame) {
	if f.escaped {
		return
	}
	f.fn = nil
	cands := t.interp.fin.candsOf(nil, f.fast, 2, false)
	if len(cands) > 0 {
		clear(f.fast)
		t.finCollect(cands)
	}
}
