# coding: l1
x = 'é' = 1
