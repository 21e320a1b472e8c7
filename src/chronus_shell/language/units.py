"""Numbers, units and note names → canonical values in a param's own unit.

Every ParamSpec has a unit (Hz, ms, s, dB, cents, ratio, enum); every number the user types may
carry one (hz, khz, k, ms, s, %, dB, bpm, cents, octaves, semitones, note names). A value in a
unit converts to the param's unit. A plain number is in the param's own unit (never reread as a
percent). Percent of a fraction is value/100 (`feedback 60%` → 0.6); of a Hz param or a wide
ratio (a filter's q, a drive), a point along its log range (`cutoff 50%` → the geometric middle);
of anything else, a point along its range.
"""
from __future__ import annotations

import math
import re
from fractions import Fraction

from ..engine import notes
from ..engine.params import ParamError, ParamSpec, format_number
from .errors import LanguageError, with_hint
from .intents import Value

# typed unit → (canonical unit, multiplier into the canonical unit)
UNIT_ALIASES: dict[str, tuple[str, Fraction]] = {}
for _canonical, _factor, _spellings in (
    ("hz", 1, "hz hertz"), ("hz", 1000, "khz k kilohertz"),
    ("ms", 1, "ms millisecond milliseconds msec msecs"),
    ("s", 1, "s sec secs second seconds"),
    ("%", 1, "% percent"), ("db", 1, "db dbfs decibel decibels"), ("bpm", 1, "bpm tempo"),
    ("cents", 1, "cent cents"), ("semitones", 1, "semitone semitones semi semis st"),
    ("semitones", 1, "half-step half-steps"), ("semitones", 2, "whole-step whole-steps whole-tone whole-tones"),
    ("semitones", 5, "fourth fourths"), ("semitones", 7, "fifth fifths"),
    ("octaves", 1, "octave octaves oct"),
    ("bars", 1, "bar bars"), ("steps", 1, "step steps"), ("beats", 1, "beat beats"),
):
    for _spelling in _spellings.split():
        UNIT_ALIASES[_spelling] = (_canonical, Fraction(_factor))
#: Note lengths, in beats of 4/4: "a quarter note", "an eighth", "dotted eighth", "1/8 note".
NOTE_LENGTHS = {"whole": Fraction(4), "half": Fraction(2), "quarter": Fraction(1),
                "eighth": Fraction(1, 2), "8th": Fraction(1, 2), "sixteenth": Fraction(1, 4),
                "16th": Fraction(1, 4)}
for _name, _beats in NOTE_LENGTHS.items():
    for _dotted, _factor in (("", 1), ("dotted-", Fraction(3, 2))):
        for _suffix in ("-note", "-notes") + (("", "s") if _name not in ("whole", "half", "quarter") or _dotted else ()):
            UNIT_ALIASES[f"{_dotted}{_name}{_suffix}"] = ("beats", _beats * _factor)

NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
    "half": Fraction(1, 2), "quarter": Fraction(1, 4), "quarters": Fraction(1, 4),
    "third": Fraction(1, 3), "thirds": Fraction(1, 3),
}
_FRACTIONS = ("half", "quarter", "quarters", "third", "thirds")

#: Relative steps without an amount: frequencies and times move by a musical factor (three
#: semitones), dB by 3 dB, cents by 10 (a detune a musician hears as
#: a chorus, never a semitone out of tune: trial), everything else by a tenth of its range.
FACTOR_STEP = 2 ** 0.25
DB_STEP = 3.0
BPM_STEP = 5.0
CENTS_STEP = 10.0
LINEAR_STEP_FRACTION = 0.1

_MULTIPLICATIVE_UNITS = ("hz", "ms", "s")
_WORD_VALUES = ("max", "maximum", "full", "min", "minimum", "default")


def parse_number(text: str) -> Fraction:
    """'1.2' → 6/5, '1,200' → 1200, 'four' → 4, 'two hundred and fifty' → 250 (exact)."""
    lowered = text.lower()
    if lowered in NUMBER_WORDS:
        return Fraction(NUMBER_WORDS[lowered])
    if lowered[-1:].isalpha():
        return number_words(lowered)
    return Fraction(lowered.replace(",", ""))


