class C(g{x f
