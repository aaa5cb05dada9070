package vm

import (
	"fmt"
	"math"
	"sync"
)

// The _csv module (Modules/_csv.c), which CPython's Lib/csv.py builds on:
// the Dialect type, the reader and writer objects, the dialect registry
// (register_dialect, get_dialect, unregister_dialect, list_dialects and
// the registry itself as _dialects), field_size_limit, the QUOTE_*
// constants (QUOTE_STRINGS and QUOTE_NOTNULL included) and Error.
//
// The reader is CPython's state machine, fed one code point at a time
// and an end-of-line mark after each line the input iterator yields; a
// record can span lines (a quoted newline), and line_num counts the lines
// read. The writer quotes or escapes each field as the dialect says and
// calls the file's write once per record. The registry and the field
// limit belong to the interpreter (csvState), as they belong to the
// module state in CPython; the types and Error are shared.

// Quoting styles, numbered as the QUOTE_* constants.
const (
	quoteMinimal = iota
	quoteAll
	quoteNonNumeric
	quoteNone
	quoteStrings
	quoteNotNull
)

// csvNotSet is a dialect character that is None.
const csvNotSet rune = -1

// csvEOL is the mark the reader is fed after each line.
const csvEOL rune = -2

// csvState is the per-interpreter state of _csv.
type csvState struct {
	dialects   *Dict
	fieldLimit int64
}

// csvDialect is a _csv.Dialect.
type csvDialect struct {
	ObjectBase
	doublequote      bool
	skipinitialspace bool
	strict           bool
	quoting          int
	delimiter        rune
	quotechar        rune
	escapechar       rune
	lineterminator   *Str
	slots            []Value
}

func (d *csvDialect) slotValues() []Value { return d.slots }

// csvParserState is the state of the reader's state machine.
type csvParserState int

const (
	csvStartRecord csvParserState = iota
	csvStartField
	csvEscapedChar
	csvInField
	csvInQuotedField
	csvEscapeInQuotedField
	csvQuoteInQuotedField
	csvEatCRNL
	csvAfterEscapedCRNL
)

// csvReader is a _csv.reader.
type csvReader struct {
	ObjectBase
	iter     Value
	dialect  *csvDialect
	st       *csvState
	fields   []Value
	state    csvParserState
	field    []byte // the current field, generalized UTF-8
	fieldLen int64  // its length in code points
	unquoted bool
	lineNum  uint64
}

// csvWriter is a _csv.writer.
type csvWriter struct {
	ObjectBase
	write   Value
	dialect *csvDialect
	rec     []byte
	nfields int
}

var (
	csvDialectType = nativeType("_csv", "Dialect", nil, FlagBaseType)
	csvReaderType  = nativeType("_csv", "reader", nil, FlagBaseType)
	csvWriterType  = nativeType("_csv", "writer", nil, FlagBaseType)
	csvErrorType   *Type
	csvErrorOnce   sync.Once

	csvDialectKws = []string{"dialect", "delimiter", "doublequote", "escapechar", "lineterminator", "quotechar", "quoting", "skipinitialspace", "strict"}

	csvFieldSizeLimitSpec = ArgSpec{Name: "field_size_limit", Params: []string{"new_limit"}}
	csvGetDialectSpec     = ArgSpec{Name: "get_dialect", Params: []string{"name"}, Required: 1}
	csvUnregisterSpec     = ArgSpec{Name: "unregister_dialect", Params: []string{"name"}, Required: 1}
)

const (
	csvModuleDoc = "CSV parsing and writing.\n"
	csvReaderDoc = "    csv_reader = reader(iterable [, dialect='excel']\n                        [optional keyword args])\n    for row in csv_reader:\n        process(row)\n\nThe \"iterable\" argument can be any object that returns a line\nof input for each iteration, such as a file object or a list.  The\noptional \"dialect\" parameter is discussed below.  The function\nalso accepts optional keyword arguments which override settings\nprovided by the dialect.\n\nThe returned object is an iterator.  Each iteration returns a row\nof the CSV file (which can span multiple input lines).\n"
	csvWriterDoc = "    csv_writer = csv.writer(fileobj [, dialect='excel']\n                            [optional keyword args])\n    for row in sequence:\n        csv_writer.writerow(row)\n\n    [or]\n\n    csv_writer = csv.writer(fileobj [, dialect='excel']\n                            [optional keyword args])\n    csv_writer.writerows(rows)\n\nThe \"fileobj\" argument can be any object that supports the file API.\n"
)

