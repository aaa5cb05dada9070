# A hand-written word wrapper and justifier (what textwrap does, without importing it).
text = ("Python is an easy to learn, powerful programming language. It has efficient high-level data "
        "structures and a simple but effective approach to object-oriented programming. Python's elegant "
        "syntax and dynamic typing, together with its interpreted nature, make it an ideal language.")


def wrap(s, width):
    lines, cur = [], ""
    for w in s.split():
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur)
            cur = w
        else:
            cur = f"{cur} {w}" if cur else w
    if cur:
        lines.append(cur)
    return lines


def justify(line, width):
    words = line.split()
    if len(words) == 1:
        return line.ljust(width)
    gaps = len(words) - 1
    spaces = width - sum(map(len, words))
    out = ""
    for i, w in enumerate(words[:-1]):
        n = spaces // gaps + (1 if i < spaces % gaps else 0)
        out += w + " " * n
    return out + words[-1]


for width in (30, 45):
    print("+" + "-" * width + "+")
    lines = wrap(text, width)
    for ln in lines[:-1]:
        print("|" + justify(ln, width) + "|")
    print("|" + lines[-1].ljust(width) + "|")
    print("+" + "-" * width + "+")
print(max(len(l) for l in wrap(text, 20)), len(wrap(text, 20)), wrap("", 10), wrap("supercalifragilistic", 5))
