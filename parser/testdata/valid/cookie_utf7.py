# coding: utf-7
x = "+AOk"; y = 1
