# input() when stdin is empty (parity runs every program with stdin at end of file).
import sys
print("before input", flush=True)
try:
    line = input("prompt> ")
    print("got", repr(line))
except EOFError as e:
    print()
    print(type(e).__name__, e)
print(sys.stdin.read(), repr(sys.stdin.readline()), sys.stdin.readlines())
