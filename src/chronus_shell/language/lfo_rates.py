"""An LFO's rate said as a musician counts it ('lfo on the bass filter, one every quarter', 'wobble the reese filter,
twice a bar', 'lfo on the pad filter slower, one cycle every 4 bars'): the rate as the note value or the bars of one
cycle, as the grammar says it ('at 1/4', 'at 1/2', 'at 4 bars'); a 'slower' or 'faster' said with it is that rate,
and one the rate contradicts (slower, yet faster than the LFO is now) is refused. PWM said of a part ('pwm on the
bass, a slow lfo on the width'): an LFO on its pulse width."""
from __future__ import annotations

import re

from .errors import LanguageError
from .patch_model import PatchModel

_VALUES = {"whole": "1/1", "bar": "1/1", "measure": "1/1", "half": "1/2", "quarter": "1/4", "beat": "1/4", "crotchet": "1/4",
           "eighth": "1/8", "8th": "1/8", "quaver": "1/8", "sixteenth": "1/16", "16th": "1/16"}
_TIMES = {"twice": "1/2", "two times": "1/2", "four times": "1/4", "4 times": "1/4", "eight times": "1/8", "8 times": "1/8"}
_COUNTS = {"one": 1, "two": 2, "four": 4, "eight": 8, "sixteen": 16}
_RATE = re.compile(
    r"(?:(?:at\s+)?(?:one(?:\s+(?:cycle|wobble|sweep))?|once)\s+(?:every|per|a|each)\s+(?:half\s+(?P<half>bar)|(?P<value>" + "|".join(_VALUES)
    + r"))(?:\s+notes?)?|(?P<times>" + "|".join(_TIMES) + r")\s+(?:a|per|every|each)\s+bar|every\s+half\s+(?P<half2>bar)|"
    r"(?:(?:one|once)(?:\s+(?:cycle|wobble|sweep))?\s+)?every\s+(?P<n>\d+|two|four|eight|sixteen)\s+(?P<unit>bars|beats))", re.I)
_LINE = re.compile(rf"^(?P<head>(?:(?:an?|the)\s+)?(?:(?:little|small|subtle|gentle|slow|fast)\s+)?(?:lfo|wobble)\b.*?)(?:\s*,\s*|\s+)"
                   rf"(?:(?:like|about|around|roughly|say|maybe)\s+)?(?P<rate>{_RATE.pattern})[\s.!]*$", re.I)
_WAY = re.compile(r"\s+(?P<way>slower|faster)\b", re.I)
#: How fast the LFO is said in a word beside its rate ('slow lfo …', '…, slow, one every 2 bars'): the rate says how slow.
_SPEED_WORD = re.compile(r"^(?:(?:an?|the)\s+)?(?:slow|fast)\s+|\s*,\s*(?:slow|fast|quick|gentle)$", re.I)
_PWM = re.compile(r"^(?:add\s+)?pwm\s+(?:on|to)\s+(?:the\s+)?(?P<part>[\w-]+)(?:\s*,\s*(?:an?\s+)?(?:slow|gentle|fast|quick)?\s*lfo\s+on\s+"
                  r"(?:the\s+|its\s+)?(?:pulse\s+)?width)?[\s.!]*$", re.I)


def lfo_rate(line: str, model: PatchModel) -> tuple[str, str] | None:
    """(how it was read, the line in the grammar's words) for an LFO's rate counted so or PWM said, else None."""
    pwm = _PWM.match(line.strip())
    if pwm is not None:
        return f"pwm: an lfo on the {pwm['part']}'s pulse width", f"lfo on the {pwm['part']} width"
    match = _LINE.match(line.strip())
    if match is None:
        return None
    rate = _RATE.fullmatch(match["rate"])
    if rate["half"] or rate["half2"]:
        value = "1/2"
    elif rate["value"]:
        value = _VALUES[rate["value"].lower()]
    elif rate["times"]:
        value = _TIMES[re.sub(r"\s+", " ", rate["times"].lower())]
    else:
        count = int(rate["n"]) if rate["n"].isdigit() else _COUNTS[rate["n"].lower()]
        if count == 0:
            raise LanguageError("one cycle every 0 bars is no rate: say how many bars (or beats) a cycle lasts", 0)
        value = f"{count} bars" if rate["unit"].lower() == "bars" else f"{count}/4"
    head, way = _SPEED_WORD.sub("", _WAY.sub("", match["head"])), _WAY.search(match["head"])
    if way is not None:
        _check_way(way["way"].lower(), value, model)
    return f"{match['rate'].strip()}: at {value}", f"{head.strip()} at {value}"


def _check_way(way: str, value: str, model: PatchModel) -> None:
    """A rate said with 'slower' that is faster than the one LFO's now (or 'faster', slower) is no rate meant."""
    lfos = [m for m, kind in model.modules.items() if kind == "lfo"]
    if len(lfos) != 1:
        return
    top, _, bottom = value.removesuffix(" bars").partition("/")
    new = model.bpm / 60 / (4 * int(top) / int(bottom or 1))
    now = float(model.value(lfos[0], "rate"))
    if not (new < now if way == "slower" else new > now):
        raise LanguageError(f"'{way}' and one cycle every {value}: that is {new:.3g} Hz, and the lfo is at {now:.3g} Hz "
                            f"now — say the rate alone", 0)


__all__ = ["lfo_rate"]
