package vm

import (
	"strings"

	"github.com/peephole-lsp/peephole/parser"
	"github.com/peephole-lsp/peephole/parser/ast"
)

// One frame of a printed traceback: StackSummary.format_frame_summary of
// CPython 3.13's traceback.py. The source of the instruction's range
// (co_positions: from its first to its last line) is shown dedented,
// with a line of markers under it: "^" under the instruction, or, when
// the instruction is a binary operation, a subscript or a call (found by
// parsing the source segment), "~" under the operands and "^" under the
// operator, the brackets and what they hold. The markers are left out
// when they would only underline the whole line, or the whole value of
// `return f(...)` / `x = f(...)`. Of a range spanning many lines only the
// first and last lines and those around the anchors are shown, the
// others summarized as "...<N lines>...". Columns are counted as a
// terminal shows them (wide characters take two).

// formatFrameSummary returns the text of one frame.
func (t *Thread) formatFrameSummary(fs *frameSummary) string {
	var row strings.Builder
	filename := fs.filename
	if strings.HasPrefix(filename, "<stdin>-") {
		filename = "<stdin>"
	}
	lineno := "None"
	if fs.hasLineno {
		lineno = itoa(fs.lineno)
	}
	row.WriteString(`  File "` + filename + `", line ` + lineno + ", in " + fs.name + "\n")
	if !fs.hasLineno || fs.endLineno < fs.lineno && fs.endLineno >= 0 {
		return row.String()
	}
	// _original_lines: the lines of the range, right-stripped, each
	// followed by "\n".
	var orig strings.Builder
	for n := fs.lineno; n <= fs.endLineno; n++ {
		if n > fs.lineno {
			orig.WriteByte('\n')
		}
		orig.WriteString(pyRStrip(t.interp.getline(fs.filename, n)))
	}
	orig.WriteByte('\n')
	original := orig.String()
	dedented := dedent(original)
	if dedented == "" || pyStrip(dedented) == "" {
		return row.String()
	}
	if fs.colno < 0 || fs.endColno < 0 {
		first, _, _ := strings.Cut(original, "\n")
		row.WriteString(indentNonBlank(pyStrip(first), "    ") + "\n")
		return row.String()
	}
	row.WriteString(frameSourceWithCarets(fs, original, dedented))
	return row.String()
}

// frameSourceWithCarets draws the lines of an instruction with known
// columns and, when they tell something, the markers under them.
func frameSourceWithCarets(fs *frameSummary, original, dedented string) string {
	nlines := fs.endLineno - fs.lineno + 1
	origLines := pySplitlines(original, false)
	if len(origLines) < nlines || len(origLines) == 0 {
		return ""
	}
	firstLine, lastLine := origLines[0], origLines[nlines-1]
	startOffset := byteToCharOffset(firstLine, fs.colno)
	endOffset := byteToCharOffset(lastLine, fs.endColno)
	dl := pySplitlines(dedented, false)
	if len(dl) > nlines {
		dl = dl[:nlines]
	}
	if len(dl) == 0 {
		return ""
	}
	allLines := make([][]rune, len(dl))
	for i, l := range dl {
		allLines[i] = []rune(l)
	}
	dedentChars := runeLen(firstLine) - len(allLines[0])
	startOffset = max(0, startOffset-dedentChars)
	endOffset = max(0, endOffset-dedentChars)
	last := allLines[len(allLines)-1]
	dpStart := displayWidthRunes(allLines[0], startOffset)
	dpEnd := displayWidthRunes(last, endOffset)

	// The segment of source the instruction covers.
	joined := []rune(strings.Join(dl, "\n"))
	lo, hi := pySliceBounds(startOffset, len(joined)-(len(last)-endOffset), len(joined))
	segment := string(joined[lo:hi])

	anchors, hasAnchors := caretAnchors(segment)
	showCarets := shouldShowCarets(startOffset, endOffset, dl, allLines, hasAnchors)

	significant := map[int]bool{0: true, len(allLines) - 1: true}
	leftEnd, rightStart := 0, 0
	primary, secondary := '^', '^'
	if hasAnchors {
		leftEnd, rightStart = anchors.leftEndOffset, anchors.rightStartOffset
		if anchors.leftEndLine == 0 {
			leftEnd += startOffset
		}
		if anchors.rightStartLine == 0 {
			rightStart += startOffset
		}
		if anchors.leftEndLine >= len(allLines) || anchors.rightStartLine >= len(allLines) {
			return ""
		}
		leftEnd = displayWidthRunes(allLines[anchors.leftEndLine], leftEnd)
		rightStart = displayWidthRunes(allLines[anchors.rightStartLine], rightStart)
		primary, secondary = '~', '^'
		for d := -1; d <= 1; d++ {
			significant[anchors.leftEndLine+d] = true
			significant[anchors.rightStartLine+d] = true
		}
	}
	delete(significant, -1)
	delete(significant, len(allLines))

	var result strings.Builder
	outputLine := func(n int) {
		line := allLines[n]
		result.WriteString(string(line) + "\n")
		if !showCarets {
			return
		}
		numSpaces := len(line) - len([]rune(pyLStrip(string(line))))
		numCarets := displayWidthRunes(line, len(line))
		if n == len(allLines)-1 {
			numCarets = dpEnd
		}
		for col := 0; col < numCarets; col++ {
			switch {
			case col < numSpaces || (n == 0 && col < dpStart):
				result.WriteByte(' ')
			case hasAnchors &&
				(n > anchors.leftEndLine || (n == anchors.leftEndLine && col >= leftEnd)) &&
				(n < anchors.rightStartLine || (n == anchors.rightStartLine && col < rightStart)):
				result.WriteRune(secondary)
			default:
				result.WriteRune(primary)
			}
		}
		result.WriteByte('\n')
	}
	var sig []int
	for n := 0; n < len(allLines); n++ {
		if significant[n] {
			sig = append(sig, n)
		}
	}
	for i, n := range sig {
		if i > 0 {
			diff := n - sig[i-1]
			if diff == 2 {
				outputLine(n - 1)
			} else if diff > 2 {
				result.WriteString("...<" + itoa(diff-1) + " lines>...\n")
			}
		}
		outputLine(n)
	}
	return indentAll(dedent(result.String()), "    ")
}

