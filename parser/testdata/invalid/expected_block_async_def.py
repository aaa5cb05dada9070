async def f():
    pass
async def g():
return
