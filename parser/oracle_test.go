package parser_test

// This file holds the parser to CPython 3.13 over the corpora in testdata:
//
//   - testdata/valid: programs CPython parses. peephole's ast.Dump of each
//     (indent=3, with and without attributes) must equal CPython's ast.dump,
//     and the SyntaxWarnings must be the same.
//   - testdata/invalid: sources CPython rejects. peephole's SyntaxError must
//     carry CPython's kind, message, line, offsets and text, and Format must
//     print CPython's traceback.format_exception_only block.
//   - the `peephole ast` command must print what `python3.13 -m ast` prints.
//
// Nothing here is expected text written by hand: every expectation is computed
// by the oracle at test time, by one python3.13 process per test that handles
// the whole corpus (see oracleScript).
//
// A file of either corpus may start with a line "# modes: MODE..." naming the
// compile() modes (exec, eval, single, func_type) to parse it in; the default
// is exec. The comment is part of the source: both sides see it.

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/peephole-lsp/peephole/internal/oracle"
	"github.com/peephole-lsp/peephole/parser"
	"github.com/peephole-lsp/peephole/parser/ast"
)

// oracleScript reads a JSON list of jobs on stdin and prints a JSON list of
// results, one per job. A job parses the bytes of a file (path) or a snippet
// (src) with ast.parse(..., type_comments=...) in a mode, and dumps the tree
// once per entry of dumps. A result holds the dumps, or the exception with
// its SyntaxError attributes and traceback.format_exception_only block, and
// the warnings the parse issued.
const oracleScript = `
import ast, json, sys, traceback, warnings

# Deep trees (the nesting tests) need more than the default 1000 frames to
# dump; peephole's ast.Dump has no such limit.
sys.setrecursionlimit(200000)

def describe(e):
    d = {"ok": False, "exc": type(e).__name__,
         "format": "".join(traceback.format_exception_only(e))}
    if isinstance(e, SyntaxError):
        d.update(msg=e.msg, filename=e.filename, lineno=e.lineno, offset=e.offset,
                 end_lineno=e.end_lineno, end_offset=e.end_offset, text=e.text)
    return d

out = []
for job in json.load(sys.stdin.buffer):
    if job.get("path"):
        with open(job["path"], "rb") as f:
            src = f.read()
        name = job["path"]
    else:
        src = job["src"].encode("utf-8")
        name = "<unknown>"
    tree = None
    with warnings.catch_warnings(record=True) as ws:
        warnings.simplefilter("always")
        try:
            tree = ast.parse(src, name, job["mode"], type_comments=job["type_comments"])
            res = {"ok": True, "dumps": []}
        except Exception as e:
            res = describe(e)
    res["warnings"] = [[w.category.__name__, str(w.message), w.lineno] for w in ws]
    if tree is not None:
        for d in job["dumps"] or []:
            try:
                res["dumps"].append({"text": ast.dump(tree, indent=d["indent"],
                                                      include_attributes=d["attrs"])})
            except Exception as e:
                res["dumps"].append({"error": "".join(traceback.format_exception_only(e))})
    out.append(res)
sys.stdout.write(json.dumps(out))
`

// dumpSpec is one ast.dump call: Indent nil is indent=None.
type dumpSpec struct {
	Indent *int `json:"indent"`
	Attrs  bool `json:"attrs"`
}

type oracleJob struct {
	Path         string     `json:"path,omitempty"`
	Src          string     `json:"src,omitempty"`
	Mode         string     `json:"mode"`
	TypeComments bool       `json:"type_comments"`
	Dumps        []dumpSpec `json:"dumps"`
}

type oracleDump struct {
	Text  *string `json:"text"`
	Error string  `json:"error"`
}

type oracleResult struct {
	OK       bool         `json:"ok"`
	Dumps    []oracleDump `json:"dumps"`
	Warnings [][]any      `json:"warnings"`

	Exc       string  `json:"exc"`
	Format    string  `json:"format"`
	Msg       string  `json:"msg"`
	Filename  *string `json:"filename"`
	Lineno    *int    `json:"lineno"`
	Offset    *int    `json:"offset"`
	EndLineno *int    `json:"end_lineno"`
	EndOffset *int    `json:"end_offset"`
	Text      *string `json:"text"`
}

