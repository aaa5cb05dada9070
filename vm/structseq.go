package vm

import "strings"

// Struct sequences (Objects/structseq.c): tuple subclasses whose items
// are also read-only named fields, with a repr naming them
// ("sys.float_info(max=…, …)"). sys.flags, sys.float_info,
// sys.version_info and their kin are made with newStructSeqType.

// newStructSeqType makes a struct sequence type module.name with the
// given fields. The type cannot be instantiated from Python when noNew is set
// (as sys.flags and sys.float_info cannot).
func newStructSeqType(module, name string, fields []string, noNew bool) *Type {
	tp := &Type{Name: name, QualName: name, Base: TupleType, Bases: []*Type{TupleType},
		Flags: TupleType.Flags &^ FlagBaseType}
	tp.cls = TypeType
	tp.Dict = NewDict()
	tp.MRO = []*Type{tp, TupleType, ObjectType}
	tp.builtin = TupleType
	tp.version = nextTypeVersion()
	tp.Flags |= FlagImmutable
	tp.Dict.SetStr("__module__", NewStrValue(module))
	inheritSlots(tp)
	full := module + "." + name
	if module == "builtins" {
		full = name
	}
	tp.Repr = func(t *Thread, v Value) (Value, error) {
		tu := v.o.(*Tuple)
		var b strings.Builder
		b.WriteString(full + "(")
		for i, f := range fields {
			if i >= len(tu.items) {
				break
			}
			if i > 0 {
				b.WriteString(", ")
			}
			r, err := Repr(t, tu.items[i])
			if err != nil {
				return Null, err
			}
			b.WriteString(f + "=" + r.s)
		}
		b.WriteString(")")
		return NewStrValue(b.String()), nil
	}
	if noNew {
		tp.New = nil
	} else {
		tp.New = func(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
			if len(args) != 1 || len(kw) > 0 {
				return Null, t.typeErrorf("%s() takes exactly one argument (%d given)", full, len(args))
			}
			items, err := t.collectIterable(args[0], nil)
			if err != nil {
				return Null, err
			}
			if len(items) != len(fields) {
				return Null, t.typeErrorf("%s() takes a %d-sequence (%d-sequence given)", full, len(fields), len(items))
			}
			return Value{o: &Tuple{ObjectBase: ObjectBase{cls: cls}, items: items}}, nil
		}
	}
	for i, f := range fields {
		i := i
		defGetSet(tp, f, func(t *Thread, self Value) (Value, error) {
			return self.o.(*Tuple).items[i], nil
		}, func(t *Thread, self, v Value) error {
			return t.raise(AttributeErrorType, "readonly attribute")
		})
	}
	n := Int(int64(len(fields)))
	tp.Dict.SetStr("n_sequence_fields", n)
	tp.Dict.SetStr("n_fields", n)
	tp.Dict.SetStr("n_unnamed_fields", Int(0))
	tp.Dict.SetStr("__match_args__", Value{o: NewTuple(strValues(fields)...)})
	addSlotWrappers(tp)
	return tp
}

// newStructSeq makes an instance of a struct sequence type.
func newStructSeq(tp *Type, items ...Value) Value {
	return Value{o: &Tuple{ObjectBase: ObjectBase{cls: tp}, items: items}}
}
