"""Musicians' phrasings the grammar does not take, said again the way it does (for the second stage).

Two tables, each a family rather than a phrase (the nicknames of voices are nicknames.py's):
words for a quality ("more dirt", "less space", "bit of shuffle"), and rephrasings of whole
forms ("put the kick back", "add a snare on 2 and 4", "swap the filter and the reverb").
"""
from __future__ import annotations

import re

from .literal_needs import Screen
from .mix_phrasings import MIX_REPHRASE
from .nicknames import NICKNAME_KINDS, NICKNAMES, nickname  # noqa: F401  (harmony and dynamics import them from here)
from .param_words import COMPARATIVES
from .patch_model import PatchModel
from .chain_phrasings import chain_readings, layered

#: A quality a musician asks more or less of → the param phrase that owns it.
QUALITIES = {
    "dirt": "drive", "grit": "drive", "crunch": "drive", "bitcrush": "drive", "crush": "drive", "fuzz": "drive", "bite": "drive", "filth": "drive",
    "saturation": "drive", "overdrive": "drive",
    "space": "reverb mix", "air": "reverb mix", "verb": "reverb mix", "ambience": "reverb mix", "reverb": "reverb mix",
    "squelch": "resonance", "squelchy": "resonance", "acid": "resonance", "scream": "resonance",
    "whistle": "resonance", "reso": "resonance", "rez": "resonance",
    "movement": "lfo depth", "modulation": "lfo depth", "wobble": "lfo depth", "sweep": "lfo depth",
    "shuffle": "swing", "groove": "swing", "swing": "swing",
    "boom": "kick decay", "tail": "decay", "ring": "decay", "sparkle": "cutoff", "brightness": "cutoff", "highs": "cutoff",
    "echo": "delay mix", "echoes": "delay mix", "repeats": "delay feedback", "repeat": "delay feedback",
    "knock": "punch", "thump": "punch", "punch": "punch", "smack": "punch", "snap": "snap", "warmth": "drive",
    "wah": "lfo depth", "crisp": "snap", "crack": "snap", "depth": "lfo depth",
}
_QUALITY = re.compile(r"^(more|less|a bit of|bit of|some|a lot of|lots of|loads of|a touch of|a little|"
                      r"a bit more|a bit less|bit more|bit less|even more|much more|much less|deeper|stronger|"
                      r"weaker|shallower)\s+(?!(?:it|them|that|this)\b)(\w+)(.*)$", re.I)   # ('a bit of it': how little, no more)
_QUALITY_AFTER = re.compile(r"^(\w+)\s+(up|down|more|less|stronger|weaker|faster|slower)(.*)$", re.I)
_MORE_WORDS = {"some", "a bit of", "bit of", "a lot of", "lots of", "loads of", "a touch of", "a little"}


def _than(match: re.Match) -> str:
    """'the strings lower than the piano': beside another part, lower or higher is where it sits in the mix (its
    level); with an interval said ('the bass an octave lower than the piano') or beside a pitch or a value ('lower than
    c3', 'than 60 hz') it is the pitch."""
    part, way = match.group(1), match.group(2)
    if not _INTERVAL_SAID.search(part) and not _A_VALUE.search(match.group("than")):
        way = re.sub(r"\b(lower|higher)$", lambda m: {"lower": "quieter", "higher": "louder"}[m.group(1).lower()], way,
                     flags=re.I)
    return f"{part} {way}"


#: What a part is compared with that is a pitch or a value, not another part ('lower than c3', 'than 60 hz').
_A_VALUE = re.compile(r"\d|^\s*[a-g](?:#|b|\s+(?:flat|sharp))?\s*$|\b(?:hz|khz|notes?|octaves?|pitch|key)\b", re.I)
_INTERVAL_SAID = re.compile(r"\b(?:octaves?|semitones?|semis?|steps?|tones?|seconds?|thirds?|fourths?|fifths?|sixths?|"
                            r"sevenths?|cents?|pitch(?:ed)?)\b", re.I)


