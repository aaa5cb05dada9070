# modes: single
f(x,
