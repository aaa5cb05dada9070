#!/usr/bin/env python3
# Comments and blank lines in awkward places.


import os  # trailing


@decorator  # comment after decorator
# comment between decorators

@another
def f(a,  # comment in parameters
      # a whole comment line
      b):
    # comment at body indentation
    x = 1
        # over-indented comment
# under-indented comment
    y = 2

    # comment after blank line

    return x + y
# comment at column 0 after a block

    
class C:

    x = 1
  
    def m(self):
        pass


    # comment before dedent to module level
if True:
    pass
    # trailing comment in block
else:  # comment after else
    pass
data = [  # comment after bracket
    1,  # one
    # between
    2,
]  # after bracket
call(a,
     # comment between args
     b)
x = 1 \
    + 2  # comment after continuation
