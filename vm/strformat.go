package vm

import (
	"math"
	"strconv"
	"strings"
)

// str.format and str.format_map (Objects/stringlib/unicode_format.h), and
// printf-style formatting: str % args (PyUnicode_Format) and bytes % args
// (_PyBytes_FormatEx).
//
// str.format walks the template as CPython's MarkupIterator does: literal
// text up to a brace, then a replacement field {name!conv:spec} whose
// name is an argument index or keyword followed by .attr and [key]
// lookups, whose conversion is r, s or a, and whose spec may itself hold
// replacement fields (two levels deep at most). Each field is rendered by
// Format (format(value, spec)), so the mini-language is format.go's.
// Fields are processed in order, and errors surface where CPython's do:
// after the output of the fields before them has been computed.

// strFormatter is the state of one str.format call.
type strFormatter struct {
	t      *Thread
	args   []Value // nil for format_map
	kwargs Value   // a dict, the format_map mapping, or NULL
	auto   int     // 0 initial, 1 auto-numbering, 2 manual
	next   int     // the next auto-numbered field
}

// markup is one step of the template: literal text, and the field that
// follows it when field is set.
type markup struct {
	literal []rune
	field   bool
	name    []rune
	conv    rune // 0 when there is none
	spec    []rune
	expand  bool // the spec holds fields
}

// markupNext parses the step of the template that starts at rs[i]
// (MarkupIterator_next) and returns where the next one starts.
func markupNext(t *Thread, rs []rune, i int) (markup, int, error) {
	var m markup
	start := i
	var c rune
	brace := false
	for i < len(rs) {
		c = rs[i]
		i++
		if c == '{' || c == '}' {
			brace = true
			break
		}
	}
	atEnd := i >= len(rs)
	n := i - start
	if brace && c == '}' && (atEnd || rs[i] != '}') {
		return m, 0, t.valueErrorf("Single '}' encountered in format string")
	}
	if brace && atEnd && c == '{' {
		return m, 0, t.valueErrorf("Single '{' encountered in format string")
	}
	if brace && !atEnd {
		if rs[i] == c {
			i++ // an escaped brace: the end of this literal
			brace = false
		} else {
			n--
		}
	}
	m.literal = rs[start : start+n]
	if !brace {
		return m, i, nil
	}
	m.field = true
	var err error
	m.name, m.conv, m.spec, m.expand, i, err = parseField(t, rs, i)
	return m, i, err
}

// build expands the template rs into out, depth levels of nested fields
// deep at most.
func (f *strFormatter) build(rs []rune, depth int, out *strings.Builder) error {
	if depth <= 0 {
		return f.t.valueErrorf("Max string recursion exceeded")
	}
	for i := 0; i < len(rs); {
		m, next, err := markupNext(f.t, rs, i)
		if err != nil {
			return err
		}
		i = next
		writeRunes(out, m.literal)
		if m.field {
			if err := f.outputField(m.name, m.conv, m.spec, m.expand, depth, out); err != nil {
				return err
			}
		}
	}
	return nil
}

func writeRunes(b *strings.Builder, rs []rune) {
	for _, r := range rs {
		if r < 0x80 {
			b.WriteByte(byte(r))
		} else {
			b.Write(appendRune(nil, r))
		}
	}
}

