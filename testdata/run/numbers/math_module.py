# The math module: exact integer functions, float functions and domain errors.
import math
print(math.gcd(12, 18), math.gcd(0, 0), math.gcd(-4, 6, 10), math.lcm(4, 6, 10), math.lcm())
print(math.isqrt(10 ** 20), math.isqrt(99), math.factorial(25), math.comb(50, 25), math.perm(10, 3))
print(math.sqrt(2), math.sqrt(16), math.exp(1), math.log(100, 10), math.log10(1000), math.log2(1024))
print(math.log(8, 2), math.log1p(1e-10), math.expm1(1e-10), math.log(2 ** 2000))
print(math.sin(math.pi / 6), math.cos(0), math.tan(math.pi / 4), math.atan2(1, -1), math.degrees(math.pi))
print(math.radians(180), math.hypot(3, 4), math.hypot(1, 2, 2), math.dist((0, 0), (3, 4)))
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), math.modf(-2.5), math.frexp(48.0), math.ldexp(0.75, 6))
print(math.fmod(-7, 3), -7 % 3, math.copysign(3, -0.0), math.fabs(-4), math.remainder(7, 4))
print(math.fsum([1e100, 1.0, -1e100]), sum([1e100, 1.0, -1e100]), math.prod([1, 2, 3, 4]), math.prod([]))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.1, rel_tol=0.2), math.isfinite(1e308), math.isinf(-math.inf), math.isnan(math.nan))
print(math.cbrt(27), math.exp2(10), math.nextafter(1.0, 2.0), math.ulp(1.0))
print(math.sumprod([1, 2, 3], [4, 5, 6]))
for f, args in [(math.sqrt, (-1,)), (math.log, (0,)), (math.log, (-1,)), (math.acos, (2,)),
                (math.exp, (1000,)), (math.factorial, (-1,)), (math.factorial, (2.5,)),
                (math.isqrt, (-1,)), (math.comb, (-1, 2)), (math.ldexp, (1.0, 10 ** 5)), (math.fmod, (1, 0))]:
    try:
        print(f.__name__, f(*args))
    except (ValueError, OverflowError, TypeError) as e:
        print(f.__name__, type(e).__name__, e)
print(math.floor(10 ** 20 + 0.5), type(math.floor(1.5)).__name__, math.ceil(True))
