# coding: gbk
x = '� '
