# coding: 8859
x = "é"; y = 1
