package vm

import (
	"math"
	"strconv"
	"strings"

	"github.com/peephole-lsp/peephole/internal/pyconst"
)

// The format mini-language: the __format__ of str, int, float and complex
// (Python/formatter_unicode.c) and the float-to-text conversion under it
// (PyOS_double_to_string in Python/pystrtod.c).
//
// A spec is parsed into a formatSpec; each type checks what it does not
// allow (with CPython's messages, in CPython's order) and produces its
// text in parts: sign, prefix ("0x"), the digits before the decimal point
// (which get the thousands separators) and the rest (point, fraction,
// exponent, '%'). layoutNumber then pads the parts as calc_number_widths
// and fill_number do: with '0' fill and '=' alignment, the padding zeros
// are digits and get separators too ("00,001,234").
//
// Float digits come from strconv, which rounds correctly as David Gay's
// dtoa does; formatDouble lays them out as format_float_short does, so
// that 'r' (repr), 'e', 'f', 'g' and their flags (alternate form, '.0'
// for integral values, no negative zero) match CPython character for
// character.

// Thousands separator kinds (the LT_* locale types).
const (
	sepNone = iota
	sepComma
	sepUnderscore
	sepUnderFour // '_' every four digits, for b, o, x, X
)

// formatSpec is a parsed format spec (InternalFormatSpec).
type formatSpec struct {
	fill      rune
	align     rune
	alternate bool
	noNeg0    bool
	sign      rune // 0, '+', '-' or ' '
	width     int  // -1 when absent
	thousands int
	precision int  // -1 when absent
	typ       rune // 0 when absent and no default
}

func isAlignRune(r rune) bool { return r == '<' || r == '>' || r == '=' || r == '^' }

// getFormatInt reads decimal digits (any Unicode decimal digit) at
// spec[*pos:]; n is how many were read.
func getFormatInt(t *Thread, spec []rune, pos *int) (v, n int, err error) {
	for *pos < len(spec) {
		d := decimalValue(spec[*pos])
		if d < 0 {
			break
		}
		if v > (math.MaxInt64-d)/10 {
			return 0, 0, t.valueErrorf("Too many decimal digits in format string")
		}
		v = v*10 + d
		n++
		*pos++
	}
	return v, n, nil
}

// parseFormatSpec parses a format spec for an object of type typeName.
func parseFormatSpec(t *Thread, s string, defaultType, defaultAlign rune, typeName string) (formatSpec, error) {
	var buf [24]rune
	var spec []rune
	if isASCIIString(s) {
		spec = buf[:0]
		for i := 0; i < len(s); i++ {
			spec = append(spec, rune(s[i]))
		}
	} else {
		spec = pyconst.Str(s).Runes()
	}
	f := formatSpec{fill: ' ', align: defaultAlign, width: -1, precision: -1, typ: defaultType}
	pos, end := 0, len(spec)
	fillSpecified, alignSpecified := false, false
	if end-pos >= 2 && isAlignRune(spec[pos+1]) {
		f.align = spec[pos+1]
		f.fill = spec[pos]
		fillSpecified, alignSpecified = true, true
		pos += 2
	} else if end-pos >= 1 && isAlignRune(spec[pos]) {
		f.align = spec[pos]
		alignSpecified = true
		pos++
	}
	if pos < end && (spec[pos] == '+' || spec[pos] == '-' || spec[pos] == ' ') {
		f.sign = spec[pos]
		pos++
	}
	if pos < end && spec[pos] == 'z' {
		f.noNeg0 = true
		pos++
	}
	if pos < end && spec[pos] == '#' {
		f.alternate = true
		pos++
	}
	if !fillSpecified && pos < end && spec[pos] == '0' {
		f.fill = '0'
		if !alignSpecified && defaultAlign == '>' {
			f.align = '='
		}
		pos++
	}
	w, n, err := getFormatInt(t, spec, &pos)
	if err != nil {
		return f, err
	}
	if n > 0 {
		f.width = w
	}
	if pos < end && spec[pos] == ',' {
		f.thousands = sepComma
		pos++
	}
	if pos < end && spec[pos] == '_' {
		if f.thousands != sepNone {
			return f, t.valueErrorf("Cannot specify both ',' and '_'.")
		}
		f.thousands = sepUnderscore
		pos++
	}
	if pos < end && spec[pos] == ',' && f.thousands == sepUnderscore {
		return f, t.valueErrorf("Cannot specify both ',' and '_'.")
	}
	if pos < end && spec[pos] == '.' {
		pos++
		p, n, err := getFormatInt(t, spec, &pos)
		if err != nil {
			return f, err
		}
		if n == 0 {
			return f, t.valueErrorf("Format specifier missing precision")
		}
		f.precision = p
	}
	if end-pos > 1 {
		return f, t.valueErrorf("Invalid format specifier '%s' for object of type '%s'", s, typeName)
	}
	if end-pos == 1 {
		f.typ = spec[pos]
	}
	if f.thousands != sepNone {
		switch f.typ {
		case 'd', 'e', 'f', 'g', 'E', 'G', '%', 'F', 0:
		case 'b', 'o', 'x', 'X':
			if f.thousands == sepUnderscore {
				f.thousands = sepUnderFour
				break
			}
			fallthrough
		default:
			sep := ','
			if f.thousands == sepUnderscore {
				sep = '_'
			}
			if f.typ > 32 && f.typ < 128 {
				return f, t.valueErrorf("Cannot specify '%c' with '%c'.", sep, f.typ)
			}
			return f, t.valueErrorf("Cannot specify '%c' with '\\x%x'.", sep, f.typ)
		}
	}
	return f, nil
}

