// Command vm measures, in one run and side by side, `peephole run` and
// CPython 3.13 on the benchmark programs of bench/vm/programs (DESIGN §10,
// issue 5). Run it from the repository root:
//
//	go run ./bench/vm [-rounds N] [-run REGEXP] [-python PATH] [-peephole PATH] [-v]
//
// or bench/vm/run.sh with the same flags.
//
// Each program is a plain Python file that prints a checksum. For every
// program the command first runs both sides once, untimed, and checks that
// peephole prints exactly CPython's stdout and exits with CPython's status;
// a program whose outputs differ is reported as a mismatch and left out of
// the ratios (its time would measure different work). Then it runs N timed
// rounds, interleaved (CPython, peephole, next program, …, next round) so that
// noise from the machine falls on both sides alike, and keeps each side's
// best round. Each run is timed in wall-clock time and in CPU time (user +
// system of the child process, all its threads: the Go GC's work on other
// cores counts against peephole). The report gives, per program, both
// times of both sides and the ratio peephole/CPython (> 1: peephole is
// slower), then the geometric mean and the largest ratio, in CPU time and in
// wall-clock time, against the goal (geometric mean ≤ 2.5, no
// program above 5).
//
// Both sides get the environment the oracle tests use (PYTHONHASHSEED=0,
// PYTHONDONTWRITEBYTECODE=1, PYTHONIOENCODING=utf-8) and stdin from
// /dev/null. peephole runs with no Python interpreter on PATH, as under
// ../shared/tools/parity, so that it cannot shell out to CPython.
//
// The peephole binary is -peephole, else $PEEPHOLE_BIN, else built from
// ./cmd/peephole into a temporary directory. Before any timing the command
// checks that `peephole run` works on a one-line program and stops with a
// clear message (exit status 1) when it does not. The exit status is 0 when
// every program's outputs matched, 1 otherwise, 2 on usage errors.
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/peephole-lsp/peephole/internal/oracle"
)

// result is one run of one program by one side.
type result struct {
	stdout, stderr []byte
	status         int // exit status; -1 when killed by a signal or not started
	wall, cpu      float64
	err            error // the program could not be run (timeout, exec failure)
}

// side is an interpreter command line: argv before the program's path.
type side struct {
	name string
	argv []string
	env  []string
}

func (s side) run(path string, timeout time.Duration) result {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	args := append(append([]string{}, s.argv[1:]...), path)
	cmd := exec.CommandContext(ctx, s.argv[0], args...)
	cmd.Env = s.env
	cmd.Dir = filepath.Dir(path)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	start := time.Now()
	err := cmd.Run()
	r := result{stdout: out.Bytes(), stderr: errb.Bytes(), wall: time.Since(start).Seconds(), status: -1}
	if ps := cmd.ProcessState; ps != nil {
		r.status = ps.ExitCode()
		r.cpu = (ps.UserTime() + ps.SystemTime()).Seconds()
	}
	var exitErr *exec.ExitError
	switch {
	case ctx.Err() != nil:
		r.err = fmt.Errorf("timed out after %v", timeout)
	case err != nil && !errors.As(err, &exitErr):
		r.err = err
	}
	return r
}

// program holds the measurements of one benchmark program.
type program struct {
	name, path string
	mismatch   string   // why the outputs differ; "" when they match
	py, pp     []result // the timed runs of CPython and of peephole
}

func best(rs []result, cpu bool) float64 {
	b := math.Inf(1)
	for _, r := range rs {
		v := r.wall
		if cpu {
			v = r.cpu
		}
		b = math.Min(b, v)
	}
	return b
}

// same reports whether peephole's run matches CPython's: same stdout, same
// exit status. It returns a one-line description of the first difference.
func same(want, got result) string {
	if got.err != nil {
		return got.err.Error()
	}
	if want.status != got.status {
		return fmt.Sprintf("exit status %d, CPython %d; stderr: %s", got.status, want.status, lastLine(got.stderr))
	}
	if bytes.Equal(want.stdout, got.stdout) {
		return ""
	}
	wl := strings.Split(string(want.stdout), "\n")
	gl := strings.Split(string(got.stdout), "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("stdout line %d: CPython %q, peephole %q", i+1, clip(w), clip(g))
		}
	}
	return "stdout differs"
}

func lastLine(b []byte) string {
	s := strings.TrimRight(string(b), "\n")
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		s = s[i+1:]
	}
	return clip(s)
}

func clip(s string) string {
	if len(s) > 80 {
		return s[:77] + "..."
	}
	return s
}