def number_words(text: str) -> Fraction:
    """Spelled numbers: 'one hundred and ten' → 110, 'one twenty' → 120 (as a tempo is said),
    'one and a half' → 3/2, 'three quarters' → 3/4, 'one half' → 1/2, 'a third' → 1/3."""
    tokens = [w for w in re.split(r"[\s-]+", text) if w]
    joined = {i for i, w in enumerate(tokens) if i and tokens[i - 1] not in ("and", "a")}   # 'one half', not 'one and a half'
    words = [(w, i in joined) for i, w in enumerate(tokens) if w not in ("and", "a")]
    total, current, previous = Fraction(0), Fraction(0), None
    for word, straight_after in words:
        value = Fraction(NUMBER_WORDS[word])
        if word in _FRACTIONS:
            if previous is not None and previous not in _FRACTIONS and 1 <= current < 10 and (word.endswith("s") or straight_after):
                current = current * value             # "three quarters", "one half"
            else:
                current += value                      # "one and a half", "a quarter"
        elif word == "hundred":
            current = (current or 1) * 100
        elif word == "thousand":
            total += (current or 1) * 1000
            current = Fraction(0)
        elif value >= 20 and previous is not None and 1 <= current < 10 and previous not in ("hundred",):
            current = current * 100 + value           # "one twenty" → 120
        else:
            current += value
        previous = word
    return total + current


def canonical_unit(text: str | None) -> tuple[str | None, Fraction]:
    if text is None:
        return None, Fraction(1)
    return UNIT_ALIASES[re.sub(r"[\s-]+", "-", text.lower())]


def _spelled(text: str) -> str:
    """'Middle C' → 'c4'; anything else as typed, with spaces and case tidied."""
    lowered = " ".join(text.lower().split())
    return "c4" if lowered == "middle c" else lowered


def note_name(text: str) -> str:
    """Canonical spelling of a note, 'middle c' included: 'C#3' → 'c#3', 'Eflat4' → 'eb4'."""
    return notes.note_name(_spelled(text))


def note_to_hz(text: str) -> float:
    """Equal temperament, A4 = 440 Hz: 'a2' → 110.0, 'c#3' → 138.591315."""
    return tidy(notes.note_to_hz(_spelled(text)))


def tidy(value: float) -> float:
    """Round away binary noise (1.2 × 1000 = 1200.0000000000002) without losing precision."""
    if abs(value) >= 1e9:
        return float(value)
    rounded = round(value, 6)
    if abs(rounded) >= 1 and abs(rounded - round(rounded)) <= 2e-6:
        return float(round(rounded))      # steps that compound (1.189…³) land on whole numbers
    return float(rounded)


def quantity(value: Value) -> tuple[float, str | None]:
    """A number value as (amount in the canonical unit, canonical unit)."""
    unit, factor = canonical_unit(value.unit)
    number = value.number if value.number is not None else Fraction(1)
    return float(number * factor), unit


def _error(value: Value, message: str, suggestions=()) -> LanguageError:
    return LanguageError(with_hint(message, tuple(suggestions)), value.column, tuple(suggestions))


def convert(spec: ParamSpec, value: Value) -> float:
    """A number with a unit → the param's unit, no range check (also used for deltas)."""
    if value.kind == "note":
        if spec.unit.lower() != "hz":
            raise _error(value, f"{spec.name} takes {spec.unit}, not a note")
        return note_to_hz(value.text)
    amount, unit = quantity(value)
    param_unit = spec.unit.lower()
    if unit is None or unit == param_unit:
        return amount
    if unit == "%":
        return percent(spec, amount)
    table = {
        ("ms", "s"): 0.001, ("s", "ms"): 1000.0,
        ("semitones", "cents"): 100.0, ("octaves", "cents"): 1200.0,
    }
    if (unit, param_unit) in table:
        return amount * table[(unit, param_unit)]
    if unit == "db" and param_unit == "ratio":
        return 10 ** (amount / 20.0)
    raise _error(value, f"{spec.name} takes {spec.unit}, not {unit}")


