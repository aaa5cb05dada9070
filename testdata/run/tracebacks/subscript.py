# Uncaught IndexError in a chained subscript: ~~~~^^^ markers.
grid = [[1, 2, 3], [4, 5, 6]]
for r in range(2):
    print(grid[r][0] + grid[r][2])
print(grid[1][2] * grid[0][3])
