# coding: palmos
x = "é"; y = 1
