"""What an applicant, a member or the secretariat can get wrong, each with a translated message."""

from django.core.exceptions import ValidationError


class CoalitionError(ValidationError):
    """A refusal with a user-facing message; `field` puts it next to the form field it is about."""

    def __init__(self, message: str, *, code: str = "invalid", field: str | None = None):
        self.field = field
        if field:
            super().__init__({field: [ValidationError(message, code=code)]})
        else:
            super().__init__(message, code=code)
        self.message_text = str(message)
