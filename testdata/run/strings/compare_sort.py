# Sorting strings: code point order, keys, stability and natural sort.
names = ["bob", "Alice", "alice", "Émile", "zoe", "Zack", "éclair", "_under", "123", "Bob"]
print(sorted(names))
print(sorted(names, key=str.casefold))
print(sorted(names, key=len))
print(sorted(names, key=lambda s: (len(s), s)))
print(sorted(names, key=lambda s: s[::-1], reverse=True))
print(max(names), min(names), max(names, key=len), min(names, key=lambda s: s.lower()))
files = ["file10.txt", "file2.txt", "file1.txt", "File3.txt", "file20.txt", "file3.txt"]


def natural(s):
    out, num = [], ""
    for c in s.lower():
        if c.isdigit():
            num += c
        else:
            if num:
                out.append((0, int(num), ""))
                num = ""
            out.append((1, 0, c))
    if num:
        out.append((0, int(num), ""))
    return out


print(sorted(files), sorted(files, key=natural))
words = "the quick brown fox jumps over the lazy dog".split()
by_len = sorted(words, key=len)
print(by_len, sorted(by_len, key=lambda w: w[0]))
words.sort(key=lambda w: (-len(w), w))
print(words)
print(sorted("Hello World"), "".join(sorted("Hello World", key=str.lower)))