// runOracle runs all jobs in one oracle process.
func runOracle(t *testing.T, jobs []oracleJob) []oracleResult {
	t.Helper()
	in, err := json.Marshal(jobs)
	if err != nil {
		t.Fatal(err)
	}
	r := oracle.Run(t, in, "-c", oracleScript)
	if r.ExitCode != 0 {
		t.Fatalf("oracle script failed (exit %d):\n%s", r.ExitCode, r.Stderr)
	}
	var out []oracleResult
	if err := json.Unmarshal(r.Stdout, &out); err != nil {
		t.Fatalf("oracle output: %v", err)
	}
	if len(out) != len(jobs) {
		t.Fatalf("oracle answered %d jobs of %d", len(out), len(jobs))
	}
	return out
}

func intp(n int) *int { return &n }

// corpusFile is a file of testdata/valid or testdata/invalid.
type corpusFile struct {
	path  string // relative to the package directory, as both sides see it
	modes []string
}

// readCorpus lists dir's .py files with the modes their first line names.
func readCorpus(t *testing.T, dir string) []corpusFile {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(dir, "*.py"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(paths)
	var files []corpusFile
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, corpusFile{path: p, modes: modesOf(src)})
	}
	if len(files) == 0 {
		t.Fatalf("no files in %s", dir)
	}
	return files
}

// modesOf returns the modes named by a first line "# modes: ...", or exec.
func modesOf(src []byte) []string {
	line, _, _ := bytes.Cut(src, []byte("\n"))
	rest, ok := bytes.CutPrefix(bytes.TrimRight(line, "\r"), []byte("# modes:"))
	if !ok {
		return []string{"exec"}
	}
	return strings.Fields(string(rest))
}

func parseMode(t *testing.T, name string) parser.Mode {
	t.Helper()
	m, ok := parser.ParseMode(name)
	if !ok {
		t.Fatalf("unknown mode %q", name)
	}
	return m
}

// TestValidCorpus parses every file of testdata/valid in each of its modes
// and compares peephole's dumps and warnings with CPython's.
func TestValidCorpus(t *testing.T) {
	oracle.Require(t)
	files := readCorpus(t, filepath.Join("testdata", "valid"))
	specs := []dumpSpec{{Indent: intp(3)}, {Indent: intp(3), Attrs: true}}
	type item struct {
		file corpusFile
		mode string
	}
	var items []item
	var jobs []oracleJob
	for _, f := range files {
		for _, m := range f.modes {
			items = append(items, item{f, m})
			jobs = append(jobs, oracleJob{Path: f.path, Mode: m, TypeComments: true, Dumps: specs})
		}
	}
	results := runOracle(t, jobs)
	for i, it := range items {
		want := results[i]
		t.Run(filepath.Base(it.file.path)+"/"+it.mode, func(t *testing.T) {
			if !want.OK {
				t.Fatalf("corpus defect: CPython rejects %s in mode %s:\n%s", it.file.path, it.mode, want.Format)
			}
			src, err := os.ReadFile(it.file.path)
			if err != nil {
				t.Fatal(err)
			}
			res := parser.Parse(src, parser.Options{Filename: it.file.path, Mode: parseMode(t, it.mode), TypeComments: true, IsFile: true})
			if res.Err != nil || res.Fatal != "" {
				t.Fatalf("MISMATCH: CPython parses %s (mode %s), peephole fails:\n%s%s", it.file.path, it.mode, formatErr(res.Err), res.Fatal)
			}
			for k, spec := range specs {
				got, err := ast.Dump(res.Tree, ast.DumpOptions{Indent: *spec.Indent, IncludeAttributes: spec.Attrs})
				compareDump(t, fmt.Sprintf("ast.dump(indent=%d, include_attributes=%v)", *spec.Indent, spec.Attrs), want.Dumps[k], got, err)
			}
			compareWarnings(t, want.Warnings, res.Warnings)
		})
	}
}

