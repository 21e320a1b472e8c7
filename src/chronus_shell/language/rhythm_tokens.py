"""The words and regex pieces of rhythm phrases (parser_rhythm_rules builds its forms from them)."""
from __future__ import annotations

import re

_NUM_WORDS = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
              "sixteen|seventeen|eighteen|nineteen|twenty|twenty[- ]four|thirty[- ]two")
NUM = rf"(?:\d+|{_NUM_WORDS})"
#: A track: one or two words, not a word of these phrases (so "play", "only"… are never a track).
_NOT_TRACK = (r"(?!(?:play|plays|playing|only|on|of|in|over|at|to|by|the|a|an|and|hits?|time|times|euclid\w*|"
              r"roll|reverse|double|half|triplets?|chance|probability|shift|move|nudge|humani[sz]e)\b)")
TRACK = (rf"(?:(?:the|my|those|these|that|this|our)\s+)?(?P<track>whole\s+(?:kit|beat|groove|thing)|all\s+(?:the\s+)?"
         rf"(?:drums|tracks)|{_NOT_TRACK}[a-z][\w-]*(?:\s+(?:drums?|hats?|hihats?|line|track|part|pattern|rhythm|"
         rf"groove|loop))?)")
HITS = r"(?:hits?|beats?|notes?|pulses?|onsets?|strokes?|kicks?|hats?|snares?|claps?)"
SPREAD = r"(?:spread\s+|evenly\s+)?(?:over|in|across|of|out\s+of|per|into|within|on)"
STEPS = r"(?:\s+(?:steps?|sixteenths?|16ths?|slots?|pulses?))?"
ROTATE = rf"(?:,?\s*(?:rotated|rotate|shifted|offset)\s+(?:by\s+)?(?P<rot>-?{NUM})(?:\s+steps?)?)?"
PCT = r"(?P<pct>\d+(?:\.\d+)?)\s*(?:%|percent|per\s*cent)"
FRACTION = (r"(?P<frac>half|a\s+half|a\s+quarter|a\s+third|one\s+third|two\s+thirds|three\s+quarters|"
            r"one\s+(?:in|out\s+of)\s+\d+|\d+\s+(?:in|out\s+of)\s+\d+)")
OFTEN = {"sometimes": 0.5, "occasionally": 0.25, "rarely": 0.25, "seldom": 0.25, "often": 0.75, "usually": 0.75,
         "most of the time": 0.75, "some of the time": 0.5, "randomly": 0.5, "at random": 0.5,
         "almost never": 0.1, "hardly ever": 0.1, "almost always": 0.9, "every now and then": 0.25,
         "now and then": 0.25, "every time": 1.0, "always": 1.0, "all the time": 1.0, "random": 0.5,
         "randomize": 0.5, "randomise": 0.5}
OFTEN_WORDS = "|".join(sorted((k.replace(" ", r"\s+") for k in OFTEN), key=len, reverse=True))
UNIT_STEPS = {"step": 1, "sixteenth": 1, "16th": 1, "tick": 1, "semiquaver": 1, "eighth": 2, "8th": 2, "quaver": 2,
              "beat": 4, "quarter": 4, "crotchet": 4, "minim": 8, "bar": 16, "1/16": 1, "1/8": 2, "half": 8, "halve": 8,
              "whole": 16, "semibreve": 16, "dotted eighth": 3, "dotted quaver": 3, "dotted quarter": 6,
              "dotted crotchet": 6, "dotted half": 12, "dotted minim": 12}
UNIT = (r"(?P<unit>steps?|sixteenths?|16ths?|ticks?|semiquavers?|(?:dotted\s+)?(?:eighths?|8ths?|quavers?|quarters?|crotchets?|"
        r"minims?|half(?=\s+notes?)|halves)|beats?|whole(?=\s+notes?)|semibreves?|bars?)(?:\s+notes?)?")
