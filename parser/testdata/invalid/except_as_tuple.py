try:
    pass
except A as (a, b):
    pass