def percent(spec: ParamSpec, amount: float) -> float:
    """N % of a param: N/100 of a fraction (a ratio whose range ends by 2: feedback, width), a point
    along the log range of Hz or of a wide ratio (a filter's q 0.1–20, a drive 1–50: 'resonance
    60%' is a resonant q, never 0.6), else a point along the range."""
    unit = spec.unit.lower()
    if _fraction(spec):
        return amount / 100.0
    if unit == "db":                                  # "volume 50%": half the amplitude, -6 dB
        return max(spec.low, 20 * math.log10(amount / 100.0)) if amount > 0 else spec.low
    if unit in ("hz", "ratio") and spec.low > 0:
        return spec.low * (spec.high / spec.low) ** max(-2.0, min(2.0, amount / 100.0))   # (past the range: refused, no overflow)
    return spec.low + amount / 100.0 * spec.span


def _fraction(spec: ParamSpec) -> bool:
    """A ratio read as a fraction, 100 % = 1 (gain, feedback, pan, a stereo width up to 2)."""
    return spec.unit.lower() == "ratio" and spec.low >= -1 and spec.high <= 2


def absolute_value(spec: ParamSpec, value: Value) -> float | str:
    """The canonical, validated value for 'PARAM VALUE' (enum choice or number in range)."""
    if spec.is_enum or spec.unit == "bool":
        return _coerce(spec, value.text if value.kind == "word" else float(quantity(value)[0]), value)
    if value.kind == "word":
        word = value.text.lower()
        if word in _WORD_VALUES:
            return spec.default if word == "default" else (spec.high if word.startswith(("max", "full")) else spec.low)
        return _coerce(spec, value.text, value)
    split = re.fullmatch(r"(\d+)\s*/\s*(\d+)", value.text) if value.kind == "number" and value.unit is None else None
    if split and spec.unit == "ratio" and int(split.group(1)) + int(split.group(2)) == 100:
        return _coerce(spec, int(split.group(1)) / 100, value, typed=True)   # 'mix 50/50', '30/70': a wet/dry split
    if value.kind == "number" and value.unit is None and spec.unit == "ms" and 0 < abs(value.number or 0) < 1:
        seconds = format_number(float(value.number))      # 'release: 0.1' is a live coder's seconds, never 0.1 ms
        raise _error(value, f"{spec.name} is in ms, and {seconds} ms is too short to hear — did you mean {seconds} s? "
                            f"say '{spec.name} {format_number(float(value.number) * 1000)} ms'")
    if value.kind == "number" and value.unit is None and spec.unit.lower() == "db" and 0 < (value.number or 0) <= 1:
        if not any(c.isdigit() for c in value.text):                            # 'volume half': of the full level
            return _coerce(spec, tidy(20 * math.log10(value.number)), value)
        said, db = format_number(float(value.number)), format_number(round(20 * math.log10(value.number), 1))
        name = "the volume" if spec.name == "gain" else spec.name              # only the master's level is in dB
        word = "volume" if spec.name == "gain" else spec.name
        raise _error(value, f"{name} is in dB ({format_number(spec.low)} to +{format_number(spec.high)}): {said} could "
                            f"mean {said} dB or a level of {said} ({db} dB) — say '{word} {db} db' or '{word} +{said} db'")
    return _coerce(spec, tidy(convert(spec, value)), value, typed=True)


