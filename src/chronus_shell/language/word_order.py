"""Word orders the grammar does not take, put in its order for the second stage: a learner's
('the bass one octave more down', 'reverb in the snare', 'the kick more low'), a shorthand
('bass 2 octaves up', 'reverb 40% wet', 'hats a little to the left side'), a classroom's
('Jamie wants the whole thing louder', 'bring the others back'). Each form moves or swaps words
the line already has; none adds a meaning the line does not say.
"""
from __future__ import annotations

import re

from ..engine.catalogue import CATALOGUE
from ..engine.params import format_number
from .param_words import COMPARATIVES, LEVEL_OF_MODULE, LFO_EFFECTS
from .patch_model import PatchModel
from .nicknames import nickname
from .resolve import type_named
from .vocabulary import is_known_word

_AMOUNT = r"(?:\d+|one|two|three|four|an?|half\s+an?)"
_STEP = r"(?:octaves?|semitones?|semis?|half[\s-]steps?|whole[\s-]steps?|tones?)"
_SIDE = r"((?:slightly|a\s+bit|a\s+little|a\s+touch|hard|far|all\s+the\s+way|way)\s+)?(?:to\s+)?(?:the\s+)?(left|right)(?:\s+side)?"
_EFFECTS = r"(reverb|delay|echo|distortion|filter|lfo)"


_MIX_SAID = re.compile(r"\s*(?:mix|wet)$")


def _percent(amount: str, said: str) -> str:
    """A side's amount as said: a percentage ('left 40', a DAW's L40; 'left 0.5%'), or a fraction a share ('left 0.2')."""
    return f"{float(amount) * 100:g}" if "." in amount and not re.search(r"%|per\s*cent", said, re.I) else amount


def _effect_in(m: re.Match) -> str:
    """'put a delay in the hats 1/8': one added; 'reverb on the clap 30% mix', no verb: that part's reverb set (the one
    there, if there is one), its value said as the effect's own."""
    effect, part, value = m.group(2), m.group(3), m.group(4)
    if m["verb"] or not value:
        return f"add a {effect} to the {part}" + (f", {value}" if value else "")
    return f"{effect} on the {part} at {_MIX_SAID.sub('', value)}"

