package lsp

// fakeRunner is a TEST DOUBLE: it stands in for package vm's
// analysis.Runner so that the run plumbing (streaming, progress,
// cancellation, limits, sessions, exceptions as diagnostics) can be tested
// while peephole has no VM. It runs no Python. It understands a handful of
// line shapes, enough to script a program's behaviour:
//
//	print("TEXT")                   writes TEXT and a newline to stdout
//	print("TEXT", file=sys.stderr)  the same, to stderr
//	NAME = INT                      binds NAME in the namespace
//	NAME                            with Echo, writes the value's repr;
//	                                NameError if NAME is not bound
//	while True: pass                runs until stopped
//	for _ in range(N): print("x")   writes "x\n" N times
//	time.sleep(SECONDS)             sleeps, or stops when told to
//	raise TYPE("MSG")               an uncaught exception at that line
//	sys.exit(N)                     SystemExit
//	open("PATH", "w")               PermissionError unless AllowWrites
//	boom()                          panics (a VM bug)
//
// Other lines, and indented ones, are ignored. Line numbers are the document's: the first line
// of the source is req.FirstLine.

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/peephole-lsp/peephole/analysis"
)

type fakeRunner struct {
	mu       sync.Mutex
	requests []analysis.RunRequest
	// stopped counts runs that ended because their context was done.
	stopped int
	// started receives a value when a run starts, if not nil.
	started chan analysis.RunRequest
}

// fakeSession is the namespace of the fake runner.
type fakeSession struct {
	mu     sync.Mutex
	vars   map[string]int
	closed bool
}

func (s *fakeSession) Close() {
	s.mu.Lock()
	s.closed = true
	s.mu.Unlock()
}

var (
	fakePrint   = regexp.MustCompile(`^print\("([^"]*)"(, file=sys\.stderr)?\)$`)
	fakeAssign  = regexp.MustCompile(`^([A-Za-z_]\w*) = (\d+)$`)
	fakeName    = regexp.MustCompile(`^([A-Za-z_]\w*)$`)
	fakeSpam    = regexp.MustCompile(`^for _ in range\((\d+)\): print\("x"\)$`)
	fakeSleep   = regexp.MustCompile(`^time\.sleep\(([\d.]+)\)$`)
	fakeRaise   = regexp.MustCompile(`^raise (\w+)\("([^"]*)"\)$`)
	fakeExit    = regexp.MustCompile(`^sys\.exit\((\d+)\)$`)
	fakeOpenW   = regexp.MustCompile(`^open\("([^"]*)", "w"\)$`)
	fakeForever = "while True: pass"
)

func (r *fakeRunner) Run(ctx context.Context, req analysis.RunRequest, out func(stream, text string)) analysis.RunResult {
	r.mu.Lock()
	r.requests = append(r.requests, req)
	started := r.started
	r.mu.Unlock()
	if started != nil {
		started <- req
	}
	sess, _ := req.Session.(*fakeSession)
	if req.Kind == analysis.RunFile || sess == nil {
		sess = &fakeSession{vars: map[string]int{}}
	}
	res := analysis.RunResult{Session: sess}
	stop := func() analysis.RunResult {
		r.mu.Lock()
		r.stopped++
		r.mu.Unlock()
		return res
	}
	raise := func(line int, typ, msg string) analysis.RunResult {
		res.ExitCode = 1
		res.Exception = &analysis.RunException{Type: typ, Message: msg,
			Frames: []analysis.Frame{{Filename: req.Filename, Line: line, Name: "<module>"}}}
		out("stderr", fmt.Sprintf("Traceback (most recent call last):\n  File %q, line %d, in <module>\n%s: %s\n", req.Filename, line, typ, msg))
		return res
	}
	for i, line := range strings.Split(string(req.Source), "\n") {
		if strings.HasPrefix(line, " ") || strings.HasPrefix(line, "\t") {
			continue // the body of a block: not run at the top level
		}
		line = strings.TrimSpace(line)
		docLine := req.FirstLine + i
		if ctx.Err() != nil {
			return stop()
		}
		switch {
		case fakePrint.MatchString(line):
			m := fakePrint.FindStringSubmatch(line)
			stream := "stdout"
			if m[2] != "" {
				stream = "stderr"
			}
			out(stream, m[1]+"\n")
		case fakeAssign.MatchString(line):
			m := fakeAssign.FindStringSubmatch(line)
			n, _ := strconv.Atoi(m[2])
			sess.mu.Lock()
			sess.vars[m[1]] = n
			sess.mu.Unlock()
		case line == fakeForever:
			<-ctx.Done()
			return stop()
		case fakeSpam.MatchString(line):
			n, _ := strconv.Atoi(fakeSpam.FindStringSubmatch(line)[1])
			for j := 0; j < n; j++ {
				if ctx.Err() != nil {
					return stop()
				}
				out("stdout", "x\n")
			}
		case fakeSleep.MatchString(line):
			s, _ := strconv.ParseFloat(fakeSleep.FindStringSubmatch(line)[1], 64)
			select {
			case <-time.After(time.Duration(s * float64(time.Second))):
			case <-ctx.Done():
				return stop()
			}
		case fakeRaise.MatchString(line):
			m := fakeRaise.FindStringSubmatch(line)
			return raise(docLine, m[1], m[2])
		case fakeExit.MatchString(line):
			n, _ := strconv.Atoi(fakeExit.FindStringSubmatch(line)[1])
			res.ExitCode = n
			return res
		case fakeOpenW.MatchString(line):
			if !req.AllowWrites {
				return raise(docLine, "PermissionError", "peephole: writing files is not allowed (run.allowWrites)")
			}
		case line == "boom()":
			panic("the fake VM exploded")
		case fakeName.MatchString(line):
			sess.mu.Lock()
			v, ok := sess.vars[line]
			sess.mu.Unlock()
			if !ok {
				return raise(docLine, "NameError", fmt.Sprintf("name '%s' is not defined", line))
			}
			if req.Echo {
				out("stdout", strconv.Itoa(v)+"\n")
			}
		}
	}
	return res
}

// lastRequest returns the last request the runner received.
func (r *fakeRunner) lastRequest() analysis.RunRequest {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.requests[len(r.requests)-1]
}

func (r *fakeRunner) stoppedRuns() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.stopped
}
