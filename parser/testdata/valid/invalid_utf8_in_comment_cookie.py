# coding: utf-8
# été in latin-1 inside a comment
y = 2
