"""English text → one intent, with Lark (LALR, contextual lexer) and friendly parse errors.

The grammar is packaged data (grammar/chronus.lark) loaded once per process; the Transformer is
thin: one small method per command rule building an intent dataclass.
"""
from __future__ import annotations

import re
from dataclasses import fields, replace
from functools import lru_cache

from lark import Lark, Token, Transformer, v_args
from lark.exceptions import UnexpectedCharacters, UnexpectedInput, UnexpectedToken

from . import intents as it
from .errors import LanguageError, with_hint
from .units import parse_number


@lru_cache(maxsize=1)
def grammar_parser() -> Lark:
    """The LALR parser for grammar/chronus.lark, built once (module-level cache)."""
    return Lark.open_from_package("chronus_shell", "chronus.lark", ("grammar",),
                                  parser="lalr", lexer="contextual", propagate_positions=False)


def _word(token: Token) -> it.Word:
    return it.Word(str(token), token.start_pos)


def _of(children, kind):
    """The first child of a type (None if absent): rule children mix tokens and intents."""
    return next((c for c in children if isinstance(c, kind)), None)


def _has(children, token_type: str) -> bool:
    return any(isinstance(c, Token) and c.type == token_type for c in children)


@v_args(inline=True)
class _ToIntent(Transformer):
    """Parse tree → intent. Keyword tokens arrive as children; values and words as dataclasses."""

    def start(self, *children):
        intent = next(c for c in children if not isinstance(c, Token))
        trailing_now = isinstance(children[-1], Token) and children[-1].type == "NOW"
        if trailing_now and "now" in {f.name for f in fields(intent)}:
            return replace(intent, now=True)
        return intent

    # -- values ----------------------------------------------------------------------------
    def words(self, *tokens):
        return it.Words(tuple(_word(t) for t in tokens))

    def quantity(self, number, unit=None):
        return it.Value("number", str(number), number.start_pos, parse_number(number),
                        str(unit) if unit else None)

    def note(self, token):
        return it.Value("note", str(token), token.start_pos)

    def word_value(self, token):
        return it.Value("word", str(token).lower(), token.start_pos)

    def amount(self, value):
        if isinstance(value, Token):      # a unit alone: "up an octave"
            return it.Value("unit", str(value), value.start_pos, None, str(value))
        return value

    def type_name(self, name):
        return name if isinstance(name, it.Words) else it.Words((_word(name),))

    def name(self, token):
        return _word(token)

    def direction(self, token):
        return 1 if token.type == "UP" else -1

    def more_less(self, token):
        return 1 if token.type == "MORE" else -1

    # -- modules and params ----------------------------------------------------------------
    def add(self, _kw, type_name, *rest):
        name = next((_word(c) for c in rest if isinstance(c, Token)), None)
        return it.AddModule(type_name, _of(rest, it.Value), name)

    def add_modulator(self, _kw, type_name, _on, target, value=None):
        return it.Modulate(type_name, target, value, new=True)

    def remove(self, _kw, target):
        return it.RemoveModule(target)

    def set_param(self, *children):
        value = _of(children, it.Value)
        if value is None:                 # "set mode to highpass"
            token = children[-1]
            value = it.Value("word", str(token).lower(), token.start_pos)
        return it.SetParam(_of(children, it.Words), value)

    def set_words(self, *children):
        words = children[-1]
        if words.texts == ("release",):   # the grammar reads a bare "release" as a word
            return it.Gate(None, False, None, words.column)
        return it.SetWords(words)

    def change(self, *children):
        ref = _of(children, it.Words)
        direction = next(c for c in children if isinstance(c, int) and not isinstance(c, Token))
        return it.ChangeParam(ref, direction, _of(children, it.Value))

    def change_down(self, _kw, ref, amount=None):
        return it.ChangeParam(ref, -1, amount)

    def change_up(self, _kw, ref, amount=None):
        return it.ChangeParam(ref, 1, amount)

    def connect(self, _kw, source, dest):
        return it.Connect(source, dest)

    def disconnect(self, _kw, source, dest=None):
        return it.Disconnect(source, dest)

    def modulate(self, _kw, target, modulator, value=None):
        return it.Modulate(modulator, target, value)

    def modulator_on(self, modulator, _on, target, value=None):
        return it.Modulate(modulator, target, value)

    # -- gates, notes, sequencer -----------------------------------------------------------
    def trigger(self, kw, target=None):
        return it.Gate(target, True, None, kw.start_pos)

    def release(self, kw, target=None):
        return it.Gate(target, False, None, kw.start_pos)

    def play_note(self, kw, pitch, *rest):
        unit = next((c for c in rest if isinstance(c, Token) and c.type == "UNIT"), None)
        if pitch.type == "NOTE":
            note = it.Value("note", str(pitch), pitch.start_pos)
        else:
            note = self.quantity(pitch, unit)
        return it.Gate(_of(rest, it.Words), True, note, kw.start_pos)

    def play_ref(self, kw, target):
        return it.Gate(target, True, None, kw.start_pos)

    def play_pattern(self, kw, *rest):
        steps = [c for c in rest if isinstance(c, Token) and c.type == "PATTERN"]
        return it.PlayPattern("".join(steps), _of(rest, it.Words), steps[0].start_pos)

    def notes(self, *children):
        notes = tuple(_word(c) for c in children if isinstance(c, Token) and c.type == "NOTE")
        return it.SetNotes(_of(children, it.Words), notes, notes[0].column)

    def tempo(self, *children):
        value = _of(children, it.Value)
        if value is None:                 # "128 bpm"
            number, unit = children
            value = self.quantity(number, unit)
        return it.Tempo(value)

    def swing(self, *children):
        return it.Swing(_of(children, it.Value))

    def stop(self, _kw, target=None):
        return it.Stop(target)

    def start_seq(self, _kw, _what=None):
        return it.Fixed("/seq/start")

    def clear(self, _kw, what=None):
        return it.Clear(what)

    # -- transactions, sessions, recording -------------------------------------------------
    def begin(self, *_):
        return it.Fixed("/patch/begin")

    def commit(self, *_):
        return it.Fixed("/patch/commit")

    def abort(self, *_):
        return it.Fixed("/patch/abort")

    def save(self, *children):
        return it.SaveSession(_of(children, it.Word), _has(children, "OVERWRITE"))

    def load(self, *children):
        return it.LoadSession(_of(children, it.Word))

    def list_sessions(self, *_):
        return it.Fixed("/session/list")

    def delete_session(self, _kw, _session, name):
        return it.DeleteSession(name)

    def record(self, *children):
        path = next((str(c) for c in children if c.type == "PATH"), None)
        return it.Record(path)

    def stop_recording(self, *_):
        return it.Fixed("/record/stop")

    # -- shell verbs -----------------------------------------------------------------------
    def undo(self, _kw):
        return it.Undo()

    def help(self, kw, topic=None):
        return it.ShellVerb("help", topic, kw.start_pos)

    def status(self, _kw):
        return it.Fixed("/engine/status")

    def list(self, kw, what=None):
        return it.ShellVerb("list", what, kw.start_pos)

    def verbose(self, kw, state=None):
        switch = "off" if state is not None and state.type == "OFF" else "on"
        return it.Fixed("/shell/verbose", (switch,))

    def quit(self, _kw):
        return it.Fixed("/shell/quit")

    def wait(self, _kw, value):
        if isinstance(value, Token):      # "wait a bar"
            value = it.Value("unit", str(value), value.start_pos, None, str(value))
        return it.Wait(value)


