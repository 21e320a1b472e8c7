"""The words the mapper reads by meaning, and the small readings every family of intents shares.

Kept apart from the intent handlers so that each family (modules, values, changes, levels,
edges, sequencer, shell) can import the same tables — what "brighter" or "vibrato" means,
which words say "track" — without importing one another.
"""
from __future__ import annotations

import re

from ..engine.catalogue import module_spec
from ..engine.params import ModuleSpec, ParamError, ParamSpec, did_you_mean, format_number
from ..engine.sequencer_verbs import SWING, TEMPO
from ..protocol.message import Message
from . import intents as it
from .errors import LanguageError, with_hint
from .resolve import type_named
from .units import canonical_unit, convert, quantity, tidy


SEQ_PARAMS = {"tempo": TEMPO, "bpm": TEMPO, "swing": SWING, "shuffle": SWING}
ID_SHAPE = re.compile(r"^[a-z][a-z0-9_]{0,31}$")
AUTO_ID = re.compile(r"^([a-z_]+?)\d+$")
SEQUENCER_WORDS = {"sequencer", "seq", "everything", "all", "music", "playback", "patterns",
                   "pattern", "tracks", "all patterns", "all tracks", "beat", "loop", "it all"}
SCREEN_WORDS = {"screen", "console", "terminal"}
#: A track's name when it differs from its drum's type: the hat plays the "hats".
TRACK_NAMES = {"hat": "hats"}
TRACK_WORDS = ("pattern", "track", "part", "groove", "line", "loop", "beat")
LIST_TOPICS = {"modules": "modules", "module": "modules", "patch": "modules", "types": "types",
               "params": "params", "tracks": "tracks", "playing": "tracks", "sessions": "sessions"}
LEVEL = ("gain", "mix")
#: A module's level when it is named instead of a param ("more lfo", "mute the lfo").
LEVEL_OF_MODULE = ("gain", "mix", "depth")
PITCH = ("pitch",)
#: "brighter" → (direction, params tried in order); "@tempo" is the sequencer's tempo.
COMPARATIVES: dict[str, tuple[int, tuple[str, ...]]] = {}
for _words, _direction, _params in (
    ("brighter", 1, ("cutoff", "tone")), ("darker duller", -1, ("cutoff", "tone")),
    ("louder", 1, LEVEL), ("quieter softer", -1, LEVEL),
    ("faster quicker speed-up", 1, ("rate", "@tempo")),
    ("slower slow slow-down", -1, ("rate", "@tempo")),
    ("wetter", 1, ("mix",)), ("drier dryer", -1, ("mix",)),
    ("bigger larger", 1, ("room",)), ("smaller", -1, ("room",)),
    ("higher", 1, PITCH), ("lower", -1, PITCH),
    ("longer", 1, ("decay", "release", "time")), ("shorter", -1, ("decay", "release", "time")),
    ("dirtier grittier harder heavier", 1, ("drive",)), ("cleaner", -1, ("drive",)),
    ("wider", 1, ("width",)), ("narrower thinner", -1, ("width",)),
    ("deeper", 1, ("depth",)), ("shallower", -1, ("depth",)),
    ("punchier", 1, ("punch",)), ("snappier", 1, ("snap",)), ("squelchier", 1, ("resonance", "q")),
):
    for _word in _words.split():
        COMPARATIVES[_word] = (_direction, _params)
#: Effects made of an LFO: (target param names, rate Hz, depth).
LFO_EFFECTS = {"vibrato": (PITCH, 5.0, 0.01), "tremolo": (LEVEL, 4.0, 0.5),
               "wobble": (("cutoff", "tone") + PITCH, 2.0, 0.5)}
QUERY_PARAMS = {"how loud": LEVEL, "how fast": ("rate", "@tempo"), "how high": PITCH}
PRONOUN_REFS = (("it",), ("that",), ("this",), ("them",), ("everything",), ("all",))


def message(address: str, *args) -> Message:
    return Message(address, tuple(args))


def checked(spec: ParamSpec, amount: float, column: int | None = None) -> float:
    """`amount` as `spec` accepts it, or the range error (with a did-you-mean) at `column`."""
    try:
        return spec.coerce(tidy(amount))
    except ParamError as err:
        raise LanguageError(with_hint(str(err), err.suggestions), column) from None


def playable(hz: float, name: str | None, column: int) -> float:
    """`hz` if an oscillator can play it (its freq range, which the engine checks for gates too)."""
    pitch = module_spec("sine").param("freq")
    if not pitch.low <= hz <= pitch.high:
        what = f"{name} is {format_number(hz)} Hz" if name else f"{format_number(hz)} Hz is out of range"
        raise LanguageError(f"{what}: notes play from {pitch.range_text()} Hz", column)
    return hz


def seq_param(words: it.Words | None) -> ParamSpec | None:
    """TEMPO or SWING when the words name one ('swing', 'swing it', 'the tempo of it')."""
    if words is None:
        return None
    texts = [t for t in words.texts if t not in _THE_MUSIC]
    return SEQ_PARAMS.get(texts[0]) if len(texts) == 1 else None


_THE_MUSIC = {"it", "this", "things", "everything", "music", "of"}


def track_words(words: it.Words) -> it.Words:
    """'the kick pattern' → 'kick': words that only say "track" are dropped."""
    kept = tuple(w for w in words.items if w.text.lower() not in TRACK_WORDS)
    return it.Words(kept) if kept else words


def track_name(words: it.Words) -> str:
    words = track_words(words)
    type_name = type_named(words.texts)
    return TRACK_NAMES.get(type_name, type_name) if type_name else "_".join(words.texts)


def primary_param(spec: ModuleSpec, value: it.Value) -> ParamSpec:
    """The param a bare value sets on a module: the first one whose unit fits the value."""
    numeric = [p for p in spec.params if not p.is_enum]
    if value.kind == "word":
        for param in spec.params:
            if param.is_enum and value.text in param.choices:
                return param
        choices = [c for p in spec.params for c in p.choices] + list(COMPARATIVES)
        hints = tuple(h for h in did_you_mean(value.text, choices) if h != value.text)
        raise LanguageError(with_hint(f"{spec.type} has no setting {value.text!r}", hints), value.column, hints)
    preferred = numeric
    if value.kind in ("number", "unit") and canonical_unit(value.unit)[0] in ("bars", "beats", "steps"):
        timed = [p for p in numeric if p.unit.lower() in ("s", "ms") or (p.name == "rate" and p.unit == "Hz")]
        if timed:
            return timed[0]                               # "add a delay of a dotted eighth"
    if value.kind == "number" and quantity(value)[1] in ("%", "db"):     # "snare 70%": its level
        levels = [spec.param(n) for n in LEVEL_OF_MODULE if spec.has_param(n)]
        preferred = levels + [p for p in numeric if p.unit in ("ratio", "dB")] + numeric
    elif value.kind == "number" and value.unit is None and "/" not in value.text and numeric \
            and numeric[0].low is not None:
        first, number = numeric[0], float(value.number)
        levels = [spec.param(n) for n in LEVEL_OF_MODULE if spec.has_param(n)]
        if not first.low <= number <= first.high and levels and levels[0].low <= number <= levels[0].high:
            preferred = levels + numeric                  # "kick 0.9": no pitch is 0.9 Hz, a level is
    for param in preferred:
        try:
            convert(param, value)
            return param
        except LanguageError:
            continue
    raise LanguageError(f"{spec.type} has no param that takes {value.unit or 'that'}", value.column)
