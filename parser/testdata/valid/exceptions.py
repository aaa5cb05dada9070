try:
    pass
except:
    pass

try:
    risky()
except ValueError:
    handle()
except (TypeError, KeyError) as e:
    handle(e)
except Exception as exc:
    raise RuntimeError("wrapped") from exc
else:
    ok()
finally:
    cleanup()

try:
    pass
finally:
    pass

try:
    pass
except A:
    pass
finally:
    pass

try:
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
except* ValueError as eg:
    pass
except* (TypeError, KeyError):
    pass
except *OSError:
    pass
else:
    pass
finally:
    pass

try:
    pass
except* A:
    pass

raise
raise X
raise X()
raise X from None
raise X from Y(1)


def f():
    try:
        return 1
    except E:
        raise
    finally:
        return 2
