# coding: l1
x = "é"; y = 1
