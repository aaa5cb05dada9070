package vm

// The docstrings of the numeric types' methods and attributes and of the
// math module's functions, as CPython 3.13 has them.

var intDocs = map[string]string{
	"__ceil__":         "Ceiling of an Integral returns itself.",
	"__floor__":        "Flooring an Integral returns itself.",
	"__format__":       "Convert to a string according to format_spec.",
	"__round__":        "Rounding an Integral returns itself.\n\nRounding with an ndigits argument also returns an integer.",
	"__sizeof__":       "Returns size in memory, in bytes.",
	"__trunc__":        "Truncating an Integral returns itself.",
	"as_integer_ratio": "Return a pair of integers, whose ratio is equal to the original int.\n\nThe ratio is in lowest terms and has a positive denominator.\n\n>>> (10).as_integer_ratio()\n(10, 1)\n>>> (-10).as_integer_ratio()\n(-10, 1)\n>>> (0).as_integer_ratio()\n(0, 1)",
	"bit_count":        "Number of ones in the binary representation of the absolute value of self.\n\nAlso known as the population count.\n\n>>> bin(13)\n'0b1101'\n>>> (13).bit_count()\n3",
	"bit_length":       "Number of bits necessary to represent self in binary.\n\n>>> bin(37)\n'0b100101'\n>>> (37).bit_length()\n6",
	"conjugate":        "Returns self, the complex conjugate of any int.",
	"denominator":      "the denominator of a rational number in lowest terms",
	"from_bytes":       "Return the integer represented by the given array of bytes.\n\n  bytes\n    Holds the array of bytes to convert.  The argument must either\n    support the buffer protocol or be an iterable object producing bytes.\n    Bytes and bytearray are examples of built-in objects that support the\n    buffer protocol.\n  byteorder\n    The byte order used to represent the integer.  If byteorder is 'big',\n    the most significant byte is at the beginning of the byte array.  If\n    byteorder is 'little', the most significant byte is at the end of the\n    byte array.  To request the native byte order of the host system, use\n    sys.byteorder as the byte order value.  Default is to use 'big'.\n  signed\n    Indicates whether two's complement is used to represent the integer.",
	"imag":             "the imaginary part of a complex number",
	"is_integer":       "Returns True. Exists for duck type compatibility with float.is_integer.",
	"numerator":        "the numerator of a rational number in lowest terms",
	"real":             "the real part of a complex number",
	"to_bytes":         "Return an array of bytes representing an integer.\n\n  length\n    Length of bytes object to use.  An OverflowError is raised if the\n    integer is not representable with the given number of bytes.  Default\n    is length 1.\n  byteorder\n    The byte order used to represent the integer.  If byteorder is 'big',\n    the most significant byte is at the beginning of the byte array.  If\n    byteorder is 'little', the most significant byte is at the end of the\n    byte array.  To request the native byte order of the host system, use\n    sys.byteorder as the byte order value.  Default is to use 'big'.\n  signed\n    Determines whether two's complement is used to represent the integer.\n    If signed is False and a negative integer is given, an OverflowError\n    is raised.",
}

var floatDocs = map[string]string{
	"__ceil__":         "Return the ceiling as an Integral.",
	"__floor__":        "Return the floor as an Integral.",
	"__format__":       "Formats the float according to format_spec.",
	"__getformat__":    "You probably don't want to use this function.\n\n  typestr\n    Must be 'double' or 'float'.\n\nIt exists mainly to be used in Python's test suite.\n\nThis function returns whichever of 'unknown', 'IEEE, big-endian' or 'IEEE,\nlittle-endian' best describes the format of floating-point numbers used by the\nC type named by typestr.",
	"__round__":        "Return the Integral closest to x, rounding half toward even.\n\nWhen an argument is passed, work like built-in round(x, ndigits).",
	"__trunc__":        "Return the Integral closest to x between 0 and x.",
	"as_integer_ratio": "Return a pair of integers, whose ratio is exactly equal to the original float.\n\nThe ratio is in lowest terms and has a positive denominator.  Raise\nOverflowError on infinities and a ValueError on NaNs.\n\n>>> (10.0).as_integer_ratio()\n(10, 1)\n>>> (0.0).as_integer_ratio()\n(0, 1)\n>>> (-.25).as_integer_ratio()\n(-1, 4)",
	"conjugate":        "Return self, the complex conjugate of any float.",
	"fromhex":          "Create a floating-point number from a hexadecimal string.\n\n>>> float.fromhex('0x1.ffffp10')\n2047.984375\n>>> float.fromhex('-0x1p-1074')\n-5e-324",
	"hex":              "Return a hexadecimal representation of a floating-point number.\n\n>>> (-0.1).hex()\n'-0x1.999999999999ap-4'\n>>> 3.14159.hex()\n'0x1.921f9f01b866ep+1'",
	"imag":             "the imaginary part of a complex number",
	"is_integer":       "Return True if the float is an integer.",
	"real":             "the real part of a complex number",
}

