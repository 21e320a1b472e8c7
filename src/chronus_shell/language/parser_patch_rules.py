"""Grammar rules → intents for the patch: modules, params (set, change, comparatives), edges.

One small method per command rule of grammar/chronus.lark, each building an intent
dataclass; kept apart from the sequencer and shell rules so each family reads on its own.
"""
from __future__ import annotations

import re

from dataclasses import replace

from lark import Token

from . import intents as it
from .errors import LanguageError
from .refusal_wording import FOCUSED_MUTE
from .parser_values import ParamValue, ToValue, first_of, has_token, unit_value, word_of


class PatchRules:
    """Part of the parse-tree Transformer: modules, params and edges."""

    # -- modules ---------------------------------------------------------------------------
    def add(self, _kw, type_name, *rest):
        name = next((word_of(c) for c in rest if isinstance(c, Token)), None)
        with_param = first_of(rest, ParamValue)
        if with_param is not None:
            return it.AddModule(type_name, with_param.value, name, with_param.words)
        return it.AddModule(type_name, first_of(rest, it.Value), name)

    def add_value_first(self, _kw, number, unit, type_name, *rest):
        name = next((word_of(c) for c in rest if isinstance(c, Token)), None)
        return it.AddModule(type_name, self.quantity(number, unit), name)

    def add_to(self, _kw, type_name, *rest):
        with_param = first_of(rest, ParamValue)
        value = with_param.value if with_param else first_of(rest, it.Value)
        return it.AddTo(type_name, first_of(rest, it.Words), value, has_token(rest, "AFTER"),
                        has_token(rest, "BEFORE"), param=with_param.words if with_param else None)

    def put(self, _kw, what, *rest):
        return it.AddTo(what, first_of(rest, it.Words), first_of(rest, it.Value), has_token(rest, "AFTER"),
                        has_token(rest, "BEFORE"), move=True)

    def move(self, _kw, what, where, anchor):
        return it.AddTo(what, anchor, None, where.type == "AFTER", where.type == "BEFORE", move=True)

    def through(self, *children):
        """'run it through a reverb': the effect goes (or moves) right after the module."""
        source, effect = [c for c in children if isinstance(c, it.Words)]
        return it.AddTo(effect, source, None, right_after=True, move=True, through=True)

    def put_value(self, _kw, ref, value):
        return it.SetParam(ref, value)

    def param_on(self, param, _on, module):
        """'feedback on the delay' → the words 'delay feedback'."""
        return it.Words(module.items + param.items)

    def power(self, *children):
        state = next(c for c in children if isinstance(c, Token) and c.type in ("ON", "OFF"))
        if state.type == "OFF" and _taken(children):          # "take off the lfo": out of the patch
            return it.Drop(first_of(children, it.Words))
        return it.Mute("unmute" if state.type == "ON" else "mute", first_of(children, it.Words), state.start_pos)

    def remove(self, _kw, target):
        return it.RemoveModule(target)

    def drop(self, _kw, target, change=None):
        if change is None:
            _band_talk(str(_kw).lower(), target, None)          # 'drop it': everyone out, or the part in focus?
        if isinstance(change, ToValue):
            return it.Drop(target, None, change.value)
        return it.Drop(target, change)

    def swap(self, _kw, old, new):
        return it.Swap(old, new, old.column)

    def swap_focus(self, kw, new):
        return it.Swap(None, new, kw.start_pos)

    # -- params ----------------------------------------------------------------------------
    def set_param(self, *children):
        value = first_of(children, it.Value)
        if value is None:                 # "set mode to highpass"
            token = children[-1]
            value = it.Value("word", str(token).lower(), token.start_pos)
        ref = first_of(children, it.Words)
        if ref is None:                   # "switch to bandpass": the focus
            ref = it.Words((it.Word("it", value.column),))
        if value.kind == "word" and value.text in ("off", "out") and _taken(children):
            return it.Drop(ref)           # "take the lfo off", "take the amp env out"
        last = ref.items[-1]              # (' to ', ' at ' are four characters or more between the words and the value)
        return it.SetParam(ref, value, bare=not any(isinstance(c, Token) for c in children[:1])
                           and value.column - last.column - len(last.text) < 4)

    def set_words(self, *children):
        words = children[-1]
        if words.texts == ("release",):   # the grammar reads a bare "release" as a word
            return it.Gate(None, False, None, words.column)
        verb = children[0] if len(children) > 1 else None
        if verb is not None and verb.type == "TURN" and str(verb).lower() == "bring":
            kept = tuple(w for w in words.items if w.text.lower() not in ("in", "back"))
            return it.Mute("unmute", it.Words(kept or words.items), verb.start_pos)   # "bring the kick in"
        if verb is not None and verb.type == "TURN" and str(verb).lower() in _PUSH:   # "push the cutoff"
            _band_talk(str(verb).lower(), words, None)
            return it.ChangeParam(words, _PUSH[str(verb).lower()], None, None, words.column)
        return it.SetWords(words)

    def value_first(self, value, words):
        if value.kind == "word" and value.text.lower() in ("on", "off"):     # 'limiter off on the main': where, not
            raise LanguageError(f"'{value.text} {' '.join(words.texts)}' — turn what {value.text}?", value.column)   # 'main on'
        return it.SetParam(words, value)

    def bare_value(self, value):
        return it.BareValue(value)

    def extreme(self, kw, *rest):
        top = str(kw).lower().startswith(("max", "full"))
        return it.Extreme(rest[-1], top, kw.start_pos)

    def _relative(self, ref, direction, change, column):
        if isinstance(change, ToValue):
            return it.SetParam(ref, change.value, moved=direction) if ref is not None else it.SetParam(
                it.Words((it.Word("it", column),)), change.value)
        return it.ChangeParam(ref, direction, change, None, column)

    def change(self, *children):
        ref = first_of(children, it.Words)
        direction = next(c for c in children if isinstance(c, int) and not isinstance(c, Token))
        verb = children[0] if isinstance(children[0], Token) and children[0].type == "TURN" else None
        if verb is not None and _change_of(children) is None:
            _band_talk(str(verb).lower(), ref, direction)
        return self._relative(ref, direction, _change_of(children), ref.column)

    def change_more_on(self, module, more, param, change=None):
        """'the bass needs more drive': the param on that module."""
        return self._relative(it.Words(module.items + param.items), more, change, module.column)

    def change_focus(self, direction, amount):
        return it.ChangeParam(None, direction, amount, None, amount.column)

    def change_lead(self, amount, direction, ref=None):
        return it.ChangeParam(ref, direction, unit_value(amount), None, _column(amount))

    def change_down(self, _kw, ref, *rest):
        return self._relative(ref, -1, _change_of(rest), ref.column)

    def change_up(self, _kw, ref, *rest):
        return self._relative(ref, 1, _change_of(rest), ref.column)

    def crank(self, _kw, *rest):
        ref = first_of(rest, it.Words)
        change = _change_of(rest)
        if isinstance(change, ToValue):
            return it.SetParam(ref, change.value)
        return it.ChangeParam(ref, 1, change, None if change else "big", ref.column)

    def comparative(self, *children):
        word = next(c for c in children if isinstance(c, Token) and c.type in ("COMPARATIVE", "LOWER"))
        ref = first_of(children, it.Words)
        change = _change_of(children)
        if isinstance(change, ToValue):
            return _set_or_tempo(word, ref, change.value)
        return it.Comparative(_comparative_word(word), ref, change, None, word.start_pos)

    def comparative_mid(self, *children):
        """'make it 10% louder'."""
        word = next(c for c in children if isinstance(c, Token) and c.type in ("COMPARATIVE", "LOWER"))
        amount = next(c for c in children if isinstance(c, it.Value) or (isinstance(c, Token) and c.type == "UNIT"))
        return it.Comparative(_comparative_word(word), first_of(children, it.Words), unit_value(amount), None,
                              word.start_pos)

    def comparative_first(self, word, ref, *rest):
        change = _change_of(rest)
        if isinstance(change, ToValue):
            return _set_or_tempo(word, ref, change.value)
        return it.Comparative(_comparative_word(word), ref, change, None, word.start_pos)

    def comparative_on(self, word, param, _on, module, *rest):
        """'shorter decay on the hats': the module's param."""
        return self.comparative_first(word, it.Words(module.items + param.items), *rest)

    def comparative_lead(self, amount, word, ref=None):
        return it.Comparative(_comparative_word(word), ref, unit_value(amount), None, word.start_pos)

    def too(self, *children):
        """'the kick is too loud' → quieter; 'not loud enough' → louder."""
        adjective = next(c for c in children if isinstance(c, Token) and c.type == "ADJECTIVE")
        word = ADJECTIVES[str(adjective).lower()][0]
        return it.Comparative(word, first_of(children, it.Words), None, None, adjective.start_pos, complaint=True)

    def not_enough(self, *children):
        adjective = next(c for c in children if isinstance(c, Token) and c.type == "ADJECTIVE")
        word = ADJECTIVES[str(adjective).lower()][1]
        return it.Comparative(word, first_of(children, it.Words), None, None, adjective.start_pos, complaint=True)

    def scale(self, token, ref=None):
        factor = {"double": 2.0, "triple": 3.0, "halve": 0.5, "half": 0.5}.get(str(token).lower().split()[0][:6])
        if token.type == "HALFTIME":
            factor = 0.5
        elif token.type == "DOUBLETIME":
            factor = 2.0
        return it.Scale(ref, factor, token.start_pos, token.type in ("HALFTIME", "DOUBLETIME"))

    def scale_after(self, ref, token):
        return self.scale(token, ref)

    def mute(self, kw, target=None):
        _band_talk(str(kw).lower(), target, None)               # 'kill it': the music, or the part in focus?
        return it.Mute("kill" if str(kw).lower() == "kill" else "mute", target, kw.start_pos)

    def unmute(self, kw, target=None):
        return it.Mute("unmute", target, kw.start_pos)

    def solo(self, kw, target=None):
        return it.Mute("solo", target, kw.start_pos)

    def unsolo(self, kw, target=None):
        return it.Mute("unsolo", target, kw.start_pos)

    def open_close(self, kw, *rest):
        target = first_of(rest, it.Words)
        if "transaction" in target.texts:          # "open a transaction" / "close the transaction"
            return it.Fixed("/patch/begin" if kw.type == "OPEN" else "/patch/commit")
        direction = 1 if kw.type == "OPEN" else -1
        change = _change_of(rest)
        if change is None:
            _band_talk(str(kw).lower(), target, None)         # 'shut it down': the show over, or a filter closed?
        if isinstance(change, ToValue):
            return it.SetParam(it.Words(target.items + (it.Word("cutoff", target.column),)), change.value)
        return it.OpenClose(target, direction, change, None, has_token(rest, "BAR"))

    # -- edges and modulation --------------------------------------------------------------
    def connect(self, kw, source, dest):
        return it.Connect(source, dest, str(kw).lower() in ("route", "send", "feed"))

    def disconnect(self, _kw, source, dest=None):
        return it.Disconnect(source, dest)

    def modulate(self, _kw, target, *rest):
        modulator = first_of(rest, it.Words)
        value = first_of(rest, it.Value)
        if modulator is None:
            return it.Wobble(target, value)
        return it.Modulate(modulator, target, value)

    def modulator_on(self, modulator, _on, target, value=None):
        return it.Modulate(modulator, target, value)

    def wobble(self, _kw, *rest):
        return it.Wobble(first_of(rest, it.Words), first_of(rest, it.Value))

    def transpose(self, kw, *rest):
        ref = first_of(rest, it.Words)
        direction = next((c for c in rest if isinstance(c, int) and not isinstance(c, Token)), 1)
        change = _change_of(rest)
        if isinstance(change, ToValue):
            return it.Transpose(ref, 1, None, change.value, kw.start_pos)
        return it.Transpose(ref, direction, change, None, kw.start_pos)

    def detune(self, kw, *rest):
        return it.Transpose(first_of(rest, it.Words), 1, None, first_of(rest, it.Value), kw.start_pos, "detune")

    def detune_change(self, kw, *rest):
        direction = next(c for c in rest if isinstance(c, int) and not isinstance(c, Token))
        change = _change_of(rest)
        if isinstance(change, ToValue):
            return it.Transpose(first_of(rest, it.Words), 1, None, change.value, kw.start_pos, "detune")
        return it.Transpose(first_of(rest, it.Words), direction, change, None, kw.start_pos, "detune")


