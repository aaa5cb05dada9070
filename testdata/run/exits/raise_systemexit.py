# raise SystemExit(code) behaves like sys.exit; exceptions raised later are not seen.
def shutdown(code):
    print("shutting down with", code)
    raise SystemExit(code)


try:
    shutdown(7)
except SystemExit as e:
    print("caught once:", e.code, repr(e), e.args)
try:
    raise SystemExit
except SystemExit as e:
    print("bare SystemExit code:", e.code)
try:
    raise SystemExit(1, 2)
except SystemExit as e:
    print("two args:", e.code)
print("not caught this time")
shutdown(5)
