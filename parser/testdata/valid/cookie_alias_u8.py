# coding: u8
x = "é"; y = 1
