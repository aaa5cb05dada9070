package vm

import (
	"cmp"
	"math"
	"slices"
	"strings"
)

// list.sort: CPython's timsort (Objects/listobject.c, listsort.txt) step
// for step, so that the comparisons a sort makes — their number, order
// and operands — are CPython's. That is what a program sees when its
// __lt__ prints or counts, when the ordering is inconsistent (NaNs, a
// random key), and when a comparison fails part way (the list is left in
// the same partial order).
//
// The pieces: natural runs found by countRun (3.13's version, which also
// takes descending runs with equal sub-runs), short runs extended to
// minrun by binary insertion, runs merged by the powersort policy
// (powerloop and foundNewRun), and merges that gallop when one run wins
// repeatedly (mergeLo, mergeHi, gallopLeft, gallopRight, with min_gallop
// adapting). Keys are compared by the specialized comparisons CPython
// picks from a pre-sort scan of the keys (same-type strs, small ints,
// floats, a type's own rich comparison, tuples by their first items).

const (
	sortMinGallop = 7
	sortMaxMinrun = 64
)

// pureKind says the keys are all of one type whose order is total and
// whose comparisons run no Python code: then every stable sort gives the
// order timsort gives, and a faster one is used.
type pureKind int

const (
	pureNone pureKind = iota
	pureInt
	pureStr
	pureFloat
)

// sortPure sorts keys (and values with them) that are all small ints,
// all strs or all floats, with Go's sorts; it reports false, sorting
// nothing, when the keys turn out not to qualify (a big int, a NaN).
func sortPure(keys, values []Value, kind pureKind) bool {
	switch kind {
	case pureInt:
		for _, k := range keys {
			if !k.IsSmallInt() {
				return false
			}
		}
		if values == nil {
			// Equal small ints cannot be told apart: any sort will do.
			xs := make([]int64, len(keys))
			for i, k := range keys {
				xs[i] = int64(k.n)
			}
			slices.Sort(xs)
			for i, x := range xs {
				keys[i] = Int(x)
			}
			return true
		}
		sortPairs(keys, values, func(a, b Value) int { return cmp.Compare(int64(a.n), int64(b.n)) })
	case pureStr:
		if values == nil {
			// Sorted by text, then by position: stable.
			type item struct {
				s string
				i int
				v Value
			}
			items := make([]item, len(keys))
			for i, k := range keys {
				items[i] = item{k.o.(*Str).s, i, k}
			}
			slices.SortFunc(items, func(a, b item) int {
				if c := strings.Compare(a.s, b.s); c != 0 {
					return c
				}
				return cmp.Compare(a.i, b.i)
			})
			for i, it := range items {
				keys[i] = it.v
			}
			return true
		}
		sortPairs(keys, values, func(a, b Value) int { return strings.Compare(a.o.(*Str).s, b.o.(*Str).s) })
	case pureFloat:
		for _, k := range keys {
			if math.IsNaN(k.FloatVal()) {
				return false
			}
		}
		c := func(a, b Value) int { return cmp.Compare(a.FloatVal(), b.FloatVal()) }
		if values == nil {
			slices.SortStableFunc(keys, c)
			return true
		}
		sortPairs(keys, values, c)
	default:
		return false
	}
	return true
}

// sortPairs sorts values by their keys, stably.
func sortPairs(keys, values []Value, c func(a, b Value) int) {
	type pair struct{ k, v Value }
	ps := make([]pair, len(keys))
	for i := range keys {
		ps[i] = pair{keys[i], values[i]}
	}
	slices.SortStableFunc(ps, func(a, b pair) int { return c(a.k, b.k) })
	for i, p := range ps {
		keys[i], values[i] = p.k, p.v
	}
}

// sortRun is a pending run: its start index and length, and its power in
// the powersort merge tree.
type sortRun struct {
	base, len int
	power     int
}

// mergeState is CPython's MergeState: the keys being sorted, the values
// moved in lockstep (nil when the keys are the values), the temporary
// arrays for merging, the pending runs and the comparison.
type mergeState struct {
	t         *Thread
	keys      []Value
	values    []Value
	tmpKeys   []Value
	tmpValues []Value
	minGallop int
	pending   []sortRun
	lt        func(a, b Value) (bool, error)

	// The comparisons chosen by the pre-sort check.
	pure          pureKind
	keyType       *Type
	keyCompare    CompareSlot
	tupleElemLess func(a, b Value) (bool, error)
}