def _taken(children) -> bool:
    return any(isinstance(c, Token) and c.type == "TURN" and str(c).lower() == "take" for c in children)


def _comparative_word(token: Token) -> str:
    """'lower', 'reduce', 'decrease' after a module all mean lower (its pitch); 'speed it up' is
    'speed up'."""
    if token.type == "LOWER":
        return "lower"
    return re.sub(r"\s+(?:it|this|things)\s+", " ", str(token).lower())


_FASTER = {"faster", "quicker", "speed up", "speed-up"}
_TEMPO_WORDS = {*_FASTER, "slower", "slow", "slow down", "slow-down"}
_THE_MUSIC = {(), ("it",), ("this",), ("things",), ("everything",), ("the", "music"), ("music",)}


def _set_or_tempo(word: Token, ref: it.Words | None, value: it.Value):
    """'slow it down to 90', 'speed up to 140': the tempo, unless a module is named or the value
    has a unit ('make the lfo faster to 3 hz', 'faster to 5 hz' on a focused lfo)."""
    texts = ref.texts if ref is not None else ()
    if _comparative_word(word) in _TEMPO_WORDS and texts in _THE_MUSIC and value.unit is None:
        return it.Tempo(value, way=1 if _comparative_word(word) in _FASTER else -1)
    return it.SetParam(ref or it.Words((it.Word("it", word.start_pos),)), value)


