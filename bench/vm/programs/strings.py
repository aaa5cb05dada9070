# String building and methods: formatting, joining, splitting, searching, case changes.
words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa"]
checksum = 0
for rnd in range(20000):
    parts = []
    for i, w in enumerate(words):
        parts.append(f"{w.upper()}-{i * rnd:05d}")
    line = ";".join(parts)
    fields = line.split(";")
    checksum += len(line) + sum(len(f) for f in fields)
    checksum += line.count("A") + line.find("THETA") + line.lower().count("a")
    checksum += len(line.replace("-", "").strip("0"))
    s = ""
    for w in words:
        s += w[::-1] + " "
    checksum += len(s.title()) + s.index("ateht")
    checksum += sum(1 for w in s.split() if w.startswith(("a", "e")))
    checksum += len("%s|%d|%.3f" % (words[rnd % 10], rnd, rnd / 7))
    checksum += len("{0}:{1:>8}:{2:x}".format(rnd, words[rnd % 7], rnd * 31))
text = " ".join(words * 2000)
for _ in range(200):
    counts = {}
    for w in text.split():
        counts[w] = counts.get(w, 0) + 1
    checksum += sum(counts.values())
    checksum += len(text.upper().partition("KAPPA")[2]) % 997
    checksum += sum(len(x) for x in text.splitlines())
print(checksum)
