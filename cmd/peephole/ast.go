package main

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/peephole-lsp/peephole/parser"
	"github.com/peephole-lsp/peephole/parser/ast"
)

// runAST is `peephole ast`, which behaves like `python3.13 -m ast`: the same
// options (parsed the way argparse parses them, unique prefixes of long
// options included), the same dump on stdout, and the same error block on
// stderr for a SyntaxError.
func runAST(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	const prog = "python -m ast"
	usageLine := "usage: " + prog + " [-h] [-m {exec,single,eval,func_type}] [--no-type-comments] [-a]\n" +
		"                     [-i INDENT]\n" +
		"                     [infile]\n"
	fail := func(msg string) int {
		fmt.Fprint(stderr, usageLine)
		fmt.Fprintf(stderr, "%s: error: %s\n", prog, msg)
		return 2
	}
	mode := "exec"
	typeComments := true
	attrs := false
	indent := 3
	var infile string
	haveInfile := false
	longOpts := []string{"--help", "--mode", "--no-type-comments", "--include-attributes", "--indent"}
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			for _, rest := range args[i+1:] {
				if haveInfile {
					return fail("unrecognized arguments: " + rest)
				}
				infile, haveInfile = rest, true
			}
			break
		}
		if strings.HasPrefix(a, "--") {
			name, val, hasVal := strings.Cut(a, "=")
			var matches []string
			for _, o := range longOpts {
				if o == name {
					matches = []string{o}
					break
				}
				if strings.HasPrefix(o, name) {
					matches = append(matches, o)
				}
			}
			if len(matches) == 0 {
				return fail("unrecognized arguments: " + a)
			}
			if len(matches) > 1 {
				return fail(fmt.Sprintf("ambiguous option: %s could match %s", name, strings.Join(matches, ", ")))
			}
			takesValue := matches[0] == "--mode" || matches[0] == "--indent"
			if takesValue && !hasVal {
				if i+1 >= len(args) || !isArgValue(args[i+1]) {
					return fail(fmt.Sprintf("argument %s: expected one argument", optDisplay(matches[0])))
				}
				i++
				val = args[i]
			} else if !takesValue && hasVal {
				return fail(fmt.Sprintf("argument %s: ignored explicit argument '%s'", optDisplay(matches[0]), val))
			}
			switch matches[0] {
			case "--help":
				fmt.Fprint(stdout, usageLine)
				return 0
			case "--mode":
				if !validMode(val) {
					return fail(fmt.Sprintf("argument -m/--mode: invalid choice: '%s' (choose from 'exec', 'single', 'eval', 'func_type')", val))
				}
				mode = val
			case "--no-type-comments":
				typeComments = false
			case "--include-attributes":
				attrs = true
			case "--indent":
				n, err := pyInt(val)
				if err != nil {
					return fail(fmt.Sprintf("argument -i/--indent: invalid int value: '%s'", val))
				}
				indent = n
			}
			continue
		}
		if !isArgValue(a) {
			// "-i=N" and "-m=MODE": argparse splits at '=' when the part
			// before it is an option string.
			if name, val, ok := strings.Cut(a, "="); ok && (name == "-i" || name == "-m") {
				a = name + val
			}
			// Short options, possibly clustered: -a, -m MODE, -mMODE, -i N.
			for j := 1; j < len(a); j++ {
				switch a[j] {
				case 'h':
					fmt.Fprint(stdout, usageLine)
					return 0
				case 'a':
					attrs = true
				case 'm', 'i':
					val := a[j+1:]
					if val == "" {
						if i+1 >= len(args) || !isArgValue(args[i+1]) {
							return fail(fmt.Sprintf("argument %s: expected one argument", optDisplay(string([]byte{'-', a[j]}))))
						}
						i++
						val = args[i]
					}
					if a[j] == 'm' {
						if !validMode(val) {
							return fail(fmt.Sprintf("argument -m/--mode: invalid choice: '%s' (choose from 'exec', 'single', 'eval', 'func_type')", val))
						}
						mode = val
					} else {
						n, err := pyInt(val)
						if err != nil {
							return fail(fmt.Sprintf("argument -i/--indent: invalid int value: '%s'", val))
						}
						indent = n
					}
					j = len(a)
				default:
					return fail("unrecognized arguments: " + a)
				}
			}
			continue
		}
		if haveInfile {
			return fail("unrecognized arguments: " + a)
		}
		infile, haveInfile = a, true
	}

	var src []byte
	name := infile
	isFile := true
	if !haveInfile || infile == "-" {
		name = "<stdin>"
		isFile = false
		var err error
		if src, err = io.ReadAll(stdin); err != nil {
			fmt.Fprintf(stderr, "OSError: %v\n", err)
			return 1
		}
	} else {
		var err error
		if src, err = os.ReadFile(infile); err != nil {
			fmt.Fprintln(stderr, osErrorMessage(err, infile))
			return 1
		}
	}
	m, _ := parser.ParseMode(mode)
	res := parser.Parse(src, parser.Options{Filename: name, Mode: m, TypeComments: typeComments, IsFile: isFile})
	if res.Err != nil {
		fmt.Fprint(stderr, res.Err.Format())
		return 1
	}
	if res.Fatal != "" {
		fmt.Fprintln(stderr, res.Fatal)
		return 1
	}
	if indent < 0 {
		indent = 0 // ' ' * -1 is '' in Python: still the indented form
	}
	out, depth, err := ast.DumpDepth(res.Tree, ast.DumpOptions{Indent: indent, IncludeAttributes: attrs})
	if depth > maxDumpDepth {
		fmt.Fprintln(stderr, "RecursionError: maximum recursion depth exceeded")
		return 1
	}
	if err != nil {
		fmt.Fprintf(stderr, "ValueError: %v\n", err)
		return 1
	}
	fmt.Fprintln(stdout, out)
	return 0
}