// parseField parses the field that starts at rs[i] (after its '{') and
// returns its name, conversion (0 for none), spec, whether the spec holds
// fields, and where the text continues.
func parseField(t *Thread, rs []rune, i int) (name []rune, conv rune, spec []rune, expand bool, next int, err error) {
	start := i
	var c rune
	for i < len(rs) {
		c = rs[i]
		i++
		if c == '{' {
			return nil, 0, nil, false, 0, t.valueErrorf("unexpected '{' in field name")
		}
		if c == '[' {
			for i < len(rs) && rs[i] != ']' {
				i++
			}
			continue
		}
		if c == '}' || c == ':' || c == '!' {
			break
		}
	}
	name = rs[start:max(start, i-1)]
	if i == len(rs) && c != '}' && c != ':' && c != '!' || start == i {
		return nil, 0, nil, false, 0, t.valueErrorf("expected '}' before end of string")
	}
	if c == '}' {
		return name, 0, nil, false, i, nil
	}
	if c == '!' {
		if i >= len(rs) {
			return nil, 0, nil, false, 0, t.valueErrorf("end of string while looking for conversion specifier")
		}
		conv = rs[i]
		i++
		if i < len(rs) {
			c = rs[i]
			i++
			if c == '}' {
				return name, conv, nil, false, i, nil
			}
			if c != ':' {
				return nil, 0, nil, false, 0, t.valueErrorf("expected ':' after conversion specifier")
			}
		}
	}
	specStart := i
	count := 1
	for i < len(rs) {
		c = rs[i]
		i++
		switch c {
		case '{':
			expand = true
			count++
		case '}':
			count--
			if count == 0 {
				return name, conv, rs[specStart : i-1], expand, i, nil
			}
		}
	}
	return nil, 0, nil, false, 0, t.valueErrorf("unmatched '{' in format spec")
}

// fieldInteger is get_integer: the value of a field name made of decimal
// digits (any Unicode decimal digits), or -1.
func fieldInteger(t *Thread, rs []rune) (int, error) {
	if len(rs) == 0 {
		return -1, nil
	}
	acc := 0
	for _, r := range rs {
		d := uniDecimalValue(r)
		if d < 0 {
			return -1, nil
		}
		if acc > (math.MaxInt64-d)/10 {
			return -1, t.valueErrorf("Too many decimal digits in format string")
		}
		acc = acc*10 + d
	}
	return acc, nil
}

// fieldNameSplit splits a field name into its first part (an argument
// index or keyword) and the rest (its .attr and [key] lookups).
func fieldNameSplit(name []rune) (first, rest []rune) {
	i := 0
	for i < len(name) && name[i] != '.' && name[i] != '[' {
		i++
	}
	return name[:i], name[i:]
}

// fieldNameNext reads the next lookup of the rest of a field name: an
// attribute (.name) or an item ([key]).
func fieldNameNext(t *Thread, rest []rune) (isAttr bool, part, next []rune, err error) {
	c := rest[0]
	rest = rest[1:]
	switch c {
	case '.':
		j := 0
		for j < len(rest) && rest[j] != '.' && rest[j] != '[' {
			j++
		}
		part, next, isAttr = rest[:j], rest[j:], true
	case '[':
		j := 0
		for j < len(rest) && rest[j] != ']' {
			j++
		}
		if j == len(rest) {
			return false, nil, nil, t.valueErrorf("Missing ']' in format string")
		}
		part, next = rest[:j], rest[j+1:]
	default:
		return false, nil, nil, t.valueErrorf("Only '.' or '[' may follow ']' in format field specifier")
	}
	if len(part) == 0 {
		return false, nil, nil, t.valueErrorf("Empty attribute in format string")
	}
	return isAttr, part, next, nil
}

// fieldObject resolves a field name to its object.
func (f *strFormatter) fieldObject(name []rune) (Value, error) {
	t := f.t
	first, rest := fieldNameSplit(name)
	idx, err := fieldInteger(t, first)
	if err != nil {
		return Null, err
	}
	empty := len(first) == 0
	if empty || idx >= 0 {
		if f.auto == 0 {
			if empty {
				f.auto = 1
			} else {
				f.auto = 2
			}
		}
		if f.auto == 2 && empty {
			return Null, t.valueErrorf("cannot switch from manual field specification to automatic field numbering")
		}
		if f.auto == 1 && !empty {
			return Null, t.valueErrorf("cannot switch from automatic field numbering to manual field specification")
		}
		if empty {
			idx = f.next
			f.next++
		}
	}
	var obj Value
	if idx < 0 {
		key := Value{o: StrFromRunes(first)}
		if f.kwargs.IsNull() {
			return Null, NewException(KeyErrorType, key)
		}
		if obj, err = GetItem(t, f.kwargs, key); err != nil {
			return Null, err
		}
	} else {
		if f.args == nil {
			return Null, t.valueErrorf("Format string contains positional fields")
		}
		if idx >= len(f.args) {
			return Null, t.raisef(IndexErrorType, "Replacement index %d out of range for positional args tuple", idx)
		}
		obj = f.args[idx]
	}
	for len(rest) > 0 {
		var isAttr bool
		var part []rune
		if isAttr, part, rest, err = fieldNameNext(t, rest); err != nil {
			return Null, err
		}
		if isAttr {
			if obj, err = GetAttr(t, obj, StrFromRunes(part)); err != nil {
				return Null, err
			}
			continue
		}
		k, err := fieldInteger(t, part)
		if err != nil {
			return Null, err
		}
		key := Value{o: StrFromRunes(part)}
		if k >= 0 {
			key = Int(int64(k))
		}
		if obj, err = GetItem(t, obj, key); err != nil {
			return Null, err
		}
	}
	return obj, nil
}

