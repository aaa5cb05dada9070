# modes: func_type
