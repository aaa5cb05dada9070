class C:
    def f(self):
        for x in y:
            if x:
                while True:
                    z = (1 2)