func (f *strFormatter) outputField(name []rune, conv rune, spec []rune, expand bool, depth int, out *strings.Builder) error {
	t := f.t
	obj, err := f.fieldObject(name)
	if err != nil {
		return err
	}
	var s *Str
	switch conv {
	case 0:
	case 'r':
		s, err = Repr(t, obj)
	case 's':
		s, err = StrOf(t, obj)
	case 'a':
		s, err = ASCII(t, obj)
	default:
		if conv > 32 && conv < 127 {
			return t.valueErrorf("Unknown conversion specifier %c", conv)
		}
		return t.valueErrorf("Unknown conversion specifier \\x%x", conv)
	}
	if err != nil {
		return err
	}
	if s != nil {
		obj = Value{o: s}
	}
	specStr := emptyStr
	if expand {
		var b strings.Builder
		if err := f.build(spec, depth-1, &b); err != nil {
			return err
		}
		specStr = NewStr(b.String())
	} else if len(spec) > 0 {
		specStr = StrFromRunes(spec)
	}
	r, err := Format(t, obj, specStr)
	if err != nil {
		return err
	}
	out.WriteString(r.s)
	return nil
}

// strFormat is str.format(*args, **kwargs) and, with args nil,
// str.format_map(mapping).
func strFormat(t *Thread, s *Str, args []Value, kwargs Value) (Value, error) {
	if strings.IndexAny(s.s, "{}") < 0 {
		return Value{o: s.part(0, len(s.s))}, nil
	}
	f := &strFormatter{t: t, args: args, kwargs: kwargs}
	var b strings.Builder
	b.Grow(len(s.s) + 16)
	if err := f.build(s.Runes(), 2, &b); err != nil {
		return Null, err
	}
	return Value{o: NewStr(b.String())}, nil
}

// The printf-style formatting of str % args and bytes % args.

const (
	pctLjust = 1 << iota
	pctSign
	pctBlank
	pctAlt
	pctZero
)

// pctFormatter is the state of one % operation.
type pctFormatter struct {
	t      *Thread
	bytes  bool
	out    []byte // generalized UTF-8 for str
	n      int    // code points written (str)
	args   Value
	tuple  []Value
	arglen int
	argidx int
	dict   Value
}

func (p *pctFormatter) nextArg() (Value, error) {
	if p.argidx < p.arglen {
		i := p.argidx
		p.argidx++
		if p.arglen < 0 {
			return p.args, nil
		}
		return p.tuple[i], nil
	}
	return Null, p.t.typeErrorf("not enough arguments for format string")
}

