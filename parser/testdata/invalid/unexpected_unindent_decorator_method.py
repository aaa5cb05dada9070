class C:
    def f():
        pass
    @d
