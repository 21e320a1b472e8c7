"""LanguageError: one readable line, a caret column and did-you-mean suggestions."""
from __future__ import annotations


class LanguageError(ValueError):
    """A command the language layer cannot turn into messages.

    `str(err)` is one line; `column` is the 0-based index of the offending character in the
    input line (None when the whole line is at fault); `suggestions` are close vocabulary words.
    """

    def __init__(self, message: str, column: int | None = None,
                 suggestions: tuple[str, ...] = (), line: str = ""):
        super().__init__(message)
        self.message = message
        self.column = column
        self.suggestions = tuple(suggestions)
        self.line = line

    def render(self) -> str:
        """The input line and, under it, a caret at the offending word followed by the message."""
        if self.column is None or not self.line:
            return self.message
        return f"{self.line}\n{' ' * self.column}^ {self.message}"


def with_hint(message: str, suggestions: tuple[str, ...]) -> str:
    """Append '— did you mean X?' when there is a suggestion and the message has none yet."""
    if suggestions and "did you mean" not in message:
        return f"{message} — did you mean {suggestions[0]}?"
    return message