REPHRASE: list[tuple[re.Pattern, str]] = [(re.compile(p, re.I), r) for p, r in (
    # 'no hi hat on a ship', 'no snare at all', 'no hats in dhol': that drum out — where it is not played is the
    # musician's reason ('no kick on the 1' is a beat: never this)
    (r"^(?:now\s+|and\s+)?no\s+(hats?|snares?|kicks?|drums|claps?|cymbals?)\s+(?:at\s+all|in\s+(?!(?:the\s+|this\s+|that\s+)?(?:first|last|next|"
     r"(?:\w+\s+)?(?:chorus|verse|bridge|intro|outro|drop|breakdown|build|hook|section|part|bar|bars|coda|middle)\b))"
     r"[\w\s'-]+|on\s+an?\s+[\w\s'-]+)$", r"no \1"),         # ('in the chorus': a section, not the reason)
    # 'flute plays the melody e5 d5 c5', 'the flute melody e5 d5 c5', 'let the sine play the algoza melody b4 a4':
    # those notes for that part ('plays a c e': a is the first of the notes, never an article before two more — it
    # read c e; 'plays a d' alone is asked)
    (r"^(?:(?:let|have|make)\s+)?(?:the\s+)?(\w+)\s+(?:(?:plays?|playing|gets?|takes?|has)(?:\s+(?:the|a(?!\s+[a-g](?:#|b)?\d?\s+[a-g])|this|these))?"
     r"(?:(?:\s+[a-z][\w-]+)?\s+(?:melody|tune|line|notes|theme|part|riff|hook|bassline))?|"
     r"(?:melody|tune|line|theme))\s*:?\s+(?!a\s+[a-g](?:#|b)?\d?$)((?:[a-g](?:#|b)?\d?\s+)+[a-g](?:#|b)?\d?)$", r"\1 notes \2"),
    # a word for the value said before it: 'decay short 50ms', 'attack slow, 2 s' (the number says how much)
    (r"^(.+?)\s+(?:very\s+|really\s+|quite\s+)?(?:short|long|slow|fast|quick|low|high|tight|big|small|soft|loud)\s*,?\s+"
     r"(-?\d[\d.]*\s*(?:ms|s|sec|secs|seconds?|hz|khz|k|%|db)?)$", r"\1 \2"),
    # 'arp down instead of up': the way said, the other one only what it was
    (r"^(.+?\b(?:up|down|up-down|updown|down-up|higher|lower|faster|slower))\s+instead\s+of\s+(?:going\s+)?"
     r"(?:up|down|up-down|updown|down-up|higher|lower|faster|slower)$", r"\1"),
    # a note length alone ('quarter notes', the shell's own hint after a line of notes; 'half notes'): the rhythm of it
    (r"^(?:(?:make\s+(?:it|them)|play\s+(?:it|them))\s+)?(?:in\s+|as\s+)?(half|whole|quarter|eighth|sixteenth)[\s-]+notes?"
     r"(?:\s+please)?$", lambda m: {"half": "every other beat", "whole": "every bar", "quarter": "quarters",
                                    "eighth": "eighths", "sixteenth": "sixteenths"}[m.group(1).lower()]),
    (r"^(?:put|bring)\s+(?:the\s+)?(.+?)\s+back(?:\s+in)?$", r"unmute \1"),
    (r"^(?:the\s+)?(\w+)\s+back(?:\s+in)?$", r"unmute \1"),
    (r"^(?:add|create|give me)\s+(?:an?\s+)?(\w+)(?:\s+(?:drum|synth|sound))?(?:\s+for\s+[\w\s]+?)?[,:]?\s+((?:on|playing)\s+.+|[xX.|\- ]{4,}"
     r"|four (?:on|to) the floor|(?:on )?(?:the )?off ?beats?|(?:on )?(?:2|two) and (?:4|four))$", r"add \1, \1 \2"),
    (r"\bfrom\s+[\d.]+\s*\w*\s+to\b", "to"),
    (r"^(?:oops|nah|no|argh|ugh)[,!]?\s+undo(?:\s+that|\s+it)?$", "undo"),
    (r"^make\s+(.+?)\s+wobble$", r"wobble \1"),
    (r"^(?:distort|dirty up|overdrive|saturate|fuzz)\s+(.+?)(?:\s+up)?$", r"add a distortion to \1"),
    (r"^(bitcrush|crush|foldback|fold|hard clip|clip(?!\s+(?:that|this|it)$)|tanh)\s+(.+?)$",   # ('clip that': a streamer's clip, asked)
     lambda m: f"add a distortion to {m.group(2)}, mode {_MODE_OF.get(m.group(1).lower(), m.group(1))}"),
    (r"^(?:delay|echo)\s+(?:time\s+)?(?:on|at|to|every)\s+(.+)$", r"delay time \1"),
    (r"^(?:(?:that|this|it)(?:'?s|\s+is|\s+was)\s+|there'?s\s+|there\s+is\s+)?(?:(?:way|far|a bit|rather|just|much)\s+)?"
     r"(?:too much|2 much)\s+(?:of\s+(?:the\s+)?)?(\w+)$", r"less \1"),          # 'that is too much reverb'
    (r"^(?:put|set|turn|bring|push|crank)\s+(?:the\s+)?(.+?)\s+(all the way|way|fully)\s+(up|down)$", r"\1 \2 \3"),
    (r"^(?:it'?s\s+|it is\s+|it\s+|(?:the\s+)?\w+\s+is\s+)?too\s+(squelchy|buzzy|harsh|boomy|muddy)$",
     lambda m: _LESS_OF.get(m.group(1).lower(), m.group(0))),
    (r"^(?:make\s+)?(?:it\s+|everything\s+|the mix\s+)?(louder|quieter|softer)\s+master$", r"master \1"),
    (r"^(?:back off|ease off|ease up on|go easy on|pull back on|tone down|lay off)\s+(?:on\s+)?(?:the\s+)?(.+?)$", r"less \1"),
    (r"^(?:kill|zero|zero out)\s+(?:the\s+|all\s+(?:the\s+)?)?(.+)$", r"no \1"),
    (r"^(\w+)\s+detune\s+(.+?)\s+(up|down)$", r"detune \1 \3 \2"),
    (r"^(?:an?|another)\s+(\w+)\s+with\b(.*)$", r"add a \1 with\2"),
    (r"^dry\s+(?:the\s+)?(.+?)\s+out\b.*$", r"\1 drier"),
    (r"^dry\s+(it|this|that|the\s+\w+)\s+up\b(.*)$", r"make \1 drier\2"),
    (r"^(?:delay|echo)\s+(?:time\s+)?((?:dotted\s+)?(?:whole|half|quarter|eighth|sixteenth)(?:\s+notes?)?|\d+/\d+)$",
     r"delay time \1"),
    (r"^(?:[\w-]+\s+){1,2}?(kick|snare|hats|hat|bass)\s+(\|?[xX.][xX.|\- ]{3,})$", r"\1 \2"),
    (r"^(?:make\s+)?(?:the\s+)?(\w+)\s+(?:sound\s+)?(?:(?:a\s+)?(?:bit|little|touch|tad)\s+)?more\s+(open|closed|close)$",
     lambda m: f"{'open' if m.group(2).lower() == 'open' else 'close'} the {m.group(1)}"),
    (r"^make\s+(?:the\s+)?(\w+)\s+(?:(?:a\s+)?(?:bit|little|lot|touch|tad)\s+|much\s+|slightly\s+)?(more|less)\s+(\w+)$",
     r"\2 \3 on the \1"),
    (r"^(?:add|make|give me)\s+(?:an?\s+)?(?:bass|lead|pad|melody|sub|drone)(?:\s+(?:sound|voice|line|part))?[,:]\s*"
     r"(?:an?\s+)?(sine|saw|square|triangle|noise)\b(.*)$", r"add a \1\2"),
    (r"^(?:let\s+go|let\s+it\s+go|release)(?:\s+of)?(?:\s+(?:it|that|the note|the key))?(?:\s+now)?$", "release"),
    # a held sound let go by name, or let ring out: released ('let the triangle go', 'let it ring out', 'let it die away')
    (r"^let\s+(?:the\s+|my\s+)?(?!it\b)([\w-]+)\s+go(?:\s+now)?$", r"release the \1"),
    (r"^(?:and\s+)?(?:just\s+)?let\s+(?:it|them)\s+(?:ring\s+out|die\s+(?:away|out)|decay)(?:\s+now)?$", "release"),
    (r"^(?:the\s+)?(\w+)\s+(before|after)\s+(?:the\s+)?(\w+)$", r"put \1 \2 \3"),
    (r"^(?:the\s+)?(tempo|bpm)\s+(up|down)\s*[,:]\s*(?:(?:up|down)\s+)?(to\s+\d.*)$", r"\1 \2 \3"),   # 'laya badhao, up to 100 …'
    (r"^(?:revert|restore|return)\s+(?:the\s+)?(\w+(?:\s+\w+)?)\s+(?:back\s+)?to\s+(?=-?\d)(.+)$", r"\1 back to \2"),   # 'revert bpm to 128'
    (r"^(?:setcps|cps)\s*\(?\s*([\d.]+)\s*/\s*60\s*/\s*4\s*\)?$", r"tempo \1"),
    (r"^(?:setcps|cps)\s*\(?\s*(0?\.\d+|\d+\.\d+)\s*\)?$", lambda m: f"tempo {float(m.group(1)) * 240:g}"),
    (r"\b(big|large|huge|small|long|short)\s+(room|decay|release|attack)\b",
     lambda m: {"big": "bigger", "large": "bigger", "huge": "bigger", "small": "smaller", "long": "longer",
                "short": "shorter"}[m.group(1).lower()] + " " + m.group(2)),
    (r"^play\s+(?:it\s+)?at\s+(\d+)\s*bpm$", r"tempo \1 and start"),
    (r"^(\w+)\s+with\s+(?:an?\s+)?(?:long|short|longer|shorter|big|small)?\s*(\w+),?\s+([\d.]+.*)$", r"\1 \2 \3"),
    (r"^(.*?)\b(?:longer|shorter|bigger|smaller|higher|lower|faster|slower)\s+(\w+),\s*(-?[\d.]+\s*[a-z%]*)$", r"\1\2 \3"),
    (r"^(?:move|put|switch|point|take)\s+(?:the\s+)?(\w+)\s+(?:off\s+)?from\s+(?:the\s+)?(.+?)\s+(?:to|onto|on)\s+(?:the\s+)?(.+)$",
     r"disconnect \1 from \2, connect \1 to \3"),
    (r"^(?:put|set|switch|turn)\s+(?:the\s+)?(\w+)\s+(?:in|to|into)\s+(\w+)\s+mode$", r"\1 mode \2"),
    (r"^(?:undo\s*){2,3}$", lambda m: f"undo {m.group(0).lower().count('undo')} times"),
    (r"^not enough\s+(\w+)$", r"more \1"),
    (r"^(?:swing|shuffle)\s+(?:it\s+)?(?:a little|a bit|a touch|some)$", "more swing"),
    (r"^(?:make it|give it|gimme|give me|add)?\s*(?:some|a bit of|a little)?\s*(swing|shuffle)$", r"more swing"),
    (r"^(?:swing|shuffle)\s+(?:it|this|that|them|everything|the\s+\w+)$", "more swing"),
    (r"^(?:[a-z-]+\s+)?(?:swing|shuffle)(?:\s+(?:it|the\s+\w+))?,?\s+(?:like\s+|at\s+|to\s+)?(\d*\.?\d+\s*%?)$", r"swing \1"),
    (r"^(four on the floor|(?:on )?(?:the )?off ?beats?|(?:on )?every \w+)\s+(\w+)$", r"\2 \1"),
    (r"^what does (?:the\s+)?(.+?) do$", r"help \1"),
    (r"^what (modules|tracks|sessions) (?:are|is) (?:there|playing|in the patch)$", r"list \1"),
    (r"^(drop|take|pull)\s+(?:the\s+)?(.+?)\s+out$", r"take out \2"),
    (r"^(sine|square|triangle|saw|random)(?:\s+wave)?\s+lfo$", r"lfo shape \1"),
    (r"^(sine|square|saw|triangle)\s+(?:bass|sub|lead|pad)\b\s*(?:at\s+)?(.*)$", r"add a \1 at \2"),
    (r"^(.+?)\s+(?:and\s+)?go$", r"\1 and start"),
    (r"^(?:the\s+)?(\w+)\s+out$", r"take out \1"),
    (r"^(?:(?:mute|kill|silence|drop)\s+(?:everything|all)|(?:everything|all)\s+out)\s+(?:but|except)\s+(?:for\s+)?(?:the\s+)?(.+)$",
     r"solo \1"),
    (r"^(?:mute|kill|silence|drop)\s+(?:everything|all)\s*[,;:—–-]\s*(?:only|just)\s+(?:the\s+|my\s+)?([\w-]+)(?:\s+(?:stays?|left|plays?))?$",
     r"solo \1"),                                # 'mute everything, only the drone': the one left playing
    (r"^everything\s+(?:back\s+)?in$", "unmute everything"),      # a band leader's 'everybody in'
    (r"^(?:(?:go|get)\s+)?(?:back\s+to\s+)?(?:full|normal|regular)[\s-]time(?:\s+(?:feel|again))?$", "normal time"),
    (r"^(?:go\s+)?back\s+to\s+(?:the\s+)?(?:normal|regular|usual)\s+(hats|kick|snare|drums)$", r"\1 normal time"),   # 'hats twice
    (r"^(?:no\s+)*(?:no|zero)\s+swing(?:\s+(?:at\s+all|whatsoever|please|in\s+\w+))*$", "no swing"),   # 'no swing at all'
    (r"^(?:(?:play\s+(?:it\s+)?|go\s+))?straight(?:\s+(?:eighths|8ths|feel|again))?$",
     "no swing"),
    (r"^(?:ok\s+|okay\s+|now\s+)?stop\s+(?:speeding\s+up|slowing\s+down|accelerating|decelerating|getting\s+(?:faster|slower))$",
     "stop the glide"),
    (r"^stop(?:\s+(?:the\s+)?(?:beat|music|all|everything|it|playing))?\s+(?:at|in|on)\s+(?:the\s+)?(?:bar\s+end|end\s+of\s+"
     r"(?:the\s+|this\s+)?(?:bar|measure|compasso)|(?:1|one|downbeat)\s+of\s+the\s+next\s+(?:bar|measure))$", "stop at the end of the bar"),
    (r"^(?:put\s+|add\s+|set\s+)?(?:a\s+|some\s+)?(?:chance|probability)\s+(?:on|for|to)\s+(?:the\s+)?(.+?)[,\s]+"
     r"(?:at\s+|of\s+)?(\d+)(?:\s*-\s*\d+|\s*%|\s*percent)?$", r"\1 chance \2%"),                  # 'chance on hats 60', '50-50'
    (r"^(?:humani[sz]e\s+(?:the\s+)?(\w+)|(?:the\s+)?(\w+)\s+humani[sz]ed?)\s+(\d+)\s*%?$",
     lambda m: f"humanize the {m.group(1) or m.group(2)} {m.group(3)}%"),                      # 'humanize hats 30'
    (r"^(?:some\s+|a\s+(?:bit|touch)\s+of\s+|a\s+little\s+)?humani[sz](?:e|ation)\s+(?:on|to)\s+(?:the\s+)?(\w+)$", r"humanize the \1"),
    (r"^(\w+)\s+(?:it|that|them)\s+(more|less|up|down)$",
     lambda m: f"{m.group(2)} {m.group(1)}" if m.group(2).lower() in ("more", "less") else f"{m.group(1)} {m.group(2)}"),
    (r"^(?:the\s+)?(\w+(?:\s+\w+)?)\s+(more|less)$", r"\2 \1"),
    (r"^(?:the\s+)?(\w+(?:\s+\w+)?)\s+((?:a\s+)?(?:bit|little|touch|tad)|slightly)\s+(more|less)$", r"\2 \3 \1"),   # ('… a bit less')
    (r"^(\w+)\s+lfo\b(.*)$", r"lfo on the \1\2"),
    # an LFO or a delay synced to the tempo at a note value ('sync the LFO to the tempo, 1/8'): its rate or time as that note
    (r"^(?:sync|lock|clock)\s+(?:the\s+)?(lfo|delay|echo)\s+to\s+(?:the\s+)?(?:(?:tempo|bpm|beat|clock|grid)\s*[,:]?\s*(?:at\s+|to\s+)?)?"
     r"(\d+/\d+|(?:dotted\s+)?(?:whole|half|quarter|eighth|sixteenth)(?:\s+notes?)?)$",
     lambda m: f"lfo rate {m.group(2)}" if m.group(1).lower() == "lfo" else f"delay time {m.group(2)}"),
    (r"^(noise)\s+(white|pink|brown)\b[,\s]*(.*)$", r"\2 noise \3"),
    (r"^(?:take|pull|leave)\s+(?:the\s+)?(.+?)\s+out$", r"take out \1"),
    (r"^(?:a little|a bit of|bit of|some|a touch of|a little bit of|a tad of)\s+(?!(?:it|them|that|this)$)(\w+)$", r"more \1"),
    (r"^(?:make|give me|get|i want)\s+(?:an?|some)\s+(\w+)(?:\s+(?:tone|sound|wave|note|synth|voice))?\b(.*)$", r"add a \1\2"),
    (r"^play\s+(?:it\s+|(?:the\s+)?(\w+)\s+)?((?:a\s+(?:bit|little|touch|lot)\s+)?(?:louder|softer|quieter|faster|slower))$",
     lambda m: f"{m.group(1) + ' ' if m.group(1) else 'master ' if not re.search('faster|slower', m.group(2)) else ''}"
               f"{m.group(2)}"),      # 'play softer': everyone's level (a bandleader's), 'play the hats softer': theirs
    # 'the kick should be louder than the hats', 'sine a little quieter than the pad': a step that way for the part
    # named first (what it is compared with is left as it is)
    (r"^(?:make\s+)?(.+?)(?<!\sis)(?<!\sare)(?<!'s)\s+(?:(?:should|must|needs?\s+to|has\s+to)\s+be\s+)?((?:(?:a\s+)?(?:little|bit|lot|touch|tad)\s+|"
     r"much\s+)?(?:" + "|".join(c for c in COMPARATIVES if c.endswith("er")) + r"))\s+than\s+(?:the\s+|my\s+)?"
     r"(?!(?:it|i|that|this|before|usual|normal|now|expected|wanted|intended|ever|needed)\b)(?P<than>[\w\s'-]+)$", _than),
    # 'the bass is louder than it should be', 'it's darker than i wanted': a complaint — the other way, never further
    (r"^(.+?)(?:\s+(?:is|are|sounds?)|'s)\s+(?:a\s+(?:little|bit|lot|touch|tad)\s+|much\s+|way\s+)?(" +
     "|".join(c for c in COMPARATIVES if c.endswith("er")) + r")\s+than\s+(?:it|they|that)?\s*(?:should\s+be|"
     r"i\s+(?:want|wanted|like|need|needed|expected)|before|usual|normal|needed|necessary)$",
     lambda m: f"{m.group(1)} is too {_base(m.group(2))}"),
    # a complaint, then the value it should be ('too fast lol 170', 'too fast, back to 140', 'too quick, settle at
    # 108'): the complaint with its value, as 'too fast, 170' says it
    (r"^((?:(?:way|a\s+bit|bit|much|far)\s+)?too\s+(?!much\b)[a-z]+)\s*[,.;:!-]*\s+(?:(?:lol|lmao|haha|ok|okay|so|then|now|just)[,.!]?\s+)*(?:(?:go\s+|come\s+|bring\s+it\s+|take\s+it\s+)?back\s+"
     r"(?:down\s+|up\s+)?to|settle\s+(?:at|on|for)|try|make\s+it|set\s+it\s+to|(?:let'?s\s+)?(?:say|do|go\s+for))?\s*"
     r"(\d[\d.]*\s*(?:bpm|%|db|hz|k|ms)?)(?:\s+please)?$", r"\1, \2"),
    (r"^(?:add|put in|give me|i want)\s+(?:an?\s+|another\s+)?(open|closed)\s+(?:hi-?)?hats?(?:\s+(?:with\s+)?(?:an?\s+)?"
     r"decay(?:\s+of)?\s+(\d+\s*m?s))?$", lambda m: f"add a hat with decay {m.group(2) or _HAT_DECAY[m.group(1).lower()]}"),
    (r"^(add|put|give me)\s+(?:an?\s+)?(?:little|gentle|subtle|slight|nice|warm|some|sub|fat|huge|lush|massive|tiny)\s+(.+)$",
     r"\1 \2"),                                  # (an adjective with a comparative is said after it: described_modules)
    (r"\bless\s+(bright|loud|dark|dull|fast|slow|wet|dry|big|small|long|short|dirty|clean|wide|deep|buzzy|harsh|"
     r"muddy|squelchy|distorted|gritty)\b", lambda m: _LESS_OF.get(m.group(1).lower(), m.group(0))),
    (r"^(?:put|set|bring|turn|take)?\s*(.+?)\s+back\s+to\s+(?:the\s+)?(?:default|defaults|normal|factory|start)$", r"reset \1"),
    (r"^(highpass|lowpass|bandpass|hpf|lpf|bpf)\s+(?:the\s+)?(.+?)\s+(?:at|to)\s+(.+)$", r"\2 filter mode \1, cutoff \3"),
    (r"^(highpass|lowpass|bandpass|hpf|lpf|bpf)\s+(?:the\s+)?(.+?)$", r"\2 filter mode \1"),
    (r"^((?:[a-z_]+\s+)?[a-z_]+\s+(?:to\s+|at\s+)?[\d.]+\s*(?:%|[a-z]+)?)\s+(?:on|for)\s+(?:the\s+)?(\w+)$", r"\2 \1"),
    (r"^(?:delay|echo)\s+((?:dotted\s+)?[\d/.]+\s*\w*)\s+(?:on|for)\s+(?:the\s+)?(\w+)$", r"add a delay to \2, delay time \1"),
    (r"^(?:start\s+)?record(?:ing)?[,\s]+(?:to|into|as)\s+(?:an?\s+)?(?:(?:file|take|recording|track)\s+)?(?:called\s+|named\s+)?"
     r"([a-z][\w-]*)$", r"record to \1.wav"),
    (r"^(?:(?:get|have|give me|add)\s+)?(?:(?:a\s+)?(?:little|bit|touch|tad)\s+)?(?:more|less|some)\s+(\w+),\s*(-?[\d.]+\s*(?:%|[a-z]+)?)$",
     r"\1 \2"),
    (r"^(?:make\s+)?(?:it|the\s+\w+|\w+)\s+(?:sound\s+)?(?:(?:a\s+)?(?:bit|little|lot|touch)\s+)?deeper$",
     lambda m: re.sub(r"deeper$", "lower", m.group(0))),         # "the kick deeper" with nothing to deepen: lower
    (r"^how\s+(long|fast|bright|wet|high|deep|big|resonant|dirty|driven)\s+(?:is|are)\s+(?:the\s+)?(.+?)(?:\s+now)?$",
     lambda m: f"what is the {m.group(2)} {_HOW[m.group(1).lower()]}"),
    (r"^(?:add|give me|make|i want)\s+(?:an?\s+|some\s+)?(buzzy|buzzing|raspy|bright|beep|beepy|bleep|pure|hollow|reedy|mellow|"
     r"flutey|flute-like)(?:\s+(?:sound|tone|synth|one|note|noise))?(.*)$",
     lambda m: f"add a {_WAVE_OF[m.group(1).lower()]}{m.group(2)}"),
    (r"^(\w+\s+(?:the\s+)?\w+)\s+(?:slightly|a bit|a little|a touch|gently|a tad|some)?,\s*(-?[\d.]+\s*[a-z%]*)$", r"\1 \2"),
    (r"^(\w+)\s+\w+,\s*(-?[\d.]+\s*[a-z%]*)\s+(\w+)$",         # ('slow blues, 66 bpm': a tempo, never 66 slower)
     lambda m: m.group(0) if m.group(1).lower() in COMPARATIVES else f"{m.group(1)} {m.group(3)} {m.group(2)}"),
    (r"^make\s+(?:the\s+)?(\w+)\s+(?:open\s+and\s+close|move|go\s+up\s+and\s+down)\s+(?:by\s+itself|on\s+its\s+own|automatically)$",
     r"wobble the \1"),
    (r"^(?:let\s+me\s+)?hear\s+(?:the\s+)?(\w+)\s+(?:on\s+its\s+own|alone|by\s+itself|solo)$", r"solo \1"),
    (r"^(?:bring\s+)?everything\s+back(?:\s+in)?$", "unsolo"),
    (r"^(kick|snare|hats?|bass|saw|sine|square|triangle|noise)\s*,\s+(?=[a-z_]+\s+-?[\d.])", r"\1 "),
    (r"^(?:give|put)\s+(?:the\s+)?(\w+)\s+(?:an?\s+)?(\w+)\s+with\s+(?:an?\s+)?([\d.]+)[\s-]*([a-z]+)\s+([a-z]+)$",
     r"add a \2 to \1, \5 \3 \4"),
    (r"^(?:(?:a\s+)?(?:little|bit\s+of|touch\s+of)\s+)?(tanh|foldback|hard|bitcrush)?\s*distortion\s+on\s+(?:the\s+)?(\w+)(.*)$",
     r"add a \1 distortion to \2\3"),
    (r"^(?:make\s+)?(?:the\s+)?(\w+)\s+(?:lfo|wobble|sweep)\s+(at\s+[\d.]+\s*hz)$", r"wobble the \1 \2"),
    (r"^(\w+)\s+(?:tone|sound|timbre)\s+(brighter|darker|warmer|mellower|duller)$", r"\1 \2"),
    (r"^make\s+(?:the\s+)?(?:wobble|lfo|sweep)\s+\w+,\s*(?:like\s+)?(?:an?\s+)?(sine|square|saw|triangle|random)(?:\s+shape|\s+wave)?$",
     r"lfo shape \1"),
    (r"^solo\s+(?:the\s+)?(\w+)\s+(?:the\s+)?(\w+)$", r"solo \1 and \2"),
    (r"^(?:run|send|route|feed|pipe|push|drive)\s+(.+?)\s+(?:into|through)\s+(?:some\s+)?(.+)$", r"route \1 to \2"),
    (r"^(?:make\s+)?(.+?)\s+(?:go|goes|run|runs|feed|feeds)\s+(?:into|through)\s+(.+)$", r"route \1 to \2"),
    # a band leader's turns (session 45; the rest are read early: band_turns.py)
    (r"\b(?:her|she)\b", "it"),
    (r"^(?:continue|pick\s+(?:it\s+)?up|carry\s+on|resume|start\s+again)\s+(?:from\s+)?(?:where\s+(?:we|it|you)\s+"
     r"(?:paused|stopped|left\s+off)|where\s+we\s+were)(?:[\s,]+please)?[.!]*$", "continue"),
)]
#: A sound described by its timbre: the waveform that has it ('a buzzy sound': a saw).
_WAVE_OF = {"buzzy": "saw", "buzzing": "saw", "raspy": "saw", "bright": "saw", "beep": "sine", "beepy": "sine",
            "bleep": "square", "pure": "sine", "hollow": "square", "reedy": "square", "mellow": "triangle",
            "flutey": "triangle", "flute-like": "triangle"}
