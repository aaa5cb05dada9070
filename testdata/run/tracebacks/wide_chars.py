# Carets under a line holding wide (East Asian) characters and combining marks.
def 計算(値):
    return 値["キー"] + len("日本語テキスト")


データ = {"キー": None}
print("始め")
計算(データ)