// sortSlices sorts keys (and values in lockstep, when not nil) in place
// as list.sort does, ascending; it returns the first error a comparison
// raised, leaving the slices in their partial order.
func sortSlices(t *Thread, keys, values []Value) error {
	n := len(keys)
	ms := &mergeState{t: t, keys: keys, values: values, minGallop: sortMinGallop}
	if n < 2 {
		return nil
	}
	ms.chooseCompare()
	if ms.pure != pureNone && sortPure(keys, values, ms.pure) {
		return nil
	}
	minrun := mergeComputeMinrun(n)
	lo := 0
	remaining := n
	for remaining > 0 {
		r, err := ms.countRun(lo, remaining)
		if err != nil {
			return err
		}
		if r < minrun {
			force := minrun
			if remaining <= minrun {
				force = remaining
			}
			if err := ms.binarySort(lo, force, r); err != nil {
				return err
			}
			r = force
		}
		if err := ms.foundNewRun(r, n); err != nil {
			return err
		}
		ms.pending = append(ms.pending, sortRun{base: lo, len: r})
		lo += r
		remaining -= r
	}
	return ms.forceCollapse()
}

func mergeComputeMinrun(n int) int {
	r := 0
	for n >= sortMaxMinrun {
		r |= n & 1
		n >>= 1
	}
	return n + r
}

// chooseCompare is the pre-sort check: it scans the keys and picks the
// fastest comparison that is still exact for them.
func (ms *mergeState) chooseCompare() {
	keys := ms.keys
	first := keys[0]
	ft, isTuple := first.o.(*Tuple)
	inTuples := isTuple && ft.cls == TupleType && len(ft.items) > 0
	keyOf := func(v Value) Value {
		if inTuples {
			return v.o.(*Tuple).items[0]
		}
		return v
	}
	keyType := keyOf(first).Type()
	sameType := true
	for _, k := range keys {
		if inTuples {
			tu, ok := k.o.(*Tuple)
			if !ok || tu.cls != TupleType || len(tu.items) == 0 {
				inTuples = false
				sameType = false
				break
			}
		}
		if keyOf(k).Type() != keyType {
			sameType = false
			if !inTuples {
				break
			}
		}
	}
	var elemLess func(a, b Value) (bool, error)
	switch {
	case !sameType:
		elemLess = ms.safeLess
	case keyType == StrType:
		elemLess = strLess
		ms.pure = pureStr
	case keyType == IntType:
		elemLess = ms.intLess
		ms.pure = pureInt
	case keyType == FloatType:
		elemLess = floatLess
		ms.pure = pureFloat
	case keyType.Compare != nil:
		ms.keyType = keyType
		ms.keyCompare = keyType.Compare
		elemLess = ms.objectLess
	default:
		elemLess = ms.safeLess
	}
	if inTuples {
		ms.pure = pureNone
		if keyType == TupleType {
			ms.tupleElemLess = ms.safeLess
		} else {
			ms.tupleElemLess = elemLess
		}
		ms.lt = ms.tupleLess
		return
	}
	ms.lt = elemLess
}

func (ms *mergeState) safeLess(a, b Value) (bool, error) {
	return RichCompareBool(ms.t, a, b, LT)
}

func strLess(a, b Value) (bool, error) {
	return a.o.(*Str).s < b.o.(*Str).s, nil
}

func floatLess(a, b Value) (bool, error) {
	return a.FloatVal() < b.FloatVal(), nil
}

func (ms *mergeState) intLess(a, b Value) (bool, error) {
	if a.IsSmallInt() && b.IsSmallInt() {
		return a.SmallInt() < b.SmallInt(), nil
	}
	return ms.safeLess(a, b)
}