func init() {
	onSetup(setupCSV)
	RegisterModule("_csv", initCSV)
}

// csv returns the interpreter's _csv state.
func (t *Thread) csv() *csvState {
	st := t.std()
	if st.csv == nil {
		st.csv = &csvState{dialects: NewDict(), fieldLimit: 128 * 1024}
	}
	return st.csv
}

func (t *Thread) csvError(format string, args ...any) error {
	return NewException(csvErrorType, NewStrValue(fmt.Sprintf(format, args...)))
}

// unpackTupleArgs is PyArg_UnpackTuple(args, "", min, max) for the
// positional arguments of a call.
func unpackTupleArgs(t *Thread, name string, pos []Value, lo, hi int) error {
	if len(pos) < lo {
		return t.typeErrorf("%s expected at least %d argument%s, got %d", name, lo, plural(lo), len(pos))
	}
	if len(pos) > hi {
		return t.typeErrorf("%s expected at most %d argument%s, got %d", name, hi, plural(hi), len(pos))
	}
	return nil
}

// parseTupleAndKeywords is PyArg_ParseTupleAndKeywords with only optional
// object parameters and no function name ("|OOO…"), binding the call to
// out by the names kws.
func parseTupleAndKeywords(t *Thread, args []Value, kwnames []*Str, kws []string, out []Value) error {
	for i := range out {
		out[i] = Null
	}
	pos, kv := kwArgs(args, kwnames)
	if total := len(pos) + len(kwnames); total > len(kws) {
		kw := ""
		if len(pos) == 0 {
			kw = "keyword "
		}
		return t.typeErrorf("function takes at most %d %sargument%s (%d given)", len(kws), kw, plural(len(kws)), total)
	}
	copy(out, pos)
	used := 0
	for i, name := range kws {
		for k, kn := range kwnames {
			if kn.s != name {
				continue
			}
			if i < len(pos) {
				return t.typeErrorf("argument for function given by name ('%s') and position (%d)", name, i+1)
			}
			out[i] = kv[k]
			used++
		}
	}
	if used < len(kwnames) {
		for _, kn := range kwnames {
			known := false
			for _, name := range kws {
				if kn.s == name {
					known = true
				}
			}
			if !known {
				return t.typeErrorf("this function got an unexpected keyword argument '%s'", kn.s)
			}
		}
	}
	return nil
}

// csvSetChar is _set_char: a 1-character str.
func csvSetChar(t *Thread, name string, src Value, dflt rune) (rune, error) {
	if src.IsNull() {
		return dflt, nil
	}
	s, ok := src.o.(*Str)
	if !ok {
		return 0, t.typeErrorf("\"%s\" must be string, not %s", name, typeName(src))
	}
	if s.Len() != 1 {
		return 0, t.typeErrorf("\"%s\" must be a 1-character string", name)
	}
	return s.At(0), nil
}

// csvSetCharOrNone is _set_char_or_none: a 1-character str or None.
func csvSetCharOrNone(t *Thread, name string, src Value, dflt rune) (rune, error) {
	if src.IsNull() {
		return dflt, nil
	}
	if src.IsNone() {
		return csvNotSet, nil
	}
	s, ok := src.o.(*Str)
	if !ok {
		return 0, t.typeErrorf("\"%s\" must be string or None, not %s", name, typeName(src))
	}
	if s.Len() != 1 {
		return 0, t.typeErrorf("\"%s\" must be a 1-character string", name)
	}
	return s.At(0), nil
}

func csvSetBool(t *Thread, src Value, dflt bool) (bool, error) {
	if src.IsNull() {
		return dflt, nil
	}
	return Truth(t, src)
}

// containsRune reports whether the str s holds the code point r.
func containsRune(s *Str, r rune) bool {
	if r < 0 {
		return false
	}
	if s.ascii {
		return r < 0x80 && indexByte(s.s, byte(r)) >= 0
	}
	for i := 0; i < len(s.s); {
		c, n := decodeGeneralized(s.s[i:])
		if c == r {
			return true
		}
		i += n
	}
	return false
}

