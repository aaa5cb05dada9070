class C:
    @property
    @other
x = 1
