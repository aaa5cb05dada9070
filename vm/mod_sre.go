package vm

import (
	"fmt"
	"strings"
)

// The _sre module: re.Pattern, re.Match, the scanner and the replacement
// template over the engine of mod_sre_engine.go. re/_parser.py and
// re/_compiler.py (CPython's, in Python) parse and compile a pattern into
// the code these objects run.

var (
	srePatternType  = nativeType("re", "Pattern", nil, 0)
	sreMatchType    = nativeType("re", "Match", nil, 0)
	sreScannerType  = nativeType("_sre", "SRE_Scanner", nil, 0)
	sreTemplateType = nativeType("_sre", "SRE_Template", nil, 0)
)

// srePattern is a compiled regular expression (re.Pattern).
type srePattern struct {
	ObjectBase
	pattern    Value // the source: str, bytes or None
	flags      int64
	code       []uint32
	groups     int // capturing groups (not counting group 0)
	groupindex *Dict
	indexgroup *Tuple
	isBytes    bool
	hash       int64
	hashed     bool
}

// sreMatch is a match (re.Match).
type sreMatch struct {
	ObjectBase
	pattern   *srePattern
	str       Value // the subject as given
	subject   []rune
	marks     []int // 2*(groups+1) positions, -1 unset
	pos, end  int
	lastindex int
}

// sreScanner is what Pattern.scanner returns (and finditer iterates).
type sreScanner struct {
	ObjectBase
	pattern  *srePattern
	str      Value
	state    *sreState
	done     bool
	startPos int
}

// sreTemplate is a parsed replacement template.
type sreTemplate struct {
	ObjectBase
	literal Value
	items   []sreTemplateItem
}

type sreTemplateItem struct {
	index   int
	literal Value // NULL when empty
}

func init() {
	weakrefableNative[srePatternType] = true
	onSetup(setupSre)
	RegisterModule("_sre", func(t *Thread, m *Module) error {
		m.Set("MAGIC", Int(20230612))
		m.Set("CODESIZE", Int(4))
		m.Set("MAXREPEAT", Int(sreMaxRepeat))
		m.Set("MAXGROUPS", Int(sreMaxGroups))
		m.Set("copyright", NewStrValue(" SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB "))
		m.AddFunc("getcodesize", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return Int(4), noArgs(t, "getcodesize", args, kw)
		})
		charFn := func(name string, f func(c rune) Value) {
			m.AddFunc(name, func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
				if err := oneArg(t, name, args, kw); err != nil {
					return Null, err
				}
				n, err := AsSize(t, args[0], OverflowErrorType)
				if err != nil {
					return Null, err
				}
				return f(rune(n)), nil
			})
		}
		charFn("ascii_iscased", func(c rune) Value {
			return Bool(c < 128 && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
		})
		charFn("unicode_iscased", func(c rune) Value { return Bool(c != sreLowerUnicode(c) || c != sreUpperUnicode(c)) })
		charFn("ascii_tolower", func(c rune) Value { return Int(int64(sreLowerASCII(c))) })
		charFn("unicode_tolower", func(c rune) Value { return Int(int64(sreLowerUnicode(c))) })
		m.AddFunc("compile", sreCompile)
		m.AddFunc("template", sreTemplateNew)
		return nil
	})
}

var sreCompileSpec = ArgSpec{Name: "compile", Params: []string{"pattern", "flags", "code", "groups", "groupindex", "indexgroup"}, Required: 6}

