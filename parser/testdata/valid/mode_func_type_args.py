# modes: func_type
(*args) -> int
