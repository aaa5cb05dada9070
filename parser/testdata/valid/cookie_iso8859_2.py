# coding: iso-8859-2
x = "é"; y = 1
