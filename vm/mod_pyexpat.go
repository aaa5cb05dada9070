package vm

import (
	"fmt"
	"strings"
	"sync"
	"unicode/utf16"

	"github.com/peephole-lsp/peephole/internal/pyconst"
)

// The pyexpat module (Modules/pyexpat.c over Expat 2.6.3), which
// xml.parsers.expat re-exports and xml.etree.ElementTree, xml.dom.minidom,
// xml.sax and plistlib parse with: ParserCreate and its xmlparser objects
// (the handler attributes, Parse/ParseFile, buffer_text, ordered
// attributes, namespace processing, the position attributes), ExpatError,
// ErrorString and the errors and model submodules. The parsing itself is
// expat_scan.go's.

var xmlParserType = nativeType("pyexpat", "xmlparser", nil, 0)

var (
	expatErrorType *Type
	expatErrorOnce sync.Once
)

// expatHandlerNames are the handler attributes, in pyexpat's order.
var expatHandlerNames = []string{"StartElementHandler", "EndElementHandler", "ProcessingInstructionHandler",
	"CharacterDataHandler", "UnparsedEntityDeclHandler", "NotationDeclHandler", "StartNamespaceDeclHandler",
	"EndNamespaceDeclHandler", "CommentHandler", "StartCdataSectionHandler", "EndCdataSectionHandler",
	"DefaultHandler", "DefaultHandlerExpand", "NotStandaloneHandler", "ExternalEntityRefHandler",
	"StartDoctypeDeclHandler", "EndDoctypeDeclHandler", "EntityDeclHandler", "XmlDeclHandler",
	"ElementDeclHandler", "AttlistDeclHandler", "SkippedEntityHandler"}

// expatParser is an xmlparser.
type expatParser struct {
	ObjectBase
	handlers map[string]Value

	ns           bool
	nsSep        string
	bufferText   bool
	bufferSize   int
	orderedAttrs bool
	specAttrs    bool
	nsPrefixes   bool
	intern       Value // a dict, or None
	deferral     bool
	encoding     string // ParserCreate's, or the XML declaration's for bytes
	strInput     bool   // the first Parse gave a str

	in  []byte
	pos xmlPos // of in[0]
	cur xmlPos // of the event being reported
	// inCall is set while a handler runs (CurrentLineNumber is then the
	// event's position).
	inCall   bool
	text     []byte // buffer_text's buffer
	textPos  int
	fail     *xmlFail
	started  bool
	finished bool
	bom      bool
	// The bytes input's encoding (decodeInput).
	encDecided bool
	rawHold    []byte
	odd        []byte
	utf16Start bool
	utf16BE    bool
	// partialBefore is how much input there was when a Parse call could
	// consume none of it (a token cut short at its start); with reparse
	// deferral, Expat 2.6 does not try again until the input doubles.
	partialBefore int

	state           int
	stack           []xmlOpen
	nsMap           map[string][]string
	entities        map[string]string
	extEntities     map[string]bool // declared external or unparsed: never expanded
	attDefs         map[string][]xmlAttDef
	sawDecl         bool
	sawAny          bool
	sawDoctype      bool
	externalDTD     bool
	paramEntityRefs bool
	standalone      bool
	inCDATA         bool
}

func pyconstAppendRune(b []byte, r rune) []byte { return pyconst.AppendRune(b, r) }

func init() {
	RegisterModule("pyexpat", initPyexpat)
	onSetup(setupXMLParserType)
}

func expatError() *Type {
	expatErrorOnce.Do(func() {
		expatErrorType = moduleExceptionType("xml.parsers.expat", "ExpatError", ExceptionType)
	})
	return expatErrorType
}

