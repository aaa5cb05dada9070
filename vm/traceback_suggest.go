package vm

import (
	"sort"
	"strings"
)

// The "Did you mean: 'x'?" suggestions that traceback.py adds to the
// message of a NameError, an AttributeError or an ImportError of
// `from m import name` (_compute_suggestion_error), and the closest-name
// search of CPython's Python/suggestions.c that it calls: a Levenshtein
// distance over UTF-8 bytes where a case change costs 1 and any other
// edit 2, a candidate accepted only when at most a third of the
// characters change, no suggestion among 750 candidates or more.

const (
	suggestMaxCandidates = 750
	suggestMaxString     = 40
	suggestMoveCost      = 2
	suggestCaseCost      = 1
)

// computeSuggestion returns the suggested name for exception e whose
// wrong name is wrong, or "".
func (t *Thread) computeSuggestion(e *Exception, tb *Traceback, wrong Value) string {
	ws, ok := wrong.o.(*Str)
	if !ok {
		return ""
	}
	name := ws.s
	hideUnderscored := !strings.HasPrefix(name, "_")
	var d []string
	switch {
	case e.cls.IsSubtype(AttributeErrorType):
		obj := noneIfNull(e.Obj)
		var err error
		d, err = t.dirNames(obj)
		if err != nil {
			return ""
		}
		if hideUnderscored && tb != nil {
			for tb.next != nil {
				tb = tb.next
			}
			if self, ok := frameLocal(tb.frame, "self"); ok && self.Is(obj) {
				hideUnderscored = false
			}
		}
		if hideUnderscored {
			d = withoutUnderscored(d)
		}
	case e.cls.IsSubtype(ImportErrorType):
		modName, ok := e.Name.o.(*Str)
		if !ok {
			return ""
		}
		mod, err := t.importModule(modName.s)
		if err != nil {
			return ""
		}
		if d, err = t.dirNames(mod); err != nil {
			return ""
		}
		if hideUnderscored {
			d = withoutUnderscored(d)
		}
	default:
		if tb == nil {
			return ""
		}
		for tb.next != nil {
			tb = tb.next
		}
		f := tb.frame
		d = append(d, frameLocalNames(t, f)...)
		d = append(d, dictStrKeys(f.globals)...)
		d = append(d, dictStrKeys(f.builtins)...)
		if self, ok := frameLocal(f, "self"); ok {
			if v, err := getAttrOpt(t, self, ws); err == nil && !v.IsNull() {
				return "self." + name
			}
		}
	}
	return calculateSuggestion(d, name)
}

func withoutUnderscored(d []string) []string {
	out := d[:0:0]
	for _, x := range d {
		if !strings.HasPrefix(x, "_") {
			out = append(out, x)
		}
	}
	return out
}

// dirNames is dir(obj): obj's __dir__, sorted; only its strs are kept.
func (t *Thread) dirNames(obj Value) ([]string, error) {
	m := obj.Type().LookupString("__dir__")
	if m.IsNull() {
		return nil, t.typeErrorf("object does not provide __dir__")
	}
	bound, err := bindDescriptor(t, m, obj, obj.Type())
	if err != nil {
		return nil, err
	}
	r, err := t.Call(bound, nil, nil)
	if err != nil {
		return nil, err
	}
	items, err := t.collectIterable(r, nil)
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(items))
	for _, it := range items {
		if s, ok := it.o.(*Str); ok {
			out = append(out, s.s)
		}
	}
	sort.Strings(out)
	return out, nil
}

// dictStrKeys returns the str keys of a dict in order.
func dictStrKeys(d *Dict) []string {
	if d == nil {
		return nil
	}
	var out []string
	d.Items(func(k, v Value) bool {
		if s, ok := k.o.(*Str); ok {
			out = append(out, s.s)
		}
		return true
	})
	return out
}

// calculateSuggestion is _Py_CalculateSuggestions: the candidate
// closest to name, or "".
func calculateSuggestion(candidates []string, name string) string {
	if len(candidates) >= suggestMaxCandidates {
		return ""
	}
	best := ""
	bestDist := int(^uint(0) >> 1)
	found := false
	for _, c := range candidates {
		if c == name {
			continue
		}
		maxDist := (len(name) + len(c) + 3) * suggestMoveCost / 6
		maxDist = min(maxDist, bestDist-1)
		dist := levenshtein(name, c, maxDist)
		if dist > maxDist {
			continue
		}
		if !found || dist < bestDist {
			best, bestDist, found = c, dist, true
		}
	}
	return best
}

// substitutionCost is the cost of replacing byte a by b: nothing, a case
// change, or a move.
func substitutionCost(a, b byte) int {
	if a&31 != b&31 {
		return suggestMoveCost
	}
	if a == b {
		return 0
	}
	if 'A' <= a && a <= 'Z' {
		a += 'a' - 'A'
	}
	if 'A' <= b && b <= 'Z' {
		b += 'a' - 'A'
	}
	if a == b {
		return suggestCaseCost
	}
	return suggestMoveCost
}

// levenshtein is the edit distance of suggestions.c, giving up (with
// maxCost+1) as soon as it must exceed maxCost.
func levenshtein(a, b string, maxCost int) int {
	if a == b {
		return 0
	}
	for len(a) > 0 && len(b) > 0 && a[0] == b[0] {
		a, b = a[1:], b[1:]
	}
	for len(a) > 0 && len(b) > 0 && a[len(a)-1] == b[len(b)-1] {
		a, b = a[:len(a)-1], b[:len(b)-1]
	}
	if len(a) == 0 || len(b) == 0 {
		return (len(a) + len(b)) * suggestMoveCost
	}
	if len(a) > suggestMaxString || len(b) > suggestMaxString {
		return maxCost + 1
	}
	if len(b) < len(a) {
		a, b = b, a
	}
	if (len(b)-len(a))*suggestMoveCost > maxCost {
		return maxCost + 1
	}
	var buf [suggestMaxString]int
	for i := 0; i < len(a); i++ {
		buf[i] = (i + 1) * suggestMoveCost
	}
	result := 0
	for bi := 0; bi < len(b); bi++ {
		code := b[bi]
		distance := bi * suggestMoveCost
		result = distance
		minimum := int(^uint(0) >> 1)
		for i := 0; i < len(a); i++ {
			substitute := distance + substitutionCost(code, a[i])
			distance = buf[i]
			insertDelete := min(result, distance) + suggestMoveCost
			result = min(insertDelete, substitute)
			buf[i] = result
			if result < minimum {
				minimum = result
			}
		}
		if minimum > maxCost {
			return maxCost + 1
		}
	}
	return result
}
