"""Shorthand and studio words said out before the second stage reads a line ('kick dec 600',
'cut 600', 'env mod 40%', 'dry/wet 30 on the echo', 'its cutoff', 'ring longer', 'adsr a 5 d 200 s 0.3 r 100').
"""
from __future__ import annotations

import re

from ..engine.catalogue import CATALOGUE
from .literal_needs import rewritten

#: Every param name and alias, longest first, as one alternation; with the sequencer's, as a set.
_NAMES = sorted({n for c in CATALOGUE.values() for p in c.spec.params for n in (p.name, *p.aliases)}, key=len, reverse=True)
_PARAMS = "|".join(_NAMES)
#: Every setting's word (a param's name or alias, the sequencer's): a word no part is called by.
SETTINGS = frozenset(_NAMES) | {"tempo", "bpm", "swing"}
#: The modes an effect is switched to ('pingpong', 'highpass', 'foldback'), the catalogue's own, as one alternation.
_MODES = "|".join(sorted({c for entry in CATALOGUE.values() for p in entry.spec.params if p.is_enum and p.name == "mode"
                          for c in p.choices if len(c) > 4} | {r"ping[\s-]pong"}, key=len, reverse=True))
#: Shorthand and studio words for a param or a value, said the grammar's way before any other
#: reading ("kick dec 600", "cut 600", "env mod 40%", "100% wet on the reverb", "ring longer").
SHORTHANDS: list[tuple[re.Pattern, object]] = [(re.compile(p, re.I), r) for p, r in (
    (r"\benv(?:elope)?[\s_]*(?:mod|amount|amt)\b", "env_amount"),
    (r"\b[a-z]+-(?:y|ish|like|style)\s+|\b\d{3}(?:-|\s+)style\b,?\s*", ""),   # "rimshot-y snare", "snare 808 style"
    (r"\bits\s+(?=(?:" + _PARAMS + r")\b)", "the "),
    (r"^what\s+(?:bpm|tempo)\s+(?:are\s+we|is\s+it|is\s+this)(?:\s+at)?$|^how\s+fast\s+(?:are\s+we|is\s+(?:it|this))\s+going$",
     "what is the tempo"),
    # 'bring them both to the middle' names no setting: the middle of the stereo field (a fader's middle is 50%)
    (r"^(?:(?:bring|put|move|send|get|take)\s+)?(?!set\b|.*\b(?:" + _PARAMS + r"|volume|level|fader|knob|dial|slider|mix|reverb|"
     r"delay|echo|filter|distortion|lfo|adsr|envelope|effect|fx)\b)"
     r"(?P<what>\S.*?)\s+(?:back\s+)?(?:to|in(?:to)?)\s+the\s+(?:middle|centre|center)$", r"pan \g<what> center"),
    (r"^(?:the\s+)?(\S+)\s+pan(?:ned)?\s+(?:to\s+|in\s+)?(?:the\s+)?(?:middle|centre|center)$", r"pan \1 center"),   # (a pan's middle)
    (r"\b(?:to\s+)?(?:half\s*way|the\s+middle)$", "50%"),
    (r"^(?!\s*(?:save|load|record|rec|open|delete|rename|bounce)\b)(.*?)[,\s]+for\s+the\s+next\s+(?:one|song|tune|number|piece)$",
     r"\1"),        # ('key of G minor for the next one': now, never a bar; a name said before it is the musician's)
    (r"\bfade(out|in)\b", r"fade \1"),        # ('fadeout 8 bars')
    # a distortion's modes as engineers say them ('switch the amp to hard clip', 'make the fuzz fold back')
    (r"\bhard[\s-]*clip(?:ping|per)?\b", "hard"), (r"\bfold[\s-]+back\b", "foldback"), (r"\bbit[\s-]*crush(?:er|ed|ing)?\b", "bitcrush"),
    (rf"^({_MODES})\s+on\s+(?:the\s+|my\s+)?((?:[\w-]+\s+)?(?:delay|echo|filter|distortion|fuzz|drive))[.!]*$",
     r"make the \2 \1"),   # ('pingpong on the marimba delay': the effect's mode)
    # slips of a fast typist: a letter o for a zero after digits ('tempo 12o'), 'bd' for dB after a number ('+2bd'), a
    # part 'of' at the end of the line ('hats of': off — 'of' ends no line)
    (r"\b(\d+)[oO]\b", r"\g<1>0"), (r"(?<=\d)\s*bd\b", " db"), (r"(?<=\w)(?<!\bout)(?<!\bmaster)(?<!\bbit)(?<!\bsome)(?<!\blot)(?<!\ball)(?<!\bmost)(?<!\bone)\s+of[.!]*$", " off"),
    (r"\bevery\s+(eighth|sixteenth|quarter|8th|16th)\s+notes?\b", r"every \1"),
    (r"\b(swap|switch|flip|reverse)\s+the\s+order\s+of\b", r"\1"), (r"^you\s+can\s+", ""),
    (r"(?<=\S)(?<!\btoo)(?<!\bso)(?<!\bare)(?<!\bis)(?<!\bnot)(?<!\bmore)(?<!\bbit)(?<!\bway)(?<!\bbe)(?<!\blittle)(?<!\btad)"
     r"(?<!\bkinda)(?<!\bquite)(?<!\brather)(?<!\bpretty)(?<!'s)(?<!\bsounds)(?<!\bseems)"   # 'too quiet': not 'play it quietly'
     r"(?:,\s*|\s+)(?:(?:super|very|really|nice and)\s+)?(?:quietly|quiet|softly|low|in the background|underneath)"
     r"(?:,\s*(?:(?:super|very|really)\s+)?(?:quiet|low))?$", ", quieter"),
    (r"\s+with\s+(?=(?:lots|loads|tons|heaps|plenty|a\s+lot|a\s+ton|more|less|extra|high|heavy|a\s+bit|a\s+little|a\s+touch|"
     r"some|little|low|(?:a\s+)?(?:big|long|short|small|huge))\b(?!.*\d))", ", "),        # "a delay with lots of feedback": the setting after a comma
    (r"\b(?:lots|loads|tons|heaps|plenty|masses|a\s+(?:lot|ton|load|heap))\s+(?:of|more)\s+(?=[a-z])|"
     r"\b(?:high|heavy|extra)\s+(?=(?:feedback|resonance|reso|drive|room|mix|depth|decay|release|swing)\b)", "a lot more "),
    (r"\ba\s+(?:touch|bit|little(?:\s+bit)?)\s+of\s+(?=(?:feedback|resonance|reso|drive|room|mix|depth|decay|release|swing)\b)",
     "a bit more "),
    (r"\b(?:just\s+)?a\s+(?:hint|dash|splash|pinch|smidge|tad|drop|sprinkle|whisper|taste)\s+(?:of\s+|more\s+)?(?!less\b|more\b)(?=[a-z])", "a bit of "),
    (r"(?<!\ba\s)\b(?:(?:very\s+)?little|low|barely\s+any|hardly\s+any|not\s+much)\s+(?=(?:feedback|resonance|reso|drive|room|mix|depth|"
     r"decay|release|swing)\b)", "a lot less "),
    (r"^(?:make|get|have|let'?s\s+get|let'?s\s+have)\s+(?=(?:the\s+|that\s+)?\w+(?:\s+\w+)?\s+(?:up|down)\s+(?:to|by|a|an)\b)", ""),
    (r"^(?:the\s+)?(\w+)\s+(?:all\s+the\s+way|fully|wide|completely|right)\s+(open|close|closed|shut)$",
     lambda m: f"{'open' if m.group(2).lower() == 'open' else 'close'} the {m.group(1)} all the way"),
    (r"^((?:the\s+)?\w+)\s+((?:an?|one|two|three)\s+(?:octaves?|fifth|fourth|third|semitones?|whole\s+(?:step|tone)|half\s+step))\s+"
     r"(up|down|higher|lower)$", r"\1 \3 \2"),                   # 'sine an octave up'
    (r"^(?:make\s+|let\s+)?(it|this|that|things|everything)\s+go\s+(?=(?:a\s+(?:bit|little|lot)\s+)?(?:faster|slower)$)", r"make \1 "),
    (r"^(?:even|still|yet)\s+(?=[a-z]+er$)", ""),                        # 'even louder': louder again
    (r"\bno\s+more\s+(?=(?:reverb|verb|delay|echo|distortion|drive|feedback|resonance|reso|swing|room|fuzz)\b)", "no "),
    (r"\bhi[\s-]+hats?\b|\bhigh[\s-]+hats?\b", "hats"), (r"^ad\s+(?=an?\s)", "add "),
    (r"\b(is|are|sounds?|way)\s+to\s+(?=[a-z]+$)", r"\1 too "),        # 'kick is to boomy': too
    (r"\bdec\b(?=\s+[\d.])", "decay"), (r"\bcut\b(?=\s+[\d.])", "cutoff"), (r"\brte\b(?=\s+[\d.])", "rate"),
    (r"\b(?:dry\s*/\s*wet|wet\s*/\s*dry)\s+([\d.]+)(?!\s*%)\b", r"mix \1%"),
    (r"\b(?:dry\s*/\s*wet|wet\s*/\s*dry)\b", "mix"),
    (r"^([\d.]+\s*%)\s+wet\s+(?:on|for)\s+(?:the\s+)?(\w+)$", r"\2 mix \1"),
    (r",\s*([\d.]+\s*%)\s+wet$", r", mix \1"),
    (r"\bsit\s+(?:around\s+|at\s+)?(?=[\d.])", "cutoff "),
    (r",\s*with\s+(?:just\s+)?(?:a\s+(?:little|bit|touch)\s+(?:of\s+)?|some\s+)?([a-z_]+),\s*(?:say\s+)?(-?[\d.]+)", r", \1 \2"),
    (r"\b(?:an?\s+)?(?:(?:slow|slower|fast|faster|medium|mid|ballad|up-?tempo|relaxed|laid-?back)\s+)+(?:ballad\s+)?tempo,?\s*"
     r"(?=\d)", "tempo "),
    (r"^(?:have|get|try|go\s+(?:with|for))\s+(?=tempo\s+\d)", ""),
    (r"\b(?:one\s+|a\s+)?(?:cycle|sweep|wobble)\s+every\s+([\d.]+)\s*(?:s|secs?|seconds?)\b",
     lambda m: f"at {1 / float(m.group(1)):g} hz" if float(m.group(1)) > 0 else m.group(0)),
    (r"^(?:set\s+|make\s+)?(?:the\s+)?(\w+)\s+(?:to\s+)?half\s+wet$", r"\1 mix 50%"),
    (r"^(?:set\s+|make\s+)?(?:the\s+)?(\w+)\s+(?:to\s+)?(?:fully|all)\s+wet$", r"\1 mix 100%"),
    (r"\brings?\b(?=\s+(?:(?:a\s+)?(?:little|bit|touch|lot)\s+)*(?:longer|shorter))", "decay"),
    (r"\b(?:come|go)\s+(up|down)\b", r"\1"),
    (r"\bhits?\s+harder\b", "punchier"),
    (r"^(\w+)\s+to\s+(sine|square|saw|triangle|random)\s+shape\b", r"\1 shape \2"),
    # a learner's preposition: a setting 'on' a value ('the tempo on 124', 'the cutoff on 1000 hertz') is 'to' it
    (r"\b([a-z_]+)\s+on\s+(?=-?[\d.]+(\s*(?:hz|hertz|khz|k|%|percent|bpm|ms|db|cents?|semitones?))?$)",
     lambda m: m.group(1) + (" to " if m.group(2) or m.group(1).lower() in SETTINGS else " on ")),
    (r"^(?:the\s+)?([\w-]+(?:\s+[\w-]+)?)\s+(?:becomes?|gets?|grows?|turns?)\s+(?=(?:a\s+(?:bit|little|lot)\s+)?(?:more\s+\w+|\w+er)\b)",
     r"make \1 "),                                               # 'the pad becomes louder'
    (r"^give\s+((?:the\s+)?\w+)\s+(?:an?\s+(?:little\s+|bit\s+(?:of\s+)?)?|some\s+)?([a-z_]+),?\s+(-?[\d.]+\s*[a-z%]*)$",
     r"\1 \2 \3"),                                               # 'give the triangle a little detune, 8 cents'
    (r"\b(?:(?:up|down)\s+)?(?:to|at)\s+(full|half|max|maximum|min|minimum)\s+(volume|level|gain)\b", r"\2 to \1"),
    (r"\b(?:up|down)\s+to\s+(?=(?:full|max|maximum|min|minimum)\b)", "to "),     # 'cutoff up to max'
    (r"\s+with\s+(?:the\s+|its\s+|a\s+)?([a-z_]+)(?=\s+(?:at\s+|of\s+|to\s+)?[\w.])",     # '… with time a dotted eighth'
     lambda m: f", {m.group(1)}" if m.group(1).lower() in SETTINGS - {"a"} else m.group(0)),
    (r"^((?:the\s+)?([a-z]+)\b.*?)\s+but\s+((?:a\s+(?:bit|little|lot)\s+)?[a-z]+er)$", r"\1, \2 \3"),   # 'hats every 16th but quieter': the hats
    (r"^(?:make|get|have)\s+(?:that|it|this)\s+undone$", "undo"),
    (r"^(start|stop)\s+the\s+record$", r"\1 recording"),
    (r"^(?:adsr\s+|env(?:elope)?\s+)?a\s+(\S+)\s+d\s+(\S+)\s+s\s+(\S+)\s+r\s+(\S+)$",
     r"adsr attack \1, adsr decay \2, adsr sustain \3, adsr release \4"),
)]


_DIGIT = {"zero": "0", "oh": "0", "nought": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
          "six": "6", "seven": "7", "eight": "8", "nine": "9", **{str(d): str(d) for d in range(10)}}
_D = "|".join(_DIGIT)
_POINT = re.compile(rf"\b(?:({_D}|\d+)\s+)?point\s+((?:{_D})(?:\s+(?:{_D}))*)\b", re.I)


def _decimal(match: re.Match) -> str:
    """'zero point five' → 0.5, 'point 7' → 0.7, 'one point two' → 1.2."""
    whole = _DIGIT.get((match.group(1) or "0").lower(), match.group(1) or "0")
    return f"{whole}.{''.join(_DIGIT[d.lower()] for d in match.group(2).split())}"


def shorthand(text: str) -> str:
    """The line with its shorthand said out (SHORTHANDS, decimals said in words); the same line
    when there is none."""
    text = rewritten(text, SHORTHANDS)    # each rule in turn, those whose words are absent skipped
    return _POINT.sub(_decimal, text) if "point" in text.lower() else text


__all__ = ["shorthand"]