func isASCIIString(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// unknownFormatCode is unknown_presentation_type.
func unknownFormatCode(t *Thread, typ rune, typeName string) error {
	if typ > 32 && typ < 128 {
		return t.valueErrorf("Unknown format code '%c' for object of type '%s'", typ, typeName)
	}
	return t.valueErrorf("Unknown format code '\\x%x' for object of type '%s'", typ, typeName)
}

// maxFormatWidth bounds the width and precision of a result: CPython
// would try to allocate the text and raise MemoryError when it cannot.
const maxFormatWidth = 1 << 28

func checkFormatSize(t *Thread, f *formatSpec) error {
	if f.width > maxFormatWidth || f.precision > maxFormatWidth {
		return NewException(MemoryErrorType)
	}
	return nil
}

// padText pads text (n code points) to the spec's width.
func padText(b *strings.Builder, text string, n int, f *formatSpec) {
	total := n
	if f.width > n {
		total = f.width
	}
	var left int
	switch f.align {
	case '>':
		left = total - n
	case '^':
		left = (total - n) / 2
	}
	right := total - n - left
	writeFill(b, f.fill, left)
	b.WriteString(text)
	writeFill(b, f.fill, right)
}

func writeFill(b *strings.Builder, fill rune, n int) {
	if n <= 0 {
		return
	}
	if fill < 0x80 {
		b.WriteString(strings.Repeat(string(byte(fill)), n))
		return
	}
	r := string(pyconst.AppendRune(nil, fill))
	b.WriteString(strings.Repeat(r, n))
}

// formatStrSpec is str.__format__ with a non-empty spec.
func formatStrSpec(t *Thread, s *Str, spec string, typeName string) (string, error) {
	f, err := parseFormatSpec(t, spec, 's', '<', typeName)
	if err != nil {
		return "", err
	}
	if f.typ != 's' {
		return "", unknownFormatCode(t, f.typ, typeName)
	}
	switch {
	case f.sign != 0:
		return "", t.valueErrorf("Sign not allowed in string format specifier")
	case f.noNeg0:
		return "", t.valueErrorf("Negative zero coercion (z) not allowed in string format specifier")
	case f.alternate:
		return "", t.valueErrorf("Alternate form (#) not allowed in string format specifier")
	case f.align == '=':
		return "", t.valueErrorf("'=' alignment not allowed in string format specifier")
	}
	n := s.n
	text := s.s
	if (f.width == -1 || f.width <= n) && (f.precision == -1 || f.precision >= n) {
		return text, nil
	}
	if f.precision >= 0 && n >= f.precision {
		n = f.precision
		text = s.Slice(0, n)
	}
	if err := checkFormatSize(t, &f); err != nil {
		return "", err
	}
	var b strings.Builder
	padText(&b, text, n, &f)
	return b.String(), nil
}

// numberParts is a number's text split as calc_number_widths needs it.
type numberParts struct {
	negative bool
	prefix   string // "0x" …
	digits   string // the digits before the decimal point (grouped)
	rest     string // decimal point, fraction, exponent, '%'; or the 'c' character
}

// groupDigits inserts the separators into digits (every group digits),
// padding with zeros to minWidth, as _PyUnicode_InsertThousandsGrouping.
func groupDigits(digits string, minWidth int, sep string, group int) string {
	if group <= 0 {
		l := max(len(digits), minWidth, 1)
		return strings.Repeat("0", l-len(digits)) + digits
	}
	var groups []string
	for {
		l := min(max(len(digits), minWidth, 1), group)
		var g string
		if l > len(digits) {
			g = strings.Repeat("0", l-len(digits)) + digits
			digits = ""
		} else {
			g = digits[len(digits)-l:]
			digits = digits[:len(digits)-l]
		}
		groups = append(groups, g)
		minWidth -= l
		if digits == "" && minWidth <= 0 {
			break
		}
		minWidth -= len(sep)
	}
	var b strings.Builder
	for i := len(groups) - 1; i >= 0; i-- {
		b.WriteString(groups[i])
		if i > 0 {
			b.WriteString(sep)
		}
	}
	return b.String()
}

// separatorOf returns the separator and group size of a thousands kind.
func separatorOf(kind int) (string, int) {
	switch kind {
	case sepComma:
		return ",", 3
	case sepUnderscore:
		return "_", 3
	case sepUnderFour:
		return "_", 4
	}
	return "", 0
}

// layoutNumber writes a number's parts padded to the spec
// (calc_number_widths and fill_number).
func layoutNumber(b *strings.Builder, p numberParts, f *formatSpec, thousands int) {
	var sign byte
	switch f.sign {
	case '+':
		sign = '+'
		if p.negative {
			sign = '-'
		}
	case ' ':
		sign = ' '
		if p.negative {
			sign = '-'
		}
	default:
		if p.negative {
			sign = '-'
		}
	}
	nSign := 0
	if sign != 0 {
		nSign = 1
	}
	nonDigit := nSign + len(p.prefix) + len(p.rest)
	minWidth := 0
	if f.fill == '0' && f.align == '=' {
		minWidth = f.width - nonDigit
	}
	grouped := ""
	if len(p.digits) > 0 {
		sep, group := separatorOf(thousands)
		grouped = groupDigits(p.digits, minWidth, sep, group)
	}
	padding := f.width - (nonDigit + len(grouped))
	var lpad, spad, rpad int
	if padding > 0 {
		switch f.align {
		case '<':
			rpad = padding
		case '^':
			lpad = padding / 2
			rpad = padding - lpad
		case '=':
			spad = padding
		default:
			lpad = padding
		}
	}
	writeFill(b, f.fill, lpad)
	if sign != 0 {
		b.WriteByte(sign)
	}
	b.WriteString(p.prefix)
	writeFill(b, f.fill, spad)
	b.WriteString(grouped)
	b.WriteString(p.rest)
	writeFill(b, f.fill, rpad)
}

// formatIntSpec is int.__format__ with a non-empty spec.
func formatIntSpec(t *Thread, v Value, spec string) (string, error) {
	typeName := typeName(v)
	f, err := parseFormatSpec(t, spec, 'd', '>', typeName)
	if err != nil {
		return "", err
	}
	i, _ := intConst(v)
	switch f.typ {
	case 'b', 'c', 'd', 'o', 'x', 'X', 'n':
	case 'e', 'E', 'f', 'F', 'g', 'G', '%':
		x, err := i.Float64()
		if err != nil {
			return "", constError(t, err)
		}
		return formatFloatWithSpec(t, x, &f)
	default:
		return "", unknownFormatCode(t, f.typ, typeName)
	}
	if f.precision != -1 {
		return "", t.valueErrorf("Precision not allowed in integer format specifier")
	}
	if f.noNeg0 {
		return "", t.valueErrorf("Negative zero coercion (z) not allowed in integer format specifier")
	}
	if err := checkFormatSize(t, &f); err != nil {
		return "", err
	}
	var p numberParts
	if f.typ == 'c' {
		if f.sign != 0 {
			return "", t.valueErrorf("Sign not allowed with integer format specifier 'c'")
		}
		if f.alternate {
			return "", t.valueErrorf("Alternate form (#) not allowed with integer format specifier 'c'")
		}
		x, ok := i.Int64()
		if !ok {
			return "", t.raise(OverflowErrorType, "Python int too large to convert to C long")
		}
		if x < 0 || x > 0x10ffff {
			return "", t.raise(OverflowErrorType, "%c arg not in range(0x110000)")
		}
		var b strings.Builder
		layoutChar(&b, string(pyconst.AppendRune(nil, rune(x))), &f)
		return b.String(), nil
	}
	base := 10
	prefix := ""
	switch f.typ {
	case 'b':
		base, prefix = 2, "0b"
	case 'o':
		base, prefix = 8, "0o"
	case 'x':
		base, prefix = 16, "0x"
	case 'X':
		base, prefix = 16, "0X"
	}
	if i.BitLen() > maxStrDigitsBits && base == 10 && t.interp.maxStrDigits > 0 {
		if _, err := intRepr(t, intFromConst(i)); err != nil {
			return "", err
		}
	}
	digits := i.Abs().Text(base)
	if f.typ == 'X' {
		digits = strings.ToUpper(digits)
	}
	p.negative = i.Sign() < 0
	p.digits = digits
	if f.alternate {
		p.prefix = prefix
	}
	thousands := f.thousands
	if f.typ == 'n' {
		thousands = sepNone
	}
	var b strings.Builder
	layoutNumber(&b, p, &f, thousands)
	return b.String(), nil
}

// layoutChar pads the character of format code 'c'.
func layoutChar(b *strings.Builder, ch string, f *formatSpec) {
	padding := f.width - 1
	var lpad, spad, rpad int
	if padding > 0 {
		switch f.align {
		case '<':
			rpad = padding
		case '^':
			lpad = padding / 2
			rpad = padding - lpad
		case '=':
			spad = padding
		default:
			lpad = padding
		}
	}
	writeFill(b, f.fill, lpad+spad)
	b.WriteString(ch)
	writeFill(b, f.fill, rpad)
}

// Flags of formatDouble (Py_DTSF_*).
const (
	dtsfSign    = 1
	dtsfAddDot0 = 2
	dtsfAlt     = 4
	dtsfNoNeg0  = 8
)

// floatDigits returns the significant digits of |v| (no trailing zeros;
// "0" for zero) and the position of the decimal point (the value is
// 0.DIGITS * 10**decpt), for a mode: 'r' shortest, 'e' n significant
// digits, 'f' n digits after the point.
func floatDigits(v float64, mode byte, n int) (string, int) {
	v = math.Abs(v)
	var digits string
	var decpt int
	switch mode {
	case 'f':
		s := strconv.FormatFloat(v, 'f', n, 64)
		dot := strings.IndexByte(s, '.')
		if dot < 0 {
			digits, decpt = s, len(s)
		} else {
			digits, decpt = s[:dot]+s[dot+1:], dot
		}
		k := 0
		for k < len(digits) && digits[k] == '0' {
			k++
		}
		digits = digits[k:]
		decpt -= k
	default:
		prec := n - 1
		if mode == 'r' {
			prec = -1
		}
		s := strconv.FormatFloat(v, 'e', prec, 64)
		e := strings.IndexByte(s, 'e')
		exp, _ := strconv.Atoi(s[e+1:])
		mant := s[:e]
		if len(mant) > 1 {
			mant = mant[:1] + mant[2:]
		}
		digits, decpt = mant, exp+1
	}
	digits = strings.TrimRight(digits, "0")
	if digits == "" {
		return "0", 1
	}
	return digits, decpt
}

// formatDouble is PyOS_double_to_string(v, code, precision, flags): code
// is one of e E f F g G r.
func formatDouble(v float64, code byte, precision int, flags int) string {
	upper := false
	switch code {
	case 'E', 'F', 'G':
		upper = true
		code += 'a' - 'A'
	}
	alt := flags&dtsfAlt != 0
	addDot0 := flags&dtsfAddDot0 != 0
	if math.IsNaN(v) || math.IsInf(v, 0) {
		s := "inf"
		if math.IsNaN(v) {
			s = "nan"
		}
		if upper {
			s = strings.ToUpper(s)
		}
		if math.IsInf(v, -1) {
			return "-" + s
		}
		if flags&dtsfSign != 0 {
			return "+" + s
		}
		return s
	}
	var digits string
	var decpt int
	switch code {
	case 'r':
		digits, decpt = floatDigits(v, 'r', 0)
	case 'e':
		digits, decpt = floatDigits(v, 'e', precision+1)
	case 'f':
		digits, decpt = floatDigits(v, 'f', precision)
	case 'g':
		if precision == 0 {
			precision = 1
		}
		digits, decpt = floatDigits(v, 'e', precision)
	}
	neg := math.Signbit(v)
	if neg && flags&dtsfNoNeg0 != 0 && digits == "0" {
		neg = false
	}
	vEnd := len(digits)
	useExp := false
	switch code {
	case 'e':
		useExp = true
		vEnd = precision + 1
	case 'f':
		vEnd = decpt + precision
	case 'g':
		limit := precision
		if addDot0 {
			limit = precision - 1
		}
		if decpt <= -4 || decpt > limit {
			useExp = true
		}
		if alt {
			vEnd = precision
		}
	case 'r':
		if decpt <= -4 || decpt > 16 {
			useExp = true
		}
	}
	exp := 0
	if useExp {
		exp = decpt - 1
		decpt = 1
	}
	vStart := 0
	if decpt <= 0 {
		vStart = decpt - 1
	}
	if !useExp && addDot0 {
		vEnd = max(vEnd, decpt+1)
	} else {
		vEnd = max(vEnd, decpt)
	}
	var b []byte
	if neg {
		b = append(b, '-')
	} else if flags&dtsfSign != 0 {
		b = append(b, '+')
	}
	zeros := func(n int) {
		for ; n > 0; n-- {
			b = append(b, '0')
		}
	}
	if decpt <= 0 {
		zeros(decpt - vStart)
		b = append(b, '.')
		zeros(-decpt)
	} else {
		zeros(-vStart)
	}
	nd := len(digits)
	if 0 < decpt && decpt <= nd {
		b = append(b, digits[:decpt]...)
		b = append(b, '.')
		b = append(b, digits[decpt:]...)
	} else {
		b = append(b, digits...)
	}
	if nd < decpt {
		zeros(decpt - nd)
		b = append(b, '.')
		zeros(vEnd - decpt)
	} else {
		zeros(vEnd - nd)
	}
	if b[len(b)-1] == '.' && !alt {
		b = b[:len(b)-1]
	}
	if useExp {
		if upper {
			b = append(b, 'E')
		} else {
			b = append(b, 'e')
		}
		if exp < 0 {
			b = append(b, '-')
			exp = -exp
		} else {
			b = append(b, '+')
		}
		if exp < 10 {
			b = append(b, '0')
		}
		b = strconv.AppendInt(b, int64(exp), 10)
	}
	return string(b)
}

// splitFloatText splits formatDouble's text (without its sign) into the
// digits before the point and the rest (parse_number).
func splitFloatText(s string) (digits, rest string) {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return s[:i], s[i:]
}

// formatFloatSpec is float.__format__ with a non-empty spec.
func formatFloatSpec(t *Thread, x float64, spec string, typeName string) (string, error) {
	f, err := parseFormatSpec(t, spec, 0, '>', typeName)
	if err != nil {
		return "", err
	}
	switch f.typ {
	case 0, 'e', 'E', 'f', 'F', 'g', 'G', 'n', '%':
	default:
		return "", unknownFormatCode(t, f.typ, typeName)
	}
	return formatFloatWithSpec(t, x, &f)
}

// formatFloatWithSpec is format_float_internal.
func formatFloatWithSpec(t *Thread, x float64, f *formatSpec) (string, error) {
	if f.precision > math.MaxInt32 {
		return "", t.valueErrorf("precision too big")
	}
	if err := checkFormatSize(t, f); err != nil {
		return "", err
	}
	typ := f.typ
	if (typ == 'f' || typ == 'e') && f.width < 0 && f.sign == 0 && !f.alternate && !f.noNeg0 &&
		f.thousands == sepNone && !math.IsInf(x, 0) && !math.IsNaN(x) {
		// C's %.Nf and %.Ne, which strconv's correctly rounded
		// formatting writes the same way.
		p := f.precision
		if p < 0 {
			p = 6
		}
		return strconv.FormatFloat(x, byte(typ), p, 64), nil
	}
	flags := 0
	if f.alternate {
		flags |= dtsfAlt
	}
	if f.noNeg0 {
		flags |= dtsfNoNeg0
	}
	defaultPrecision := 6
	if typ == 0 {
		flags |= dtsfAddDot0
		typ = 'r'
		defaultPrecision = 0
	}
	if typ == 'n' {
		typ = 'g'
	}
	pct := false
	if typ == '%' {
		typ = 'f'
		x *= 100
		pct = true
	}
	precision := f.precision
	if precision < 0 {
		precision = defaultPrecision
	} else if typ == 'r' {
		typ = 'g'
	}
	s := formatDouble(x, byte(typ), precision, flags)
	if pct {
		s += "%"
	}
	var p numberParts
	if s[0] == '-' {
		p.negative = true
		s = s[1:]
	}
	p.digits, p.rest = splitFloatText(s)
	thousands := f.thousands
	if f.typ == 'n' {
		thousands = sepNone
	}
	var b strings.Builder
	layoutNumber(&b, p, f, thousands)
	return b.String(), nil
}

// formatComplexSpec is complex.__format__ with a non-empty spec.
func formatComplexSpec(t *Thread, re, im float64, spec string, typeName string) (string, error) {
	f, err := parseFormatSpec(t, spec, 0, '>', typeName)
	if err != nil {
		return "", err
	}
	switch f.typ {
	case 0, 'e', 'E', 'f', 'F', 'g', 'G', 'n':
	default:
		return "", unknownFormatCode(t, f.typ, typeName)
	}
	if f.fill == '0' {
		return "", t.valueErrorf("Zero padding is not allowed in complex format specifier")
	}
	if f.align == '=' {
		return "", t.valueErrorf("'=' alignment flag is not allowed in complex format specifier")
	}
	if f.precision > math.MaxInt32 {
		return "", t.valueErrorf("precision too big")
	}
	if err := checkFormatSize(t, &f); err != nil {
		return "", err
	}
	typ := f.typ
	flags := 0
	if f.alternate {
		flags |= dtsfAlt
	}
	if f.noNeg0 {
		flags |= dtsfNoNeg0
	}
	defaultPrecision := 6
	skipRe, parens := false, false
	if typ == 0 {
		typ = 'r'
		defaultPrecision = 0
		if re == 0 && !math.Signbit(re) {
			skipRe = true
		} else {
			parens = true
		}
	}
	if typ == 'n' {
		typ = 'g'
	}
	precision := f.precision
	if precision < 0 {
		precision = defaultPrecision
	} else if typ == 'r' {
		typ = 'g'
	}
	thousands := f.thousands
	if f.typ == 'n' {
		thousands = sepNone
	}
	part := func(v float64, sign rune) string {
		s := formatDouble(v, byte(typ), precision, flags)
		var p numberParts
		if s[0] == '-' {
			p.negative = true
			s = s[1:]
		}
		p.digits, p.rest = splitFloatText(s)
		tmp := formatSpec{fill: ' ', align: '<', width: -1, sign: sign}
		var b strings.Builder
		layoutNumber(&b, p, &tmp, thousands)
		return b.String()
	}
	var body strings.Builder
	if parens {
		body.WriteByte('(')
	}
	imSign := f.sign
	if !skipRe {
		body.WriteString(part(re, f.sign))
		imSign = '+'
	}
	body.WriteString(part(im, imSign))
	body.WriteByte('j')
	if parens {
		body.WriteByte(')')
	}
	text := body.String()
	var b strings.Builder
	padText(&b, text, len(text), &f)
	return b.String(), nil
}

// formatArg reads the spec argument of a __format__ method.
func formatArg(t *Thread, name string, args []Value, kw []*Str) (*Str, error) {
	if len(kw) > 0 {
		return nil, t.typeErrorf("%s() takes no keyword arguments", name)
	}
	if len(args) != 1 {
		return nil, t.typeErrorf("%s() takes exactly one argument (%d given)", name, len(args))
	}
	s, ok := args[0].o.(*Str)
	if !ok {
		return nil, t.typeErrorf("__format__() argument must be str, not %s", typeName(args[0]))
	}
	return s, nil
}

// intFormatMethod is int.__format__(spec).
func intFormatMethod(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
	spec, err := formatArg(t, "int.__format__", args, kw)
	if err != nil {
		return Null, err
	}
	if spec.n == 0 {
		s, err := StrOf(t, self)
		if err != nil {
			return Null, err
		}
		return Value{o: s}, nil
	}
	r, err := formatIntSpec(t, self, spec.s)
	if err != nil {
		return Null, err
	}
	return NewStrValue(r), nil
}

// floatFormatMethod is float.__format__(spec).
func floatFormatMethod(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
	spec, err := formatArg(t, "float.__format__", args, kw)
	if err != nil {
		return Null, err
	}
	if spec.n == 0 {
		s, err := StrOf(t, self)
		if err != nil {
			return Null, err
		}
		return Value{o: s}, nil
	}
	x, _ := floatOf(self)
	r, err := formatFloatSpec(t, x, spec.s, typeName(self))
	if err != nil {
		return Null, err
	}
	return NewStrValue(r), nil
}

// complexFormatMethod is complex.__format__(spec).
func complexFormatMethod(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
	spec, err := formatArg(t, "complex.__format__", args, kw)
	if err != nil {
		return Null, err
	}
	if spec.n == 0 {
		s, err := StrOf(t, self)
		if err != nil {
			return Null, err
		}
		return Value{o: s}, nil
	}
	re, im, _ := complexOf(self)
	r, err := formatComplexSpec(t, re, im, spec.s, typeName(self))
	if err != nil {
		return Null, err
	}
	return NewStrValue(r), nil
}

// strFormatMethod is str.__format__(spec).
func strFormatMethod(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
	spec, err := formatArg(t, "str.__format__", args, kw)
	if err != nil {
		return Null, err
	}
	s := self.o.(*Str)
	if spec.n == 0 {
		if s.cls == StrType {
			return self, nil
		}
		r, err := StrOf(t, self)
		if err != nil {
			return Null, err
		}
		return Value{o: r}, nil
	}
	r, err := formatStrSpec(t, s, spec.s, typeName(self))
	if err != nil {
		return Null, err
	}
	return NewStrValue(r), nil
}

func init() {
	onSetup(func() {
		defMethods(StrType, MethodDef{Name: "__format__", Fn: strFormatMethod})
	})
}
