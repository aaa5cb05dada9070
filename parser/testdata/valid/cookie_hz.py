# coding: hz
x = "~{(&~}"; y = 1
