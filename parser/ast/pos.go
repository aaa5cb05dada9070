package ast

// This file answers position questions about a tree: what range a node
// covers, and which nodes enclose a position. CPython's ranges do not
// always nest (a decorated def starts at 'def', after its decorators; an
// f-string's debug text is a Constant inside the JoinedStr's range), and
// some nodes have no range at all (arguments, comprehension, withitem,
// match_case, the mod nodes), so these functions work with extents: the
// union of a node's own range and its descendants'.

// Extent returns the range covering n and all its descendants, and whether
// there is any.
func Extent(n Node) (start, end Pos, ok bool) {
	if l, isLoc := n.(Located); isLoc {
		r := l.Range()
		start, end, ok = Pos{r.Lineno, r.ColOffset}, Pos{r.EndLineno, r.EndColOffset}, r.Lineno > 0
	}
	walkChildren(n, func(c Node) bool {
		if c == nil {
			return false
		}
		s, e, cok := Extent(c)
		if !cok {
			return false
		}
		if !ok {
			start, end, ok = s, e, true
			return false
		}
		if s.Before(start) {
			start = s
		}
		if end.Before(e) {
			end = e
		}
		return false
	})
	return start, end, ok
}

// contains reports whether the half-open range [s, e) contains p.
func contains(s, e, p Pos) bool { return !p.Before(s) && p.Before(e) }

// PathEnclosing returns the nodes whose extent contains pos, from root (always
// first) down to the innermost.
func PathEnclosing(root Node, pos Pos) []Node {
	path := []Node{root}
	n := root
	for {
		var next Node
		walkChildren(n, func(c Node) bool {
			if next == nil && c != nil {
				if s, e, ok := Extent(c); ok && contains(s, e, pos) {
					next = c
				}
			}
			return false
		})
		if next == nil {
			return path
		}
		path = append(path, next)
		n = next
	}
}

// NodeAt returns the innermost node of the tree rooted at root whose extent
// contains pos, or root.
func NodeAt(root Node, pos Pos) Node {
	path := PathEnclosing(root, pos)
	return path[len(path)-1]
}
