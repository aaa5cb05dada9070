package lsp

// This file streams a run's output to the client. A program that prints in
// a loop writes many small pieces; sending a notification for each would
// flood the connection, so pieces are coalesced: consecutive text of one
// stream is held for at most outputDelay, or until outputChunk bytes pile
// up, or the stream changes, then sent as one peephole/output
// notification. The order of the text, across both streams, is kept.

import (
	"strings"
	"sync"
	"time"
)

const (
	// outputDelay is how long output waits to be joined by more.
	outputDelay = 15 * time.Millisecond
	// outputChunk is how much output is sent at once, at most.
	outputChunk = 32 << 10
)

// outputSink coalesces a run's output and sends it with send.
type outputSink struct {
	send func(stream, text string)

	mu     sync.Mutex
	stream string
	buf    strings.Builder
	timer  *time.Timer
	closed bool
}

func newOutputSink(send func(stream, text string)) *outputSink {
	return &outputSink{send: send}
}

// write takes one piece of output.
func (o *outputSink) write(stream, text string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.closed || text == "" {
		return
	}
	if o.buf.Len() > 0 && stream != o.stream {
		o.flushLocked()
	}
	o.stream = stream
	for len(text) > 0 {
		n := min(len(text), outputChunk-o.buf.Len())
		o.buf.WriteString(text[:n])
		text = text[n:]
		if o.buf.Len() >= outputChunk {
			o.flushLocked()
		}
	}
	if o.buf.Len() > 0 && o.timer == nil {
		o.timer = time.AfterFunc(outputDelay, o.flush)
	}
}

// flush sends what is pending.
func (o *outputSink) flush() {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.flushLocked()
}

// flushLocked sends what is pending; o.mu is held, so notifications leave
// in order.
func (o *outputSink) flushLocked() {
	if o.timer != nil {
		o.timer.Stop()
		o.timer = nil
	}
	if o.buf.Len() == 0 {
		return
	}
	text := o.buf.String()
	o.buf.Reset()
	o.send(o.stream, text)
}

// close sends what is pending and drops anything written later.
func (o *outputSink) close() {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.flushLocked()
	o.closed = true
}
