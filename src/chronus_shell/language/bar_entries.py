"""A part said to come in at a bar: 'the snare comes in at bar 9', 'brass hits at bar 17', 'bass enters on bar 5' —
a part whose track is muted is brought in there (an /at of its unmute, as 'at bar 9 bring in the snare'); a part
that plays already is muted until then (this bar counted as 1, as 'bring the kick in at bar 5' counts it) — said to
hit there, or with nothing to play, it is refused with the line that does it. A bar's pattern said to play
'every 4 bars' is that bar then three of rests ('play x............... on the kick every 4 bars': it said 'x' was
an unknown word)."""
from __future__ import annotations

import re

from .errors import LanguageError
from .patch_model import PatchModel

_ENTRY = re.compile(r"^(?:and\s+|then\s+)?(?:the\s+|my\s+)?(?P<part>[\w-]+)\s+(?:comes?\s+(?:back\s+)?in|enters?|(?P<hits>hits?)|starts?|kicks?\s+in|"
                    r"drops?\s+in|joins(?:\s+in)?|comes?\s+back|is\s+back)\s+(?:at|on|from|in)\s+(?:the\s+)?bar\s+(?P<bar>\d+)[\s.!]*$", re.I)


_EVERY = re.compile(r"^(?P<head>.*?)(?P<bar>(?<![\w.])[xX.\-]{16})(?P<tail>(?:\s+on\s+(?:the\s+)?[\w-]+)?)\s*,?\s+(?:once\s+)?every\s+"
                    r"(?P<n>[2-8]|two|three|four|eight)(?:\s+bars|\s+measures)[\s.!]*$", re.I)
_COUNTS = {"two": 2, "three": 3, "four": 4, "eight": 8}


def bar_every(line: str) -> tuple[str, str] | None:
    """(what was understood, the line with the bar then its rests) for a bar's pattern played once every N bars."""
    match = _EVERY.match(line.strip())
    if not match or "x" not in match["bar"].lower():
        return None
    bars = int(_COUNTS.get(match["n"].lower(), match["n"]))
    steps = match["bar"] + "." * 16 * (bars - 1)
    return f"once every {bars} bars: the bar, then {bars - 1} of rests", f"{match['head']}{steps}{match['tail']}"


def bar_entry(line: str, model: PatchModel, part_named) -> tuple[str, str] | None:
    """(what was understood, the line in the grammar's words) for a muted part brought in at a bar; LanguageError for a
    part that plays already or has no track; None for any other line."""
    match = _ENTRY.match(line.strip())
    if not match:
        return None
    said, bar = match["part"].lower(), int(match["bar"])
    module = part_named(said)
    tracks = _tracks_of(said, model, part_named)
    if tracks is None:
        return None
    muted = [name for name in tracks if model.tracks[name].muted]
    if muted:
        return f"{said} at bar {bar}: brought in there", ", ".join(f"at bar {bar} bring in the {name}" for name in muted)
    if tracks and bar > 1 and not match["hits"]:    # (this bar is bar 1: 'bring the kick in at bar 5' counts so)
        return (f"the {said} come{'' if said.endswith('s') else 's'} in at bar {bar}: muted until then, this bar counted as 1",
                ", ".join(f"mute the {name} for {bar - 1} bars" for name in tracks))
    if tracks and module is not None:
        raise LanguageError(f"the {said} plays already: to have it come in at bar {bar}, 'mute the {said}' now, then "
                            f"'at bar {bar} bring in the {said}'", match.start("bar"))
    if tracks or module is None:
        return None
    raise LanguageError(f"what does the {said} play at bar {bar}? say it, e.g. 'at bar {bar} play a d minor chord on the "
                        f"{said}' or 'at bar {bar} play x... on the {said}'", match.start("bar"))


