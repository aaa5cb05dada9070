package parser

// CodecInfo describes a codec of CPython's encodings package, as the
// codec registry finds it by name (for the VM's str.encode and
// bytes.decode, which share the tables of codecs_gen.go).
type CodecInfo struct {
	// Module is the codec module's name ("cp1252", "utf_8").
	Module string
	// Name is the codec's CodecInfo.name ("cp1252", "utf-8").
	Name string
	// Text reports a text encoding (not bytes-to-bytes like hex).
	Text bool
	// Table holds a single-byte codec's 256 characters, U+FFFE for the
	// undefined bytes; it is "" for the other codecs.
	Table string
}

// LookupCodec finds the codec called name as codecs.lookup does: the name
// normalized, then looked up among the aliases and the codec modules.
func LookupCodec(name string) (CodecInfo, bool) {
	mod := findCodec(name)
	if mod == "" {
		return CodecInfo{}, false
	}
	m := codecModules[mod]
	return CodecInfo{Module: mod, Name: m.name, Text: m.text, Table: m.table}, true
}