func sreCompile(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
	var a [6]Value
	if err := clinicArgs(t, &sreCompileSpec, args, kw, a[:]); err != nil {
		return Null, err
	}
	flags, err := AsSize(t, a[1], OverflowErrorType)
	if err != nil {
		return Null, err
	}
	l, ok := a[2].o.(*List)
	if !ok {
		return Null, t.typeErrorf("compile() argument 'code' must be list, not %s", typeName(a[2]))
	}
	code := make([]uint32, len(l.items))
	for i, v := range l.items {
		n, err := unsignedLongArg(t, v)
		if err != nil {
			return Null, err
		}
		if n > 0xffffffff {
			return Null, t.raise(OverflowErrorType, "regular expression code size limit exceeded")
		}
		code[i] = uint32(n)
	}
	groups, err := AsSize(t, a[3], OverflowErrorType)
	if err != nil {
		return Null, err
	}
	gi, ok := a[4].o.(*Dict)
	if !ok {
		return Null, t.typeErrorf("compile() argument 'groupindex' must be dict, not %s", typeName(a[4]))
	}
	ig, ok := a[5].o.(*Tuple)
	if !ok {
		return Null, t.typeErrorf("compile() argument 'indexgroup' must be tuple, not %s", typeName(a[5]))
	}
	p := &srePattern{ObjectBase: ObjectBase{cls: srePatternType}, pattern: a[0], flags: int64(flags), code: code,
		groups: groups, groupindex: gi.Copy(), indexgroup: ig}
	_, p.isBytes = a[0].o.(*Bytes)
	return Value{o: p}, nil
}

func sreTemplateNew(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
	if err := checkPositional(t, "template", args, kw, 2, 2); err != nil {
		return Null, err
	}
	l, ok := args[1].o.(*List)
	if !ok {
		return Null, t.typeErrorf("template() argument 2 must be list, not %s", typeName(args[1]))
	}
	n := len(l.items)
	if n&1 == 0 || n < 1 {
		return Null, t.typeErrorf("invalid template")
	}
	tpl := &sreTemplate{ObjectBase: ObjectBase{cls: sreTemplateType}, literal: l.items[0]}
	for i := 0; i < n/2; i++ {
		idx, err := AsSize(t, l.items[2*i+1], OverflowErrorType)
		if err != nil {
			if e := asException(err); e != nil && e.cls.IsSubtype(TypeErrorType) {
				return Null, t.typeErrorf("an integer is required")
			}
			return Null, err
		}
		if idx < 0 {
			return Null, t.typeErrorf("invalid template")
		}
		lit := l.items[2*i+2]
		if s, ok := lit.o.(*Str); ok && s.n == 0 {
			lit = Null
		} else if b, ok := lit.o.(*Bytes); ok && len(b.b) == 0 {
			lit = Null
		}
		tpl.items = append(tpl.items, sreTemplateItem{index: idx, literal: lit})
	}
	return Value{o: tpl}, nil
}

// subjectOf checks a subject's kind against the pattern and returns its
// characters.
func (p *srePattern) subjectOf(t *Thread, v Value) ([]rune, error) {
	switch o := v.o.(type) {
	case *Str:
		if p.isBytes {
			return nil, t.typeErrorf("cannot use a bytes pattern on a string-like object")
		}
		return o.Runes(), nil
	case *Bytes, *ByteArray:
		if !p.isBytes && !p.pattern.IsNone() {
			return nil, t.typeErrorf("cannot use a string pattern on a bytes-like object")
		}
		b, _ := bufferBytesOf(v)
		rs := make([]rune, len(b))
		for i, c := range b {
			rs[i] = rune(c)
		}
		return rs, nil
	}
	return nil, t.typeErrorf("expected string or bytes-like object, got '%s'", typeName(v))
}

// newState prepares a match or search over s between pos and endpos.
func (p *srePattern) newState(t *Thread, s []rune, pos, endpos int) *sreState {
	n := len(s)
	pos = min(max(pos, 0), n)
	endpos = min(max(endpos, 0), n)
	return &sreState{t: t, code: p.code, s: s, start: pos, end: endpos, lastmark: -1, lastindex: -1, isBytes: p.isBytes}
}

// slice returns s[a:b] as the subject's kind.
func (p *srePattern) slice(s []rune, a, b int) Value {
	if p.isBytes {
		out := make([]byte, b-a)
		for i := a; i < b; i++ {
			out[i-a] = byte(s[i])
		}
		return Value{o: NewBytes(out)}
	}
	return NewStrValue(string(s[a:b]))
}

func (p *srePattern) empty() Value {
	if p.isBytes {
		return Value{o: NewBytes(nil)}
	}
	return NewStrValue("")
}