_ORDERS: list[tuple[re.Pattern, object]] = [(re.compile(p, re.I), r) for p, r in (
    # a complaint: 'the kick is a little quiet', "kick's a bit long" (the part too quiet, too long)
    (r"^(?!(?:what|how|which|where|who|why|is|are|do|does|can)\b)(?:the\s+)?([a-z0-9_]+(?:\s+[a-z0-9_]+)?)"
     r"(?:'s|\s+is|\s+are|\s+sounds?|\s+seems?|\s+feels?)\s+(?:(?:a\s+)?(?:bit|little|tad|touch)\s+|"
     r"(?:kinda|rather|quite|pretty|somewhat|slightly|a\s+little\s+bit)\s+)*([a-z]+)$", r"\1 too \2"),
    # an effect said as a verb, 'apply' for 'add': 'filter the hats', 'delay the keys' (with an amount after it the
    # part is shifted), 'apply some reverb to the bass'
    (r"^(filter|reverb|echo|delay)\s+(?:the\s+)?(\w+)$", r"add a \1 to the \2"),
    (r"^apply\s+(?!(?:the\s+|my\s+)?(?:changes?|edits?|transaction)\b)(.+)$", r"add \1"),
    # a side said after the part: 'hats a little to the left side', 'place the triangle slightly to the left'
    (rf"^(?:place|position|put|move|set)\s+(?:the\s+)?(.+?)\s+{_SIDE}$", lambda m: f"pan the {m.group(1)} {m.group(2) or ''}{m.group(3)}"),
    (rf"^(?:the\s+)?(\w+)\s+{_SIDE}$", lambda m: f"pan the {m.group(1)} {m.group(2) or ''}{m.group(3)}"),
    # steps written in ones and zeros, a programmer's way ('hats pattern 0010001000100011'): a one is a hit
    (r"^(?:the\s+)?([a-z]\w*)\s+(?:pattern|steps|rhythm)?\s*[:=]?\s*([01]{8,64})$",
     lambda m: f"{m.group(1)} {m.group(2).replace('1', 'x').replace('0', '.')}"),
    # a drum hit harder with nothing to drive ('kick harder', refused as a drive): its punch
    (r"^(?:the\s+)?(kick|kicks|snare|snares|drums?)\s+(?:(?:must|should|needs?\s+to)\s+(?:be\s+|hit\s+)?|hits?\s+)?"
     r"(?:harder|more\s+hard)(?:\s*,\s*(?:more\s+punch|punchier))?$", r"\1 punchier"),
    # 'give the chimes an echo, a quarter note': the effect on that part (one added if it has none)
    (r"^give\s+(?:the\s+|my\s+)?([\w-]+)\s+(?:a\s+little\s+|a\s+bit\s+of\s+|a\s+touch\s+of\s+|some\s+|an?\s+)"
     r"(echo|delay|reverb)\b(.*)$", r"\2 on the \1\3"),
    # 'give the piano a little tremolo': that modulation added to it
    (r"^give\s+(?:the\s+|my\s+)?([\w-]+)\s+(?:a\s+little\s+|a\s+bit\s+of\s+|a\s+touch\s+of\s+|some\s+|an?\s+)"
     rf"({'|'.join(LFO_EFFECTS)})$", r"add a \2 to the \1"),
    # a part's tone said darker or brighter ('the viola's tone darker'), a part let ring ('let the snare ring longer')
    (r"^(?:the\s+|my\s+)?([\w-]+?)(?:'s)?\s+(?:tone|sound|timbre)\s+(\w+er)$", r"\1 \2"),
    #   (a tone softened, its top rolled off: darker — 'Soften the piano's tone, roll off the top.')
    (r"^(?:soften|mellow|warm\s+up|round\s+off)\s+(?:the\s+|my\s+)?([\w-]+?)(?:'s)?\s+(?:tone|sound|timbre)"
     r"(?:,?\s+(?:and\s+)?(?:roll\s+off|cut|tame|shave\s+off)\s+(?:the\s+|some\s+(?:of\s+the\s+)?)?(?:top|highs|top\s+end|high\s+end|treble))?$",
     r"\1 darker"),
    (r"^let\s+(?:the\s+|my\s+)?([\w-]+)\s+(ring|decay|sustain)\s+(longer|shorter|more|less)$", r"\1 \2 \3"),
    # a track at double or half its speed said bare ('hihat double'), back ('hihat back normal')
    (r"^(?:the\s+)?([\w-]+)\s+(double|half)$", r"\1 \2 time"),
    (r"^(?:the\s+)?([\w-]+)\s+(?:back\s+(?:to\s+)?)?normal(?:\s+again)?$", r"\1 normal speed"),
    # a new module with how it is set, said after 'with' ('add an envelope with a fast attack and a short decay')
    (r"^((?:add|put|give\s+me)\s+(?:an?\s+)?[\w-]+(?:\s+(?:to|on)\s+(?:the\s+)?[\w-]+)?)\s+with\s+(?:an?\s+)?"
     r"([a-z]+\s+[a-z_]+)(?:\s+and\s+(?:an?\s+)?([a-z]+\s+[a-z_]+))?$",
     lambda m: ", ".join([m.group(1)] + [_compared(c) for c in (m.group(2), m.group(3)) if c])),
    # an effect put 'at the end' of its chain ('add a reverb at the end'): where a new effect goes (before a bus the
    # part shares with others, after an envelope of its own)
    (r"^((?:add|put|insert)\s+(?:an?\s+)?(?:[\w-]+\s+){0,3}(?:reverb|delay|echo|distortion|filter|lowpass|highpass|limiter))"
     r"\s+at\s+the\s+(?:very\s+)?end(?:\s+of\s+(?:the\s+)?(?:signal\s+)?chain)?$", r"\1"),
    # a recording said with its file ('record it, file beattape3.wav', 'recording start, file name demo1.wav')
    (r"^(?:start\s+)?(?:record(?:ing)?|rec)(?:\s+(?:it|this|start|now|please))?[,:]?\s+(?:to\s+|in(?:to)?\s+)?(?:a\s+|the\s+)?"
     r"file(?:\s*name(?:d)?)?[,:]?\s+(\S+?\.wav)$", r"record to \1"),
    (r"^roll\s+(?:the\s+)?tape$", "start recording"),            # the studio's word for it
    # a side with its amount after it, or after 'pan': 'kick left 20%', 'hats pan l', 'snare panned right'
    #   (placed, set apart, hedged: 'Could the piano sit a little to the left? Say 20.' — the number says how far)
    (r"^(?:(?:pan|place|position|put|move|set|sit)\s+)?(?:the\s+)?(\w+)\s+(?:(?:pan(?:ned)?|sits?|goes|go|moves?)\s+)?"
     r"(?:(?:a\s+(?:bit|little|touch|tad)|slightly)\s+)?(?:to\s+(?:the\s+)?)?(left|right|l|r)(?:\s+side)?"
     r"(?:\s+(?:a\s+(?:bit|little|touch|tad)|slightly))?(?:,|[.!?]+)?\s+"
     r"(?:by\s+|say\s+|like\s+|about\s+|maybe\s+)?(\d+|0?\.\d+)\s*(?:%|percent|per\s*cent)?\.?$",   # ('guitar left 40': a DAW's L40; 'to
     lambda m: f"pan the {m.group(1)} {_percent(m.group(3), m.group(0))}% {_SIDES[m.group(2).lower()]}"),   # the left, 30 percent'; 'left 0.2')
    (r"^(?:the\s+)?(\w+)\s+pan(?:ned)?\s+(?:to\s+(?:the\s+)?)?(cent(?:er|re)|middle)$", r"pan the \1 center"),
    (r"^(?:the\s+)?(\w+)\s+pan(?:ned)?\s+((?:a\s+bit|a\s+little|a\s+touch|slightly|hard|far)\s+)?(?:to\s+(?:the\s+)?)?(left|right|l|r)$",
     lambda m: f"pan the {m.group(1)} {m.group(2) or ''}{_SIDES[m.group(3).lower()]}"),
    # a side after a change of the part: 'hats softer and a touch left', 'the snare louder, a bit to the right'
    (r"^(?:the\s+)?(\w+)\s+(\w+er)\s*(?:and|,)\s+((?:a\s+(?:touch|bit|little)|slightly|hard|far)\s+)?(?:to\s+(?:the\s+)?)?"
     r"(left|right)$", r"\1 \2 and pan the \1 \3\4"),
    # … and a side with how far: 'hats quieter 3 db and 30% right'
    (r"^(?:the\s+)?(\w+)\s+(\w+er)((?:\s+\d+(?:\.\d+)?\s*db)?)\s*(?:and|,)\s+(\d+)\s*(?:%|percent)?\s+(?:to\s+(?:the\s+)?)?"
     r"(left|right)$", r"\1 \2\3 and pan the \1 \4% \5"),
    # a setting's move, then the part: 'vol up on the bass', 'cutoff down a bit for the hats'
    (r"^(?:turn\s+)?(?:the\s+)?(\w+)\s+(up|down)((?:\s+a\s+(?:bit|little|touch|lot))?)\s+(?:on|for|in)\s+(?:the\s+)?(\w+)$",
     r"\4 \1 \2\3"),
    (r"^(?:turn\s+)?(?:the\s+)?(\w+)\s+(up|down)\s+(?:on|for|in)\s+(?:the\s+)?(\w+)(?:\s*,\s*|\s+to\s+)"
     r"(\d+(?:\.\d+)?\s*(?:k|khz|hz|hertz)?)[.!]*$", r"the \3's \1 \2 to \4"),   # (a % or dB after 'down': by how much?)     # … and where to: 'filter down on the bed, 600'
    # a front-of-house fader move: 'kick 3 dB down', 'hats 2db up'; a signed move on a part is dB ('-3 on the bass')
    (r"^(?:the\s+)?(\w+)\s+(\d+(?:\.\d+)?)\s*db\s+(up|down)$", r"\1 \3 \2 db"),
    (r"^([-+])(\d+(?:\.\d+)?)\s*(?:db\s+)?(?:on|for)\s+(?:the\s+)?(\w+)$",
     lambda m: f"{m.group(3)} {'down' if m.group(1) == '-' else 'up'} {m.group(2)} db"),
    # a switch, then the part: 'limiter off on the mains', 'reverb off on the saw'
    (r"^(?:turn\s+)?(?:the\s+)?(\w+)\s+(on|off)\s+(?:on|for|in)\s+(?:the\s+)?(\w+)$", r"\3 \1 \2"),
    # a detune said after its amount or after the part: 'the saw 7 cent detuned', 'the saw detuned by 7 cents'
    (r"^(?:the\s+)?(\w+)\s+(?:(-?\d+(?:\.\d+)?)\s*(cents?)\s+detuned|detuned\s+(?:by\s+)?(-?\d+(?:\.\d+)?)\s*(cents?))$",
     lambda m: f"detune the {m.group(1)} {m.group(2) or m.group(4)} {m.group(3) or m.group(5)}"),
    # wet and dry as an amount of the effect's mix: 'reverb 40% wet', 'reverb to 40 percent wet'
    (r"^(?:set\s+|make\s+)?(?:the\s+)?(\w+)\s+(?:to\s+|at\s+)?(\d+)\s*(?:%|percent)\s+wet$", r"\1 mix \2%"),
    (r"^(?:the\s+)?(\w+)\s+(more|less)\s+(wet|dry)$",
     lambda m: f"{'more' if (m.group(2).lower() == 'more') == (m.group(3).lower() == 'wet') else 'less'} {m.group(1)} mix"),
    # an effect 'in' a part: 'reverb in the snare', 'put a delay in the hats 1/8'
    # (said with no verb, 'reverb on the clap 30% mix' is that part's reverb, the one there if there is one)
    (rf"^(?P<verb>put\s+|add\s+|place\s+)?(?:an?\s+|some\s+)?{_EFFECTS}\s+(?:in|into|to|on)\s+(?:the\s+)?(\w+)\s*,?\s*"
     rf"(\d\S*(?:\s*[a-z]+)?)?$",
     lambda m: _effect_in(m)),
    # 'hats open up', 'the filter open up': the verb first
    (r"^(?:the\s+)?(\w+)\s+(open|close)\s+(up|down)$", r"\2 \3 the \1"),
    # someone else asks: 'Jamie wants the whole thing louder', 'the singer asked for more reverb'
    (r"^(?:the\s+)?[a-z]+\s+(?:wants|would\s+like|asked\s+for|asks\s+for|says)\s+(?!to\b)(.+)$", r"\1"),
    (r"^(?:(?:can|could)\s+(?:we|you|i)\s+)?hear\s+(?=the\s+\w+\s+\w)", ""),
    # the parts left out by a solo: 'bring the others back', 'the rest back in'
    (r"^(?:bring\s+|put\s+)?(?:the\s+|all\s+the\s+)?(?:others|other\s+parts|rest|everything\s+else)\s+back(?:\s+in)?$", "unsolo"),
    (r"^(?:quit|exit)\s+(?:the\s+)?(\w+)$", r"mute \1"),                 # a learner's 'quit' (quitar): take out
    (r"^(?:the\s+)?(\w+)\s+(humani[sz]e|quanti[sz]e|mute|unmute|solo)(\s+(?:it\s+)?(?:a\s+(?:bit|little|touch|lot)|"
     r"slightly|more|less))?$", r"\2 the \1\3"),                      # the verb after the part: 'shaker humanize'
    (r"^(?:undo|revert|take\s+back)\s+(?:that|the|my)\s+last\s+(?:thing|bit|change|step|one|edit|move)$", "undo"),
    (r"^(?:start|begin)\s+to\s+record(?:ing)?$", "record"), (r"^(?:and\s+)?carry\s+on$", "continue"),
    (r"^(start|stop)\s+(?:the\s+)?(?:recorder|tape\s+machine)$", r"\1 recording"),  # (no part called the recorder)
    (r"^(?:(?:and|ok|okay|now|so)\s+)?(?:start|play|go|run|take)?\s*(?:it|this|things|everything)?\s*(?:back\s+)?(?:again\s+|"
     r"one\s+more\s+time\s+|once\s+more\s+)?(?:from|to)\s+(?:the\s+)?(?:beginning|top|start)$", "start"),   # 'take it from the top',
    # 'run it back from the top', 'back to the top', 'one more time from the top'
    # 'restart', 'restart the track': the music from its start (never 'start over', a fresh start)
    (r"^(?:(?:and|ok|okay|now|so)\s+)?re-?start(?:\s+(?:it|this|everything|the\s+(?:music|track|song|beat|loop|sequencer|playback)))?"
     r"(?:\s+from\s+(?:the\s+)?(?:beginning|top|start))?$", "start"),
    (r"^(?:only|just)\s+(?:the\s+)?(\w+)\s+drum$", r"solo \1"),
    # a musician's terms for how notes are played and how loud
    (r"^(?:(?:very|more|a\s+bit|much)\s+)?(staccato|pizzicato|detached|legato|sustained)\s+(?:on\s+)?(?:the\s+)?(\w+)$",
     lambda m: f"{'longer' if m.group(1).lower() in ('legato', 'sustained') else 'shorter'} release on the {m.group(2)}"),
    (r"^(?:more\s+)?(legato|staccato)\s+on\s+(?:the\s+)?(\w+)\s*[:,]\s*(.+)$", r"\3 on the \2"),
    (r"^(brighter|darker|warmer|mellower|duller)\s+(?:tone|sound)$", r"\1"),
    (r"^(?:play|make)\s+(?:the\s+)?(\w+)\s+(?:sound\s+|go\s+)?(louder|quieter|softer|faster|slower|higher|lower|brighter|darker)$",
     r"\1 \2"),                                                       # 'play the bass louder'
    (r"^(?:status|info|details|settings)\s+(?:of|on|about|for)\s+(?:the\s+)?(\w+)$", r"show the \1"),      # with no tone param: the voice's brightness
    (r"^(lower|raise|less|more|reduce|increase)\s+(?:the\s+)?vibrato$", r"\1 the lfo depth"),
    # tuning in cents: 'a quarter tone sharp', 'by a cent or two'
    (r"^(?:tune\s+)?(?:the\s+)?(\w+)\s+(?:a\s+)?quarter[\s-]tone\s+(sharp|flat|up|down|higher|lower)$",
     lambda m: f"tune the {m.group(1)} {'up' if m.group(2).lower() in ('sharp', 'up', 'higher') else 'down'} 50 cents"),
    (r"^(lower|raise)\s+(?:the\s+)?(\w+)\s+by\s+(?:a|one)\s+cent\s+or\s+(two|three|2|3)$",
     lambda m: f"tune the {m.group(2)} {'down' if m.group(1).lower() == 'lower' else 'up'} {_FEW[m.group(3).lower()]} cents"),
    # a distortion's mode said as a sound: 'hard clipping', 'soft clip', 'bitcrushed'
    (r"^(hard|soft)[\s-]clip(?:ping|ped)?$", lambda m: f"distortion mode {'hard' if m.group(1).lower() == 'hard' else 'tanh'}"),
    (r"^(?:a\s+)?(?:try\s+)?(?:a\s+)?(?:shuffle|swing|swung)\s+(?:feel|groove|vibe)$", "more swing"),
)]
_FEW = {"two": 2, "three": 3, "2": 2, "3": 3}


