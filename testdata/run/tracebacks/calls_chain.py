# Uncaught TypeError in a chain of calls and attribute accesses.
class Config:
    def __init__(self):
        self.values = {"port": "8080", "host": None}

    def get(self, key):
        return self.values[key]


def connect(cfg):
    port = int(cfg.get("port"))
    print("port", port)
    return cfg.get("host").upper().strip()


connect(Config())
