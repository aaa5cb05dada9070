// Package oracle finds the CPython 3.13 interpreter that tests and tools hold
// peephole against.
//
// CPython 3.13 is peephole's specification: tests compute their expected output
// by running it, never from hand-written text. Only tests and tools may run it;
// the peephole binary never does.
//
// The interpreter is found in this order (DESIGN §1):
//
//  1. $PEEPHOLE_PYTHON;
//  2. python3.13 on PATH, if it runs and reports 3.13;
//  3. the newest versions/3.13.*/bin/python3.13 under `pyenv root` (or ~/.pyenv).
//
// Tests that need it call [Require]: it skips the test with a clear message when
// no oracle is found, except when PEEPHOLE_REQUIRE_ORACLE=1 (set by .ci/run),
// where a missing oracle fails the test.
package oracle

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
)

var (
	once   sync.Once
	found  string
	reason string
)

// Path returns the oracle interpreter's path, or "" and the reason none was found.
func Path() (string, string) {
	once.Do(func() { found, reason = locate() })
	return found, reason
}

func locate() (string, string) {
	if p := os.Getenv("PEEPHOLE_PYTHON"); p != "" {
		if ok, why := is313(p); ok {
			return p, ""
		} else {
			return "", fmt.Sprintf("$PEEPHOLE_PYTHON=%s is not a working CPython 3.13: %s", p, why)
		}
	}
	if p, err := exec.LookPath("python3.13"); err == nil {
		if ok, _ := is313(p); ok {
			return p, ""
		}
	}
	root := ""
	if out, err := exec.Command("pyenv", "root").Output(); err == nil {
		root = strings.TrimSpace(string(out))
	}
	if root == "" {
		if home, err := os.UserHomeDir(); err == nil {
			root = filepath.Join(home, ".pyenv")
		}
	}
	if root != "" {
		matches, _ := filepath.Glob(filepath.Join(root, "versions", "3.13.*", "bin", "python3.13"))
		sort.Slice(matches, func(i, j int) bool { return versionLess(matches[i], matches[j]) })
		for i := len(matches) - 1; i >= 0; i-- {
			if ok, _ := is313(matches[i]); ok {
				return matches[i], ""
			}
		}
	}
	return "", "no CPython 3.13 found: set $PEEPHOLE_PYTHON, put python3.13 on PATH, or install 3.13 with pyenv"
}

// versionLess orders .../versions/3.13.N/... paths by N numerically.
func versionLess(a, b string) bool {
	na, nb := patchLevel(a), patchLevel(b)
	if na != nb {
		return na < nb
	}
	return a < b
}

func patchLevel(p string) int {
	i := strings.Index(p, "3.13.")
	if i < 0 {
		return -1
	}
	n := 0
	for _, c := range p[i+5:] {
		if c < '0' || c > '9' {
			break
		}
		n = n*10 + int(c-'0')
	}
	return n
}

func is313(p string) (bool, string) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, p, "-c", "import sys; print('%d.%d' % sys.version_info[:2])").Output()
	if err != nil {
		return false, err.Error()
	}
	if v := strings.TrimSpace(string(out)); v != "3.13" {
		return false, "it reports version " + v
	}
	return true, ""
}

// Required reports whether a missing oracle is a failure (PEEPHOLE_REQUIRE_ORACLE=1).
func Required() bool { return os.Getenv("PEEPHOLE_REQUIRE_ORACLE") == "1" }

// Require returns the oracle's path, or skips t (fails it under
// PEEPHOLE_REQUIRE_ORACLE=1) when there is none.
func Require(t testing.TB) string {
	t.Helper()
	p, why := Path()
	if p == "" {
		if Required() {
			t.Fatalf("PEEPHOLE_REQUIRE_ORACLE=1 but %s", why)
		}
		t.Skipf("skipped: %s", why)
	}
	return p
}

// Env returns the environment the oracle runs in: the current one with
// PYTHONHASHSEED=0, PYTHONDONTWRITEBYTECODE=1 and PYTHONIOENCODING=utf-8.
func Env() []string {
	env := os.Environ()
	out := env[:0:0]
	for _, kv := range env {
		if strings.HasPrefix(kv, "PYTHONHASHSEED=") || strings.HasPrefix(kv, "PYTHONDONTWRITEBYTECODE=") ||
			strings.HasPrefix(kv, "PYTHONIOENCODING=") {
			continue
		}
		out = append(out, kv)
	}
	return append(out, "PYTHONHASHSEED=0", "PYTHONDONTWRITEBYTECODE=1", "PYTHONIOENCODING=utf-8")
}

// Result is what one run of the oracle produced.
type Result struct {
	Stdout, Stderr []byte
	ExitCode       int
}

// Run runs the oracle with args (and stdin, if not nil) and returns what it
// printed and its exit status. A failure to start it fails t.
func Run(t testing.TB, stdin []byte, args ...string) Result {
	t.Helper()
	p := Require(t)
	cmd := exec.Command(p, args...)
	cmd.Env = Env()
	if stdin != nil {
		cmd.Stdin = bytes.NewReader(stdin)
	}
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			t.Fatalf("running the oracle %s %v: %v", p, args, err)
		}
		code = ee.ExitCode()
	}
	return Result{Stdout: out.Bytes(), Stderr: errb.Bytes(), ExitCode: code}
}

// Stdlib returns the directory of the oracle's standard library.
func Stdlib(t testing.TB) string {
	t.Helper()
	r := Run(t, nil, "-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])")
	if r.ExitCode != 0 {
		t.Fatalf("oracle: cannot find its stdlib: %s", r.Stderr)
	}
	return strings.TrimSpace(string(r.Stdout))
}
