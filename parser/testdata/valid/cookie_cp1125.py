# coding: cp1125
x = 1
