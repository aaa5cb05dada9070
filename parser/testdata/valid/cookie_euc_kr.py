# coding: euc-kr
x = "한국어"; y = 1
