package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/peephole-lsp/peephole/compiler"
	"github.com/peephole-lsp/peephole/parser"
)

// runCompile is `peephole compile [-O|-OO] [-o OUT] FILE`: it writes the
// .pyc that py_compile.compile(FILE, cfile=OUT, optimize=N) writes (a
// timestamp pyc, or a checked-hash one when SOURCE_DATE_EPOCH is set, as
// py_compile decides), to OUT or to __pycache__/NAME.cpython-313[.opt-N].pyc
// beside FILE. On a SyntaxError it prints CPython's error block and exits 1.
func runCompile(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	const usage = "usage: peephole compile [-O|-OO] [-o OUT.pyc] FILE\n"
	optimize := 0
	out := ""
	var files []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "-O":
			optimize = max(optimize, 1)
		case a == "-OO":
			optimize = 2
		case a == "-o":
			if i+1 >= len(args) {
				fmt.Fprint(stderr, usage)
				fmt.Fprintln(stderr, "peephole compile: -o needs a file name")
				return 2
			}
			i++
			out = args[i]
		case strings.HasPrefix(a, "-o") && len(a) > 2:
			out = a[2:]
		case a == "-h" || a == "--help":
			fmt.Fprint(stdout, usage)
			return 0
		case strings.HasPrefix(a, "-") && a != "-":
			fmt.Fprint(stderr, usage)
			fmt.Fprintf(stderr, "peephole compile: unknown flag %s\n", a)
			return 2
		default:
			files = append(files, a)
		}
	}
	if len(files) != 1 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	file := files[0]
	src, err := os.ReadFile(file)
	if err != nil {
		fmt.Fprintln(stderr, osErrorMessage(err, file))
		return 1
	}
	st, err := os.Stat(file)
	if err != nil {
		fmt.Fprintln(stderr, osErrorMessage(err, file))
		return 1
	}
	pr := parser.Parse(src, parser.Options{Filename: file, IsFile: true})
	if pr.Err != nil || pr.Fatal != "" {
		if pr.Err != nil {
			fmt.Fprint(stderr, pr.Err.Format())
		} else {
			fmt.Fprintln(stderr, pr.Fatal)
		}
		return 1
	}
	res, err := compiler.Compile(pr.Tree, compiler.Options{Filename: file, Optimize: optimize, Source: src, IsFile: true})
	printWarnings(stderr, file, src, true, pr.Warnings, res.Warnings)
	if err != nil {
		printCompileError(stderr, err)
		return 1
	}
	opts := compiler.PycOptions{Invalidation: compiler.PycTimestamp, Mtime: st.ModTime().Unix()}
	if os.Getenv("SOURCE_DATE_EPOCH") != "" {
		opts.Invalidation = compiler.PycCheckedHash
	}
	var buf bytes.Buffer
	if err := compiler.WritePyc(&buf, res.Code, src, opts); err != nil {
		fmt.Fprintf(stderr, "peephole compile: %s: %v\n", file, err)
		return 1
	}
	if out == "" {
		out = cacheFromSource(file, optimize)
	}
	if dir := filepath.Dir(out); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			fmt.Fprintln(stderr, osErrorMessage(err, dir))
			return 1
		}
	}
	// Write atomically, as importlib's _write_atomic does.
	tmp := fmt.Sprintf("%s.%d", out, os.Getpid())
	if err := os.WriteFile(tmp, buf.Bytes(), 0o644); err != nil {
		fmt.Fprintln(stderr, osErrorMessage(err, tmp))
		return 1
	}
	if err := os.Rename(tmp, out); err != nil {
		os.Remove(tmp)
		fmt.Fprintln(stderr, osErrorMessage(err, out))
		return 1
	}
	return 0
}

// cacheFromSource is importlib.util.cache_from_source for CPython 3.13:
// DIR/__pycache__/NAME.cpython-313.pyc, with .opt-N before .pyc under -O.
func cacheFromSource(path string, optimize int) string {
	dir, tail := filepath.Split(path)
	// base, sep, rest = tail.rpartition('.')
	base, sep, rest := "", "", tail
	if i := strings.LastIndexByte(tail, '.'); i >= 0 {
		base, sep, rest = tail[:i], ".", tail[i+1:]
	}
	if base == "" {
		base = rest
	}
	tag := base + sep + "cpython-313"
	if optimize > 0 {
		tag += fmt.Sprintf(".opt-%d", optimize)
	}
	return filepath.Join(dir, "__pycache__", tag+".pyc")
}
