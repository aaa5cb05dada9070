f"\N{NO SUCH NAME} {x}"
