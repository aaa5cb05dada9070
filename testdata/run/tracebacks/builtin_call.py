# An error raised inside a builtin: the caret covers the whole call.
values = ["3", "1", "2"]
print(max(values), min(values, key=int))
print(max(values, key=len), sorted(values))
print(int(max(values)) + max([]))
