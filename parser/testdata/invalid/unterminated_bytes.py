b"abc
