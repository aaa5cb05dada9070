package main

import (
	"context"

	"github.com/peephole-lsp/peephole/analysis"
	"github.com/peephole-lsp/peephole/vm"
)

// vmRunner runs the editor's code on peephole's VM: the analysis.Runner
// the language server is given. It translates the editor's run request
// (buffer or selection, limits, write permission) into vm.RunSource's
// options and the outcome back; a document's session is a vm.Session.
type vmRunner struct{}

func init() {
	lspRunner = func() analysis.Runner { return vmRunner{} }
}

// Run implements analysis.Runner.
func (vmRunner) Run(ctx context.Context, req analysis.RunRequest, out func(stream, text string)) analysis.RunResult {
	fs := vm.FSReadOnly
	if req.AllowWrites {
		fs = vm.FSFull
	}
	pylib := req.PyLib
	if pylib == "" {
		pylib = vm.DefaultPyLib()
	}
	var session *vm.Session
	if s, ok := req.Session.(*vm.Session); ok && req.Kind == analysis.RunSelection {
		session = s
	}
	outcome := vm.RunSource(ctx, vm.RunOptions{
		Filename:  req.Filename,
		Source:    req.Source,
		FirstLine: req.FirstLine,
		Echo:      req.Echo,
		Session:   session,
		PyLib:     pylib,
		Output:    out,
		Limits: vm.Limits{
			Timeout:   req.Timeout,
			MaxOutput: int64(req.MaxOutputBytes),
			FS:        fs,
		},
	})
	res := analysis.RunResult{ExitCode: outcome.ExitCode, Duration: outcome.Duration}
	if outcome.Session != nil {
		res.Session = outcome.Session
	}
	if a := outcome.Abort; a != nil {
		switch a.Kind {
		case vm.AbortTimeout:
			res.TimedOut = true
		case vm.AbortOutput:
			res.OutputLimited, res.Cancelled = true, true
		default:
			res.Cancelled = true
		}
	}
	if e := outcome.Exception; e != nil {
		re := &analysis.RunException{Type: e.Type, Message: e.Message}
		for _, f := range e.Frames {
			re.Frames = append(re.Frames, analysis.Frame{Filename: f.Filename, Line: f.Line, Name: f.Name})
		}
		res.Exception = re
	}
	return res
}
