# coding: euc_jp
x = "é"; y = 1
