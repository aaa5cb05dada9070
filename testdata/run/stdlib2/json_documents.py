# needs: stdlib
# json through the _json accelerator: round trips, options, hooks, and the decoder's messages and positions
import json, decimal, collections

doc = {
    'name': 'peephole', 'version': [3, 13, 0], 'ratio': 0.1 + 0.2, 'big': 2 ** 80, 'neg': -0.0,
    'text': 'caf\u00e9 \u2603 \U0001f600 "quoted" back\\slash\ttab\nnewline\x01',
    'nested': {'list': [1, [2, [3, [4]]]], 'empty': {}, 'none': None, 'flags': [True, False]},
}
for kw in [{}, {'sort_keys': True}, {'indent': 2}, {'indent': '\t', 'sort_keys': True}, {'separators': (',', ':')}, {'ensure_ascii': False}]:
    s = json.dumps(doc, **kw)
    print(kw, len(s))
    print(s[:120])
    assert json.loads(s) == doc
print(json.dumps([float('inf'), float('-inf'), float('nan')]))
for bad in [{'k': float('nan')}, {(1, 2): 3}, {1: object}, [set()]]:
    try:
        json.dumps(bad, allow_nan=False)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, str(e).split(' at 0x')[0])
print(json.dumps({3: 'int', 2.5: 'float', True: 'bool', None: 'none'}), json.dumps({(1,): 1, 'a': 2}, skipkeys=True))
print(json.loads('{"price": 1.10, "qty": 3}', parse_float=decimal.Decimal, parse_int=lambda s: int(s) * 100))
print(json.loads('[NaN, -Infinity]', parse_constant=lambda name: 'const ' + name))
print(json.loads('{"b": 1, "a": {"c": 2}}', object_pairs_hook=collections.OrderedDict))
print(json.loads('{"when": {"$date": "2024-01-01"}}', object_hook=lambda d: ('DATE', d['$date']) if '$date' in d else d))
for text in ['{"a": 1,}', '[1, 2', '{"a" 1}', '"unterminated', '"bad \\q escape"', '"\\u12x4"', '[01]', 'tru', '{"é": [1, "😀",]}',
             '\n\n  {"a":\n   }', '[1] [2]', '', '"ctrl\x02"', '{"k": -}', '\ufeff{}']:
    try:
        print(repr(text), json.loads(text))
    except json.JSONDecodeError as e:
        print(repr(text), '->', e.msg, e.pos, e.lineno, e.colno)
print(json.loads('"ctrl\x02"', strict=False) == 'ctrl\x02', json.JSONDecoder().raw_decode('[1, 2] trailing'))

class Point:
    def __init__(self, x, y): self.x, self.y = x, y
class PointEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Point):
            return {'__point__': [o.x, o.y]}
        return super().default(o)
s = json.dumps({'pts': [Point(1, 2), Point(3, 4)]}, cls=PointEncoder)
print(s, json.loads(s, object_hook=lambda d: Point(*d['__point__']) if '__point__' in d else d)['pts'][1].y)
loop = []; loop.append(loop)
try:
    json.dumps(loop)
except ValueError as e:
    print(e)