func indexByte(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// csvDialectNew is Dialect.__new__ (dialect_new).
func csvDialectNew(t *Thread, cls *Type, args []Value, kwnames []*Str) (Value, error) {
	var a [9]Value
	if err := parseTupleAndKeywords(t, args, kwnames, csvDialectKws, a[:]); err != nil {
		return Null, err
	}
	dialect := a[0]
	if !dialect.IsNull() {
		if _, ok := dialect.o.(*Str); ok {
			d, ok, err := t.csv().dialects.Get(t, dialect)
			if err != nil {
				return Null, err
			}
			if !ok {
				return Null, t.csvError("unknown dialect")
			}
			dialect = d
		}
		reuse := dialect.Type().IsSubtype(csvDialectType)
		for _, v := range a[1:] {
			if !v.IsNull() {
				reuse = false
			}
		}
		if reuse {
			return dialect, nil
		}
		for i := 1; i < len(a); i++ {
			if a[i].IsNull() {
				v, err := GetAttrString(t, dialect, csvDialectKws[i])
				if err == nil {
					a[i] = v
				}
			}
		}
	}
	d := &csvDialect{ObjectBase: ObjectBase{cls: cls}}
	if cls.nslots > 0 {
		d.slots = make([]Value, cls.nslots)
	}
	var err error
	if d.delimiter, err = csvSetChar(t, "delimiter", a[1], ','); err != nil {
		return Null, err
	}
	if d.doublequote, err = csvSetBool(t, a[2], true); err != nil {
		return Null, err
	}
	if d.escapechar, err = csvSetCharOrNone(t, "escapechar", a[3], csvNotSet); err != nil {
		return Null, err
	}
	switch lt := a[4]; {
	case lt.IsNull():
		d.lineterminator = NewStr("\r\n")
	case lt.IsNone():
	default:
		s, ok := lt.o.(*Str)
		if !ok {
			return Null, t.typeErrorf("\"lineterminator\" must be a string")
		}
		d.lineterminator = s
	}
	if d.quotechar, err = csvSetCharOrNone(t, "quotechar", a[5], '"'); err != nil {
		return Null, err
	}
	if q := a[6]; !q.IsNull() {
		if !isExactInt(q) {
			return Null, t.typeErrorf("\"quoting\" must be an integer")
		}
		n, ok := smallIntOf(q)
		if !ok || n > math.MaxInt32 || n < math.MinInt32 {
			return Null, t.raise(OverflowErrorType, "Python int too large to convert to C int")
		}
		d.quoting = int(n)
	}
	if d.skipinitialspace, err = csvSetBool(t, a[7], false); err != nil {
		return Null, err
	}
	if d.strict, err = csvSetBool(t, a[8], false); err != nil {
		return Null, err
	}
	if d.quoting < quoteMinimal || d.quoting > quoteNotNull {
		return Null, t.typeErrorf("bad \"quoting\" value")
	}
	if d.delimiter == csvNotSet {
		return Null, t.typeErrorf("\"delimiter\" must be a 1-character string")
	}
	if a[5].IsNone() && a[6].IsNull() {
		d.quoting = quoteNone
	}
	if d.quoting != quoteNone && d.quotechar == csvNotSet {
		return Null, t.typeErrorf("quotechar must be set if quoting enabled")
	}
	if d.lineterminator == nil {
		return Null, t.typeErrorf("lineterminator must be set")
	}
	checkChar := func(name string, c rune, allowSpace bool) error {
		if c == '\r' || c == '\n' || (c == ' ' && !allowSpace) {
			return t.valueErrorf("bad %s value", name)
		}
		if containsRune(d.lineterminator, c) {
			return t.valueErrorf("bad %s or lineterminator value", name)
		}
		return nil
	}
	checkPair := func(n1, n2 string, c1, c2 rune) error {
		if c1 == c2 && c1 != csvNotSet {
			return t.valueErrorf("bad %s or %s value", n1, n2)
		}
		return nil
	}
	if err := checkChar("delimiter", d.delimiter, true); err != nil {
		return Null, err
	}
	if err := checkChar("escapechar", d.escapechar, !d.skipinitialspace); err != nil {
		return Null, err
	}
	if err := checkChar("quotechar", d.quotechar, !d.skipinitialspace); err != nil {
		return Null, err
	}
	if err := checkPair("delimiter", "escapechar", d.delimiter, d.escapechar); err != nil {
		return Null, err
	}
	if err := checkPair("delimiter", "quotechar", d.delimiter, d.quotechar); err != nil {
		return Null, err
	}
	if err := checkPair("escapechar", "quotechar", d.escapechar, d.quotechar); err != nil {
		return Null, err
	}
	return Value{o: d}, nil
}

// callDialect is _call_dialect: Dialect(dialect, **kwargs).
func callDialect(t *Thread, dialect Value, kv []Value, kwnames []*Str) (*csvDialect, error) {
	args := make([]Value, 0, 1+len(kv))
	if !dialect.IsNull() {
		args = append(args, dialect)
	}
	args = append(args, kv...)
	r, err := t.Call(Value{o: csvDialectType}, args, kwnames)
	if err != nil {
		return nil, err
	}
	d, ok := r.o.(*csvDialect)
	if !ok {
		return nil, t.typeErrorf("dialect is not a _csv.Dialect")
	}
	return d, nil
}

func csvCharOrNone(c rune) Value {
	if c == csvNotSet {
		return None
	}
	return Value{o: StrFromRunes([]rune{c})}
}

func setupCSV() {
	dt := csvDialectType
	dt.Dict.SetStr("__doc__", NewStrValue("CSV dialect\n\nThe Dialect type records CSV parsing and generation options.\n"))
	dt.New = csvDialectNew
	dialectOf := func(v Value) *csvDialect { return v.o.(*csvDialect) }
	defGetSet(dt, "delimiter", func(t *Thread, self Value) (Value, error) { return csvCharOrNone(dialectOf(self).delimiter), nil }, nil)
	defGetSet(dt, "escapechar", func(t *Thread, self Value) (Value, error) { return csvCharOrNone(dialectOf(self).escapechar), nil }, nil)
	defGetSet(dt, "lineterminator", func(t *Thread, self Value) (Value, error) { return Value{o: dialectOf(self).lineterminator}, nil }, nil)
	defGetSet(dt, "quotechar", func(t *Thread, self Value) (Value, error) { return csvCharOrNone(dialectOf(self).quotechar), nil }, nil)
	defGetSet(dt, "quoting", func(t *Thread, self Value) (Value, error) { return Int(int64(dialectOf(self).quoting)), nil }, nil)
	defMember(dt, "skipinitialspace", func(t *Thread, self Value) (Value, error) { return Bool(dialectOf(self).skipinitialspace), nil })
	defMember(dt, "doublequote", func(t *Thread, self Value) (Value, error) { return Bool(dialectOf(self).doublequote), nil })
	defMember(dt, "strict", func(t *Thread, self Value) (Value, error) { return Bool(dialectOf(self).strict), nil })
	noPickle := func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return Null, t.typeErrorf("cannot pickle '%s' instances", shortName(self.Type()))
	}
	defMethods(dt,
		MethodDef{Name: "__reduce__", Fn: noPickle, Doc: "raises an exception to avoid pickling"},
		MethodDef{Name: "__reduce_ex__", Fn: noPickle, Doc: "raises an exception to avoid pickling"})

	rt := csvReaderType
	rt.Dict.SetStr("__doc__", NewStrValue("CSV reader\n\nReader objects are responsible for reading and parsing tabular data\nin CSV format.\n"))
	rt.New = noInstances
	rt.Iter = func(t *Thread, v Value) (Value, error) { return v, nil }
	rt.Next = func(t *Thread, v Value) (Value, error) { return v.o.(*csvReader).next(t) }
	defMember(rt, "dialect", func(t *Thread, self Value) (Value, error) { return Value{o: self.o.(*csvReader).dialect}, nil })
	defMember(rt, "line_num", func(t *Thread, self Value) (Value, error) {
		n := self.o.(*csvReader).lineNum
		return Int(int64(n)), nil
	})

	wt := csvWriterType
	wt.Dict.SetStr("__doc__", NewStrValue("CSV writer\n\nWriter objects are responsible for generating tabular data\nin CSV format from sequence input.\n"))
	wt.New = noInstances
	defMember(wt, "dialect", func(t *Thread, self Value) (Value, error) { return Value{o: self.o.(*csvWriter).dialect}, nil })
	defMethods(wt,
		MethodDef{Name: "writerow", Doc: "writerow(iterable)\n\nConstruct and write a CSV record from an iterable of fields.  Non-string\nelements will be converted to string.",
			Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
				if err := oneArg(t, "writer.writerow", args, kw); err != nil {
					return Null, err
				}
				return self.o.(*csvWriter).writerow(t, args[0])
			}},
		MethodDef{Name: "writerows", Doc: "writerows(iterable of iterables)\n\nConstruct and write a series of iterables to a csv file.  Non-string\nelements will be converted to string.",
			Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
				if err := oneArg(t, "writer.writerows", args, kw); err != nil {
					return Null, err
				}
				w := self.o.(*csvWriter)
				it, err := Iter(t, args[0])
				if err != nil {
					return Null, err
				}
				for {
					row, err := Next(t, it)
					if err != nil {
						return Null, err
					}
					if row.IsNull() {
						return None, nil
					}
					if _, err := w.writerow(t, row); err != nil {
						return Null, err
					}
				}
			}})
}