// compareDump compares one peephole ast.Dump (got, err) with the oracle's.
func compareDump(t *testing.T, what string, want oracleDump, got string, err error) {
	t.Helper()
	switch {
	case want.Text == nil && err == nil:
		t.Errorf("MISMATCH: %s: CPython raises %q, peephole dumps the tree", what, want.Error)
	case want.Text == nil:
		// Both raise; ast.Dump's error is the ValueError's message.
		if !strings.Contains(want.Error, err.Error()) {
			t.Errorf("MISMATCH: %s: CPython raises %q, peephole's Dump fails with %q", what, want.Error, err)
		}
	case err != nil:
		t.Errorf("MISMATCH: %s: CPython dumps the tree, peephole's Dump fails: %v", what, err)
	default:
		if d := diffText(*want.Text, got); d != "" {
			t.Errorf("MISMATCH: %s differs from CPython's: %s", what, d)
		}
	}
}

// compareWarnings compares peephole's warnings with the oracle's
// [category, message, lineno] triples.
func compareWarnings(t *testing.T, want [][]any, got []parser.Warning) {
	t.Helper()
	var w, g []string
	for _, x := range want {
		w = append(w, fmt.Sprintf("%v: %v (line %v)", x[0], x[1], x[2]))
	}
	for _, x := range got {
		g = append(g, fmt.Sprintf("%s: %s (line %d)", x.Category, x.Msg, x.Lineno))
	}
	if d := diffText(strings.Join(w, "\n"), strings.Join(g, "\n")); d != "" {
		t.Errorf("MISMATCH: warnings differ from CPython's: %s", d)
	}
}

// TestInvalidCorpus parses every file of testdata/invalid and compares
// peephole's error with CPython's.
func TestInvalidCorpus(t *testing.T) {
	oracle.Require(t)
	files := readCorpus(t, filepath.Join("testdata", "invalid"))
	type item struct {
		file corpusFile
		mode string
	}
	var items []item
	var jobs []oracleJob
	for _, f := range files {
		for _, m := range f.modes {
			items = append(items, item{f, m})
			jobs = append(jobs, oracleJob{Path: f.path, Mode: m, TypeComments: true})
		}
	}
	results := runOracle(t, jobs)
	for i, it := range items {
		want := results[i]
		t.Run(filepath.Base(it.file.path)+"/"+it.mode, func(t *testing.T) {
			if want.OK {
				t.Fatalf("corpus defect: CPython accepts %s in mode %s; it does not belong in testdata/invalid", it.file.path, it.mode)
			}
			src, err := os.ReadFile(it.file.path)
			if err != nil {
				t.Fatal(err)
			}
			res := parser.Parse(src, parser.Options{Filename: it.file.path, Mode: parseMode(t, it.mode), TypeComments: true, IsFile: true})
			compareError(t, want, res)
			compareWarnings(t, want.Warnings, res.Warnings)
		})
	}
}

// compareError compares the error of a failed parse with the oracle's.
func compareError(t *testing.T, want oracleResult, res parser.Result) {
	t.Helper()
	isSyntax := want.Exc == "SyntaxError" || want.Exc == "IndentationError" || want.Exc == "TabError"
	switch {
	case res.Err == nil && res.Fatal == "":
		t.Fatalf("MISMATCH: CPython fails, peephole parses the source. CPython:\n%s", want.Format)
	case !isSyntax:
		if res.Fatal+"\n" != want.Format {
			t.Fatalf("MISMATCH: CPython raises\n%speephole reports\n%s%s", want.Format, formatErr(res.Err), res.Fatal)
		}
		return
	case res.Err == nil:
		t.Fatalf("MISMATCH: CPython raises\n%speephole fails with %s", want.Format, res.Fatal)
	}
	e := res.Err
	opt := func(p *int) string {
		if p == nil {
			return "None"
		}
		return strconv.Itoa(*p)
	}
	has := func(ok bool, n int) string {
		if !ok {
			return "None"
		}
		return strconv.Itoa(n)
	}
	gotText := "None"
	if e.HasText {
		gotText = strconv.Quote(e.Text)
	}
	str := func(p *string) string {
		if p == nil {
			return "None"
		}
		return strconv.Quote(*p)
	}
	gotFilename := "None"
	if e.Filename != "" {
		gotFilename = strconv.Quote(e.Filename)
	}
	fields := []struct{ name, want, got string }{
		{"kind", want.Exc, e.Kind.String()},
		{"msg", strconv.Quote(want.Msg), strconv.Quote(e.Msg)},
		{"filename", str(want.Filename), gotFilename},
		{"lineno", opt(want.Lineno), has(e.HasLineno, e.Lineno)},
		{"offset", opt(want.Offset), has(e.HasOffset, e.Offset)},
		{"end_lineno", opt(want.EndLineno), has(e.HasEnd, e.EndLineno)},
		{"end_offset", opt(want.EndOffset), has(e.HasEnd, e.EndOffset)},
		{"text", str(want.Text), gotText},
	}
	var bad []string
	for _, f := range fields {
		if f.want != f.got {
			bad = append(bad, fmt.Sprintf("  %s: CPython %s, peephole %s", f.name, f.want, f.got))
		}
	}
	if len(bad) > 0 {
		t.Errorf("MISMATCH: SyntaxError attributes differ:\n%s", strings.Join(bad, "\n"))
	}
	if got := e.Format(); got != want.Format {
		t.Errorf("MISMATCH: Format() differs from traceback.format_exception_only:\n--- CPython\n%s--- peephole\n%s", want.Format, got)
	}
}

