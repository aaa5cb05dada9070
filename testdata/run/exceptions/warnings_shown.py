# needs: stdlib
# Warnings on stderr: which are shown by default, the "once per location" rule, filters.
import warnings


def old_api():
    warnings.warn("old_api() is deprecated", DeprecationWarning, stacklevel=2)
    return 1


def user_warning(n):
    warnings.warn(f"user warning {n}")


print("start")
for i in range(3):
    user_warning(i)
print("same location warns once per message; three messages shown")
for i in range(3):
    warnings.warn("repeated")
print(old_api())
x = True
print(~x)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    warnings.warn("recorded", RuntimeWarning)
    old_api()
print([(w.category.__name__, str(w.message)) for w in caught])
warnings.simplefilter("error", UserWarning)
try:
    warnings.warn("now an error")
except UserWarning as e:
    print(type(e).__name__, e)
warnings.simplefilter("ignore")
warnings.warn("ignored")
print("end")
