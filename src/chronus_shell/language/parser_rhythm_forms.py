"""The forms of the rhythm phrases (parser_rhythm_rules builds the intents): each a whole-line
pattern, in its family — euclid counts, chance, humanize, shift, quoted patterns, reverse, speed,
beat positions, fills, rolls, steps counted ('every 3 steps'), named rhythms ('3-2 clave').
"""
from __future__ import annotations

import re

from .literal_needs import LazyPattern
from .rhythm_tokens import (AMOUNT, DIRECTION, FRACTION, HITS, NUM, OFTEN_WORDS, PCT, POSITION, RHYTHM_NAME, ROTATE,
                            SHIFT_VERB, SPREAD, STEPS, TRACK, UNIT)


def _p(text: str) -> LazyPattern:
    """A whole-line form, compiled the first time the screen lets a line through to it."""
    return LazyPattern(r"^(?:please\s+)?" + text + r"(?:\s+please)?$", re.I)


# -- the forms, each with what it builds ----------------------------------------------------------
EUCLID = [
    _p(rf"(?:play\s+|put\s+|give\s+(?:me\s+)?)?(?P<n>{NUM})\s+(?:{HITS}\s+)?{SPREAD}\s+(?P<m>{NUM}){STEPS}"
       rf"(?:\s+(?:on|for|in)\s+{TRACK})?{ROTATE}"),
    _p(rf"(?:play\s+|give\s+)?{TRACK}:?\s+(?:(?:plays?|playing|on|with|gets?|in)\s+)?(?:an?\s+)?(?P<n>{NUM})\s+"
       rf"(?:{HITS}\s+)?(?:{SPREAD}|against)\s+(?P<m>{NUM}){STEPS}(?:\s+(?:thing|feel|pattern|groove|rhythm|"
       rf"euclid(?:ean)?))?{ROTATE}"),
    _p(rf"(?:play\s+)?{TRACK}:?\s+(?P<n>{NUM})\s+{HITS}\s+(?:per|a|each|every|in\s+a|in\s+each)\s+(?P<per>bar|beat)"
       rf"{ROTATE}"),
]
CHANCE = [
    _p(rf"(?:play\s+|let\s+|have\s+|make\s+)?{TRACK}\s+(?:(?:should|to|will|can)\s+)?(?:only\s+)?(?:play|plays|playing|"
       rf"hits?|fires?|triggers?|comes?\s+in|drops?\s+in|sounds?)?\s*(?:only\s+)?(?:randomly\s+|at\s+random\s+)?"
       rf"(?:{PCT}|{FRACTION})\s+(?:of\s+)?the\s+time"),
    _p(rf"(?P<often>randomi[sz]e)\s+{TRACK}"),
    _p(rf"make\s+{TRACK}\s+(?P<often>random)"),
    _p(rf"(?:play\s+)?{TRACK}\s+(?:(?:only|just)\s+)?(?:play\s+|plays\s+|hit\s+|hits\s+)?(?P<often>{OFTEN_WORDS})"),
    _p(rf"(?:play\s+|give\s+)?{TRACK}\s+(?:only\s+)?(?:with\s+|at\s+)?(?:an?\s+)?(?:{PCT}|{FRACTION})\s+"
       rf"(?:chance|probability|likelihood|odds)(?:\s+(?:of|to)\s+play(?:ing)?)?"),
    _p(rf"(?:set\s+)?(?:the\s+)?(?:chance|probability|likelihood|prob)\s+(?:of\s+|on\s+|for\s+)?{TRACK}\s+(?:to\s+|at\s+)?"
       rf"(?:{PCT}|(?P<ratio>0?\.\d+|[01]))"),
    _p(rf"(?:set\s+)?(?:the\s+)?{TRACK}\s+(?:chance|probability|prob)\s+(?:to\s+|at\s+)?(?:{PCT}|(?P<ratio>0?\.\d+|[01]))"),
    _p(rf"(?:set\s+)?(?:the\s+)?(?:chance|probability|prob)\s+(?:to\s+|at\s+)?(?:{PCT}|(?P<ratio>0?\.\d+|[01]))\s+"
       rf"(?:on|for)\s+{TRACK}"),
    _p(rf"(?:make\s+)?{TRACK}\s+(?:{PCT}|(?P<ratio>\d+/\d+))\s+(?:random|chance|likely|probability)"),
    _p(rf"(?:make\s+)?random\s+{TRACK}\s+(?:at\s+)?{PCT}"),
    _p(rf"(?P<degrade>degrade|degradeby|undegradeby)\s*(?P<by>0?\.\d+|[01])?\s*\$?\s+{TRACK}"),
    _p(rf"(?:\w+\s+)?{TRACK}\s*:?\s+(?:each|every)\s+(?:stroke|hit|note|step)\s+(?:is\s+)?{PCT}\s+likely"),
    _p(rf"(?:ghost|thin\s+out|thin)\s+{TRACK},?\s+(?:like\s+|to\s+|so\s+)?(?:only\s+)?{PCT}\s+of\s+(?:the\s+)?"
       rf"(?:hits|notes|strokes|time)"),
]
HUMANIZE = [
    _p(rf"(?P<on>humani[sz]e|loosen(?:\s+up)?|unquanti[sz]e|add\s+(?:some\s+|a\s+bit\s+of\s+)?(?:human\s+feel|"
       rf"humani[sz](?:e|ation)|looseness|human\s+timing)\s+(?:to|on))\s+{TRACK}(?:\s+up)?{AMOUNT}"),
    _p(rf"(?:make\s+)?{TRACK}\s+(?:sound\s+|feel\s+)?(?:more\s+)?(?P<on>humani[sz]ed|human|loose|looser|sloppy|sloppier|"
       rf"less\s+robotic|less\s+quantized){AMOUNT}"),
    _p(rf"(?P<off>quanti[sz]e|unhumani[sz]e|de-?humani[sz]e|(?:no|stop)\s+humani[sz](?:e|ing)(?:\s+on)?)\s+{TRACK}"),
]
SHIFT = [
    _p(rf"{SHIFT_VERB}\s+{TRACK}\s+(?:by\s+)?(?P<n>{NUM}|an?|half\s+a)\s+{UNIT}\s*(?:to\s+the\s+)?{DIRECTION}?"),
    _p(rf"{SHIFT_VERB}\s+{TRACK}\s+{DIRECTION}\s+(?:by\s+)?(?P<n>{NUM}|an?|half\s+a)\s+{UNIT}"),
    _p(rf"{SHIFT_VERB}\s+{TRACK}\s+(?P<dir>later|earlier)"),     # "move the hats left" is a pan, not a shift
    _p(rf"{SHIFT_VERB}\s+{TRACK}\s+by\s+(?P<signed>[-+]?\d+)(?:\s+steps?)?"),
    _p(rf"(?P<verb>shift|nudge|rotate|offset|displace)\s+{TRACK}\s+(?P<signed>[-+]\d+)(?:\s+steps?)?"),   # 'shift kick +2': a
    #   sign says which way ('move the bass +2' may be semitones: never this)
    _p(rf"{TRACK}\s+(?:{SHIFT_VERB}s?\s+)?(?:by\s+)?(?P<n>{NUM}|an?)\s+{UNIT}\s+(?P<dir>later|earlier|late|early)"),
    _p(rf"{TRACK},?\s+{SHIFT_VERB}\s+(?:it|them)\s+{DIRECTION}\s+(?:by\s+)?(?P<n>{NUM}|an?|half\s+a)\s+{UNIT}"),
    _p(rf"\(?\"?(?P<cycle>\d+/\d+|0?\.\d+|\d+)\"?\)?\s*(?P<arrow><~|~>)\s*\$?\s*{TRACK}"),
]
SEED = [_p(r"(?:(?:lock|fix|freeze)\s+(?:the\s+)?random(?:ness)?,?\s+)?(?:set\s+|change\s+|use\s+)?(?:the\s+|a\s+)?"
           r"(?:new\s+|different\s+|fresh\s+)?(?:random\s*)?(?:seed|randseed|reseed)"
           r"\s*(?:to\s+|[:=]\s*|of\s+|number\s+)?(?P<seed>[-+]?\d+(?:\.\d+)?)")]
