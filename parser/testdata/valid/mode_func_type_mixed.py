# modes: func_type
(a, b, *c) -> int
