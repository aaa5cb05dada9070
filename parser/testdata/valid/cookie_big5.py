# coding: big5
x = "中文"; y = 1
