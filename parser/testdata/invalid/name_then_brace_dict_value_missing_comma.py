j {a: b c d}
