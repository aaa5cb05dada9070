package vm

import (
	"strings"
)

// The _functools module (Modules/_functoolsmodule.c): reduce,
// cmp_to_key (functools.KeyWrapper), partial and _lru_cache_wrapper, the
// native halves that functools.py imports over its pure-Python versions.

var (
	PartialType     = nativeType("functools", "partial", nil, FlagBaseType|FlagHasDict)
	keyWrapperType  = nativeType("functools", "KeyWrapper", nil, 0)
	lruWrapperType  = nativeType("functools", "_lru_cache_wrapper", nil, FlagHasDict)
	lruLinkType     = nativeType("functools", "_lru_list_elem", nil, 0)
	cmpToKeySpec    = ArgSpec{Name: "cmp_to_key", Params: []string{"mycmp"}, Required: 1}
	keyWrapperSpec  = ArgSpec{Name: "K", Params: []string{"obj"}, Required: 1}
	lruWrapperSpec  = ArgSpec{Name: "_lru_cache_wrapper", Params: []string{"user_function", "maxsize", "typed", "cache_info_type"}, Required: 4}
	lruKwdMarkValue = Value{o: &Instance{}}
)

// Partial is a functools.partial.
type Partial struct {
	ObjectBase
	fn       Value
	args     []Value
	kwnames  []*Str
	kwvalues []Value
}

type keyWrapper struct {
	ObjectBase
	cmp Value
	obj Value // NULL for the wrapper cmp_to_key returns
}

// lruLink is an entry of an LRU cache's list, also the value its dict
// maps the key to.
type lruLink struct {
	ObjectBase
	key, result Value
	prev, next  *lruLink
}

// lruWrapper is a functools._lru_cache_wrapper.
type lruWrapper struct {
	ObjectBase
	fn            Value
	maxsize       int // -1: unbounded
	typed         bool
	cacheInfoType Value
	cache         *Dict
	root          lruLink // sentinel of the circular list; root.next is the oldest
	hits, misses  int64
}

func init() {
	onSetup(setupFunctools)
	RegisterModule("_functools", func(t *Thread, m *Module) error {
		m.Set("__doc__", NewStrValue("Tools that operate on functions."))
		m.addType(PartialType)
		m.addType(lruWrapperType)
		m.AddFunc("reduce", functoolsReduce)
		m.AddFunc("cmp_to_key", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			var a [1]Value
			if err := clinicArgs(t, &cmpToKeySpec, args, kw, a[:]); err != nil {
				return Null, err
			}
			return Value{o: &keyWrapper{ObjectBase: ObjectBase{cls: keyWrapperType}, cmp: a[0]}}, nil
		})
		return nil
	})
}

// functoolsReduce is reduce(function, iterable[, initial]).
func functoolsReduce(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
	if err := checkPositional(t, "reduce", args, kw, 2, 3); err != nil {
		return Null, err
	}
	it, err := Iter(t, args[1])
	if err != nil {
		if e := asException(err); e != nil && e.cls.IsSubtype(TypeErrorType) {
			return Null, t.typeErrorf("reduce() arg 2 must support iteration")
		}
		return Null, err
	}
	var acc Value
	if len(args) == 3 {
		acc = args[2]
	}
	for {
		x, err := Next(t, it)
		if err != nil {
			return Null, err
		}
		if x.IsNull() {
			break
		}
		if acc.IsNull() {
			acc = x
			continue
		}
		if acc, err = t.Call(args[0], []Value{acc, x}, nil); err != nil {
			return Null, err
		}
	}
	if acc.IsNull() {
		return Null, t.typeErrorf("reduce() of empty iterable with no initial value")
	}
	return acc, nil
}

func setupFunctools() {
	setupPartial()

	kt := keyWrapperType
	kt.hashNone = true
	kt.Call = func(t *Thread, callable Value, args []Value, kw []*Str) (Value, error) {
		var a [1]Value
		if err := clinicArgs(t, &keyWrapperSpec, args, kw, a[:]); err != nil {
			return Null, err
		}
		k := callable.o.(*keyWrapper)
		return Value{o: &keyWrapper{ObjectBase: ObjectBase{cls: keyWrapperType}, cmp: k.cmp, obj: a[0]}}, nil
	}
	kt.Compare = func(t *Thread, a, b Value, op CompareOp) (Value, error) {
		kb, ok := b.o.(*keyWrapper)
		if !ok {
			return Null, t.typeErrorf("other argument must be K instance")
		}
		ka := a.o.(*keyWrapper)
		if ka.obj.IsNull() || kb.obj.IsNull() {
			return Null, t.raise(AttributeErrorType, "object")
		}
		res, err := t.Call(ka.cmp, []Value{ka.obj, kb.obj}, nil)
		if err != nil {
			return Null, err
		}
		return RichCompare(t, res, Int(0), op)
	}
	defGetSet(kt, "obj", func(t *Thread, self Value) (Value, error) {
		k := self.o.(*keyWrapper)
		if k.obj.IsNull() {
			return Null, t.attributeError(self, Intern("obj"), "'functools.KeyWrapper' object has no attribute 'obj'")
		}
		return k.obj, nil
	}, func(t *Thread, self, v Value) error {
		self.o.(*keyWrapper).obj = v
		return nil
	})

	setupLRUWrapper()
}

