# optrace.py FILE: runs FILE as __main__ under sys.settrace with opcode
# events on, and prints to stderr one line per instruction executed in
# FILE's code: "ACTIVATION QUALNAME OFFSET", ACTIVATION numbering the
# frames in the order they first ran an instruction. vm's trace tests
# compare the VM's trace hook with it.
import sys

path = sys.argv[1]
with open(path) as f:
    code = compile(f.read(), path, 'exec')
frames = {}
events = []


def tracer(frame, event, arg):
    if frame.f_code.co_filename != path:
        return None
    frame.f_trace_opcodes = True
    if event == 'opcode':
        # Keeping the frame keeps its id from being reused.
        k = frames.setdefault(id(frame), (len(frames), frame))[0]
        events.append((k, frame.f_code.co_qualname, frame.f_lasti))
    return tracer


sys.settrace(tracer)
try:
    exec(code, {'__name__': '__main__', '__file__': path})
except BaseException as e:
    sys.settrace(None)
    print('uncaught', type(e).__name__)
finally:
    sys.settrace(None)
for e in events:
    print(*e, file=sys.stderr)
