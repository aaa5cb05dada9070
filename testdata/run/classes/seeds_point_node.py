# The seeds' object examples: attribute access on Point, a cycle of Node objects.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def attribute_access(n):
    p = Point(1, 2)
    total = 0
    for i in range(n):
        # Each p.x triggers __getattribute__ or __getattr__
        y = p.x + i
        total += y
    return total


print(attribute_access(1000), attribute_access(10))


class Node:
    def __init__(self, value):
        self.value = value
        self.parent = None
        self.children = []

    def __repr__(self):
        return f"Node({self.value!r}, children={len(self.children)})"


parent = Node("parent")
child = Node("child")
parent.children.append(child)
child.parent = parent  # Circular reference
print(parent, child, child.parent is parent, parent.children[0].parent.children[0] is child)
root = Node(0)
frontier = [root]
for v in range(1, 15):
    n = Node(v)
    n.parent = frontier[0]
    frontier[0].children.append(n)
    frontier.append(n)
    if len(frontier[0].children) == 2:
        frontier.pop(0)


def depth(n):
    d = 0
    while n.parent is not None:
        n = n.parent
        d += 1
    return d


def walk(n, out):
    out.append((n.value, depth(n)))
    for c in n.children:
        walk(c, out)
    return out


print(walk(root, []))
global_var = 10


def slower_globals(n):
    y = 0
    for i in range(n):
        y = global_var + i  # global_var requires dict lookup
    return y


def fast_locals(n):
    x = 10
    y = 0
    for i in range(n):
        y = x + i  # x is local, very fast
    return y


print(slower_globals(1000), fast_locals(1000))
result1 = sum(range(100000))
result2 = 0
for i in range(100000):
    result2 += i
print(result1, result2, result1 == result2)
