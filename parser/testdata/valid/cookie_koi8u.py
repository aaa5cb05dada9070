# coding: koi8-u
x = 1