#: 'how long is the snare': the param a 'how …' question asks about.
_HOW = {"long": "decay", "fast": "rate", "bright": "cutoff", "wet": "mix", "high": "freq", "deep": "depth",
        "big": "room", "resonant": "resonance", "dirty": "drive", "driven": "drive"}
_CANT_HEAR = re.compile(r"^i\s+(?:can'?t|cannot|can not|barely)\s+hear\s+(?:the\s+)?(\w+)(?:\s+(?:at all|enough|anymore|well|now))?$",
                        re.I)


def cant_hear(text: str, model: PatchModel) -> tuple[str, str] | None:
    """'i can't hear the kick': its track unmuted when it is muted, else the kick louder."""
    match = _CANT_HEAR.match(text)
    if match is None:
        return None
    part = match.group(1)
    track = model.tracks.get(part.lower()) or next((t for t in model.tracks.values() if t.target.startswith(part.lower())), None)
    line = f"unmute the {part}" if track is not None and track.muted else f"the {part} louder"
    return f"can't hear {part}: {line}", line


#: "less bright" → "darker": the opposite comparative of an adjective.
_LESS_OF = {"bright": "darker", "buzzy": "darker", "harsh": "darker", "loud": "quieter", "dark": "brighter",
            "dull": "brighter", "muddy": "brighter", "fast": "slower", "slow": "faster", "wet": "drier",
            "dry": "wetter", "big": "smaller", "small": "bigger", "long": "shorter", "short": "longer",
            "dirty": "cleaner", "distorted": "cleaner", "gritty": "cleaner", "clean": "dirtier",
            "wide": "narrower", "deep": "shallower", "squelchy": "less resonance"}


