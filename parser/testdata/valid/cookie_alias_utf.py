# coding: UTF
x = "é"; y = 1