QUOTED = [_p(rf"(?:play\s+)?{TRACK}\s*:?\s*\"(?P<pattern>[^\"]+)\"(?:\s+on\s+{TRACK.replace('track>', 'track2>')})?"),
          _p(rf"{TRACK}\s*:\s*(?P<pattern>[xX.~\[<][^\"]*)"),
          # mini-notation typed bare: taken as written (a malformed one is refused naming the position)
          _p(rf"(?:play\s+|set\s+)?{TRACK}\s+(?:to\s+)?(?P<pattern>(?=[^\"]*[\[\]<>()*!?@~_])[xX.~\[<]"
             rf"[\sxX.~_\-\[\]<>()*!?@,|\d]*)"),
          _p(rf"play\s+(?P<pattern>(?=[^\"]*[\[\]<>()*!?@~_])[xX.~\[<][\sxX.~_\-\[\]<>()*!?@,|\d]*?)\s+on\s+{TRACK}"),
          # 'kick on 1 and the and of 2: x.....x.........', 'hats 8th notes x.x.x.x.': the pattern is what is played
          _p(rf"{TRACK}\s+[^:\"]*?:\s*(?P<pattern>[xX.~][xX.~\-]{{3,}})"),
          _p(rf"{TRACK}\s+(?:(?:straight\s+)?(?:8th|16th|quarter|eighth|sixteenth)(?:\s+notes?|s)?|pattern|groove|rhythm)"
             rf"\s*:?\s+(?P<pattern>[xX.~][xX.~\-]{{3,}})")]