// percentFormat formats the template tmpl (code points of a str, or
// bytes as runes < 256) with args.
func percentFormat(t *Thread, tmpl []rune, args Value, isBytes bool) (*pctFormatter, error) {
	p := &pctFormatter{t: t, bytes: isBytes, args: args, arglen: -1, argidx: -2}
	if tu, ok := args.o.(*Tuple); ok {
		p.tuple = tu.items
		p.arglen, p.argidx = len(tu.items), 0
	}
	if isMapping(args) {
		_, isTuple := args.o.(*Tuple)
		excluded := false
		if isBytes {
			_, b1 := args.o.(*Bytes)
			_, b2 := args.o.(*ByteArray)
			excluded = b1 || b2
		} else {
			_, excluded = args.o.(*Str)
		}
		if !isTuple && !excluded {
			p.dict = args
		}
	}
	p.out = make([]byte, 0, len(tmpl)+16)
	for i := 0; i < len(tmpl); {
		c := tmpl[i]
		if c != '%' {
			j := i
			for j < len(tmpl) && tmpl[j] != '%' {
				j++
			}
			p.writeRunes(tmpl[i:j])
			i = j
			continue
		}
		i++
		if i < len(tmpl) && tmpl[i] == '%' {
			p.writeRunes([]rune{'%'})
			i++
			continue
		}
		next, err := p.formatOne(tmpl, i)
		if err != nil {
			return nil, err
		}
		i = next
	}
	if p.argidx < p.arglen && p.dict.IsNull() {
		if isBytes {
			return nil, t.typeErrorf("not all arguments converted during bytes formatting")
		}
		return nil, t.typeErrorf("not all arguments converted during string formatting")
	}
	return p, nil
}

func (p *pctFormatter) writeRunes(rs []rune) {
	for _, r := range rs {
		if p.bytes || r < 0x80 {
			p.out = append(p.out, byte(r))
		} else {
			p.out = appendRune(p.out, r)
		}
	}
	p.n += len(rs)
}

// writeStr appends text (generalized UTF-8 for str, raw for bytes) of n
// code points.
func (p *pctFormatter) writeText(text string, n int) {
	p.out = append(p.out, text...)
	p.n += n
}

func (p *pctFormatter) pad(c byte, k int) {
	for j := 0; j < k; j++ {
		p.out = append(p.out, c)
	}
	p.n += max(k, 0)
}

