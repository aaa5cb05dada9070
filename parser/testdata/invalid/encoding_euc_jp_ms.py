# coding: euc-jp-ms
x = 1