_SIDES = {"l": "left", "r": "right", "left": "left", "right": "right"}

#: A part placed on a note, as an organist or a drone player says it: 'put the triangle on g3', 'sine on
#: c2', 'make the sine drone on f2', 'the sine holds g2 the whole time' (its pitch; a part that plays notes).
_ON_NOTE = re.compile(r"^(?:put|set|make|have|let|keep)?\s*(?:the\s+)?(\w+)\s+(?:(?:drone|hold|sit|stay|ring|rest)s?\s+)?"
                      r"(?:on|at)\s+([a-g](?:#|b)?-?\d)(?:\s+(?:the\s+whole\s+time|throughout|all\s+along))?$"
                      r"|^(?:the\s+)?(\w+)\s+(?:drone|hold|sit|stay|ring|rest)s?\s+([a-g](?:#|b)?-?\d)"
                      r"(?:\s+(?:the\s+whole\s+time|throughout|all\s+along))?$", re.I)

#: An interval before its direction: 'bass 2 octaves up', 'the bass one octave more down'.
_INTERVAL_FIRST = re.compile(rf"^(?:the\s+)?(\w+)\s+({_AMOUNT}\s+{_STEP}|{_STEP})\s+(?:more\s+)?(up|down|higher|lower)$", re.I)


#: 'now let's hear only the kick drum': a solo (said on the line as typed: 'only' is chatter elsewhere).
_HEAR_ONLY = re.compile(r"^(?:now,?\s+)?(?:let'?s\s+|let\s+me\s+|can\s+we\s+|we'?ll\s+)?hear\s+(?:only|just)\s+(?:the\s+)?(\w+)"
                        r"(?:\s+drum)?[.!]?$", re.I)


