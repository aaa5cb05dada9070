# An exception whose __str__ raises: CPython prints "<exception str() failed>".
class Weird(Exception):
    def __str__(self):
        raise RuntimeError("str is broken")


print("about to raise")
raise Weird("payload")
