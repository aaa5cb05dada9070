# pctrandom.py SEED N prints 2N random printf-style formatting expressions
# (str % and bytes %), one a line, for TestPercentRandomized.
import random, sys
random.seed(int(sys.argv[1]))
vals = [0, 1, -1, 7, -42, 255, 10**20, -10**25, 3.5, -0.0, 0.1, 1e-7, 123456.789, 1e22, -2.5e-300, 1e300, 2.675, 0.5, 1.5, 999999.5, 'abc', 'é😀', True]
out = []
for _ in range(int(sys.argv[2])):
    flags = ''.join(random.sample('-+ #0', random.randint(0, 3)))
    width = random.choice(['', str(random.randint(0, 25))])
    prec = random.choice(['', '.' + str(random.randint(0, 20)), '.0'])
    conv = random.choice('diouxXeEfFgGrsa')
    v = random.choice(vals)
    if conv in 'diouxX' and isinstance(v, str):
        v = 3
    if conv in 'oxX' and isinstance(v, float):
        v = 12
    out.append(f"'%{flags}{width}{prec}{conv}|' % ({v!r},)")
    out.append(f"b'%{flags}{width}{prec}{conv if conv not in 'sra' else 'b'}|' % ({(v if not isinstance(v, str) else b'xy')!r},)")
print('\n'.join(out))
