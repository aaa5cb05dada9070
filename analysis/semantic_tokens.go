package analysis

// This file classifies every name of the buffer for semantic highlighting:
// a token type (variable, parameter, function, class, namespace, type
// parameter) and modifiers, among which always the binding kind of
// DESIGN §8 (local, cell, free, global, builtin, classBody, typeParameter),
// plus `declaration` where the occurrence binds the name and `parameter`
// where the name is a parameter.

import (
	"strings"

	"github.com/peephole-lsp/peephole/parser/ast"
	"github.com/peephole-lsp/peephole/symtab"
)

// TokenTypes are the semantic token types, in legend order.
var TokenTypes = []string{"namespace", "class", "function", "parameter", "variable", "typeParameter"}

// The token types, as indexes into TokenTypes.
const (
	TokenNamespace = iota
	TokenClass
	TokenFunction
	TokenParameter
	TokenVariable
	TokenTypeParameter
)

// TokenModifiers are the semantic token modifiers, in legend order: bit i
// of Token.Modifiers is TokenModifiers[i].
var TokenModifiers = []string{"declaration", "parameter", "local", "cell", "free", "global", "builtin", "classBody", "typeParameter"}

// The modifier bits.
const (
	ModDeclaration = 1 << iota
	ModParameter
	ModLocal
	ModCell
	ModFree
	ModGlobal
	ModBuiltin
	ModClassBody
	ModTypeParameter
)

// kindModifier is the modifier bit of a binding kind.
func kindModifier(k symtab.Kind) uint32 {
	switch k {
	case symtab.KindLocal:
		return ModLocal
	case symtab.KindCell:
		return ModCell
	case symtab.KindFree:
		return ModFree
	case symtab.KindGlobal:
		return ModGlobal
	case symtab.KindBuiltin:
		return ModBuiltin
	case symtab.KindClassBody:
		return ModClassBody
	case symtab.KindTypeParameter:
		return ModTypeParameter
	}
	return 0
}

// Token is one semantic token: a name on one line.
type Token struct {
	// Line and Col are where the name starts; Len is its length in bytes.
	Line, Col, Len int
	Type           int
	Modifiers      uint32
}

// bindingClass is what is known of a binding for highlighting.
type bindingClass struct {
	typ   int
	param bool
}

// SemanticTokens returns the tokens of the names that overlap r (of every
// name when r is nil), in source order and never overlapping.
func (f *File) SemanticTokens(r *Range) []Token {
	occs := f.occurrences()
	classes := map[*symtab.Binding]bindingClass{}
	var out []Token
	last := ast.Pos{}
	for _, o := range occs {
		or := rangeOf(o.Range)
		if r != nil && !or.Overlaps(*r) {
			continue
		}
		if or.Start.Line != or.End.Line || or.End.Col <= or.Start.Col || or.Start.Before(last) {
			continue
		}
		last = or.End
		bc, ok := classes[o.Binding]
		if !ok {
			bc = classify(o.Binding, f.moduleImports())
			classes[o.Binding] = bc
		}
		tok := Token{Line: or.Start.Line, Col: or.Start.Col, Len: or.End.Col - or.Start.Col, Type: bc.typ, Modifiers: kindModifier(o.Kind)}
		if o.Role.IsDefinition() {
			tok.Modifiers |= ModDeclaration
		}
		if bc.param || o.Role == symtab.RoleParam {
			tok.Modifiers |= ModParameter
			tok.Type = TokenParameter
		}
		if o.Role == symtab.RoleTypeParam || o.Kind == symtab.KindTypeParameter {
			tok.Type = TokenTypeParameter
		}
		out = append(out, tok)
	}
	return out
}

// builtinClasses are the builtins that are classes but not capitalised.
var builtinClasses = map[string]bool{
	"bool": true, "bytearray": true, "bytes": true, "classmethod": true, "complex": true, "dict": true,
	"enumerate": true, "filter": true, "float": true, "frozenset": true, "int": true, "list": true,
	"map": true, "memoryview": true, "object": true, "property": true, "range": true, "reversed": true,
	"set": true, "slice": true, "staticmethod": true, "str": true, "super": true, "tuple": true,
	"type": true, "zip": true,
}

// moduleImports returns the aliases of `import` statements (which bind
// modules, unlike `from … import`).
func (f *File) moduleImports() map[*ast.Alias]bool {
	f.importsOnce.Do(func() {
		f.imports = map[*ast.Alias]bool{}
		ast.Inspect(f.Tree, func(n ast.Node) bool {
			if imp, ok := n.(*ast.Import); ok {
				for _, a := range imp.Names {
					f.imports[a] = true
				}
			}
			return true
		})
	})
	return f.imports
}

// classify gives a binding its token type: what its definitions make it.
func classify(b *symtab.Binding, modules map[*ast.Alias]bool) bindingClass {
	if b == nil {
		return bindingClass{typ: TokenVariable}
	}
	if b.Kind == symtab.KindBuiltin {
		switch {
		case strings.HasPrefix(b.Name, "__"):
			return bindingClass{typ: TokenVariable}
		case builtinClasses[b.Name] || b.Name != "" && b.Name[0] >= 'A' && b.Name[0] <= 'Z':
			return bindingClass{typ: TokenClass}
		}
		return bindingClass{typ: TokenFunction}
	}
	var defs, funcs, classes, imports, params, tparams int
	for _, o := range b.Occurrences {
		if !o.Role.IsDefinition() {
			continue
		}
		defs++
		switch o.Role {
		case symtab.RoleParam:
			params++
		case symtab.RoleTypeParam:
			tparams++
		case symtab.RoleImport:
			if a, ok := o.Node.(*ast.Alias); ok && modules[a] {
				imports++
			}
		case symtab.RoleDef:
			switch o.Node.(type) {
			case *ast.ClassDef:
				classes++
			default:
				funcs++
			}
		}
	}
	bc := bindingClass{typ: TokenVariable, param: params > 0}
	switch {
	case defs == 0:
	case tparams > 0:
		bc.typ = TokenTypeParameter
	case params > 0:
		bc.typ = TokenParameter
	case funcs == defs:
		bc.typ = TokenFunction
	case classes == defs:
		bc.typ = TokenClass
	case imports == defs:
		bc.typ = TokenNamespace
	}
	return bc
}