func initCSV(t *Thread, m *Module) error {
	csvErrorOnce.Do(func() { csvErrorType = moduleExceptionType("_csv", "Error", ExceptionType) })
	st := t.csv()
	m.Set("__doc__", NewStrValue(csvModuleDoc))
	m.Set("Error", Value{o: csvErrorType})
	m.Set("Dialect", Value{o: csvDialectType})
	m.Set("Reader", Value{o: csvReaderType})
	m.Set("Writer", Value{o: csvWriterType})
	m.Set("_dialects", Value{o: st.dialects})
	for i, name := range []string{"QUOTE_MINIMAL", "QUOTE_ALL", "QUOTE_NONNUMERIC", "QUOTE_NONE", "QUOTE_STRINGS", "QUOTE_NOTNULL"} {
		m.Set(name, Int(int64(i)))
	}
	addFuncDoc(m, "reader", csvReaderDoc, func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		pos, kv := kwArgs(args, kw)
		if err := unpackTupleArgs(t, "", pos, 1, 2); err != nil {
			return Null, err
		}
		it, err := Iter(t, pos[0])
		if err != nil {
			return Null, err
		}
		dialect := Null
		if len(pos) > 1 {
			dialect = pos[1]
		}
		d, err := callDialect(t, dialect, kv, kw)
		if err != nil {
			return Null, err
		}
		return Value{o: &csvReader{ObjectBase: ObjectBase{cls: csvReaderType}, iter: it, dialect: d, st: st}}, nil
	})
	addFuncDoc(m, "writer", csvWriterDoc, func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		pos, kv := kwArgs(args, kw)
		if err := unpackTupleArgs(t, "", pos, 1, 2); err != nil {
			return Null, err
		}
		write, err := getAttrOpt(t, pos[0], Intern("write"))
		if err != nil {
			return Null, err
		}
		if write.IsNull() || !isCallable(write) {
			return Null, t.typeErrorf("argument 1 must have a \"write\" method")
		}
		dialect := Null
		if len(pos) > 1 {
			dialect = pos[1]
		}
		d, err := callDialect(t, dialect, kv, kw)
		if err != nil {
			return Null, err
		}
		return Value{o: &csvWriter{ObjectBase: ObjectBase{cls: csvWriterType}, write: write, dialect: d}}, nil
	})
	addFuncDoc(m, "list_dialects", "Return a list of all known dialect names.\n\n    names = csv.list_dialects()", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := noArgs(t, "_csv.list_dialects", args, kw); err != nil {
			return Null, err
		}
		return Value{o: NewList(st.dialects.Keys()...)}, nil
	})
	addFuncDoc(m, "register_dialect", "Create a mapping from a string name to a dialect class.\n    dialect = csv.register_dialect(name[, dialect[, **fmtparams]])", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		pos, kv := kwArgs(args, kw)
		if err := unpackTupleArgs(t, "", pos, 1, 2); err != nil {
			return Null, err
		}
		if _, ok := pos[0].o.(*Str); !ok {
			return Null, t.typeErrorf("dialect name must be a string")
		}
		dialect := Null
		if len(pos) > 1 {
			dialect = pos[1]
		}
		d, err := callDialect(t, dialect, kv, kw)
		if err != nil {
			return Null, err
		}
		return None, st.dialects.Set(t, pos[0], Value{o: d})
	})
	addFuncDoc(m, "unregister_dialect", "Delete the name/dialect mapping associated with a string name.\n\n    csv.unregister_dialect(name)", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		var a [1]Value
		if err := clinicArgs(t, &csvUnregisterSpec, args, kw, a[:]); err != nil {
			return Null, err
		}
		ok, err := st.dialects.Delete(t, a[0])
		if err != nil || !ok {
			return Null, t.csvError("unknown dialect")
		}
		return None, nil
	})
	addFuncDoc(m, "get_dialect", "Return the dialect instance associated with name.\n\n    dialect = csv.get_dialect(name)", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		var a [1]Value
		if err := clinicArgs(t, &csvGetDialectSpec, args, kw, a[:]); err != nil {
			return Null, err
		}
		d, ok, err := st.dialects.Get(t, a[0])
		if err != nil {
			return Null, err
		}
		if !ok {
			return Null, t.csvError("unknown dialect")
		}
		return d, nil
	})
	addFuncDoc(m, "field_size_limit", "Sets an upper limit on parsed fields.\n\n    csv.field_size_limit([limit])\n\nReturns old limit. If limit is not given, no new limit is set and\nthe old limit is returned", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		var a [1]Value
		if err := clinicArgs(t, &csvFieldSizeLimitSpec, args, kw, a[:]); err != nil {
			return Null, err
		}
		old := st.fieldLimit
		if !a[0].IsNull() {
			if !isExactInt(a[0]) {
				return Null, t.typeErrorf("limit must be an integer")
			}
			n, ok := smallIntOf(a[0])
			if !ok {
				return Null, t.raise(OverflowErrorType, "Python int too large to convert to C long")
			}
			st.fieldLimit = n
		}
		return Int(old), nil
	})
	return nil
}

