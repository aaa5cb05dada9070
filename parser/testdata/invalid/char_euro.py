price = 10€
