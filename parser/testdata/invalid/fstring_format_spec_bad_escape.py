x = f"{y:\x}"
