"""A Tidal line, as a Tidal user types it ('d1 $ s "bd*4"', 'd2 $ sound "~ sn ~ [sn*4]"', 'snare
pattern "~ sn ~ sn"', 'd1 # lpf 2000', 'kick (3,8)'), said the language's way for the second stage.

In Tidal a quoted pattern spans one cycle (here a bar of 16 steps) and its top-level words share it
equally; the shell's own pattern counts one character a step. So the sample words are spread over
the bar here, one row of steps per part ('kick x...x...x...x...'); a hit that falls between two
16ths, or a word that names no part, leaves the line refused (Tidal's `x*4` inside the shell's own
patterns keeps the shell's meaning: a roll).
"""
from __future__ import annotations

import re
from fractions import Fraction

from ..engine.mini_notation import bjorklund

STEPS = 16
#: Tidal's sample names → the part (track) that plays them.
SAMPLES = {"bd": "kick", "kick": "kick", "sn": "snare", "sd": "snare", "snare": "snare", "hh": "hats", "hc": "hats",
           "ch": "hats", "hat": "hats", "hats": "hats", "hh27": "hats"}
#: Tidal's effect params said after '#' → the language's words.
EFFECTS = {"lpf": "cutoff", "cutoff": "cutoff", "resonance": "resonance", "lpq": "resonance", "room": "reverb room",
           "delayfeedback": "delay feedback", "delaytime": "delay time", "shape": "drive", "crush": "bitcrush",
           "gain": "gain", "pan": "pan"}
#: Tidal's pan runs 0 (left) – 1 (right), 0.5 the centre; the shell's −1 – 1.
_TIDAL_PAN = {"pan": lambda v: 2 * v - 1}

_LINE = re.compile(r"^(?:(?:d\d+|p\s+\S+)\s*\$\s*)?(?:(?P<part>kick|snare|hats?|bass)\s+(?:pattern\s+|plays?\s+)?)?"
                   r"(?:(?:s|sound)\s+)?\"(?P<pattern>[^\"]+)\"(?P<rest>(?:\s*#\s*[a-z]+\s+-?[\d.]+)*)$", re.I)
_EUCLID = re.compile(r"^(?P<part>kick|snare|hats?|bass)\s*(?P<pattern>\(\d+\s*,\s*\d+(?:\s*,\s*\d+)?\))$", re.I)
_EFFECT_ONLY = re.compile(r"^(?:d\d+\s*|(?P<part>[a-z]\w*)\s*)?((?:\s*#\s*[a-z]+\s+-?[\d.]+)+)$", re.I)
_EFFECT = re.compile(r"#\s*([a-z]+)\s+(-?[\d.]+)", re.I)
_TOKEN = re.compile(r"\s*(\[|\]|<|>|~|[a-z][\w:]*|\*\d+|!\d*|\(\d+\s*,\s*\d+(?:\s*,\s*\d+)?\)|\?[\d.]*)", re.I)


def tidal_line(text: str) -> tuple[str, str] | None:
    """(how it was read, the line said the grammar's way), or None when it is no Tidal line."""
    effects = _EFFECT_ONLY.match(text.strip())
    if effects:                                       # 'hats # gain 0.6': the part's own
        said = _effects(effects.group(2), effects.group("part"))
        return (f"Tidal: {said}", said) if said else None
    match = _LINE.match(text.strip()) or _EUCLID.match(text.strip())     # 'kick (3,8)': Tidal's euclid, bare
    if match is None:
        return None
    try:
        pattern = match.group("pattern")
        hits = _spread(_parse("x" + pattern if pattern.startswith("(") else pattern), Fraction(0), Fraction(STEPS))
    except ValueError:
        return None
    rows: dict[str, list[str]] = {}
    for at, word in hits:
        part = match.group("part") or SAMPLES.get(word.split(":")[0].lower())
        if part is None or at.denominator != 1:
            return None
        part = "hats" if part.lower().startswith("hat") else part.lower()
        rows.setdefault(part, ["."] * STEPS)[int(at)] = "x"
    if not rows:
        return None
    lines = [f"{part} {''.join(row)}" for part, row in rows.items()]
    extra = _effects(match.groupdict().get("rest") or "")
    line = ", ".join(lines + ([extra] if extra else []))
    return f"Tidal: {line}", line


