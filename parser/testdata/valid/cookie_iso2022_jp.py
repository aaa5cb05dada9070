# coding: iso2022_jp
x = 1