var complexDocs = map[string]string{
	"__complex__": "Convert this value to exact type complex.",
	"__format__":  "Convert to a string according to format_spec.",
	"conjugate":   "Return the complex conjugate of its argument. (3-4j).conjugate() == 3+4j.",
	"imag":        "the imaginary part of a complex number",
	"real":        "the real part of a complex number",
}

var boolDocs = map[string]string{}

var mathDocs = map[string]string{
	"acos":      "Return the arc cosine (measured in radians) of x.\n\nThe result is between 0 and pi.",
	"acosh":     "Return the inverse hyperbolic cosine of x.",
	"asin":      "Return the arc sine (measured in radians) of x.\n\nThe result is between -pi/2 and pi/2.",
	"asinh":     "Return the inverse hyperbolic sine of x.",
	"atan":      "Return the arc tangent (measured in radians) of x.\n\nThe result is between -pi/2 and pi/2.",
	"atan2":     "Return the arc tangent (measured in radians) of y/x.\n\nUnlike atan(y/x), the signs of both x and y are considered.",
	"atanh":     "Return the inverse hyperbolic tangent of x.",
	"cbrt":      "Return the cube root of x.",
	"ceil":      "Return the ceiling of x as an Integral.\n\nThis is the smallest integer >= x.",
	"comb":      "Number of ways to choose k items from n items without repetition and without order.\n\nEvaluates to n! / (k! * (n - k)!) when k <= n and evaluates\nto zero when k > n.\n\nAlso called the binomial coefficient because it is equivalent\nto the coefficient of k-th term in polynomial expansion of the\nexpression (1 + x)**n.\n\nRaises TypeError if either of the arguments are not integers.\nRaises ValueError if either of the arguments are negative.",
	"copysign":  "Return a float with the magnitude (absolute value) of x but the sign of y.\n\nOn platforms that support signed zeros, copysign(1.0, -0.0)\nreturns -1.0.\n",
	"cos":       "Return the cosine of x (measured in radians).",
	"cosh":      "Return the hyperbolic cosine of x.",
	"degrees":   "Convert angle x from radians to degrees.",
	"dist":      "Return the Euclidean distance between two points p and q.\n\nThe points should be specified as sequences (or iterables) of\ncoordinates.  Both inputs must have the same dimension.\n\nRoughly equivalent to:\n    sqrt(sum((px - qx) ** 2.0 for px, qx in zip(p, q)))",
	"erf":       "Error function at x.",
	"erfc":      "Complementary error function at x.",
	"exp":       "Return e raised to the power of x.",
	"exp2":      "Return 2 raised to the power of x.",
	"expm1":     "Return exp(x)-1.\n\nThis function avoids the loss of precision involved in the direct evaluation of exp(x)-1 for small x.",
	"fabs":      "Return the absolute value of the float x.",
	"factorial": "Find n!.\n\nRaise a ValueError if x is negative or non-integral.",
	"floor":     "Return the floor of x as an Integral.\n\nThis is the largest integer <= x.",
	"fma":       "Fused multiply-add operation.\n\nCompute (x * y) + z with a single round.",
	"fmod":      "Return fmod(x, y), according to platform C.\n\nx % y may differ.",
	"frexp":     "Return the mantissa and exponent of x, as pair (m, e).\n\nm is a float and e is an int, such that x = m * 2.**e.\nIf x is 0, m and e are both 0.  Else 0.5 <= abs(m) < 1.0.",
	"fsum":      "Return an accurate floating-point sum of values in the iterable seq.\n\nAssumes IEEE-754 floating-point arithmetic.",
	"gamma":     "Gamma function at x.",
	"gcd":       "Greatest Common Divisor.",
	"hypot":     "hypot(*coordinates) -> value\n\nMultidimensional Euclidean distance from the origin to a point.\n\nRoughly equivalent to:\n    sqrt(sum(x**2 for x in coordinates))\n\nFor a two dimensional point (x, y), gives the hypotenuse\nusing the Pythagorean theorem:  sqrt(x*x + y*y).\n\nFor example, the hypotenuse of a 3/4/5 right triangle is:\n\n    >>> hypot(3.0, 4.0)\n    5.0\n",
	"isclose":   "Determine whether two floating-point numbers are close in value.\n\n  rel_tol\n    maximum difference for being considered \"close\", relative to the\n    magnitude of the input values\n  abs_tol\n    maximum difference for being considered \"close\", regardless of the\n    magnitude of the input values\n\nReturn True if a is close in value to b, and False otherwise.\n\nFor the values to be considered close, the difference between them\nmust be smaller than at least one of the tolerances.\n\n-inf, inf and NaN behave similarly to the IEEE 754 Standard.  That\nis, NaN is not close to anything, even itself.  inf and -inf are\nonly close to themselves.",
	"isfinite":  "Return True if x is neither an infinity nor a NaN, and False otherwise.",
	"isinf":     "Return True if x is a positive or negative infinity, and False otherwise.",
	"isnan":     "Return True if x is a NaN (not a number), and False otherwise.",
	"isqrt":     "Return the integer part of the square root of the input.",
	"lcm":       "Least Common Multiple.",
	"ldexp":     "Return x * (2**i).\n\nThis is essentially the inverse of frexp().",
	"lgamma":    "Natural logarithm of absolute value of Gamma function at x.",
	"log":       "log(x, [base=math.e])\nReturn the logarithm of x to the given base.\n\nIf the base is not specified, returns the natural logarithm (base e) of x.",
	"log10":     "Return the base 10 logarithm of x.",
	"log1p":     "Return the natural logarithm of 1+x (base e).\n\nThe result is computed in a way which is accurate for x near zero.",
	"log2":      "Return the base 2 logarithm of x.",
	"modf":      "Return the fractional and integer parts of x.\n\nBoth results carry the sign of x and are floats.",
	"nextafter": "Return the floating-point value the given number of steps after x towards y.\n\nIf steps is not specified or is None, it defaults to 1.\n\nRaises a TypeError, if x or y is not a double, or if steps is not an integer.\nRaises ValueError if steps is negative.",
	"perm":      "Number of ways to choose k items from n items without repetition and with order.\n\nEvaluates to n! / (n - k)! when k <= n and evaluates\nto zero when k > n.\n\nIf k is not specified or is None, then k defaults to n\nand the function returns n!.\n\nRaises TypeError if either of the arguments are not integers.\nRaises ValueError if either of the arguments are negative.",
	"pow":       "Return x**y (x to the power of y).",
	"prod":      "Calculate the product of all the elements in the input iterable.\n\nThe default start value for the product is 1.\n\nWhen the iterable is empty, return the start value.  This function is\nintended specifically for use with numeric values and may reject\nnon-numeric types.",
	"radians":   "Convert angle x from degrees to radians.",
	"remainder": "Difference between x and the closest integer multiple of y.\n\nReturn x - n*y where n*y is the closest integer multiple of y.\nIn the case where x is exactly halfway between two multiples of\ny, the nearest even value of n is used. The result is always exact.",
	"sin":       "Return the sine of x (measured in radians).",
	"sinh":      "Return the hyperbolic sine of x.",
	"sqrt":      "Return the square root of x.",
	"sumprod":   "Return the sum of products of values from two iterables p and q.\n\nRoughly equivalent to:\n\n    sum(itertools.starmap(operator.mul, zip(p, q, strict=True)))\n\nFor float and mixed int/float inputs, the intermediate products\nand sums are computed with extended precision.",
	"tan":       "Return the tangent of x (measured in radians).",
	"tanh":      "Return the hyperbolic tangent of x.",
	"trunc":     "Truncates the Real x to the nearest Integral toward 0.\n\nUses the __trunc__ magic method.",
	"ulp":       "Return the value of the least significant bit of the float x.",
}

// applyDocs gives the methods and attributes of a builtin type their
// docstrings.
func applyDocs(tp *Type, docs map[string]string) {
	for name, doc := range docs {
		v, ok := tp.Dict.getStr(Intern(name))
		if !ok {
			continue
		}
		switch d := v.o.(type) {
		case *MethodDescr:
			if d.owner == tp {
				d.doc = doc
			}
		case *GetSetDescr:
			if d.owner == tp {
				d.doc = doc
			}
		}
	}
}
