# modes: single
