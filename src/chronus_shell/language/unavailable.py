"""What the shell cannot do, said with what it can do nearby: a refused line that asks for sidechain
ducking, a render to a file, strumming, a drum the kit has no sound of, an instrument by name, or a whole backing written for
you, a greeting, a beat or a tune asked for by name, a sound like another instrument, or nothing heard gets one helpful line, not a lookalike word ('duck' is no euclid rhythm, 'ride' is not 'wide'); the
words said as something else are not caught ('let it ride', 'mute the backing').
Read only for a line every other reading refused (refusal_wording.with_nearest)."""
from __future__ import annotations

import re

from .errors import LanguageError

#: (what the line asks for, the line that answers it). First match wins.
NOT_HERE = (
    (r"\b(?:duck(?:s|ed|ing)?|side[- ]?chain(?:s|ed|ing)?|sidechain)\b|\bpump(?:s|ed|ing)?\b(?!.*\bup\b)",   # ('pump it up': louder)
     "no sidechain ducking yet (nor its pumping) — nearby: the part quieter ('bass -3 db'), an LFO on its level "
     "('lfo on the bass gain at 2 hz'), or louder: 'pump it up'"),
    (r"\b(?:render(?:s|ed|ing)?|export|mix\s?down)\b|\bbounce\s+(?:it\s+|the\s+\w+\s+)?(?:down|out|to)\b",
     "render a script to a file outside the shell: `chronus render SCRIPT -o out.wav`; in the shell, "
     "'record to take1.wav' writes what plays (then 'stop recording')"),
    (r"\b(?:risers?|uplifters?|whoosh(?:es)?)\b",
     "no riser by that name: a riser is noise faded in — 'add a noise', then 'fade in the noise from nothing over 8 "
     "bars' (or 'sweep the cutoff up over 8 bars' on a filtered part)"),
    (r"\bstrum(?:s|med|ming)?\b",
     "no strumming: a chord's notes start together — nearby: an arpeggio ('arpeggiate the chords')"),
    (r"\b(?:an?|the|some|my)\s+(?:ride|splash|china|crash)\b|\b(?:ride|splash|china|crash)\s+(?:cymbals?|bell|on)\b|"
     r"\b(?:cymbals?|toms?|floor\s+tom|rim\s?shots?|cowbell|"
     r"congas?|bongos?|tambourine|timbales?)\b",
     "the kit here is kick, snare and hat (the hat plays cymbal parts) — e.g. 'hats on every beat', "
     "'hats decay 300' for an open sound"),
    (r"\b(?:write|make|give|add|create|play|generate|need|want|build)\b.*\b(?:backing|accompaniment)\b|"   # asked for,
     r"\b(?:arrange(?:ment)?|compose|a\s+(?:whole|full|complete)\s+(?:song|track|beat))\b",              # not 'the backing' that plays
     "I don't write whole parts: build it a line at a time, e.g. 'kick on every beat', 'add a saw', "
     "'play Am F C G on the saw'"),
    (r"\bbrush(?:es|ed|ing)?\b",
     "no brushes: the snare is a synth drum — nearby, softer and shorter ('snare quieter', 'snare decay 80'), or less "
     "crack ('snare snap 0.2')"),
    (r"\bcount(?:s|ed|ing)?\s+(?:it|us|them|me|the\s+band)?\s*(?:off|in)\b|\bcount[- ]?(?:off|in)\b",
     "no count-in: 'start' begins the parts at the top of the bar — a click to play along: 'add a metronome'"),
    (r"^(?:(?:go|standby|stand\s+by)\s+(?:for\s+)?)?(?:cue|q)\s*\d+(?:\.\d+)?[a-z]?[\s.!:]*$",
     "a cue names a place in the show, not what happens there: say it after the cue, e.g. 'cue 3: fade in the noise "
     "over 8 seconds', 'cue 4: mute the kick'"),
    (r"\btime\s+signature\b|\bmeter\b|\bin\s+[2-9]/(?:4|8)\b",
     "the sequencer keeps no time signature: a pattern's length is its bar — 3/4 is 12 steps ('kick x...........', "
     "'hats x.x.x.x.x.x.'), or a groove keeps its own ('waltz', 'polka 2/4')"),
    (r"^why\b",
     "I can't say why — 'what is playing' lists the tracks (and which are muted), 'list modules' the sounds; a sound "
     "with no track drones on its own ('stop the sine' silences it)"),
    (r"^(?:(?:and|now|here'?s|ok)\s+)?(?:the\s+)?drop[\s!.]*$",
     "drop what? a breakdown is parts muted for a while — 'drop the drums for 2 bars', 'drop everything but the kick "
     "for 4 bars' — and 'bring everything back' is the drop"),
    (r"^(?:(?:and|now|do|then)\s+)?(?:the\s+)?same\s+(?:thing\s+)?(?:for|on|with|to)\b",
     "'same for …' does the last change again on another part, and the last line changed nothing that part has: "
     "say the change whole, e.g. 'snare louder', 'add a reverb to the snare'"),
    (r"^(?:(?:hello|hi|hey|hiya|howdy|yo|greetings|good\s+(?:morning|afternoon|evening))\b[\s,!.]*(?:there|chronus|shell)?[\s,!.]*)+$",
     "hello! 'help' lists what I know; a first step: 'four on the floor' (a kick), then 'start'"),
    (r"\b(?:can'?t|cannot|can\s+not|don'?t|do\s+not)\s+hear\b|\bno\s+sound\b|\bnothing\s+(?:happens|plays|is\s+playing)\b",
     "nothing heard? 'start' runs the patterns, 'what is playing' lists them, 'master volume 0 db' sets the level; "
     "if the shell said it uses the null backend, there is no audio device (docs/tuning.md)"),
    (r"\b(?:make|play|give\s+me|gimme|want|need|do|program|build|write)\s+(?:me\s+|us\s+)?(?:a|an|some|the)\s+"
     r"(?:\w+\s+)?(?:drum\s+)?(?:beat|groove|rhythm|drums)\b",
     "a beat is a part at a time: 'four on the floor' (a kick), 'snare on 2 and 4', 'hats on every 8th', then 'start' "
     "— or a groove by name once a kick plays: 'rock beat', 'waltz'"),
    (r"^(?:play|make|do|give\s+me|gimme|let'?s\s+(?:do|make|have|play))?\s*(?:something|anything|some\s+music)\b",
     "I don't make music from a mood: build it a line at a time, e.g. 'tempo 85', 'four on the floor', "
     "'add a sine at 220 hz', 'add a reverb to the sine', then 'start'"),
    (r"\b(?:add|get|give\s+me|gimme|want|need|bring\s+in|put\s+in|use|load|i'?d\s+like|i\s+would\s+like|let'?s\s+have|"
     r"(?:can|could|may)\s+(?:i|we)\s+(?:have|get))(?:\s+to\s+(?:hear|have|add|get))?\s+(?:(?:a|an|some|the|my|me)\s+)*"
     r"(?:(?:electric|acoustic|grand|upright|nylon|steel|bass|synth|lead|rhythm|clean|string|brass|church|hammond|fender|"
     r"double|jazz|pop|rock)\s+)*(?:piano|keys|keyboards?|rhodes|organ|guitars?|ukulele|uke|banjo|mandolin|harp|strings|"
     r"violins?|cello|bass|synth|pad|flute|sax(?:ophone)?|trumpet|horns?|brass|choir|vocals?|voice|drums|drum\s+kit|kit)\b"
     r"(?!\s+(?:notes?|line|track|part|drum)\b)",
     "no instruments by name: the sounds are synth voices — for chords or a tune 'add a triangle called piano' (or "
     "guitar, keys…), for a bass 'add a saw called bass at 55 hz', for drums 'add a kick, a snare and a hat'; then e.g. "
     "'chords C F G on the piano' ('list types' has every sound)"),
    (r"\b(?:add|get|give\s+me|gimme|want|need|start|bring\s+in|put\s+in)\s+(?:(?:a|an|some|the|my|me)\s+)*(?:[a-z]+\s+)?drones?\b",
     "a drone is a sound left on: 'add a saw at 55 hz' (or a sine, a square, a triangle: 'add a sine called drone at "
     "55 hz') — it plays until 'stop the saw'; 'hold e2 and b2 on the saw' holds notes"),
    (r"\bsound\s+(?:more\s+|a\s+bit\s+|a\s+little\s+)?like\b",
     "I can't make a sound like another instrument: shape it with its settings — 'brighter', 'darker', 'more "
     "resonance', 'add a reverb to it', 'attack 200 ms' ('help <type>' lists a sound's settings)"),
    (r"^(?:can|could|would)\s+you\s+play\s+(?:a|an|the|some)\s+\w+|\bplay\s+(?:\w+\s+){1,5}(?:star|song|tune|melody|theme|anthem|birthday|jingle|carol)\b",
     "I play notes on a sound, not tunes or instruments by name: 'add a triangle called piano', then 'play c c g g a a g "
     "on the piano' (the sounds: saw, square, triangle, sine, noise, sampler, kick, snare, hat — "
     "'list types' has them all)"),
)
_NOT_HERE = tuple((re.compile(pattern, re.I), said) for pattern, said in NOT_HERE)


#: The orchestra's triangle, said as the metal one: no triangle wave ('triangle! the little metal one, ting ting').
_METAL_TRIANGLE = re.compile(r"\btriangle\b(?=.*\b(?:metal|ting|ding|percussion|beater|struck|orchestra)\b)|"
                             r"\b(?:metal|percussion|orchestral?)\s+triangle\b", re.I)


def metal_triangle(line: str, model) -> None:
    """Refuses the percussion triangle before a 'triangle' adds an oscillator no one asked for (a triangle wave
    playing already is the one named: 'the triangle brighter, like a metal bar')."""
    if _METAL_TRIANGLE.search(line) and not model.of_type("triangle"):
        raise LanguageError("a triangle here is an oscillator (a triangle wave), not the metal one: the hat rings "
                            "nearest — e.g. 'hats on the 8ths', 'hat tone up', 'hats decay 300'", 0, (), line)


def not_here(line: str) -> str | None:
    """The one line for something the shell cannot do that `line` asks for, or None."""
    return next((said for pattern, said in _NOT_HERE if pattern.search(line)), None)


__all__ = ["metal_triangle", "not_here", "NOT_HERE"]
