# Dead code: handlers and loops nothing reaches.
raise SystemExit
try:
    a()
except E:
    b()
for x in y:
    with m:
        pass