// objectLess is unsafe_object_compare: the keys' type's own comparison,
// falling back to the full protocol when it declines.
func (ms *mergeState) objectLess(a, b Value) (bool, error) {
	if a.Type() != ms.keyType {
		return ms.safeLess(a, b)
	}
	r, err := ms.keyCompare(ms.t, a, b, LT)
	if err != nil {
		return false, err
	}
	if r.Is(NotImplemented) {
		return ms.safeLess(a, b)
	}
	if r.IsBool() {
		return r.n != 0, nil
	}
	return Truth(ms.t, r)
}

// tupleLess is unsafe_tuple_compare.
func (ms *mergeState) tupleLess(a, b Value) (bool, error) {
	x, y := a.o.(*Tuple).items, b.o.(*Tuple).items
	i := 0
	for ; i < len(x) && i < len(y); i++ {
		eq, err := RichCompareBool(ms.t, x[i], y[i], EQ)
		if err != nil {
			return false, err
		}
		if !eq {
			break
		}
	}
	if i >= len(x) || i >= len(y) {
		return len(x) < len(y), nil
	}
	if i == 0 {
		return ms.tupleElemLess(x[0], y[0])
	}
	return RichCompareBool(ms.t, x[i], y[i], LT)
}

// reverseRange reverses keys[lo:lo+n] and the values with them.
func (ms *mergeState) reverseRange(lo, n int) {
	reverseValues(ms.keys[lo : lo+n])
	if ms.values != nil {
		reverseValues(ms.values[lo : lo+n])
	}
}

func reverseValues(s []Value) {
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		s[i], s[j] = s[j], s[i]
	}
}

// binarySort sorts keys[lo:lo+n] by binary insertion, keys[lo:lo+ok]
// being sorted already.
func (ms *mergeState) binarySort(lo, n, ok int) error {
	a := ms.keys[lo : lo+n]
	var v []Value
	if ms.values != nil {
		v = ms.values[lo : lo+n]
	}
	if ok == 0 {
		ok = 1
	}
	for ; ok < n; ok++ {
		l, r := 0, ok
		pivot := a[ok]
		for l < r {
			m := (l + r) >> 1
			less, err := ms.lt(pivot, a[m])
			if err != nil {
				return err
			}
			if less {
				r = m
			} else {
				l = m + 1
			}
		}
		copy(a[l+1:ok+1], a[l:ok])
		a[l] = pivot
		if v != nil {
			vp := v[ok]
			copy(v[l+1:ok+1], v[l:ok])
			v[l] = vp
		}
	}
	return nil
}

// countRun returns the length of the run starting at lo (at most
// remaining long), making it ascending in place (3.13's count_run).
func (ms *mergeState) countRun(lo, remaining int) (int, error) {
	a := ms.keys[lo:]
	less := ms.lt
	n := 1
	for ; n < remaining; n++ {
		s, err := less(a[n], a[n-1])
		if err != nil {
			return 0, err
		}
		if s {
			break
		}
	}
	if n == remaining {
		return n, nil
	}
	if n > 1 {
		s, err := less(a[0], a[n-1])
		if err != nil {
			return 0, err
		}
		if s {
			return n, nil
		}
		ms.reverseRange(lo, n)
	}
	n++
	neq := 0
	reverseLastNeq := func() {
		if neq > 0 {
			neq++
			ms.reverseRange(lo+n-neq, neq)
			neq = 0
		}
	}
	for ; n < remaining; n++ {
		s, err := less(a[n], a[n-1])
		if err != nil {
			return 0, err
		}
		if s {
			reverseLastNeq()
			continue
		}
		g, err := less(a[n-1], a[n])
		if err != nil {
			return 0, err
		}
		if g {
			break
		}
		neq++
	}
	reverseLastNeq()
	ms.reverseRange(lo, n)
	for ; n < remaining; n++ {
		s, err := less(a[n], a[n-1])
		if err != nil {
			return 0, err
		}
		if s {
			break
		}
	}
	return n, nil
}