def reordered(text: str, model: PatchModel, line: str = "") -> list[tuple[str, str]]:
    """(how it was read, the line in the grammar's order) for each form that fits."""
    found = []
    alone = _HEAR_ONLY.match(line.strip())
    if alone:
        found.append((f"only {alone.group(1)}: solo", f"solo {alone.group(1)}"))
    interval = _INTERVAL_FIRST.match(text)
    if interval and _pitched(interval.group(1).lower(), model):      # a part's pitch, never a filter's cutoff
        part, step, direction = interval.groups()
        step = step if re.match(_AMOUNT + r"\s", step, re.I) else f"an {step}"
        found.append((f"read as '{part} {direction} {step}'", f"{part} {direction} {step}"))
    on_note = _ON_NOTE.match(text)
    if on_note:
        part, note = (on_note.group(1), on_note.group(2)) if on_note.group(1) else (on_note.group(3), on_note.group(4))
        if _pitched(part.lower(), model):
            found.append((f"{part} on {note}: its pitch", f"tune the {part} to {note}"))
    for pattern, replacement in _ORDERS:
        if pattern.search(text):
            new = re.sub(r"\s+", " ", pattern.sub(replacement, text)).strip()
            if new != text and not _a_second_effect(text, new, model):
                found.append((f"read as '{new}'", new))
    cut = _CUT.match(text)
    if cut and model.tracks.get(cut.group(1).lower()) is not None and \
            CATALOGUE[model.modules.get(model.tracks[cut.group(1).lower()].target, "master")].spec.role == "drum":
        found.append((f"cut the {cut.group(1)}: mute it", f"mute {cut.group(1)}"))      # a drum cut is its track muted
    region = _param_then_adjective(text, model)
    plain = None if region and region[1].startswith("set ") else _plain_quality(text, model)   # 'room big': the region
    for found_one in (plain, _adjective_params(text, model), region):
        if found_one:
            found.append(found_one)
    return found


