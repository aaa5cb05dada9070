# coding: mac-roman
x = "é"; y = 1
