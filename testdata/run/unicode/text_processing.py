# Word frequencies and normalisation of multilingual text without unicodedata.
text = """Der Äpfel fällt nicht weit vom Stamm. L'été à Paris est chaud; l'hiver, froid!
日本語のテキスト、そして English words. Ñandú y pingüino — ¿por qué no? Straße STRASSE straße"""
words = []
word = ""
for ch in text:
    if ch.isalnum() or ch == "'":
        word += ch
    else:
        if word:
            words.append(word)
        word = ""
if word:
    words.append(word)
print(len(words), words[:12])
freq = {}
for w in words:
    key = w.casefold()
    freq[key] = freq.get(key, 0) + 1
print(sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:6])
print(sorted({c for c in text if not c.isascii() and c.isalpha()}))
print([w for w in words if w.istitle()], [w for w in words if w.isupper()])
print(text.count("ä"), text.upper().count("Ä"), text.swapcase()[:30])
vowels = set("aeiouäöüéèàáíóúy")
print(sum(1 for c in text.lower() if c in vowels), max(words, key=len), min(words, key=lambda w: (len(w), w)))
