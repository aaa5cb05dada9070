# An uncaught KeyboardInterrupt: traceback, then CPython ends the process by SIGINT
# (the parent sees the process killed by signal 2, i.e. exit status -2 / 130 in a shell).
print("before interrupt", flush=True)
raise KeyboardInterrupt
