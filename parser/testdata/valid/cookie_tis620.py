# coding: tis-620
x = 1