#: Distortion verbs → the mode they name.
_MODE_OF = {"crush": "bitcrush", "fold": "foldback", "clip": "hard", "hard clip": "hard"}


_REPHRASE_SCREEN = Screen(REPHRASE + MIX_REPHRASE)


#: An open hat rings, a closed one is short: a hat of its own with that decay ('add an open hat').
_HAT_DECAY = {"open": "300 ms", "closed": "40 ms"}


def _base(comparative: str) -> str:
    """'louder' → 'loud', 'bigger' → 'big', 'noisier' → 'noisy'."""
    word = comparative.lower()[:-2]
    if word.endswith("i"):
        return word[:-1] + "y"
    return word[:-1] if len(word) > 2 and word[-1] == word[-2] else word


def rephrasings(text: str, model: PatchModel) -> list[tuple[str, str]]:
    """(how it was read, the line said the grammar's way) for each form that fits."""
    found = []
    for pattern, replacement in _REPHRASE_SCREEN.possible(text):      # those whose words are absent: skipped
        if pattern.search(text):
            new = pattern.sub(replacement, text)
            if new != text:
                found.append((f"read as '{new}'", new))
    heard = cant_hear(text, model)
    if heard:
        found.append(heard)
    found += chain_readings(text, model)
    quality = _quality(text)
    if quality:
        found.append(quality)
    layer = layered(text, model)
    if layer:
        found.append(layer)
    return found


def _quality(text: str) -> tuple[str, str] | None:
    """'more dirt' → 'more drive', 'bit of shuffle' → 'more swing', 'sweep faster' → 'lfo rate up'."""
    match = _QUALITY.match(text)
    if match and match.group(2).lower() in QUALITIES:
        how = match.group(1).lower()
        how = "more" if how in _MORE_WORDS | {"deeper", "stronger"} else how
        how = "less" if how in ("weaker", "shallower") else how
        param = QUALITIES[match.group(2).lower()]
        return f"{match.group(2)}: {param}", f"{how} {param}{match.group(3)}"
    match = _QUALITY_AFTER.match(text)
    if match and match.group(1).lower() in QUALITIES:
        param = QUALITIES[match.group(1).lower()]
        how = match.group(2).lower()
        if how in ("faster", "slower") and param == "lfo depth":
            param, how = "lfo rate", "up" if how == "faster" else "down"
        how = {"stronger": "up", "weaker": "down", "more": "up", "less": "down"}.get(how, how)
        return f"{match.group(1)}: {param}", f"{param} {how}{match.group(3)}"
    return None


__all__ = ["rephrasings", "cant_hear", "QUALITIES"]
