x = f"\N{{x}}"
