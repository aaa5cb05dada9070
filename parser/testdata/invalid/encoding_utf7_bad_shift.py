# coding: utf-7
x = '+AOkÿ'
