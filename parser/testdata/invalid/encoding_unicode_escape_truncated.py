# coding: unicode_escape
x = '\x4'