// newMatch makes the Match of a successful match or search.
func (p *srePattern) newMatch(st *sreState, str Value, pos, endpos int) *sreMatch {
	m := &sreMatch{ObjectBase: ObjectBase{cls: sreMatchType}, pattern: p, str: str, subject: st.s,
		pos: pos, end: endpos, lastindex: st.lastindex}
	m.marks = make([]int, 2*(p.groups+1))
	m.marks[0], m.marks[1] = st.start, st.ptr
	for i, j := 0, 0; i < p.groups; i, j = i+1, j+2 {
		if j+1 <= st.lastmark && st.mark(j) >= 0 && st.mark(j+1) >= 0 {
			m.marks[j+2], m.marks[j+3] = st.mark(j), st.mark(j+1)
		} else {
			m.marks[j+2], m.marks[j+3] = -1, -1
		}
	}
	return m
}

// sreError turns an engine error code into CPython's exception.
func sreError(t *Thread, code int) error {
	switch code {
	case sreErrorState:
		return t.raise(RuntimeErrorType, "internal error in regular expression engine")
	}
	return t.raise(RuntimeErrorType, "internal error in regular expression engine")
}

var (
	sreMatchSpec = ArgSpec{Name: "match", Params: []string{"string", "pos", "endpos"}, Required: 1}
	sreSplitSpec = ArgSpec{Name: "split", Params: []string{"string", "maxsplit"}, Required: 1}
	sreSubSpec   = ArgSpec{Name: "sub", Params: []string{"repl", "string", "count"}, Required: 2}
)

// srePosArgs parses (string, pos=0, endpos=maxsize).
func srePosArgs(t *Thread, name string, args []Value, kw []*Str) (Value, int, int, error) {
	spec := sreMatchSpec
	spec.Name = name
	var a [3]Value
	if err := clinicArgs(t, &spec, args, kw, a[:]); err != nil {
		return Null, 0, 0, err
	}
	pos, endpos := 0, int(^uint(0)>>1)
	var err error
	if !a[1].IsNull() {
		if pos, err = AsSize(t, a[1], nil); err != nil {
			return Null, 0, 0, err
		}
	}
	if !a[2].IsNull() {
		if endpos, err = AsSize(t, a[2], nil); err != nil {
			return Null, 0, 0, err
		}
	}
	return a[0], pos, endpos, nil
}