def _effects(text: str, part: str | None = None) -> str | None:
    """'# lpf 800 # pan 0.8' said the language's way, on `part` when one is named ('hats # room 0.3':
    a reverb on the hats, its room 0.3)."""
    said = []
    for name, value in _EFFECT.findall(text):
        if name.lower() not in EFFECTS:
            return None
        value = _TIDAL_PAN.get(name.lower(), float)(float(value.rstrip(".")))    # ('# gain 0.6.': a full stop)
        words = EFFECTS[name.lower()]
        if part and " " in words:                     # an effect's param: that effect on the part
            said += [f"add a {words.split()[0]} to the {part}", f"{words} {value:g}"]
        else:
            said.append(f"{part + ' ' if part else ''}{words} {value:g}")
    return ", ".join(said) or None


def _parse(text: str) -> list:
    """Mini-notation → nested lists: a word, '~', ('seq', items), ('fast', item, n), ('euclid', item, k, n, r)."""
    tokens, at = [], 0
    while at < len(text.rstrip()):
        match = _TOKEN.match(text, at)
        if match is None:
            raise ValueError(text[at:])
        tokens.append(match.group(1))
        at = match.end()
    items, rest = _sequence(tokens, "")
    if rest:
        raise ValueError(rest)
    return items


def _sequence(tokens: list[str], close: str) -> tuple[list, list[str]]:
    items: list = []
    while tokens and tokens[0] != close:
        token, tokens = tokens[0], tokens[1:]
        if token in ("[", "<"):
            inner, tokens = _sequence(tokens, "]" if token == "[" else ">")
            if not tokens:
                raise ValueError("unclosed")
            tokens = tokens[1:]
            items.append(("seq", inner) if token == "[" else inner[0] if inner else "~")   # <a b>: the first cycle's
        elif token.startswith("*") and items:
            items[-1] = ("fast", items[-1], int(token[1:]))
        elif token.startswith("!") and items:
            items += [items[-1]] * (int(token[1:]) - 1 if len(token) > 1 else 1)
        elif token.startswith("(") and items:
            numbers = [int(n) for n in re.findall(r"\d+", token)]
            items[-1] = ("euclid", items[-1], numbers[0], numbers[1], numbers[2] if len(numbers) > 2 else 0)
        elif token.startswith("?"):
            continue                                      # a chance: the hit is kept, as written
        elif token in ("]", ">", "*", "!", "("):
            raise ValueError(token)
        else:
            items.append(token)
    return items, tokens


def _spread(items: list, start: Fraction, span: Fraction) -> list[tuple[Fraction, str]]:
    """The hits of a sequence that shares `span` steps from `start` equally: (step, word)."""
    if not items:
        return []
    slot = span / len(items)
    hits = []
    for index, item in enumerate(items):
        hits += _hits(item, start + index * slot, slot)
    return hits


def _hits(item, start: Fraction, span: Fraction) -> list[tuple[Fraction, str]]:
    if item == "~":
        return []
    if isinstance(item, str):
        return [(start, item)]
    if item[0] == "seq":
        return _spread(item[1], start, span)
    if item[0] == "fast":
        return _spread([item[1]] * item[2], start, span)
    _, inner, hits, steps, rotate = item
    pulses = bjorklund(hits, steps)
    pulses = pulses[rotate % steps:] + pulses[:rotate % steps]
    return _spread([inner if pulse else "~" for pulse in pulses], start, span)


__all__ = ["tidal_line"]