func initPyexpat(t *Thread, m *Module) error {
	m.Set("__doc__", NewStrValue("Python wrapper for Expat parser."))
	m.Set("ExpatError", Value{o: expatError()})
	m.Set("error", Value{o: expatError()})
	m.Set("XMLParserType", Value{o: xmlParserType})
	m.Set("EXPAT_VERSION", NewStrValue("expat_2.6.3"))
	m.Set("version_info", Value{o: NewTuple(Int(2), Int(6), Int(3))})
	m.Set("native_encoding", NewStrValue("UTF-8"))
	feats := []Value{}
	for _, f := range []struct {
		name string
		v    int64
	}{{"sizeof(XML_Char)", 1}, {"sizeof(XML_LChar)", 1}, {"XML_DTD", 0}, {"XML_CONTEXT_BYTES", 1024}, {"XML_NS", 0},
		{"XML_BLAP_MAX_AMP", 100}, {"XML_BLAP_ACT_THRES", 8388608}, {"XML_GE", 0}} {
		feats = append(feats, Value{o: NewTuple(NewStrValue(f.name), Int(f.v))})
	}
	m.Set("features", Value{o: NewList(feats...)})
	m.Set("XML_PARAM_ENTITY_PARSING_NEVER", Int(0))
	m.Set("XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE", Int(1))
	m.Set("XML_PARAM_ENTITY_PARSING_ALWAYS", Int(2))
	m.Set("expat_CAPI", None)

	errs := NewModule("pyexpat.errors")
	errs.Set("__doc__", NewStrValue("Constants used to describe error conditions."))
	codes, messages := NewDict(), NewDict()
	for code, name := range expatErrorNames {
		if code == 0 {
			continue
		}
		msg := NewStrValue(xmlErrorMessages[code])
		errs.Set(name, msg)
		codes.SetStr(xmlErrorMessages[code], Int(int64(code)))
		if err := messages.Set(t, Int(int64(code)), msg); err != nil {
			return err
		}
	}
	errs.Set("codes", Value{o: codes})
	errs.Set("messages", Value{o: messages})
	m.Set("errors", Value{o: errs})
	model := NewModule("pyexpat.model")
	model.Set("__doc__", NewStrValue("Constants used to interpret content model information."))
	for name, v := range map[string]int64{"XML_CQUANT_NONE": 0, "XML_CQUANT_OPT": 1, "XML_CQUANT_PLUS": 3, "XML_CQUANT_REP": 2,
		"XML_CTYPE_ANY": 2, "XML_CTYPE_CHOICE": 5, "XML_CTYPE_EMPTY": 1, "XML_CTYPE_MIXED": 3, "XML_CTYPE_NAME": 4, "XML_CTYPE_SEQ": 6} {
		model.Set(name, Int(v))
	}
	m.Set("model", Value{o: model})
	t.interp.Modules.SetStr("pyexpat.errors", Value{o: errs})
	t.interp.Modules.SetStr("pyexpat.model", Value{o: model})

	add := func(name, doc string, fn BuiltinFunc) {
		b := NewBuiltin(name, fn)
		b.module = "pyexpat"
		b.doc = doc
		m.Set(name, Value{o: b})
	}
	spec := ArgSpec{Name: "ParserCreate", Params: []string{"encoding", "namespace_separator", "intern"}}
	add("ParserCreate", "Return a new XML parser object.", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		var a [3]Value
		if err := clinicArgs(t, &spec, args, kw, a[:]); err != nil {
			return Null, err
		}
		p := &expatParser{ObjectBase: ObjectBase{cls: xmlParserType}, handlers: map[string]Value{}, bufferSize: 8192,
			deferral: true, pos: xmlPos{line: 1}}
		p.cur = p.pos
		if !a[0].IsNull() && !a[0].IsNone() {
			s, ok := a[0].o.(*Str)
			if !ok {
				return Null, t.typeErrorf("ParserCreate() argument 'encoding' must be str or None, not %s", typeName(a[0]))
			}
			p.encoding = s.s
		}
		if !a[1].IsNull() && !a[1].IsNone() {
			s, ok := a[1].o.(*Str)
			if !ok {
				return Null, t.typeErrorf("ParserCreate() argument 'namespace_separator' must be str or None, not %s", typeName(a[1]))
			}
			if s.n > 1 {
				return Null, t.valueErrorf("namespace_separator must be at most one character, omitted, or None")
			}
			p.ns, p.nsSep = true, s.s
		}
		switch {
		case a[2].IsNull():
			p.intern = Value{o: NewDict()}
		case a[2].IsNone():
			p.intern = None
		default:
			if _, ok := a[2].o.(*Dict); !ok {
				return Null, t.typeErrorf("intern must be a dictionary")
			}
			p.intern = a[2]
		}
		return Value{o: p}, nil
	})
	add("ErrorString", "Returns string error for given number.", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := oneArg(t, "pyexpat.ErrorString", args, kw); err != nil {
			return Null, err
		}
		n, err := asCInt(t, args[0])
		if err != nil {
			return Null, err
		}
		if n > 0 && n < len(xmlErrorMessages) {
			return NewStrValue(xmlErrorMessages[n]), nil
		}
		return None, nil
	})
	return nil
}

