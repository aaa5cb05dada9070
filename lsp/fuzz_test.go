package lsp

// Fuzz targets for the protocol layer: incremental sync and position
// conversion against an independent model, the framing of the byte
// stream, and whole servers fed arbitrary bytes.

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"go.lsp.dev/protocol"
	"go.uber.org/zap"
)

// modelLines splits runes into lines as the protocol does (\n, \r\n, \r
// end a line), each without its break; it also returns the rune offset
// of each line's start.
func modelLines(rs []rune) (lines [][]rune, starts []int) {
	start := 0
	for i := 0; i < len(rs); i++ {
		switch rs[i] {
		case '\n':
			lines, starts = append(lines, rs[start:i]), append(starts, start)
			start = i + 1
		case '\r':
			lines, starts = append(lines, rs[start:i]), append(starts, start)
			if i+1 < len(rs) && rs[i+1] == '\n' {
				i++
			}
			start = i + 1
		}
	}
	return append(lines, rs[start:]), append(starts, start)
}

// modelWidth is a rune's width in an encoding's code units.
func modelWidth(r rune, enc encoding) int {
	switch enc {
	case utf8enc:
		return utf8.RuneLen(r)
	case utf16:
		if r >= 0x10000 {
			return 2
		}
	}
	return 1
}

// modelOffset converts a protocol position to a rune offset: the line is
// clamped to the last, the character to the line's end, and a position
// inside a character moves to its start.
func modelOffset(rs []rune, p protocol.Position, enc encoding) int {
	lines, starts := modelLines(rs)
	l := int(p.Line)
	if l >= len(lines) {
		l = len(lines) - 1
		return starts[l] + len(lines[l])
	}
	units, i := 0, 0
	for i < len(lines[l]) {
		w := modelWidth(lines[l][i], enc)
		if units+w > int(p.Character) {
			break
		}
		units += w
		i++
	}
	return starts[l] + i
}

// fuzzRunes are the characters edits are made of: ASCII, line breaks,
// two- and three-byte characters, and one outside the BMP.
var fuzzRunes = []rune{'a', 'b', ' ', '\t', '\n', '\r', 'é', '中', '😀', '(', ')', ':', '=', '#', '"'}

// decodeEdits turns fuzz bytes into content changes.
func decodeEdits(data []byte) []contentChange {
	var out []contentChange
	for len(data) >= 6 && len(out) < 32 {
		sl, sc, el, ec, n := int(data[0]%8), int(data[1]%12), int(data[2]%8), int(data[3]%12), int(data[4]%6)
		whole := data[5]&0x80 != 0 && data[5]&0x40 != 0
		data = data[6:]
		var b strings.Builder
		for i := 0; i < n && len(data) > 0; i++ {
			b.WriteRune(fuzzRunes[int(data[0])%len(fuzzRunes)])
			data = data[1:]
		}
		c := contentChange{Text: b.String()}
		if !whole {
			c.Range = &protocol.Range{
				Start: protocol.Position{Line: uint32(sl), Character: uint32(sc)},
				End:   protocol.Position{Line: uint32(el), Character: uint32(ec)},
			}
		}
		out = append(out, c)
	}
	return out
}

// FuzzIncrementalSync applies edits with the server's code and with the
// model, in each encoding, and compares; it also checks the mapper's
// conversions both ways.
func FuzzIncrementalSync(f *testing.F) {
	f.Add("x = 1\n", []byte{0, 4, 0, 5, 1, 0, 1})
	f.Add("a\r\nb\rc\nd", []byte{1, 0, 2, 1, 3, 0, 4, 5, 6, 0, 0, 0, 0, 0, 2, 0, 8, 8})
	f.Add("é😀中\n😀x", []byte{0, 1, 0, 3, 2, 0, 9, 10, 1, 2, 1, 3, 0, 0})
	f.Add("", []byte{3, 3, 0, 0, 1, 0xc0, 4})
	f.Add("def f():\n    return 1\n", []byte{1, 11, 1, 12, 1, 0, 0, 0, 0, 0, 1, 0, 4})
	f.Fuzz(func(t *testing.T, text string, edits []byte) {
		if !utf8.ValidString(text) || len(text) > 1<<12 {
			return
		}
		changes := decodeEdits(edits)
		for _, enc := range []encoding{utf16, utf8enc, utf32} {
			got, err := applyChanges([]byte(text), enc, changes)
			model := []rune(text)
			var modelErr bool
			for _, c := range changes {
				if c.Range == nil {
					model = []rune(c.Text)
					continue
				}
				s, e := modelOffset(model, c.Range.Start, enc), modelOffset(model, c.Range.End, enc)
				if e < s {
					modelErr = true
					break
				}
				model = append(append(append([]rune{}, model[:s]...), []rune(c.Text)...), model[e:]...)
			}
			if (err != nil) != modelErr {
				t.Fatalf("enc %d: error %v, model error %v", enc, err, modelErr)
			}
			if err == nil && string(got) != string(model) {
				t.Fatalf("enc %d: %q after %+v\n got %q\nwant %q", enc, text, changes, got, string(model))
			}
			if err != nil {
				continue
			}
			// Positions: core → protocol → core is the identity on
			// character boundaries, and protocol → core → protocol
			// clamps.
			m := newMapper(got, enc)
			lines, _ := modelLines([]rune(string(got)))
			for l := 0; l < len(lines)+1; l++ {
				for ch := 0; ch < 14; ch++ {
					p := protocol.Position{Line: uint32(l), Character: uint32(ch)}
					c := m.toCore(p)
					back := m.toLSP(c)
					if m.toCore(back) != c {
						t.Fatalf("enc %d: %v → %v → %v → %v", enc, p, c, back, m.toCore(back))
					}
					if back.Line > p.Line || back.Line == p.Line && back.Character > p.Character {
						t.Fatalf("enc %d: %v clamped forward to %v", enc, p, back)
					}
					lineBytes := m.lineBytes(c.Line - 1)
					if c.Col > len(lineBytes) || c.Col < len(lineBytes) && !utf8.RuneStart(lineBytes[c.Col]) {
						t.Fatalf("enc %d: %v → column %d inside a character of %q", enc, p, c.Col, lineBytes)
					}
				}
			}
		}
	})
}