DIRECTION = r"(?P<dir>later|late|forwards?|right|along|behind|earlier|early|left|ahead|backwards?|back)"
SHIFT_VERB = r"(?P<verb>shift|move|nudge|push|pull|rotate|offset|slide|drag|delay|displace|lay|sit)"
AMOUNT = (r"(?:\s+(?:(?P<little>a\s+little(?:\s+bit)?|a\s+lil|slightly|a\s+bit|a\s+touch|a\s+tad|a\s+smidge|subtly|"
          r"gently|lightly)|"
          r"(?P<lot>a\s+lot|heavily|hard|really|very|loads)|(?:by\s+)?" + PCT + r"|(?:by\s+|to\s+|at\s+)?"
          r"(?P<ratio>0?\.\d+|0|1(?:\.0+)?)(?![\d.%])))?")                        # 'humanize hats 0.3': a ratio
SUBDIVISION = {"e": 1, "and": 2, "&": 2, "n": 2, "'n": 2, "+": 2, "upbeat": 2, "offbeat": 2, "off-beat": 2,
                "a": 3, "ah": 3, "uh": 3}
POSITION = (r"(?:the\s+)?(?:[\'\"]?(?P<sub>e|and|&|'?n|\+|a|ah|uh|upbeat|off-?beat)[\'\"]?\s+of\s+)?(?:beat\s+)?"
            r"(?P<beat>[1-4]|one|two|three|four|first|second|third|fourth|1st|2nd|3rd|4th)")
#: Beats said as ordinals ('on the first and third beats').
ORDINAL_BEATS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
ROLL_COUNT = {"double": 2, "triple": 3, "quadruple": 4, "quad": 4}
#: Rhythms known by name, as one bar of 16ths (a clave said without its side is the 3-2).
RHYTHM_NAMES = {
    "son clave": "x..x..x...x.x...", "3-2 clave": "x..x..x...x.x...", "3-2 son clave": "x..x..x...x.x...",
    "son clave 3-2": "x..x..x...x.x...", "clave": "x..x..x...x.x...", "2-3 clave": "..x.x...x..x..x.",
    "2-3 son clave": "..x.x...x..x..x.", "son clave 2-3": "..x.x...x..x..x.", "rumba clave": "x..x...x..x.x...",
    "3-2 rumba clave": "x..x...x..x.x...", "rumba clave 3-2": "x..x...x..x.x...", "2-3 rumba clave": "..x.x...x..x...x",
    "rumba clave 2-3": "..x.x...x..x...x", "bossa nova clave": "x..x..x...x..x..", "bossa clave": "x..x..x...x..x..",
    "tresillo": "x..x..x.x..x..x.", "habanera": "x..xx.x.x..xx.x.", "cinquillo": "x.xx.xx.x.xx.xx.",
}
RHYTHM_NAME = "(?P<name>" + "|".join(sorted((re.escape(n).replace(r"\ ", r"\s+") for n in RHYTHM_NAMES), key=len,
                                           reverse=True)) + ")"
PER_BEAT = {"quaver": 2, "eighth": 2, "8th": 2, "semiquaver": 4, "sixteenth": 4, "16th": 4, "crotchet": 1, "quarter": 1}


#: A line ending in a bar of steps whose last step is a rest ('snare ....x.......x...'): its dots are steps.
ENDS_IN_STEPS = re.compile(r"(?:^|\s)(?=[^\s]*[xX])[xX.~\-_\[\]<>()*?@,\d|]*\.$")


def stop_stripped(text: str, marks: str = ".!") -> str:
    """The line without its closing full stop or exclamation — never a bar's last rests ('in 4 bars, snare ....x...')."""
    text = text.strip()
    return text if ENDS_IN_STEPS.search(text) else text.rstrip(marks)


__all__ = ["ENDS_IN_STEPS", "stop_stripped", "NUM", "TRACK", "HITS", "SPREAD", "STEPS", "ROTATE", "PCT", "FRACTION", "OFTEN", "UNIT_STEPS", "UNIT",
           "DIRECTION", "SHIFT_VERB", "AMOUNT", "POSITION", "ORDINAL_BEATS", "RHYTHM_NAMES", "RHYTHM_NAME", "ROLL_COUNT", "OFTEN_WORDS", "PER_BEAT", "SUBDIVISION"]