// formatOne formats the conversion whose spec starts at tmpl[i] (after
// its '%') and returns where the template continues.
func (p *pctFormatter) formatOne(tmpl []rune, i int) (int, error) {
	t := p.t
	if i >= len(tmpl) {
		return 0, t.valueErrorf("incomplete format")
	}
	if tmpl[i] == '(' {
		if p.dict.IsNull() {
			return 0, t.typeErrorf("format requires a mapping")
		}
		i++
		start := i
		depth := 1
		for i < len(tmpl) && depth > 0 {
			switch tmpl[i] {
			case '(':
				depth++
			case ')':
				depth--
			}
			i++
		}
		if depth > 0 {
			return 0, t.valueErrorf("incomplete format key")
		}
		keyRunes := tmpl[start : i-1]
		var key Value
		if p.bytes {
			b := make([]byte, len(keyRunes))
			for k, r := range keyRunes {
				b[k] = byte(r)
			}
			key = Value{o: NewBytes(b)}
		} else {
			key = Value{o: StrFromRunes(keyRunes)}
		}
		v, err := GetItem(t, p.dict, key)
		if err != nil {
			return 0, err
		}
		p.args, p.arglen, p.argidx, p.tuple = v, -1, -2, nil
	}
	flags := 0
flagLoop:
	for i < len(tmpl) {
		switch tmpl[i] {
		case '-':
			flags |= pctLjust
		case '+':
			flags |= pctSign
		case ' ':
			flags |= pctBlank
		case '#':
			flags |= pctAlt
		case '0':
			flags |= pctZero
		default:
			break flagLoop
		}
		i++
	}
	width, prec := -1, -1
	if i < len(tmpl) && tmpl[i] == '*' {
		v, err := p.nextArg()
		if err != nil {
			return 0, err
		}
		if !v.IsIntLike() {
			return 0, t.typeErrorf("* wants int")
		}
		if width, err = sizeArg(t, v); err != nil {
			return 0, err
		}
		if width < 0 {
			flags |= pctLjust
			width = -width
		}
		i++
	} else {
		for i < len(tmpl) && tmpl[i] >= '0' && tmpl[i] <= '9' {
			if width < 0 {
				width = 0
			}
			if width > (math.MaxInt64-9)/10 {
				return 0, t.valueErrorf("width too big")
			}
			width = width*10 + int(tmpl[i]-'0')
			i++
		}
	}
	if i < len(tmpl) && tmpl[i] == '.' {
		i++
		prec = 0
		if i < len(tmpl) && tmpl[i] == '*' {
			v, err := p.nextArg()
			if err != nil {
				return 0, err
			}
			if !v.IsIntLike() {
				return 0, t.typeErrorf("* wants int")
			}
			if prec, err = sizeArg(t, v); err != nil {
				return 0, err
			}
			if prec < 0 {
				prec = 0
			}
			i++
		} else {
			for i < len(tmpl) && tmpl[i] >= '0' && tmpl[i] <= '9' {
				if prec > (math.MaxInt64-9)/10 {
					return 0, t.valueErrorf("precision too big")
				}
				prec = prec*10 + int(tmpl[i]-'0')
				i++
			}
		}
	}
	for i < len(tmpl) && (tmpl[i] == 'h' || tmpl[i] == 'l' || tmpl[i] == 'L') {
		i++
	}
	if i >= len(tmpl) {
		return 0, t.valueErrorf("incomplete format")
	}
	c := tmpl[i]
	i++
	if width > maxStrLen || prec > maxStrLen {
		return 0, NewException(MemoryErrorType)
	}
	v, err := p.nextArg()
	if err != nil {
		return 0, err
	}
	switch c {
	case 's', 'r', 'a', 'b':
		if c == 'b' && !p.bytes {
			break
		}
		text, n, err := p.textOf(c, v)
		if err != nil {
			return 0, err
		}
		if prec >= 0 && prec < n {
			if p.bytes {
				text = text[:prec]
			} else {
				text = prefixBytes(text, prec)
			}
			n = prec
		}
		p.padded(text, n, width, flags, false, "", "")
		return i, nil
	case 'c':
		text, err := p.charOf(v)
		if err != nil {
			return 0, err
		}
		p.padded(text, 1, width, flags, false, "", "")
		return i, nil
	case 'd', 'i', 'u', 'o', 'x', 'X':
		sign, prefix, digits, err := p.intOf(c, v, flags, prec)
		if err != nil {
			return 0, err
		}
		p.padded(digits, len(digits), width, flags, true, sign, prefix)
		return i, nil
	case 'e', 'E', 'f', 'F', 'g', 'G':
		x, err := p.floatOf(v)
		if err != nil {
			return 0, err
		}
		if prec < 0 {
			prec = 6
		}
		text := formatFloatC(x, byte(c), prec, flags&pctAlt != 0)
		sign := ""
		if strings.HasPrefix(text, "-") {
			sign, text = "-", text[1:]
		} else if flags&pctSign != 0 {
			sign = "+"
		} else if flags&pctBlank != 0 {
			sign = " "
		}
		p.padded(text, len(text), width, flags, true, sign, "")
		return i, nil
	}
	pos := i - 1
	if p.bytes && c >= 0x80 {
		return 0, t.raise(OverflowErrorType, "character argument not in range(0x110000)")
	}
	shown := c
	if c < 32 || c >= 127 {
		shown = '?'
	}
	return 0, t.valueErrorf("unsupported format character '%c' (0x%x) at index %d", shown, c, pos)
}

// prefixBytes returns the bytes of the first n code points of s.
func prefixBytes(s string, n int) string {
	b := 0
	for k := 0; k < n && b < len(s); k++ {
		b++
		for b < len(s) && s[b]&0xC0 == 0x80 {
			b++
		}
	}
	return s[:b]
}

