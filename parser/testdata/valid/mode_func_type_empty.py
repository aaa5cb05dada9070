# modes: func_type
() -> None

