# coding: gbk
x = "中文"; y = 1
变量 = 2
