package vm

// Tuple is a Python tuple.
type Tuple struct {
	ObjectBase
	items []Value
	hash  int64 // 0 until computed (CPython does not cache; we may)
}

// NewTuple returns a tuple of the values (the slice is kept).
func NewTuple(items ...Value) *Tuple {
	if len(items) == 0 {
		return emptyTuple
	}
	return &Tuple{ObjectBase: ObjectBase{cls: TupleType}, items: items}
}

var emptyTuple = &Tuple{ObjectBase: ObjectBase{cls: TupleType}}

// Items returns the tuple's items; the caller must not modify them.
func (t *Tuple) Items() []Value { return t.items }

// Len returns the number of items.
func (t *Tuple) Len() int { return len(t.items) }

// List is a Python list.
type List struct {
	ObjectBase
	items []Value
}

// NewList returns a list of the values (the slice is kept).
func NewList(items ...Value) *List {
	return &List{ObjectBase: ObjectBase{cls: ListType}, items: items}
}

// Items returns the list's items; the caller must not keep the slice
// across calls that may change the list.
func (l *List) Items() []Value { return l.items }

// Len returns the number of items.
func (l *List) Len() int { return len(l.items) }

// Append appends v.
func (l *List) Append(v Value) { l.items = append(l.items, v) }

// Cell is a closure cell (the value of a variable shared with nested
// functions); NULL when the variable is unbound.
type Cell struct {
	ObjectBase
	v Value
}

// NewCell returns a cell holding v.
func NewCell(v Value) *Cell { return &Cell{ObjectBase: ObjectBase{cls: CellType}, v: v} }
