# modes: eval

  lambda x: x  
