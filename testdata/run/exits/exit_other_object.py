# sys.exit with a non-int, non-str object: its str() is printed to stderr, status 1.
import sys
print("exiting with a list")
sys.exit(["error", 42])
