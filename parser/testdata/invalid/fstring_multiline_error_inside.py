x = f"""abc {
    a +
    +
} def"""