_ADDED = re.compile(r"^add a (\w+) to the (\w+)")


def _a_second_effect(text: str, new: str, model: PatchModel) -> bool:
    """'echo on the melody' read as 'add a delay to …' where that part has a delay: a second one was not asked
    for (the line as said asks which — more of it, or another)."""
    added = _ADDED.match(new)
    if added is None or re.match(r"^(?:add|put|place)\b", text, re.I):
        return False
    kind, part = type_named((added.group(1).lower(),)), added.group(2).lower()
    head = part if part in model.modules else model.tracks[part].target if part in model.tracks else None
    return kind is not None and any(model.modules.get(m) == kind for m in model.voice_of(head))


def _pitched(word: str, model: PatchModel) -> bool:
    """A word naming a part that plays notes or an oscillator (a track, a source's id, type or alias)."""
    if word in model.tracks:
        return True
    sources = {m: t for m, t in model.modules.items() if t in CATALOGUE and CATALOGUE[t].spec.role == "source"}
    return any(word in (m, t, *CATALOGUE[t].spec.aliases) for m, t in sources.items())


_CUT = re.compile(r"^cut\s+(?:the\s+)?(\w+)(?:\s+out)?$", re.I)
_ADJECTIVE_PARAM = re.compile(r"(?<![^,])(\s*)([a-z]+)\s+([a-z_]+)(?=\s*(?:,|$))", re.I)


