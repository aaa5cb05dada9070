# modes: eval
"abc
