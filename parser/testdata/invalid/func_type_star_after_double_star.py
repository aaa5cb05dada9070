# modes: func_type
(**a, *b) -> None
