# coding: big5hkscs
x = "é"; y = 1
