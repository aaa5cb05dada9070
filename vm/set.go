package vm

// Set and FrozenSet share CPython's set table (Objects/setobject.c): open
// addressing with runs of linear probes (LINEAR_PROBES = 9) then perturbed
// probing, dummies left by deletion, growth once 3/5 of the slots are
// filled. Iteration is table order, so under PYTHONHASHSEED=0 a set prints
// its elements in CPython's order.

const (
	setLinearProbes = 9
	setPerturbShift = 5
	setMinSize      = 8
)

type setEntry struct {
	key  Value // NULL: empty; dummy: a deleted slot
	hash int64
}

var setDummy = Value{o: &tag{"dummy"}}

type setTable struct {
	table []setEntry
	mask  uint64
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

func isDummy(v Value) bool { return v.o == setDummy.o }

// lookup returns the index of key's entry, or -1.
func (s *setTable) lookup(t *Thread, key Value, hash int64) (int, error) {
	if s.table == nil {
		return -1, nil
	}
	mask := s.mask
	perturb := uint64(hash)
	i := uint64(hash) & mask
	for {
		e := &s.table[i]
		probes := 0
		if i+setLinearProbes <= mask {
			probes = setLinearProbes
		}
		for {
			if e.key.IsNull() {
				return -1, nil
			}
			if e.hash == hash && !isDummy(e.key) {
				if e.key.Is(key) {
					return int(i), nil
				}
				startKey := e.key
				eq, err := keysEqual(t, startKey, key)
				if err != nil {
					return -1, err
				}
				if eq {
					return int(i), nil
				}
				if !s.table[i].key.Is(startKey) {
					return s.lookup(t, key, hash)
				}
			}
			if probes == 0 {
				break
			}
			probes--
			i++
			e = &s.table[i]
		}
		perturb >>= setPerturbShift
		i = (i*5 + 1 + perturb) & mask
	}
}

// add inserts key if absent (set_add_entry).
func (s *setTable) add(t *Thread, key Value, hash int64) error {
	s.init()
restart:
	mask := s.mask
	perturb := uint64(hash)
	i := uint64(hash) & mask
	freeslot := -1
	for {
		probes := 0
		if i+setLinearProbes <= mask {
			probes = setLinearProbes
		}
		j := i
		for {
			e := &s.table[j]
			if e.key.IsNull() {
				goto foundUnused
			}
			if e.hash == hash && !isDummy(e.key) {
				if e.key.Is(key) {
					return nil
				}
				startKey := e.key
				eq, err := keysEqual(t, startKey, key)
				if err != nil {
					return err
				}
				if eq {
					return nil
				}
				if !s.table[j].key.Is(startKey) || s.mask != mask {
					goto restart
				}
			} else if isDummy(e.key) && freeslot < 0 {
				freeslot = int(j)
			}
			if probes == 0 {
				break
			}
			probes--
			j++
		}
		perturb >>= setPerturbShift
		i = (i*5 + 1 + perturb) & mask
		_ = i
		continue
	foundUnused:
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
		if s.used > 50000 {
			s.resize(s.used * 2)
		} else {
			s.resize(s.used * 4)
		}
		return nil
	}
}

func (s *setTable) resize(minUsed int) {
	size := setMinSize
	for size <= minUsed {
		size <<= 1
	}
	old := s.table
	s.table = make([]setEntry, size)
	s.mask = uint64(size - 1)
	s.fill = s.used
	for _, e := range old {
		if !e.key.IsNull() && !isDummy(e.key) {
			s.insertClean(e)
		}
	}
}

func (s *setTable) insertClean(e setEntry) {
	mask := s.mask
	perturb := uint64(e.hash)
	i := uint64(e.hash) & mask
	for {
		if s.table[i].key.IsNull() {
			s.table[i] = e
			return
		}
		if i+setLinearProbes <= mask {
			for j := i + 1; j <= i+setLinearProbes; j++ {
				if s.table[j].key.IsNull() {
					s.table[j] = e
					return
				}
			}
		}
		perturb >>= setPerturbShift
		i = (i*5 + 1 + perturb) & mask
	}
}

// discard removes key and reports whether it was present.
func (s *setTable) discard(t *Thread, key Value, hash int64) (bool, error) {
	i, err := s.lookup(t, key, hash)
	if err != nil || i < 0 {
		return false, err
	}
	s.table[i].key = setDummy
	s.table[i].hash = -1
	s.used--
	return true, nil
}

// each calls fn for each element in table order until it returns false.
func (s *setTable) each(fn func(v Value) bool) {
	for _, e := range s.table {
		if !e.key.IsNull() && !isDummy(e.key) {
			if !fn(e.key) {
				return
			}
		}
	}
}

// elems returns the elements in table order.
func (s *setTable) elems() []Value {
	out := make([]Value, 0, s.used)
	s.each(func(v Value) bool { out = append(out, v); return true })
	return out
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

// newFrozenSetOrdered builds a frozenset by inserting items in order
// (they are known hashable and distinct constants).
func newFrozenSetOrdered(items []Value) *FrozenSet {
	fs := &FrozenSet{ObjectBase: ObjectBase{cls: FrozenSetType}, hash: -1}
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
	fs := &FrozenSet{ObjectBase: ObjectBase{cls: FrozenSetType}, hash: -1}
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
