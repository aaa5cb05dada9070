# coding: cp-1252
x = 1
