package vm_test

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/peephole-lsp/peephole/compiler"
	"github.com/peephole-lsp/peephole/internal/oracle"
	"github.com/peephole-lsp/peephole/vm"
)

// The corpus of test programs (testdata/programs, and any folder named in
// $PEEPHOLE_VM_PROGRAMS) run under the VM and under CPython 3.13, with the
// rules of `parity run`: stdout and the exit status must be identical
// (stderr is held apart: the tracebacks are the goal of a separate list).
// Each folder has committed lists of the files still failing, under
// vm/testdata/parity, in the format of parity's --expect-failures (paths
// relative to the repository, one a line) with the reason in a comment
// above each path:
//
//	NAME.run.failures     stdout or exit status differ
//	NAME.stderr.failures  stdout and exit status agree, stderr differs
//	NAME.pyc.failures     the same, the program compiled by CPython (.pyc)
//
// A listed file is skipped; a file failing without being listed fails the
// test, and so does a listed file that now passes (the lists only
// shrink). `go test ./vm -run TestPrograms -update-failures` rewrites the
// lists from the results, keeping the reasons written by hand and giving
// the others the first difference seen ("auto: ...").
//
// scripts/parity-ratchet holds the same lists against the parity tool.

var updateFailures = flag.Bool("update-failures", false, "rewrite vm/testdata/parity/*.failures from the results")

// programFolders returns the corpus folders, relative to the repository.
func programFolders() []string {
	if env := os.Getenv("PEEPHOLE_VM_PROGRAMS"); env != "" {
		return strings.Fields(env)
	}
	return []string{"testdata/programs", "testdata/run"}
}

// repoRoot is the repository's root, from the package folder.
const repoRoot = ".."

// failureList is a committed list of failing files with their reasons.
type failureList struct {
	path    string
	reasons map[string]string // file -> reason
	seen    map[string]bool
	// results are the outcomes of this run: file -> failure reason, ""
	// when it passed.
	results map[string]string
}

func loadFailureList(t *testing.T, path string) *failureList {
	l := &failureList{path: path, reasons: map[string]string{}, seen: map[string]bool{}, results: map[string]string{}}
	data, err := os.ReadFile(path)
	if err != nil {
		if !os.IsNotExist(err) {
			t.Fatal(err)
		}
		return l
	}
	var reason []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "":
			reason = nil
		case strings.HasPrefix(line, "#"):
			reason = append(reason, strings.TrimSpace(strings.TrimPrefix(line, "#")))
		default:
			l.reasons[line] = strings.Join(reason, " ")
			reason = nil
		}
	}
	return l
}

// check records the outcome of file (reason "" when it passed) and
// reports it against the list.
func (l *failureList) check(t *testing.T, file, reason string) {
	t.Helper()
	l.results[file] = reason
	known, listed := l.reasons[file]
	switch {
	case reason == "" && listed:
		t.Errorf("%s passes now: remove it from %s", file, l.path)
	case reason != "" && !listed:
		t.Errorf("%s fails (%s) and is not in %s", file, reason, l.path)
	case reason != "":
		t.Skipf("known failure (%s): %s", filepath.Base(l.path), known)
	}
}

// autoReason starts the reasons -update-failures writes (the first
// difference seen); they are rewritten at each update, while a reason
// written by hand is kept.
const autoReason = "auto: "

var hexAddr = regexp.MustCompile(`0x[0-9a-f]+`)

