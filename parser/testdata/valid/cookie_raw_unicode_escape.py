# coding: raw_unicode_escape
x = "é"; y = 1
