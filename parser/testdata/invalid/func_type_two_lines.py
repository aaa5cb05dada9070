# modes: func_type
(int) -> str
(int) -> str