func formatErr(e *parser.SyntaxError) string {
	if e == nil {
		return ""
	}
	return e.Format()
}

// diffText returns "" when want == got, or else a description of the first
// differing line, with the lines around it and the node it belongs to.
func diffText(want, got string) string {
	if want == got {
		return ""
	}
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	i := 0
	for i < len(w) && i < len(g) && w[i] == g[i] {
		i++
	}
	var b strings.Builder
	fmt.Fprintf(&b, "first difference at line %d of %d", i+1, len(w))
	if node := enclosingNode(w, i); node != "" {
		fmt.Fprintf(&b, ", inside %s", node)
	}
	b.WriteString(" (- CPython, + peephole):\n")
	for k := max(0, i-3); k < i; k++ {
		fmt.Fprintf(&b, "    %s\n", clip(w[k]))
	}
	for k := i; k < min(len(w), i+4); k++ {
		fmt.Fprintf(&b, "  - %s\n", clip(w[k]))
	}
	for k := i; k < min(len(g), i+4); k++ {
		fmt.Fprintf(&b, "  + %s\n", clip(g[k]))
	}
	return b.String()
}

// enclosingNode finds the line that opens the node holding line i of an
// indented dump: the nearest line above it that is less indented.
func enclosingNode(lines []string, i int) string {
	if i >= len(lines) {
		return ""
	}
	ind := len(lines[i]) - len(strings.TrimLeft(lines[i], " "))
	for k := i - 1; k >= 0; k-- {
		l := lines[k]
		if len(l)-len(strings.TrimLeft(l, " ")) < ind && strings.HasSuffix(l, "(") {
			return strings.TrimSpace(l)
		}
	}
	return ""
}

func clip(s string) string {
	if len(s) > 300 {
		return s[:300] + "…"
	}
	return s
}

// buildPeephole builds cmd/peephole into dir.
func buildPeephole(dir string) (string, error) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		goTool = filepath.Join(runtime.GOROOT(), "bin", "go")
	}
	bin := filepath.Join(dir, "peephole")
	out, err := exec.Command(goTool, "build", "-o", bin, "github.com/peephole-lsp/peephole/cmd/peephole").CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("go build ./cmd/peephole: %v\n%s", err, out)
	}
	return bin, nil
}

// errorBlock returns the lines of a traceback from the last one that starts
// with `  File "` to the end (the whole text if there is none).
func errorBlock(stderr string) string {
	lines := strings.SplitAfter(stderr, "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		if strings.HasPrefix(lines[i], "  File \"") {
			return strings.Join(lines[i:], "")
		}
	}
	return stderr
}