REVERSE = [
    _p(rf"(?:reverse|flip|mirror|retrograde|rev)\s*\$?\s+{TRACK}(?:\s+(?:around|round|backwards?))?"),
    _p(rf"make\s+{TRACK}\s+(?:go|play|run)\s+(?:backwards?|in\s+reverse)"),
    _p(rf"(?:play\s+|turn\s+)?{TRACK}\s+(?:backwards?|in\s+reverse|in\s+retrograde|reversed?|back\s+to\s+front|around|"
       rf"round)"),
    _p(rf"(?P<off>un-?reverse)\s+{TRACK}"),
    _p(rf"(?:play\s+)?{TRACK}\s+(?P<off>forwards?|the\s+right\s+way(?:\s+round)?|not\s+reversed)(?:\s+again)?"),
]
#: What a change of speed is called besides ('a half time breakdown on the drums', 'double time feel').
SECTION = r"(?:feel|breakdown|section|groove|vibe)"
SPEED = [
    _p(rf"(?:play\s+|make\s+|put\s+|slow\s+|speed\s+|set\s+|bring\s+|take\s+|drop\s+)?{TRACK}\s+(?:(?:down\s+|up\s+)?"
       rf"(?P<at>in|at|on|to)\s+)?(?P<how>double|half|quadruple|quarter)[- ]?(?:time|speed)(?:\s+{SECTION})?"),
    _p(rf"(?:play\s+|put\s+)?(?P<how>double|half|quadruple)[- ]?(?:time|speed)(?:\s+{SECTION})?\s+(?:(?:on|for)\s+)?{TRACK}"),
    _p(rf"(?:play\s+|make\s+)?{TRACK}\s+(?P<how>twice|half)\s+as\s+(?P<as>fast|slow|quick)"),
    _p(rf"(?:play\s+|make\s+|put\s+|turn\s+)?{TRACK}\s+(?:(?:in|as|into|with|to)\s+)?(?:a\s+)?(?P<how>triplets?)"
       rf"(?:\s+feel)?"),
    _p(rf"(?P<how>normal|regular|straight)\s+(?:time|speed)\s+(?:(?:on|for)\s+)?{TRACK}"),
    _p(rf"(?:play\s+)?{TRACK}\s+(?:(?:in|as|on)\s+)?(?:triplet\s+(?P<tripunit>quavers|eighths|8ths|semiquavers|sixteenths|"
       rf"16ths|crotchets|quarters)|(?P<tripunit2>quaver|eighth|8th|semiquaver|sixteenth|16th|crotchet|quarter|1/8|1/16|1/4)"
       rf"(?:[- ]note)?\s+triplets?)"),
    _p(rf"(?:play\s+)?(?P<tripunit2>quaver|eighth|8th|semiquaver|sixteenth|16th|crotchet|quarter)(?:[- ]note)?\s+triplets?\s+"
       rf"(?:on|for|in)\s+{TRACK}"),                 # 'eighth note triplets on the snare'
    _p(rf"(?P<how>double)\s+up\s+{TRACK}"),
    _p(rf"(?P<how>double)\s+{TRACK}\s+up"),
    # a modular player's clock: 'clock divide the hats by 2' (half the speed), 'clock multiply the kick x2'
    _p(rf"(?:clock\s+)?(?P<tidal>divide|multiply)\s+(?:the\s+clock\s+(?:of|on|for)\s+)?{TRACK}\s+(?:by\s+|x\s*)"
       rf"(?P<factor>[2-8])"),                                   # 'double it up', 'double the hats up'
    _p(rf"(?:make\s+|let\s+|have\s+)?{TRACK}\s+(?:go|play|run)\s+(?P<as>faster|quicker|slower)"),   # twice, or half
    _p(rf"(?P<how>diminution|augmentation)\s+(?:of\s+)?{TRACK}(?:\s+at\s+(?:half|double)\s+speed)?"),
    _p(rf"(?P<tidal>fast|slow|density|sparsity)\s+\"?(?P<factor>\d+(?:\.\d+)?|\d+/\d+)\"?\s*\$?\s+{TRACK}"),
    _p(rf"(?:play\s+|make\s+|put\s+)?(?:an?\s+)?(?P<how>triplets?)(?:\s+feel)?\s+(?:(?:on|for)\s+)?{TRACK}"),
    _p(rf"(?:play\s+)?(?!(?:go|get|come|now|and|let's|lets)\b){TRACK}\s+(?:at\s+|back\s+to\s+)?(?:(?P<how>normal|regular|original|straight)"
       rf"(?:\s+(?:speed|time|again))?|(?P<full>full)\s+(?:speed|time))"),
    # 'back to normal time', 'regular speed' (after 'double time'): every track at its own speed again
    _p(r"(?:(?:go|get|come|and|now)\s+)*(?:back\s+)?(?:to\s+|in\s+)?(?P<how>normal|regular|original|full)\s+(?:time|speed)"
       r"(?:\s+again)?"),                     # ('back to full speed' after 'half time': never the fastest tempo)
    _p(r"(?:(?:go|get|come|and|now)\s+)*back\s+to\s+(?P<how>normal|regular)(?:\s+again)?"),
    _p(rf"(?:play\s+|set\s+)?(?:the\s+)?{TRACK}\s+(?:speed\s+)?(?:at\s+|to\s+)?(?P<factor>\d+(?:\.\d+)?|\d+/\d+)\s*"
       rf"(?:x|times\s+(?:as\s+fast|faster|the\s+speed))(?:\s+speed)?"),
]
_ANY_POSITION = re.sub(r"\?P<\w+>", "?:", POSITION)
BEATS = rf"(?P<positions>{_ANY_POSITION}(?:\s*(?:,(?:\s*and\b)?|and|&|\+)\s*{_ANY_POSITION})*)"   # ('1, the and of 2, and 4')
_BEAT_WORD = r"(?:\s+beats?)?"        # 'on the first and third beats'
POSITIONS = [
    _p(rf"(?P<add>add\s+|also\s+)?(?:play\s+|put\s+)?(?:an?\s+)?(?:extra\s+)?{TRACK}(?:\s+hits?)?\s+(?P<mid>also\s+)?"
       rf"on\s+{BEATS}{_BEAT_WORD}"
       rf"(?P<also>,?\s+(?:as\s+well|too|also))?"),
    _p(rf"(?:play\s+|put\s+|make\s+|have\s+|let\s+)?{TRACK}\s+(?:(?:play|plays|hit|hits)\s+)?(?:only\s+)?on\s+{BEATS}"
       rf"{_BEAT_WORD}(?:\s+only)?(?:,?\s+(?:for\s+)?(?:the|a)?\s*(?:half|double)[- ]?time(?:\s+feel)?)?"),
]
#: 'bring in just the kick on 1 and 3', 'bring the snare back in on 2 and 4': in again (if muted), on those beats.
BRINGS = [
    _p(rf"(?:bring|let|have)\s+(?:(?:back\s+)?in\s+)?(?:just\s+|only\s+)?{TRACK}\s+(?:back\s+)?(?:in\s+)?(?:only\s+)?on\s+"
       rf"{BEATS}{_BEAT_WORD}(?:,?\s+for\s+the\s+(?:first|second|third|next|last|final)\s+(?:verse|chorus|bridge|section))?"),
]
#: 'kill the snare on the 4', 'no kick on 3', 'take the snare off beat 4': those hits leave the pattern.
DROPS = [
    _p(rf"(?:kill|remove|lose|mute|cut|delete|take\s+out|leave\s+out|no)\s+{TRACK}(?:\s+hits?)?\s+(?:on|at)\s+"
       rf"(?:beats\s+)?{BEATS}{_BEAT_WORD}"),
    _p(rf"(?:take|get)\s+{TRACK}(?:\s+hits?)?\s+off\s+(?:of\s+)?{BEATS}{_BEAT_WORD}"),
    _p(rf"{TRACK}\s+off\s+(?:of\s+)?{BEATS}{_BEAT_WORD}"),
]
#: 'fewer hats', 'thin out the kick', 'the hats are too busy': the part plays fewer of its hits (never quieter).
THIN = [
    _p(rf"(?:(?:play|use|give\s+me|have)\s+)?(?:a\s+(?:few|bit|little)\s+)?fewer\s+{TRACK}(?:\s+{HITS})?"),
    _p(rf"fewer\s+{HITS}\s+(?:on|in|from)\s+{TRACK}"),
    _p(rf"(?:thin|strip|pare)\s+(?:out|back|down)\s+{TRACK}"),
    _p(rf"simplify\s+{TRACK}"),
    _p(rf"(?:thin|strip|pare)\s+{TRACK}\s+(?:out|back|down)"),
    _p(rf"(?:make\s+)?{TRACK}\s+(?:less\s+busy|sparser|more\s+sparse|simpler)"),
    _p(rf"{TRACK}\s+(?:are|is|'re|'s|sound|sounds)\s+(?:way\s+|a\s+bit\s+|far\s+)?too\s+busy"
       rf"(?:[,.]?\s+(?:thin\s+(?:it|them)\s+out|simplify\s+(?:it|them)|fewer\s+{HITS}))?"),
]
#: Beats said after the part with no 'on', where there are several ('kick 1 and 3 and the and of 4').
POSITIONS.append(_p(rf"(?:play\s+)?{TRACK}\s+(?=\S+\s*(?:,|and|&|\+))(?!\d+\s*\+\s*\d)(?!.*\b(?:bpm|hz|ms|db|%)\b){BEATS}{_BEAT_WORD}"))
RATE = r"(?:,?\s*(?:in\s+)?(?:straight\s+)?(?P<rate>16ths|sixteenths|semiquavers|32nds|thirty-?seconds|demisemiquavers|"\
       r"64ths|triplets))?"