func setupSre() {
	pt := srePatternType
	get := func(v Value) *srePattern { return v.o.(*srePattern) }
	matcher := func(name string, kind int) MethodDef {
		return MethodDef{Name: name, Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			p := get(self)
			str, pos, endpos, err := srePosArgs(t, name, args, kw)
			if err != nil {
				return Null, err
			}
			s, err := p.subjectOf(t, str)
			if err != nil {
				return Null, err
			}
			st := p.newState(t, s, pos, endpos)
			st.ptr = st.start
			var r int
			switch kind {
			case 0:
				r, err = st.match(0, true)
			case 1:
				st.matchAll = true
				r, err = st.match(0, true)
			default:
				r, err = st.search()
			}
			if err != nil {
				return Null, err
			}
			if r < 0 {
				return Null, sreError(t, r)
			}
			if r == 0 {
				return None, nil
			}
			return Value{o: p.newMatch(st, str, min(max(pos, 0), len(s)), min(max(endpos, 0), len(s)))}, nil
		}}
	}
	defMethods(pt,
		matcher("match", 0),
		matcher("fullmatch", 1),
		matcher("search", 2),
		MethodDef{Name: "findall", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			p := get(self)
			str, pos, endpos, err := srePosArgs(t, "findall", args, kw)
			if err != nil {
				return Null, err
			}
			s, err := p.subjectOf(t, str)
			if err != nil {
				return Null, err
			}
			st := p.newState(t, s, pos, endpos)
			out := NewList()
			for st.start <= st.end {
				st.reset()
				st.ptr = st.start
				r, err := st.search()
				if err != nil {
					return Null, err
				}
				if r < 0 {
					return Null, sreError(t, r)
				}
				if r == 0 {
					break
				}
				switch p.groups {
				case 0:
					out.items = append(out.items, p.slice(s, st.start, st.ptr))
				case 1:
					out.items = append(out.items, p.stateGroup(st, 1, true))
				default:
					items := make([]Value, p.groups)
					for i := range items {
						items[i] = p.stateGroup(st, i+1, true)
					}
					out.items = append(out.items, Value{o: NewTuple(items...)})
				}
				st.mustAdv = st.ptr == st.start
				st.start = st.ptr
			}
			return Value{o: out}, nil
		}},
		MethodDef{Name: "finditer", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			sc, err := newScanner(t, get(self), "finditer", args, kw)
			if err != nil {
				return Null, err
			}
			search, err := GetAttrString(t, sc, "search")
			if err != nil {
				return Null, err
			}
			return Value{o: &callableIter{ObjectBase: ObjectBase{cls: callableIterType}, fn: search, sentinel: None}}, nil
		}},
		MethodDef{Name: "scanner", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return newScanner(t, get(self), "scanner", args, kw)
		}},
		MethodDef{Name: "split", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			var a [2]Value
			if err := clinicArgs(t, &sreSplitSpec, args, kw, a[:]); err != nil {
				return Null, err
			}
			maxsplit := 0
			if !a[1].IsNull() {
				n, err := AsSize(t, a[1], nil)
				if err != nil {
					return Null, err
				}
				maxsplit = n
			}
			return get(self).split(t, a[0], maxsplit)
		}},
		MethodDef{Name: "sub", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return get(self).subArgs(t, self, "sub", args, kw, false)
		}},
		MethodDef{Name: "subn", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return get(self).subArgs(t, self, "subn", args, kw, true)
		}},
		MethodDef{Name: "__copy__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return self, nil
		}},
		MethodDef{Name: "__deepcopy__", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return self, nil
		}},
		MethodDef{Name: "__class_getitem__", Class: true, Fn: classGetItemAlias},
	)
	defGetSet(pt, "pattern", func(t *Thread, self Value) (Value, error) { return get(self).pattern, nil }, nil)
	defGetSet(pt, "flags", func(t *Thread, self Value) (Value, error) { return Int(get(self).flags), nil }, nil)
	defGetSet(pt, "groups", func(t *Thread, self Value) (Value, error) { return Int(int64(get(self).groups)), nil }, nil)
	defGetSet(pt, "groupindex", func(t *Thread, self Value) (Value, error) {
		return Value{o: NewMappingProxy(Value{o: get(self).groupindex.Copy()})}, nil
	}, nil)
	pt.Repr = func(t *Thread, v Value) (Value, error) {
		p := get(v)
		r, err := Repr(t, p.pattern)
		if err != nil {
			return Null, err
		}
		rs := r.Runes()
		if len(rs) > 200 {
			rs = rs[:200]
		}
		flags := p.flags
		if !p.isBytes && flags&(4|32|256) == 32 {
			flags &^= 32
		}
		if flags == 0 {
			return NewStrValue("re.compile(" + string(rs) + ")"), nil
		}
		names := []struct {
			name string
			v    int64
		}{{"re.IGNORECASE", 2}, {"re.LOCALE", 4}, {"re.MULTILINE", 8}, {"re.DOTALL", 16}, {"re.UNICODE", 32}, {"re.VERBOSE", 64}, {"re.DEBUG", 128}, {"re.ASCII", 256}}
		var parts []string
		for _, n := range names {
			if flags&n.v != 0 {
				parts = append(parts, n.name)
				flags &^= n.v
			}
		}
		if flags != 0 {
			parts = append(parts, fmt.Sprintf("0x%x", flags))
		}
		return NewStrValue("re.compile(" + string(rs) + ", " + strings.Join(parts, "|") + ")"), nil
	}
	pt.Compare = func(t *Thread, a, b Value, op CompareOp) (Value, error) {
		if op != EQ && op != NE {
			return NotImplemented, nil
		}
		pb, ok := b.o.(*srePattern)
		if !ok {
			return NotImplemented, nil
		}
		pa := get(a)
		eq := pa == pb
		if !eq && pa.flags == pb.flags && pa.isBytes == pb.isBytes && len(pa.code) == len(pb.code) {
			eq = true
			for i := range pa.code {
				if pa.code[i] != pb.code[i] {
					eq = false
					break
				}
			}
			if eq {
				e, err := RichCompareBool(t, pa.pattern, pb.pattern, EQ)
				if err != nil {
					return Null, err
				}
				eq = e
			}
		}
		return Bool(eq == (op == EQ)), nil
	}
	pt.Hash = func(t *Thread, v Value) (int64, error) {
		p := get(v)
		if !p.hashed {
			h, err := Hash(t, p.pattern)
			if err != nil {
				return 0, err
			}
			for _, c := range p.code {
				h = h*1000003 ^ int64(c)
			}
			h ^= p.flags
			if h == -1 {
				h = -2
			}
			p.hash, p.hashed = h, true
		}
		return p.hash, nil
	}

	setupSreMatch()

	st := sreScannerType
	scan := func(name string, search bool) MethodDef {
		return MethodDef{Name: name, Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := noArgs(t, name, args, kw); err != nil {
				return Null, err
			}
			sc := self.o.(*sreScanner)
			if sc.done {
				return None, nil
			}
			state := sc.state
			state.reset()
			state.ptr = state.start
			var r int
			var err error
			if search {
				r, err = state.search()
			} else {
				r, err = state.match(0, true)
			}
			if err != nil {
				return Null, err
			}
			if r < 0 {
				return Null, sreError(t, r)
			}
			if r == 0 {
				sc.done = true
				return None, nil
			}
			m := sc.pattern.newMatch(state, sc.str, 0, state.end)
			m.pos = sc.pos()
			state.mustAdv = state.ptr == state.start
			state.start = state.ptr
			return Value{o: m}, nil
		}}
	}
	defMethods(st, scan("match", false), scan("search", true))
	defGetSet(st, "pattern", func(t *Thread, self Value) (Value, error) { return Value{o: self.o.(*sreScanner).pattern}, nil }, nil)
}

