# __name__ is "__main__" for the program and the module name when imported.
import _counter


def main():
    print("main() runs only when executed as a program")
    print(__name__, _counter.__name__, main.__module__, _counter.bump.__module__)


if __name__ == "__main__":
    main()
import sys
print(sys.modules["__main__"].__name__, sys.modules["__main__"].main is main, "__main__" in sys.modules)
print(sorted(k for k in ("__name__", "__doc__", "__package__", "__spec__", "__builtins__", "__loader__", "__file__") if k in globals()))
print(__package__, __doc__, type(__builtins__).__name__)