// TestCLI runs `peephole ast` and `python3.13 -m ast` with the same
// arguments and compares their stdout, exit status, and error block.
func TestCLI(t *testing.T) {
	oracle.Require(t)
	bin, err := buildPeephole(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	valid := filepath.Join("testdata", "valid")
	invalid := filepath.Join("testdata", "invalid")
	// A sum of 991 terms parses, but python3.13 -m ast's ast.dump runs out
	// of recursion depth on it (RecursionError, exit 1).
	deep := filepath.Join(t.TempDir(), "deep_sum.py")
	if err := os.WriteFile(deep, []byte(strings.Join(slicesRepeat("x", 991), " + ")+"\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	cases := [][]string{
		{filepath.Join(valid, "functions.py")},
		{"-a", filepath.Join(valid, "functions.py")},
		{"-i", "0", filepath.Join(valid, "type_comments.py")},
		{"-i", "1", "-a", filepath.Join(valid, "match_patterns.py")},
		{"-i", "8", filepath.Join(valid, "classes.py")},
		{"-i", "-1", filepath.Join(valid, "classes.py")},
		{"--indent=2", "--include-attributes", filepath.Join(valid, "fstrings.py")},
		{"--no-type-comments", filepath.Join(valid, "type_comments.py")},
		{"--no-type-comments", "-a", filepath.Join(valid, "type_comments.py")},
		{"-m", "eval", filepath.Join(valid, "mode_eval.py")},
		{"-m", "eval", "-a", filepath.Join(valid, "mode_eval.py")},
		{"--mode=single", filepath.Join(valid, "mode_single.py")},
		{"-m", "single", "-a", filepath.Join(valid, "mode_single_simple.py")},
		{"-m", "func_type", "-a", filepath.Join(valid, "mode_func_type.py")},
		{filepath.Join(valid, "bom_utf8.py")},
		{"-a", filepath.Join(valid, "latin1_cookie.py")},
		{"-a", filepath.Join(valid, "crlf_endings.py")},
		{filepath.Join(valid, "empty.py")},
		{filepath.Join(invalid, "unclosed_paren_eof.py")},
		{filepath.Join(invalid, "tab_error.py")},
		{filepath.Join(invalid, "fstring_single_brace.py")},
		{filepath.Join(invalid, "long_line_error_3000_bytes.py")},
		{filepath.Join(invalid, "non_ascii_before_error.py")},
		{filepath.Join(invalid, "bom_error.py")},
		{filepath.Join(invalid, "encoding_unknown.py")},
		{filepath.Join(invalid, "null_byte.py")},
		{"--no-type-comments", filepath.Join(invalid, "type_comment_expression_stmt.py")},
		{"-m", "eval", filepath.Join(valid, "functions.py")},
		{"-m", "single", filepath.Join(valid, "functions.py")},
		{"-i", "0", deep},
	}
	for _, args := range cases {
		name := strings.Join(append(args[:len(args)-1:len(args)-1], filepath.Base(args[len(args)-1])), " ")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			want := oracle.Run(t, nil, append([]string{"-m", "ast"}, args...)...)
			cmd := exec.Command(bin, append([]string{"ast"}, args...)...)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			code := 0
			if err := cmd.Run(); err != nil {
				ee, ok := err.(*exec.ExitError)
				if !ok {
					t.Fatal(err)
				}
				code = ee.ExitCode()
			}
			if code != want.ExitCode {
				t.Errorf("MISMATCH: exit status: CPython %d, peephole %d (stderr: %s)", want.ExitCode, code, firstLines(stderr.String(), 5))
			}
			if d := diffText(string(want.Stdout), stdout.String()); d != "" {
				t.Errorf("MISMATCH: stdout: %s", d)
			}
			if want.ExitCode == 0 {
				return
			}
			// For a SyntaxError located in the file compare the whole error
			// block; for errors with no location, whose last frame is in
			// CPython's ast.py, and for other exceptions only the last line.
			file := args[len(args)-1]
			w, g := errorBlock(string(want.Stderr)), errorBlock(stderr.String())
			if !isSyntaxErrorLine(lastLine(w)) || !strings.HasPrefix(w, "  File \""+file+"\"") {
				w, g = lastLine(w), lastLine(g)
			}
			if w != g {
				t.Errorf("MISMATCH: error block:\n--- CPython\n%s--- peephole\n%s", w, g)
			}
		})
	}
}

func lastLine(s string) string {
	lines := strings.SplitAfter(strings.TrimRight(s, "\n"), "\n")
	return lines[len(lines)-1] + "\n"
}

func isSyntaxErrorLine(s string) bool {
	for _, k := range []string{"SyntaxError", "IndentationError", "TabError"} {
		if strings.HasPrefix(s, k+":") {
			return true
		}
	}
	return false
}

func firstLines(s string, n int) string {
	sc := bufio.NewScanner(strings.NewReader(s))
	var out []string
	for len(out) < n && sc.Scan() {
		out = append(out, sc.Text())
	}
	return strings.Join(out, "\n")
}

