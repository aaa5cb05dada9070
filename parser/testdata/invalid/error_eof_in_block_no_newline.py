def f():
    return (