# coding: cp65001
x = "é"; y = 1
