# coding: windows-1252
x = "é"; y = 1