// pos is the scanner's initial position, the Match.pos of its matches.
func (sc *sreScanner) pos() int { return sc.startPos }

func newScanner(t *Thread, p *srePattern, name string, args []Value, kw []*Str) (Value, error) {
	str, pos, endpos, err := srePosArgs(t, name, args, kw)
	if err != nil {
		return Null, err
	}
	s, err := p.subjectOf(t, str)
	if err != nil {
		return Null, err
	}
	st := p.newState(t, s, pos, endpos)
	sc := &sreScanner{ObjectBase: ObjectBase{cls: sreScannerType}, pattern: p, str: str, state: st, startPos: st.start}
	return Value{o: sc}, nil
}

// stateGroup is state_getslice: group i of the state's match, the empty
// string (when empty) or None when it did not take part.
func (p *srePattern) stateGroup(st *sreState, i int, empty bool) Value {
	j := 2 * (i - 1)
	if j+1 > st.lastmark || st.mark(j) < 0 || st.mark(j+1) < 0 {
		if empty {
			return p.empty()
		}
		return None
	}
	return p.slice(st.s, st.mark(j), st.mark(j+1))
}

func (p *srePattern) split(t *Thread, str Value, maxsplit int) (Value, error) {
	s, err := p.subjectOf(t, str)
	if err != nil {
		return Null, err
	}
	st := p.newState(t, s, 0, len(s))
	out := NewList()
	n := 0
	last := st.start
	for maxsplit == 0 || n < maxsplit {
		st.reset()
		st.ptr = st.start
		r, err := st.search()
		if err != nil {
			return Null, err
		}
		if r < 0 {
			return Null, sreError(t, r)
		}
		if r == 0 {
			break
		}
		out.items = append(out.items, p.slice(s, last, st.start))
		for i := 0; i < p.groups; i++ {
			out.items = append(out.items, p.stateGroup(st, i+1, false))
		}
		n++
		st.mustAdv = st.ptr == st.start
		last, st.start = st.ptr, st.ptr
	}
	out.items = append(out.items, p.slice(s, last, len(s)))
	return Value{o: out}, nil
}

