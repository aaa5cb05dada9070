// Command lsp measures, in one run and side by side, the latency of
// `peephole lsp` and of pyright's language server (npm `pyright`, the
// pinned version below, installed by this program with npm into a cache
// directory) on the same scripted editing session (DESIGN §10, issue 6):
//
//	go run ./bench/lsp [-sessions N] [-peephole BIN] [-no-pyright] [-v]
//
// One session, identical for both servers, on a fresh process:
//
//  1. initialize and initialized (UTF-16 positions, a workspace folder
//     holding only the benchmark file), then didOpen of a generated
//     5,000-line Python file; the time from didOpen to the file's first
//     publishDiagnostics is "first diagnostics" (a cold server);
//  2. 200 hovers, one at a time, on names spread over the file;
//  3. 100 edits, one at a time: each is an incremental didChange (a name in
//     a function body becomes undefined, the next edit restores it), timed
//     from didChange to the publishDiagnostics of that version (debounce
//     included);
//  4. 20 textDocument/semanticTokens/full requests (when the server offers
//     them);
//  5. (an extra figure, outside the session) 20 hovers each sent
//     at once after an edit, before its diagnostics;
//  6. (extra figures too) 20 edits that insert a line in a method and
//     remove it again, each followed at once by the questions an editor
//     asks about the cursor and the screen: documentHighlight, definition,
//     peephole/bytecode (peephole only) and the inlay hints of 40 lines
//     around it (switched on for peephole by didChangeConfiguration);
//  7. the server's peak resident set size (VmHWM of its process, and of its
//     largest child process if it has any), then shutdown and exit.
//
// Sessions alternate between the servers (peephole, pyright, peephole, …).
// The report gives p50 and p95 of each kind of latency over all sessions,
// the median first-diagnostics time, the largest peak RSS, and the ratios
// pyright/peephole (>1: peephole is faster or smaller); then, per server, the
// first-diagnostics time of each session, the CPU time each server spent
// from didOpen to them (steadier than the wall clock on a busy machine),
// and the time from the process's start to the answer to initialize. See bench/README.md.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"time"
)

// pyrightVersion is the pinned version of npm's pyright.
const pyrightVersion = "1.1.414"

const (
	fileLines  = 5000
	hoverCount = 200
	editCount  = 100
	tokenCount = 20
	// afterEditCount hovers follow an edit at once (an extra figure), and
	// the position questions follow as many line-inserting edits.
	afterEditCount = 20
)

// positionKinds are the questions asked right after a line-inserting
// edit, in the order asked.
var positionKinds = []string{"textDocument/documentHighlight", "textDocument/definition", "peephole/bytecode", "textDocument/inlayHint"}

var (
	sessions  = flag.Int("sessions", 3, "sessions per server")
	peephole  = flag.String("peephole", "", "the peephole binary (default: built from this repository)")
	noPyright = flag.Bool("no-pyright", false, "measure peephole alone")
	noPeep    = flag.Bool("no-peephole", false, "measure pyright alone")
	cacheDir  = flag.String("cache", "", "where pyright is installed (default: the user cache directory)")
	verbose   = flag.Bool("v", false, "print each session's figures and the servers' stderr")
)

func main() {
	flag.Parse()
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "bench/lsp:", err)
		os.Exit(1)
	}
}

// server is one language server under test.
type server struct {
	name string
	argv []string
	// results, over all sessions
	firstDiag []time.Duration
	// firstDiagCPU is the server's CPU time (its children's included)
	// from didOpen to the first diagnostics; startup the time from the
	// process's start to the answer to initialize.
	firstDiagCPU, startup []time.Duration
	hover, edit, token    []time.Duration
	hoverAfterEdit        []time.Duration
	// posAfterEdit are the latencies of the position questions asked right
	// after a line-inserting edit, by method.
	posAfterEdit map[string][]time.Duration
	rss          []int64
	noTokens     bool
}