func setupPartial() {
	pt := PartialType
	weakrefableNative[pt] = true
	pt.New = func(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
		pos, kv := kwArgs(args, kw)
		if len(pos) < 1 {
			return Null, t.typeErrorf("type 'partial' takes at least one argument")
		}
		fn := pos[0]
		if !isCallable(fn) {
			return Null, t.typeErrorf("the first argument must be callable")
		}
		p := &Partial{ObjectBase: ObjectBase{cls: cls}}
		var baseArgs []Value
		var baseNames []*Str
		var baseValues []Value
		if inner, ok := fn.o.(*Partial); ok && inner.dict == nil && fn.Type().Call != nil && sameSlot(fn.Type().Call, pt.Call) {
			fn = inner.fn
			baseArgs = inner.args
			baseNames, baseValues = inner.kwnames, inner.kwvalues
		}
		p.fn = fn
		p.args = append(append([]Value(nil), baseArgs...), pos[1:]...)
		p.kwnames = append([]*Str(nil), baseNames...)
		p.kwvalues = append([]Value(nil), baseValues...)
		for i, k := range kw {
			p.setKeyword(k, kv[i])
		}
		return Value{o: p}, nil
	}
	pt.Call = func(t *Thread, callable Value, args []Value, kw []*Str) (Value, error) {
		p := callable.o.(*Partial)
		pos, kv := kwArgs(args, kw)
		if len(p.kwnames) == 0 {
			if len(p.args) == 0 {
				return t.Call(p.fn, args, kw)
			}
			all := make([]Value, 0, len(p.args)+len(args))
			all = append(append(all, p.args...), args...)
			return t.Call(p.fn, all, kw)
		}
		all := make([]Value, 0, len(p.args)+len(pos)+len(p.kwvalues)+len(kv))
		all = append(append(all, p.args...), pos...)
		names := append([]*Str(nil), p.kwnames...)
		values := append([]Value(nil), p.kwvalues...)
		for i, k := range kw {
			found := false
			for j, n := range names {
				if n.s == k.s {
					values[j] = kv[i]
					found = true
					break
				}
			}
			if !found {
				names = append(names, k)
				values = append(values, kv[i])
			}
		}
		return t.Call(p.fn, append(all, values...), names)
	}
	pt.Repr = func(t *Thread, v Value) (Value, error) {
		p := v.o.(*Partial)
		tp := v.Type()
		prefix := tp.ModuleName() + "." + tp.QualName
		if t.reprEnter(v) {
			return NewStrValue("..."), nil
		}
		defer t.reprLeave(v)
		var b strings.Builder
		b.WriteString(prefix)
		b.WriteByte('(')
		r, err := Repr(t, p.fn)
		if err != nil {
			return Null, err
		}
		b.WriteString(r.s)
		for _, a := range p.args {
			r, err := Repr(t, a)
			if err != nil {
				return Null, err
			}
			b.WriteString(", ")
			b.WriteString(r.s)
		}
		for i, k := range p.kwnames {
			r, err := Repr(t, p.kwvalues[i])
			if err != nil {
				return Null, err
			}
			b.WriteString(", ")
			b.WriteString(k.s)
			b.WriteByte('=')
			b.WriteString(r.s)
		}
		b.WriteByte(')')
		return NewStrValue(b.String()), nil
	}
	defMember(pt, "func", func(t *Thread, self Value) (Value, error) { return self.o.(*Partial).fn, nil })
	defMember(pt, "args", func(t *Thread, self Value) (Value, error) {
		return Value{o: NewTuple(append([]Value(nil), self.o.(*Partial).args...)...)}, nil
	})
	defMember(pt, "keywords", func(t *Thread, self Value) (Value, error) {
		return Value{o: self.o.(*Partial).keywords()}, nil
	})
	defGetSet(pt, "__dict__", func(t *Thread, self Value) (Value, error) { return Value{o: instanceDictOf(self)}, nil }, nil)
	defMethods(pt,
		MethodDef{Name: "__reduce__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			p := self.o.(*Partial)
			var d Value = None
			if p.dict != nil && p.dict.Len() > 0 {
				d = Value{o: p.dict}
			}
			state := NewTuple(p.fn, Value{o: NewTuple(append([]Value(nil), p.args...)...)}, Value{o: p.keywords()}, d)
			return Value{o: NewTuple(Value{o: self.Type()}, Value{o: NewTuple(p.fn)}, Value{o: state})}, nil
		}},
		MethodDef{Name: "__setstate__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "__setstate__", args, kw); err != nil {
				return Null, err
			}
			st, ok := args[0].o.(*Tuple)
			if !ok || len(st.items) != 4 {
				return Null, t.typeErrorf("invalid partial state")
			}
			fa, ok1 := st.items[1].o.(*Tuple)
			if !isCallable(st.items[0]) || !ok1 || !(st.items[2].IsNone() || isDictValue(st.items[2])) {
				return Null, t.typeErrorf("invalid partial state")
			}
			p := self.o.(*Partial)
			p.fn = st.items[0]
			p.args = append([]Value(nil), fa.items...)
			p.kwnames, p.kwvalues = nil, nil
			if d, ok := st.items[2].o.(*Dict); ok {
				vals, names := dictToKwargs(d)
				p.kwnames, p.kwvalues = names, vals
			}
			if d, ok := st.items[3].o.(*Dict); ok {
				p.dict = d
			} else {
				p.dict = nil
			}
			return None, nil
		}},
		MethodDef{Name: "__class_getitem__", Class: true, Fn: classGetItemAlias},
	)
}

