package vm

import "github.com/peephole-lsp/peephole/parser"

// compile()'s flags for interactive input (codeop, code.InteractiveConsole).
// PyCF_DONT_IMPLY_DEDENT keeps the end of a "single" source from closing
// its open blocks, and PyCF_ALLOW_INCOMPLETE_INPUT turns a parse that
// failed at the end of the source into builtins._IncompleteInputError
// ("incomplete input"), the SyntaxError subclass by which codeop tells
// a source that needs more lines from one that is wrong.

const (
	pyCFDontImplyDedent      = 0x0200
	pyCFAllowIncompleteInput = 0x4000
)

// IncompleteInputErrorType is builtins._IncompleteInputError.
var IncompleteInputErrorType = newExcType("_IncompleteInputError", SyntaxErrorType)

func init() { IncompleteInputErrorType.Doc = "incomplete input." }

// parseOptions are the parser's options for compile()'s flags.
func parseOptions(filename string, mode parser.Mode, flags int) parser.Options {
	return parser.Options{
		Filename:             filename,
		Mode:                 mode,
		TypeComments:         flags&pyCFTypeComments != 0,
		DontImplyDedent:      flags&pyCFDontImplyDedent != 0,
		AllowIncompleteInput: flags&pyCFAllowIncompleteInput != 0,
	}
}