func run() error {
	work, err := os.MkdirTemp("", "peephole-bench-lsp")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)

	bin := *peephole
	if bin == "" {
		bin = filepath.Join(work, "peephole")
		fmt.Fprintln(os.Stderr, "building peephole…")
		if out, err := exec.Command("go", "build", "-o", bin, "./cmd/peephole").CombinedOutput(); err != nil {
			return fmt.Errorf("go build: %v\n%s", err, out)
		}
	}
	var servers []*server
	if !*noPeep {
		servers = append(servers, &server{name: "peephole", argv: []string{bin, "lsp", "--stdio", "--log-level", "warn"}})
	}
	if !*noPyright {
		langserver, err := installPyright()
		if err != nil {
			return err
		}
		servers = append(servers, &server{name: "pyright " + pyrightVersion, argv: []string{"node", langserver, "--stdio"}})
	}

	ws := filepath.Join(work, "workspace")
	if err := os.MkdirAll(ws, 0o755); err != nil {
		return err
	}
	src := generate()
	path := filepath.Join(ws, "bench_file.py")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		return err
	}
	hovers := hoverPositions(src)
	edits := editPositions(src)

	for s := 0; s < *sessions; s++ {
		for _, srv := range servers {
			if err := session(srv, ws, path, src, hovers, edits); err != nil {
				return fmt.Errorf("%s, session %d: %v", srv.name, s+1, err)
			}
		}
	}
	report(servers, src)
	return nil
}

// installPyright installs the pinned pyright with npm into the cache, once,
// and returns the path of its language server script.
func installPyright() (string, error) {
	dir := *cacheDir
	if dir == "" {
		base, err := os.UserCacheDir()
		if err != nil {
			base = os.TempDir()
		}
		dir = filepath.Join(base, "peephole-bench", "pyright-"+pyrightVersion)
	}
	script := filepath.Join(dir, "node_modules", "pyright", "langserver.index.js")
	if _, err := os.Stat(script); err == nil {
		return script, nil
	}
	fmt.Fprintf(os.Stderr, "installing pyright %s with npm into %s…\n", pyrightVersion, dir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	cmd := exec.Command("npm", "install", "--no-audit", "--no-fund", "--prefix", dir, "pyright@"+pyrightVersion)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("npm install pyright@%s: %v (use -no-pyright to measure peephole alone)", pyrightVersion, err)
	}
	if _, err := os.Stat(script); err != nil {
		return "", fmt.Errorf("pyright's language server is not at %s", script)
	}
	return script, nil
}

