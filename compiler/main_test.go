package compiler

import (
	"os"
	"testing"

	"github.com/peephole-lsp/peephole/internal/syntaxcorpus"
)

func TestMain(m *testing.M) {
	code := m.Run()
	syntaxcorpus.Cleanup()
	os.Exit(code)
}
