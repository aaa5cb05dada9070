[a, ma b]
