package vm

// Making the Unicode errors the codecs raise (the types' own __init__ and
// __str__ are in exceptions_unicode.go).

// newUnicodeEncodeError returns UnicodeEncodeError(encoding, s, start,
// end, reason).
func newUnicodeEncodeError(encoding string, s *Str, start, end int, reason string) *Exception {
	return newUnicodeError(UnicodeEncodeErrorType, NewStrValue(encoding), Value{o: s}, start, end, reason)
}

// newUnicodeDecodeError returns UnicodeDecodeError(encoding, b, start,
// end, reason).
func newUnicodeDecodeError(encoding string, b *Bytes, start, end int, reason string) *Exception {
	return newUnicodeError(UnicodeDecodeErrorType, NewStrValue(encoding), Value{o: b}, start, end, reason)
}

func newUnicodeError(cls *Type, encoding, obj Value, start, end int, reason string) *Exception {
	st, en, re := Int(int64(start)), Int(int64(end)), NewStrValue(reason)
	e := NewException(cls, encoding, obj, st, en, re)
	e.Encoding, e.Object, e.Start, e.End, e.Reason = encoding, obj, st, en, re
	return e
}