// gallopLeft returns k in 0..n with a[k-1] < key <= a[k], searching from
// hint (gallop_left).
func (ms *mergeState) gallopLeft(key Value, a []Value, n, hint int) (int, error) {
	lastofs, ofs := 0, 1
	less := ms.lt
	s, err := less(a[hint], key)
	if err != nil {
		return -1, err
	}
	if s {
		maxofs := n - hint
		for ofs < maxofs {
			s, err := less(a[hint+ofs], key)
			if err != nil {
				return -1, err
			}
			if !s {
				break
			}
			lastofs = ofs
			ofs = ofs<<1 + 1
		}
		if ofs > maxofs {
			ofs = maxofs
		}
		lastofs += hint
		ofs += hint
	} else {
		maxofs := hint + 1
		for ofs < maxofs {
			s, err := less(a[hint-ofs], key)
			if err != nil {
				return -1, err
			}
			if s {
				break
			}
			lastofs = ofs
			ofs = ofs<<1 + 1
		}
		if ofs > maxofs {
			ofs = maxofs
		}
		k := lastofs
		lastofs = hint - ofs
		ofs = hint - k
	}
	lastofs++
	for lastofs < ofs {
		m := lastofs + (ofs-lastofs)>>1
		s, err := less(a[m], key)
		if err != nil {
			return -1, err
		}
		if s {
			lastofs = m + 1
		} else {
			ofs = m
		}
	}
	return ofs, nil
}

// gallopRight returns k in 0..n with a[k-1] <= key < a[k] (gallop_right).
func (ms *mergeState) gallopRight(key Value, a []Value, n, hint int) (int, error) {
	lastofs, ofs := 0, 1
	less := ms.lt
	s, err := less(key, a[hint])
	if err != nil {
		return -1, err
	}
	if s {
		maxofs := hint + 1
		for ofs < maxofs {
			s, err := less(key, a[hint-ofs])
			if err != nil {
				return -1, err
			}
			if !s {
				break
			}
			lastofs = ofs
			ofs = ofs<<1 + 1
		}
		if ofs > maxofs {
			ofs = maxofs
		}
		k := lastofs
		lastofs = hint - ofs
		ofs = hint - k
	} else {
		maxofs := n - hint
		for ofs < maxofs {
			s, err := less(key, a[hint+ofs])
			if err != nil {
				return -1, err
			}
			if s {
				break
			}
			lastofs = ofs
			ofs = ofs<<1 + 1
		}
		if ofs > maxofs {
			ofs = maxofs
		}
		lastofs += hint
		ofs += hint
	}
	lastofs++
	for lastofs < ofs {
		m := lastofs + (ofs-lastofs)>>1
		s, err := less(key, a[m])
		if err != nil {
			return -1, err
		}
		if s {
			ofs = m
		} else {
			lastofs = m + 1
		}
	}
	return ofs, nil
}

// getmem makes the temporary arrays hold at least need entries.
func (ms *mergeState) getmem(need int) {
	if need <= len(ms.tmpKeys) {
		return
	}
	ms.tmpKeys = make([]Value, need)
	if ms.values != nil {
		ms.tmpValues = make([]Value, need)
	}
}

