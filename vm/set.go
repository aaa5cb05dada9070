package vm

// Set and FrozenSet share CPython's set table (Objects/setobject.c): open
// addressing over a power-of-two table, each probe looking at a run of
// LINEAR_PROBES (9) neighbours before jumping with the perturbed
// recurrence i = 5*i + 1 + perturb; deleted slots hold a dummy (hash -1)
// that a later insertion on the same probe path reuses; the table grows
// (to 4x the used count, 2x past 50000) once 3/5 of it is filled.
// Iteration is table order, so with PYTHONHASHSEED=0 a set prints, pops
// and iterates its elements in CPython's order — which also depends on
// how a set was built, so the bulk operations (merge, update from a dict,
// the difference and intersection algorithms, their resizes) follow
// CPython's step by step (settype.go).
//
// An __eq__ called while probing can change the set; as in CPython, a
// probe whose table or entry changed under it starts again.

const (
	setLinearProbes = 9
	setPerturbShift = 5
	setMinSize      = 8
)

// setEntry is a slot of the table: an empty slot has a NULL key and hash
// 0, a dummy the setDummy key and hash -1.
type setEntry struct {
	key  Value
	hash int64
}

var setDummy = Value{o: &tag{"dummy"}}

func isDummy(v Value) bool { return v.o == setDummy.o }

// setTable is the body of a set or frozenset (PySetObject's fields).
type setTable struct {
	table []setEntry
	mask  int
	fill  int // active + dummy
	used  int // active
	// finger is where pop() resumes its scan.
	finger int
}

func (s *setTable) init() {
	if s.table == nil {
		s.table = make([]setEntry, setMinSize)
		s.mask = setMinSize - 1
	}
}

// sameTable reports whether the table is still the slice tbl (a resize
// or clear makes a new one).
func (s *setTable) sameTable(tbl []setEntry) bool {
	return len(s.table) == len(tbl) && len(tbl) > 0 && &s.table[0] == &tbl[0]
}

// lookup returns the index of key's entry, or -1 (set_lookkey).
func (s *setTable) lookup(t *Thread, key Value, hash int64) (int, error) {
restart:
	if s.table == nil {
		return -1, nil
	}
	mask := uint64(s.mask)
	perturb := uint64(hash)
	i := uint64(hash) & mask
	for {
		probes := 0
		if i+setLinearProbes <= mask {
			probes = setLinearProbes
		}
		for j := i; ; j++ {
			e := s.table[j]
			if e.key.IsNull() {
				return -1, nil
			}
			if e.hash == hash {
				if e.key.Is(key) {
					return int(j), nil
				}
				tbl := s.table
				eq, err := keysEqual(t, e.key, key)
				if err != nil {
					return -1, err
				}
				if !s.sameTable(tbl) || !s.table[j].key.Is(e.key) {
					goto restart
				}
				if eq {
					return int(j), nil
				}
				mask = uint64(s.mask)
			}
			if probes == 0 {
				break
			}
			probes--
		}
		perturb >>= setPerturbShift
		i = (i*5 + 1 + perturb) & mask
	}
}

// contains reports whether key (with its hash) is in the set.
func (s *setTable) contains(t *Thread, key Value, hash int64) (bool, error) {
	i, err := s.lookup(t, key, hash)
	return i >= 0, err
}

// add inserts key if absent (set_add_entry).
func (s *setTable) add(t *Thread, key Value, hash int64) error {
	s.init()
restart:
	mask := uint64(s.mask)
	perturb := uint64(hash)
	i := uint64(hash) & mask
	freeslot := -1
	for {
		probes := 0
		if i+setLinearProbes <= mask {
			probes = setLinearProbes
		}
		for j := i; ; j++ {
			e := s.table[j]
			if e.key.IsNull() {
				if freeslot >= 0 {
					s.used++
					s.table[freeslot] = setEntry{key, hash}
					return nil
				}
				s.fill++
				s.used++
				s.table[j] = setEntry{key, hash}
				if uint64(s.fill)*5 < mask*3 {
					return nil
				}
				s.resize(s.growSize())
				return nil
			}
			if e.hash == hash {
				if e.key.Is(key) {
					return nil
				}
				tbl := s.table
				eq, err := keysEqual(t, e.key, key)
				if err != nil {
					return err
				}
				if eq {
					return nil
				}
				if !s.sameTable(tbl) || !s.table[j].key.Is(e.key) {
					goto restart
				}
				mask = uint64(s.mask)
			} else if e.hash == -1 {
				freeslot = int(j)
			}
			if probes == 0 {
				break
			}
			probes--
		}
		perturb >>= setPerturbShift
		i = (i*5 + 1 + perturb) & mask
	}
}

// growSize is the minimum used count a growing table is sized for.
func (s *setTable) growSize() int {
	if s.used > 50000 {
		return s.used * 2
	}
	return s.used * 4
}

// resize rebuilds the table with room for more than minUsed entries,
// dropping the dummies (set_table_resize).
func (s *setTable) resize(minUsed int) {
	size := setMinSize
	for size <= minUsed {
		size <<= 1
	}
	old := s.table
	if size == setMinSize && len(old) == setMinSize && s.fill == s.used {
		return
	}
	s.table = make([]setEntry, size)
	s.mask = size - 1
	s.fill = s.used
	for _, e := range old {
		if !e.key.IsNull() && !isDummy(e.key) {
			insertClean(s.table, uint64(s.mask), e)
		}
	}
}

// insertClean puts an entry known to be absent into a table without
// dummies (set_insert_clean).
func insertClean(table []setEntry, mask uint64, e setEntry) {
	perturb := uint64(e.hash)
	i := uint64(e.hash) & mask
	for {
		if table[i].key.IsNull() {
			table[i] = e
			return
		}
		if i+setLinearProbes <= mask {
			for j := i + 1; j <= i+setLinearProbes; j++ {
				if table[j].key.IsNull() {
					table[j] = e
					return
				}
			}
		}
		perturb >>= setPerturbShift
		i = (i*5 + 1 + perturb) & mask
	}
}

