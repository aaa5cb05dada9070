# A formatted report, the way learners format tables.
rows = [
    ("Widget", 4, 3.5, 0.2),
    ("Gadget with long name", 12, 12.25, 0.0),
    ("Doohickey", 1, 100.0, 0.15),
    ("Thingamajig", 250, 0.05, 0.05),
]
header = f"{'Item':<20} {'Qty':>5} {'Price':>9} {'Disc':>6} {'Total':>10}"
print(header)
print("-" * len(header))
grand = 0.0
for name, qty, price, disc in rows:
    total = qty * price * (1 - disc)
    grand += total
    print(f"{name[:20]:<20} {qty:>5d} {price:>9.2f} {disc:>6.0%} {total:>10,.2f}")
print("=" * len(header))
print(f"{'Grand total':<20} {'':>5} {'':>9} {'':>6} {grand:>10,.2f}")
print(f"{'Average':<20} {sum(r[1] for r in rows) / len(rows):>5.1f}")
for i in range(1, 6):
    print(" ".join(f"{i * j:3}" for j in range(1, 11)))
for base in (2, 8, 10, 16):
    print(f"{base:>2}:", " ".join(f"{v:>{6}}" for v in (format(n, {2: 'b', 8: 'o', 10: 'd', 16: 'x'}[base]) for n in (5, 31, 64, 255))))
print(f"{'%':>3} {0.12345:.1%} {0.5:.0%} {1:%} {-0.001:.2%}")