_N = r"(?P<n>\d+|one|two|three|four|eight|sixteen)"
_WAITS = re.compile(rf"^(?:and\s+|then\s+)?(?:(?:bring|let)\s+(?:in\s+)?(?:the\s+|my\s+)?(?P<a>[\w-]+)(?:\s+(?:in|come\s+in))?|"
                    rf"(?:the\s+|my\s+)?(?P<b>[\w-]+)\s+(?:comes?\s+in|enters?|kicks?\s+in|drops?\s+in|joins?(?:\s+in)?|starts?))\s+"
                    rf"after\s+(?:the\s+first\s+)?{_N}(?:\s+bars?(?:\s+of\s+[^,.!]+)?)?[\s.!]*$|"
                    rf"^(?:the\s+|my\s+)?(?P<c>[\w-]+)\s+waits?\s+(?:for\s+)?{_N.replace('<n>', '<m>')}\s+bars?"
                    rf"(?:\s*,?\s*(?:and\s+)?then\s+(?:comes?\s+in|enters?|joins?(?:\s+in)?))?[\s.!]*$", re.I)
_COUNT_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "eight": 8, "sixteen": 16}
_KIT = frozenset({"drums", "kit", "beat", "percussion", "perc"})


def waited_entry(line: str, model: PatchModel, part_named) -> tuple[str, str] | None:
    """(what was understood, the line in the grammar's words) for a part that comes in after some bars ('the claps
    come in after 4 bars', 'bring the lead in after 4 bars', 'organ waits 2 bars then comes in'): a part that plays is
    muted for those bars — until session 45 'bring the lead in after 4 bars' let it play on, then faded it in again."""
    match = _WAITS.match(line.strip())
    if not match:
        return None
    said = (match["a"] or match["b"] or match["c"]).lower()
    bars = match["n"] or match["m"]
    bars = _COUNT_WORDS.get(bars.lower(), bars)
    tracks = _tracks_of(said, model, part_named)
    if tracks is None:
        return None                                   # ('bring the delay in after 4 bars': the effect's, not a mute)
    playing = [name for name in tracks if not model.tracks[name].muted]
    if not playing or len(playing) != len(tracks):
        return None                                   # (muted, some or all, or no track: the other readings say what to do)
    return (f"the {said} waits {bars} bars, then comes in: muted until then",
            ", ".join(f"mute the {name} for {bars} bars" for name in playing))


def _tracks_of(said: str, model: PatchModel, part_named) -> list[str] | None:
    """The tracks of the part a word names (a voice's, a drum's, the kit's); None for a word naming no part or an
    effect."""
    module = part_named(said)
    spec = model.spec(module) if module in model.modules else None
    if module is not None and (spec is None or spec.role not in ("source", "drum")):
        return None
    if module is not None:
        voice = model.voice_of(module) or [module]
        return [name for name, track in model.tracks.items() if track.target in voice or track.target == module]
    if said in _KIT:
        return [name for name, track in model.tracks.items()
                if model.spec(track.target) is not None and model.spec(track.target).role == "drum"]
    return None


_IN_NOW = re.compile(r"^(?:and\s+|then\s+|now\s+)?(?P<parts>.+?)\s+(?:comes?\s+(?:back\s+)?in|(?:back\s+)?in|enters?|"
                     r"kicks?\s+in|drops?\s+in|joins?(?:\s+in)?)(?:\s+now)?[\s.!]*$", re.I)
_JOINED = re.compile(r"\s*(?:,|\band\b|&)\s*", re.I)


def entry_now(line: str, model: PatchModel, part_named) -> tuple[str, str] | None:
    """(what was understood, the unmute) for muted parts said to come in ('log drum in now', 'drums in', 'kick and
    hats come in'): a name of two words, a group or several parts — one word alone is the grammar's already."""
    match = _IN_NOW.match(line.strip())
    if not match:
        return None
    muted = []
    for said in _JOINED.split(match["parts"].lower()):
        said = re.sub(r"^(?:the|my)\s+", "", said.strip())
        tracks = _tracks_of(said, model, part_named) or _tracks_of(said.replace(" ", ""), model, part_named)
        if not tracks:
            return None                               # (a word naming no part: 'fade in', 'zoom in' are others')
        muted += [name for name in tracks if model.tracks[name].muted and name not in muted]
    if not muted:
        return None                                   # (nothing muted: the other readings say so)
    return f"{match['parts']} in: unmuted", f"unmute {' and '.join(muted)}"


__all__ = ["bar_entry", "bar_every", "entry_now", "waited_entry"]
