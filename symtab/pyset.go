package symtab

import "github.com/peephole-lsp/peephole/internal/pyconst"

// This file holds the two containers whose iteration order CPython's
// symbol table makes observable: a dict (insertion-ordered, as Python
// dicts are) and a set of strings whose iteration order is that of
// CPython's set implementation (Objects/setobject.c) under
// PYTHONHASHSEED=0. The order in which the free variables of nested blocks
// are added to an enclosing block's symbols is the iteration order of such
// a set, so `python -m symtable` shows it.

// strHash returns CPython's hash of the str s under PYTHONHASHSEED=0.
func strHash(s string) int64 { return pyconst.Str(s).Hash() }

const (
	setMinSize   = 8
	linearProbes = 9
	perturbShift = 5
)

type setEntry struct {
	key  string
	hash int64
	used bool // a live key
	dead bool // a dummy (deleted) entry
}

// strSet is a set of strings with CPython's table layout.
type strSet struct {
	table []setEntry
	fill  int // live + dummy entries
	n     int // live entries
}

func newStrSet() *strSet { return &strSet{table: make([]setEntry, setMinSize)} }

func (s *strSet) mask() int { return len(s.table) - 1 }

// Len returns the number of elements.
func (s *strSet) Len() int { return s.n }

// Contains reports whether key is in the set.
func (s *strSet) Contains(key string) bool {
	return s.find(key, strHash(key)) >= 0
}

func (s *strSet) find(key string, hash int64) int {
	mask := uint64(s.mask())
	i := uint64(hash) & mask
	perturb := uint64(hash)
	for {
		probes := 0
		if int(i)+linearProbes <= int(mask) {
			probes = linearProbes
		}
		j := i
		for k := 0; k <= probes; k++ {
			e := &s.table[j]
			if !e.used && !e.dead {
				return -1
			}
			if e.used && e.hash == hash && e.key == key {
				return int(j)
			}
			j++
		}
		perturb >>= perturbShift
		i = (i*5 + 1 + perturb) & mask
	}
}

// Add adds key (set_add_entry).
func (s *strSet) Add(key string) { s.addHash(key, strHash(key)) }

func (s *strSet) addHash(key string, hash int64) {
	mask := uint64(s.mask())
	i := uint64(hash) & mask
	perturb := uint64(hash)
	freeslot := -1
	for {
		probes := 0
		if int(i)+linearProbes <= int(mask) {
			probes = linearProbes
		}
		j := i
		for k := 0; k <= probes; k++ {
			e := &s.table[j]
			if !e.used && !e.dead {
				if freeslot >= 0 {
					s.table[freeslot] = setEntry{key: key, hash: hash, used: true}
					s.n++
					return
				}
				*e = setEntry{key: key, hash: hash, used: true}
				s.fill++
				s.n++
				if s.fill*5 >= int(mask)*3 {
					if s.n > 50000 {
						s.resize(s.n * 2)
					} else {
						s.resize(s.n * 4)
					}
				}
				return
			}
			if e.used && e.hash == hash && e.key == key {
				return
			}
			if e.dead && freeslot < 0 {
				freeslot = int(j)
			}
			j++
		}
		perturb >>= perturbShift
		i = (i*5 + 1 + perturb) & mask
	}
}

// Discard removes key, leaving a dummy entry, and reports whether it was
// there.
func (s *strSet) Discard(key string) bool {
	i := s.find(key, strHash(key))
	if i < 0 {
		return false
	}
	s.table[i] = setEntry{dead: true}
	s.n--
	return true
}

func (s *strSet) resize(minUsed int) {
	size := setMinSize
	for size <= minUsed {
		size <<= 1
	}
	old := s.table
	s.table = make([]setEntry, size)
	s.fill = s.n
	for _, e := range old {
		if e.used {
			s.insertClean(e.key, e.hash)
		}
	}
}

// insertClean puts a key known to be absent into a table without dummies.
func (s *strSet) insertClean(key string, hash int64) {
	mask := uint64(s.mask())
	i := uint64(hash) & mask
	perturb := uint64(hash)
	for {
		if !s.table[i].used {
			s.table[i] = setEntry{key: key, hash: hash, used: true}
			return
		}
		if int(i)+linearProbes <= int(mask) {
			for j := 1; j <= linearProbes; j++ {
				if !s.table[int(i)+j].used {
					s.table[int(i)+j] = setEntry{key: key, hash: hash, used: true}
					return
				}
			}
		}
		perturb >>= perturbShift
		i = (i*5 + 1 + perturb) & mask
	}
}

// Update adds every element of o (set_merge, as |= and set(o) do).
func (s *strSet) Update(o *strSet) {
	if o == s || o.n == 0 {
		return
	}
	if (s.fill+o.n)*5 >= s.mask()*3 {
		s.resize((s.n + o.n) * 2)
	}
	if s.fill == 0 && s.mask() == o.mask() && o.fill == o.n {
		copy(s.table, o.table)
		s.fill, s.n = o.fill, o.n
		return
	}
	if s.fill == 0 {
		s.fill, s.n = o.n, o.n
		for _, e := range o.table {
			if e.used {
				s.insertClean(e.key, e.hash)
			}
		}
		return
	}
	for _, e := range o.table {
		if e.used {
			s.addHash(e.key, e.hash)
		}
	}
}

// Copy returns a new set with the elements of s (PySet_New(s)).
func (s *strSet) Copy() *strSet {
	c := newStrSet()
	c.Update(s)
	return c
}

// Keys returns the elements in CPython's iteration order.
func (s *strSet) Keys() []string {
	out := make([]string, 0, s.n)
	for _, e := range s.table {
		if e.used {
			out = append(out, e.key)
		}
	}
	return out
}

// symDict is an insertion-ordered map from names to symbol flags, as a
// Python dict of ints.
type symDict struct {
	keys  []string
	vals  []int
	live  []bool
	index map[string]int
	n     int
}

func newSymDict() *symDict { return &symDict{index: map[string]int{}} }

// Get returns the flags of name and whether it is present.
func (d *symDict) Get(name string) (int, bool) {
	if i, ok := d.index[name]; ok {
		return d.vals[i], true
	}
	return 0, false
}

// Set sets the flags of name, appending it if new.
func (d *symDict) Set(name string, v int) {
	if i, ok := d.index[name]; ok {
		d.vals[i] = v
		return
	}
	d.index[name] = len(d.keys)
	d.keys = append(d.keys, name)
	d.vals = append(d.vals, v)
	d.live = append(d.live, true)
	d.n++
}

// Delete removes name.
func (d *symDict) Delete(name string) {
	if i, ok := d.index[name]; ok {
		d.live[i] = false
		delete(d.index, name)
		d.n--
	}
}

// Names returns the names in insertion order.
func (d *symDict) Names() []string {
	out := make([]string, 0, d.n)
	for i, k := range d.keys {
		if d.live[i] {
			out = append(out, k)
		}
	}
	return out
}

// Len returns the number of names.
func (d *symDict) Len() int { return d.n }