var expatErrorNames = []string{"", "XML_ERROR_NO_MEMORY", "XML_ERROR_SYNTAX", "XML_ERROR_NO_ELEMENTS", "XML_ERROR_INVALID_TOKEN",
	"XML_ERROR_UNCLOSED_TOKEN", "XML_ERROR_PARTIAL_CHAR", "XML_ERROR_TAG_MISMATCH", "XML_ERROR_DUPLICATE_ATTRIBUTE",
	"XML_ERROR_JUNK_AFTER_DOC_ELEMENT", "XML_ERROR_PARAM_ENTITY_REF", "XML_ERROR_UNDEFINED_ENTITY", "XML_ERROR_RECURSIVE_ENTITY_REF",
	"XML_ERROR_ASYNC_ENTITY", "XML_ERROR_BAD_CHAR_REF", "XML_ERROR_BINARY_ENTITY_REF", "XML_ERROR_ATTRIBUTE_EXTERNAL_ENTITY_REF",
	"XML_ERROR_MISPLACED_XML_PI", "XML_ERROR_UNKNOWN_ENCODING", "XML_ERROR_INCORRECT_ENCODING", "XML_ERROR_UNCLOSED_CDATA_SECTION",
	"XML_ERROR_EXTERNAL_ENTITY_HANDLING", "XML_ERROR_NOT_STANDALONE", "XML_ERROR_UNEXPECTED_STATE", "XML_ERROR_ENTITY_DECLARED_IN_PE",
	"XML_ERROR_FEATURE_REQUIRES_XML_DTD", "XML_ERROR_CANT_CHANGE_FEATURE_ONCE_PARSING", "XML_ERROR_UNBOUND_PREFIX",
	"XML_ERROR_UNDECLARING_PREFIX", "XML_ERROR_INCOMPLETE_PE", "XML_ERROR_XML_DECL", "XML_ERROR_TEXT_DECL", "XML_ERROR_PUBLICID",
	"XML_ERROR_SUSPENDED", "XML_ERROR_NOT_SUSPENDED", "XML_ERROR_ABORTED", "XML_ERROR_FINISHED", "XML_ERROR_SUSPEND_PE",
	"XML_ERROR_RESERVED_PREFIX_XML", "XML_ERROR_RESERVED_PREFIX_XMLNS", "XML_ERROR_RESERVED_NAMESPACE_URI",
	"XML_ERROR_INVALID_ARGUMENT", "XML_ERROR_NO_BUFFER", "XML_ERROR_AMPLIFICATION_LIMIT_BREACH"}

// handler is a handler attribute's value (NULL when unset or None).
func (p *expatParser) handler(name string) Value {
	v := p.handlers[name]
	if v.IsNone() {
		return Null
	}
	return v
}

// internName is a name through the intern dict.
func (p *expatParser) internName(s string) string {
	if d, ok := p.intern.o.(*Dict); ok {
		if v, found := d.GetStr(s); found {
			if vs, ok := v.o.(*Str); ok {
				return vs.s
			}
		}
		d.SetStr(s, NewStrValue(s))
	}
	return s
}

