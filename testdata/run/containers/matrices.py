# Lists of lists as matrices: transpose, multiply, determinant, rotate.
def mat_mul(a, b):
    return [[sum(x * y for x, y in zip(row, col)) for col in zip(*b)] for row in a]


def det(m):
    if len(m) == 1:
        return m[0][0]
    total = 0
    for j in range(len(m)):
        minor = [row[:j] + row[j + 1:] for row in m[1:]]
        total += (-1) ** j * m[0][j] * det(minor)
    return total


def show(m):
    for row in m:
        print(" ".join(f"{v:5}" for v in row))
    print()


a = [[1, 2, 3], [4, 5, 6]]
b = [[7, 8], [9, 10], [11, 12]]
show(mat_mul(a, b))
show([list(r) for r in zip(*a)])
m = [[2, -3, 1], [2, 0, -1], [1, 4, 5]]
print(det(m), det([[1, 2], [3, 4]]), det([[5]]))
ident = [[int(i == j) for j in range(4)] for i in range(4)]
show(ident)
sq = [[i * 4 + j for j in range(4)] for i in range(4)]
show([list(r)[::-1] for r in zip(*sq)])
show([list(r) for r in zip(*sq[::-1])])
p = sq
for _ in range(5):
    p = mat_mul(p, sq)
show(p)
print(sum(map(sum, sq)), [sq[i][i] for i in range(4)], [sq[i][3 - i] for i in range(4)])
