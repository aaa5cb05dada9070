f"{x!\
# type: int}"
