f(a, [1, "abc