func (p *srePattern) subArgs(t *Thread, self Value, name string, args []Value, kw []*Str, subn bool) (Value, error) {
	spec := sreSubSpec
	spec.Name = name
	var a [3]Value
	if err := clinicArgs(t, &spec, args, kw, a[:]); err != nil {
		return Null, err
	}
	count := 0
	if !a[2].IsNull() {
		n, err := AsSize(t, a[2], nil)
		if err != nil {
			return Null, err
		}
		count = n
	}
	return p.sub(t, self, a[0], a[1], count, subn)
}

// sub is pattern_subx.
func (p *srePattern) sub(t *Thread, self, repl, str Value, count int, subn bool) (Value, error) {
	const (
		literal = iota
		callable
		template
	)
	kind := literal
	filter := repl
	if isCallable(repl) {
		kind = callable
	} else {
		isLit := false
		switch o := repl.o.(type) {
		case *Str:
			isLit = !strings.ContainsRune(o.s, '\\')
		case *Bytes:
			isLit = !strings.ContainsRune(string(o.b), '\\')
		}
		if !isLit {
			reMod, err := t.importModule("re")
			if err != nil {
				return Null, err
			}
			f, err := callMethodName(t, reMod, "_compile_template", self, repl)
			if err != nil {
				return Null, err
			}
			tpl, ok := f.o.(*sreTemplate)
			if !ok {
				return Null, t.typeErrorf("expected SRE_Template, got %s", typeName(f))
			}
			if len(tpl.items) == 0 {
				filter = tpl.literal
			} else {
				filter = f
				kind = template
			}
		}
	}
	s, err := p.subjectOf(t, str)
	if err != nil {
		return Null, err
	}
	st := p.newState(t, s, 0, len(s))
	var pieces []Value
	n, i := 0, 0
	for count == 0 || n < count {
		st.reset()
		st.ptr = st.start
		r, err := st.search()
		if err != nil {
			return Null, err
		}
		if r < 0 {
			return Null, sreError(t, r)
		}
		if r == 0 {
			break
		}
		b, e := st.start, st.ptr
		if i < b {
			pieces = append(pieces, p.slice(s, i, b))
		}
		var item Value
		switch kind {
		case callable:
			m := p.newMatch(st, str, 0, len(s))
			item, err = t.Call(filter, []Value{{o: m}}, nil)
			if err != nil {
				return Null, err
			}
		case template:
			m := p.newMatch(st, str, 0, len(s))
			item, err = m.expand(t, filter.o.(*sreTemplate))
			if err != nil {
				return Null, err
			}
		default:
			item = filter
		}
		if !item.IsNone() {
			pieces = append(pieces, item)
		}
		i = e
		n++
		st.mustAdv = st.ptr == st.start
		st.start = st.ptr
	}
	if i < len(s) {
		pieces = append(pieces, p.slice(s, i, len(s)))
	}
	joined, err := p.join(t, pieces)
	if err != nil {
		return Null, err
	}
	if subn {
		return Value{o: NewTuple(joined, Int(int64(n)))}, nil
	}
	return joined, nil
}

// join concatenates pieces as str.join or bytes.join would, with their
// messages for a piece of the wrong type.
func (p *srePattern) join(t *Thread, pieces []Value) (Value, error) {
	if p.isBytes {
		var b []byte
		for i, x := range pieces {
			bb, ok := bufferBytesOf(x)
			if !ok {
				return Null, t.typeErrorf("sequence item %d: expected a bytes-like object, %s found", i, typeName(x))
			}
			b = append(b, bb...)
		}
		return Value{o: NewBytes(b)}, nil
	}
	var sb strings.Builder
	for i, x := range pieces {
		s, ok := x.o.(*Str)
		if !ok {
			return Null, t.typeErrorf("sequence item %d: expected str instance, %s found", i, typeName(x))
		}
		sb.WriteString(s.s)
	}
	return NewStrValue(sb.String()), nil
}

// Match.

