d{a: *b}
