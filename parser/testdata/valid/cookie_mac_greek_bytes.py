# -*- coding: MacGreek -*-
x = 'аб'