func setupSreMatch() {
	mt := sreMatchType
	get := func(v Value) *sreMatch { return v.o.(*sreMatch) }
	m := func(name string, fn func(t *Thread, mm *sreMatch, args []Value, kw []*Str) (Value, error)) MethodDef {
		return MethodDef{Name: name, Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return fn(t, get(self), args, kw)
		}}
	}
	groupArg := func(t *Thread, name string, mm *sreMatch, args []Value, kw []*Str) (int, error) {
		if err := checkPositional(t, name, args, kw, 0, 1); err != nil {
			return 0, err
		}
		if len(args) == 0 {
			return 0, nil
		}
		return mm.index(t, args[0])
	}
	defMethods(mt,
		m("group", func(t *Thread, mm *sreMatch, args []Value, kw []*Str) (Value, error) {
			if err := noKwargs(t, "group", kw); err != nil {
				return Null, err
			}
			switch len(args) {
			case 0:
				return mm.group(0, None), nil
			case 1:
				i, err := mm.index(t, args[0])
				if err != nil {
					return Null, err
				}
				return mm.group(i, None), nil
			}
			out := make([]Value, len(args))
			for k, a := range args {
				i, err := mm.index(t, a)
				if err != nil {
					return Null, err
				}
				out[k] = mm.group(i, None)
			}
			return Value{o: NewTuple(out...)}, nil
		}),
		m("groups", func(t *Thread, mm *sreMatch, args []Value, kw []*Str) (Value, error) {
			spec := ArgSpec{Name: "groups", Params: []string{"default"}}
			var a [1]Value
			if err := clinicArgs(t, &spec, args, kw, a[:]); err != nil {
				return Null, err
			}
			def := None
			if !a[0].IsNull() {
				def = a[0]
			}
			out := make([]Value, mm.pattern.groups)
			for i := range out {
				out[i] = mm.group(i+1, def)
			}
			return Value{o: NewTuple(out...)}, nil
		}),
		m("groupdict", func(t *Thread, mm *sreMatch, args []Value, kw []*Str) (Value, error) {
			spec := ArgSpec{Name: "groupdict", Params: []string{"default"}}
			var a [1]Value
			if err := clinicArgs(t, &spec, args, kw, a[:]); err != nil {
				return Null, err
			}
			def := None
			if !a[0].IsNull() {
				def = a[0]
			}
			d := NewDict()
			var err error
			mm.pattern.groupindex.Items(func(k, v Value) bool {
				var i int
				i, err = mm.index(t, k)
				if err != nil {
					return false
				}
				err = d.Set(t, k, mm.group(i, def))
				return err == nil
			})
			if err != nil {
				return Null, err
			}
			return Value{o: d}, nil
		}),
		m("start", func(t *Thread, mm *sreMatch, args []Value, kw []*Str) (Value, error) {
			i, err := groupArg(t, "start", mm, args, kw)
			if err != nil {
				return Null, err
			}
			return Int(int64(mm.marks[2*i])), nil
		}),
		m("end", func(t *Thread, mm *sreMatch, args []Value, kw []*Str) (Value, error) {
			i, err := groupArg(t, "end", mm, args, kw)
			if err != nil {
				return Null, err
			}
			return Int(int64(mm.marks[2*i+1])), nil
		}),
		m("span", func(t *Thread, mm *sreMatch, args []Value, kw []*Str) (Value, error) {
			i, err := groupArg(t, "span", mm, args, kw)
			if err != nil {
				return Null, err
			}
			return Value{o: NewTuple(Int(int64(mm.marks[2*i])), Int(int64(mm.marks[2*i+1])))}, nil
		}),
		m("expand", func(t *Thread, mm *sreMatch, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "expand", args, kw); err != nil {
				return Null, err
			}
			reMod, err := t.importModule("re")
			if err != nil {
				return Null, err
			}
			f, err := callMethodName(t, reMod, "_compile_template", Value{o: mm.pattern}, args[0])
			if err != nil {
				return Null, err
			}
			tpl, ok := f.o.(*sreTemplate)
			if !ok {
				return Null, t.typeErrorf("expected SRE_Template, got %s", typeName(f))
			}
			return mm.expand(t, tpl)
		}),
		m("__copy__", func(t *Thread, mm *sreMatch, args []Value, kw []*Str) (Value, error) {
			return Value{o: mm}, nil
		}),
		m("__deepcopy__", func(t *Thread, mm *sreMatch, args []Value, kw []*Str) (Value, error) {
			return Value{o: mm}, nil
		}),
		MethodDef{Name: "__class_getitem__", Class: true, Fn: classGetItemAlias},
	)
	mt.GetItem = func(t *Thread, v, key Value) (Value, error) {
		mm := get(v)
		i, err := mm.index(t, key)
		if err != nil {
			return Null, err
		}
		return mm.group(i, None), nil
	}
	mt.Repr = func(t *Thread, v Value) (Value, error) {
		mm := get(v)
		r, err := Repr(t, mm.group(0, None))
		if err != nil {
			return Null, err
		}
		rs := r.Runes()
		if len(rs) > 50 {
			rs = rs[:50]
		}
		return NewStrValue(fmt.Sprintf("<%s object; span=(%d, %d), match=%s>", v.Type().fullName(), mm.marks[0], mm.marks[1], string(rs))), nil
	}
	defGetSet(mt, "string", func(t *Thread, self Value) (Value, error) { return get(self).str, nil }, nil)
	defGetSet(mt, "re", func(t *Thread, self Value) (Value, error) { return Value{o: get(self).pattern}, nil }, nil)
	defGetSet(mt, "pos", func(t *Thread, self Value) (Value, error) { return Int(int64(get(self).pos)), nil }, nil)
	defGetSet(mt, "endpos", func(t *Thread, self Value) (Value, error) { return Int(int64(get(self).end)), nil }, nil)
	defGetSet(mt, "lastindex", func(t *Thread, self Value) (Value, error) {
		mm := get(self)
		if mm.lastindex < 0 {
			return None, nil
		}
		return Int(int64(mm.lastindex)), nil
	}, nil)
	defGetSet(mt, "lastgroup", func(t *Thread, self Value) (Value, error) {
		mm := get(self)
		if mm.lastindex < 0 || mm.lastindex >= len(mm.pattern.indexgroup.items) {
			return None, nil
		}
		return mm.pattern.indexgroup.items[mm.lastindex], nil
	}, nil)
	defGetSet(mt, "regs", func(t *Thread, self Value) (Value, error) {
		mm := get(self)
		out := make([]Value, mm.pattern.groups+1)
		for i := range out {
			out[i] = Value{o: NewTuple(Int(int64(mm.marks[2*i])), Int(int64(mm.marks[2*i+1])))}
		}
		return Value{o: NewTuple(out...)}, nil
	}, nil)
}