// session runs one scripted session on a fresh server process.
func session(srv *server, ws, path, src string, hovers [][2]int, edits [][3]int) error {
	var stderr bytes.Buffer
	var errw io.Writer = &stderr
	if *verbose {
		errw = os.Stderr
	}
	started := time.Now()
	c, err := start(srv.argv, ws, errw)
	if err != nil {
		return err
	}
	defer c.stop()
	uri := "file://" + path
	wsURI := "file://" + ws
	caps := map[string]any{
		"general":   map[string]any{"positionEncodings": []string{"utf-16"}},
		"window":    map[string]any{"workDoneProgress": true},
		"workspace": map[string]any{"configuration": true, "workspaceFolders": true},
		"textDocument": map[string]any{
			"hover":              map[string]any{"contentFormat": []string{"markdown", "plaintext"}},
			"publishDiagnostics": map[string]any{"versionSupport": true},
			"synchronization":    map[string]any{"didSave": true},
			"semanticTokens": map[string]any{
				"requests":       map[string]any{"full": true, "range": true},
				"tokenTypes":     []string{"namespace", "class", "function", "parameter", "variable", "typeParameter", "property", "method"},
				"tokenModifiers": []string{"declaration", "definition", "readonly", "static"},
				"formats":        []string{"relative"},
			},
		},
	}
	res, _, err := c.call("initialize", map[string]any{
		"processId": os.Getpid(), "rootUri": wsURI, "capabilities": caps,
		"workspaceFolders": []any{map[string]any{"uri": wsURI, "name": "bench"}},
	})
	if err != nil {
		return fmt.Errorf("%v\n%s", err, stderr.String())
	}
	var init struct {
		Capabilities struct {
			SemanticTokensProvider json.RawMessage `json:"semanticTokensProvider"`
		} `json:"capabilities"`
	}
	srv.startup = append(srv.startup, time.Since(started))
	json.Unmarshal(res, &init)
	srv.noTokens = len(init.Capabilities.SemanticTokensProvider) == 0 || string(init.Capabilities.SemanticTokensProvider) == "null"
	c.notify("initialized", map[string]any{})

	// 1. First diagnostics, cold.
	cpu0 := c.cpuTime()
	opened := time.Now()
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "python", "version": 1, "text": src}})
	p, err := c.waitDiagnostics(uri, 1, opened)
	if err != nil {
		return err
	}
	first := p.At.Sub(opened)
	cpu := c.cpuTime() - cpu0
	srv.firstDiag = append(srv.firstDiag, first)
	if cpu0 >= 0 {
		srv.firstDiagCPU = append(srv.firstDiagCPU, cpu)
	}
	logf("%s: first diagnostics after %v (%d), %v of CPU", srv.name, first, p.Count, cpu)

	// 2. Hovers.
	var hov []time.Duration
	for _, h := range hovers {
		_, d, err := c.call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": map[string]any{"line": h[0], "character": h[1]}})
		if err != nil {
			return err
		}
		hov = append(hov, d)
	}
	srv.hover = append(srv.hover, hov...)
	logf("%s: %d hovers, p50 %v", srv.name, len(hov), pct(hov, 50))

	// 3. Edits, each until its fresh diagnostics.
	var eds []time.Duration
	version := 1
	for i, e := range edits {
		version++
		line, col, width := e[0], e[1], e[2]
		var change map[string]any
		if i%2 == 0 {
			// total = 0 → total = zero0
			change = map[string]any{"range": lspRange(line, col, line, col+width), "text": "zero0"}
		} else {
			change = map[string]any{"range": lspRange(line, col, line, col+5), "text": "0"}
		}
		sent := time.Now()
		c.notify("textDocument/didChange", map[string]any{
			"textDocument":   map[string]any{"uri": uri, "version": version},
			"contentChanges": []any{change},
		})
		p, err := c.waitDiagnostics(uri, version, sent)
		if err != nil {
			return err
		}
		eds = append(eds, p.At.Sub(sent))
		if i%10 == 9 {
			logf("%s: %d edits, p50 %v, last %v (%d diagnostics)", srv.name, i+1, pct(eds, 50), p.At.Sub(sent), p.Count)
		}
	}
	srv.edit = append(srv.edit, eds...)

	// 4. Semantic tokens.
	var toks []time.Duration
	if !srv.noTokens {
		for i := 0; i < tokenCount; i++ {
			_, d, err := c.call("textDocument/semanticTokens/full", map[string]any{"textDocument": map[string]any{"uri": uri}})
			if err != nil {
				return err
			}
			toks = append(toks, d)
		}
	}
	srv.token = append(srv.token, toks...)

	// 5. Hovers right after edits (not part of the session): an
	// edit, then at once a hover a few lines away, without waiting for
	// the diagnostics.
	var hae []time.Duration
	for i := 0; i < afterEditCount; i++ {
		e := edits[(i*2)%len(edits)]
		version++
		text := "zero0"
		width := e[2]
		if i%2 == 1 {
			text, width = "0", 5
		}
		c.notify("textDocument/didChange", map[string]any{
			"textDocument":   map[string]any{"uri": uri, "version": version},
			"contentChanges": []any{map[string]any{"range": lspRange(e[0], e[1], e[0], e[1]+width), "text": text}},
		})
		_, d, err := c.call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": map[string]any{"line": e[0] + 2, "character": 16}})
		if err != nil {
			return err
		}
		hae = append(hae, d)
		if i%2 == 1 {
			// Let the analyses settle before the next pair.
			if _, err := c.waitDiagnostics(uri, version, time.Now().Add(-time.Hour)); err != nil {
				return err
			}
		}
	}
	srv.hoverAfterEdit = append(srv.hoverAfterEdit, hae...)
	logf("%s: %d hovers right after an edit, p50 %v", srv.name, len(hae), pct(hae, 50))

	// 6. Position questions right after edits that insert a line in a
	// method (every chunk below moves) and remove it. Inlay hints are on
	// for peephole from here.
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"peephole": map[string]any{"inlayHints": map[string]any{"opcodes": true}}}})
	if srv.posAfterEdit == nil {
		srv.posAfterEdit = map[string][]time.Duration{}
	}
	for i := 0; i < afterEditCount; i++ {
		e := edits[(i/2*4+1)%len(edits)]
		version++
		line := e[0] + 1 // below `total = 0`
		change := map[string]any{"range": lspRange(line, 0, line, 0), "text": "        extra = 1\n"}
		at := line + 2 // `v` of `if v > self.limit:`, moved down
		if i%2 == 1 {
			change = map[string]any{"range": lspRange(line, 0, line+1, 0), "text": ""}
			at = line + 1
		}
		c.notify("textDocument/didChange", map[string]any{
			"textDocument":   map[string]any{"uri": uri, "version": version},
			"contentChanges": []any{change},
		})
		pos := map[string]any{"textDocument": map[string]any{"uri": uri}, "position": map[string]any{"line": at, "character": 15}}
		for _, method := range positionKinds {
			params := pos
			if method == "textDocument/inlayHint" {
				params = map[string]any{"textDocument": map[string]any{"uri": uri}, "range": lspRange(max(at-20, 0), 0, at+20, 0)}
			}
			_, d, err := c.call(method, params)
			if err != nil {
				if method == "peephole/bytecode" && srv.name != "peephole" {
					continue // pyright's server has no such request
				}
				return err
			}
			srv.posAfterEdit[method] = append(srv.posAfterEdit[method], d)
		}
		if i%2 == 1 {
			if _, err := c.waitDiagnostics(uri, version, time.Now().Add(-time.Hour)); err != nil {
				return err
			}
		}
	}
	logf("%s: position questions right after %d line-inserting edits", srv.name, afterEditCount)

	// 7. Peak RSS.
	rss := c.peakRSS()
	for _, child := range childPIDs(c.cmd.Process.Pid) {
		if r := procPeakRSS(child); r > rss {
			rss = r
		}
	}
	srv.rss = append(srv.rss, rss)
	if *verbose {
		fmt.Fprintf(os.Stderr, "%s: first diagnostics %v, hover p50 %v p95 %v, edit p50 %v p95 %v, tokens p50 %v, peak RSS %.1f MB\n",
			srv.name, first, pct(hov, 50), pct(hov, 95), pct(eds, 50), pct(eds, 95), pct(toks, 50), float64(rss)/1e6)
	}
	return nil
}

