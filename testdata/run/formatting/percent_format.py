# printf-style formatting with %.
print("%s and %r" % ("str", "str"), "%d%%" % 50, "%5d|%-5d|%05d|%+d" % (42, 42, 42, 42))
print("%x %X %#x %o %#o %e %E %g %G %f %.2f %10.3f %-10.1f|" % (255, 255, 255, 8, 8, 12345.678, 0.001, 1e-5, 1e20, 1.5, 2.675, 3.14159, 2.5))
print("%c%c%c" % (72, "i", 33), "%a" % "é", "%s" % (1,), "%s" % [1, 2], "%s" % ((1, 2),))
print("%(name)s is %(age)d years, %(name)r" % {"name": "Ann", "age": 30})
print("%*d|%-*d|%.*f" % (6, 42, 6, 42, 2, 3.14159), "%i %u" % (3, 4), "%.3s" % "abcdef")
print("%d" % 3.99, "%d" % True, "%s" % None, "%r" % None, "%5s|%-5s|" % ("a", "b"), "% d" % 5)
print("%.0f %.0f %.0f" % (0.5, 1.5, 2.5), "%g %g %g" % (100000, 1000000, 0.0001), "%#g" % 1.0)
for fmt, args in [("%d", "x"), ("%d %d", (1,)), ("%d", (1, 2)), ("%z", 1), ("%(a)s", 1), ("%c", 1234567),
                  ("%c", "ab"), ("%x", 1.5), ("%", ()), ("%(a", {"a": 1}), ("%s %(a)s", {"a": 1})]:
    try:
        print(repr(fmt % args))
    except (TypeError, ValueError, KeyError, OverflowError) as e:
        print(fmt, type(e).__name__, e)
print("no args %%" % (), "%s" % "only", "%s-%s" % ("a", "b"), "%%%s%%" % "x")
print(b"%s %d %x %c" % (b"bytes", 5, 255, 65), b"%r" % "é", b"%a" % "é")
print("%-+8.2f|" % 3.14159, "%+-8.2f|" % -3.14159, "%08.2f|" % -3.14159, "%#8x|" % 255)
print("%s" % {"a": 1}, "%s %s" % tuple("ab"), "%(x)s %(x)s" % {"x": "twice"})
