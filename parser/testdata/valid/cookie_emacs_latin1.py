# -*- mode: python; coding: iso-latin-1 -*-
x = "Ä"; y = 1