func isDictValue(v Value) bool { _, ok := v.o.(*Dict); return ok }

// setKeyword sets a bound keyword argument, replacing an earlier one.
func (p *Partial) setKeyword(k *Str, v Value) {
	for i, n := range p.kwnames {
		if n.s == k.s {
			p.kwvalues[i] = v
			return
		}
	}
	p.kwnames = append(p.kwnames, k)
	p.kwvalues = append(p.kwvalues, v)
}

// keywords returns a new dict of the bound keyword arguments.
func (p *Partial) keywords() *Dict {
	d := NewDict()
	for i, k := range p.kwnames {
		d.setStr(k, p.kwvalues[i])
	}
	return d
}

func setupLRUWrapper() {
	lt := lruWrapperType
	weakrefableNative[lt] = true
	lt.New = func(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
		var a [4]Value
		if err := clinicArgs(t, &lruWrapperSpec, args, kw, a[:]); err != nil {
			return Null, err
		}
		if !isCallable(a[0]) {
			return Null, t.typeErrorf("the first argument must be callable")
		}
		maxsize := -1
		if !a[1].IsNone() {
			if !hasIndex(a[1]) {
				return Null, t.typeErrorf("maxsize should be integer or None")
			}
			n, err := AsSize(t, a[1], nil)
			if err != nil {
				return Null, err
			}
			maxsize = max(n, 0)
		}
		typed, err := Truth(t, a[2])
		if err != nil {
			return Null, err
		}
		w := &lruWrapper{ObjectBase: ObjectBase{cls: cls, dict: NewDict()}, fn: a[0], maxsize: maxsize, typed: typed, cacheInfoType: a[3], cache: NewDict()}
		w.root.prev, w.root.next = &w.root, &w.root
		return Value{o: w}, nil
	}
	lt.Call = func(t *Thread, callable Value, args []Value, kw []*Str) (Value, error) {
		return callable.o.(*lruWrapper).call(t, args, kw)
	}
	lt.DescrGet = func(t *Thread, descr, obj Value, cls *Type) (Value, error) {
		if obj.IsNull() || obj.IsNone() {
			return descr, nil
		}
		return Value{o: NewMethod(descr, obj)}, nil
	}
	defGetSet(lt, "__dict__", func(t *Thread, self Value) (Value, error) { return Value{o: instanceDictOf(self)}, nil }, nil)
	defMethods(lt,
		MethodDef{Name: "cache_info", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := noArgs(t, "cache_info", args, kw); err != nil {
				return Null, err
			}
			w := self.o.(*lruWrapper)
			var maxsize Value = None
			if w.maxsize >= 0 {
				maxsize = Int(int64(w.maxsize))
			}
			return t.Call(w.cacheInfoType, []Value{Int(w.hits), Int(w.misses), maxsize, Int(int64(w.cache.Len()))}, nil)
		}},
		MethodDef{Name: "cache_clear", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := noArgs(t, "cache_clear", args, kw); err != nil {
				return Null, err
			}
			w := self.o.(*lruWrapper)
			w.hits, w.misses = 0, 0
			w.cache = NewDict()
			w.root.prev, w.root.next = &w.root, &w.root
			return None, nil
		}},
		MethodDef{Name: "__reduce__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return GetAttrString(t, self, "__qualname__")
		}},
		MethodDef{Name: "__copy__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return self, nil
		}},
		MethodDef{Name: "__deepcopy__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return self, nil
		}},
	)
}

