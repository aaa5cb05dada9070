# coding: unicode_escape
x = "\xe9"; y = 1\n