// noInstances is the tp_new of a type that cannot be instantiated from
// Python (Py_TPFLAGS_DISALLOW_INSTANTIATION).
func noInstances(t *Thread, cls *Type, args []Value, kwnames []*Str) (Value, error) {
	return Null, t.typeErrorf("cannot create '%s' instances", cls.fullName())
}

// addFuncDoc adds a function with a docstring to a native module.
func addFuncDoc(m *Module, name, doc string, fn BuiltinFunc) {
	m.AddFunc(name, fn)
	if v, ok := m.dict.GetStr(name); ok {
		if b, ok := v.o.(*Builtin); ok {
			b.doc = doc
		}
	}
}

// next is Reader_iternext: the next record, or NULL at the end.
func (r *csvReader) next(t *Thread) (Value, error) {
	r.fields = nil
	r.field = r.field[:0]
	r.fieldLen = 0
	r.state = csvStartRecord
	r.unquoted = false
	for {
		line, err := Next(t, r.iter)
		if err != nil {
			return Null, err
		}
		if line.IsNull() {
			if r.fieldLen != 0 || r.state == csvInQuotedField {
				if r.dialect.strict {
					return Null, t.csvError("unexpected end of data")
				}
				if err := r.saveField(t); err != nil {
					return Null, err
				}
				break
			}
			return Null, nil
		}
		s, ok := line.o.(*Str)
		if !ok {
			return Null, t.csvError("iterator should return strings, not %s (the file should be opened in text mode)", typeName(line))
		}
		r.lineNum++
		if s.ascii {
			for i := 0; i < len(s.s); i++ {
				if err := r.processChar(t, rune(s.s[i])); err != nil {
					return Null, err
				}
			}
		} else {
			for i := 0; i < len(s.s); {
				c, n := decodeGeneralized(s.s[i:])
				if err := r.processChar(t, c); err != nil {
					return Null, err
				}
				i += n
			}
		}
		if err := r.processChar(t, csvEOL); err != nil {
			return Null, err
		}
		if r.state == csvStartRecord {
			break
		}
	}
	fields := r.fields
	r.fields = nil
	if fields == nil {
		fields = []Value{}
	}
	return Value{o: NewList(fields...)}, nil
}

