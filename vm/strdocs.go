package vm

//go:generate go run ./internal/strdocgen

// attachStrDocs gives str, bytes, bytearray or memoryview its __doc__ and
// its methods theirs, from strDocs (strdocs_gen.go, generated from the
// oracle). Each setup that defines methods of one of them calls it; it
// only fills docs that are still empty.
func attachStrDocs(tp *Type) {
	docs := strDocs[tp.Name]
	if docs == nil {
		return
	}
	if tp.Doc == "" {
		tp.Doc = docs[""]
	}
	for name, doc := range docs {
		if name == "" {
			continue
		}
		v, ok := tp.Dict.getStr(Intern(name))
		if !ok {
			continue
		}
		switch o := v.o.(type) {
		case *MethodDescr:
			if o.doc == "" {
				o.doc = doc
			}
		case *StaticMethod:
			if b, ok := o.fn.o.(*Builtin); ok && b.doc == "" {
				b.doc = doc
			}
		}
	}
}
