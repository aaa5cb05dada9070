# modes: func_type
(a=int) -> None