// saveField is parse_save_field.
func (r *csvReader) saveField(t *Thread) error {
	q := r.dialect.quoting
	var field Value
	if r.unquoted && r.fieldLen == 0 && (q == quoteNotNull || q == quoteStrings) {
		field = None
	} else {
		s := newStrN(string(r.field), int(r.fieldLen))
		field = Value{o: s}
		if r.unquoted && r.fieldLen != 0 && (q == quoteNonNumeric || q == quoteStrings) {
			f, err := floatFromObject(t, field)
			if err != nil {
				return err
			}
			field = Float(f)
		}
		r.field = r.field[:0]
		r.fieldLen = 0
	}
	r.fields = append(r.fields, field)
	return nil
}

// addChar is parse_add_char.
func (r *csvReader) addChar(t *Thread, c rune) error {
	if r.fieldLen >= r.st.fieldLimit {
		return t.csvError("field larger than field limit (%d)", r.st.fieldLimit)
	}
	r.field = appendRune(r.field, c)
	r.fieldLen++
	return nil
}

// processChar is parse_process_char: one step of the state machine.
func (r *csvReader) processChar(t *Thread, c rune) error {
	d := r.dialect
	isEOL := func(c rune) bool { return c == '\n' || c == '\r' || c == csvEOL }
	endState := func(c rune) csvParserState {
		if c == csvEOL {
			return csvStartRecord
		}
		return csvEatCRNL
	}
	switch r.state {
	case csvStartRecord:
		if c == csvEOL {
			return nil
		}
		if c == '\n' || c == '\r' {
			r.state = csvEatCRNL
			return nil
		}
		r.state = csvStartField
		fallthrough
	case csvStartField:
		r.unquoted = true
		switch {
		case isEOL(c):
			if err := r.saveField(t); err != nil {
				return err
			}
			r.state = endState(c)
		case c == d.quotechar && d.quoting != quoteNone:
			r.unquoted = false
			r.state = csvInQuotedField
		case c == d.escapechar:
			r.state = csvEscapedChar
		case c == ' ' && d.skipinitialspace:
		case c == d.delimiter:
			return r.saveField(t)
		default:
			if err := r.addChar(t, c); err != nil {
				return err
			}
			r.state = csvInField
		}
	case csvEscapedChar:
		if c == '\n' || c == '\r' {
			if err := r.addChar(t, c); err != nil {
				return err
			}
			r.state = csvAfterEscapedCRNL
			return nil
		}
		if c == csvEOL {
			c = '\n'
		}
		if err := r.addChar(t, c); err != nil {
			return err
		}
		r.state = csvInField
	case csvAfterEscapedCRNL, csvInField:
		if r.state == csvAfterEscapedCRNL && c == csvEOL {
			return nil
		}
		switch {
		case isEOL(c):
			if err := r.saveField(t); err != nil {
				return err
			}
			r.state = endState(c)
		case c == d.escapechar:
			r.state = csvEscapedChar
		case c == d.delimiter:
			if err := r.saveField(t); err != nil {
				return err
			}
			r.state = csvStartField
		default:
			if err := r.addChar(t, c); err != nil {
				return err
			}
			r.state = csvInField
		}
	case csvInQuotedField:
		switch {
		case c == csvEOL:
		case c == d.escapechar:
			r.state = csvEscapeInQuotedField
		case c == d.quotechar && d.quoting != quoteNone:
			if d.doublequote {
				r.state = csvQuoteInQuotedField
			} else {
				r.state = csvInField
			}
		default:
			return r.addChar(t, c)
		}
	case csvEscapeInQuotedField:
		if c == csvEOL {
			c = '\n'
		}
		if err := r.addChar(t, c); err != nil {
			return err
		}
		r.state = csvInQuotedField
	case csvQuoteInQuotedField:
		switch {
		case d.quoting != quoteNone && c == d.quotechar:
			if err := r.addChar(t, c); err != nil {
				return err
			}
			r.state = csvInQuotedField
		case c == d.delimiter:
			if err := r.saveField(t); err != nil {
				return err
			}
			r.state = csvStartField
		case isEOL(c):
			if err := r.saveField(t); err != nil {
				return err
			}
			r.state = endState(c)
		case !d.strict:
			if err := r.addChar(t, c); err != nil {
				return err
			}
			r.state = csvInField
		default:
			return t.csvError("'%s' expected after '%s'", string(d.delimiter), string(d.quotechar))
		}
	case csvEatCRNL:
		switch {
		case c == '\n' || c == '\r':
		case c == csvEOL:
			r.state = csvStartRecord
		default:
			return t.csvError("new-line character seen in unquoted field - do you need to open the file with newline=''?")
		}
	}
	return nil
}

