# modes: func_type
(a, *b, **c) -> Tuple[int, ...]
