class RegistrationError(Exception):
    """A rule of registration refused the request; `message` is translated for the user and
    `registration` is the one concerned, where there is one (check-in shows its name)."""

    def __init__(self, message, *, registration=None):
        super().__init__(message)
        self.message = message
        self.registration = registration