def _adjective_params(text: str, model: PatchModel) -> tuple[str, str] | None:
    """'kick, long decay, low pitch': each clause of an adjective and a param said as the param's
    comparative ('decay longer, pitch lower'), after the sound named first (added when there is none
    of its type); None when no clause is."""
    said = []

    def clause(match: re.Match) -> str:
        comparative = comparative_of(match.group(2))
        if comparative is None or not is_known_word(match.group(3)) or comparative_of(match.group(3)):
            return match.group(0)
        said.append(f"{match.group(2)} {match.group(3)} → {match.group(3)} {comparative}")
        return f"{match.group(1)}{match.group(3)} {comparative}"

    new = _ADJECTIVE_PARAM.sub(clause, text)
    first, _, rest = new.strip().partition(" ")
    type_name = type_named((first.strip(",").lower(),))
    if type_name and not model.of_type(type_name):
        new = f"add a {first.strip(',')}, {rest.lstrip(', ')}"    # 'impact: kick, long decay': a kick, made so
    elif type_name and first.endswith(","):
        new = f"{first.strip(',')} {rest}"
    return ("; ".join(said), new) if said else None


#: A param and a plain adjective after it, ending the line ('kick decay long', 'cutoff low').
_PARAM_ADJECTIVE = re.compile(r"\b([a-z_]+)\s+([a-z]+)$", re.I)