// padded writes sign, prefix and body (of n code points) padded to width
// as the flags say; zero padding applies to numbers only.
func (p *pctFormatter) padded(body string, n, width, flags int, numeric bool, sign, prefix string) {
	total := len(sign) + len(prefix) + n
	fill := width - total
	switch {
	case fill <= 0:
		p.writeText(sign, len(sign))
		p.writeText(prefix, len(prefix))
		p.writeText(body, n)
	case flags&pctLjust != 0:
		p.writeText(sign, len(sign))
		p.writeText(prefix, len(prefix))
		p.writeText(body, n)
		p.pad(' ', fill)
	case numeric && flags&pctZero != 0:
		p.writeText(sign, len(sign))
		p.writeText(prefix, len(prefix))
		p.pad('0', fill)
		p.writeText(body, n)
	default:
		p.pad(' ', fill)
		p.writeText(sign, len(sign))
		p.writeText(prefix, len(prefix))
		p.writeText(body, n)
	}
}

// textOf converts the argument of %s, %r, %a (and %b) to text.
func (p *pctFormatter) textOf(c rune, v Value) (string, int, error) {
	t := p.t
	if p.bytes {
		if c == 'r' || c == 'a' {
			s, err := ASCII(t, v)
			if err != nil {
				return "", 0, err
			}
			return s.s, len(s.s), nil
		}
		if b, ok := bytesLike(v); ok {
			return string(b), len(b), nil
		}
		m, err := lookupSpecial(t, v, Intern("__bytes__"))
		if err != nil {
			return "", 0, err
		}
		if !m.IsNull() {
			r, err := t.Call(m, nil, nil)
			if err != nil {
				return "", 0, err
			}
			rb, ok := r.o.(*Bytes)
			if !ok {
				return "", 0, t.typeErrorf("__bytes__ returned non-bytes (type %s)", typeName(r))
			}
			return string(rb.b), len(rb.b), nil
		}
		return "", 0, t.typeErrorf("%%b requires a bytes-like object, or an object that implements __bytes__, not '%s'", typeName(v))
	}
	var s *Str
	var err error
	switch c {
	case 's':
		s, err = StrOf(t, v)
	case 'r':
		s, err = Repr(t, v)
	default:
		s, err = ASCII(t, v)
	}
	if err != nil {
		return "", 0, err
	}
	return s.s, s.n, nil
}

// charOf converts the argument of %c.
func (p *pctFormatter) charOf(v Value) (string, error) {
	t := p.t
	if p.bytes {
		if b, ok := bytesLike(v); ok {
			if _, mv := v.o.(*MemoryView); !mv && len(b) == 1 {
				return string(b), nil
			}
		}
		if v.IsIntLike() {
			n, ok := smallIntOf(v)
			if !ok || n < 0 || n > 255 {
				return "", t.raise(OverflowErrorType, "%c arg not in range(256)")
			}
			return string([]byte{byte(n)}), nil
		}
		return "", t.typeErrorf("%%c requires an integer in range(256) or a single byte")
	}
	if s, ok := v.o.(*Str); ok {
		if s.n != 1 {
			return "", t.typeErrorf("%%c requires int or char")
		}
		return s.s, nil
	}
	if v.IsIntLike() {
		n, ok := smallIntOf(v)
		if !ok || n < 0 || n > 0x10FFFF {
			return "", t.raise(OverflowErrorType, "%c arg not in range(0x110000)")
		}
		return string(appendRune(nil, rune(n))), nil
	}
	return "", t.typeErrorf("%%c requires int or char")
}