// mergeLo merges the na entries at pa with the nb entries at pb = pa+na,
// na <= nb, copying run a to the temporary array (merge_lo).
func (ms *mergeState) mergeLo(pa, na, pb, nb int) error {
	ms.getmem(na)
	keys, vals := ms.keys, ms.values
	tk, tv := ms.tmpKeys, ms.tmpValues
	copy(tk, keys[pa:pa+na])
	if vals != nil {
		copy(tv, vals[pa:pa+na])
	}
	dest := pa
	a := 0 // index into the temporary array
	b := pb
	move := func(d, s int, fromTmp bool) {
		if fromTmp {
			keys[d] = tk[s]
			if vals != nil {
				vals[d] = tv[s]
			}
		} else {
			keys[d] = keys[s]
			if vals != nil {
				vals[d] = vals[s]
			}
		}
	}
	var err error
	minGallop := ms.minGallop
	move(dest, b, false)
	dest++
	b++
	nb--
	if nb == 0 {
		goto succeed
	}
	if na == 1 {
		goto copyB
	}
	for {
		acount, bcount := 0, 0
		for {
			var s bool
			s, err = ms.lt(keys[b], tk[a])
			if err != nil {
				goto fail
			}
			if s {
				move(dest, b, false)
				dest++
				b++
				bcount++
				acount = 0
				nb--
				if nb == 0 {
					goto succeed
				}
				if bcount >= minGallop {
					break
				}
			} else {
				move(dest, a, true)
				dest++
				a++
				acount++
				bcount = 0
				na--
				if na == 1 {
					goto copyB
				}
				if acount >= minGallop {
					break
				}
			}
		}
		minGallop++
		for {
			if minGallop > 1 {
				minGallop--
			}
			ms.minGallop = minGallop
			var k int
			k, err = ms.gallopRight(keys[b], tk[a:], na, 0)
			if err != nil {
				goto fail
			}
			acount = k
			if k > 0 {
				copy(keys[dest:dest+k], tk[a:a+k])
				if vals != nil {
					copy(vals[dest:dest+k], tv[a:a+k])
				}
				dest += k
				a += k
				na -= k
				if na == 1 {
					goto copyB
				}
				if na == 0 {
					goto succeed
				}
			}
			move(dest, b, false)
			dest++
			b++
			nb--
			if nb == 0 {
				goto succeed
			}
			k, err = ms.gallopLeft(tk[a], keys[b:], nb, 0)
			if err != nil {
				goto fail
			}
			bcount = k
			if k > 0 {
				copy(keys[dest:dest+k], keys[b:b+k])
				if vals != nil {
					copy(vals[dest:dest+k], vals[b:b+k])
				}
				dest += k
				b += k
				nb -= k
				if nb == 0 {
					goto succeed
				}
			}
			move(dest, a, true)
			dest++
			a++
			na--
			if na == 1 {
				goto copyB
			}
			if acount < sortMinGallop && bcount < sortMinGallop {
				break
			}
		}
		minGallop++
		ms.minGallop = minGallop
	}
succeed:
	err = nil
fail:
	if na > 0 {
		copy(keys[dest:dest+na], tk[a:a+na])
		if vals != nil {
			copy(vals[dest:dest+na], tv[a:a+na])
		}
	}
	return err
copyB:
	copy(keys[dest:dest+nb], keys[b:b+nb])
	if vals != nil {
		copy(vals[dest:dest+nb], vals[b:b+nb])
	}
	move(dest+nb, a, true)
	return nil
}

// mergeHi merges the na entries at pa with the nb entries at pb = pa+na,
// na >= nb, copying run b to the temporary array and merging from the
// right (merge_hi).
func (ms *mergeState) mergeHi(pa, na, pb, nb int) error {
	ms.getmem(nb)
	keys, vals := ms.keys, ms.values
	tk, tv := ms.tmpKeys, ms.tmpValues
	copy(tk, keys[pb:pb+nb])
	if vals != nil {
		copy(tv, vals[pb:pb+nb])
	}
	dest := pb + nb - 1
	a := pa + na - 1 // last of run a, in place
	b := nb - 1      // last of run b, in the temporary array
	move := func(d, s int, fromTmp bool) {
		if fromTmp {
			keys[d] = tk[s]
			if vals != nil {
				vals[d] = tv[s]
			}
		} else {
			keys[d] = keys[s]
			if vals != nil {
				vals[d] = vals[s]
			}
		}
	}
	var err error
	minGallop := ms.minGallop
	move(dest, a, false)
	dest--
	a--
	na--
	if na == 0 {
		goto succeed
	}
	if nb == 1 {
		goto copyA
	}
	for {
		acount, bcount := 0, 0
		for {
			var s bool
			s, err = ms.lt(tk[b], keys[a])
			if err != nil {
				goto fail
			}
			if s {
				move(dest, a, false)
				dest--
				a--
				acount++
				bcount = 0
				na--
				if na == 0 {
					goto succeed
				}
				if acount >= minGallop {
					break
				}
			} else {
				move(dest, b, true)
				dest--
				b--
				bcount++
				acount = 0
				nb--
				if nb == 1 {
					goto copyA
				}
				if bcount >= minGallop {
					break
				}
			}
		}
		minGallop++
		for {
			if minGallop > 1 {
				minGallop--
			}
			ms.minGallop = minGallop
			var k int
			k, err = ms.gallopRight(tk[b], keys[pa:], na, na-1)
			if err != nil {
				goto fail
			}
			k = na - k
			acount = k
			if k > 0 {
				dest -= k
				a -= k
				copy(keys[dest+1:dest+1+k], keys[a+1:a+1+k])
				if vals != nil {
					copy(vals[dest+1:dest+1+k], vals[a+1:a+1+k])
				}
				na -= k
				if na == 0 {
					goto succeed
				}
			}
			move(dest, b, true)
			dest--
			b--
			nb--
			if nb == 1 {
				goto copyA
			}
			k, err = ms.gallopLeft(keys[a], tk, nb, nb-1)
			if err != nil {
				goto fail
			}
			k = nb - k
			bcount = k
			if k > 0 {
				dest -= k
				b -= k
				copy(keys[dest+1:dest+1+k], tk[b+1:b+1+k])
				if vals != nil {
					copy(vals[dest+1:dest+1+k], tv[b+1:b+1+k])
				}
				nb -= k
				if nb == 1 {
					goto copyA
				}
				if nb == 0 {
					goto succeed
				}
			}
			move(dest, a, false)
			dest--
			a--
			na--
			if na == 0 {
				goto succeed
			}
			if acount < sortMinGallop && bcount < sortMinGallop {
				break
			}
		}
		minGallop++
		ms.minGallop = minGallop
	}
succeed:
	err = nil
fail:
	if nb > 0 {
		copy(keys[dest-(nb-1):dest+1], tk[:nb])
		if vals != nil {
			copy(vals[dest-(nb-1):dest+1], tv[:nb])
		}
	}
	return err
copyA:
	// Run a's remaining na entries end at a; they go just below dest.
	copy(keys[dest-na+1:dest+1], keys[a-na+1:a+1])
	if vals != nil {
		copy(vals[dest-na+1:dest+1], vals[a-na+1:a+1])
	}
	dest -= na
	move(dest, b, true)
	return nil
}