// discard removes key and reports whether it was present
// (set_discard_entry).
func (s *setTable) discard(t *Thread, key Value, hash int64) (bool, error) {
	i, err := s.lookup(t, key, hash)
	if err != nil || i < 0 {
		return false, err
	}
	s.table[i] = setEntry{setDummy, -1}
	s.used--
	return true, nil
}

// clear empties the set (set_clear_internal); the pop finger stays.
func (s *setTable) clear() {
	s.table = make([]setEntry, setMinSize)
	s.mask = setMinSize - 1
	s.fill = 0
	s.used = 0
}

// next returns the active entry at or after *pos and moves *pos past it
// (set_next). It reads the current table, so a set changed meanwhile is
// never indexed out of range.
func (s *setTable) next(pos *int) (setEntry, bool) {
	i := *pos
	for i < len(s.table) {
		e := s.table[i]
		if !e.key.IsNull() && !isDummy(e.key) {
			*pos = i + 1
			return e, true
		}
		i++
	}
	*pos = i + 1
	return setEntry{}, false
}

// each calls fn for each element in table order until it returns false.
func (s *setTable) each(fn func(v Value) bool) {
	pos := 0
	for {
		e, ok := s.next(&pos)
		if !ok || !fn(e.key) {
			return
		}
	}
}

// elems returns the elements in table order.
func (s *setTable) elems() []Value {
	out := make([]Value, 0, s.used)
	s.each(func(v Value) bool { out = append(out, v); return true })
	return out
}

// merge adds the elements of another set (set_merge): into an empty set
// by copying the table when the sizes agree and other has no dummies, or
// by clean insertions; otherwise one by one.
func (s *setTable) merge(t *Thread, other *setTable) error {
	if other == s || other.used == 0 {
		return nil
	}
	s.init()
	if (s.fill+other.used)*5 >= s.mask*3 {
		s.resize((s.used + other.used) * 2)
	}
	if s.fill == 0 && s.mask == other.mask && other.fill == other.used {
		copy(s.table, other.table)
		s.fill = other.fill
		s.used = other.used
		return nil
	}
	if s.fill == 0 {
		s.fill = other.used
		s.used = other.used
		for _, e := range other.table {
			if !e.key.IsNull() && !isDummy(e.key) {
				insertClean(s.table, uint64(s.mask), e)
			}
		}
		return nil
	}
	for i := 0; i < len(other.table); i++ {
		e := other.table[i]
		if !e.key.IsNull() && !isDummy(e.key) {
			if err := s.add(t, e.key, e.hash); err != nil {
				return err
			}
		}
	}
	return nil
}

// swapBodies exchanges the contents of two sets (set_swap_bodies).
func swapBodies(a, b *setTable) {
	a.table, b.table = b.table, a.table
	a.mask, b.mask = b.mask, a.mask
	a.fill, b.fill = b.fill, a.fill
	a.used, b.used = b.used, a.used
}

// Set is a Python set.
type Set struct {
	ObjectBase
	setTable
}

// FrozenSet is a Python frozenset.
type FrozenSet struct {
	ObjectBase
	setTable
	hash int64 // -1 until computed
}

// NewSet returns an empty set.
func NewSet() *Set { return &Set{ObjectBase: ObjectBase{cls: SetType}} }

func newFrozenSet() *FrozenSet {
	return &FrozenSet{ObjectBase: ObjectBase{cls: FrozenSetType}, hash: -1}
}

// newFrozenSetOrdered builds a frozenset by inserting items in order
// (they are known hashable and distinct constants).
func newFrozenSetOrdered(items []Value) *FrozenSet {
	fs := newFrozenSet()
	for _, v := range items {
		h, err := Hash(nil, v)
		if err == nil {
			fs.add(nil, v, h)
		}
	}
	return fs
}

// Len returns the number of elements.
func (s *Set) Len() int { return s.used }

// Len returns the number of elements.
func (s *FrozenSet) Len() int { return s.used }

// Elements returns the elements in iteration order.
func (s *Set) Elements() []Value { return s.elems() }

// Elements returns the elements in iteration order.
func (s *FrozenSet) Elements() []Value { return s.elems() }

// Add adds v to the set.
func (s *Set) Add(t *Thread, v Value) error {
	h, err := Hash(t, v)
	if err != nil {
		return err
	}
	return s.add(t, v, h)
}

// newFrozenSetFrom builds a frozenset of items (hashing each).
func newFrozenSetFrom(t *Thread, items []Value) (*FrozenSet, error) {
	fs := newFrozenSet()
	for _, v := range items {
		h, err := Hash(t, v)
		if err != nil {
			return nil, err
		}
		if err := fs.add(t, v, h); err != nil {
			return nil, err
		}
	}
	return fs, nil
}

// frozenSetHash is CPython's frozenset hash: the xor of each element's
// shuffled hash, mixed with the size and dispersed.
func frozenSetHash(s *setTable) int64 {
	shuffle := func(h uint64) uint64 { return ((h ^ 89869747) ^ (h << 16)) * 3644798167 }
	var h uint64
	for _, e := range s.table {
		if !e.key.IsNull() && !isDummy(e.key) {
			h ^= shuffle(uint64(e.hash))
		}
	}
	h ^= (uint64(s.used) + 1) * 1927868237
	h ^= (h >> 11) ^ (h >> 25)
	h = h*69069 + 907133923
	if h == ^uint64(0) {
		h = 590923713
	}
	return int64(h)
}
