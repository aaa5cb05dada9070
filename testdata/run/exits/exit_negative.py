# A negative exit status: -1 becomes 255.
import sys
print("exiting with -1")
sys.exit(-1)
