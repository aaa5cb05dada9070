class C(metaclass=):
    pass
