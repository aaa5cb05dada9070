# coding: idna
xn--x = ""; y = 1
-fkb