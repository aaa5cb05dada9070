# coding: cp437
x = "‚"; y = 1
