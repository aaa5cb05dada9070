# coding: johab
x = 1
