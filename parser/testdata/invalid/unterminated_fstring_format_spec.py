f"{x:abc
