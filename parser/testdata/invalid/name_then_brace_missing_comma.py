d{a b}
