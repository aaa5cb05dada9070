// Package harness runs the side-by-side benchmarks of bench/ (DESIGN §10):
// the same work on the same bytes, every .py file of the oracle's standard
// library, done by CPython 3.13 and by peephole in one run, reported as
// ratios. A benchmark is a [Spec]: the Python call CPython makes per file
// and the Go function peephole runs per file; [Main] does the rest.
//
// The files are read once. CPython works in one python process; peephole in
// this process, once with the default GOMAXPROCS and once with
// GOMAXPROCS=1. Each side runs one untimed warm-up round and then N timed
// rounds; the rounds of the three
// sides are interleaved (CPython, peephole, peephole GOMAXPROCS=1, CPython,
// …) so that noise from the machine falls on all of them alike, and each
// round starts after a full garbage collection (gc.collect(), runtime.GC()).
// Files that raise a SyntaxError count as parsed. Each round is timed in
// wall-clock time and in CPU time (user+system of the whole process: python's
// time.process_time(), getrusage(RUSAGE_SELF) here, so the Go GC's work on
// other cores is counted); CPU time is the steadier figure on a busy
// machine. The two tables give the best and the median round of each side,
// and the ratio of peephole's throughput to CPython's (>1: peephole is
// faster). See bench/README.md.
package harness

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"sort"
	"strings"
	"time"

	"github.com/peephole-lsp/peephole/bench/corpus"
	"github.com/peephole-lsp/peephole/internal/oracle"
)

// Spec describes one side-by-side benchmark.
type Spec struct {
	// Name names the benchmark in messages ("parse").
	Name string
	// Title is the first line of the report.
	Title string
	// PySetup is Python run once before the rounds (imports), and PyCall
	// the expression CPython evaluates for each file, with the file's
	// bytes in b and its path in p (e.g. "parse(b, p)").
	PySetup, PyCall string
	// PyName names the CPython side in the tables.
	PyName string
	// Go does peephole's work on one file and reports whether it failed
	// (raised, in CPython's terms).
	Go func(f corpus.File) (failed bool)
}

// pyScript is the CPython side. It reads the paths (one a line, ended by an
// empty line), reads each file's bytes once, says it is ready, and then runs
// one round of the Spec's call over all of them for each "round" line it
// reads, answering with the round's time and the files that raised. The
// Spec's setup replaces exec(SETUP) and its call CALL.
const pyScript = `
import gc, json, sys, time, warnings
warnings.simplefilter("ignore")  # SyntaxWarnings: computed, not printed
paths = []
for line in sys.stdin:
    line = line.rstrip("\n")
    if not line:
        break
    paths.append(line)
srcs = []
for p in paths:
    with open(p, "rb") as f:
        srcs.append((p, f.read()))
print(json.dumps({"version": sys.version.split()[0], "files": len(srcs),
                  "bytes": sum(len(b) for _, b in srcs)}), flush=True)
exec(SETUP)
perf_counter = time.perf_counter
process_time = time.process_time
for cmd in sys.stdin:
    if cmd.strip() != "round":
        break
    gc.collect()
    errors = []
    c0 = process_time()
    t0 = perf_counter()
    for p, b in srcs:
        try:
            CALL
        except Exception as e:
            errors.append([p, type(e).__name__])
    t = perf_counter() - t0
    c = process_time() - c0
    print(json.dumps({"seconds": t, "cpu": c, "errors": errors}), flush=True)
`

type pyHello struct {
	Version string `json:"version"`
	Files   int    `json:"files"`
	Bytes   int    `json:"bytes"`
}

type pyRound struct {
	Seconds float64     `json:"seconds"` // wall-clock
	CPU     float64     `json:"cpu"`     // time.process_time()
	Errors  [][2]string `json:"errors"`
}

// cpython is a running python process of the CPython side.
type cpython struct {
	cmd   *exec.Cmd
	in    io.WriteCloser
	out   *bufio.Reader
	hello pyHello
}

func startCPython(python string, files []corpus.File, spec *Spec) (*cpython, error) {
	script := strings.Replace(strings.Replace(pyScript, "exec(SETUP)", spec.PySetup, 1), "CALL", spec.PyCall, 1)
	cmd := exec.Command(python, "-c", script)
	cmd.Env = oracle.Env()
	cmd.Stderr = os.Stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	c := &cpython{cmd: cmd, in: in, out: bufio.NewReaderSize(out, 1<<16)}
	var sb strings.Builder
	for _, f := range files {
		sb.WriteString(f.Path)
		sb.WriteByte('\n')
	}
	sb.WriteByte('\n')
	if _, err := io.WriteString(in, sb.String()); err != nil {
		return nil, fmt.Errorf("sending the paths to python: %v", err)
	}
	if err := c.read(&c.hello); err != nil {
		return nil, err
	}
	return c, nil
}

