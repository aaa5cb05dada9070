# Generators as __iter__ methods, and iterator classes written both ways.
class Tree:
    def __init__(self, value, *children):
        self.value = value
        self.children = children

    def __iter__(self):
        yield self.value
        for c in self.children:
            yield from c

    def depth_first(self, depth=0):
        yield depth, self.value
        for c in self.children:
            yield from c.depth_first(depth + 1)

    def breadth_first(self):
        level = [self]
        while level:
            yield [n.value for n in level]
            level = [c for n in level for c in n.children]


t = Tree(1, Tree(2, Tree(4), Tree(5)), Tree(3, Tree(6, Tree(7))))
print(list(t), sum(t), max(t), 6 in t, 9 in t)
print(list(t.depth_first()))
print(list(t.breadth_first()))
for d, v in t.depth_first():
    print("  " * d + str(v))


class Range2:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        i = 0
        while i < self.n:
            yield i
            i += 1

    def __reversed__(self):
        return (self.n - 1 - i for i in range(self.n))


r = Range2(4)
print(list(r), list(r), list(reversed(r)), [(a, b) for a in r for b in r if a + b == 3])
