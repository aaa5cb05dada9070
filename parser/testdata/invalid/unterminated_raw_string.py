r"abc\"