// isArgValue reports whether argparse takes arg as a value rather than an
// option (_parse_optional): it does not start with '-', or it is "-", or it
// looks like a negative number (no option of python -m ast does), or it
// holds a space.
func isArgValue(arg string) bool {
	if arg == "" || arg[0] != '-' || arg == "-" {
		return true
	}
	if strings.HasPrefix(arg, "--") {
		name, _, _ := strings.Cut(arg, "=")
		if strings.HasPrefix("--help", name) || strings.HasPrefix("--mode", name) ||
			strings.HasPrefix("--no-type-comments", name) || strings.HasPrefix("--include-attributes", name) ||
			strings.HasPrefix("--indent", name) {
			return false
		}
	} else if strings.ContainsRune("hami", rune(arg[1])) {
		return false
	}
	if negativeNumber(arg) {
		return true
	}
	return strings.Contains(arg, " ")
}

// negativeNumber is argparse's _negative_number_matcher: ^-\d+$|^-\d*\.\d+$.
func negativeNumber(s string) bool {
	s = s[1:]
	intPart, frac, hasDot := strings.Cut(s, ".")
	digits := func(t string) bool {
		for _, c := range t {
			if c < '0' || c > '9' {
				return false
			}
		}
		return true
	}
	if !hasDot {
		return s != "" && digits(s)
	}
	return digits(intPart) && frac != "" && digits(frac)
}

// pyInt parses s as Python's int() does for the usual spellings: blanks
// around, a sign, and decimal digits with single underscores between them.
func pyInt(s string) (int, error) {
	t := strings.TrimSpace(s)
	if strings.Contains(t, "__") || strings.HasSuffix(t, "_") || strings.HasPrefix(strings.TrimLeft(t, "+-"), "_") {
		return 0, strconv.ErrSyntax
	}
	return strconv.Atoi(strings.ReplaceAll(t, "_", ""))
}

// maxDumpDepth is the deepest nesting of ast.dump's _format helper that
// python3.13 -m ast survives: Python's default recursion limit of 1000
// frames, less the five frames under the first _format call (runpy's
// _run_module_as_main and _run_code, ast's module code, main, and dump).
// Deeper trees parse, but dumping them raises RecursionError; so does
// peephole, to print what python3.13 -m ast prints.
const maxDumpDepth = 1000 - 5

func validMode(s string) bool {
	switch s {
	case "exec", "single", "eval", "func_type":
		return true
	}
	return false
}

func optDisplay(o string) string {
	switch o {
	case "--mode", "-m":
		return "-m/--mode"
	case "--indent", "-i":
		return "-i/--indent"
	case "--include-attributes":
		return "-a/--include-attributes"
	}
	return o
}

// osErrorMessage renders a file error the way Python's traceback ends.
func osErrorMessage(err error, name string) string {
	switch {
	case os.IsNotExist(err):
		return fmt.Sprintf("FileNotFoundError: [Errno 2] No such file or directory: %s", pyQuote(name))
	case os.IsPermission(err):
		return fmt.Sprintf("PermissionError: [Errno 13] Permission denied: %s", pyQuote(name))
	}
	if fi, e := os.Stat(name); e == nil && fi.IsDir() {
		return fmt.Sprintf("IsADirectoryError: [Errno 21] Is a directory: %s", pyQuote(name))
	}
	return fmt.Sprintf("OSError: %v", err)
}

func pyQuote(s string) string {
	if strings.Contains(s, "'") && !strings.Contains(s, "\"") {
		return "\"" + s + "\""
	}
	return "'" + strings.ReplaceAll(s, "'", "\\'") + "'"
}
