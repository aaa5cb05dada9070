# modes: func_type
int -> str