def relative_value(spec: ParamSpec, current: float, direction: int, amount: Value | None,
                   column: int) -> float:
    """The new value for 'turn X up/down [by AMOUNT]': default steps clamp, explicit ones must fit."""
    if spec.is_enum:
        raise LanguageError(f"{spec.name} is a choice ({spec.range_text()}) — set it by name, "
                            f"e.g. {spec.name} {spec.choices[-1]}", column)
    if amount is None:
        return _default_step(spec, current, direction, column)
    if amount.kind == "word":
        raise _error(amount, f"{amount.text!r} is not an amount")
    number, unit = quantity(amount)
    if number < 0 and direction < 0:                        # 'hats softer -6db': one way said twice, not a double negative
        number = -number
    elif number < 0:
        size = f"{-number:g}{' ' + amount.unit if amount.unit else ''}"
        raise _error(amount, f"up by -{size} pulls both ways: say '{spec.name} up {size}' or '{spec.name} down {size}'")
    param_unit = spec.unit.lower()
    if unit is None and number < 1 and param_unit not in ("ratio", "") and not re.search(r"\d", amount.text):
        way = "up" if direction > 0 else "down"            # 'cutoff down a half': not half a hertz
        raise _error(amount, f"'{way} {amount.text}' of what? a fraction said in words has no unit: say "
                             f"'{way} {'an octave' if param_unit == 'hz' else 'by 10%'}', "
                             f"'{'halve' if direction < 0 else 'double'} the {spec.name}' or a number with its unit")
    if unit in ("octaves", "semitones") and param_unit in _MULTIPLICATIVE_UNITS:
        semitones = number * (12 if unit == "octaves" else 1)
        new = current * 2 ** (direction * semitones / 12)
    elif unit == "cents" and param_unit == "hz":
        new = current * 2 ** (direction * number / 1200)
    elif unit == "db" and param_unit == "ratio":
        new = current * 10 ** (direction * number / 20.0)
        if direction > 0 and spec.name == "gain" and spec.high == 1 and tidy(new) > spec.high and current > 0:   # ('kick 3 db louder' at 0.8)
            room = 20 * math.log10(spec.high / current)
            raise _error(amount, f"{spec.name} is at {current:g} ({20 * math.log10(current):.1f} dB): {number:g} dB up passes "
                                 f"its top (0 dB) — up to {room:.1f} dB fits; for more, raise the master ('master +{number:g} db')")
    elif unit == "%" and (param_unit in (*_MULTIPLICATIVE_UNITS, "bpm") or param_unit == "ratio" and not _fraction(spec)):
        new = current * (1 + direction * number / 100.0)      # "cutoff down 10%", "q up 10%", "tempo down 10%": of its value
    elif unit == "%" and param_unit == "ratio":
        new = current + direction * number / 100.0           # "resonance up 10%": ten points
    elif unit == "%":
        new = current + direction * number / 100.0 * spec.span
    else:
        new = current + direction * convert(spec, amount)
    return _coerce(spec, tidy(new), amount)


def _default_step(spec: ParamSpec, current: float, direction: int, column: int) -> float:
    unit = spec.unit.lower()
    if unit in _MULTIPLICATIVE_UNITS and current > 0:
        new = current * FACTOR_STEP ** direction
    elif unit == "db":
        new = current + direction * DB_STEP
    elif unit == "cents":
        new = current + direction * CENTS_STEP
    elif unit == "bpm":
        new = current + direction * BPM_STEP
    elif unit == "ratio" and spec.low == 0 and 0 < current < LINEAR_STEP_FRACTION * spec.span:
        new = current * 2 ** direction     # a small amount (a vibrato's 0.01): doubled or halved, never off or ×11
    else:
        new = current + direction * LINEAR_STEP_FRACTION * spec.span
    if direction < 0 and new <= spec.low < current and spec.name == "gain" and spec.low == 0:   # (not the master's dB)
        new = current / 2                  # a level stepped down never falls silent: near the floor, half (-6 dB)
    new = tidy(min(max(new, spec.low), spec.high))
    if new == current:
        edge = "maximum" if direction > 0 else "minimum"
        raise LanguageError(f"{spec.name} is already at its {edge} {format_number(new)}", column)
    return new


def scaled_value(spec: ParamSpec, current: float, factor: float, column: int) -> float:
    """'double the cutoff', 'halve the tempo': times the factor (a dB level: +6.02 dB per double)."""
    if spec.unit.lower() == "db":
        new = current + 20.0 * math.log10(factor)
    else:
        new = current * factor
    try:
        return spec.coerce(tidy(new))
    except ParamError as err:
        raise LanguageError(str(err), column, err.suggestions) from None


