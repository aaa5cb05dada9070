# -*- coding: utf-8 -*-
x = "日本"; y = 1