// peepholeEnv is env without a Python interpreter reachable: PATH entries
// holding python executables or pyenv shims are dropped, as are the
// variables that point at an interpreter.
func peepholeEnv(env []string) []string {
	var out []string
	for _, kv := range env {
		switch {
		case strings.HasPrefix(kv, "PYENV"), strings.HasPrefix(kv, "PEEPHOLE_PYTHON="),
			strings.HasPrefix(kv, "VIRTUAL_ENV="), strings.HasPrefix(kv, "CONDA"):
			continue
		case strings.HasPrefix(kv, "PATH="):
			var keep []string
			for _, d := range filepath.SplitList(kv[len("PATH="):]) {
				if d == "" || strings.Contains(d, "pyenv") || strings.Contains(d, "conda") || hasPython(d) {
					continue
				}
				keep = append(keep, d)
			}
			kv = "PATH=" + strings.Join(keep, string(filepath.ListSeparator))
		}
		out = append(out, kv)
	}
	return out
}

func hasPython(dir string) bool {
	for _, pat := range []string{"python", "python2*", "python3*", "pypy*"} {
		if m, _ := filepath.Glob(filepath.Join(dir, pat)); len(m) > 0 {
			return true
		}
	}
	return false
}

func main() {
	os.Exit(mainErr())
}

func mainErr() int {
	rounds := flag.Int("rounds", 3, "timed rounds per program and side (the best round is kept)")
	python := flag.String("python", "", "the CPython 3.13 interpreter (default: found as internal/oracle finds it)")
	peephole := flag.String("peephole", os.Getenv("PEEPHOLE_BIN"), "the peephole binary (default: $PEEPHOLE_BIN, else built from ./cmd/peephole)")
	dir := flag.String("dir", filepath.Join("bench", "vm", "programs"), "the folder of benchmark programs")
	filter := flag.String("run", "", "only the programs whose file name matches this regular expression")
	timeout := flag.Duration("timeout", 5*time.Minute, "time limit of one run")
	verbose := flag.Bool("v", false, "print every run on stderr")
	flag.Parse()
	if flag.NArg() != 0 || *rounds < 1 {
		flag.Usage()
		return 2
	}
	var re *regexp.Regexp
	if *filter != "" {
		var err error
		if re, err = regexp.Compile(*filter); err != nil {
			fmt.Fprintln(os.Stderr, "bench/vm: -run:", err)
			return 2
		}
	}
	if *python == "" {
		p, why := oracle.Path()
		if p == "" {
			fmt.Fprintln(os.Stderr, "bench/vm: no CPython 3.13 found:", why)
			return 1
		}
		*python = p
	}
	paths, _ := filepath.Glob(filepath.Join(*dir, "*.py"))
	var progs []*program
	for _, p := range paths {
		name := strings.TrimSuffix(filepath.Base(p), ".py")
		if re != nil && !re.MatchString(filepath.Base(p)) {
			continue
		}
		abs, err := filepath.Abs(p)
		if err != nil {
			fmt.Fprintln(os.Stderr, "bench/vm:", err)
			return 1
		}
		progs = append(progs, &program{name: name, path: abs})
	}
	if len(progs) == 0 {
		fmt.Fprintf(os.Stderr, "bench/vm: no programs in %s (run from the repository root, or pass -dir)\n", *dir)
		return 2
	}
	sort.Slice(progs, func(i, j int) bool { return progs[i].name < progs[j].name })

	tmp, err := os.MkdirTemp("", "bench-vm-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench/vm:", err)
		return 1
	}
	defer os.RemoveAll(tmp)
	if *peephole == "" {
		*peephole = filepath.Join(tmp, "peephole")
		build := exec.Command("go", "build", "-o", *peephole, "./cmd/peephole")
		build.Stdout, build.Stderr = os.Stderr, os.Stderr
		if err := build.Run(); err != nil {
			fmt.Fprintln(os.Stderr, "bench/vm: go build ./cmd/peephole failed (run from the repository root):", err)
			return 1
		}
	}
	env := oracle.Env()
	py := side{name: "CPython", argv: []string{*python}, env: env}
	pp := side{name: "peephole", argv: []string{*peephole, "run"}, env: peepholeEnv(env)}

	// Does `peephole run` work at all?
	probe := filepath.Join(tmp, "probe.py")
	if err := os.WriteFile(probe, []byte("print('probe', 6 * 7)\n"), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "bench/vm:", err)
		return 1
	}
	if r := pp.run(probe, time.Minute); r.err != nil || r.status != 0 || string(r.stdout) != "probe 42\n" {
		why := strings.SplitN(strings.TrimSpace(string(r.stderr)), "\n", 2)[0]
		if r.err != nil {
			why = r.err.Error()
		}
		fmt.Fprintf(os.Stderr, "bench/vm: `%s run` does not work yet: on print('probe', 6 * 7) it exited with status %d and printed %q (stderr: %s)\n",
			*peephole, r.status, clip(string(r.stdout)), why)
		return 1
	}

	version := strings.TrimSpace(string(py.run(writeTemp(tmp, "v.py", "import sys; print(sys.version.split()[0])"), time.Minute).stdout))
	fmt.Printf("vm benchmark: `peephole run` vs CPython %s, %d programs, best of %d rounds, one run\n", version, len(progs), *rounds)

	// Untimed runs: check the outputs and warm the file cache.
	for _, p := range progs {
		want := py.run(p.path, *timeout)
		if want.err != nil || want.status != 0 {
			fmt.Fprintf(os.Stderr, "bench/vm: CPython fails on %s (status %d, %v): %s\n", p.name, want.status, want.err, lastLine(want.stderr))
			return 1
		}
		got := pp.run(p.path, *timeout)
		p.mismatch = same(want, got)
		if *verbose {
			fmt.Fprintf(os.Stderr, "check %-16s CPython %.2fs, peephole %.2fs %s\n", p.name, want.wall, got.wall, p.mismatch)
		}
	}
	for round := 1; round <= *rounds; round++ {
		for _, p := range progs {
			if p.mismatch != "" {
				continue
			}
			a := py.run(p.path, *timeout)
			b := pp.run(p.path, *timeout)
			if m := same(a, b); m != "" {
				p.mismatch = fmt.Sprintf("round %d: %s", round, m)
				continue
			}
			p.py = append(p.py, a)
			p.pp = append(p.pp, b)
			if *verbose {
				fmt.Fprintf(os.Stderr, "round %d %-16s CPython %.3fs (cpu %.3fs), peephole %.3fs (cpu %.3fs)\n",
					round, p.name, a.wall, a.cpu, b.wall, b.cpu)
			}
		}
	}
	return report(progs)
}