// appendField is join_append: the field (nil for None) added to the
// record, quoted when quoted is set or when it needs quotes.
func (w *csvWriter) appendField(t *Thread, field *Str, quoted bool) error {
	d := w.dialect
	if (field == nil || field.n == 0) && d.delimiter == ' ' && d.skipinitialspace {
		if d.quoting == quoteNone || (field == nil && (d.quoting == quoteStrings || d.quoting == quoteNotNull)) {
			return t.csvError("empty field must be quoted if delimiter is a space and skipinitialspace is true")
		}
		quoted = true
	}
	var body []byte
	if field != nil {
		body = make([]byte, 0, len(field.s)+2)
		for i := 0; i < len(field.s); {
			c, n := decodeGeneralized(field.s[i:])
			i += n
			if c == d.delimiter || c == d.escapechar || c == d.quotechar || c == '\n' || c == '\r' || containsRune(d.lineterminator, c) {
				wantEscape := false
				if d.quoting == quoteNone {
					wantEscape = true
				} else {
					if c == d.quotechar {
						if d.doublequote {
							body = appendRune(body, d.quotechar)
						} else {
							wantEscape = true
						}
					} else if c == d.escapechar {
						wantEscape = true
					}
					if !wantEscape {
						quoted = true
					}
				}
				if wantEscape {
					if d.escapechar == csvNotSet {
						return t.csvError("need to escape, but no escapechar set")
					}
					body = appendRune(body, d.escapechar)
				}
			}
			body = appendRune(body, c)
		}
	}
	if w.nfields > 0 {
		w.rec = appendRune(w.rec, d.delimiter)
	}
	if quoted {
		w.rec = appendRune(w.rec, d.quotechar)
	}
	w.rec = append(w.rec, body...)
	if quoted {
		w.rec = appendRune(w.rec, d.quotechar)
	}
	w.nfields++
	return nil
}

