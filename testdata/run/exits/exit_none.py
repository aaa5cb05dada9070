# sys.exit(None) is a successful exit.
import sys
print("exiting with None")
sys.exit(None)
