# Float arithmetic with complex-like iteration: an ASCII Mandelbrot set checksum.
def mandel(width, height, max_iter):
    rows = []
    total = 0
    for py in range(height):
        y0 = py / height * 2.4 - 1.2
        row = []
        for px in range(width):
            x0 = px / width * 3.5 - 2.5
            x = y = 0.0
            it = 0
            while x * x + y * y <= 4.0 and it < max_iter:
                x, y = x * x - y * y + x0, 2.0 * x * y + y0
                it += 1
            total += it
            row.append(" .:-=+*#%@"[it % 10])
        rows.append("".join(row))
    return rows, total


rows, total = mandel(240, 120, 1000)
print(total)
print(rows[40][:120])
