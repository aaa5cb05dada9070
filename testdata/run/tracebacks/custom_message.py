# A user exception in a module-qualified form, with a multi-line message.
class ValidationError(Exception):
    def __init__(self, field, problems):
        self.field = field
        self.problems = problems
        super().__init__(field, problems)

    def __str__(self):
        return f"{self.field}:\n" + "\n".join(f"  - {p}" for p in self.problems)


def validate(user):
    problems = []
    if len(user.get("name", "")) < 3:
        problems.append("name too short")
    if user.get("age", 0) < 0:
        problems.append("age negative")
    if problems:
        raise ValidationError("user", problems)
    return True


print(validate({"name": "anna", "age": 3}))
validate({"name": "al", "age": -1})