def _param_then_adjective(text: str, model: PatchModel) -> tuple[str, str] | None:
    """'kick decay long' → 'kick decay longer': a param's value said as a quality is that way from here — and, said
    of a param far on the other side ('reverb size small' on a mid-sized room, 'depth small' at half), the region
    the word names (a quarter of the way along the range, or three quarters), never a step that leaves it big."""
    match = _PARAM_ADJECTIVE.search(text)
    if match is None or not any(entry.spec.has_param(match.group(1).lower()) for entry in CATALOGUE.values()):
        return None
    comparative = comparative_of(match.group(2))
    if comparative is None:
        return None
    region = _region(text[:match.start(2)], COMPARATIVES[comparative][0], model)
    if region is not None:
        module_id, param, value = region
        return f"{match.group(1)} {match.group(2)}: a {match.group(2)} {param} → {module_id} {param} " \
               f"{format_number(value)}", f"set {module_id} {param} to {format_number(value)}"
    new = text[:match.start(2)] + comparative
    return f"{match.group(1)} {match.group(2)} → {match.group(1)} {comparative}", new


#: How far along a 0–1 param's range a plain quality puts it ('small': a quarter of the way, 'big': three quarters).
_REGION = {-1: 0.25, 1: 0.75}


def _region(words: str, direction: int, model: PatchModel) -> tuple[str, str, float] | None:
    """(module id, param, value) for a 0–1 amount named in `words` (a room, a depth, a resonance, a feedback, a mix) now
    on the other side of the region a quality says; None when it is there already (a step that way, as before), or for
    any other param — a level, a pan, a detune, a time: a step, as before."""
    from .intents import Word, Words
    from .errors import LanguageError
    from .resolve import Resolver

    said = [w for w in re.findall(r"[\w.]+", words.lower()) if w not in ("the", "a", "an", "my", "its", "set")]
    if not said:
        return None                                   # ('humanize, like a real hand': no param before the word)
    try:
        module_id, spec = Resolver(model).param(Words(tuple(Word(w, 0) for w in said)), hints=False)
    except (LanguageError, ValueError):
        return None
    if spec.unit != "ratio" or spec.low != 0 or spec.name in LEVEL_OF_MODULE[:1]:
        return None                                   # (a level, a signed, a dB or a time range: a step, as before)
    value = _REGION[direction] * float(spec.high)
    now = float(model.value(module_id, spec.name))
    return (module_id, spec.name, round(value, 6)) if (now - value) * direction < 0 else None