// FuzzInvalidUTF8 edits buffers that are not UTF-8: no panic, and the
// conversions stay within the text.
func FuzzInvalidUTF8(f *testing.F) {
	f.Add([]byte("x = '\xff\xfe'\n"), []byte{0, 6, 0, 7, 1, 0, 1})
	f.Fuzz(func(t *testing.T, text, edits []byte) {
		got, err := applyChanges(text, utf16, decodeEdits(edits))
		if err != nil {
			return
		}
		m := newMapper(got, utf16)
		for l := 0; l < 5; l++ {
			for ch := 0; ch < 10; ch++ {
				off := m.offset(protocol.Position{Line: uint32(l), Character: uint32(ch)})
				if off < 0 || off > len(got) {
					t.Fatalf("offset %d outside %d bytes", off, len(got))
				}
			}
		}
	})
}

// readWriter is an in-memory connection: reads come from r, writes are
// kept.
type readWriter struct {
	r io.Reader
	w bytes.Buffer
}

func (rw *readWriter) Read(p []byte) (int, error)  { return rw.r.Read(p) }
func (rw *readWriter) Write(p []byte) (int, error) { return rw.w.Write(p) }
func (rw *readWriter) Close() error                { return nil }

// FuzzStream reads arbitrary bytes as framed messages: the framing never
// panics, ends at the end of input, and only passes on well-formed
// messages; what it answers is framed JSON.
func FuzzStream(f *testing.F) {
	f.Add([]byte("Content-Length: 2\r\n\r\n{}"))
	f.Add([]byte("Content-Length: 45\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"shutdown\"}"))
	f.Add([]byte("content-length: 3\r\nContent-Type: x\r\n\r\n[1]junk\r\nContent-Length: 1\r\n\r\n{"))
	f.Add([]byte("\r\n\r\nContent-Length: 99999999999\r\n\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		rw := &readWriter{r: bytes.NewReader(data)}
		s := newStream(rw, zap.NewNop())
		for i := 0; ; i++ {
			frame, _, err := s.ReadFrame(context.Background())
			if err != nil {
				break
			}
			if !bytesValidJSON(frame) {
				t.Fatalf("passed on a frame that is not JSON: %q", frame)
			}
			if i > len(data) {
				t.Fatal("more frames than bytes")
			}
		}
		// Every answer is a framed JSON message.
		out := rw.w.Bytes()
		for len(out) > 0 {
			n, ok := answerLength(out)
			if !ok {
				t.Fatalf("an answer without a header: %q", out)
			}
			i := bytes.Index(out, []byte("\r\n\r\n"))
			body := out[i+4 : i+4+n]
			if !bytesValidJSON(body) {
				t.Fatalf("an answer that is not JSON: %q", body)
			}
			out = out[i+4+n:]
		}
	})
}

func bytesValidJSON(b []byte) bool { return json.Valid(b) }

// answerLength reads the Content-Length of a framed answer.
func answerLength(out []byte) (int, bool) {
	rest, ok := bytes.CutPrefix(out, []byte("Content-Length: "))
	if !ok {
		return 0, false
	}
	i := bytes.Index(rest, []byte("\r\n"))
	if i < 0 {
		return 0, false
	}
	n, err := strconv.Atoi(string(rest[:i]))
	return n, err == nil
}

// FuzzServer feeds arbitrary bytes to a live, initialized server: it
// never panics, and it stops when the connection closes.
func FuzzServer(f *testing.F) {
	f.Add([]byte("Content-Length: 2\r\n\r\n{}"))
	f.Add(frameBytes(`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///a.py","version":1,"text":"x = (\n"}}}`))
	f.Add(append(frameBytes(`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///a.py","version":1,"text":"def f(a):\n  return a\n"}}}`),
		frameBytes(`{"jsonrpc":"2.0","id":5,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///a.py"},"position":{"line":1,"character":9}}}`)...))
	f.Add(append(frameBytes(`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///a.py","version":1,"text":"a = 1\n"}}}`),
		frameBytes(`{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///a.py","version":2},"contentChanges":[{"range":{"start":{"line":9,"character":99},"end":{"line":0,"character":0}},"text":"😀"}]}}`)...))
	f.Add(frameBytes(`{"jsonrpc":"2.0","id":"x","method":"workspace/executeCommand","params":{"command":"peephole.runSelection","arguments":["file:///a.py",{"start":{"line":-1}}]}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		srv, cli := net.Pipe()
		done := make(chan struct{})
		go func() {
			Serve(context.Background(), srv, Options{Logger: zap.NewNop(), Runner: &fakeRunner{}})
			close(done)
		}()
		go io.Copy(io.Discard, cli)
		init := frameBytes(`{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"capabilities":{}}}`)
		cli.SetWriteDeadline(time.Now().Add(5 * time.Second))
		cli.Write(init)
		cli.Write(data)
		cli.Close()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("the server did not stop after the connection closed")
		}
	})
}

// frameBytes frames a body.
func frameBytes(body string) []byte {
	var b bytes.Buffer
	b.WriteString("Content-Length: ")
	b.WriteString(strconv.Itoa(len(body)))
	b.WriteString("\r\n\r\n")
	b.WriteString(body)
	return b.Bytes()
}