def _column(value) -> int:
    return value.start_pos if isinstance(value, Token) else value.column


def _change_of(children):
    return next((c for c in children if isinstance(c, (it.Value, ToValue))), None)


#: "push the cutoff" / "pull it": a change without 'up' or 'down'.
_PUSH = {"push": 1, "nudge": 1, "pull": -1}
#: Band talk whose 'it' is the whole music, not one param: (verb, direction) → the readings it has.
_BAND_TALK = {("push", None): "'tempo up 4' (faster) — or — 'turn it up' (louder)",
              ("nudge", None): "'tempo up 2' (faster) — or — 'turn it up' (louder)",
              ("pull", None): "'tempo down 4' (slower) — or — 'turn it down' (quieter)",
              ("take", 1): "'transpose up a half step' (a key change) — or — 'turn it up' (louder)",
              ("drop", None): f"'mute everything' (everyone out) — or — the part in focus by name ({FOCUSED_MUTE})",
              ("kill", None): f"'stop' (the music) — or — the part in focus by name ({FOCUSED_MUTE})",
              ("shut", None): "'stop' (the music) — or — 'close the filter' (darker)"}


def _band_talk(verb: str, words: it.Words | None, direction: int | None) -> None:
    """'push it', 'take it up': said of the music as a whole, a tempo, a key or a level — never
    guessed (a gain raised when a band leader meant a modulation is heard on stage)."""
    if words is not None and words.texts in (("it",), ("this",), ("that",), ("things",)) and (verb, direction) in _BAND_TALK:
        raise LanguageError(f"that could mean {_BAND_TALK[verb, direction]}: say which", words.column)
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
    "wide": ("narrower", "wider"), "narrow": ("wider", "narrower"), "thin": ("fatter", "thinner"),
    "deep": ("shallower", "deeper"), "shallow": ("deeper", "shallower"),
}


def set_with_equals(intent, line: str):
    """'bass = -3db', 'bass=-3db': a value after '=' is set, never a step (the grammar drops the '=' as it drops 'to')."""
    if isinstance(intent, it.SetParam) and intent.bare and "=" in line[:intent.value.column]:
        return replace(intent, bare=False)
    return intent
