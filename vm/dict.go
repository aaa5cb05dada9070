package vm

// Dict is a Python dict: insertion-ordered, with CPython's semantics for
// keys (hash, then identity or equality). It is laid out as CPython's
// compact dict: the entries in insertion order, and an open-addressing
// index of them probed with CPython's perturbation, so iteration is
// insertion order and deletion leaves a hole that compaction removes.
type Dict struct {
	ObjectBase
	entries []dictEntry
	// index maps a probe slot to an entry index; -1 is empty, -2 deleted.
	index []int32
	used  int // live entries
	// version changes on every mutation, for the iterators' "changed size
	// during iteration" checks and for caches.
	version uint64
	// ext is the state of a dict subclass written in Go (defaultdict's
	// default_factory).
	ext Value
}

type dictEntry struct {
	hash  int64
	key   Value // NULL for a deleted entry
	value Value
}

const (
	slotEmpty   = -1
	slotDeleted = -2
)

// NewDict returns an empty dict.
func NewDict() *Dict { return &Dict{ObjectBase: ObjectBase{cls: DictType}} }

// NewDictSized returns an empty dict with room for n items.
func NewDictSized(n int) *Dict {
	d := NewDict()
	if n > 0 {
		d.resize(n)
	}
	return d
}

// Len returns the number of items.
func (d *Dict) Len() int { return d.used }

func (d *Dict) resize(n int) {
	size := 8
	for size*2 < n*3 {
		size *= 2
	}
	d.index = make([]int32, size)
	for i := range d.index {
		d.index[i] = slotEmpty
	}
	// Compact the entries.
	live := d.entries[:0]
	for _, e := range d.entries {
		if !e.key.IsNull() {
			live = append(live, e)
		}
	}
	d.entries = live
	mask := uint64(size - 1)
	for i, e := range d.entries {
		d.index[d.freeSlot(uint64(e.hash), mask)] = int32(i)
	}
}

func (d *Dict) freeSlot(hash, mask uint64) uint64 {
	perturb := hash
	i := hash & mask
	for d.index[i] >= 0 {
		perturb >>= 5
		i = (i*5 + perturb + 1) & mask
	}
	return i
}

// lookup finds key (with its hash) and returns its probe slot and entry
// index (-1 if absent). Comparing keys may call __eq__ and fail.
func (d *Dict) lookup(t *Thread, key Value, hash int64) (slot uint64, ix int, err error) {
	if d.index == nil {
		return 0, -1, nil
	}
	mask := uint64(len(d.index) - 1)
	perturb := uint64(hash)
	i := uint64(hash) & mask
	freeslot := int64(-1)
	for {
		e := d.index[i]
		if e == slotEmpty {
			if freeslot >= 0 {
				return uint64(freeslot), -1, nil
			}
			return i, -1, nil
		}
		if e == slotDeleted {
			if freeslot < 0 {
				freeslot = int64(i)
			}
		} else {
			ent := &d.entries[e]
			if ent.key.Is(key) {
				return i, int(e), nil
			}
			if ent.hash == hash {
				eq, err := keysEqual(t, ent.key, key)
				if err != nil {
					return 0, -1, err
				}
				if eq {
					return i, int(e), nil
				}
				if d.index == nil || int(e) >= len(d.entries) || d.entries[e].key.IsNull() {
					// The dict changed under __eq__: start again, as
					// CPython does.
					return d.lookup(t, key, hash)
				}
			}
		}
		perturb >>= 5
		i = (i*5 + perturb + 1) & mask
	}
}

// keysEqual compares two dict keys: strs by text, otherwise Python's ==.
func keysEqual(t *Thread, a, b Value) (bool, error) {
	if as, ok := a.o.(*Str); ok {
		if bs, ok := b.o.(*Str); ok && as.cls == StrType && bs.cls == StrType {
			return as.s == bs.s, nil
		}
	}
	return RichCompareBool(t, a, b, EQ)
}

// Get returns the value of key, and whether it is present.
func (d *Dict) Get(t *Thread, key Value) (Value, bool, error) {
	h, err := Hash(t, key)
	if err != nil {
		return Null, false, err
	}
	_, ix, err := d.lookup(t, key, h)
	if err != nil || ix < 0 {
		return Null, false, err
	}
	return d.entries[ix].value, true, nil
}

