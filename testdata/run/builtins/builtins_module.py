# The builtins module: every public name, callable or not, with its type.
import builtins
names = [n for n in dir(builtins) if not n.startswith("_")]
print(len(names))
exceptions = [n for n in names if isinstance(getattr(builtins, n), type) and issubclass(getattr(builtins, n), BaseException)]
types = [n for n in names if isinstance(getattr(builtins, n), type) and n not in exceptions]
functions = [n for n in names if type(getattr(builtins, n)).__name__ == "builtin_function_or_method"]
others = [n for n in names if n not in exceptions and n not in types and n not in functions]
print("exceptions:", len(exceptions))
print(exceptions)
print("types:", types)
print("functions:", functions)
print("others:", [(n, type(getattr(builtins, n)).__name__) for n in others])
print(builtins.__name__, builtins.True_ if hasattr(builtins, "True_") else "no True_", builtins.len is len)