def _coerce(spec: ParamSpec, raw, value: Value, typed: bool = False):
    """spec.coerce; with `typed`, a refusal quotes the value as typed too ('150% (= 1.425)')."""
    try:
        return spec.coerce(raw)
    except ParamError as err:
        text = str(err)
        unit = canonical_unit(value.unit)[0] if typed and value.kind == "number" and value.unit else None
        shown = f"{spec.name} {format_number(raw)}" if isinstance(raw, (int, float)) else None
        if unit not in (None, spec.unit.lower()) and shown and text.startswith(shown):
            as_typed = f"{value.text}{'' if unit == '%' else ' '}{value.unit}"
            if unit == "%" and " is out of range " in text:       # the range in percent, then in the param's unit
                text = f"{spec.name} {as_typed} is out of range {_percent_range(spec)} ({text.split(' is out of range ')[1]})"
            else:
                text = f"{spec.name} {as_typed} (= {format_number(raw)}){text[len(shown):]}"
        if typed and value.kind == "number" and isinstance(raw, (int, float)):
            text += _range_hint(spec, value, raw)
        raise LanguageError(text, value.column, err.suggestions) from None


def _percent_range(spec: ParamSpec) -> str:
    """The percentages a param takes (the inverse of `percent`): a fraction's range times 100, a dB
    level's amplitude up to its top (+6 dB ≈ 199%), else 0–100% along the range."""
    if _fraction(spec):
        return f"{format_number(spec.low * 100)}–{format_number(spec.high * 100)}%"
    if spec.unit.lower() == "db":
        return f"0–{math.floor(10 ** (spec.high / 20.0) * 100)}%"
    return "0–100%"


def _range_hint(spec: ParamSpec, value: Value, raw: float) -> str:
    """What an out-of-range number probably meant: '— did you mean 11%, or -11 dB?', or the
    relative form for a minus sign ('— to lower it, say cutoff down 50 hz')."""
    unit = canonical_unit(value.unit)[0]
    if value.text.startswith("-") and spec.low >= 0 and unit != "db":
        typed = f"{value.text.lstrip('-')}{'' if unit == '%' else ' '}{value.unit or ''}".strip()
        return f" — to lower it by that much, say '{spec.name} down {typed}'"
    readings = []
    if unit is None and _fraction(spec) and 10 <= raw <= 100 and spec.low <= raw / 100 <= spec.high:
        readings.append(f"{format_number(raw)}%")
    if unit is None and spec.name == "gain" and spec.unit == "ratio" and raw > 1:
        readings.append(f"-{format_number(raw)} dB")
    if unit is None and spec.unit.lower() == "db" and 1 < raw <= 100:     # 'volume 70' on a level in dB
        readings.append(f"{format_number(raw)}% ({format_number(round(20 * math.log10(raw / 100), 1))} dB)")
    if unit is None and spec.unit.lower() == "db" and spec.low <= -raw:
        readings.append(f"-{format_number(raw)} dB")
    if unit is None and spec.unit.lower() == "s" and spec.low <= raw / 1000 <= spec.high:
        readings.append(f"{format_number(raw)} ms")
    return f" — did you mean {', or '.join(readings)}?" if readings else ""


def duration_seconds(value: Value, bpm: Fraction) -> Fraction:
    """Exact length of 'wait VALUE': s, ms, bars (4 beats), beats, steps (16ths) at `bpm`."""
    unit, factor = canonical_unit(value.unit)
    count = (value.number if value.number is not None else Fraction(1)) * factor
    beat = Fraction(60) / bpm
    per_unit = {"s": Fraction(1), "ms": Fraction(1, 1000), "bars": 4 * beat,
                "beats": beat, "steps": beat / 4}
    if unit not in per_unit:
        raise _error(value, "wait needs a time: 2s, 500ms, 4 bars, 16 steps or 1 beat")
    return count * per_unit[unit]


def is_note(text: str) -> bool:
    return notes.is_note(_spelled(text))


__all__ = [
    "absolute_value", "relative_value", "scaled_value", "canonical_unit", "convert", "note_to_hz", "note_name", "is_note",
    "parse_number", "duration_seconds", "tidy", "UNIT_ALIASES", "NUMBER_WORDS",
]
