"""A fast typist's shortest words ('snr', 'kik', 'rvb'), and a studio's, a broadcaster's, a conductor's and a bandleader's
ways of saying things the language has words for: a desk's pan readout ('R30'), a mix printed (recorded), a session loaded
'right now', the offbeat eighths, an echo's length ('one beat long', 'slapback, 120 ms'), its repeats, a part laid out, a
walking bass, the music begun ('let's begin'), a change called off ('cancel that, stay at 100'), a hedge before a number
('too loud, like -6db'), a new sound introduced by its name ('add some rain: white noise'), a part addressed before what
it does ('Brass, tacet.'), a sentence's full stop after a number. Each is said the language's way before any reading
(translator.translate, scene_words.fixed_terms)."""
from __future__ import annotations

import re

from .literal_needs import rewritten
from .player_calls import player_calls
from .shorthands import SETTINGS

#: A mixing desk's pan readout, a side's letter and how far ('Pan hats R30, snare L10'): the side and its amount.
_DESK_SIDE = re.compile(r"(?<![\w.\-/])(?<!\bpan\s)(?<!\bpan:\s)([LR])(100|[1-9]\d)(?!\w|\.\d)", re.I)   # ('pan R30': the grammar's)

#: A fast typist's shortest forms of the words ('rvb more', 'snr -3', 'mute kik 4', 'dly keys', 'bass oct up').
_SHORT = {"rvb": "reverb", "snr": "snare", "kik": "kick", "kck": "kick", "dly": "delay", "oct": "octave", "octs": "octaves"}
_SHORT_WORD = re.compile(r"(?<![\w/.])(" + "|".join(_SHORT) + r")(?![\w/.])", re.I)

#: Intervals named by their quality, in semitones.
_SEMITONES = {("minor", "second"): 1, ("major", "second"): 2, ("minor", "third"): 3, ("major", "third"): 4,
              ("minor", "sixth"): 8, ("major", "sixth"): 9, ("minor", "seventh"): 10, ("major", "seventh"): 11}

#: A size said with a level's step ('up a hair', 'louder small', 'a bit louder'): the step after the comma says how much.
_SIZE = r"(?:a\s+)?(?:hair|bit|little|touch|tad|smidge|notch|small)"
#: Words that name a setting, not a part (its step is in its own unit: 'cutoff up 200', 'tempo up a bit, +5').
_NOT_A_PART = SETTINGS | {"speed", "filter"}


def _step_said(m: re.Match) -> str:
    """'Banjo up a hair, 2 db', 'strings a bit louder, +2 db', 'guitar louder, +3': the step by that many dB; a minus
    after 'louder' is no step ('louder, -2 db': left as said)."""
    if m[1].lower().removeprefix("the ").split()[0] in _NOT_A_PART:
        return m[0]                                   # ('tempo up a bit, +5': the tempo's step, in bpm)
    up = m[2].lower() in ("louder", "up")
    sign, size = m[3] or m[5], m[4] or m[6]          # ('guitar louder, +3': a signed step is in dB)
    if up and sign and sign.lower() in ("minus", "-"):
        return m[0]                                   # ('louder, -2 db': a level said, read as before; 'quieter, +2 db'
    #                                                   is the size of the step down)
    return f"{m[1]} {'up' if up else 'down'} {size} db"


