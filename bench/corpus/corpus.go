// Package corpus finds and loads the corpus that peephole's benchmarks parse:
// the .py files of the oracle's (CPython 3.13's) standard library.
//
// The files are listed as ../shared/tools/parity --stdlib lists them: a
// top-down walk of the stdlib directory in the order of Python's os.walk,
// with file and directory names sorted, the files of a directory before its
// subdirectories, site-packages and __pycache__ skipped, symbolic links to
// directories not followed, and only names ending in ".py" kept.
//
// Only benchmarks and benchmark programs use this package; peephole itself
// never runs Python.
package corpus

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"

	"github.com/peephole-lsp/peephole/internal/oracle"
)

// File is one source file of the corpus.
type File struct {
	Path  string // absolute path
	Rel   string // path relative to the corpus directory, with '/' separators
	Src   []byte // the file's bytes, as read
	Lines int    // see CountLines
}

// Python returns the oracle interpreter (see package oracle), or "" and the
// reason none was found.
func Python() (string, string) { return oracle.Path() }

// StdlibDir returns the directory of the standard library to parse:
// $PEEPHOLE_STDLIB if set, else sysconfig.get_paths()['stdlib'] as reported
// by python (the oracle when python is ""). It returns "" and the reason when
// there is none.
func StdlibDir(python string) (string, string) {
	if d := os.Getenv("PEEPHOLE_STDLIB"); d != "" {
		if st, err := os.Stat(d); err != nil || !st.IsDir() {
			return "", fmt.Sprintf("$PEEPHOLE_STDLIB=%s is not a directory", d)
		}
		return d, ""
	}
	if python == "" {
		p, why := Python()
		if p == "" {
			return "", why + " (or set $PEEPHOLE_STDLIB to a standard library directory)"
		}
		python = p
	}
	cmd := exec.Command(python, "-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])")
	cmd.Env = oracle.Env()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Sprintf("%s cannot report its stdlib: %v: %s", python, err, strings.TrimSpace(stderr.String()))
	}
	d := strings.TrimSpace(string(out))
	if st, err := os.Stat(d); err != nil || !st.IsDir() {
		return "", fmt.Sprintf("%s reports the stdlib %q, which is not a directory", python, d)
	}
	return d, ""
}

// List returns the paths of the .py files under dir, in os.walk order (see
// the package comment).
func List(dir string) ([]string, error) {
	var out []string
	var walk func(d string) error
	walk = func(d string) error {
		ents, err := os.ReadDir(d)
		if err != nil {
			return err
		}
		var files, dirs []string
		for _, e := range ents {
			name := e.Name()
			isDir := e.IsDir()
			isLink := e.Type()&os.ModeSymlink != 0
			if isLink {
				// os.walk counts a link to a directory as a directory,
				// and does not descend into it.
				if st, err := os.Stat(filepath.Join(d, name)); err == nil && st.IsDir() {
					continue
				}
			}
			if isDir {
				if name != "site-packages" && name != "__pycache__" {
					dirs = append(dirs, name)
				}
				continue
			}
			if strings.HasSuffix(name, ".py") {
				files = append(files, name)
			}
		}
		sort.Strings(files)
		sort.Strings(dirs)
		for _, f := range files {
			out = append(out, filepath.Join(d, f))
		}
		for _, sub := range dirs {
			if err := walk(filepath.Join(d, sub)); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(dir); err != nil {
		return nil, err
	}
	return out, nil
}

// Load lists the .py files under dir and reads them.
func Load(dir string) ([]File, error) {
	paths, err := List(dir)
	if err != nil {
		return nil, err
	}
	files := make([]File, 0, len(paths))
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			rel = p
		}
		files = append(files, File{Path: p, Rel: filepath.ToSlash(rel), Src: src, Lines: CountLines(src)})
	}
	return files, nil
}

// CountLines returns the number of lines of src: its '\n' bytes, plus one
// when src does not end with '\n' and is not empty. ("\r" alone is not
// counted as a line end; the standard library has no such files.)
func CountLines(src []byte) int {
	n := bytes.Count(src, []byte{'\n'})
	if len(src) > 0 && src[len(src)-1] != '\n' {
		n++
	}
	return n
}

// Totals returns the number of lines and bytes of files.
func Totals(files []File) (lines, size int) {
	for _, f := range files {
		lines += f.Lines
		size += len(f.Src)
	}
	return lines, size
}
