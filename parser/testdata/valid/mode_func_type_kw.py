# modes: func_type
(**kw) -> None