package vm

// registerCommandSource does what CPython 3.13 does before it runs a -c
// command: it imports linecache and registers the command's text as the
// lines of "<string>" (linecache._register_code), so that the traceback
// module and the warnings module show the command's source lines as the
// interpreter's own traceback printer does. Without the standard library
// there is no linecache, and nothing to do.
func (in *Interp) registerCommandSource(t *Thread, src []byte) {
	if in.PyLib == "" {
		return
	}
	lc, err := t.importModule("linecache")
	if err != nil {
		return
	}
	reg, err := GetAttrString(t, lc, "_register_code")
	if err != nil {
		return
	}
	name := NewStrValue("<string>")
	text, err := decodeBytes(t, src, nil, "utf-8", "surrogateescape")
	if err != nil {
		return
	}
	_, _ = t.Call(reg, []Value{name, {o: text}, name}, nil)
}