func (c *cpython) read(v any) error {
	line, err := c.out.ReadBytes('\n')
	if err != nil {
		return fmt.Errorf("reading from python: %v", err)
	}
	if err := json.Unmarshal(line, v); err != nil {
		return fmt.Errorf("python said %q: %v", line, err)
	}
	return nil
}

func (c *cpython) round() (pyRound, error) {
	var r pyRound
	if _, err := io.WriteString(c.in, "round\n"); err != nil {
		return r, fmt.Errorf("writing to python: %v", err)
	}
	err := c.read(&r)
	return r, err
}

func (c *cpython) close() error {
	c.in.Close()
	return c.cmd.Wait()
}

// peepholeRound does the work on every file once with GOMAXPROCS=procs and
// returns the wall-clock and CPU times and the paths of the files that
// failed.
func peepholeRound(spec *Spec, files []corpus.File, procs int) (wall, cpu float64, failed []string) {
	prev := runtime.GOMAXPROCS(procs)
	defer runtime.GOMAXPROCS(prev)
	runtime.GC()
	c0 := processCPU()
	start := time.Now()
	for _, f := range files {
		if spec.Go(f) {
			failed = append(failed, f.Path)
		}
	}
	wall = time.Since(start).Seconds()
	cpu = processCPU() - c0
	return wall, cpu, failed
}

// side is one row of the comparison: its name and its timed rounds.
type side struct {
	name      string
	wall, cpu []float64 // seconds, one per timed round
	failed    []string  // files that raised, in the last round
	lastWall  float64   // the last round, warm-up included
	lastCPU   float64
}

func (s *side) add(timed bool, wall, cpu float64, failed []string) {
	s.lastWall, s.lastCPU, s.failed = wall, cpu, failed
	if timed {
		s.wall = append(s.wall, wall)
		s.cpu = append(s.cpu, cpu)
	}
}

func best(v []float64) float64 {
	b := v[0]
	for _, x := range v[1:] {
		b = min(b, x)
	}
	return b
}

func median(v []float64) float64 {
	r := append([]float64(nil), v...)
	sort.Float64s(r)
	n := len(r)
	if n%2 == 1 {
		return r[n/2]
	}
	return (r[n/2-1] + r[n/2]) / 2
}

// Main parses the command line (-rounds, -python, -stdlib, -v), runs the
// benchmark and prints its report; it exits on errors.
func Main(spec Spec) {
	rounds := flag.Int("rounds", 5, "timed rounds per side (after one untimed warm-up round)")
	pyFlag := flag.String("python", "", "the CPython 3.13 interpreter (default: the oracle, see internal/oracle)")
	stdlibFlag := flag.String("stdlib", "", "the directory to parse (default: $PEEPHOLE_STDLIB, else the interpreter's stdlib)")
	verbose := flag.Bool("v", false, "also print every round's times, on stderr")
	flag.Parse()
	if *rounds < 1 || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(&spec, *rounds, *pyFlag, *stdlibFlag, *verbose); err != nil {
		fmt.Fprintf(os.Stderr, "bench/%s: %v\n", spec.Name, err)
		os.Exit(1)
	}
}

