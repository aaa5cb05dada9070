a = f"""
first line {x}
second {
    y
} third
{z:>{
    width
}}
"""
b = f"""{
    x  # a comment inside the expression
    + y  # another
}"""
c = f"{
    x
}"
d = f"{x
    + 1}"
e = f'''{
    [
        1,
        2,
    ]
}'''
f = f"""{x=
}"""
g = f"""{
x = }"""
h = f"""{x!r
}"""
i = f"""{
    "nested" + f'''{
        deeper
    }'''
}"""
j = f"""line one
line two {value:>{
width}}
line three"""
k = f"""{x:
multi
line spec}"""
l = f"""\
{x}\
"""
m = rf"""\{
x}\n"""
n = (f"a{x}"
     f"b{
         y}"
     "c")
o = f"""{f"{1}"
}"""