// Set sets key to value.
func (d *Dict) Set(t *Thread, key, value Value) error {
	h, err := Hash(t, key)
	if err != nil {
		return err
	}
	return d.setHashed(t, key, h, value)
}

func (d *Dict) setHashed(t *Thread, key Value, h int64, value Value) error {
	if d.index == nil {
		d.resize(1)
	}
	slot, ix, err := d.lookup(t, key, h)
	if err != nil {
		return err
	}
	if ix >= 0 {
		d.entries[ix].value = value
		d.version++
		return nil
	}
	if (len(d.entries)+1)*3 >= len(d.index)*2 {
		d.resize((d.used + 1) * 3)
		slot, _, _ = d.lookup(t, key, h)
	}
	d.entries = append(d.entries, dictEntry{hash: h, key: key, value: value})
	d.index[slot] = int32(len(d.entries) - 1)
	d.used++
	d.version++
	return nil
}

// Delete removes key and reports whether it was there.
func (d *Dict) Delete(t *Thread, key Value) (bool, error) {
	h, err := Hash(t, key)
	if err != nil {
		return false, err
	}
	slot, ix, err := d.lookup(t, key, h)
	if err != nil || ix < 0 {
		return false, err
	}
	d.index[slot] = slotDeleted
	d.entries[ix] = dictEntry{}
	d.used--
	d.version++
	return true, nil
}

// getStr looks up a str key; it never fails (str keys compare without
// calling Python code).
func (d *Dict) getStr(name *Str) (Value, bool) {
	if d == nil || d.index == nil {
		return Null, false
	}
	h := name.hashValue()
	mask := uint64(len(d.index) - 1)
	perturb := uint64(h)
	i := uint64(h) & mask
	for {
		e := d.index[i]
		if e == slotEmpty {
			return Null, false
		}
		if e >= 0 {
			ent := &d.entries[e]
			if ent.hash == h {
				if ks, ok := ent.key.o.(*Str); ok && (ks == name || ks.s == name.s) {
					return ent.value, true
				}
			}
		}
		perturb >>= 5
		i = (i*5 + perturb + 1) & mask
	}
}

// GetStr is getStr for callers outside the package.
func (d *Dict) GetStr(name string) (Value, bool) { return d.getStr(Intern(name)) }

// setStr sets a str key; it never fails.
func (d *Dict) setStr(name *Str, value Value) {
	d.setHashed(nil, Value{o: name}, name.hashValue(), value)
}

// SetStr is setStr for callers outside the package.
func (d *Dict) SetStr(name string, value Value) { d.setStr(Intern(name), value) }

// Items calls fn for each item in order; it stops when fn returns false.
// fn must not change the dict.
func (d *Dict) Items(fn func(k, v Value) bool) {
	for _, e := range d.entries {
		if !e.key.IsNull() {
			if !fn(e.key, e.value) {
				return
			}
		}
	}
}

// Keys returns the keys in order.
func (d *Dict) Keys() []Value {
	out := make([]Value, 0, d.used)
	for _, e := range d.entries {
		if !e.key.IsNull() {
			out = append(out, e.key)
		}
	}
	return out
}

// Clear removes every item.
func (d *Dict) Clear() {
	d.entries = nil
	d.index = nil
	d.used = 0
	d.version++
}

// Copy returns a shallow copy (a plain dict).
func (d *Dict) Copy() *Dict {
	n := NewDictSized(d.used)
	for _, e := range d.entries {
		if !e.key.IsNull() {
			n.setHashed(nil, e.key, e.hash, e.value)
		}
	}
	return n
}

// indexOf returns the entry index of a str key known to be in the dict,
// or -1: the hint LOAD_ATTR keeps for the next instance.
func (d *Dict) indexOf(name *Str) int {
	for i := range d.entries {
		if k, ok := d.entries[i].key.o.(*Str); ok && (k == name || k.s == name.s) {
			return i
		}
	}
	return -1
}
