# sys attributes describing limits and the interpreter (values fixed for this build).
import sys
print(sys.maxsize, sys.maxunicode, sys.byteorder, sys.int_info.default_max_str_digits)
print(sys.float_info.max, sys.float_info.min, sys.float_info.epsilon, sys.float_info.dig, sys.float_info.mant_dig)
print(sys.version_info[:2], sys.version_info.major, sys.get_int_max_str_digits())
sys.set_int_max_str_digits(5000)
print(len(str(10 ** 4500)))
sys.set_int_max_str_digits(0)
print(len(str(10 ** 20000)))
sys.set_int_max_str_digits(4300)
try:
    str(10 ** 4300)
except ValueError as e:
    print(type(e).__name__, e)
try:
    sys.set_int_max_str_digits(100)
except ValueError as e:
    print(type(e).__name__, e)
print(type(sys.argv).__name__, len(sys.argv), type(sys.argv[0]).__name__)
print(sys.getdefaultencoding(), sys.stdout.encoding)
