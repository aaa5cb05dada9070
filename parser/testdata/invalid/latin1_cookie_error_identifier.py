# coding: latin-1
éé = = 1
