# comment
# another

x = (1 2)  # trailing comment