// shouldShowCarets is StackSummary._should_show_carets.
func shouldShowCarets(startOffset, endOffset int, lines []string, allLines [][]rune, hasAnchors bool) bool {
	src := strings.Join(lines, "\n")
	if mod := parseSnippet(src); mod != nil {
		if len(mod.Body) == 0 {
			return false
		}
		var value ast.Expr
		switch st := mod.Body[0].(type) {
		case *ast.Return:
			if c, ok := st.Value.(*ast.Call); ok {
				if _, ok := c.Func.(*ast.Name); ok {
					value = c
				}
			}
		case *ast.Assign:
			if c, ok := st.Value.(*ast.Call); ok && len(st.Targets) == 1 {
				if _, ok := st.Targets[0].(*ast.Name); ok {
					value = c
				}
			}
		}
		if value != nil {
			r := value.(ast.Located).Range()
			if r.Lineno == 1 && r.EndLineno == len(allLines) && r.ColOffset == startOffset && r.EndColOffset == endOffset {
				return false
			}
		}
	}
	if hasAnchors {
		return true
	}
	first := allLines[0]
	if startOffset > len(first) {
		startOffset = len(first)
	}
	if pyLStrip(string(first[:startOffset])) != "" {
		return true
	}
	last := allLines[len(allLines)-1]
	if endOffset < len(last) && pyRStrip(string(last[endOffset:])) != "" {
		return true
	}
	return false
}

// parseSnippet is ast.parse(src): the module, or nil on a syntax error.
func parseSnippet(src string) *ast.Module {
	res := parser.Parse([]byte(src), parser.Options{Filename: "<unknown>", Mode: parser.ModeExec})
	if res.Err != nil || res.Fatal != "" || res.Tree == nil {
		return nil
	}
	m, _ := res.Tree.(*ast.Module)
	return m
}

// anchors is traceback._Anchors: where the operator (or the brackets)
// of an instruction's expression starts and ends, by line of the
// segment and character.
type anchors struct {
	leftEndLine, leftEndOffset       int
	rightStartLine, rightStartOffset int
}

// caretAnchors is _extract_caret_anchors_from_line_segment: it parses
// the segment as a parenthesized expression and, for a binary operation,
// a subscript or a call, finds its operator or brackets.
func caretAnchors(segment string) (a anchors, ok bool) {
	mod := parseSnippet("(\n" + segment + "\n)")
	if mod == nil || len(mod.Body) != 1 {
		return a, false
	}
	es, isExpr := mod.Body[0].(*ast.ExprStmt)
	if !isExpr {
		return a, false
	}
	sl := pySplitlines(segment, false)
	lines := make([][]rune, len(sl))
	for i, l := range sl {
		lines[i] = []rune(l)
	}
	// Any index out of range (IndexError, AssertionError in Python)
	// means no anchors.
	defer func() {
		if recover() != nil {
			a, ok = anchors{}, false
		}
	}()
	normalize := func(line, byteOff int) int {
		return byteToCharOffset(sl[line], byteOff)
	}
	nextValid := func(line, col int) (int, int) {
		for line < len(lines) && col >= len(lines[line]) {
			col = 0
			line++
		}
		if !(line < len(lines) && col < len(lines[line])) {
			panic("no valid character")
		}
		return line, col
	}
	increment := func(line, col int) (int, int) { return nextValid(line, col+1) }
	nextLine := func(line, col int) (int, int) { return nextValid(line+1, 0) }
	incrementUntil := func(line, col int, stop func(rune) bool) (int, int) {
		for {
			ch := lines[line][col]
			if ch == '\\' || ch == '#' {
				line, col = nextLine(line, col)
			} else if !stop(ch) {
				line, col = increment(line, col)
			} else {
				break
			}
		}
		return line, col
	}
	endOf := func(e ast.Expr, force bool) (int, int) {
		r := e.(ast.Located).Range()
		line := r.EndLineno - 2
		col := normalize(line, r.EndColOffset)
		if force {
			return nextValid(line, col)
		}
		return line, col
	}
	switch e := es.Value.(type) {
	case *ast.BinOp:
		line, col := endOf(e.Left, true)
		line, col = incrementUntil(line, col, func(r rune) bool { return !pyIsSpace(r) && r != ')' })
		rightCol := col + 1
		rr := e.Right.(ast.Located).Range()
		if rightCol < len(lines[line]) &&
			(rr.Lineno-2 > line || rightCol < normalize(rr.Lineno-2, rr.ColOffset)) {
			if ch := lines[line][rightCol]; !pyIsSpace(ch) && ch != '\\' && ch != '#' {
				rightCol++
			}
		}
		return anchors{line, col, line, rightCol}, true
	case *ast.Subscript:
		ll, lc := endOf(e.Value, true)
		ll, lc = incrementUntil(ll, lc, func(r rune) bool { return r == '[' })
		rl, rc := endOf(e, false)
		return anchors{ll, lc, rl, rc}, true
	case *ast.Call:
		ll, lc := endOf(e.Func, true)
		ll, lc = incrementUntil(ll, lc, func(r rune) bool { return r == '(' })
		rl, rc := endOf(e, false)
		return anchors{ll, lc, rl, rc}, true
	}
	return a, false
}