_STUDIO = [(re.compile(p, re.I), r) for p, r in (
    # a tempo picked up to a number ('pick up to 96 over 8 bars'): sped up to it ('pick it up where we left off' goes on)
    (r"^pick\s+(?:it\s+|the\s+tempo\s+|things\s+)?up\s+to\s+(?=\d)", "speed up to "),
    # a session loaded 'right now': at once, never part of its name ('Load friday show right now.')
    (r"^(load|open)\s+(.+?)\s+right\s+now[.!]*$", r"\1 \2 now"),
    # a mix printed: recorded ('Print the mix to mix_v3.wav.', 'stop the print')
    (r"^(?:let'?s\s+)?print(?:ing)?\s+(?:the\s+|a\s+)?(?:mix|it|this|that|track|song|master|bounce|take)"
     r"(?:\s+(?:to|as|into)\s+(?P<file>\S+?\.wav))?[.!]*$", lambda m: f"record to {m['file']}" if m["file"] else "record"),
    (r"^(?:stop|end|finish)\s+(?:the\s+)?print(?:ing)?[.!]*$", "stop recording"),
    # the offbeat eighths said as a note value ('hats on the off-beat 8ths'): the offbeats
    (r"\boff-?beat\s+(?:8ths|eighths|eighth\s+notes|quavers)\b", "offbeats"),
    # an echo's length with 'long' after a comma ('echo on the bell, one beat long'); its kind beside its time
    # ('tape echo on the bass, slapback, 120 ms'): the echo and its time
    (r"(?<=,)(\s*(?:\d+(?:\.\d+)?|one|two|a|half\s+a)\s*(?:ms|milliseconds?|seconds?|beats?|bars?))\s+long\b", r"\1"),
    (r"\b(echo|delay)\b(.*?,\s*(?:a|one|half\s+a)\s+(?:quarter|eighth|8th|sixteenth|16th|half)(?:\s+notes?)?)\s+long\b", r"\1\2"),
    (r",\s*slap-?back\s*(?=,)", ""),
    # a bandleader's: a part 'laid out' is taken out a while; an echo's repeats are its feedback; a walking bass's notes
    (r"^lay\s+(?:out\s+((?:the\s+)?[\w-]+)|((?:the\s+)?[\w-]+)\s+out)\b", r"take \1\2 out"), (r"\bfewer\s+repeats\b", "less feedback"),
    (r"\b(more|less)\s+repeats\b", r"\1 feedback"), (r"^((?:the\s+)?[\w-]+)\s+walks\s+(?=[a-g][#b]?\d)", r"\1 plays "),
    # a section a change is for, said before its length ('Lay the snare out for the intro, 4 bars.'): the length; a
    # chord's purpose ('F7 to turn it around'): the chord
    (r"\s+(?:for|in|during|through)\s+the\s+(?:intro|outro|verse|chorus|bridge|breakdown|break|drop|build|hook|solo)"
     r"\s*,\s*(?:for\s+)?(?=(?:\d+|one|two|three|four|six|eight|a)\s+(?:bars?|beats?|measures?)\b)", " for "),
    (r",?\s+(?:to\s+turn\s+(?:it|things)\s+around|(?:for|as)\s+(?:the|a)\s+turn-?around)(?=\s*[.!]*$)", ""),
    # more or less of something 'for' a part ('Less volume for the drums'): on it; normal said 'again': normal
    (r"^((?:a\s+(?:bit|little|touch)\s+)?(?:more|less)\s+[a-z]+)\s+for\s+(?=(?:the|my|all\s+the)\s(?!(?:the\s+)?(?:verse|chorus|"
     r"drop|bridge|intro|outro|break|breakdown|build|hook|solo|song|whole|end|rest|next|last|first)\b))", r"\1 on "),
    (r"\b(normal(?:\s+(?:speed|time))?)\s+again(?=\s*[.!]*$)", r"\1"),
    # a chord held said with the parts first ('Strings and piano both hold C major', 'bass and accordion hold a D minor
    # together'): held on them
    (r"^(?:the\s+)?((?!(?:now|ok|okay|and|then|so|please|just|let|you|i|we|it)\b)[a-z][\w-]*(?:\s*(?:,|and|&)\s*(?:the\s+)?"
     r"[a-z][\w-]*)*)\s+(?:both\s+|all\s+|together\s+)?(?:holds?|sustains?)\s+(?:an?\s+)?([a-g](?:#|b|\s+flat|\s+sharp)?"
     r"(?:\s*(?:major|minor|maj|min|m|dim|aug|sus[24]|add9|maj7|m7|7|9|6))*)(?:\s+chord)?(?:\s+together)?[.!]*$",
     r"hold \2 on the \1"),
    # notes held said after a part's label, the interval named before them ('drone: hold a fifth, A and E.'): held on it
    (r"\b(hold|sustain)\s+(?:an?\s+)?(?:perfect\s+)?(?:fifth|fourth|third|octave|dyad|power\s+chord)\s*[,:]\s*(?=[a-g]\b)", r"\1 "),
    (r"^((?:the\s+)?[a-z][\w-]*)\s*:\s*(hold|sustain)\s+([a-g](?:#|b)?\d?(?:(?:\s*(?:,|and|&)\s*|\s+)[a-g](?:#|b)?\d?)+)[.!]*$",
     r"\2 \3 on the \1"),
    # beats and the bar's last step said in one ('clap on 2 and 4 plus the last 16th', 'kick on every beat and the last 16th'): the beats, then that step too —
    # never the last step read as the clap's length
    (r"^((?:the\s+)?([a-z][\w-]*)\s+on\s+(?:(?:beats?\s+)?\d(?:\s*(?:,|and|&)\s*\d)*|every\s+(?:beat|quarter(?:\s+note)?)))\s*,?\s+(?:plus|and|\+)\s+(?:on\s+)?the\s+(?:very\s+)?"
     r"last\s+(16th|sixteenth|8th|eighth|step)(?:\s+note)?(?:\s+of\s+the\s+bar)?[.!]*$", r"\1, \2 also on the last \3"),
    # a fast typist's: 'hard l', 'to much', a number corrected with no comma ('tempo 240 no 230'), 'stop dead', 'right down'
    # before the value it goes to, a part then its side after a comma ('the chime, slightly to the right')
    (r"\bhard\s+([lr])\b(?!')", lambda m: "hard " + ("left" if m.group(1).lower() == "l" else "right")),
    (r"^to\s+much\b", "too much"), (r"(?<=\d)\s+(no|nah|nope)\s+(?=\d)", r", \1, "), (r"^stop\s+dead\b", "stop"),
    (r"\bright\s+down\s*(?=,\s*\d)", "down"), (r"\bback\s+to\s+where\s+it\s+was\b", "back to how it was"),
    (r"^((?:the\s+)?[a-z][\w-]*)\s*,\s*(?=(?:very\s+)?(?:slightly|a\s+(?:little|bit|touch|tad))\s+(?:to\s+the\s+)?(?:left|right)\b)",
     r"\1 "),
    # a noise's colour said instead of another ('Riser pink instead of white.'): that colour
    (r"\b(pink|white|brown)\s+(?:noise\s+)?instead\s+of\s+(?:pink|white|brown)(?:\s+noise)?\b", r"\1"),
    # a stop after more bars, a terse stop ('Stop after 2 more bars.', 'stop end bar', 'stop 2 bars'); a level said
    # louder with its step ('Jingle louder, plus 4 dB.'); the sixteenths said 'each' ('the hats in each sixteenth'); a
    # metal drummer's double kick (two pedals: the kick); a length or a purpose after a fade ('… over 8 bars at the end')
    (r"\b(after|in)\s+(\d+|one|two|three|four|eight)\s+more\s+(bars?|beats?)\b", r"\1 \2 \3"),
    (r"^stop\s+(?:at\s+)?(?:the\s+)?end(?:\s+of)?\s+(?:the\s+|this\s+)?bar[.!]*$", "stop at the end of the bar"),
    (rf"^((?:the\s+)?(?!(?:a|an|just|now|ok|so)\b)[a-z][\w-]*(?:\s+(?:and|&)\s+(?:the\s+)?[a-z][\w-]*)?)\s+(?:{_SIZE}\s+)?(louder|quieter|softer|less|up|down)"
     rf"(?:\s+{_SIZE})?\s*,\s*(?:(?:like|about|maybe|around|say)\s+)?"
     r"(?:(plus|\+|minus|-|by)?\s*(\d+(?:\.\d+)?)\s*db|([+-])(\d+(?:\.\d+)?))[.!]*$", _step_said),
    # a step's unit said once for two parts ('kick up 2 db, snare up 1'): the second is in dB too, never a gain of 1
    (r"(?<=\bdb)(\s*(?:,|\band\b)\s*(?:the\s+)?([a-z][\w-]*)\s+(?:up|down)\s+\d+(?:\.\d+)?)(?=\s*$)",
     lambda m: m[0] if m[2].lower() in _NOT_A_PART else f"{m[1]} db"),     # (a setting's step is in its own unit)
    (r"\bin\s+each\s+(sixteenth|16th|eighth|8th|beat|quarter)\b", r"on every \1"), (r"^double\s+kick\s+(?=every\b|on\b|in\b|\d)", "kick "),
    (r"^(fade\b.*?\bover\s+\d+\s+bars?)\s+(?:for\s+(?:the\s+)?[a-z]+|at\s+the\s+end)[.!]*$", r"\1"),
    (r"^(add|put)\s+(an?\s+)?(saw|sine|square|triangle)\s+drone\b", r"\1 \2\3"),
    # a part moved by a third, a sixth, a seventh or a second named by its quality ('Transpose the loop down a minor third.',
    # 'the chime a minor sixth higher'): that many semitones; old units and words ('330 cycles', 'the whole lot')
    (r"^((?:transpose\s+)?(?:the\s+)?(?!(?:hold|play|add|sustain|give|put|key|in|a|up|down)\b)[a-z][\w-]*\s+(?:up\s+|down\s+)?)(?:an?\s+)?(minor|major)\s+(second|third|sixth|seventh)\b",
     lambda m: f"{m[1]}{_SEMITONES[(m[2].lower(), m[3].lower())]} semitones"),
    (r"\b(to)\s+(\d+(?:\.\d+)?)\s*(?:cycles|cps|c/s)(?:\s+(?:per\s+second|a\s+second))?\b", r"\1 \2 hz"), (r"\bthe\s+whole\s+lot\b", "everything"),
    # a change called off and the value kept ('Cancel that, stay at 100.'): never a transaction aborted
    (r"^(?:cancel|forget)\s+(?:that|this|it)\s*[,;:.!—–-]+\s*(?=\S)", "scratch that, "),
    (r"\b(?:stay|keep\s+it|hold\s+it|leave\s+it)\s+at\s+(?=\d)", "make it "),
    # a part's line said with what it does before the colon ('Bass follows: g2 d2 e2 c2, a bar each.', 'Bass walk-up into the
    # chorus: c2 d2 e2 f#2'): the part's notes
    (r"^((?:the\s+)?[\w-]+)\s+(?:follows|plays|goes|walks|walk-?up|walk-?down)"
     r"(?:\s+(?:into|to|for|in|before)\s+the\s+\w+)?\s*:", r"\1:"),
    # a side said and then how far ('sine to the left, hard'), a swing said as a feel ('shuffle feel on the hats, 30%')
    (r"\bto\s+the\s+(left|right)\s*,?\s+hard\b", r"hard \1"), (r"\b(?:shuffle|swing)(?:\s+feel)?\b(?=\s+on\b)|\b(shuffle|swing)\s+feel\b(?=\s*,?\s*\d)", lambda m: m.group(1) or "swing"),
    # a hedge before a number after a comma, a complaint said 'still' ('the drums are still too loud, like -6db'): the
    # number and the complaint
    (r"\b(louder|quieter|softer|up|down)(?:\s+please)?\s*,\s*(?:(?:like|about|around|roughly|maybe|say|perhaps)\s+)?"
     r"(?=\d+(?:\.\d+)?\s*db\b)", r"\1 by "),                     # ('flute a bit louder please, maybe 3 db': by 3 dB)
    (r",\s*(?:like|about|around|roughly|maybe)\s+(?=[-+]\d|\d+(?:\.\d+)?\s*db\b)", ", "), (r"\b(is|are|'s|'re)\s+still\s+(?=too\b)", r"\1 "),
    # a new sound introduced by its name ('add some rain: white noise at -30 dB'): the name, then the sound added
    (r"^(?:add|give\s+me|bring\s+in)\s+(?:some\s+|a\s+|an\s+|the\s+)?([a-z][\w-]*)\s*:\s*(?!add\b)(?:(?:a|an|some)\s+)?",
     r"\1: add "),
    # a session saved 'like' a name (a Spanish speaker's 'como'): as that name ('save the session like fiesta_madrid')
    (r"^(save\b.*?)\s+like\s+(?!before\b|that\b|this\b|it\b|usual\b|always\b)([\w-]+)\s*[.!]*$", r"\1 as \2"),
    # a correction's target said with 'to' or after a dash ('no, to 132', 'No — to 110.'): the value corrected
    (r"^(no|nope|nah|non|nein)\s*(?:[,—–:]|\s-)\s*(?:to\s+)?(?=\d)", r"\1, "),
    # a conductor's part addressed, then what it does ('Brass, tacet.', 'Brass, come back in.'); everyone addressed
    # mid-line ('Diminuendo, everyone, over 2 bars.')
    (r"^((?:the\s+)?(?!(?:ok|okay|now|and|so|then|everyone|everybody|all|yes|no)\b)[a-z][\w-]*)\s*,\s*"
     r"(?=(?:tacet|come\s+back\s+in|back\s+in|louder|softer|quieter|piano|forte|pianissimo|fortissimo|mezzo[\s-]?(?:piano|forte)|"
     r"mp|mf|pp|ff|ppp|fff)[.!]*$)(?!piano\b)", r"\1 "),
    (r",\s*(?:everyone|everybody|all\s+of\s+you|folks)\s*,\s*", " "),
    # a drum said 'half' or 'double' alone ('kick half', 'hats double'): its rhythm's speed, never its level at 0.5
    (r"^((?:the\s+)?(?:kick|kicks|snare|snares|hats?|hi-?hats?|hh|claps?|drums|perc|percussion|shakers?|ride|toms?))\s+"
     r"(half|double)\s*[.!]*$", r"\1 \2 time"),
    # a sentence's full stop after its last number ('Kick on beats 2 and 4.'): never a decimal point
    (r"(?<=\d)\.\s*$", ""),
    # a feel said twice ('Straight, no swing.'): one swing of none — never the delay's 'straight' mode
    (r"^straight\s*[,;.]\s*(no\s+swing|swing\s+(?:off|zero|0))\s*[.!]*$", r"\1"),
    (r"^(no\s+swing|swing\s+off)\s*[,;.]\s*straight\s*[.!]*$", r"\1"),
    # the music begun ('Let's begin.', 'ok, shall we begin'): never a transaction's 'begin', which no musician says so
    (r"(?:^|(?<=[.!?]\s))(?:(?:ok(?:ay)?|so|now|right|alright),?\s+)?(?:let'?s|let\s+us|shall\s+we)\s+(?:begin|start)(?:\s+"
     r"(?:playing|the\s+(?:music|class|session|show|song)))?(?=(?:,?\s*please)?\s*[.!?]*$)", "start"),
)]


