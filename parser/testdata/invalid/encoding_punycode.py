# coding: punycode
x = ""; y = 1
-fkb