// intOf converts the argument of an integer conversion to its sign,
// prefix (0x, 0o with #) and digits (zero-padded to prec).
func (p *pctFormatter) intOf(c rune, v Value, flags, prec int) (sign, prefix, digits string, err error) {
	t := p.t
	iv := v
	if p.bytes && c == 'i' {
		c = 'd'
	}
	if !v.IsIntLike() {
		wrong := func() error {
			if c == 'o' || c == 'x' || c == 'X' {
				return t.typeErrorf("%%%c format: an integer is required, not %s", c, typeName(v))
			}
			return t.typeErrorf("%%%c format: a real number is required, not %s", c, typeName(v))
		}
		if !isNumber(v) {
			return "", "", "", wrong()
		}
		if c == 'o' || c == 'x' || c == 'X' {
			if !hasIndex(v) {
				return "", "", "", wrong()
			}
			iv, err = Index(t, v)
		} else {
			iv, err = numberToInt(t, v)
		}
		if err != nil {
			if e := asException(err); e != nil && e.cls.IsSubtype(TypeErrorType) {
				return "", "", "", wrong()
			}
			return "", "", "", err
		}
	}
	base := 10
	switch c {
	case 'o':
		base = 8
	case 'x', 'X':
		base = 16
	}
	if iv.IsSmallInt() || iv.IsBool() {
		digits = strconv.FormatInt(int64(iv.n), base)
	} else {
		k, _ := intConst(iv)
		digits = k.Text(base)
	}
	if strings.HasPrefix(digits, "-") {
		sign, digits = "-", digits[1:]
	} else if flags&pctSign != 0 {
		sign = "+"
	} else if flags&pctBlank != 0 {
		sign = " "
	}
	if prec > len(digits) {
		digits = strings.Repeat("0", prec-len(digits)) + digits
	}
	if flags&pctAlt != 0 {
		switch c {
		case 'o':
			prefix = "0o"
		case 'x':
			prefix = "0x"
		case 'X':
			prefix = "0X"
		}
	}
	if c == 'X' {
		digits = strings.ToUpper(digits)
	}
	return sign, prefix, digits, nil
}

// numberToInt is int(v) for a number that is not an int: a float is
// truncated, other types convert through __int__ or __index__.
func numberToInt(t *Thread, v Value) (Value, error) {
	if f, ok := floatOf(v); ok {
		return floatToInt(t, f)
	}
	tp := v.Type()
	if tp.Number.Int != nil {
		r, err := tp.Number.Int(t, v)
		if err != nil {
			return Null, err
		}
		if !r.IsIntLike() {
			return Null, t.typeErrorf("__int__ returned non-int (type %s)", typeName(r))
		}
		return r, nil
	}
	if tp.Number.Index != nil {
		return Index(t, v)
	}
	return Null, t.typeErrorf("int() argument must be a string, a bytes-like object or a real number, not '%s'", typeName(v))
}

// floatOf converts the argument of a float conversion (PyFloat_AsDouble).
func (p *pctFormatter) floatOf(v Value) (float64, error) {
	t := p.t
	if f, ok := floatOf(v); ok {
		return f, nil
	}
	wrong := func() error {
		if p.bytes {
			return t.typeErrorf("float argument required, not %s", typeName(v))
		}
		return t.typeErrorf("must be real number, not %s", typeName(v))
	}
	if v.IsIntLike() {
		return intToFloat(t, v)
	}
	tp := v.Type()
	if tp.Number.Float != nil {
		r, err := tp.Number.Float(t, v)
		if err != nil {
			return 0, err
		}
		f, ok := floatOf(r)
		if !ok {
			return 0, t.typeErrorf("%s.__float__ returned non-float (type %s)", typeName(v), typeName(r))
		}
		return f, nil
	}
	if tp.Number.Index != nil {
		i, err := Index(t, v)
		if err != nil {
			return 0, err
		}
		return intToFloat(t, i)
	}
	return 0, wrong()
}

// intToFloat converts an int to a float: "int too large to convert to
// float".
func intToFloat(t *Thread, v Value) (float64, error) {
	k, _ := intConst(v)
	f, err := k.Float64()
	if err != nil {
		return 0, t.raise(OverflowErrorType, "int too large to convert to float")
	}
	return f, nil
}

