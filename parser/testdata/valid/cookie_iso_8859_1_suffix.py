# coding: iso-8859-1-foo
x = 1
