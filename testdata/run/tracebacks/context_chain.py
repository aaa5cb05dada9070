# Two exceptions: "During handling of the above exception, another exception occurred".
def load(settings, key):
    try:
        return settings[key]
    except KeyError:
        print("missing key", key)
        return settings["defaults"][key]


print(load({"a": 1}, "a"))
load({"a": 1}, "b")
