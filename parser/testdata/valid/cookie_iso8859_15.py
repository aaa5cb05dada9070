# coding: iso8859-15
x = "é"; y = 1
