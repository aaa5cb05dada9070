# Common string-building exercises that learners write.
def is_palindrome(s):
    t = "".join(c.lower() for c in s if c.isalnum())
    return t == t[::-1]


for s in ["A man, a plan, a canal: Panama", "race a car", "", "No 'x' in Nixon"]:
    print(repr(s), is_palindrome(s))
text = """It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity"""
counts = {}
for word in text.lower().replace(",", " ").split():
    counts[word] = counts.get(word, 0) + 1
for word, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:8]:
    print(f"{word:12}{n:3}")
letters = {}
for c in text:
    if c.isalpha():
        letters[c] = letters.get(c, 0) + 1
print(sorted(letters.items(), key=lambda kv: -kv[1])[:5])


def caesar(s, k):
    out = []
    for c in s:
        if c.isupper():
            out.append(chr((ord(c) - 65 + k) % 26 + 65))
        elif c.islower():
            out.append(chr((ord(c) - 97 + k) % 26 + 97))
        else:
            out.append(c)
    return "".join(out)


enc = caesar("Attack at Dawn!", 3)
print(enc, caesar(enc, -3))


def rle(s):
    out = []
    i = 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        out.append(f"{j - i}{s[i]}")
        i = j
    return "".join(out)


print(rle("aaabccddddde"), rle(""), rle("x"))
acrostic = "\n".join(line.strip()[0] for line in text.splitlines())
print(acrostic)
print("".join(sorted(set("mississippi"))), "".join(dict.fromkeys("mississippi")))
vowels = sum(1 for c in text if c in "aeiou")
print("vowels:", vowels, "words:", len(text.split()), "lines:", len(text.splitlines()))
print("ab" * 3 + "c" * 2, "-" * 20, "=".center(20, "="))
s = "snake_case_to_camel"
print(s.split("_")[0] + "".join(p.title() for p in s.split("_")[1:]))
camel = "camelCaseToSnake"
print("".join("_" + c.lower() if c.isupper() else c for c in camel))
