# Output written without a newline or flush is still flushed at exit.
import sys
sys.stdout.write("partial line without newline")
print(" ... and more", end="")
sys.stderr.write("stderr without newline")
sys.exit(4)
