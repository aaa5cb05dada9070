# Frames from exec'd code show "<string>" without a source line.
code = """
def helper(d):
    return d['missing']

helper({})
"""
print("exec")
exec(code, {})