// mergeAt merges the pending runs i and i+1 (merge_at).
func (ms *mergeState) mergeAt(i int) error {
	p := ms.pending
	pa, na := p[i].base, p[i].len
	pb, nb := p[i+1].base, p[i+1].len
	p[i].len = na + nb
	if i == len(p)-3 {
		p[i+1] = p[i+2]
	}
	ms.pending = p[:len(p)-1]

	k, err := ms.gallopRight(ms.keys[pb], ms.keys[pa:], na, 0)
	if err != nil {
		return err
	}
	pa += k
	na -= k
	if na == 0 {
		return nil
	}
	nb, err = ms.gallopLeft(ms.keys[pa+na-1], ms.keys[pb:], nb, nb-1)
	if err != nil || nb <= 0 {
		return err
	}
	if na <= nb {
		return ms.mergeLo(pa, na, pb, nb)
	}
	return ms.mergeHi(pa, na, pb, nb)
}

// powerloop computes the power of the run starting at s1 of length n1,
// followed by one of length n2, in a list of length n (powerloop).
func powerloop(s1, n1, n2, n int) int {
	result := 0
	a := 2*s1 + n1
	b := a + n1 + n2
	for {
		result++
		if a >= n {
			a -= n
			b -= n
		} else if b >= n {
			break
		}
		a <<= 1
		b <<= 1
	}
	return result
}

// foundNewRun applies the powersort merge policy when a run of length n2
// has been found (found_new_run).
func (ms *mergeState) foundNewRun(n2, n int) error {
	if len(ms.pending) == 0 {
		return nil
	}
	top := ms.pending[len(ms.pending)-1]
	power := powerloop(top.base, top.len, n2, n)
	for len(ms.pending) > 1 && ms.pending[len(ms.pending)-2].power > power {
		if err := ms.mergeAt(len(ms.pending) - 2); err != nil {
			return err
		}
	}
	ms.pending[len(ms.pending)-1].power = power
	return nil
}

// forceCollapse merges all pending runs (merge_force_collapse).
func (ms *mergeState) forceCollapse() error {
	for len(ms.pending) > 1 {
		n := len(ms.pending) - 2
		if n > 0 && ms.pending[n-1].len < ms.pending[n+1].len {
			n--
		}
		if err := ms.mergeAt(n); err != nil {
			return err
		}
	}
	return nil
}
