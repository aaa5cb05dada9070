j {a: b, c d e}