// logf prints progress with -v.
func logf(format string, args ...any) {
	if *verbose {
		fmt.Fprintf(os.Stderr, time.Now().Format("15:04:05.000 ")+format+"\n", args...)
	}
}

func lspRange(l1, c1, l2, c2 int) map[string]any {
	return map[string]any{"start": map[string]any{"line": l1, "character": c1}, "end": map[string]any{"line": l2, "character": c2}}
}

// pct is the p-th percentile (nearest rank) of ds.
func pct(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	i := (p*len(s) + 99) / 100
	return s[max(i-1, 0)]
}

func ms(d time.Duration) string {
	if d == 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.2f", float64(d)/float64(time.Millisecond))
}

func ratio(a, b time.Duration) string {
	if a == 0 || b == 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.1f×", float64(a)/float64(b))
}

func maxRSS(rs []int64) int64 {
	var m int64
	for _, r := range rs {
		m = max(m, r)
	}
	return m
}

func report(servers []*server, src string) {
	load, _ := os.ReadFile("/proc/loadavg")
	fmt.Printf("LSP latency benchmark: a %d-line file (%d bytes), %d hovers, %d edits with fresh diagnostics, %d semantic token requests; %d sessions per server\n",
		strings.Count(src, "\n"), len(src), hoverCount, editCount, tokenCount, *sessions)
	fmt.Printf("%d CPUs, %s, load average %s\n", runtime.NumCPU(), runtime.Version(), strings.Join(strings.Fields(string(load))[:3], " "))
	fmt.Printf("%-24s %12s %10s %10s %10s %10s %10s %10s %12s\n", "server", "first_diag", "hover_p50", "hover_p95", "edit_p50", "edit_p95", "tokens_p50", "tokens_p95", "peak_rss_MB")
	for _, s := range servers {
		fmt.Printf("%-24s %12s %10s %10s %10s %10s %10s %10s %12.1f\n", s.name, ms(pct(s.firstDiag, 50)),
			ms(pct(s.hover, 50)), ms(pct(s.hover, 95)), ms(pct(s.edit, 50)), ms(pct(s.edit, 95)),
			ms(pct(s.token, 50)), ms(pct(s.token, 95)), float64(maxRSS(s.rss))/1e6)
	}
	if len(servers) == 2 {
		a, b := servers[1], servers[0]
		fmt.Printf("%-24s %12s %10s %10s %10s %10s %10s %10s %11.1f×\n", "ratio pyright/peephole",
			ratio(pct(a.firstDiag, 50), pct(b.firstDiag, 50)), ratio(pct(a.hover, 50), pct(b.hover, 50)), ratio(pct(a.hover, 95), pct(b.hover, 95)),
			ratio(pct(a.edit, 50), pct(b.edit, 50)), ratio(pct(a.edit, 95), pct(b.edit, 95)),
			ratio(pct(a.token, 50), pct(b.token, 50)), ratio(pct(a.token, 95), pct(b.token, 95)),
			float64(maxRSS(a.rss))/float64(maxRSS(b.rss)))
	}
	fmt.Println("times in milliseconds; first_diag is the median over the sessions, the others are over all requests of all sessions; peak RSS is the largest")
	for _, s := range servers {
		fmt.Printf("%s: hover right after an edit (%d, not in the session above): p50 %s, p95 %s ms\n", s.name, len(s.hoverAfterEdit), ms(pct(s.hoverAfterEdit, 50)), ms(pct(s.hoverAfterEdit, 95)))
		var parts []string
		for _, m := range positionKinds {
			if ds := s.posAfterEdit[m]; len(ds) > 0 {
				parts = append(parts, fmt.Sprintf("%s p50 %s, p95 %s", strings.TrimPrefix(m, "textDocument/"), ms(pct(ds, 50)), ms(pct(ds, 95))))
			}
		}
		fmt.Printf("%s: right after a line-inserting edit (%d each, not in the session above): %s ms\n", s.name, afterEditCount*(*sessions), strings.Join(parts, "; "))
	}
	for _, s := range servers {
		var fd []string
		for _, d := range s.firstDiag {
			fd = append(fd, ms(d))
		}
		fmt.Printf("%s: first diagnostics per session: %s ms (min %s, median %s)\n", s.name, strings.Join(fd, ", "), ms(pct(s.firstDiag, 0)), ms(pct(s.firstDiag, 50)))
		var cpu []string
		for _, d := range s.firstDiagCPU {
			cpu = append(cpu, fmt.Sprintf("%.0f", float64(d)/float64(time.Millisecond)))
		}
		if len(cpu) > 0 {
			fmt.Printf("%s: CPU time from didOpen to the first diagnostics per session: %s ms (median %s); start to initialized: median %s ms\n",
				s.name, strings.Join(cpu, ", "), ms(pct(s.firstDiagCPU, 50)), ms(pct(s.startup, 50)))
		}
	}
}

