"""English text → one intent, with Lark (LALR, contextual lexer) and friendly parse errors.

The grammar is packaged data (grammar/chronus.lark) loaded once per process; the Transformer is
thin: one small method per command rule building an intent dataclass.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from functools import lru_cache

from lark import Lark, Token, Transformer
from lark.exceptions import UnexpectedCharacters, UnexpectedInput, UnexpectedToken, VisitError

from . import intents as it
from .errors import LanguageError, with_hint
from .units import parse_number


#: INTENSITY tokens ("way", "a lot", "all the way") the lexer saw in the line being parsed: the
#: grammar ignores them, a lexer callback records them here for the relative changes.
_INTENSITIES: list[Token] = []


@lru_cache(maxsize=1)
def grammar_parser() -> Lark:
    """The LALR parser for grammar/chronus.lark, built once per process (and the LALR analysis
    once per grammar version: Lark keeps it in a file in the temp directory)."""
    return Lark.open_from_package("chronus_shell", "chronus.lark", ("grammar",),
                                  parser="lalr", lexer="contextual", propagate_positions=False,
                                  lexer_callbacks={"INTENSITY": _record_intensity}, cache=True)


def _record_intensity(token: Token) -> Token:
    _INTENSITIES.append(token)
    return token


def _intensity(token: Token) -> str:
    return "edge" if token.lower().replace(" ", "") in ("alltheway", "fully", "completely") else "big"


def _has_field(intent, name: str) -> bool:
    return any(f.name == name for f in fields(intent))


def _word(token: Token) -> it.Word:
    text = str(token)
    glued = _GLUED_NUMBER.match(text)
    if glued:                             # "the_303" (see _glue_numeric_names): the name "303"
        return it.Word(glued.group(2), token.start_pos + glued.start(2))
    return it.Word(text, token.start_pos)


_GLUED_NUMBER = re.compile(r"^(the|that|this|my|your|our)_+(\d+)$", re.I)
_NUMERIC_NAME = re.compile(r"\b(the|that|this|my|your|our)(\s+)(\d+)\b(?![.,]\d)", re.I)


def _glue_numeric_names(line: str) -> str:
    """'turn the 303 up': a number after 'the' that names a module type is a name, not a value.
    Glued to the article with underscores (same length, so columns stay right)."""
    if not _NUMERIC_NAME.search(line):
        return line
    names = _numeric_type_names()

    def glue(match):
        if match.group(3) not in names:
            return match.group(0)
        return match.group(1) + "_" * len(match.group(2)) + match.group(3)

    return _NUMERIC_NAME.sub(glue, line)


def _numeric_type_names() -> frozenset[str]:
    from ..engine.catalogue import CATALOGUE
    return frozenset(a for cls in CATALOGUE.values() for a in (cls.spec.type, *cls.spec.aliases) if a.isdigit())


def _of(children, kind):
    """The first child of a type (None if absent): rule children mix tokens and intents."""
    return next((c for c in children if isinstance(c, kind)), None)


def _has(children, token_type: str) -> bool:
    return any(isinstance(c, Token) and c.type == token_type for c in children)


class _ToIntent(Transformer):
    """Parse tree → intent. Keyword tokens arrive as children; values and words as dataclasses.

    Methods take the children inline; the dispatch is resolved once (no per-call wrappers) and
    tokens are not visited: the hot path of every command."""

    __visit_tokens__ = False

    def __init__(self):
        super().__init__(visit_tokens=False)
        self._methods: dict[str, object] = {}

    def _call_userfunc(self, tree, new_children=None):
        children = new_children if new_children is not None else tree.children
        method = self._methods.get(tree.data)
        if method is None:
            method = getattr(self, tree.data, None)
            if method is None:
                return self.__default__(tree.data, children, tree.meta)
            self._methods[tree.data] = method
        try:
            return method(*children)
        except LanguageError:
            raise
        except Exception as err:
            raise VisitError(tree.data, tree, err) from err

    def start(self, *children):
        """Intents in order; "now" after a command sets its `now`; intensities go to their command."""
        items: list = []
        bounds: list[int] = []           # where each command after a separator starts
        for child in children:
            if isinstance(child, Token):
                if child.type == "NOW" and items and _has_field(items[-1][0], "now"):
                    items[-1] = (replace(items[-1][0], now=True), items[-1][1])
                elif child.type == "SEP" and items:
                    bounds.append(child.start_pos)
                continue
            items.append((child, len(bounds)))
        segments = {}
        for token in _INTENSITIES:
            segment = sum(1 for b in bounds if b < token.start_pos)
            segments.setdefault(segment, _intensity(token))
        intents = []
        for intent, segment in items:
            if segment in segments and _has_field(intent, "intensity"):
                intent = replace(intent, intensity=segments[segment])
            intents.append(intent)
        return intents[0] if len(intents) == 1 else it.Sequence(tuple(intents))

    # -- values ----------------------------------------------------------------------------
    def words(self, *tokens):
        return it.Words(tuple(_word(t) for t in tokens))

    def quantity(self, number, unit=None):
        return it.Value("number", str(number), number.start_pos, parse_number(number),
                        str(unit) if unit else None)

    def note(self, token):
        return it.Value("note", str(token), token.start_pos)

    def note_length(self, token):
        """'a dotted eighth' alone: one of that length (the unit carries it)."""
        return it.Value("unit", str(token), token.start_pos, None, str(token))

    def word_value(self, token):
        return it.Value("word", str(token).lower(), token.start_pos)

    def amount(self, value):
        return _unit_value(value)

    def to_value(self, value):
        return _To(value)

    def type_name(self, name):
        return name if isinstance(name, it.Words) else it.Words((_word(name),))

    def name(self, token):
        return _word(token)

    def direction(self, token):
        return 1 if token.type == "UP" else -1

    def more_less(self, token):
        return 1 if token.type == "MORE" else -1

    def param_value(self, value, words):
        return _ParamValue(value, words)

    # -- modules ---------------------------------------------------------------------------
    def add(self, _kw, type_name, *rest):
        name = next((_word(c) for c in rest if isinstance(c, Token)), None)
        with_param = _of(rest, _ParamValue)
        if with_param is not None:
            return it.AddModule(type_name, with_param.value, name, with_param.words)
        return it.AddModule(type_name, _of(rest, it.Value), name)

    def add_value_first(self, _kw, number, unit, type_name, *rest):
        name = next((_word(c) for c in rest if isinstance(c, Token)), None)
        return it.AddModule(type_name, self.quantity(number, unit), name)

    def add_to(self, _kw, type_name, *rest):
        return it.AddTo(type_name, _of(rest, it.Words), _of(rest, it.Value))

    def put(self, _kw, what, *rest):
        return it.AddTo(what, _of(rest, it.Words), _of(rest, it.Value))

    def put_value(self, _kw, ref, value):
        return it.SetParam(ref, value)

    def param_on(self, param, _on, module):
        """'feedback on the delay' → the words 'delay feedback'."""
        return it.Words(module.items + param.items)

    def power(self, *children):
        state = next(c for c in children if isinstance(c, Token) and c.type in ("ON", "OFF"))
        return it.Mute("unmute" if state.type == "ON" else "mute", _of(children, it.Words), state.start_pos)

    def remove(self, _kw, target):
        return it.RemoveModule(target)

    def drop(self, _kw, target, change=None):
        if isinstance(change, _To):
            return it.Drop(target, None, change.value)
        return it.Drop(target, change)

    def swap(self, _kw, old, new):
        return it.Swap(old, new, old.column)

    def swap_focus(self, kw, new):
        return it.Swap(None, new, kw.start_pos)

    # -- params ----------------------------------------------------------------------------
    def set_param(self, *children):
        value = _of(children, it.Value)
        if value is None:                 # "set mode to highpass"
            token = children[-1]
            value = it.Value("word", str(token).lower(), token.start_pos)
        ref = _of(children, it.Words)
        if ref is None:                   # "switch to bandpass": the focus
            ref = it.Words((it.Word("it", value.column),))
        return it.SetParam(ref, value)

    def set_words(self, *children):
        words = children[-1]
        if words.texts == ("release",):   # the grammar reads a bare "release" as a word
            return it.Gate(None, False, None, words.column)
        verb = children[0] if len(children) > 1 else None
        if verb is not None and verb.type == "TURN" and str(verb).lower() == "bring":
            kept = tuple(w for w in words.items if w.text.lower() not in ("in", "back"))
            return it.Mute("unmute", it.Words(kept or words.items), verb.start_pos)   # "bring the kick in"
        if verb is not None and verb.type == "TURN" and str(verb).lower() in _PUSH:   # "push the cutoff"
            return it.ChangeParam(words, _PUSH[str(verb).lower()], None, None, words.column)
        return it.SetWords(words)

    def value_first(self, value, words):
        return it.SetParam(words, value)

    def bare_value(self, value):
        return it.BareValue(value)

    def extreme(self, kw, *rest):
        top = str(kw).lower().startswith(("max", "full"))
        return it.Extreme(rest[-1], top, kw.start_pos)

    def _relative(self, ref, direction, change, column):
        if isinstance(change, _To):
            return it.SetParam(ref, change.value) if ref is not None else it.SetParam(
                it.Words((it.Word("it", column),)), change.value)
        return it.ChangeParam(ref, direction, change, None, column)

    def change(self, *children):
        ref = _of(children, it.Words)
        direction = next(c for c in children if isinstance(c, int) and not isinstance(c, Token))
        return self._relative(ref, direction, _change_of(children), ref.column)

    def change_more_on(self, module, more, param, change=None):
        """'the bass needs more drive': the param on that module."""
        return self._relative(it.Words(module.items + param.items), more, change, module.column)

    def change_focus(self, direction, amount):
        return it.ChangeParam(None, direction, amount, None, amount.column)

    def change_lead(self, amount, direction, ref=None):
        return it.ChangeParam(ref, direction, _unit_value(amount), None, _column(amount))

    def change_down(self, _kw, ref, *rest):
        return self._relative(ref, -1, _change_of(rest), ref.column)

    def change_up(self, _kw, ref, *rest):
        return self._relative(ref, 1, _change_of(rest), ref.column)

    def crank(self, _kw, *rest):
        ref = _of(rest, it.Words)
        change = _change_of(rest)
        if isinstance(change, _To):
            return it.SetParam(ref, change.value)
        return it.ChangeParam(ref, 1, change, None if change else "big", ref.column)

    def comparative(self, *children):
        word = next(c for c in children if isinstance(c, Token) and c.type in ("COMPARATIVE", "LOWER"))
        ref = _of(children, it.Words)
        change = _change_of(children)
        if isinstance(change, _To):
            return it.SetParam(ref or it.Words((it.Word("it", word.start_pos),)), change.value)
        return it.Comparative(_comparative_word(word), ref, change, None, word.start_pos)

    def comparative_mid(self, *children):
        """'make it 10% louder'."""
        word = next(c for c in children if isinstance(c, Token) and c.type in ("COMPARATIVE", "LOWER"))
        amount = next(c for c in children if isinstance(c, it.Value) or (isinstance(c, Token) and c.type == "UNIT"))
        return it.Comparative(_comparative_word(word), _of(children, it.Words), _unit_value(amount), None,
                              word.start_pos)

    def comparative_first(self, word, ref, *rest):
        change = _change_of(rest)
        if isinstance(change, _To):
            return it.SetParam(ref, change.value)
        return it.Comparative(_comparative_word(word), ref, change, None, word.start_pos)

    def comparative_lead(self, amount, word, ref=None):
        return it.Comparative(_comparative_word(word), ref, _unit_value(amount), None, word.start_pos)

    def too(self, *children):
        """'the kick is too loud' → quieter; 'not loud enough' → louder."""
        adjective = next(c for c in children if isinstance(c, Token) and c.type == "ADJECTIVE")
        word = ADJECTIVES[str(adjective).lower()][0]
        return it.Comparative(word, _of(children, it.Words), None, None, adjective.start_pos)

    def not_enough(self, *children):
        adjective = next(c for c in children if isinstance(c, Token) and c.type == "ADJECTIVE")
        word = ADJECTIVES[str(adjective).lower()][1]
        return it.Comparative(word, _of(children, it.Words), None, None, adjective.start_pos)

    def scale(self, token, ref=None):
        factor = {"double": 2.0, "triple": 3.0, "halve": 0.5}.get(str(token).lower().split()[0][:6])
        if token.type == "HALFTIME":
            factor = 0.5
        elif token.type == "DOUBLETIME":
            factor = 2.0
        return it.Scale(ref, factor, token.start_pos)

    def mute(self, kw, target=None):
        return it.Mute("mute", target, kw.start_pos)

    def unmute(self, kw, target=None):
        return it.Mute("unmute", target, kw.start_pos)

    def solo(self, kw, target=None):
        return it.Mute("solo", target, kw.start_pos)

    def unsolo(self, kw, target=None):
        return it.Mute("unsolo", target, kw.start_pos)

    def open_close(self, kw, *rest):
        target = _of(rest, it.Words)
        if "transaction" in target.texts:          # "open a transaction" / "close the transaction"
            return it.Fixed("/patch/begin" if kw.type == "OPEN" else "/patch/commit")
        direction = 1 if kw.type == "OPEN" else -1
        change = _change_of(rest)
        if isinstance(change, _To):
            return it.SetParam(it.Words(target.items + (it.Word("cutoff", target.column),)), change.value)
        return it.OpenClose(target, direction, change, None, _has(rest, "BAR"))

    # -- edges and modulation --------------------------------------------------------------
    def connect(self, _kw, source, dest):
        return it.Connect(source, dest)

    def disconnect(self, _kw, source, dest=None):
        return it.Disconnect(source, dest)

    def modulate(self, _kw, target, *rest):
        modulator = _of(rest, it.Words)
        value = _of(rest, it.Value)
        if modulator is None:
            return it.Wobble(target, value)
        return it.Modulate(modulator, target, value)

    def modulator_on(self, modulator, _on, target, value=None):
        return it.Modulate(modulator, target, value)

    def wobble(self, _kw, *rest):
        return it.Wobble(_of(rest, it.Words), _of(rest, it.Value))

    def transpose(self, kw, *rest):
        ref = _of(rest, it.Words)
        direction = next((c for c in rest if isinstance(c, int) and not isinstance(c, Token)), 1)
        change = _change_of(rest)
        if isinstance(change, _To):
            return it.Transpose(ref, 1, None, change.value, kw.start_pos)
        return it.Transpose(ref, direction, change, None, kw.start_pos)

    def detune(self, kw, *rest):
        return it.Transpose(_of(rest, it.Words), 1, None, _of(rest, it.Value), kw.start_pos, "detune")

    def detune_change(self, kw, *rest):
        direction = next(c for c in rest if isinstance(c, int) and not isinstance(c, Token))
        change = _change_of(rest)
        if isinstance(change, _To):
            return it.Transpose(_of(rest, it.Words), 1, None, change.value, kw.start_pos, "detune")
        return it.Transpose(_of(rest, it.Words), direction, change, None, kw.start_pos, "detune")

    # -- gates, notes, sequencer -----------------------------------------------------------
    def trigger(self, kw, target=None):
        return it.Gate(target, True, None, kw.start_pos)

    def release(self, kw, target=None):
        if target is not None and target.texts[-1] in ("note", "notes", "it"):   # "let go of the note"
            target = None if len(target.items) == 1 else it.Words(target.items[:-1])
        return it.Gate(target, False, None, kw.start_pos)

    def gate(self, kw, state, target=None):
        if state.type == "GATE":                  # "play a note": the focused voice
            return it.Gate(None, True, None, kw.start_pos)
        return it.Gate(target, state.type == "ON", None, kw.start_pos)

    def trigger_note(self, kw, note, *rest):
        return it.Gate(_of(rest, it.Words), True, it.Value("note", str(note), note.start_pos), kw.start_pos)

    def play_note(self, kw, *rest):
        notes = [c for c in rest if isinstance(c, Token) and c.type == "NOTE"]
        target = _of(rest, it.Words)
        if len(notes) > 1:                # "play a2 c3 e3": a note per step
            return it.SetNotes(target, tuple(_word(n) for n in notes), notes[0].start_pos)
        note = it.Value("note", str(notes[0]), notes[0].start_pos)
        return it.Gate(target, True, note, kw.start_pos)

    def play_number(self, kw, *rest):
        number = next(c for c in rest if isinstance(c, Token) and c.type == "NUMBER")
        unit = next((c for c in rest if isinstance(c, Token) and c.type == "UNIT"), None)
        return it.Gate(_of(rest, it.Words), True, self.quantity(number, unit), kw.start_pos)

    def play_ref(self, kw, target):
        return it.Gate(target, True, None, kw.start_pos)

    def play_notes_on(self, kw, target, *notes):
        return it.SetNotes(target, tuple(_word(n) for n in notes), notes[0].start_pos)

    def play_bare(self, _kw):
        return it.Fixed("/seq/start")

    def play_pattern(self, kw, *rest):
        steps = [c for c in rest if isinstance(c, Token) and c.type == "PATTERN"]
        return it.PlayPattern("".join(steps), _of(rest, it.Words), steps[0].start_pos)

    def pattern_on(self, *children):
        steps = [c for c in children if isinstance(c, Token) and c.type == "PATTERN"]
        return it.PlayPattern("".join(steps), _of(children, it.Words), steps[0].start_pos)

    track_pattern = pattern_on

    def named_pattern(self, *children):
        """'four on the floor on the kick', 'play the kick on every beat'."""
        name = next(c for c in children if isinstance(c, Token) and c.type == "PATNAME")
        target = _of(children, it.Words)
        if target is None and "floor" in str(name).lower():      # "play four on the floor": the kick
            target = it.Words((it.Word("kick", name.start_pos),))
        return it.PlayPattern(pattern_named(str(name)), target, name.start_pos)

    def notes(self, *children):
        notes = tuple(_word(c) for c in children if isinstance(c, Token) and c.type == "NOTE")
        return it.SetNotes(_of(children, it.Words), notes, notes[0].column)

    def stop(self, _kw, target=None):
        if target is not None:                    # "stop playing the hats"
            kept = tuple(w for w in target.items if w.text.lower() != "playing")
            target = it.Words(kept) if kept else None
        return it.Stop(target)

    def pause(self, _kw):
        return it.Stop(None)

    def start_seq(self, _kw, what=None):
        if what is not None and what.texts[0] in _COMPARATIVE_WORDS:    # "go faster"
            return it.Comparative(what.texts[0], None, None, None, what.column)
        if what is not None and "transaction" in what.texts:          # "start a transaction"
            return it.Fixed("/patch/begin")
        if what is not None and what.texts in (("over",), ("fresh",), ("from", "scratch"), ("afresh",)):
            return it.RemoveModule(it.Words((it.Word("everything", what.column),)))   # "start over"
        return it.Fixed("/seq/start")

    def clear(self, kw, what=None):
        return it.Clear(what, "reset" if str(kw).lower() == "reset" else "clear")

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

    def list_sessions(self, kw, session):
        if str(session).lower() == "patch":      # "show the patch": the modules
            return it.ShellVerb("list", it.Words((_word(session),)), kw.start_pos)
        return it.Fixed("/session/list")

    def delete_session(self, _kw, *rest):
        return it.DeleteSession(_of(rest, it.Word))

    def record(self, *children):
        path = next((str(c) for c in children if isinstance(c, Token) and c.type == "PATH"), None)
        return it.Record(path)

    def stop_recording(self, *_):
        return it.Fixed("/record/stop")

    # -- shell verbs -----------------------------------------------------------------------
    def undo(self, _kw, *times):
        return it.Undo(_count(times))

    def redo(self, _kw, *times):
        return it.Redo(_count(times))

    def duplicate(self, _kw, target):
        return it.Duplicate(target)

    def help(self, kw, topic=None):
        if topic is not None:              # "help with the cutoff", "how do i add a filter"
            kept = tuple(w for w in topic.items if w.text.lower() not in ("with", "about", "for", "on"))
            topic = it.Words(kept) if kept else None
        return it.ShellVerb("help", topic, kw.start_pos)

    def query(self, kw, what=None):
        if what is not None:                      # "what's the cutoff set to"
            kept = tuple(w for w in what.items if w.text.lower() not in ("set", "to", "at", "currently"))
            what = it.Words(kept) if kept else None
        return it.Show(what, kw.start_pos, str(kw).lower())

    def query_sessions(self, *_):
        return it.Fixed("/session/list")

    def status(self, _kw):
        return it.Fixed("/engine/status")

    def crash(self, kw, slot):
        found = [w for w in slot.texts if w in ("active", "standby")]
        if len(found) != 1:
            raise LanguageError("crash which slot? 'crash active' or 'crash standby'", slot.column,
                                ("active", "standby"))
        return it.Fixed("/engine/crash", (found[0],))

    def list(self, kw, what=None):
        return it.ShellVerb("list", what, kw.start_pos)

    def verbose(self, kw, state=None):
        switch = "off" if state is not None and state.type == "OFF" else "on"
        return it.Fixed("/shell/verbose", (switch,))

    def reload(self, kw, what=None):
        return it.ShellVerb("reload", what, kw.start_pos)

    def quit(self, _kw, _what=None):
        return it.Fixed("/shell/quit")

    def wait(self, _kw, value):
        if isinstance(value, Token):      # "wait a bar"
            value = it.Value("unit", str(value), value.start_pos, None, str(value))
        return it.Wait(value)


@dataclass(frozen=True)
class _To:
    """'… to VALUE' inside a relative command: it becomes an absolute setting."""

    value: it.Value


@dataclass(frozen=True)
class _ParamValue:
    """'with 50% mix' after add: a value and the param it sets."""

    value: it.Value
    words: it.Words


def _comparative_word(token: Token) -> str:
    """'lower', 'reduce', 'decrease' after a module all mean lower (its pitch)."""
    return "lower" if token.type == "LOWER" else str(token).lower()


def _count(tokens) -> int:
    """'twice', '3 times', 'three' → how many times (1 when not said)."""
    if not tokens:
        return 1
    text = str(tokens[0]).lower()
    count = {"twice": 2, "thrice": 3}.get(text)
    if count is None:
        number = parse_number(text)
        if number.denominator != 1 or not 1 <= number <= 50:
            raise LanguageError("how many times? a whole number from 1 to 50", tokens[0].start_pos)
        count = int(number)
    return count


#: Named rhythms, in 16th steps: "every <length>" hits once per length ("every other" per two).
_STEPS = {"sixteenth": 1, "step": 1, "eighth": 2, "beat": 4, "quarter": 4, "bar": 16}
PATTERN_NAMES = {"four on the floor": "x...x...x...x...", "offbeat": "..x...x...x...x.",
                 "backbeat": "....x.......x...", "two and four": "....x.......x...",
                 "one and three": "x.......x......."}
for _name, _length in _STEPS.items():
    for _other in (1, 2):
        _every = _length * _other
        PATTERN_NAMES[f"every {'other ' if _other == 2 else ''}{_name}"] = "".join(
            "x" if i % _every == 0 else "." for i in range(max(16, _every)))


def pattern_named(text: str) -> str:
    """The steps of a named rhythm ('on the offbeat', 'four on the floor', 'on 2 and 4')."""
    words = [{"2": "two", "4": "four", "1": "one", "3": "three"}.get(w, w) for w in text.lower().split()]
    while words and words[0] in ("on", "the"):
        words = words[1:]
    key = " ".join(words).replace("off beat", "offbeat")
    key = re.sub(r"^(offbeat|backbeat)s$", r"\1", key)
    return PATTERN_NAMES[key]


def _unit_value(value):
    if isinstance(value, Token):          # a unit alone: "up an octave"
        return it.Value("unit", str(value), value.start_pos, None, str(value))
    return value


def _column(value) -> int:
    return value.start_pos if isinstance(value, Token) else value.column


def _change_of(children):
    return next((c for c in children if isinstance(c, (it.Value, _To))), None)


#: "push the cutoff" / "pull it": a change without 'up' or 'down'.
_PUSH = {"push": 1, "nudge": 1, "pull": -1}
#: adjective → (comparative when it is too much, comparative when it is not enough)
ADJECTIVES = {
    "loud": ("quieter", "louder"), "quiet": ("louder", "quieter"), "soft": ("louder", "quieter"),
    "bright": ("darker", "brighter"), "harsh": ("darker", "brighter"), "dark": ("brighter", "darker"),
    "dull": ("brighter", "darker"), "muddy": ("brighter", "darker"), "fast": ("slower", "faster"),
    "quick": ("slower", "faster"), "slow": ("faster", "slower"), "wet": ("drier", "wetter"),
    "dry": ("wetter", "drier"), "big": ("smaller", "bigger"), "large": ("smaller", "bigger"),
    "small": ("bigger", "smaller"), "high": ("lower", "higher"), "low": ("higher", "lower"),
    "long": ("shorter", "longer"), "short": ("longer", "shorter"), "dirty": ("cleaner", "dirtier"),
    "gritty": ("cleaner", "dirtier"), "distorted": ("cleaner", "dirtier"), "clean": ("dirtier", "cleaner"),
    "wide": ("narrower", "wider"), "narrow": ("wider", "narrower"), "thin": ("wider", "narrower"),
    "deep": ("shallower", "deeper"), "shallow": ("deeper", "shallower"),
}
_TRANSFORMER = _ToIntent()
_COMPARATIVE_WORDS = ("faster", "slower", "quicker", "louder", "quieter", "softer", "brighter", "darker")

#: Friendly names for what the parser expected, by terminal (keywords print as 'word').
_EXPECTED_LABELS = {
    "NUMBER": "a number", "NUMWORD": "a number", "UNIT": "a unit", "NOTE": "a note (a2, c#3)",
    "WORD": "a name", "RELEASE": "a name", "PATTERN": "a pattern (x..x)",
    "PATH": "a file name (take1.wav)", "$END": "the end of the command",
    "TEMPO": "a name", "SWING": "a name", "COMPARATIVE": "a word like brighter or louder",
    "SEP": "'and'", "UP": "'up'", "DOWN": "'down'", "NOTELEN": "a unit",
}
#: Parse-tree nodes that are parts of a command, not a whole one.
_PART_RULES = {"words", "value", "quantity", "note", "word_value", "amount", "to_value", "type_name",
               "name", "direction", "more_less", "param_value"}
_WORD_AT = re.compile(r"\S+")
_LOOKS_LIKE_PATTERN = re.compile(r"^\s*[xX.][xX.\-| ]*(\s|$)")


def parse(line: str):
    """One line of English → an intent, or LanguageError with a caret column and suggestions."""
    _INTENSITIES.clear()
    try:
        return _TRANSFORMER.transform(_parse_tree(_glue_numeric_names(line)))
    except UnexpectedInput as err:
        raise _parse_error(line, err) from None
    except VisitError as err:                     # a value the grammar took but cannot be read
        if isinstance(err.orig_exc, LanguageError):
            raise err.orig_exc from None
        raise LanguageError(f"I can't read that: {err.orig_exc}", 0, (), line) from None


_NOT_NAMES = {"WORD", "NOTE", "NUMBER", "PATTERN", "PATH", "UNIT"}
_PLAIN_WORD = re.compile(r"[a-zA-Z_][\w\-]*")


def _parse_tree(line: str):
    """The parse tree; if a keyword stands where only a name fits, read it as a name and retry."""
    try:
        return grammar_parser().parse(line)
    except UnexpectedToken as first:
        if first.token.type in ("WORD", "$END"):
            raise
        _INTENSITIES.clear()
        try:
            return _parse_keywords_as_names(line)
        except UnexpectedInput:
            raise first from None


def _parse_keywords_as_names(line: str):
    """Token by token: a keyword the parser cannot take here but a name fits becomes a WORD.

    ("remove the last one": LALR merges lookahead sets, so the lexer may read 'one' as a number
    where only a name can follow.)"""
    parser = grammar_parser().parse_interactive(line)
    state = parser.parser_state
    last = None
    for token in parser.lexer_thread.lex(state):
        saved = state.copy()              # deep: reductions may extend a tree in place
        try:
            state.feed_token(token)
        except UnexpectedToken:
            if token.type in _NOT_NAMES or not _PLAIN_WORD.fullmatch(str(token)):
                raise
            state.state_stack[:], state.value_stack[:] = saved.state_stack, saved.value_stack
            state.feed_token(Token.new_borrow_pos("WORD", str(token), token))
        last = token
    return parser.feed_eof(last)


def _parse_error(line: str, err: UnexpectedInput) -> LanguageError:
    """The friendliest one-line reading of a Lark error: typo, misplaced word or missing part."""
    from .vocabulary import closest_words, is_known_word

    column = _error_column(line, err)
    if _LOOKS_LIKE_PATTERN.match(line):
        return LanguageError("a pattern needs a verb and a track, e.g. 'play x..x on kick'",
                             line.index(line.strip()[0]), ("play",), line)
    misplaced = _misplaced_after_command(err)
    if misplaced is not None:
        word, word_column = misplaced
        return LanguageError(f"didn't expect {word!r} here (expected the end of the command)",
                             word_column, (), line)
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


def _misplaced_after_command(err: UnexpectedInput) -> tuple[str, int] | None:
    """'undo undo', 'tempo 128 saw': a whole command, then words that start no setting (a second
    setting may follow a value without 'and', so the parser read them as one)."""
    from .vocabulary import module_words

    parser = getattr(err, "interactive_parser", None)
    if parser is None:
        return None
    stack = parser.parser_state.value_stack
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
    expected = set(expected)
    if "TIMES" in expected:                   # "undo [twice / 3 times]": not worth listing
        expected -= {"TIMES", "_TIMES_WORD", "NUMBER", "NUMWORD"}
    if len(expected) > 10:
        return "a command or a param name"
    if "$END" in expected and set(expected) <= {"NOW", "$END", "SEP", "_UNDONE"}:
        return "the end of the command"
    labels = sorted({_EXPECTED_LABELS.get(name, f"'{name.lstrip('_').lower()}'") for name in expected})
    return " or ".join(labels) if labels else "more"


__all__ = ["parse", "grammar_parser", "ADJECTIVES"]
