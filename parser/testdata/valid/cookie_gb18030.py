# coding: gb18030
x = "é"; y = 1
