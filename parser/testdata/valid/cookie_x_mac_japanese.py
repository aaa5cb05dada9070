# coding: x-mac-japanese
x = 1