#: A track called by what it plays, said as a label ('riff: c2 c2 eb2', a track called riff): the notes of the part it
#: plays when that is its one track, never of the part in focus (the grammar's 'riff' alone is any part's notes).
_NOUN_LABEL = re.compile(r"^\s*(melody|riff|hook|lick|tune|line|theme|motif|ostinato|bassline|chords|arp)\s*:", re.I)


def studio_words(line: str, tracks: dict | None = None, running: bool = True) -> str:
    """The line with a studio's ways of saying things said the language's way; the same line when it has none.
    `tracks`: the tracks there are, by name; `running`: the transport plays."""
    label = _NOUN_LABEL.match(line)
    track = (tracks or {}).get(label.group(1).lower()) if label else None
    if track is not None and [t.target for t in tracks.values()].count(track.target) == 1:   # (its part's one track)
        line = f"{track.target}{line[label.end() - 1:]}"
    line = _SHORT_WORD.sub(lambda m: _SHORT[m.group(1).lower()], line)
    line = _DESK_SIDE.sub(lambda m: f"{'left' if m.group(1).lower() == 'l' else 'right'} {m.group(2)}", line)
    line = _EVERY_COUNT.sub(_counted, line)
    return player_calls(rewritten(line, _STUDIO), running)


#: A drum teacher's count on every beat ('hats on every e and a', 'snare on all the ands'): that 16th of each beat.
_COUNT = r"(?:e|&|and|a)(?:'?s)?"
_EVERY_COUNT = re.compile(rf"^(?P<part>(?:the\s+)?[\w-]+)\s+on\s+(?:every|each|all\s+the)\s+(?P<subs>{_COUNT}"
                          rf"(?:\s*(?:,|and|&)\s*(?:the\s+|every\s+)?{_COUNT})*)(?:\s+of\s+(?:every|each)\s+beat)?[.!]*$", re.I)
_SIXTEENTH = {"e": 1, "&": 2, "and": 2, "a": 3}


def _counted(match: re.Match) -> str:
    words = re.findall(r"(?<![\w&])(e|&|and|a)(?:'?s)?(?![\w&])", match["subs"].lower())
    inner = range(1, len(words) - 1)                  # ('e and a': an 'and' between two counts joins them)
    steps = {_SIXTEENTH[w] for i, w in enumerate(words) if not (w == "and" and i in inner)}
    beat = "".join("x" if i in steps else "." for i in range(4))
    return f"{match['part']} {beat * 4}"


__all__ = ["studio_words"]
