# modes: eval exec
(a + b
 * c) if d else [e for e in f]