// write rewrites the list from the results, keeping the reasons written
// by hand.
func (l *failureList) write(t *testing.T, header string) {
	var files []string
	for f, r := range l.results {
		if r != "" {
			files = append(files, f)
		}
	}
	sort.Strings(files)
	var b strings.Builder
	b.WriteString(header)
	for _, f := range files {
		reason := l.reasons[f]
		if reason == "" || strings.HasPrefix(reason, autoReason) {
			// Addresses change from run to run.
			reason = autoReason + hexAddr.ReplaceAllString(l.results[f], "0x...")
		}
		fmt.Fprintf(&b, "\n# %s\n%s\n", reason, f)
	}
	if err := os.MkdirAll(filepath.Dir(l.path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(l.path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// programResult is what a run printed.
type programResult struct {
	stdout, stderr string
	code           int
	// stopped is why the VM's run did not end by itself (a limit, a Go
	// panic), or "".
	stopped string
}

// runProgramVM runs a program (source, or a code object from a .pyc) as
// `peephole run` does, turning a Go panic into a result.
func runProgramVM(path string, prog vm.Program) (res programResult) {
	var out, errb bytes.Buffer
	defer func() {
		if r := recover(); r != nil {
			res = programResult{stdout: out.String(), stderr: errb.String(), code: -1,
				stopped: fmt.Sprintf("Go panic: %v\n%s", r, debug.Stack())}
		}
	}()
	in := vm.NewInterp(vm.Config{
		Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb,
		Argv: []string{path}, Path: []string{vm.ScriptPath(path)}, PyLib: vm.DefaultPyLib(),
		Limits: vm.Limits{Timeout: 60 * time.Second, MaxOutput: 64 << 20},
	})
	code, err := in.RunMain(prog)
	if in.EndedByInterrupt() {
		// `peephole run` then ends the process by SIGINT, as CPython
		// does, and a process killed by a signal has exit code -1 for Go.
		code = -1
	}
	res = programResult{stdout: out.String(), stderr: errb.String(), code: code}
	if err != nil {
		res.stopped = err.Error()
	}
	return res
}

// difference is the reason a run does not match CPython's, or "".
func difference(want oracle.Result, got programResult, withStderr bool) string {
	if got.stopped != "" {
		first, _, _ := strings.Cut(got.stopped, "\n")
		return "the VM was stopped: " + first
	}
	if got.code != want.ExitCode {
		return fmt.Sprintf("exit status %d, CPython's %d; %s", got.code, want.ExitCode, lastLine(got.stderr))
	}
	if got.stdout != string(want.Stdout) {
		return "stdout differs: " + firstDiff(string(want.Stdout), got.stdout) + "; " + lastLine(got.stderr)
	}
	if withStderr && got.stderr != string(want.Stderr) {
		return "stderr differs: " + firstDiff(string(want.Stderr), got.stderr)
	}
	return ""
}

// lastLine is the last line of a traceback ("" for no stderr).
func lastLine(s string) string {
	s = strings.TrimRight(s, "\n")
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		s = s[i+1:]
	}
	if s == "" {
		return "no error"
	}
	return shortText(s, 100)
}

// firstDiff describes the first line where two outputs differ.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; ; i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b || i >= len(w) || i >= len(g) {
			return fmt.Sprintf("line %d: CPython %q, peephole %q", i+1, shortText(a, 60), shortText(b, 60))
		}
	}
}

func shortText(s string, n int) string {
	if len(s) > n {
		return s[:n] + "..."
	}
	return s
}

// TestPrograms runs each program of the corpus under the VM and CPython.
func TestPrograms(t *testing.T) {
	oracle.Require(t)
	for _, folder := range programFolders() {
		name := filepath.Base(folder)
		runList := loadFailureList(t, filepath.Join("testdata", "parity", name+".run.failures"))
		errList := loadFailureList(t, filepath.Join("testdata", "parity", name+".stderr.failures"))
		files := corpusFiles(t, folder, ".py")
		for _, file := range files {
			file := file
			t.Run(file, func(t *testing.T) {
				abs, _ := filepath.Abs(filepath.Join(repoRoot, file))
				src, err := os.ReadFile(abs)
				if err != nil {
					t.Fatal(err)
				}
				want := oracle.Run(t, nil, abs)
				got := runProgramVM(abs, vm.Program{Filename: abs, Source: src, IsFile: true})
				reason := difference(want, got, false)
				if reason != "" {
					t.Logf("--- CPython (exit %d)\n%s%s--- peephole (exit %d)\n%s%s", want.ExitCode, want.Stdout, want.Stderr, got.code, got.stdout, got.stderr)
				}
				runList.check(t, file, reason)
				if reason == "" {
					errList.check(t, file, difference(want, got, true))
				}
			})
		}
		if *updateFailures {
			runList.write(t, "# `peephole run` vs python3.13 on "+folder+": stdout or exit status differ.\n# Regenerate: go test ./vm -run TestPrograms -update-failures (reasons written by hand, not 'auto:', are kept).\n")
			errList.write(t, "# `peephole run` vs python3.13 on "+folder+": stdout and exit status agree, stderr differs.\n")
		}
	}
}