FILL = [
    _p(rf"(?:add\s+|put\s+)?(?:an?\s+)?(?:(?:little|quick|short|small|tiny|big|long)\s+)?{TRACK}\s+(?:rolls?|fill)\s+"
       rf"(?:(?:at|on|across|over)\s+)?(?:the\s+)?(?:whole\s+)?(?:end|last\s+beat)"
       rf"(?:\s+of\s+the\s+(?:bar|pattern))?{RATE}"),       # (a roll 'into the chorus' is once, before it: not this)
    _p(rf"(?:add\s+|put\s+)?(?:an?\s+)?(?:rolls?|fill)\s+(?:at|on)\s+the\s+(?:end|last\s+beat)(?:\s+of\s+the\s+"
       rf"(?:bar|pattern))?\s+(?:on|for)\s+{TRACK}{RATE}"),
    _p(rf"{TRACK}\s+(?P<whole>rolls?|fill),?\s+(?:straight\s+|all\s+)?(?P<rate>16ths|sixteenths|semiquavers|32nds|"
       rf"thirty-?seconds)"),
    _p(rf"(?P<stutter>stutter|ratchet|roll|double)\s+{TRACK}\s+on\s+(?:the\s+)?(?P<beat>[1-4]|one|two|three|four)"),
]
#: 'the last beat' is a beat of the bar, never the whole beat's last hits ('a roll on the last beat': drum_rolls.py).
_NOT_BEAT = r"(?!(?:beat|bar|measure)\b)"
ROLL = [
    _p(rf"(?:add\s+|put\s+|play\s+)?(?:an?\s+)?(?:(?P<kind>double|triple|quadruple|quad|\d+[- ]stroke)\s+)?roll\s+"
       rf"(?:on|at|to)\s+(?:the\s+)?(?P<which>last|first|final)\s+{_NOT_BEAT}{TRACK}(?:\s+(?:hit|note|step))?"),
    _p(rf"roll\s+(?:the\s+)?(?P<which>last|first|final)\s+{_NOT_BEAT}{TRACK}(?:\s+(?:hit|note))?"),
    _p(rf"(?:add\s+|put\s+)?(?:an?\s+)?{TRACK}\s+roll\s+(?:on|at|to)\s+the\s+(?P<which>last|first|final)\s+"
       rf"(?:hit|note|step)"),
    _p(rf"(?:add\s+|put\s+|play\s+)?(?:an?\s+)?roll\s+(?:on|at)\s+the\s+(?P<which>last|first|final)\s+"
       rf"(?:hit|note|step)\s+of\s+{TRACK}"),
    _p(rf"(?:make\s+)?(?:the\s+)?(?P<which>last|first|final)\s+{_NOT_BEAT}{TRACK}(?:\s+(?:hit|note))?\s+(?:into\s+)?(?:an?\s+)?roll"),
    _p(rf"(?:add\s+|put\s+)?(?:an?\s+)?{TRACK}\s+roll\s+(?:at|on)\s+the\s+(?P<which>end)(?:\s+of\s+the\s+(?:bar|pattern))?"),
]
#: Counts of hits that fit no form above: refused with the form, never read as a setting.
LOOSE_COUNT = re.compile(rf"^(?:play\s+)?{TRACK}\s+(?P<n>{NUM})\s+(?:hits?|pulses?|onsets?|strokes?)\b.*$", re.I)
#: 'kick every 4 steps', 'hats on every 3rd sixteenth', 'a hit every 2 beats on the snare': steps counted.
#: A part that plays notes or hits (never an effect: 'echo on quarter notes' is a delay time).
_PART = (r"(?:(?:the|my)\s+)?(?P<track>kick|snare|hats?|hi-?hats?|hihats?|claps?|rims?|rides?|toms?|shakers?|perc\w*|cymbals?|"
         r"drums?|bass(?:line)?|chords?|keys|pads?|lead|melody|arp)")
