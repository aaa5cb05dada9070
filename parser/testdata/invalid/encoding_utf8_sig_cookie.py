# coding: utf-8-sig
﻿x = "é"; y = 1
