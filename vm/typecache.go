package vm

import "unsafe"

// The type attribute cache (CPython's type method cache): the result of
// Type.Lookup by type version and name, for the lookups that miss the
// one-entry inline cache of their instruction (a call site that sees
// several classes, as a method called on the tasks of a scheduler). A
// type's version changes whenever it or one of its bases changes, and
// versions are never reused, so an entry with the type's current version
// is valid (the entry names the type too). Types without a version (0)
// are not cached.
//
// The cache belongs to the interpreter: one goroutine runs its threads at
// a time, while builtin types are shared by the interpreters of the
// process.

// typeCacheSize is the number of entries (a power of two).
const typeCacheSize = 1024

type typeCacheEntry struct {
	typ     *Type
	version uint64
	name    *Str
	value   Value
}

// typeLookup is tp.Lookup(name) through the interpreter's cache.
func (t *Thread) typeLookup(tp *Type, name *Str) Value {
	version := tp.version
	if version == 0 {
		return tp.Lookup(name)
	}
	in := t.interp
	if in.typeCache == nil {
		in.typeCache = new([typeCacheSize]typeCacheEntry)
	}
	h := (version*0x9E3779B97F4A7C15 ^ uint64(uintptr(unsafe.Pointer(name))>>4)) & (typeCacheSize - 1)
	e := &in.typeCache[h]
	if e.typ == tp && e.version == version && e.name == name {
		return e.value
	}
	v := tp.Lookup(name)
	*e = typeCacheEntry{typ: tp, version: version, name: name, value: v}
	return v
}

// setInstanceAttrCached sets name in an instance's dict d, c remembering
// the entry: an entry whose key is name itself is name's live entry.
func setInstanceAttrCached(c *inlineCache, d *Dict, name *Str, value Value) error {
	if i := c.index; uint(i) < uint(len(d.entries)) {
		if e := &d.entries[i]; dataPtr(e.key.o) == unsafe.Pointer(name) {
			e.value = value
			d.version++
			return nil
		}
	}
	d.setStr(name, value)
	c.index = d.entryIndex(name)
	return nil
}

// typeOf is v.Type(), quicker for instances of classes (no interface
// method call).
func typeOf(v Value) *Type {
	if inst, ok := v.o.(*Instance); ok {
		return inst.cls
	}
	return v.Type()
}

// attrDictOf is the __dict__ of a heap object v, or nil (InstanceDict,
// quicker for instances of classes).
func attrDictOf(v Value) *Dict {
	if inst, ok := v.o.(*Instance); ok {
		return inst.dict
	}
	if b, ok := v.o.(hasBase); ok {
		return b.base().dict
	}
	return nil
}
