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


class UnknownWord(LanguageError):
    """'I don't know the word X — did you mean Y?', the did-you-mean worked out when the error is first
    read: most of these are dropped unread, the line then read another way (read_again.py: 'sett cutoff
    800'), and the closest words cost more than the rest of the line. `closest` gives them."""

    def __init__(self, word: str, column: int | None, closest, line: str = ""):
        ValueError.__init__(self, f"I don't know the word {word!r}")
        self.word, self.column, self.line = word, column, line
        self._closest, self._said = closest, None

    def _worked_out(self) -> tuple[str, tuple[str, ...]]:
        if self._said is None:
            hints = tuple(self._closest())
            self._said = (with_hint(f"I don't know the word {self.word!r}", hints), hints)
        return self._said

    @property
    def message(self) -> str:
        return self._worked_out()[0]

    @property
    def suggestions(self) -> tuple[str, ...]:
        return self._worked_out()[1]

    def __str__(self) -> str:
        return self.message

    def __reduce__(self):
        return LanguageError, (self.message, self.column, self.suggestions, self.line)


def with_hint(message: str, suggestions: tuple[str, ...]) -> str:
    """Append '— did you mean X?' when there is a suggestion and the message has none yet."""
    if suggestions and "did you mean" not in message:
        return f"{message} — did you mean {suggestions[0]}?"
    return message