func run(spec *Spec, rounds int, python, dir string, verbose bool) error {
	if python == "" {
		p, why := corpus.Python()
		if p == "" {
			return fmt.Errorf("%s (or pass -python)", why)
		}
		python = p
	}
	if dir == "" {
		d, why := corpus.StdlibDir(python)
		if d == "" {
			return fmt.Errorf("%s", why)
		}
		dir = d
	}
	files, err := corpus.Load(dir)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return fmt.Errorf("no .py files under %s", dir)
	}
	lines, size := corpus.Totals(files)

	py, err := startCPython(python, files, spec)
	if err != nil {
		return fmt.Errorf("starting %s: %v", python, err)
	}
	if py.hello.Files != len(files) || py.hello.Bytes != size {
		return fmt.Errorf("python read %d files, %d bytes; this program %d files, %d bytes",
			py.hello.Files, py.hello.Bytes, len(files), size)
	}

	procs := runtime.GOMAXPROCS(0)
	cp := &side{name: "CPython " + py.hello.Version + " " + spec.PyName}
	sides := []*side{cp}
	peep := map[*side]int{} // the peephole sides and their GOMAXPROCS
	for _, n := range []int{procs, 1} {
		if n == 1 && procs == 1 {
			break
		}
		s := &side{name: fmt.Sprintf("peephole GOMAXPROCS=%d", n)}
		sides = append(sides, s)
		peep[s] = n
	}
	for i := 0; i <= rounds; i++ { // round 0 is the warm-up
		r, err := py.round()
		if err != nil {
			return err
		}
		var failed []string
		for _, e := range r.Errors {
			failed = append(failed, e[0])
		}
		cp.add(i > 0, r.Seconds, r.CPU, failed)
		for _, s := range sides[1:] {
			wall, cpu, failed := peepholeRound(spec, files, peep[s])
			s.add(i > 0, wall, cpu, failed)
		}
		if verbose {
			fmt.Fprintf(os.Stderr, "round %d%s:\n", i, map[bool]string{true: " (warm-up)"}[i == 0])
			for _, s := range sides {
				fmt.Fprintf(os.Stderr, "  %-28s wall %8.3fs  cpu %8.3fs\n", s.name, s.lastWall, s.lastCPU)
			}
		}
	}
	if err := py.close(); err != nil {
		return fmt.Errorf("python: %v", err)
	}

	fmt.Println(spec.Title)
	fmt.Printf("python:   %s (%s)\n", python, py.hello.Version)
	fmt.Printf("go:       %s %s/%s, GOMAXPROCS=%d, NumCPU=%d, cpu %s\n", runtime.Version(), runtime.GOOS, runtime.GOARCH, procs, runtime.NumCPU(), cpuModel())
	fmt.Printf("corpus:   %s\n", dir)
	fmt.Printf("          %d files, %d lines, %d bytes (%.2f MB)\n", len(files), lines, size, float64(size)/1e6)
	fmt.Printf("rounds:   %d timed (after 1 warm-up), interleaved; best and median round\n", rounds)
	table := func(title string, get func(*side) []float64) {
		fmt.Println()
		fmt.Println(title)
		fmt.Printf("%-28s %6s %8s %10s %6s %9s %9s %10s %10s %8s %8s %8s %8s\n",
			"side", "files", "lines", "bytes", "errors", "best_s", "median_s",
			"best_lps", "med_lps", "best_MBs", "med_MBs", "ratio_b", "ratio_m")
		cb, cm := best(get(cp)), median(get(cp))
		for _, s := range sides {
			b, m := best(get(s)), median(get(s))
			fmt.Printf("%-28s %6d %8d %10d %6d %9.3f %9.3f %10.0f %10.0f %8.2f %8.2f %8.3f %8.3f\n",
				s.name, len(files), lines, size, len(s.failed), b, m,
				float64(lines)/b, float64(lines)/m, float64(size)/b/1e6, float64(size)/m/1e6,
				cb/b, cm/m)
		}
	}
	table("wall-clock time:", func(s *side) []float64 { return s.wall })
	if cpuTimeSupported {
		table("CPU time (user+system of the whole process, all threads):", func(s *side) []float64 { return s.cpu })
	}
	fmt.Println()
	fmt.Println("lps: lines per second; MBs: 1e6 bytes per second; ratio_b, ratio_m: peephole's")
	fmt.Println("throughput over CPython's, best and median rounds (>1: peephole is faster).")

	// The two sides must fail on the same files, or the times do not
	// measure the same work.
	fmt.Println()
	cpFailed := toSet(cp.failed)
	ppFailed := toSet(sides[len(sides)-1].failed)
	var disagree []string
	for _, f := range files {
		if cpFailed[f.Path] != ppFailed[f.Path] {
			what := "CPython raised, peephole did not"
			if ppFailed[f.Path] {
				what = "peephole failed, CPython did not"
			}
			disagree = append(disagree, fmt.Sprintf("  %s: %s", f.Rel, what))
		}
	}
	fmt.Printf("files that raise: CPython %d, peephole %d; disagreements: %d\n", len(cpFailed), len(ppFailed), len(disagree))
	for _, d := range disagree {
		fmt.Println(d)
	}
	return nil
}

func toSet(s []string) map[string]bool {
	m := make(map[string]bool, len(s))
	for _, x := range s {
		m[x] = true
	}
	return m
}

// cpuModel returns the CPU's model name from /proc/cpuinfo, or "unknown".
func cpuModel() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return "unknown"
	}
	for _, line := range strings.Split(string(b), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return "unknown"
}