_TRANSFORMER = _ToIntent()

#: Friendly names for what the parser expected, by terminal (keywords print as 'word').
_EXPECTED_LABELS = {
    "NUMBER": "a number", "NUMWORD": "a number", "UNIT": "a unit", "NOTE": "a note (a2, c#3)",
    "WORD": "a name", "RELEASE": "a name", "PATTERN": "a pattern (x..x)",
    "PATH": "a file name (take1.wav)", "$END": "the end of the command",
}
_WORD_AT = re.compile(r"\S+")
_LOOKS_LIKE_PATTERN = re.compile(r"^\s*[xX.][xX.\-| ]*(\s|$)")


def parse(line: str):
    """One line of English → an intent, or LanguageError with a caret column and suggestions."""
    try:
        return _TRANSFORMER.transform(grammar_parser().parse(line))
    except UnexpectedInput as err:
        raise _parse_error(line, err) from None


def _parse_error(line: str, err: UnexpectedInput) -> LanguageError:
    """The friendliest one-line reading of a Lark error: typo, misplaced word or missing part."""
    from .vocabulary import closest_words, is_known_word

    column = _error_column(line, err)
    if _LOOKS_LIKE_PATTERN.match(line):
        return LanguageError("a pattern needs a verb and a track, e.g. 'play x..x on kick'",
                             line.index(line.strip()[0]), ("play",), line)
    unknown = _unknown_word(line, column, is_known_word)
    if unknown is not None:
        word, word_column = unknown
        hints = closest_words(word)
        return LanguageError(with_hint(f"I don't know the word {word!r}", hints), word_column, hints, line)
    expected = _expected_text(_expected_terminals(err))
    if column >= len(line.rstrip()):
        return LanguageError(f"incomplete command: expected {expected}", len(line.rstrip()), (), line)
    word = _WORD_AT.match(line, column)
    got = word.group() if word else line[column]
    return LanguageError(f"didn't expect {got!r} here (expected {expected})", column, (), line)


def _error_column(line: str, err: UnexpectedInput) -> int:
    if isinstance(err, UnexpectedToken) and err.token.type != "$END":
        return err.token.start_pos
    if isinstance(err, UnexpectedCharacters):
        return err.pos_in_stream
    return len(line.rstrip())


def _unknown_word(line: str, column: int, is_known) -> tuple[str, int] | None:
    """The word at the error if nobody knows it, else the first unknown word before it."""
    words = [(m.group(), m.start()) for m in re.finditer(r"[A-Za-z_][\w\-#]*", line)
             if m.start() <= column]
    at_error = [w for w in words if w[1] == column and not is_known(w[0])]
    before = [w for w in words if not is_known(w[0])]
    return (at_error or before or [None])[0]


def _expected_terminals(err: UnexpectedInput) -> set[str]:
    """What could come next; the interactive parser is exact where LALR's table merges states."""
    if isinstance(err, UnexpectedToken) and err.interactive_parser is not None:
        return set(err.interactive_parser.accepts())
    return set(getattr(err, "expected", None) or getattr(err, "allowed", None) or ())


def _expected_text(expected) -> str:
    if len(expected) > 10:
        return "a command or a param name"
    if "$END" in expected and set(expected) <= {"NOW", "$END"}:
        return "the end of the command"
    labels = sorted({_EXPECTED_LABELS.get(name, f"'{name.lstrip('_').lower()}'") for name in expected})
    return " or ".join(labels) if labels else "more"


__all__ = ["parse", "grammar_parser"]
