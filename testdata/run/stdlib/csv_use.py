# needs: stdlib
# csv over the native _csv: writing and reading back records with quotes,
# delimiters and newlines inside fields, every quoting style, dialects
# (registered, subclassed, invalid), DictReader/DictWriter, the Sniffer,
# line_num across multi-line records, and the errors of bad input.
import csv
import io

def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

rows = [
    ["id", "name", "comment", "score"],
    [1, "Ann", 'said "hi", then left', 9.5],
    [2, "Bob", "two\nlines", None],
    [3, "Çelik", "", -0.0],
    [4, " padded ", "semi;colon", True],
]

buf = io.StringIO()
w = csv.writer(buf)
for r in rows:
    print("wrote", w.writerow(r))
text = buf.getvalue()
print(repr(text))

reader = csv.reader(io.StringIO(text, newline=""))
for rec in reader:
    print(reader.line_num, rec)

names = ["QUOTE_MINIMAL", "QUOTE_ALL", "QUOTE_NONNUMERIC", "QUOTE_NONE", "QUOTE_STRINGS", "QUOTE_NOTNULL"]
for name in names:
    q = getattr(csv, name)
    out = io.StringIO()
    show(name, lambda: csv.writer(out, quoting=q, escapechar="\\").writerow(["a", "", None, 1, 2.5, 'x"y', "p,q"]))
    print(" ", repr(out.getvalue()))
    show(" back", lambda: next(csv.reader([out.getvalue()], quoting=q, escapechar="\\")))

csv.register_dialect("pipes", delimiter="|", quotechar="'", lineterminator="\n")
print(sorted(csv.list_dialects()))
out = io.StringIO()
csv.writer(out, "pipes").writerows([["a|b", "it's", 3], ["", "x", None]])
print(repr(out.getvalue()))
print(list(csv.reader(io.StringIO(out.getvalue()), "pipes")))
d = csv.get_dialect("pipes")
print(d.delimiter, d.quotechar, repr(d.lineterminator), d.quoting, d.doublequote, d.strict)
csv.unregister_dialect("pipes")
show("unregistered", lambda: csv.get_dialect("pipes"))

class Semi(csv.excel):
    delimiter = ";"
    skipinitialspace = True
print(list(csv.reader(["a; b;  'c'", '"d;e"; f'], Semi)))

class NoDelim(csv.Dialect):
    quotechar = '"'
    lineterminator = "\n"
    quoting = csv.QUOTE_MINIMAL
show("no delimiter", NoDelim)

for kw in [dict(delimiter=""), dict(delimiter="ab"), dict(quotechar=None, quoting=csv.QUOTE_ALL),
           dict(quoting=17), dict(lineterminator=None), dict(escapechar=5), dict(delimiter="\n"),
           dict(delimiter=",", quotechar=",")]:
    show(kw, lambda: csv.reader([], **kw))

people = [{"name": "Ann", "age": 31}, {"name": "Bob"}, {"name": "Cy", "age": 7, "city": "Oslo"}]
out = io.StringIO()
dw = csv.DictWriter(out, fieldnames=["name", "age"], restval="?", extrasaction="ignore")
dw.writeheader()
dw.writerows(people)
print(repr(out.getvalue()))
show("extra key", lambda: csv.DictWriter(io.StringIO(), ["name"]).writerow({"name": 1, "zip": 2}))
dr = csv.DictReader(io.StringIO(out.getvalue() + "Dee,40,extra\nEve\n"), restkey="more", restval="-")
print(dr.fieldnames)
for rec in dr:
    print(dr.line_num, rec)

for bad in (['a,"b'], ['"a"b'], ["a\rb"], [b"bytes"], [1]):
    show(bad, lambda: list(csv.reader(bad, strict=True)))
old = csv.field_size_limit(8)
show("limit", lambda: list(csv.reader(["short,muchlongerfield"])))
print(csv.field_size_limit(old), csv.field_size_limit())
show("writerow(5)", lambda: csv.writer(io.StringIO()).writerow(5))
show("no escape", lambda: csv.writer(io.StringIO(), quoting=csv.QUOTE_NONE).writerow(["a,b"]))

sniffer = csv.Sniffer()
for sample in ["a;b;c\n1;2;3\n4;5;6\n", "name\tage\nann\t3\nbob\t40\n", "'x','y'\n'1','2'\n"]:
    dia = sniffer.sniff(sample)
    print(repr(dia.delimiter), repr(dia.quotechar), sniffer.has_header(sample))
show("sniff", lambda: sniffer.sniff("no delimiters here"))

totals = {}
for rec in csv.DictReader(io.StringIO("fruit,qty\napple,3\npear,2\napple,4\n")):
    totals[rec["fruit"]] = totals.get(rec["fruit"], 0) + int(rec["qty"])
print(totals)
