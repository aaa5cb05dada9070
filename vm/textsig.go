package vm

import (
	"strings"
	"sync"
)

//go:generate go run ./internal/textsiggen

// __text_signature__ of builtin functions, methods and types, as
// CPython 3.13 has them (from the signature line of their docstrings),
// which inspect.signature parses: "($module, obj, /)" for len,
// "($self, /, sep=None, maxsplit=-1)" for str.split. They come from
// textsig_gen.go, generated from the oracle, by "module.qualname".

var (
	textSigOnce sync.Once
	textSigs    map[string]string
)

// textSigValue is the signature under key, or None.
func textSigValue(key string) Value {
	textSigOnce.Do(func() {
		textSigs = make(map[string]string, len(textSigList))
		for _, kv := range textSigList {
			textSigs[kv[0]] = kv[1]
		}
	})
	if s, ok := textSigs[key]; ok {
		return NewStrValue(s)
	}
	return None
}

// builtinTextSig is builtin_function_or_method.__text_signature__: a
// module function's by its module and name, a bound method's by the type
// that defines it.
func builtinTextSig(t *Thread, self Value) (Value, error) {
	b := self.o.(*Builtin)
	if _, ofModule := b.self.o.(*Module); b.self.IsNull() || ofModule {
		if b.module != "" {
			return textSigValue(b.module + "." + b.name), nil
		}
	}
	i := strings.LastIndexByte(b.qual, '.')
	if i < 0 {
		return None, nil
	}
	if b.self.IsNull() {
		// A static method of a builtin type (str.maketrans).
		return textSigValue("builtins." + b.qual), nil
	}
	owner := b.qual[:i]
	mro := b.self.Type().MRO
	if tp, ok := b.self.o.(*Type); ok {
		mro = append(append([]*Type(nil), tp.MRO...), mro...)
	}
	for _, c := range mro {
		if c.QualName == owner && !c.HasFlag(FlagHeapType) {
			return textSigValue(c.ModuleName() + "." + b.qual), nil
		}
	}
	return None, nil
}

// methodDescrTextSig is the __text_signature__ of a method, class method
// or slot wrapper descriptor.
func methodDescrTextSig(t *Thread, self Value) (Value, error) {
	md := self.o.(*MethodDescr)
	return textSigValue(md.owner.ModuleName() + "." + md.owner.QualName + "." + md.name), nil
}

// typeTextSig is a type's __text_signature__ (None for classes).
func typeTextSig(c *Type) Value {
	if c.HasFlag(FlagHeapType) {
		return None
	}
	return textSigValue(c.ModuleName() + "." + c.QualName)
}
