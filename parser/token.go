package parser

// tokType is the type of a token, as the parser sees it: CPython's token
// types (Grammar/Tokens) plus one type per keyword, so that the grammar can
// match keywords by type as pegen does.
type tokType uint8

const (
	tENDMARKER tokType = iota
	tNAME
	tNUMBER
	tSTRING
	tNEWLINE
	tINDENT
	tDEDENT
	tLPAR
	tRPAR
	tLSQB
	tRSQB
	tCOLON
	tCOMMA
	tSEMI
	tPLUS
	tMINUS
	tSTAR
	tSLASH
	tVBAR
	tAMPER
	tLESS
	tGREATER
	tEQUAL
	tDOT
	tPERCENT
	tLBRACE
	tRBRACE
	tEQEQUAL
	tNOTEQUAL
	tLESSEQUAL
	tGREATEREQUAL
	tTILDE
	tCIRCUMFLEX
	tLEFTSHIFT
	tRIGHTSHIFT
	tDOUBLESTAR
	tPLUSEQUAL
	tMINEQUAL
	tSTAREQUAL
	tSLASHEQUAL
	tPERCENTEQUAL
	tAMPEREQUAL
	tVBAREQUAL
	tCIRCUMFLEXEQUAL
	tLEFTSHIFTEQUAL
	tRIGHTSHIFTEQUAL
	tDOUBLESTAREQUAL
	tDOUBLESLASH
	tDOUBLESLASHEQUAL
	tAT
	tATEQUAL
	tRARROW
	tELLIPSIS
	tCOLONEQUAL
	tEXCLAMATION
	tOP
	tTYPE_IGNORE
	tTYPE_COMMENT
	tSOFT_KEYWORD
	tFSTRING_START
	tFSTRING_MIDDLE
	tFSTRING_END
	tCOMMENT
	tNL
	tERRORTOKEN

	// Keywords, in the order of CPython's keyword list.
	kwFalse
	kwNone
	kwTrue
	kwAnd
	kwAs
	kwAssert
	kwAsync
	kwAwait
	kwBreak
	kwClass
	kwContinue
	kwDef
	kwDel
	kwElif
	kwElse
	kwExcept
	kwFinally
	kwFor
	kwFrom
	kwGlobal
	kwIf
	kwImport
	kwIn
	kwIs
	kwLambda
	kwNonlocal
	kwNot
	kwOr
	kwPass
	kwRaise
	kwReturn
	kwTry
	kwWhile
	kwWith
	kwYield

	numTokTypes
)

var keywords = map[string]tokType{
	"False": kwFalse, "None": kwNone, "True": kwTrue, "and": kwAnd, "as": kwAs,
	"assert": kwAssert, "async": kwAsync, "await": kwAwait, "break": kwBreak,
	"class": kwClass, "continue": kwContinue, "def": kwDef, "del": kwDel,
	"elif": kwElif, "else": kwElse, "except": kwExcept, "finally": kwFinally,
	"for": kwFor, "from": kwFrom, "global": kwGlobal, "if": kwIf,
	"import": kwImport, "in": kwIn, "is": kwIs, "lambda": kwLambda,
	"nonlocal": kwNonlocal, "not": kwNot, "or": kwOr, "pass": kwPass,
	"raise": kwRaise, "return": kwReturn, "try": kwTry, "while": kwWhile,
	"with": kwWith, "yield": kwYield,
}

// isKeyword reports whether t is a (hard) keyword.
func (t tokType) isKeyword() bool { return t >= kwFalse && t < numTokTypes }

// oneChar is CPython's _PyToken_OneChar.
func oneChar(c int) tokType {
	switch c {
	case '!':
		return tEXCLAMATION
	case '%':
		return tPERCENT
	case '&':
		return tAMPER
	case '(':
		return tLPAR
	case ')':
		return tRPAR
	case '*':
		return tSTAR
	case '+':
		return tPLUS
	case ',':
		return tCOMMA
	case '-':
		return tMINUS
	case '.':
		return tDOT
	case '/':
		return tSLASH
	case ':':
		return tCOLON
	case ';':
		return tSEMI
	case '<':
		return tLESS
	case '=':
		return tEQUAL
	case '>':
		return tGREATER
	case '@':
		return tAT
	case '[':
		return tLSQB
	case ']':
		return tRSQB
	case '^':
		return tCIRCUMFLEX
	case '{':
		return tLBRACE
	case '|':
		return tVBAR
	case '}':
		return tRBRACE
	case '~':
		return tTILDE
	}
	return tOP
}

// twoChars is CPython's _PyToken_TwoChars.
func twoChars(c1, c2 int) tokType {
	switch c1 {
	case '!':
		if c2 == '=' {
			return tNOTEQUAL
		}
	case '%':
		if c2 == '=' {
			return tPERCENTEQUAL
		}
	case '&':
		if c2 == '=' {
			return tAMPEREQUAL
		}
	case '*':
		switch c2 {
		case '*':
			return tDOUBLESTAR
		case '=':
			return tSTAREQUAL
		}
	case '+':
		if c2 == '=' {
			return tPLUSEQUAL
		}
	case '-':
		switch c2 {
		case '=':
			return tMINEQUAL
		case '>':
			return tRARROW
		}
	case '/':
		switch c2 {
		case '/':
			return tDOUBLESLASH
		case '=':
			return tSLASHEQUAL
		}
	case ':':
		if c2 == '=' {
			return tCOLONEQUAL
		}
	case '<':
		switch c2 {
		case '<':
			return tLEFTSHIFT
		case '=':
			return tLESSEQUAL
		case '>':
			return tNOTEQUAL
		}
	case '=':
		if c2 == '=' {
			return tEQEQUAL
		}
	case '>':
		switch c2 {
		case '=':
			return tGREATEREQUAL
		case '>':
			return tRIGHTSHIFT
		}
	case '@':
		if c2 == '=' {
			return tATEQUAL
		}
	case '^':
		if c2 == '=' {
			return tCIRCUMFLEXEQUAL
		}
	case '|':
		if c2 == '=' {
			return tVBAREQUAL
		}
	}
	return tOP
}

// threeChars is CPython's _PyToken_ThreeChars.
func threeChars(c1, c2, c3 int) tokType {
	switch {
	case c1 == '*' && c2 == '*' && c3 == '=':
		return tDOUBLESTAREQUAL
	case c1 == '.' && c2 == '.' && c3 == '.':
		return tELLIPSIS
	case c1 == '/' && c2 == '/' && c3 == '=':
		return tDOUBLESLASHEQUAL
	case c1 == '<' && c2 == '<' && c3 == '=':
		return tLEFTSHIFTEQUAL
	case c1 == '>' && c2 == '>' && c3 == '=':
		return tRIGHTSHIFTEQUAL
	}
	return tOP
}

// token is one token as the parser keeps it (CPython's Token).
type token struct {
	typ                            tokType
	start, end                     int // byte offsets of the text in the source; -1 when it has none
	lineno, col, endLineno, endCol int // col and endCol are -1 when unknown
	level                          int // bracket nesting depth when the token was made
	metadata                       string
	hasMetadata                    bool
	memo                           *memo
}
