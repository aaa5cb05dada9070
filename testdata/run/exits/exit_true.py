# sys.exit(True) exits with status 1 (bool is an int), sys.exit(False) would be 0.
import sys
print("exiting with True")
sys.exit(True)