// TestProgramsPyc runs the programs of the corpus compiled by CPython
// (py_compile): the .pyc runs under the VM as under CPython.
func TestProgramsPyc(t *testing.T) {
	py := oracle.Require(t)
	for _, folder := range programFolders() {
		name := filepath.Base(folder)
		list := loadFailureList(t, filepath.Join("testdata", "parity", name+".pyc.failures"))
		// Compile a copy of the folder, as the ratchet does: the .pyc files
		// sit next to their sources, named FILE.pyc (compileall -b).
		tmp := t.TempDir()
		dst := filepath.Join(tmp, folder)
		copyTree(t, filepath.Join(repoRoot, folder), dst)
		cmd := exec.Command(py, "-m", "compileall", "-b", "-q", folder)
		cmd.Dir = tmp
		cmd.Env = oracle.Env()
		if out, err := cmd.CombinedOutput(); err != nil && len(corpusFiles(t, folder, ".py")) > 0 {
			t.Logf("compileall: %v\n%s", err, out)
		}
		for _, file := range corpusFiles(t, folder, ".py") {
			pycName := strings.TrimSuffix(file, ".py") + ".pyc"
			t.Run(pycName, func(t *testing.T) {
				pyc := filepath.Join(tmp, pycName)
				data, err := os.ReadFile(pyc)
				if err != nil {
					// CPython could not compile it (a SyntaxError program).
					t.Skipf("no .pyc: %v", err)
				}
				want := oracle.Run(t, nil, pyc)
				var got programResult
				co, _, err := compiler.ReadPyc(data)
				if err != nil {
					got = programResult{stopped: "reading the .pyc: " + err.Error()}
				} else {
					got = runProgramVM(pyc, vm.Program{Filename: co.Filename, Code: co, IsFile: true})
				}
				reason := difference(want, got, false)
				if reason != "" {
					t.Logf("--- CPython (exit %d)\n%s%s--- peephole (exit %d)\n%s%s", want.ExitCode, want.Stdout, want.Stderr, got.code, got.stdout, got.stderr)
				}
				list.check(t, pycName, reason)
			})
		}
		if *updateFailures {
			list.write(t, "# `peephole run X.pyc` vs python3.13 X.pyc on "+folder+" compiled by CPython (compileall -b): stdout or exit status differ.\n")
		}
	}
}

// corpusFiles lists the programs of a corpus folder: the files with the
// extension whose names do not start with "_", relative to the
// repository, as parity names them.
func corpusFiles(t *testing.T, folder, ext string) []string {
	var files []string
	err := filepath.WalkDir(filepath.Join(repoRoot, folder), func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == "__pycache__" {
			return filepath.SkipDir
		}
		// A file named _X is a module or data the programs use, not a
		// program (testdata/run/README.md; parity's --glob '[!_]*.py').
		if !d.IsDir() && strings.HasSuffix(p, ext) && !strings.HasPrefix(d.Name(), "_") {
			rel, err := filepath.Rel(repoRoot, p)
			if err != nil {
				return err
			}
			files = append(files, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// copyTree copies a folder.
func copyTree(t *testing.T, src, dst string) {
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}
