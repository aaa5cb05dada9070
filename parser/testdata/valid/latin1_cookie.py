# -*- coding: latin-1 -*-
s = "café ü ß ©"
é = 1; ß = 2
# a comment with latin-1: ÿ þ æ
b = b"bytes"
f = f"{é} ©"
t = "é"  ; u = 3
