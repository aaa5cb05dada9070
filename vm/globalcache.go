package vm

import "unsafe"

// LOAD_GLOBAL's inline cache (CPython's LOAD_GLOBAL_MODULE and
// LOAD_GLOBAL_BUILTIN): the instruction remembers the entry of the dict
// where it found its name.
//
//   - Found in the globals: index is the entry's position. An entry whose
//     key is the name itself (the same interned str) is the name's live
//     entry in whatever dict it is, so the check needs no version: a
//     deletion clears the key, a resize moves the entries and the check
//     then fails, a new value is read from the entry.
//   - Found in the builtins: index is -1 - the entry's position there, and
//     the cache also holds the globals dict and its version, which say the
//     name is still missing from the globals (any change of the globals
//     changes the version).
//
// The fallback is loadGlobal, which fills the cache.

// loadGlobalCached is LOAD_GLOBAL's lookup of name for the instruction at
// unit lasti of f's code.
func (t *Thread) loadGlobalCached(f *Frame, lasti int, name *Str) (Value, error) {
	g := f.globals
	if g == nil {
		return t.loadGlobal(f, name)
	}
	c := &f.code.caches[lasti]
	if i := c.index; i >= 0 {
		if i < len(g.entries) {
			if e := &g.entries[i]; dataPtr(e.key.o) == unsafe.Pointer(name) {
				return e.value, nil
			}
		}
	} else if b := f.builtins; b != nil && c.version == g.version && dataPtr(c.value.o) == unsafe.Pointer(g) {
		if j := -1 - i; j < len(b.entries) {
			if e := &b.entries[j]; dataPtr(e.key.o) == unsafe.Pointer(name) {
				return e.value, nil
			}
		}
	}
	return t.loadGlobalFill(f, c, name)
}

// loadGlobalFill is loadGlobal, remembering where the name was found.
func (t *Thread) loadGlobalFill(f *Frame, c *inlineCache, name *Str) (Value, error) {
	g := f.globals
	if i := g.entryIndex(name); i >= 0 {
		c.index, c.value = i, Null
		return g.entries[i].value, nil
	}
	if b := f.builtins; b != nil {
		if i := b.entryIndex(name); i >= 0 {
			c.index, c.version, c.value = -1-i, g.version, Value{o: g}
			return b.entries[i].value, nil
		}
	}
	return t.loadGlobal(f, name)
}

// entryIndex is the position in d.entries of the str key name, or -1
// (getStr's probe).
func (d *Dict) entryIndex(name *Str) int {
	if d == nil || d.index == nil {
		return -1
	}
	h := name.hashValue()
	mask := uint64(len(d.index) - 1)
	perturb := uint64(h)
	i := uint64(h) & mask
	for {
		e := d.index[i]
		if e == slotEmpty {
			return -1
		}
		if e >= 0 {
			ent := &d.entries[e]
			if ent.hash == h {
				if ks, ok := ent.key.o.(*Str); ok && (ks == name || ks.s == name.s) {
					return int(e)
				}
			}
		}
		perturb >>= 5
		i = (i*5 + perturb + 1) & mask
	}
}
