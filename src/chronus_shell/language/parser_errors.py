"""A Lark parse error → one friendly LanguageError: a typo with did-you-mean, a misplaced word, or
what is missing, with the caret column.

Lark reports terminals and parser states; musicians need words. Kept apart from parsing so
the hot path stays small and the error wording reads in one place.
"""
from __future__ import annotations

import re

from lark import Token
from lark.exceptions import UnexpectedCharacters, UnexpectedInput, UnexpectedToken

from .errors import LanguageError, UnknownWord, with_hint
from .grammar import accepted_terminals, parsed_values

#: Friendly names for what the parser expected, by terminal (keywords print as 'word').
_EXPECTED_LABELS = {
    "NUMBER": "a number", "NUMWORD": "a number", "UNIT": "a unit", "NOTE": "a note (a2, c#3)",
    "WORD": "a name", "RELEASE": "a name", "PATTERN": "a pattern (x..x)",
    "PATH": "a file name (take1.wav)", "SESSION_PATH": "a name", "$END": "the end of the command",
    "TEMPO": "a name", "SWING": "a name", "COMPARATIVE": "a word like brighter or louder",
    "SEP": "'and'", "UP": "'up'", "DOWN": "'down'", "NOTELEN": "a unit",
}
#: Parse-tree nodes that are parts of a command, not a whole one.
_PART_RULES = {"words", "value", "quantity", "note", "word_value", "amount", "to_value", "type_name",
               "name", "direction", "more_less", "param_value"}
_WORD_AT = re.compile(r"\S+")
_LOOKS_LIKE_PATTERN = re.compile(r"^\s*[xX.][xX.\-| ]*(\s|$)")
#: A rhythm's steps standing as a word of the line ('x...x...', '..x.'): hits and rests, no letters but x.
_STEPS = re.compile(r"(?<!\S)(?=[.\-|]*[xX])(?=[xX|]*[.\-])[xX.\-|]+(?!\S)")


def _unit_typo(line: str, misplaced) -> LanguageError | None:
    """'tempo 128bmp': an unknown word right after a number is most likely a misspelt unit."""
    from .units import UNIT_ALIASES
    from .vocabulary import did_you_mean, is_known_word

    if misplaced is None:
        return None
    word, column = misplaced
    if is_known_word(word, {}) or not re.search(r"\d\s*$", line[:column]):
        return None
    hints = did_you_mean(word.lower(), sorted(u for u in UNIT_ALIASES if " " not in u and "-" not in u))
    if not hints:
        return None
    return LanguageError(with_hint(f"I don't know the unit {word!r}", hints), column, hints, line)


def parse_error(line: str, err: UnexpectedInput) -> LanguageError:
    """The friendliest one-line reading of a Lark error: typo, misplaced word or missing part."""
    from .vocabulary import closest_words, is_known_word

    column = _error_column(line, err)
    if _LOOKS_LIKE_PATTERN.match(line):
        return LanguageError("a pattern needs a verb and a track, e.g. 'play x..x on kick'",
                             line.index(line.strip()[0]), ("play",), line)
    misplaced = _misplaced_after_command(err)
    unit_typo = _unit_typo(line, misplaced)
    if unit_typo is not None:
        return unit_typo
    if misplaced is not None:
        word, word_column = misplaced
        return LanguageError(f"didn't expect {word!r} here (expected the end of the command)",
                             word_column, (), line)
    unknown = _unknown_word(line, column, is_known_word)
    if unknown is not None:
        word, word_column = unknown
        return UnknownWord(word, word_column, lambda: closest_words(word), line)
    expected = _expected_text(_expected_terminals(err))
    if column >= len(line.rstrip()):
        return LanguageError(f"incomplete command: expected {expected}", len(line.rstrip()), (), line)
    word = _WORD_AT.match(line, column)
    got = word.group() if word else line[column]
    token = getattr(err, "token", None)
    if token is not None and getattr(token, "start_pos", None) == column and " " in str(token).strip():
        got = str(token).strip()                  # a phrase the lexer read as one ('on every beat')
    return LanguageError(f"didn't expect {got!r} here (expected {expected})", column, (), line)


def _misplaced_after_command(err: UnexpectedInput) -> tuple[str, int] | None:
    """'undo undo', 'tempo 128 saw': a whole command, then words that start no setting (a second
    setting may follow a value without 'and', so the parser read them as one)."""
    from .vocabulary import module_words

    parser = getattr(err, "interactive_parser", None)
    if parser is None:
        return None
    stack = parsed_values(parser)
    for index in range(len(stack) - 1, -1, -1):
        node = stack[index]
        if isinstance(node, Token):
            if node.type == "SEP":
                return None
            continue
        if node.data in _PART_RULES or (node.data.startswith("_") and node.data not in ("_command", "_setting")):
            continue
        rest = [v for v in stack[index + 1:]]
        tokens = [t for v in rest for t in ([v] if isinstance(v, Token) else v.scan_values(
            lambda x: isinstance(x, Token)))]
        if not tokens or any(t.type != "WORD" or (str(t).lower() in module_words() and not _is_type(str(t)))
                             for t in tokens):
            return None
        return str(tokens[0]), tokens[0].start_pos
    return None


def _is_type(word: str) -> bool:
    from .resolve import type_named
    return type_named((word.lower(),)) is not None


def _error_column(line: str, err: UnexpectedInput) -> int:
    if isinstance(err, UnexpectedToken) and err.token.type != "$END":
        return err.token.start_pos
    if isinstance(err, UnexpectedCharacters):
        return err.pos_in_stream
    return len(line.rstrip())


def _unknown_word(line: str, column: int, is_known) -> tuple[str, int] | None:
    """The word at the error if nobody knows it, else the first unknown word before it."""
    steps = [range(m.start(), m.end()) for m in _STEPS.finditer(line)]   # 'x' of 'x...x...' is no word ('kick x... softer')
    words = [(m.group(), m.start()) for m in re.finditer(r"(?<![\w#])[A-Za-z_][\w\-#]*", line)
             if m.start() <= column and not any(m.start() in span for span in steps)]
    at_error = [w for w in words if w[1] == column and not is_known(w[0])]
    before = [w for w in words if not is_known(w[0])]
    return (at_error or before or [None])[0]


def _expected_terminals(err: UnexpectedInput) -> set[str]:
    """What could come next; the interactive parser is exact where LALR's table merges states."""
    if isinstance(err, UnexpectedToken) and err.interactive_parser is not None:
        return accepted_terminals(err.interactive_parser)
    return set(getattr(err, "expected", None) or getattr(err, "allowed", None) or ())


def _expected_text(expected) -> str:
    expected = set(expected)
    if "TIMES" in expected:                   # "undo [twice / 3 times]": not worth listing
        expected -= {"TIMES", "_TIMES_WORD", "NUMBER", "NUMWORD"}
    if len(expected) > 10:
        return "a command or a param name"
    if "$END" in expected and set(expected) <= {"NOW", "$END", "SEP", "_UNDONE", "EVERY_STEP", "AND"}:
        return "the end of the command"
    labels = sorted({_EXPECTED_LABELS.get(name, f"'{name.lstrip('_').lower()}'") for name in expected})
    return " or ".join(labels) if labels else "more"
