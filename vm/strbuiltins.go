package vm

// The builtins ord and chr.

func init() {
	defBuiltin("ord", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := oneArg(t, "ord", args, kw); err != nil {
			return Null, err
		}
		x := args[0]
		switch o := x.o.(type) {
		case *Str:
			if o.n != 1 {
				return Null, t.typeErrorf("ord() expected a character, but string of length %d found", o.n)
			}
			return Int(int64(o.At(0))), nil
		case *Bytes, *ByteArray:
			b := bytesOf(x)
			if len(b) != 1 {
				return Null, t.typeErrorf("ord() expected a character, but string of length %d found", len(b))
			}
			return Int(int64(b[0])), nil
		}
		return Null, t.typeErrorf("ord() expected string of length 1, but %s found", typeName(x))
	})
	defBuiltin("chr", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := oneArg(t, "chr", args, kw); err != nil {
			return Null, err
		}
		x := args[0]
		var n int64
		if x.IsSmallInt() {
			n = x.SmallInt()
		} else {
			if !hasIndex(x) {
				return Null, t.typeErrorf("'%s' object cannot be interpreted as an integer", typeName(x))
			}
			i, err := Index(t, x)
			if err != nil {
				return Null, err
			}
			v, ok := smallIntOf(i)
			if !ok {
				return Null, t.valueErrorf("chr() arg not in range(0x110000)")
			}
			n = v
		}
		if n < 0 || n > 0x10FFFF {
			return Null, t.valueErrorf("chr() arg not in range(0x110000)")
		}
		return Value{o: charStr(rune(n))}, nil
	})
}
