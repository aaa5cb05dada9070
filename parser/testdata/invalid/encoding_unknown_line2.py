#!/usr/bin/python
# -*- coding: no-such-codec -*-
x = 1