// makeKey is _functools' lru_cache_make_key: the positional arguments
// (a lone int or str by itself), then a marker and the keyword pairs,
// then the types when typed.
func (w *lruWrapper) makeKey(args []Value, kw []*Str) Value {
	pos, kv := kwArgs(args, kw)
	if !w.typed && len(kw) == 0 {
		if len(pos) == 1 {
			tp := pos[0].Type()
			if tp == IntType || tp == StrType {
				return pos[0]
			}
		}
		return Value{o: NewTuple(append([]Value(nil), pos...)...)}
	}
	key := make([]Value, 0, len(pos)+2*len(kw)+1+len(args))
	key = append(key, pos...)
	if len(kw) > 0 {
		key = append(key, lruKwdMarkValue)
		for i, k := range kw {
			key = append(key, Value{o: k}, kv[i])
		}
	}
	if w.typed {
		for _, a := range pos {
			key = append(key, Value{o: a.Type()})
		}
		for _, v := range kv {
			key = append(key, Value{o: v.Type()})
		}
	}
	return Value{o: NewTuple(key...)}
}

func (w *lruWrapper) call(t *Thread, args []Value, kw []*Str) (Value, error) {
	if w.maxsize == 0 {
		w.misses++
		return t.Call(w.fn, args, kw)
	}
	key := w.makeKey(args, kw)
	h, err := Hash(t, key)
	if err != nil {
		return Null, err
	}
	if w.maxsize < 0 {
		r, ok, err := dictLookupHashed(t, w.cache, key, h)
		if err != nil {
			return Null, err
		}
		if ok {
			w.hits++
			return r, nil
		}
		w.misses++
		r, err = t.Call(w.fn, args, kw)
		if err != nil {
			return Null, err
		}
		if err := w.cache.setHashed(t, key, h, r); err != nil {
			return Null, err
		}
		return r, nil
	}
	lv, ok, err := dictLookupHashed(t, w.cache, key, h)
	if err != nil {
		return Null, err
	}
	if ok {
		link := lv.o.(*lruLink)
		link.unlink()
		w.append(link)
		w.hits++
		return link.result, nil
	}
	w.misses++
	r, err := t.Call(w.fn, args, kw)
	if err != nil {
		return Null, err
	}
	if _, ok, err := dictLookupHashed(t, w.cache, key, h); err != nil {
		return Null, err
	} else if ok {
		// The call cached the key itself (recursion): keep that entry.
		return r, nil
	}
	if w.cache.Len() >= w.maxsize {
		oldest := w.root.next
		if oldest != &w.root {
			oldest.unlink()
			if _, err := w.cache.Delete(t, oldest.key); err != nil {
				return Null, err
			}
		}
	}
	link := &lruLink{ObjectBase: ObjectBase{cls: lruLinkType}, key: key, result: r}
	if err := w.cache.setHashed(t, key, h, Value{o: link}); err != nil {
		return Null, err
	}
	w.append(link)
	return r, nil
}

func (l *lruLink) unlink() {
	l.prev.next = l.next
	l.next.prev = l.prev
}

// append puts a link last (most recently used).
func (w *lruWrapper) append(l *lruLink) {
	last := w.root.prev
	last.next = l
	l.prev = last
	l.next = &w.root
	w.root.prev = l
}

// dictLookupHashed is Dict.Get for a key whose hash is known.
func dictLookupHashed(t *Thread, d *Dict, key Value, h int64) (Value, bool, error) {
	if d.index == nil {
		return Null, false, nil
	}
	_, ix, err := d.lookup(t, key, h)
	if err != nil || ix < 0 {
		return Null, false, err
	}
	return d.entries[ix].value, true, nil
}