def _compared(said: str) -> str:
    """'fast attack' → 'faster attack': a quality of a setting said as the move the grammar reads."""
    quality, name = said.split()
    return f"{comparative_of(quality) or quality} {name}"


def comparative_of(word: str) -> str | None:
    """'low' → 'lower', 'sloppy' → 'sloppier': the comparative the language knows, else None."""
    word = word.lower()
    return next((c for c in (word + "er", word + "r", word + word[-1] + "er", word[:-1] + "ier") if c in COMPARATIVES),
                None)


#: A quality said plainly with its part, either way round: 'sloppy hats', 'make the pad dark', 'kick loud'.
_PLAIN = re.compile(r"^(?:make\s+)?(?:the\s+)?([a-z]+),?\s+(?:a\s+bit\s+|a\s+little\s+|more\s+|"
                    r"(?:really|very|so|super|real|extra|way)\s+)?([a-z]+)$", re.I)


def _plain_quality(text: str, model: PatchModel) -> tuple[str, str] | None:
    """'sloppy hats' → 'hats sloppier': a plain adjective whose comparative the language knows, with a part."""
    match = _PLAIN.match(text)
    if match is None:
        return None
    for part, adjective in (match.groups(), match.groups()[::-1]):
        comparative = adjective.lower() if adjective.lower() in COMPARATIVES else comparative_of(adjective)
        if comparative and _a_part(part.lower(), model):
            part = _the_one_of_type(part.lower(), model)
            return f"{adjective} {part} → {part} {comparative}", f"{part} {comparative}"
    return None


def _the_one_of_type(word: str, model: PatchModel) -> str:
    """'envelope' → 'adsr1' when the patch has one module of that type: the module, never a param
    of another one that shares the word (a 303's env amount)."""
    if word in model.tracks or word in model.modules:
        return word
    if nickname(word, model):
        return nickname(word, model)                 # 'warm pad': the voice 'pad' means now
    types = [t for t in CATALOGUE if word in (t, *CATALOGUE[t].spec.aliases)]
    found = [m for m, t in model.modules.items() if t in types]
    return found[0] if len(found) == 1 else word


def _a_part(word: str, model: PatchModel) -> bool:
    """A word naming a part now: a track, a module's id, or the type or alias of a module there."""
    return word in model.tracks or word in model.modules or nickname(word, model) is not None or any(
        word in (t, *CATALOGUE[t].spec.aliases) for t in model.modules.values() if t in CATALOGUE)


__all__ = ["reordered"]
