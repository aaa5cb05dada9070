# coding: latin-
x = "é"; y = 1
