"""A file that starts with a UTF-8 BOM."""
x = "é"; y = 1
é = 2