// call runs a handler for an event at byte offset at of the input,
// after the buffered text; false stops the parse (p.fail holds why).
func (p *expatParser) call(t *Thread, h Value, at int, args ...Value) bool {
	if h.IsNull() {
		return true
	}
	if !p.flushText(t, at) {
		return false
	}
	return p.invoke(t, h, p.posAt(at), args)
}

func (p *expatParser) invoke(t *Thread, h Value, at xmlPos, args []Value) bool {
	saved, savedIn := p.cur, p.inCall
	p.cur, p.inCall = at, true
	_, err := t.Call(h, args, nil)
	p.cur, p.inCall = saved, savedIn
	if err != nil {
		p.fail = &xmlFail{err: err, pos: at}
		return false
	}
	return true
}

// deflt passes markup no handler took to the default handler.
func (p *expatParser) deflt(t *Thread, at int, text string) bool {
	h := p.handler("DefaultHandlerExpand")
	if h.IsNull() {
		h = p.handler("DefaultHandler")
	}
	return p.call(t, h, at, NewStrValue(text))
}

// charData reports character data (buffered with buffer_text).
func (p *expatParser) charData(t *Thread, at int, text string) bool {
	h := p.handler("CharacterDataHandler")
	if h.IsNull() {
		return p.deflt(t, at, text)
	}
	if !p.bufferText {
		return p.call(t, h, at, NewStrValue(text))
	}
	if len(p.text)+len(text) > p.bufferSize {
		if !p.flushText(t, at) {
			return false
		}
		if p.handler("CharacterDataHandler").IsNull() {
			return true
		}
	}
	if len(text) > p.bufferSize {
		return p.invoke(t, h, p.posAt(at), []Value{NewStrValue(text)})
	}
	p.text = append(p.text, text...)
	return true
}

// flushText reports the buffered text, at the position of the event
// that follows it.
func (p *expatParser) flushText(t *Thread, at int) bool {
	if len(p.text) == 0 {
		return true
	}
	text := string(p.text)
	p.text = p.text[:0]
	h := p.handler("CharacterDataHandler")
	if h.IsNull() {
		return true
	}
	pos := p.pos
	if at >= 0 && at <= len(p.in) {
		pos = p.posAt(at)
	}
	return p.invoke(t, h, pos, []Value{NewStrValue(text)})
}

// expatErr makes an ExpatError for code at pos.
func (p *expatParser) expatErr(t *Thread, code int, pos xmlPos) error {
	msg := fmt.Sprintf("%s: line %d, column %d", xmlErrorMessages[code], pos.line, pos.col)
	e := NewException(expatError(), NewStrValue(msg))
	ev := Value{o: e}
	for _, kv := range []struct {
		name string
		v    int
	}{{"code", code}, {"lineno", pos.line}, {"offset", pos.col}} {
		if err := SetAttr(t, ev, Intern(kv.name), Int(int64(kv.v))); err != nil {
			return err
		}
	}
	return e
}

