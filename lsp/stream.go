package lsp

// This file frames the protocol on a byte stream (LSP's Content-Length
// headers) without ever giving up on the connection: jsonrpc2's own framer
// ends the connection at the first malformed header or body, so a client
// that sends one broken message would take the server down.
//
// Here a header block without a usable Content-Length is skipped (the reader
// resynchronises at the next header line), and a body that is not a JSON-RPC
// message is answered on the spot — a parse error for text that is not JSON,
// an invalid-request error for JSON that is not a message — before reading
// on. Only well-formed frames reach the connection.

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"strconv"
	"sync"

	"go.lsp.dev/jsonrpc2"
	"go.uber.org/zap"
)

// maxFrame bounds a message's size (a buffer of hundreds of megabytes is
// not an editor's).
const maxFrame = 256 << 20

// stream is a jsonrpc2.Stream with LSP framing that survives bad input. It
// also offers the raw-frame methods jsonrpc2 uses for its fast path and for
// batches.
type stream struct {
	rwc io.ReadWriteCloser
	in  *bufio.Reader
	log *zap.Logger

	writeMu sync.Mutex
	wbuf    []byte
	rbuf    []byte
}

func newStream(rwc io.ReadWriteCloser, log *zap.Logger) *stream {
	return &stream{rwc: rwc, in: bufio.NewReaderSize(rwc, 64<<10), log: log}
}

// Read implements jsonrpc2.Stream.
func (s *stream) Read(ctx context.Context) (jsonrpc2.Message, int64, error) {
	frame, n, err := s.ReadFrame(ctx)
	if err != nil {
		return nil, 0, err
	}
	msg, err := jsonrpc2.DecodeMessage(frame)
	if err != nil {
		return nil, 0, err
	}
	return msg, n, nil
}

// ReadFrame returns the body of the next well-formed message. The slice is
// valid until the next read.
func (s *stream) ReadFrame(ctx context.Context) ([]byte, int64, error) {
	for {
		if err := ctx.Err(); err != nil {
			return nil, 0, err
		}
		length, hn, err := s.readHeader()
		if err != nil {
			return nil, 0, err
		}
		if length < 0 {
			continue // a broken header block: skipped
		}
		var body []byte
		if length <= 1<<20 || cap(s.rbuf) >= length {
			if cap(s.rbuf) < length {
				s.rbuf = make([]byte, length)
			}
			body = s.rbuf[:length]
			if _, err := io.ReadFull(s.in, body); err != nil {
				if err == io.EOF {
					err = io.ErrUnexpectedEOF
				}
				return nil, 0, err
			}
		} else {
			// A large body: memory grows as the bytes arrive, not as the
			// header claims.
			var buf bytes.Buffer
			if n, err := io.CopyN(&buf, s.in, int64(length)); err != nil {
				if err == io.EOF || n < int64(length) {
					err = io.ErrUnexpectedEOF
				}
				return nil, 0, err
			}
			body = buf.Bytes()
		}
		if s.check(ctx, body) {
			return body, int64(hn + length), nil
		}
	}
}

// readHeader reads one header block and returns the Content-Length, or -1
// when the block has none that can be used.
func (s *stream) readHeader() (length, n int, err error) {
	length = -1
	lines := 0
	for {
		line, err := s.in.ReadSlice('\n')
		if err == bufio.ErrBufferFull {
			// An absurdly long header line: drop it whole.
			for err == bufio.ErrBufferFull {
				_, err = s.in.ReadSlice('\n')
			}
			s.log.Warn("skipped an overlong header line")
			length = -2
		}
		if err != nil {
			if err == io.EOF && (lines > 0 || len(line) > 0) {
				err = io.ErrUnexpectedEOF
			}
			return 0, 0, err
		}
		n += len(line)
		lines++
		trimmed := bytes.TrimRight(line, "\r\n")
		if i := bytes.Index(bytes.ToLower(trimmed), []byte("content-length:")); i > 0 {
			// The header follows garbage (the body of a skipped message).
			trimmed = trimmed[i:]
			lines = 1
			length = -1
		}
		if len(trimmed) == 0 {
			if lines == 1 {
				lines = 0 // blank lines between messages
				continue
			}
			break
		}
		name, value, ok := bytes.Cut(trimmed, []byte(":"))
		if !ok {
			s.log.Warn("malformed header line", zap.ByteString("line", trimmed))
			length = -2
			continue
		}
		if bytes.EqualFold(bytes.TrimSpace(name), []byte("Content-Length")) && length != -2 {
			v, err := strconv.Atoi(string(bytes.TrimSpace(value)))
			if err != nil || v <= 0 || v > maxFrame {
				s.log.Warn("bad Content-Length", zap.ByteString("value", value))
				length = -2
				continue
			}
			length = v
		}
	}
	if length < 0 {
		s.log.Warn("skipped a message without a usable Content-Length")
		return -1, n, nil
	}
	return length, n, nil
}

// check reports whether body is a message the connection can take, and
// answers it with an error when it is not.
func (s *stream) check(ctx context.Context, body []byte) bool {
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) > 0 && trimmed[0] == '[' {
		if _, err := jsonrpc2.ParseRequests(body); err == nil {
			return true
		}
	} else if _, err := jsonrpc2.DecodeMessage(body); err == nil {
		return true
	}
	code, msg := jsonrpc2.InvalidRequest, "invalid request"
	if !json.Valid(body) {
		code, msg = jsonrpc2.ParseError, "parse error: the message is not JSON"
	}
	s.log.Warn("rejected a malformed message", zap.Int("bytes", len(body)), zap.String("why", msg))
	resp := jsonrpc2.AppendResponse(nil, idOf(body), nil, jsonrpc2.NewError(code, msg))
	if _, err := s.WriteFrame(ctx, resp); err != nil {
		s.log.Warn("writing an error response", zap.Error(err))
	}
	return false
}

// idOf returns the id of a malformed message when one can be read, so the
// error answers it; else the null id.
func idOf(body []byte) jsonrpc2.ID {
	var m struct {
		ID json.RawMessage `json:"id"`
	}
	if json.Unmarshal(body, &m) != nil || m.ID == nil {
		return jsonrpc2.ID{}
	}
	var n int64
	if json.Unmarshal(m.ID, &n) == nil {
		return jsonrpc2.NewNumberID(n)
	}
	var str string
	if json.Unmarshal(m.ID, &str) == nil {
		return jsonrpc2.NewStringID(str)
	}
	return jsonrpc2.ID{}
}

// Write implements jsonrpc2.Stream.
func (s *stream) Write(ctx context.Context, msg jsonrpc2.Message) (int64, error) {
	body := jsonrpc2.AppendMessage(nil, msg)
	return s.WriteFrame(ctx, body)
}

// WriteFrame writes one framed body.
func (s *stream) WriteFrame(ctx context.Context, body []byte) (int64, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	b := append(s.wbuf[:0], "Content-Length: "...)
	b = strconv.AppendInt(b, int64(len(body)), 10)
	b = append(b, "\r\n\r\n"...)
	b = append(b, body...)
	if cap(b) <= 1<<20 {
		s.wbuf = b
	} else {
		s.wbuf = nil
	}
	n, err := s.rwc.Write(b)
	return int64(n), err
}

// Close implements jsonrpc2.Stream.
func (s *stream) Close() error { return s.rwc.Close() }
