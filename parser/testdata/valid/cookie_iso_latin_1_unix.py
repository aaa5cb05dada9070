# coding: iso-latin-1-unix
x = 1