// generate writes the benchmark file: blocks of 50 lines (a class with
// methods, helpers, a closure, a function that uses them, a module-level
// comprehension), under a few imports, 5,000 lines in all.
func generate() string {
	var b strings.Builder
	header := "import os\nimport sys\nfrom collections import OrderedDict, defaultdict\n\n"
	b.WriteString(header)
	lines := strings.Count(header, "\n")
	for i := 0; lines+50 <= fileLines; i++ {
		block := fmt.Sprintf(blockTemplate, i)
		n := strings.Count(block, "\n")
		b.WriteString(block)
		b.WriteString(strings.Repeat("\n", 50-n))
		lines += 50
	}
	for ; lines < fileLines; lines++ {
		b.WriteString("\n")
	}
	return b.String()
}

const blockTemplate = `class Record%[1]d:
    """A record with a few fields."""
    limit = %[1]d

    def __init__(self, name, values):
        self.name = name
        self.values = list(values)

    def total(self):
        total = 0
        for v in self.values:
            if v > self.limit:
                total += v
        return total

    def scaled(self, factor=2):
        return [v * factor for v in self.values if v]


def helper_%[1]d(items, key=None):
    seen = defaultdict(list)
    for n, item in enumerate(items):
        k = key(item) if key else item
        seen[k].append(n)
    return OrderedDict(seen)


def make_counter_%[1]d(start):
    count = start

    def bump(step=1):
        nonlocal count
        count += step
        return count
    return bump


def process_%[1]d(data):
    rec = Record%[1]d("r%[1]d", data)
    counter = make_counter_%[1]d(len(data))
    groups = helper_%[1]d(data, key=lambda x: x %% 3)
    result = rec.total() + counter()
    while result > %[1]d * 10:
        result //= 2
    try:
        ratio = result / len(groups)
    except ZeroDivisionError:
        ratio = 0.0
    return {"result": result, "ratio": ratio, "groups": sorted(groups), "env": os.sep, "argv": sys.argv}
`