// TestNestingLimits holds peephole to CPython's limits on nesting: the
// tokenizer's 200 open brackets, 100 indentation levels and 150 nested
// f-strings, and the parser's stack of 6000 frames (a MemoryError). Each
// construct is parsed at the deepest size CPython accepts and one deeper.
func TestNestingLimits(t *testing.T) {
	oracle.Require(t)
	rep := strings.Repeat
	nest := func(open, inner, close string) func(int) string {
		return func(n int) string { return rep(open, n) + inner + rep(close, n) }
	}
	nestedIfs := func(depth int, stmt string) string {
		var b strings.Builder
		for i := 0; i < depth; i++ {
			b.WriteString(rep(" ", i) + "if x:\n")
		}
		return b.String() + rep(" ", depth) + stmt + "\n"
	}
	cases := []struct {
		name string
		last int // the deepest nesting CPython 3.13.0 accepts (the oracle decides)
		gen  func(n int) string
	}{
		{"parens", 200, nest("(", "1", ")")},
		{"lists", 200, nest("[", "1", "]")},
		{"calls", 200, nest("f(", "1", ")")},
		{"dicts", 200, nest("{1:", "1", "}")},
		{"subscripts", 200, nest("x[", "1", "]")},
		{"tuples", 199, nest("(1,", "", ")")},
		{"fstrings", 149, nest(`f"{`, "x", `}"`)},
		{"indentation", 99, func(n int) string { return nestedIfs(n, "pass") }},
		{"lambdas", 2984, func(n int) string { return rep("lambda: ", n) + "x" }},
		{"nots", 5969, func(n int) string { return rep("not ", n) + "x" }},
		{"negations", 5969, func(n int) string { return rep("-", n) + "x" }},
		{"powers", 2985, func(n int) string { return strings.Join(slicesRepeat("x", n), "**") }},
		{"conditionals", 5969, func(n int) string { return rep("a if b else ", n) + "c" }},
		{"nots_in_call", 5964, func(n int) string { return "f(" + rep("not ", n) + "x)" }},
		{"nots_in_def", 5961, func(n int) string { return "def f():\n    return " + rep("not ", n) + "x" }},
		{"nots_in_method_if", 5947, func(n int) string {
			return "class C:\n    def f(self):\n        if x:\n            y = " + rep("not ", n) + "x"
		}},
		{"nots_in_60_ifs", 5607, func(n int) string { return nestedIfs(60, "y = "+rep("not ", n)+"x") }},
	}
	// The dumps use indent=None, whose size is linear in the depth; the
	// trees deeper than 1000 are not dumped at all (it takes seconds on
	// both sides): for them, accepting or rejecting is what matters.
	specs := []dumpSpec{{}, {Attrs: true}}
	type item struct {
		name  string
		src   string
		dumps []dumpSpec
	}
	var items []item
	var jobs []oracleJob
	for _, c := range cases {
		for _, n := range []int{c.last, c.last + 1} {
			src := c.gen(n) + "\n"
			it := item{name: fmt.Sprintf("%s/%d", c.name, n), src: src}
			if c.last <= 1000 {
				it.dumps = specs
			}
			items = append(items, it)
			jobs = append(jobs, oracleJob{Src: src, Mode: "exec", TypeComments: true, Dumps: it.dumps})
		}
	}
	results := runOracle(t, jobs)
	for i, it := range items {
		want := results[i]
		t.Run(it.name, func(t *testing.T) {
			res := parser.Parse([]byte(it.src), parser.Options{Filename: "<unknown>", Mode: parser.ModeExec, TypeComments: true})
			if !want.OK {
				compareError(t, want, res)
				return
			}
			if res.Err != nil || res.Fatal != "" {
				t.Fatalf("MISMATCH: CPython parses it, peephole fails:\n%s%s", formatErr(res.Err), res.Fatal)
			}
			for k, spec := range it.dumps {
				got, err := ast.Dump(res.Tree, ast.DumpOptions{Indent: -1, IncludeAttributes: spec.Attrs})
				compareDump(t, fmt.Sprintf("ast.dump(include_attributes=%v)", spec.Attrs), want.Dumps[k], got, err)
			}
		})
	}
}

func slicesRepeat(s string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = s
	}
	return out
}
