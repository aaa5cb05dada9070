# modes: eval