var identRe = regexp.MustCompile(`[A-Za-z_][A-Za-z_0-9]*`)

var keywords = map[string]bool{"False": true, "None": true, "True": true, "and": true, "as": true, "class": true, "def": true,
	"else": true, "except": true, "for": true, "from": true, "if": true, "import": true, "in": true, "lambda": true,
	"nonlocal": true, "return": true, "try": true, "while": true}

// hoverPositions picks 200 names spread evenly over the file (not
// attributes, not keywords, not in strings).
func hoverPositions(src string) [][2]int {
	var all [][2]int
	for ln, line := range strings.Split(src, "\n") {
		if strings.Contains(line, `"""`) {
			continue
		}
		for _, m := range identRe.FindAllStringIndex(line, -1) {
			word := line[m[0]:m[1]]
			if keywords[word] || m[0] > 0 && (line[m[0]-1] == '.' || line[m[0]-1] == '"') {
				continue
			}
			all = append(all, [2]int{ln, m[0]})
		}
	}
	var out [][2]int
	for i := 0; i < hoverCount; i++ {
		out = append(out, all[i*len(all)/hoverCount])
	}
	return out
}

// editPositions picks where the edits go: the `0` of `total = 0` in 50
// blocks spread over the file, each edited twice (broken, then restored).
func editPositions(src string) [][3]int {
	var sites [][3]int
	for ln, line := range strings.Split(src, "\n") {
		if i := strings.Index(line, "total = 0"); i >= 0 {
			sites = append(sites, [3]int{ln, i + len("total = "), 1})
		}
	}
	var out [][3]int
	for i := 0; i < editCount/2; i++ {
		s := sites[i*len(sites)/(editCount/2)]
		out = append(out, s, s)
	}
	return out
}