// formatFloatC formats x as C's printf does for the conversion typ (e,
// E, f, F, g, G) with the precision prec, and with alt the '#' flag
// (keep the point and trailing zeros). Infinities and NaNs are inf and
// nan (upper case for E, F and G).
func formatFloatC(x float64, typ byte, prec int, alt bool) string {
	upper := typ == 'E' || typ == 'F' || typ == 'G'
	lower := typ | 0x20
	if math.IsInf(x, 0) || math.IsNaN(x) {
		s := "inf"
		if math.IsNaN(x) {
			s = "nan"
		}
		if math.Signbit(x) && !math.IsNaN(x) {
			s = "-" + s
		}
		if upper {
			s = strings.ToUpper(s)
		}
		return s
	}
	var s string
	switch lower {
	case 'e':
		s = strconv.FormatFloat(x, 'e', prec, 64)
		if alt && prec == 0 {
			k := strings.IndexByte(s, 'e')
			s = s[:k] + "." + s[k:]
		}
	case 'f':
		s = strconv.FormatFloat(x, 'f', prec, 64)
		if alt && prec == 0 {
			s += "."
		}
	default:
		if prec == 0 {
			prec = 1
		}
		e := strconv.FormatFloat(x, 'e', prec-1, 64)
		k := strings.IndexByte(e, 'e')
		exp, _ := strconv.Atoi(e[k+1:])
		if exp < -4 || exp >= prec {
			mant := e[:k]
			if !alt {
				mant = trimFraction(mant)
			} else if !strings.Contains(mant, ".") {
				mant += "."
			}
			s = mant + e[k:]
		} else {
			s = strconv.FormatFloat(x, 'f', prec-1-exp, 64)
			if !alt {
				s = trimFraction(s)
			} else if !strings.Contains(s, ".") {
				s += "."
			}
		}
	}
	if upper {
		s = strings.ToUpper(s)
	}
	return s
}

// trimFraction removes the trailing zeros of a fraction, and its point
// when nothing is left after it.
func trimFraction(s string) string {
	if !strings.Contains(s, ".") {
		return s
	}
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

func init() {
	onSetup(setupStrFormat)
}

func setupStrFormat() {
	StrType.Number.Mod = func(t *Thread, a, b Value) (Value, error) {
		s, ok := a.o.(*Str)
		if !ok {
			return NotImplemented, nil
		}
		if !strings.Contains(s.s, "%") {
			// Nothing to format: only the check of unused arguments.
			tu, isTuple := b.o.(*Tuple)
			if isTuple && len(tu.items) == 0 || !isTuple && isMapping(b) && !isStrValue(b) {
				return Value{o: s.part(0, len(s.s))}, nil
			}
			return Null, t.typeErrorf("not all arguments converted during string formatting")
		}
		p, err := percentFormat(t, s.Runes(), b, false)
		if err != nil {
			return Null, err
		}
		return Value{o: strFromBytes(p.out, p.n)}, nil
	}
	bytesMod := func(t *Thread, a, b Value) (Value, error) {
		var tmpl []byte
		switch o := a.o.(type) {
		case *Bytes:
			tmpl = o.b
		case *ByteArray:
			tmpl = o.b
		default:
			return NotImplemented, nil
		}
		rs := make([]rune, len(tmpl))
		for i, c := range tmpl {
			rs[i] = rune(c)
		}
		p, err := percentFormat(t, rs, b, true)
		if err != nil {
			return Null, err
		}
		if _, ok := a.o.(*ByteArray); ok {
			return Value{o: NewByteArray(p.out)}, nil
		}
		return Value{o: NewBytes(p.out)}, nil
	}
	BytesType.Number.Mod = bytesMod
	ByteArrayType.Number.Mod = bytesMod
	defMethods(StrType,
		MethodDef{Name: "format", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			pos := args[:len(args)-len(kw)]
			kwargs := Null
			if len(kw) > 0 {
				d := NewDict()
				for i, k := range kw {
					d.setStr(k, args[len(pos)+i])
				}
				kwargs = Value{o: d}
			}
			if pos == nil {
				pos = []Value{}
			}
			return strFormat(t, strSelf(self), pos, kwargs)
		}},
		MethodDef{Name: "format_map", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "str.format_map", args, kw); err != nil {
				return Null, err
			}
			return strFormat(t, strSelf(self), nil, args[0])
		}},
	)
	attachStrDocs(StrType)
}

// isStrValue reports whether v is a str.
func isStrValue(v Value) bool {
	_, ok := v.o.(*Str)
	return ok
}
