"""ChatRefused: a chat action the user may not take (services.py re-exports it)."""


class ChatRefused(Exception):
    """A chat action the user may not take, with the message to show and an HTTP status."""

    def __init__(self, message, status=403):
        super().__init__(message)
        self.message = message
        self.status = status