#: A note value a part plays on every one of (not 'quarter' alone: 'hats quarter' may be a level).
_NOTE_VALUE = (r"(?P<unit>1/16|1/8|sixteenths?|16ths?|semiquavers?|(?:dotted\s+)?(?:eighths?|8ths?|quavers?|quarters|crotchets|"
               r"quarter(?=[- ]notes?)|minims|halves|half(?=[- ]notes)|dotted\s+(?:half|quarter|eighth)(?=[- ]notes?))|"
               r"whole(?=[- ]notes)|semibreves)(?:[- ]notes?)?")
#: A DAW's triplet grid on a drum part ('hats 1/16T'; 'delay 1/8T' is the delay's time).
SPEED.append(_p(rf"(?:play\s+)?{_PART}\s+(?:(?:in|as|on)\s+)?(?P<tripunit2>1/8|1/16|1/4)t"))
EVERY = [
    _p(rf"(?:play\s+|put\s+|give\s+)?(?:an?\s+)?{TRACK}\s+(?:(?:on|hits?|plays?|playing)\s+)?(?:once\s+)?every\s+"
       rf"(?:(?P<every>{NUM}|\d+(?:st|nd|rd|th))\s+)?{UNIT}"),
    # 'hihat 16th', 'hats all the 16ths', 'chimbal in eighth notes', '16th hats': a hit on each of those notes
    _p(rf"(?:play\s+|put\s+|give\s+(?:me\s+)?)?(?:an?\s+)?{_PART}\s+(?:(?:on|in|playing|plays?)\s+)?(?:all\s+(?:the\s+)?|"
       rf"straight\s+)?{_NOTE_VALUE}"),
    _p(rf"(?:play\s+|give\s+(?:me\s+)?)?(?:some\s+)?(?:straight\s+)?{_NOTE_VALUE}\s+(?:on\s+(?:the\s+)?)?{_PART}"),
    _p(rf"(?:play\s+|put\s+)?(?:an?\s+|one\s+)?(?:hit\s+)?every\s+(?P<every>{NUM}|\d+(?:st|nd|rd|th))\s+{UNIT}\s+"
       rf"(?:on|for)\s+{TRACK}"),
]
#: 'kick once a bar', 'the boom only at the start of each bar', 'kick on the downbeat', "hats only on the 'and'":
#: a spot in every bar or beat said in words.
_EACH = r"(?:each|every|the)"
SPOTS = [
    _p(rf"(?:play\s+)?{TRACK}\s+(?:only\s+)?(?P<count>once|twice|two\s+times|four\s+times)\s+(?:a|per|each|every)\s+"
       rf"(?P<per>bar|beat|measure)(?:\s+only)?"),
    _p(rf"(?:play\s+)?{TRACK}\s+(?:only\s+)?(?:on|at)\s+(?:the\s+)?(?P<one>downbeat|sam|(?:start|top|beginning)\s+of\s+{_EACH}\s+"
       rf"(?:bar|measure)|first\s+beat\s+of\s+{_EACH}\s+(?:bar|measure))(?:\s+only)?"),
    _p(rf"(?:play\s+)?{TRACK}\s+(?:only\s+)?on\s+(?:the\s+|all\s+the\s+)?(?P<beats>downbeats)(?:\s+only)?"),   # every beat
    _p(rf"(?:play\s+)?{TRACK}\s+(?P<beats>4|four)\s+(?:on|to)\s+the\s+floor"),                     # 'kick 4 on the floor'
    _p(rf"(?:play\s+)?{TRACK}(?:\s+(?:hits?|plays?))?\s+(?:only\s+)?on\s+(?:the\s+|every\s+|each\s+)?['\"]?(?P<and>and|&|\+|off-?beat)s?['\"]?"
       rf"(?:\s+of\s+{_EACH}\s+beat)?(?:\s+only)?"),
]
#: 'hats in 32nds', 'the hats 32nd notes': two hits in every step of the grid.
_32NDS = r"(?:1/32|32(?:nd|th)s?(?:[- ]notes?)?|thirty-?second(?:s|[- ]notes?)|demisemiquavers)"
THIRTY_SECONDS = [
    _p(rf"(?:play\s+|put\s+)?{TRACK}\s+(?:rolls?\s+)?(?:(?:in|on|as|at|to)\s+)?(?:all\s+(?:the\s+)?|straight\s+)?{_32NDS}"
       rf"(?:\s+rolls?)?(?:,?\s+(?:for\s+)?(?:the|a)\s+(?:whole|entire|full)\s+bar)?"),
    _p(rf"(?:play\s+|give\s+(?:me\s+)?)?(?:some\s+)?{_32NDS}\s+(?:on\s+(?:the\s+)?)?{TRACK}(?:\s+rolls?)?"),
]
#: 'add a kick on the last 16th', 'snare on the last eighth of the bar': the last step of that length.
LAST = [
    _p(rf"(?P<add>add\s+|also\s+)?(?:put\s+)?(?:an?\s+)?(?:extra\s+)?{TRACK}(?:\s+hits?)?\s+(?P<mid>also\s+)?on\s+"
       rf"the\s+(?:very\s+)?last\s+(?P<last>16th|sixteenth|step|8th|eighth|beat|quarter)(?:\s+note)?"
       rf"(?:\s+of\s+the\s+(?:bar|pattern))?(?P<also>,?\s+(?:as\s+well|too|also))?"),
]
#: Verbs said of a part, never a part ('mute the clave': the track called clave muted, no rhythm on a track 'mute').
_PART_VERBS = r"(?:mute|unmute|solo|unsolo|stop|start|drop|remove|delete|kill|cut|silence|lose|fade)"
#: '3-2 clave on the snare', 'snare plays a tresillo': a rhythm known by name.
NAMED = [
    _p(rf"(?:play\s+|put\s+|give\s+(?:me\s+)?)?(?:an?\s+|the\s+)?{RHYTHM_NAME}(?:\s+(?:rhythm|pattern|beat|feel))?\s+"
       rf"(?:on|for|in)\s+{TRACK}"),
    _p(rf"(?:play\s+|put\s+|give\s+)?(?!{_PART_VERBS}\s){TRACK}:?\s+(?:(?:plays?|playing|on|in|as)\s+)?(?:an?\s+|the\s+)?"
       rf"{RHYTHM_NAME}"
       rf"(?:\s+(?:rhythm|pattern|beat|feel))?"),
]
