# coding: utf8-
x = "é"; y = 1
