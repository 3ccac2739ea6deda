"""The one error the calculators raise for bad input."""


class InputError(ValueError):
    """Invalid input: `field` names the offending parameter, `message` says why in Chinese."""

    def __init__(self, field: str | None, message: str):
        super().__init__(message)
        self.field = field
        self.message = message

    def as_dict(self) -> dict:
        return {"field": self.field, "message": self.message}