func writeTemp(dir, name, src string) string {
	p := filepath.Join(dir, name)
	_ = os.WriteFile(p, []byte(src), 0o644)
	return p
}

// report prints the table and the summary; it returns the exit status.
func report(progs []*program) int {
	fmt.Printf("\n%-16s %10s %10s %8s %12s %12s %9s\n", "program", "cpython_s", "peephole_s", "ratio", "cpython_cpu", "peephole_cpu", "ratio_cpu")
	var logWall, logCPU []float64
	maxWall, maxCPU := 0.0, 0.0
	var maxWallName, maxCPUName string
	bad := 0
	for _, p := range progs {
		if p.mismatch != "" {
			bad++
			fmt.Printf("%-16s MISMATCH: %s\n", p.name, p.mismatch)
			continue
		}
		pw, bw := best(p.py, false), best(p.pp, false)
		pc, bc := best(p.py, true), best(p.pp, true)
		rw, rc := bw/pw, bc/pc
		fmt.Printf("%-16s %10.3f %10.3f %8.2f %12.3f %12.3f %9.2f\n", p.name, pw, bw, rw, pc, bc, rc)
		logWall = append(logWall, math.Log(rw))
		logCPU = append(logCPU, math.Log(rc))
		if rw > maxWall {
			maxWall, maxWallName = rw, p.name
		}
		if rc > maxCPU {
			maxCPU, maxCPUName = rc, p.name
		}
	}
	fmt.Println()
	if len(logCPU) > 0 {
		gw, gc := math.Exp(mean(logWall)), math.Exp(mean(logCPU))
		fmt.Printf("geometric mean of peephole/CPython: CPU %.2f, wall-clock %.2f (over %d programs)\n", gc, gw, len(logCPU))
		fmt.Printf("largest ratio: CPU %.2f (%s), wall-clock %.2f (%s)\n", maxCPU, maxCPUName, maxWall, maxWallName)
		verdict := "met"
		if gc > 2.5 || maxCPU > 5 || bad > 0 {
			verdict = "not met"
		}
		fmt.Printf("goal (issue 5: geometric mean <= 2.5, no program above 5, in CPU time, all outputs equal): %s\n", verdict)
	}
	fmt.Printf("outputs: %d of %d programs identical to CPython's\n", len(progs)-bad, len(progs))
	if bad > 0 {
		return 1
	}
	return 0
}

func mean(v []float64) float64 {
	s := 0.0
	for _, x := range v {
		s += x
	}
	return s / float64(len(v))
}
