# coding: utf-8-foo
x = 1
