# coding: utf_8
x = "é"; y = 1