// decodeInput brings bytes input to UTF-8 by the document's encoding:
// a UTF-16 BOM, the parser's encoding, or the XML declaration's, which
// the input is held back for until it is complete.
func (p *expatParser) decodeInput(b []byte, final bool) []byte {
	if !p.encDecided {
		p.rawHold = append(p.rawHold, b...)
		h := p.rawHold
		enc := strings.ToLower(p.encoding)
		switch {
		case enc != "":
		case len(h) >= 2 && (h[0] == 0xFE && h[1] == 0xFF || h[0] == 0xFF && h[1] == 0xFE):
			enc = "utf-16"
		case len(h) < 5 && strings.HasPrefix("<?xml", string(h)) && !final:
			return nil
		case strings.HasPrefix(string(h), "<?xml"):
			end := strings.Index(string(h), "?>")
			if end < 0 && !final {
				return nil
			}
			if end > 0 {
				enc = xmlDeclEncoding(string(h[:end]))
			}
		}
		p.encDecided, p.encoding, p.rawHold = true, enc, nil
		switch enc {
		case "iso-8859-1", "latin-1", "latin1", "iso8859-1":
			p.pos.enc = 1
		case "utf-16", "utf-16le", "utf-16be":
			p.pos.enc = 2
		}
		b = h
	}
	switch strings.ToLower(p.encoding) {
	case "iso-8859-1", "latin-1", "latin1", "iso8859-1":
		out := make([]byte, 0, len(b))
		for _, c := range b {
			out = pyconst.AppendRune(out, rune(c))
		}
		return out
	case "utf-16", "utf-16le", "utf-16be":
		b = append(p.odd, b...)
		p.odd = nil
		if len(b)%2 == 1 {
			p.odd = []byte{b[len(b)-1]}
			b = b[:len(b)-1]
		}
		if !p.utf16Start && len(b) >= 2 {
			p.utf16Start = true
			if b[0] == 0xFE && b[1] == 0xFF {
				p.utf16BE, b = true, b[2:]
			} else if b[0] == 0xFF && b[1] == 0xFE {
				b = b[2:]
			} else {
				p.utf16BE = strings.ToLower(p.encoding) == "utf-16be"
			}
		}
		u := make([]uint16, len(b)/2)
		for i := range u {
			if p.utf16BE {
				u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
			} else {
				u[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
			}
		}
		var out []byte
		for _, r := range utf16.Decode(u) {
			out = pyconst.AppendRune(out, r)
		}
		return out
	}
	return b
}

// xmlDeclEncoding is the encoding an XML declaration names ("" for none).
func xmlDeclEncoding(decl string) string {
	i := strings.Index(decl, "encoding")
	if i < 0 {
		return ""
	}
	rest := strings.TrimLeft(decl[i+8:], " \t\r\n")
	if !strings.HasPrefix(rest, "=") {
		return ""
	}
	rest = strings.TrimLeft(rest[1:], " \t\r\n")
	if len(rest) > 1 && (rest[0] == '"' || rest[0] == '\'') {
		if j := strings.IndexByte(rest[1:], rest[0]); j >= 0 {
			return strings.ToLower(rest[1 : 1+j])
		}
	}
	return ""
}

// parse is xmlparser.Parse(data, isfinal).
func (p *expatParser) parse(t *Thread, data []byte, final bool) (Value, error) {
	if p.finished {
		return Null, p.expatErr(t, xmlErrFinished, p.pos)
	}
	if p.fail != nil && p.fail.code != 0 {
		return Null, p.expatErr(t, p.fail.code, p.fail.pos)
	}
	// Reparse deferral (Expat 2.6): after a Parse call that could use none
	// of its input, the next ones only add to it until it has doubled.
	have := len(p.in) + len(p.rawHold) + len(data)
	deferred := p.deferral && !final && p.partialBefore > 0 && have < 2*p.partialBefore
	if !p.strInput {
		data = p.decodeInput(data, final)
	}
	if !p.started && !p.bom && len(data) >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF {
		p.bom = true
		p.pos.advance(data[:3])
		data = data[3:]
	}
	if len(data) > 0 || p.encDecided || p.strInput {
		p.started = true
	}
	p.in = append(p.in, data...)
	if deferred {
		return Int(1), nil
	}
	if !p.strInput && !p.encDecided {
		// Still reading the XML declaration: an attempt that used nothing.
		p.partialBefore = have
		return Int(1), nil
	}
	before := len(p.in)
	p.run(t, final)
	if len(p.in) == before && before > 0 && p.fail == nil {
		p.partialBefore = before
	} else {
		p.partialBefore = 0
	}
	if p.fail == nil {
		if !p.flushText(t, len(p.in)) {
			return Null, p.fail.err
		}
	}
	if p.fail != nil {
		if p.fail.err != nil {
			err := p.fail.err
			p.fail = &xmlFail{code: 35, pos: p.fail.pos} // XML_ERROR_ABORTED
			return Null, err
		}
		p.text = p.text[:0]
		return Null, p.expatErr(t, p.fail.code, p.fail.pos)
	}
	if final {
		p.finished = true
	}
	return Int(1), nil
}

var (
	expatParseSpec     = ArgSpec{Name: "Parse", Params: []string{"data", "isfinal"}, Required: 1, PosOnly: 2}
	expatParseFileSpec = ArgSpec{Name: "ParseFile", Params: []string{"file"}, Required: 1, PosOnly: 1}
)

func setupXMLParserType() {
	pt := xmlParserType
	pt.Doc = "XML parser"
	pt.Dict.SetStr("__doc__", NewStrValue(pt.Doc))
	xp := func(v Value) *expatParser { return v.o.(*expatParser) }
	for _, name := range expatHandlerNames {
		name := name
		defGetSet(pt, name, func(t *Thread, self Value) (Value, error) {
			if v, ok := xp(self).handlers[name]; ok && !v.IsNull() {
				return v, nil
			}
			return None, nil
		}, func(t *Thread, self, v Value) error {
			p := xp(self)
			if name == "CharacterDataHandler" && !p.flushText(t, -1) {
				return p.fail.err
			}
			if v.IsNull() {
				v = None
			}
			p.handlers[name] = v
			return nil
		})
	}
	boolAttr := func(name string, field func(p *expatParser) *bool) {
		defGetSet(pt, name, func(t *Thread, self Value) (Value, error) { return Bool(*field(xp(self))), nil },
			func(t *Thread, self, v Value) error {
				if v.IsNull() {
					return t.raise(RuntimeErrorType, "Cannot delete attribute")
				}
				b, err := Truth(t, v)
				if err != nil {
					return err
				}
				p := xp(self)
				if name == "buffer_text" && !b && !p.flushText(t, -1) {
					return p.fail.err
				}
				*field(p) = b
				return nil
			})
	}
	boolAttr("buffer_text", func(p *expatParser) *bool { return &p.bufferText })
	boolAttr("ordered_attributes", func(p *expatParser) *bool { return &p.orderedAttrs })
	boolAttr("specified_attributes", func(p *expatParser) *bool { return &p.specAttrs })
	boolAttr("namespace_prefixes", func(p *expatParser) *bool { return &p.nsPrefixes })
	defGetSet(pt, "buffer_size", func(t *Thread, self Value) (Value, error) { return Int(int64(xp(self).bufferSize)), nil },
		func(t *Thread, self, v Value) error {
			if v.IsNull() {
				return t.raise(RuntimeErrorType, "Cannot delete attribute")
			}
			if !v.IsIntLike() {
				return t.typeErrorf("buffer_size must be an integer")
			}
			n, err := AsSize(t, v, OverflowErrorType)
			if err != nil {
				return err
			}
			if n <= 0 {
				return t.valueErrorf("buffer_size must be greater than zero")
			}
			p := xp(self)
			if !p.flushText(t, -1) {
				return p.fail.err
			}
			p.bufferSize = n
			return nil
		})
	defGetSet(pt, "buffer_used", func(t *Thread, self Value) (Value, error) { return Int(int64(len(xp(self).text))), nil }, nil)
	defGetSet(pt, "intern", func(t *Thread, self Value) (Value, error) { return xp(self).intern, nil }, nil)
	position := func(p *expatParser) xmlPos {
		if p.inCall {
			return p.cur
		}
		return p.posAt(len(p.in))
	}
	intAttr := func(name string, get func(p *expatParser) int64) {
		defGetSet(pt, name, func(t *Thread, self Value) (Value, error) { return Int(get(xp(self))), nil }, nil)
	}
	intAttr("CurrentLineNumber", func(p *expatParser) int64 { return int64(position(p).line) })
	intAttr("CurrentColumnNumber", func(p *expatParser) int64 { return int64(position(p).col) })
	intAttr("CurrentByteIndex", func(p *expatParser) int64 {
		if !p.started {
			return -1
		}
		return position(p).byteIdx
	})
	errPos := func(p *expatParser) (xmlPos, int) {
		if p.fail != nil && p.fail.code != 0 {
			return p.fail.pos, p.fail.code
		}
		if p.fail != nil {
			return p.fail.pos, 35
		}
		return position(p), 0
	}
	intAttr("ErrorCode", func(p *expatParser) int64 { _, c := errPos(p); return int64(c) })
	intAttr("ErrorLineNumber", func(p *expatParser) int64 { q, _ := errPos(p); return int64(q.line) })
	intAttr("ErrorColumnNumber", func(p *expatParser) int64 { q, _ := errPos(p); return int64(q.col) })
	intAttr("ErrorByteIndex", func(p *expatParser) int64 {
		if !p.started {
			return -1
		}
		q, _ := errPos(p)
		return q.byteIdx
	})
	defMethods(pt,
		MethodDef{Name: "Parse", Doc: "Parse XML data.\n\n'isfinal' should be true at end of input.", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			var a [2]Value
			if err := clinicArgs(t, &expatParseSpec, args, kw, a[:]); err != nil {
				return Null, err
			}
			p := xp(self)
			var data []byte
			if s, ok := a[0].o.(*Str); ok {
				if !p.started {
					p.strInput = true
				}
				data = []byte(s.s)
			} else {
				b, err := bufferArg(t, a[0])
				if err != nil {
					return Null, err
				}
				data = append([]byte(nil), b...)
			}
			final := false
			if !a[1].IsNull() {
				n, err := asCInt(t, a[1])
				if err != nil {
					return Null, err
				}
				final = n != 0
			}
			return p.parse(t, data, final)
		}},
		MethodDef{Name: "ParseFile", Doc: "Parse XML data from file-like object.", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			var a [1]Value
			if err := clinicArgs(t, &expatParseFileSpec, args, kw, a[:]); err != nil {
				return Null, err
			}
			read, err := getAttrOpt(t, a[0], Intern("read"))
			if err != nil {
				return Null, err
			}
			if read.IsNull() {
				return Null, t.typeErrorf("argument must have 'read' attribute")
			}
			p := xp(self)
			for {
				chunk, err := t.Call(read, []Value{Int(2048)}, nil)
				if err != nil {
					return Null, err
				}
				var data []byte
				switch c := chunk.o.(type) {
				case *Str:
					if !p.started {
						p.strInput = true
					}
					data = []byte(c.s)
				case *Bytes:
					data = c.b
				default:
					return Null, t.typeErrorf("read() did not return a bytes object (type=%.400s)", typeName(chunk))
				}
				if _, err := p.parse(t, append([]byte(nil), data...), len(data) == 0); err != nil {
					return Null, err
				}
				if len(data) == 0 {
					return Int(1), nil
				}
			}
		}},
		MethodDef{Name: "SetBase", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "SetBase", args, kw); err != nil {
				return Null, err
			}
			xp(self).handlers["\x00base"] = args[0]
			return None, nil
		}},
		MethodDef{Name: "GetBase", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if v, ok := xp(self).handlers["\x00base"]; ok {
				return v, nil
			}
			return None, nil
		}},
		MethodDef{Name: "GetInputContext", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) { return None, nil }},
		MethodDef{Name: "SetParamEntityParsing", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "SetParamEntityParsing", args, kw); err != nil {
				return Null, err
			}
			return Int(0), nil
		}},
		MethodDef{Name: "UseForeignDTD", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return None, nil
		}},
		MethodDef{Name: "GetReparseDeferralEnabled", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return Bool(xp(self).deferral), nil
		}},
		MethodDef{Name: "SetReparseDeferralEnabled", Fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := oneArg(t, "SetReparseDeferralEnabled", args, kw); err != nil {
				return Null, err
			}
			b, err := Truth(t, args[0])
			if err != nil {
				return Null, err
			}
			xp(self).deferral = b
			return None, nil
		}},
	)
}
