# coding: shift_jis
ｍ = "日本語のテキスト"; x = 1
名前 = 2