// index is match_getindex: a group number or name to its number.
func (mm *sreMatch) index(t *Thread, v Value) (int, error) {
	i := -1
	if hasIndex(v) {
		n, err := AsSize(t, v, nil)
		if err != nil {
			return 0, err
		}
		i = n
	} else {
		r, ok, err := mm.pattern.groupindex.Get(t, v)
		if err != nil {
			return 0, err
		}
		if ok && r.IsSmallInt() {
			i = int(r.SmallInt())
		}
	}
	if i < 0 || i > mm.pattern.groups {
		return 0, t.raise(IndexErrorType, "no such group")
	}
	return i, nil
}

// group returns group i's text, or def when it did not take part.
func (mm *sreMatch) group(i int, def Value) Value {
	a, b := mm.marks[2*i], mm.marks[2*i+1]
	if a < 0 || b < 0 {
		return def
	}
	return mm.pattern.slice(mm.subject, a, b)
}

// expand is expand_template: the template's literals and groups joined
// (a group that did not take part contributes nothing).
func (mm *sreMatch) expand(t *Thread, tpl *sreTemplate) (Value, error) {
	if len(tpl.items) == 0 {
		return tpl.literal, nil
	}
	pieces := []Value{tpl.literal}
	for _, it := range tpl.items {
		if it.index > mm.pattern.groups {
			return Null, t.raise(IndexErrorType, "no such group")
		}
		if g := mm.group(it.index, None); !g.IsNone() {
			pieces = append(pieces, g)
		}
		if !it.literal.IsNull() {
			pieces = append(pieces, it.literal)
		}
	}
	return mm.pattern.join(t, pieces)
}
