package ast

// Inspect traverses the tree rooted at n in depth-first order, source order
// of fields: it calls f(n); if that returns true, it inspects each child of n
// and then calls f(nil). A nil n is ignored.
func Inspect(n Node, f func(Node) bool) {
	if n == nil || !f(n) {
		return
	}
	walkChildren(n, f)
	f(nil)
}

// Children returns the direct children of n, in field order.
func Children(n Node) []Node {
	var out []Node
	walkChildren(n, func(c Node) bool {
		if c != nil {
			out = append(out, c)
		}
		return false
	})
	return out
}