// writerow is csv_writerow.
func (w *csvWriter) writerow(t *Thread, seq Value) (Value, error) {
	d := w.dialect
	it, err := Iter(t, seq)
	if err != nil {
		if e := asException(err); e != nil && e.cls.IsSubtype(TypeErrorType) {
			return Null, t.csvError("iterable expected, not %s", typeName(seq))
		}
		return Null, err
	}
	w.rec = w.rec[:0]
	w.nfields = 0
	nullField := false
	for {
		field, err := Next(t, it)
		if err != nil {
			return Null, err
		}
		if field.IsNull() {
			break
		}
		var quoted bool
		switch d.quoting {
		case quoteNonNumeric:
			quoted = !isNumberCheck(field)
		case quoteAll:
			quoted = true
		case quoteStrings:
			_, quoted = field.o.(*Str)
		case quoteNotNull:
			quoted = !field.IsNone()
		}
		nullField = field.IsNone()
		var s *Str
		switch {
		case nullField:
		default:
			if fs, ok := field.o.(*Str); ok {
				s = fs
			} else if s, err = StrOf(t, field); err != nil {
				return Null, err
			}
		}
		if err := w.appendField(t, s, quoted); err != nil {
			return Null, err
		}
	}
	if w.nfields > 0 && len(w.rec) == 0 {
		if d.quoting == quoteNone || (nullField && (d.quoting == quoteStrings || d.quoting == quoteNotNull)) {
			return Null, t.csvError("single empty field record must be quoted")
		}
		w.nfields--
		if err := w.appendField(t, nil, true); err != nil {
			return Null, err
		}
	}
	w.rec = append(w.rec, d.lineterminator.s...)
	line := NewStr(string(w.rec))
	return t.Call(w.write, []Value{{o: line}}, nil)
}
