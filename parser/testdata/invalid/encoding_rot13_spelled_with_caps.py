# coding: ROT-13
x = 1
