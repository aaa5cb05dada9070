package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/peephole-lsp/peephole/analysis"
	"github.com/peephole-lsp/peephole/lsp"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

const lspUsage = "usage: peephole lsp [--stdio] [--log-file FILE] [--log-level debug|info|warn|error]\n"

// lspRunner returns the Runner the language server runs Python with:
// vmRunner (lsprunner.go), peephole's own VM.
var lspRunner = func() analysis.Runner { return nil }

// runLSP is `peephole lsp`: the language server on stdin and stdout. The
// protocol owns stdout; logs go to stderr or to --log-file. It exits with
// status 0 after shutdown and exit, 1 otherwise.
func runLSP(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	logFile, level := "", zapcore.InfoLevel
	for i := 0; i < len(args); i++ {
		a := args[i]
		name, value, hasValue := strings.Cut(a, "=")
		takeValue := func() (string, bool) {
			if hasValue {
				return value, true
			}
			if i+1 < len(args) {
				i++
				return args[i], true
			}
			return "", false
		}
		switch name {
		case "--stdio":
		case "-h", "--help":
			fmt.Fprint(stdout, lspUsage)
			return 0
		case "--log-file":
			v, ok := takeValue()
			if !ok || v == "" {
				fmt.Fprint(stderr, lspUsage+"peephole lsp: --log-file needs a file name\n")
				return 2
			}
			logFile = v
		case "--log-level":
			v, ok := takeValue()
			if !ok {
				fmt.Fprint(stderr, lspUsage+"peephole lsp: --log-level needs a level\n")
				return 2
			}
			if err := level.UnmarshalText([]byte(v)); err != nil {
				fmt.Fprintf(stderr, "%speephole lsp: unknown log level %q\n", lspUsage, v)
				return 2
			}
		default:
			fmt.Fprintf(stderr, "%speephole lsp: unknown argument %q\n", lspUsage, a)
			return 2
		}
	}
	logger, closeLog, err := newLSPLogger(logFile, level, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "peephole lsp: %v\n", err)
		return 1
	}
	defer closeLog()

	// Nothing but the protocol may reach stdout: whatever else would print
	// there goes to stderr instead.
	out := stdout
	if stdout == os.Stdout {
		os.Stdout = os.Stderr
		defer func() { os.Stdout = out.(*os.File) }()
		// The process is the server's (not a test's): its collector
		// follows the server's policy (lspgc.go).
		tuneLSPGC()
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	code := lsp.Serve(ctx, stdioConn{stdin, out}, lsp.Options{Runner: lspRunner(), Logger: logger, Version: version})
	return code
}

// newLSPLogger builds the server's logger: JSON lines to the log file, or
// to stderr.
func newLSPLogger(file string, level zapcore.Level, stderr io.Writer) (*zap.Logger, func(), error) {
	var w zapcore.WriteSyncer
	closeLog := func() {}
	if file != "" {
		f, err := os.OpenFile(file, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
		if err != nil {
			return nil, nil, err
		}
		w = zapcore.Lock(f)
		closeLog = func() { f.Close() }
	} else {
		w = zapcore.Lock(zapcore.AddSync(stderr))
	}
	enc := zap.NewProductionEncoderConfig()
	enc.EncodeTime = zapcore.ISO8601TimeEncoder
	core := zapcore.NewCore(zapcore.NewJSONEncoder(enc), w, level)
	logger := zap.New(core, zap.ErrorOutput(w))
	return logger, func() { logger.Sync(); closeLog() }, nil
}

// stdioConn is stdin and stdout as one connection.
type stdioConn struct {
	r io.Reader
	w io.Writer
}

func (c stdioConn) Read(p []byte) (int, error)  { return c.r.Read(p) }
func (c stdioConn) Write(p []byte) (int, error) { return c.w.Write(p) }

// Close closes stdin when it can be closed, which ends a pending read on a
// pipe.
func (c stdioConn) Close() error {
	if cl, ok := c.r.(io.Closer); ok {
		return cl.Close()
	}
	return nil
}
